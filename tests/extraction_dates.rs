//! Dates the rules infer for happenings told without a year, one short text at a time.

mod common;

use common::kinds;

#[test]
fn a_year_that_opens_a_span_does_not_date_a_later_month() {
    let p = common::drafted(
        "Troops from Burundi and Uganda make up the bulk of the African Union force that has \
         battled al-Shabab in Somalia since 2007.\n\nIn April, al-Shabab fighters stormed \
         Garissa University College in Kenya, killing 148 people.",
        "2015-06-26",
    );
    assert!(
        kinds(&p).contains(&("attack".into(), Some("2015-04".into()))),
        "{:?}",
        kinds(&p)
    );
}
