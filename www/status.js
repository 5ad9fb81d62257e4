// @ts-check
// What the explorer says about itself, in the shell's header and problems box: how much of the
// data has arrived and been read (the status line and the progress bar), how many events are
// shown, the data's problems, and why it stopped or could not export.
import { clear, el } from './dom.js';

/** @import { Problem, ReadingProgress } from './api.js' */
/** @import { Shell } from './shell.js' */

// The status line is a live region: while reading, a new count is written at most this often
// (in one phase), so that it stays readable.
const SAY_EVERY_MS = 200;

export class Status {
  /** @param {Shell} shell the frame whose header and problems box it writes */
  constructor(shell) {
    this.shell = shell;
    /** When the status line last said how reading went, and in which phase. */
    this.said = 0;
    /** @type {string | null} */
    this.saidPhase = null;
  }

  /**
   * How much has arrived (`size` bytes, of `total` announced, 0 for unknown), from 1 MB on.
   *
   * @param {number} size
   * @param {number} total
   */
  arrived(size, total) {
    const { status, bar, locale } = this.shell;
    if (size < 1e6) return;
    const tenths = new Intl.NumberFormat(locale.tag, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    /** @param {number} n */
    const mb = (n) => tenths.format(n / 1e6);
    status.textContent = total ? locale.say('loadingOf', { args: [mb(size), mb(total)] }) : locale.say('loadingSome', { args: [mb(size)] });
    bar.hidden = false;
    if (total) {
      bar.max = total;
      bar.value = Math.min(size, total);
    } else {
      bar.removeAttribute('value');
    }
  }

  /**
   * How far reading got: a progress bar per phase, and the events read in the status line.
   *
   * @param {ReadingProgress} progress
   */
  reading({ phase, progress, events }) {
    const { status, bar } = this.shell;
    if (!bar.isConnected) return;
    bar.hidden = false;
    bar.max = 1;
    bar.value = progress;
    const { locale } = this.shell;
    bar.setAttribute('aria-label', locale.text[phase === 'reading' ? 'dataRead' : 'eventsIndexed']);
    // Busy while the count runs, so that it is read out once it settles.
    status.setAttribute('aria-busy', 'true');
    if (phase !== this.saidPhase || performance.now() - this.said > SAY_EVERY_MS) {
      this.said = performance.now();
      this.saidPhase = phase;
      const count = locale.say('events', { count: events });
      const percent = Math.floor(progress * 100);
      status.textContent = locale.say(phase === 'reading' ? 'reading' : 'indexing', { args: [count, locale.numbers.format(percent)] });
    }
  }

  /** Loading is over: no more Cancel or progress bar. */
  loaded() {
    this.shell.cancel.remove();
    this.shell.bar.remove();
    this.shell.status.removeAttribute('aria-busy');
  }

  /**
   * The events that match (`total`) of the events loaded (`of`).
   *
   * @param {number} total
   * @param {number} of
   */
  matching(total, of) {
    const { locale } = this.shell;
    const events = locale.say('events', { count: of, grouped: false });
    this.shell.status.textContent = total === of ? events : locale.say('matching', { count: total, grouped: false, args: [events] });
  }

  /**
   * The errors among the data's `problems` (`{ severity, path, line, column, message }`), with a
   * `summary` of the import before them, if any; the box hides when there are none.
   *
   * @param {Problem[]} problems
   * @param {string} [summary]
   */
  problems(problems, summary) {
    const { problems: box, locale } = this.shell;
    const errors = problems.filter((p) => p.severity === 'error');
    box.hidden = errors.length === 0;
    if (!errors.length) return;
    const lead = summary ? `${summary}. ` : '';
    /** @param {Problem} p */
    const where = (p) => [p.path, p.line ? locale.say('lineColumn', { args: [locale.number(p.line), locale.number(p.column)] }) : ''].filter(Boolean).join(', ');
    clear(box).append(el('details', {},
      el('summary', {}, locale.say('problems', { count: errors.length, args: [lead] })),
      el('ul', {}, ...errors.slice(0, 8).map((p) => el('li', {}, el('code', {}, where(p)), ' ', p.message))),
      errors.length > 8 ? el('p', {}, locale.say('moreProblems', { args: [locale.number(errors.length - 8)] })) : null));
  }

  /**
   * Nothing is shown, and `message` says why; `retry`, if given, is offered as "Try again".
   *
   * @param {string} message
   * @param {(() => void) | null} retry
   */
  stopped(message, retry) {
    const { cancel, bar, status, problems, locale } = this.shell;
    cancel.remove();
    bar.remove();
    status.textContent = locale.say('notLoaded');
    status.removeAttribute('aria-busy');
    const button = retry ? el('button', { type: 'button', class: 'dl-button' }, locale.say('tryAgain')) : null;
    if (button && retry) button.addEventListener('click', retry, { once: true, signal: this.shell.signal });
    // The slot shows the element's own children, such as a static list of the events a page
    // wrote for readers without scripts, below the reason (no longer above it, as while loading).
    this.shell.root.querySelector(':scope > slot')?.remove();
    clear(problems).append(el('div', { class: 'dl-error', role: 'alert' }, el('p', {}, message), button), el('slot', {}));
    problems.hidden = false;
  }

  /** The engine failed and a fresh one shows the view again: said once, politely. */
  restarted() {
    const problems = this.shell.problems;
    problems.append(el('p', { class: 'dl-note', role: 'status' }, this.shell.locale.say('restarted')));
    problems.hidden = false;
  }

  /**
   * An export that failed (`error`), or none (`null`, which clears the last failure).
   *
   * @param {Error | null} error
   */
  exportFailed(error) {
    const { problems, locale } = this.shell;
    problems.querySelector('.dl-export-error')?.remove();
    if (error) problems.append(el('p', { class: 'dl-error dl-export-error', role: 'alert' }, locale.say('exportFailed', { args: [locale.message(error)] })));
    problems.hidden = !problems.hasChildNodes();
  }
}
