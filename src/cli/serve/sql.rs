//! A query spec as SQL that DuckDB and ClickHouse both run: one grouped query per facet with
//! every filter but the facet's own (crossfilter semantics), ranked and cut to the options the
//! page draws where the facet is large, one for the day spans that make the timeline's bins and
//! the totals, and one for the page.
//!
//! Where every filter a query needs is on a column of a pre-counted table (`dateline_by_type`,
//! `dateline_by_actor`), the query sums that table's counts instead of reading the events.

use dateline::engine::query::{DayBound, QuerySpec};
use dateline::model::edtf::{Edtf, Precision};
use dateline::model::text::query_words;

use super::backend::Dialect;
use super::tables::{ACTORS, BY_ACTOR, BY_SPAN, BY_TYPE, EVENTS};

/// One filter of a spec.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The date range.
    Date,
    /// Types.
    Type,
    /// Actors.
    Actor,
    /// Places.
    Place,
    /// Date precisions.
    Precision,
    /// Words.
    Text,
}

/// The tables a query can read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Table {
    Events,
    Actors,
    BySpan,
    ByType,
    ByActor,
}

impl Table {
    fn name(self) -> &'static str {
        match self {
            Table::Events => EVENTS,
            Table::Actors => ACTORS,
            Table::BySpan => BY_SPAN,
            Table::ByType => BY_TYPE,
            Table::ByActor => BY_ACTOR,
        }
    }

    /// The fields this table can filter by.
    fn filters(self, field: Field) -> bool {
        match self {
            Table::Events | Table::Actors => true,
            Table::BySpan => matches!(field, Field::Date | Field::Type | Field::Precision),
            Table::ByType => !matches!(field, Field::Actor | Field::Text),
            Table::ByActor => matches!(field, Field::Date | Field::Actor),
        }
    }

    /// How a row counts: a row is an event, or a count of events.
    fn count(self) -> &'static str {
        match self {
            Table::Events | Table::Actors => "count(*)",
            Table::BySpan | Table::ByType | Table::ByActor => "sum(n)",
        }
    }
}

/// A spec's filters, checked and ready to be written as SQL.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filters {
    /// The date range, both days included; an open end is `None`.
    pub range: Option<(Option<i32>, Option<i32>)>,
    /// Type ids.
    pub types: Vec<String>,
    /// Actor ids (their names).
    pub actors: Vec<String>,
    /// Place ids (their names).
    pub places: Vec<String>,
    /// Precision ids.
    pub precision: Vec<String>,
    /// Lower-cased words that must all occur.
    pub words: Vec<String>,
}

/// The day a spec's field names: EDTF text's first day, or its last when `end` is set.
pub fn day(field: &str, bound: &DayBound, end: bool) -> Result<i32, String> {
    match bound {
        DayBound::Day(d) if d.is_finite() && d.fract() == 0.0 => {
            Ok(d.clamp(f64::from(i32::MIN), f64::from(i32::MAX)) as i32)
        }
        DayBound::Day(d) => Err(format!(
            "query '{field}': {} is not a whole day number",
            dateline::json::decimal(*d)
        )),
        DayBound::Text(t) => {
            let span = Edtf::parse(t)
                .map_err(|e| format!("query '{field}': {e}"))?
                .span();
            Ok(if end { span.latest } else { span.earliest })
        }
    }
}

impl Filters {
    /// The filters of `spec`; a filter the server does not have (documents) or a wrong value is
    /// an error that names the field.
    pub fn of(spec: &QuerySpec) -> Result<Filters, String> {
        if !spec.documents.is_empty() {
            return Err(
                "query 'documents': an ACLED export has one document, so the server does not filter by it"
                    .into(),
            );
        }
        let from = spec
            .from
            .as_ref()
            .map(|b| day("from", b, false))
            .transpose()?;
        let to = spec.to.as_ref().map(|b| day("to", b, true)).transpose()?;
        if let (Some(f), Some(t)) = (from, to) {
            if f > t {
                return Err("query 'to': the date range ends before it starts".into());
            }
        }
        for name in &spec.precision {
            if Precision::from_name(name).is_none() {
                return Err(format!("query 'precision': '{name}' is not a precision"));
            }
        }
        Ok(Filters {
            range: (from.is_some() || to.is_some()).then_some((from, to)),
            types: spec.types.clone(),
            actors: spec.actors.clone(),
            places: spec.places.clone(),
            precision: spec.precision.clone(),
            words: query_words(&spec.text),
        })
    }

    /// The fields that filter.
    pub fn fields(&self) -> Vec<Field> {
        let mut on = Vec::new();
        if self.range.is_some() {
            on.push(Field::Date);
        }
        for (field, ids) in [
            (Field::Type, &self.types),
            (Field::Actor, &self.actors),
            (Field::Place, &self.places),
            (Field::Precision, &self.precision),
            (Field::Text, &self.words),
        ] {
            if !ids.is_empty() {
                on.push(field);
            }
        }
        on
    }

    /// The condition of `field` on `table`.
    fn condition(&self, dialect: Dialect, field: Field, table: Table) -> String {
        let list = |ids: &[String]| {
            let quoted: Vec<String> = ids.iter().map(|i| dialect.quote(i)).collect();
            quoted.join(", ")
        };
        match field {
            Field::Date => {
                let (from, to) = self.range.unwrap_or((None, None));
                let mut parts = Vec::new();
                if let Some(f) = from {
                    parts.push(format!("latest >= {f}"));
                }
                if let Some(t) = to {
                    parts.push(format!("earliest <= {t}"));
                }
                parts.join(" AND ")
            }
            Field::Type => format!("type IN ({})", list(&self.types)),
            Field::Place => format!("place IN ({})", list(&self.places)),
            Field::Precision => format!("precision IN ({})", list(&self.precision)),
            Field::Actor if table == Table::ByActor => {
                format!("actor IN ({})", list(&self.actors))
            }
            Field::Actor => format!(
                "seq IN (SELECT seq FROM {ACTORS} WHERE actor IN ({}))",
                list(&self.actors)
            ),
            Field::Text => {
                let all: Vec<String> = self
                    .words
                    .iter()
                    .map(|w| format!("position({} IN search) > 0", dialect.quote(w)))
                    .collect();
                if table == Table::Events {
                    all.join(" AND ")
                } else {
                    format!(
                        "seq IN (SELECT seq FROM {EVENTS} WHERE {})",
                        all.join(" AND ")
                    )
                }
            }
        }
    }

    /// ` WHERE …` with every filter but `except`'s on `table`, or nothing.
    fn where_clause(&self, dialect: Dialect, except: Option<Field>, table: Table) -> String {
        let parts: Vec<String> = self
            .fields()
            .into_iter()
            .filter(|&f| Some(f) != except)
            .map(|f| format!("({})", self.condition(dialect, f, table)))
            .collect();
        if parts.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", parts.join(" AND "))
        }
    }

    /// The table for a count with every filter but `except`'s: the first of `tables` (the
    /// smallest first; the last holds every event) that can filter by all of them.
    fn table_for(&self, except: Option<Field>, tables: &[Table]) -> Table {
        let needed: Vec<Field> = self
            .fields()
            .into_iter()
            .filter(|&f| Some(f) != except)
            .collect();
        tables
            .iter()
            .copied()
            .find(|t| needed.iter().all(|&f| t.filters(f)))
            .unwrap_or(Table::Events)
    }

    /// A facet's counts: `SELECT k, n` grouped by the facet's column, with every filter but the
    /// facet's own.
    pub fn facet(&self, dialect: Dialect, field: Field) -> String {
        let field = match field {
            Field::Actor | Field::Place | Field::Precision => field,
            _ => Field::Type,
        };
        let (column, tables): (&str, &[Table]) = match field {
            Field::Actor => ("actor", &[Table::ByActor, Table::Actors]),
            Field::Place => ("place", &[Table::ByType, Table::Events]),
            Field::Precision => ("precision", &[Table::BySpan, Table::ByType, Table::Events]),
            _ => ("type", &[Table::BySpan, Table::ByType, Table::Events]),
        };
        let table = self.table_for(Some(field), tables);
        format!(
            "SELECT {column} AS k, {} AS n FROM {}{} GROUP BY {column}",
            table.count(),
            table.name(),
            self.where_clause(dialect, Some(field), table)
        )
    }

    /// A facet's options ranked as the page's engine ranks them (see
    /// `dateline::engine::query::RankedFacet`), for a facet whose ids are its labels: `k, n`
    /// of the `limit` keys with the highest counts (equal counts by key, in byte order as both
    /// engines compare text), of the `ticked` keys and of the NULL key whatever their counts,
    /// and `m`, how many keys have a count.
    pub fn ranked_facet(
        &self,
        dialect: Dialect,
        field: Field,
        limit: u64,
        ticked: &[String],
    ) -> String {
        let counted = self.facet(dialect, field);
        // The ticked keys and the NULL key sort first, so that the cut keeps them.
        let (first, extra) = if ticked.is_empty() {
            ("CASE WHEN k IS NULL THEN 0 ELSE 1 END".to_string(), 1)
        } else {
            let quoted: Vec<String> = ticked.iter().map(|t| dialect.quote(t)).collect();
            (
                format!(
                    "CASE WHEN k IS NULL OR k IN ({}) THEN 0 ELSE 1 END",
                    quoted.join(", ")
                ),
                ticked.len() as u64 + 1,
            )
        };
        format!(
            "SELECT k, n, count(k) OVER () AS m FROM ({counted}) \
             ORDER BY {first}, n DESC, k LIMIT {}",
            limit + extra
        )
    }

    /// The events passing every filter but the date range, counted by day span (`a`, `b`; NULL
    /// for undated events): the timeline's bins, and the totals once the range is applied.
    pub fn spans(&self, dialect: Dialect) -> String {
        let table = self.table_for(
            Some(Field::Date),
            &[Table::BySpan, Table::ByType, Table::Events],
        );
        format!(
            "SELECT earliest AS a, latest AS b, {} AS n FROM {}{} GROUP BY earliest, latest",
            table.count(),
            table.name(),
            self.where_clause(dialect, Some(Field::Date), table)
        )
    }

    /// The matching events in date order (`columns` of each), from `offset`, at most `limit`;
    /// with `view`, only those whose span reaches into it; with `days`, the first and last day
    /// the page's events start on (known from the span counts), so that the engine reads the
    /// blocks of those days only.
    pub fn page(
        &self,
        dialect: Dialect,
        columns: &str,
        (offset, limit): (u64, u64),
        view: Option<(i32, i32)>,
        days: Option<(i32, i32)>,
    ) -> String {
        let view = view.map(|(from, to)| format!("latest >= {from} AND earliest <= {to}"));
        let days = days.map(|(first, last)| format!("earliest >= {first} AND earliest <= {last}"));
        let sql = self.in_date_order(dialect, columns, [view, days]);
        format!("{sql} LIMIT {limit} OFFSET {offset}")
    }

    /// The matching events in [`DATE_ORDER`] (`columns` of each), those of the `more`
    /// conditions given only.
    fn in_date_order(
        &self,
        dialect: Dialect,
        columns: &str,
        more: impl IntoIterator<Item = Option<String>>,
    ) -> String {
        let mut clause = self.where_clause(dialect, None, Table::Events);
        for condition in more.into_iter().flatten() {
            let join = if clause.is_empty() { " WHERE" } else { " AND" };
            clause.push_str(&format!("{join} {condition}"));
        }
        format!("SELECT {columns} FROM {EVENTS}{clause} ORDER BY {DATE_ORDER}")
    }

    /// The matching events in date order, as [`Filters::page`] orders them (`columns` of each),
    /// at most `limit` from the first after `after` (or from the first of all): a batch of a
    /// streamed export. A batch starts after the last one's last event rather than at an
    /// offset, so the events before it are not sorted again; with `days`, the first and last
    /// day the batch's events start on (known from the span counts), the engine reads the
    /// blocks of those days only, so that a batch costs as much at the end as at the start.
    pub fn batch(
        &self,
        dialect: Dialect,
        columns: &str,
        after: Option<OrderKey>,
        days: Option<(i64, i64)>,
        limit: u64,
    ) -> String {
        let after = after.map(|key| key.later());
        let days = days.map(|(first, last)| format!("earliest >= {first} AND earliest <= {last}"));
        let sql = self.in_date_order(dialect, columns, [after, days]);
        format!("{sql} LIMIT {limit}")
    }
}

/// The date order of events: by first day, then last day (undated events last), then `seq`,
/// which no two events share.
const DATE_ORDER: &str = "earliest NULLS LAST, latest NULLS LAST, seq";

/// Where an event stands in [`DATE_ORDER`]: its `earliest`, `latest` (`None` for NULL) and
/// `seq`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OrderKey {
    /// The first day, `None` when undated.
    pub earliest: Option<i64>,
    /// The last day, `None` when undated.
    pub latest: Option<i64>,
    /// The event's row in the files.
    pub seq: i64,
}

impl OrderKey {
    /// The condition that an event comes after this key in [`DATE_ORDER`]. With NULLs last, a
    /// column passes a value when it is greater or NULL, and passes NULL never.
    fn later(&self) -> String {
        let mut condition = format!("seq > {}", self.seq);
        for (column, value) in [("latest", self.latest), ("earliest", self.earliest)] {
            condition = match value {
                Some(v) => format!(
                    "({column} IS NULL OR {column} > {v} OR ({column} = {v} AND {condition}))"
                ),
                None => format!("({column} IS NULL AND {condition})"),
            };
        }
        condition
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(json: &str) -> Filters {
        Filters::of(&QuerySpec::from_json(json).expect("a spec")).expect("filters")
    }

    #[test]
    fn a_facet_leaves_out_its_own_filter_only() {
        let f = spec(r#"{"from": "2020", "types": ["airstrike"], "places": ["Mosul"]}"#);
        let types = f.facet(Dialect::DuckDb, Field::Type);
        assert!(!types.contains("type IN"), "{types}");
        assert!(types.contains("place IN ('Mosul')"), "{types}");
        assert!(types.contains("latest >= 18262"), "{types}");
        let places = f.facet(Dialect::DuckDb, Field::Place);
        assert!(places.contains("type IN ('airstrike')") && !places.contains("place IN"));
    }

    #[test]
    fn a_ranked_facet_keeps_the_ticked_keys_within_its_cut() {
        let f = spec(r#"{"actors": ["Kata'ib"], "types": ["protest"]}"#);
        let sql = f.ranked_facet(Dialect::ClickHouse, Field::Actor, 20, &f.actors);
        assert!(sql.contains("k IN ('Kata''ib')"), "{sql}");
        assert!(sql.ends_with("n DESC, k LIMIT 22"), "{sql}");
        assert!(sql.contains("count(k) OVER () AS m"), "{sql}");
        let untouched = f.facet(Dialect::ClickHouse, Field::Actor);
        assert!(sql.contains(&format!("FROM ({untouched})")), "{sql}");
        let none = spec("{}").ranked_facet(Dialect::DuckDb, Field::Actor, 0, &[]);
        assert!(none.ends_with("LIMIT 1"), "{none}");
    }

    #[test]
    fn counted_tables_answer_when_they_hold_every_filter() {
        let brush = spec(r#"{"from": "2020-01", "to": "2020-03"}"#);
        let from = |sql: String, table: &str| sql.contains(&format!("FROM {table} "));
        assert!(from(brush.facet(Dialect::DuckDb, Field::Type), BY_SPAN));
        assert!(from(brush.facet(Dialect::DuckDb, Field::Place), BY_TYPE));
        assert!(from(brush.facet(Dialect::DuckDb, Field::Actor), BY_ACTOR));
        assert!(from(brush.spans(Dialect::DuckDb), BY_SPAN));
        let placed = spec(r#"{"places": ["Mosul"]}"#);
        assert!(from(placed.spans(Dialect::DuckDb), BY_TYPE));
        let typed = spec(r#"{"from": "2020-01", "types": ["protest"]}"#);
        // The actor counts need the type of each actor's event.
        assert!(typed
            .facet(Dialect::DuckDb, Field::Actor)
            .contains(&format!("FROM {ACTORS}")));
        let searched = spec(r#"{"text": "Camp"}"#);
        let types = searched.facet(Dialect::ClickHouse, Field::Type);
        assert!(types.contains(&format!("FROM {EVENTS}")), "{types}");
        assert!(types.contains("position('camp' IN search) > 0"), "{types}");
    }

    #[test]
    fn wrong_values_are_named() {
        let error = |json: &str| Filters::of(&QuerySpec::from_json(json).expect("a spec"));
        assert!(error(r#"{"documents": ["acled"]}"#)
            .unwrap_err()
            .contains("'documents'"));
        assert!(error(r#"{"from": "2020-13"}"#)
            .unwrap_err()
            .contains("'from'"));
        assert!(error(r#"{"from": "2021", "to": "2020"}"#)
            .unwrap_err()
            .contains("ends before"));
        assert!(error(r#"{"precision": ["hour"]}"#)
            .unwrap_err()
            .contains("'hour'"));
    }

    #[test]
    fn a_batch_starts_after_the_last_ones_key() {
        let f = spec(r#"{"types": ["protest"]}"#);
        let first = f.batch(Dialect::DuckDb, "seq", None, Some((16000, 16010)), 100);
        assert!(
            first.ends_with(
                "WHERE (type IN ('protest')) AND earliest >= 16000 AND earliest <= 16010 \
                 ORDER BY earliest NULLS LAST, latest NULLS LAST, seq LIMIT 100"
            ),
            "{first}"
        );
        let dated = OrderKey {
            earliest: Some(18262),
            latest: Some(18268),
            seq: 7,
        };
        let next = f.batch(Dialect::DuckDb, "seq", Some(dated), None, 100);
        assert!(next.contains(
            "(type IN ('protest')) AND (earliest IS NULL OR earliest > 18262 OR (earliest = 18262 AND \
             (latest IS NULL OR latest > 18268 OR (latest = 18268 AND seq > 7)))) ORDER BY"
        ), "{next}");
        let undated = OrderKey {
            earliest: None,
            latest: None,
            seq: 9,
        };
        let last = spec("{}").batch(Dialect::ClickHouse, "seq", Some(undated), None, 5);
        assert!(
            last.contains(" WHERE (earliest IS NULL AND (latest IS NULL AND seq > 9)) ORDER BY"),
            "{last}"
        );
    }

    #[test]
    fn quotes_in_ids_stay_in_their_literal() {
        let f = spec(r#"{"actors": ["Kata'ib \\ Hezbollah"]}"#);
        let sql = f.page(Dialect::ClickHouse, "seq", (0, 10), None, None);
        assert!(sql.contains(r"actor IN ('Kata''ib \\ Hezbollah')"), "{sql}");
    }
}
