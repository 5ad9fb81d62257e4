//! The tables `dateline serve` queries, built by the engine itself from the Parquet files of a
//! directory: the events (ACLED's columns as text, and the day span, type, place and precision
//! Dateline derives from them, as its ACLED reader does), each event's actors, and counts
//! grouped by day span that answer a brush without reading the events.
//!
//! Every statement here is the engine's own SQL (reading files, dates, splitting lists); the
//! queries of a view (`sql.rs`) are SQL both engines run.

use std::path::{Path, PathBuf};

use dateline::model::event_type::EVENT_TYPES;

use super::backend::{self, Backend, Dialect};

pub use crate::columnar::{OPTIONAL, REQUIRED};

/// The events, one row each: `seq` (its row in the files, in name order: the order of events
/// of the same day span, and the `row` of list entries), ACLED's columns as text, and `earliest`,
/// `latest` (day numbers, both NULL when undated), `type`, `place`, `precision` and `search`
/// (the lower-cased text that `text` searches).
pub const EVENTS: &str = "dateline_events";
/// Each event's actors, one row per (event, actor), with the event's `earliest`, `latest`,
/// `type`, `place` and `precision`.
pub const ACTORS: &str = "dateline_actors";
/// Events counted by (earliest, latest, type, place, precision): the day × type × place table.
pub const BY_TYPE: &str = "dateline_by_type";
/// Events counted by (earliest, latest, type, precision): small enough to read whole, for the
/// timeline's bins and the type counts of a brush.
pub const BY_SPAN: &str = "dateline_by_span";
/// Actor rows counted by (earliest, latest, actor): the day × actor table.
pub const BY_ACTOR: &str = "dateline_by_actor";

/// The Parquet files of `dir`, in name order.
pub fn parquet_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: cannot read the directory: {e}", dir.display()))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "parquet"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(format!(
            "{}: no .parquet files (write one with DuckDB: COPY (SELECT * FROM 'events.csv') TO 'events.parquet')",
            dir.display()
        ));
    }
    Ok(files)
}

/// The engine's table function that reads one Parquet file, with its row numbers.
fn read_file(dialect: Dialect, path: &str) -> String {
    let path = dialect.quote(path);
    match dialect {
        Dialect::DuckDb => format!("read_parquet({path}, file_row_number = true)"),
        Dialect::ClickHouse => format!("file({path}, Parquet)"),
    }
}

/// The columns of one file, checked: an unreadable file or a missing column is an error that
/// names the file (and the column).
fn columns_of(backend: &mut Backend, path: &Path) -> Result<Vec<String>, String> {
    let shown = path.display();
    let name = path.to_string_lossy();
    let sql = format!(
        "DESCRIBE SELECT * FROM {}",
        read_file(backend.dialect(), &name)
    );
    let rows = backend.rows(&sql).map_err(|e| {
        // The engine's message on one line, without the stack trace ClickHouse may add.
        let said: Vec<&str> = e.split_whitespace().collect();
        let mut said = said.join(" ");
        if let Some(at) = said.find(" Stack trace") {
            said.truncate(at);
        }
        if said.len() > 400 {
            let cut = (0..=400)
                .rev()
                .find(|&i| said.is_char_boundary(i))
                .unwrap_or(0);
            said.truncate(cut);
            said.push('…');
        }
        format!("{shown}: cannot be read as Parquet: {said}")
    })?;
    let columns: Vec<String> = rows
        .iter()
        .filter_map(|r| backend::text(r.get("column_name").or_else(|| r.get("name"))))
        .collect();
    if let Some(missing) = REQUIRED.iter().find(|c| !columns.iter().any(|h| h == *c)) {
        return Err(format!(
            "{shown}: has no column '{missing}'; an ACLED export's columns are needed: {}",
            REQUIRED.join(", ")
        ));
    }
    Ok(columns)
}

/// A column as text (NULL stays NULL).
fn as_text(dialect: Dialect, column: &str) -> String {
    match dialect {
        Dialect::DuckDb => format!("CAST({column} AS VARCHAR)"),
        Dialect::ClickHouse => format!("CAST({column} AS Nullable(String))"),
    }
}

/// One file's rows: ACLED's columns as text, with `seq`, the row's place in the file, and
/// `file`, the file's place in name order.
fn file_rows(dialect: Dialect, index: usize, path: &Path, columns: &[String]) -> String {
    let mut select = Vec::new();
    let row = match dialect {
        Dialect::DuckDb => "file_row_number",
        Dialect::ClickHouse => "_row_number",
    };
    select.push(format!("CAST({row} AS BIGINT) AS seq, {index} AS file"));
    for &c in REQUIRED.iter().chain(OPTIONAL) {
        if columns.iter().any(|h| h == c) {
            select.push(format!("{} AS {c}", as_text(dialect, c)));
        } else {
            select.push(format!("{} AS {c}", as_text(dialect, "NULL")));
        }
    }
    format!(
        "SELECT {} FROM {}",
        select.join(", "),
        read_file(dialect, &path.to_string_lossy())
    )
}

/// A `CREATE TABLE … AS` in the engine's words; `order` sorts the rows (DuckDB keeps them in
/// that order, so a date range reads few blocks; ClickHouse sorts by its key).
fn create(dialect: Dialect, name: &str, order: &str, select: &str) -> String {
    match dialect {
        Dialect::DuckDb => format!("CREATE OR REPLACE TABLE {name} AS {select} ORDER BY {order}"),
        Dialect::ClickHouse => format!(
            "CREATE OR REPLACE TABLE {name} ENGINE = MergeTree ORDER BY ({order}) \
             SETTINGS allow_nullable_key = 1 AS {select}"
        ),
    }
}

/// Dateline's type for ACLED's `event_type` and `sub_event_type`, as its ACLED reader maps them.
const TYPE_CASE: &str = "CASE \
    WHEN e = 'Battles' THEN 'armed-clash' \
    WHEN s = 'Air/drone strike' THEN 'airstrike' \
    WHEN s = 'Shelling/artillery/missile attack' THEN 'rocket-attack' \
    WHEN s IN ('Remote explosive/landmine/IED', 'Suicide bomb', 'Grenade') THEN 'bombing' \
    WHEN e IN ('Explosions/Remote violence', 'Violence against civilians') THEN 'attack' \
    WHEN e = 'Protests' THEN 'protest' \
    WHEN e = 'Riots' THEN 'assault' \
    WHEN s = 'Agreement' THEN 'agreement' \
    WHEN s = 'Arrests' THEN 'arrest' \
    WHEN s = 'Non-violent transfer of territory' THEN 'handover' \
    WHEN s = 'Headquarters or base established' THEN 'deployment' \
    ELSE 'other' END";

/// The label of an event's Dateline type, which text search also looks in.
fn type_labels(dialect: Dialect) -> String {
    let mut case = format!("CASE {TYPE_CASE}");
    for t in EVENT_TYPES {
        let (id, label) = (dialect.quote(t.id), dialect.quote(t.label));
        case.push_str(&format!(" WHEN {id} THEN {label}"));
    }
    case.push_str(" ELSE '' END");
    case
}

/// The engine's words for an event's day `d` (a date, NULL when `event_date` is not ISO), its
/// day number, the day of its month and the day number of its month's last day.
fn dates(dialect: Dialect) -> [&'static str; 4] {
    match dialect {
        Dialect::DuckDb => [
            "TRY_CAST(trim(event_date) AS DATE)",
            "CAST(datediff('day', DATE '1970-01-01', d) AS INTEGER)",
            "dayofmonth(d)",
            "CAST(datediff('day', DATE '1970-01-01', last_day(d)) AS INTEGER)",
        ],
        Dialect::ClickHouse => [
            "toDate32OrNull(trim(coalesce(event_date, '')))",
            "toInt32(d)",
            "toDayOfMonth(d)",
            "toInt32(toDate32(toLastDayOfMonth(d)))",
        ],
    }
}

/// Builds the tables from `files` (each already checked by [`check_files`]).
pub fn build(backend: &mut Backend, files: &[(PathBuf, Vec<String>)]) -> Result<(), String> {
    let dialect = backend.dialect();
    let union: Vec<String> = files
        .iter()
        .enumerate()
        .map(|(i, (path, columns))| file_rows(dialect, i, path, columns))
        .collect();
    let [date, day, dom, month_end] = dates(dialect);
    // `d`, `p`, `e` and `s` are named in inner selects so that each is written once; an
    // event's span is that of the day (1), the week around it (2) or its month (3).
    let derive = format!(
        "SELECT *, \
           CASE WHEN p = '2' THEN n - 3 WHEN p = '3' THEN n - dom + 1 ELSE n END AS earliest, \
           CASE WHEN p = '2' THEN n + 3 WHEN p = '3' THEN {month_end} ELSE n END AS latest, \
           CASE WHEN d IS NULL THEN NULL WHEN p = '2' THEN 'range' WHEN p = '3' THEN 'month' ELSE 'day' END AS precision, \
           {TYPE_CASE} AS type, \
           CASE WHEN trim(coalesce(location, '')) = '' THEN NULL ELSE trim(location) END AS place, \
           lower(concat(coalesce(notes, ''), ' ', coalesce(location, ''), ' ', e, ' ', s, ' ', \
             coalesce(disorder_type, ''), ' ', {labels}, ' ', \
             coalesce(actor1, ''), ' ', coalesce(assoc_actor_1, ''), ' ', coalesce(actor2, ''), ' ', \
             coalesce(assoc_actor_2, ''))) AS search \
         FROM (SELECT *, {day} AS n, {dom} AS dom FROM \
           (SELECT *, {date} AS d, trim(coalesce(time_precision, '')) AS p, \
             trim(coalesce(event_type, '')) AS e, trim(coalesce(sub_event_type, '')) AS s \
           FROM ({union}) AS files) AS dated) AS rows",
        union = union.join(" UNION ALL "),
        labels = type_labels(dialect),
    );
    // Rows of several files are numbered through, in name order then row order.
    let seq = if files.len() > 1 {
        "CAST(row_number() OVER (ORDER BY file, seq) - 1 AS BIGINT) AS seq"
    } else {
        "seq"
    };
    let keep: Vec<&str> = [seq]
        .iter()
        .chain(REQUIRED)
        .chain(OPTIONAL)
        .chain(&["earliest", "latest", "precision", "type", "place", "search"])
        .copied()
        .collect();
    let events = format!("SELECT {} FROM ({derive}) AS derived", keep.join(", "));
    backend.rows(&create(dialect, EVENTS, "earliest, latest, seq", &events))?;
    let split = |column: &str| {
        match dialect {
        Dialect::DuckDb => format!(
            "SELECT seq, trim(name) AS actor FROM \
             (SELECT seq, unnest(string_split({column}, ';')) AS name FROM {EVENTS}) AS names"
        ),
        Dialect::ClickHouse => format!(
            "SELECT seq, trim(arrayJoin(splitByChar(';', coalesce({column}, '')))) AS actor FROM {EVENTS}"
        ),
    }
    };
    let named: Vec<String> = ["actor1", "assoc_actor_1", "actor2", "assoc_actor_2"]
        .iter()
        .map(|c| split(c))
        .collect();
    let actors = format!(
        "SELECT a.seq AS seq, a.actor AS actor, e.earliest AS earliest, e.latest AS latest, \
           e.type AS type, e.place AS place, e.precision AS precision \
         FROM (SELECT DISTINCT seq, actor FROM ({}) AS named WHERE actor <> '') AS a \
         JOIN {EVENTS} AS e ON a.seq = e.seq",
        named.join(" UNION ALL ")
    );
    backend.rows(&create(dialect, ACTORS, "earliest, latest, seq", &actors))?;
    backend.rows(&create(
        dialect,
        BY_TYPE,
        "earliest, latest",
        &format!(
            "SELECT earliest, latest, type, place, precision, count(*) AS n FROM {EVENTS} \
             GROUP BY earliest, latest, type, place, precision"
        ),
    ))?;
    backend.rows(&create(
        dialect,
        BY_SPAN,
        "earliest, latest",
        &format!(
            "SELECT earliest, latest, type, precision, CAST(sum(n) AS BIGINT) AS n FROM {BY_TYPE} \
             GROUP BY earliest, latest, type, precision"
        ),
    ))?;
    backend.rows(&create(
        dialect,
        BY_ACTOR,
        "earliest, latest",
        &format!(
            "SELECT earliest, latest, actor, count(*) AS n FROM {ACTORS} \
             GROUP BY earliest, latest, actor"
        ),
    ))?;
    Ok(())
}

/// Checks every file of `dir` before anything is built: each must be Parquet with ACLED's
/// columns. The files with their columns.
pub fn check_files(
    backend: &mut Backend,
    dir: &Path,
) -> Result<Vec<(PathBuf, Vec<String>)>, String> {
    parquet_files(dir)?
        .into_iter()
        .map(|path| columns_of(backend, &path).map(|c| (path, c)))
        .collect()
}
