//! The columns of a Dateline CSV export: ACLED's 31, in ACLED's order, so that ACLED's tools
//! read the export, then Dateline's own, which carry what ACLED's cannot (the EDTF date, roles,
//! figures, quotes). The CSV writer writes them; the ACLED reader reads both an ACLED export and
//! a Dateline CSV export by them.

/// Every column of a Dateline CSV export: [`ACLED_COLUMNS`], then [`OWN_COLUMNS`].
pub const CSV_COLUMNS: &[&str] = &[
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
    "title",
    "dateline_type",
    "dateline_date",
    "date_text",
    "date_note",
    "place_precision",
    "dateline_actors",
    "figures",
    "quotes",
    "links",
    "relations",
];

/// ACLED's 31 columns, in ACLED's order.
pub const ACLED_COLUMNS: &[&str] = CSV_COLUMNS.split_at(31).0;

/// The columns a Dateline CSV export adds to ACLED's.
pub const OWN_COLUMNS: &[&str] = CSV_COLUMNS.split_at(31).1;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acled_columns_end_where_dateline_columns_begin() {
        assert_eq!(ACLED_COLUMNS.first(), Some(&"event_id_cnty"));
        assert_eq!(ACLED_COLUMNS.last(), Some(&"timestamp"));
        assert_eq!(OWN_COLUMNS.first(), Some(&"title"));
        assert_eq!(ACLED_COLUMNS.len() + OWN_COLUMNS.len(), CSV_COLUMNS.len());
    }
}
