//! An ACLED export longer than 4 GiB, which a page's engine reads from a file on disk: its rows
//! past the 4 GiB mark load, are read again from where they start, and their problems name
//! their lines, as the rows before the mark do. The file is made up as it is read, never held.

use std::cell::RefCell;

use dateline::read::{Format, Options, Reading, Source};
use dateline::Store;

const GIB_4: u64 = 1 << 32;
const HEADER: &str = "event_id_cnty,event_date,event_type,sub_event_type,actor1,padding\n";
/// A row's length: no divisor of 4 GiB, so that the mark falls inside a row.
const ROW: usize = 300_007;
/// Enough rows to reach past the mark by a few.
const ROWS: u64 = 14_330;
/// Where a row's id (its number, in eight digits) and its date are in the row.
const ID: std::ops::Range<usize> = 3..11;
const DATE: std::ops::Range<usize> = 12..22;

/// An ACLED export of `ROWS` rows of `ROW` bytes: `SYN` and the row's number, a date, a type
/// and an actor, and a field of padding that no reader looks into. Row `bad`'s date is no
/// day of the calendar. It records every range read from it.
struct Synthetic {
    row: Vec<u8>,
    bad: u64,
    reads: RefCell<Vec<(u64, usize)>>,
}

impl Synthetic {
    fn new(bad: u64) -> Synthetic {
        let mut row = b"SYN00000000,2020-01-08,Battles,Armed clash,Someone,".to_vec();
        row.resize(ROW - 1, b'x');
        row.push(b'\n');
        Synthetic {
            row,
            bad,
            reads: RefCell::default(),
        }
    }

    /// Where row `n` (from 0, in file order) starts.
    fn start(n: u64) -> u64 {
        HEADER.len() as u64 + n * ROW as u64
    }

    /// Byte `at` of row `n`: the row's own id and date where they are, else the template's.
    fn byte(&self, n: u64, at: usize) -> u8 {
        if ID.contains(&at) {
            format!("{n:08}").as_bytes()[at - ID.start]
        } else if n == self.bad && DATE.contains(&at) {
            b"2020-02-30"[at - DATE.start]
        } else {
            self.row[at]
        }
    }
}

impl Source for Synthetic {
    fn len(&self) -> u64 {
        Synthetic::start(ROWS)
    }

    fn read(&self, from: u64, into: &mut [u8]) -> bool {
        self.reads.borrow_mut().push((from, into.len()));
        if from + into.len() as u64 > self.len() {
            return false;
        }
        let header = HEADER.len() as u64;
        let mut done = 0;
        while done < into.len() {
            let at = from + done as u64;
            if at < header {
                let n = (header - at).min((into.len() - done) as u64) as usize;
                into[done..done + n]
                    .copy_from_slice(&HEADER.as_bytes()[at as usize..at as usize + n]);
                done += n;
                continue;
            }
            let (row, offset) = (
                (at - header) / ROW as u64,
                ((at - header) % ROW as u64) as usize,
            );
            let n = (ROW - offset).min(into.len() - done);
            into[done..done + n].copy_from_slice(&self.row[offset..offset + n]);
            // Only the bytes of the id and the date differ from row to row.
            for at in (ID.start.max(offset)..ID.end.min(offset + n))
                .chain(DATE.start.max(offset)..DATE.end.min(offset + n))
            {
                into[done + at - offset] = self.byte(row, at);
            }
            done += n;
        }
        true
    }
}

#[test]
fn rows_past_4_gib_load_and_are_read_again_from_where_they_start() {
    assert!(Synthetic::start(ROWS - 10) > GIB_4, "rows past the mark");
    // The first row past the mark, the one the mark falls in, and the last.
    let past = (GIB_4 - HEADER.len() as u64).div_ceil(ROW as u64);
    assert!(Synthetic::start(past - 1) < GIB_4 && Synthetic::start(past) > GIB_4);
    let bad = past + 3;
    let file = std::rc::Rc::new(Synthetic::new(bad));
    let options = Options {
        format: Some(Format::Acled),
        name: "large.csv".into(),
        ..Options::default()
    };
    let store = Store::new(Reading::from_source(file.clone(), &options).finish());
    assert!(store.in_file(), "the events stay in the file");

    // The row with no such day is reported by its line (the header is line 1) and field, and
    // nothing else is.
    let problems = store.problems();
    assert_eq!(problems.len(), 1, "{problems:?}");
    let line = bad + 2;
    assert_eq!(problems[0].path, format!("line {line}, event_date"));
    assert_eq!(u64::from(problems[0].line), line);
    assert_eq!(problems[0].column, DATE.start as u32 + 1);
    assert!(problems[0].message.contains("2020-02-30"), "{problems:?}");
    let loaded = (0..ROWS).filter(|&n| store.row_of(&format!("SYN{n:08}")).is_some());
    assert_eq!(loaded.count() as u64, ROWS, "every row is an event");

    for n in [0, past - 1, past, past + 1, bad, ROWS - 1] {
        let id = format!("SYN{n:08}");
        let row = store.row_of(&id).unwrap_or_else(|| panic!("{id} loaded"));
        file.reads.borrow_mut().clear();
        let event = store.event_at(row);
        assert_eq!(event.id, id);
        assert_eq!(event.event_type, "armed-clash");
        // Its own date, made again from its own row: the bad row is undated.
        assert_eq!(event.date.is_some(), n != bad, "{id}");
        assert_eq!(
            *file.reads.borrow(),
            [(Synthetic::start(n), ROW)],
            "{id} is read from where it starts to where the next row does"
        );
    }
}
