//! Who says what, one sentence at a time: speakers named after what they say, what a
//! statement is about kept apart from when it was said.

mod common;

use common::{drafted, kinds, role};

#[test]
fn a_speaker_after_the_quotation_may_carry_two_descriptions() {
    let p = drafted(
        "“We protect and remain committed to our partners – plain and simple,” said Maj. Gen. \
         William Gayler, director of operations, U.S. Africa Command.",
        "2020-03-17",
    );
    assert_eq!(kinds(&p), [("statement".into(), Some("2020-03-17~".into()))]);
    assert_eq!(role(&p.events[0], "william-gayler").as_deref(), Some("speaker"));
}
