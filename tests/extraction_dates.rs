//! Dates the rules infer for happenings told without a year, one short text at a time.

mod common;

use common::{date, date_note, days_of, drafted, each_drafts, first_of, kinds, opening_with};

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

#[test]
fn a_plural_act_listed_in_two_months_is_one_act_in_each() {
    let p = common::drafted(
        "Al-Shabab carried out similar attacks on AU facilities in June and in September of \
         last year.",
        "2016-01-15",
    );
    assert_eq!(
        kinds(&p),
        [
            ("attack".into(), Some("2015-06".into())),
            ("attack".into(), Some("2015-09".into()))
        ]
    );
}

#[test]
fn strikes_said_to_include_parts_on_days_of_their_own_are_one_on_each() {
    let p = common::drafted(
        "U.S. strikes have killed more than 150 al-Qaida terrorists since Jan. 1. These \
         strikes include the removal of Mohammad Habib Boussadoun al-Tunisi, an external \
         operations leader, on Jan. 17; Abd al-Jalil al-Muslimi, a facilitator, on Jan. 12; \
         and Abu Hasan al-Taftanaz, an al-Qaida senior leader, on Jan. 6.",
        "2017-01-20",
    );
    let mut days: Vec<_> = kinds(&p).into_iter().filter_map(|(_, d)| d).collect();
    days.sort();
    assert_eq!(
        days,
        [
            "2017-01-01/2017-01-20",
            "2017-01-06",
            "2017-01-12",
            "2017-01-17"
        ],
        "{:?}",
        kinds(&p)
    );
    // Strikes pointed back at with no parts listed stay the strikes told before.
    let p = common::drafted(
        "U.S. strikes have killed more than 150 al-Qaida terrorists since Jan. 1. These \
         strikes, conducted on Jan. 17 and on Jan. 12, degrade al-Qaida's capabilities.",
        "2017-01-20",
    );
    assert_eq!(p.events.len(), 1, "{:?}", kinds(&p));
}

#[test]
fn a_second_strike_on_the_same_day_is_one_more_strike() {
    let p = common::drafted(
        "A strike on April 25 killed two AQAP operatives in the Abyan Governorate near the \
         southern coast of Yemen. A second strike on April 25 killed two AQAP operatives in \
         the vicinity of Azzan in central Yemen.",
        "2016-05-06",
    );
    assert_eq!(
        kinds(&p),
        [
            ("attack".into(), Some("2016-04-25".into())),
            ("attack".into(), Some("2016-04-25".into()))
        ]
    );
}

#[test]
fn those_killed_when_a_group_attacked_are_the_attacks_toll() {
    let p = common::drafted(
        "Six Somali government soldiers and 19 militants were killed when Islamist group \
         al-Shabab attacked two bases before dawn Friday, according to officials and \
         residents.\n\nSeparately, one government soldier and four militants were killed in \
         another al-Shabab attack Friday in the town of Hosingow, Lower Juba region.",
        "2020-01-17",
    );
    assert_eq!(
        kinds(&p),
        [
            ("attack".into(), Some("2020-01-17".into())),
            ("attack".into(), Some("2020-01-17".into()))
        ]
    );
}

#[test]
fn a_year_stated_only_later_does_not_date_an_earlier_day() {
    let p = common::drafted(
        "This attack follows reports of airstrikes in Chin State on April 10 that killed at \
         least nine people. These violent attacks underscore the crisis in Burma following the \
         February 2021 coup.",
        "2023-04-11",
    );
    assert!(
        kinds(&p).contains(&("airstrike".into(), Some("2023-04-10".into()))),
        "{:?}",
        kinds(&p)
    );
    // Stated before, the year still dates the day.
    let p = common::drafted(
        "The war began in 2021. On April 10, airstrikes hit a village in Chin State.",
        "2023-04-11",
    );
    assert!(
        kinds(&p).contains(&("airstrike".into(), Some("2021-04-10".into()))),
        "{:?}",
        kinds(&p)
    );
}

#[test]
fn a_reference_back_with_a_day_dates_the_happening_told_undated() {
    let p = common::drafted(
        "Medics say at least 26 people have died in an airstrike in northwestern Yemen.\n\nThe \
         airstrike Wednesday hit a hotel and neighboring market in Saada province.",
        "2017-11-01",
    );
    assert_eq!(
        kinds(&p),
        [("airstrike".to_string(), Some("2017-11-01".to_string()))]
    );
    let note = date_note(&p.events[0]);
    assert!(note.contains("refers back"), "{note}");
}

#[test]
fn a_similar_attack_is_one_more_not_the_one_told() {
    let p = common::drafted(
        "Rockets hit an Iraqi base where coalition forces are located.\n\nThe unusual daytime \
         attack Saturday on Camp Taji came just days after a similar attack on the base killed \
         two American service members.",
        "2020-03-14",
    );
    let attacks: Vec<_> = p
        .events
        .iter()
        .filter(|e| e.event_type != "statement")
        .collect();
    assert_eq!(attacks.len(), 2, "{:?}", kinds(&p));
}

#[test]
fn a_lead_in_the_present_perfect_tells_what_just_happened() {
    let p = drafted(
        "A suicide bomber has blown up his vehicle near a NATO-Afghan army base in eastern \
         Afghanistan, wounding at least 11 Afghan soldiers.\n\nThe Taliban claimed \
         responsibility.",
        "2012-10-17",
    );
    let bombing = first_of(&p, "bombing");
    assert_eq!(date(bombing).as_deref(), Some("2012-10-15/2012-10-17"));
    let note = date_note(bombing);
    assert!(note.contains("inference"), "{note}");
    // Further down, the present perfect dates nothing: the bombing came no later than the
    // publication, and no closer date is told.
    let p = drafted(
        "Officials met on Monday.\n\nA suicide bomber has blown up his vehicle near a base.",
        "2012-10-17",
    );
    assert_eq!(
        date(first_of(&p, "bombing")).as_deref(),
        Some("../2012-10-17")
    );
}

#[test]
fn a_year_stated_in_an_earlier_paragraph_does_not_date_a_bare_month() {
    // The date of the attack drafted at Ouagadougou.
    let dated = |p: &dateline::model::Package| {
        p.events
            .iter()
            .find(|e| e.place.as_deref() == Some("ouagadougou"))
            .and_then(date)
            .unwrap_or_else(|| panic!("{:?}", kinds(p)))
    };
    let p = drafted(
        "The battalion was deployed in January 2013 when France sent in troops.\n\nAttacks \
         were rare before a major strike by al-Qaeda-linked fighters on a hotel in the capital \
         Ouagadougou killed 29 people in January.",
        "2016-12-16",
    );
    assert_eq!(dated(&p), "2016-01");
    // In its own paragraph the year stated before carries on.
    let p = drafted(
        "The battalion was deployed in January 2013. A major strike by al-Qaeda-linked \
         fighters on a hotel in Ouagadougou killed 29 people in March.",
        "2016-12-16",
    );
    assert_eq!(dated(&p), "2013-03");
}

#[test]
fn a_publication_known_to_a_few_days_is_counted_from_its_last_day_as_uncertain() {
    let p = drafted(
        "Armed men killed at least 50 people Sunday in attacks on villages in Kaduna.",
        "2020-03-01/2020-03-02",
    );
    assert_eq!(date(&p.events[0]).as_deref(), Some("2020-03-01?"));
    // A span longer than a week fixes no weekday.
    let p = drafted(
        "Armed men killed at least 50 people Sunday in attacks on villages in Kaduna.",
        "2020-03-01/2020-03-31",
    );
    assert_eq!(date(&p.events[0]), None, "{:?}", kinds(&p));
}

#[test]
fn what_a_publication_known_to_a_few_days_infers_spans_all_of_them() {
    // "has targeted" in the lead: within the two days before the publication's first day, up
    // to its last; a statement with no day of its own, around the whole span.
    let p = drafted(
        "A U.S. military airstrike has targeted al-Shabab terrorists near Buulobarde, killing          two.\n\nThe command said in a statement that it would keep up the pressure.",
        "2022-10-25/2022-10-29",
    );
    assert_eq!(
        date(first_of(&p, "airstrike")).as_deref(),
        Some("2022-10-23?/2022-10-29?"),
        "{:?}",
        kinds(&p)
    );
    assert_eq!(
        date(first_of(&p, "statement")).as_deref(),
        Some("2022-10-25%/2022-10-29%"),
        "{:?}",
        kinds(&p)
    );
}

#[test]
fn a_year_after_a_month_in_its_sentence_is_of_something_else() {
    let p = drafted(
        "IS claimed a truck bombing in July that killed at least 324 people in Baghdad, the \
         deadliest single attack since the U.S.-led invasion in 2003.",
        "2016-09-27",
    );
    let bombing = first_of(&p, "bombing");
    assert_eq!(date(bombing).as_deref(), Some("2016-07"));
    // "IS", the group's initials, is no "is": the claim is the group's.
    assert_eq!(
        common::role(bombing, "islamic-state").as_deref(),
        Some("suspected")
    );
}

#[test]
fn a_lead_told_in_the_present_perfect_just_happened_even_told_by_its_toll() {
    let p = drafted(
        "At least 38 people have been killed in Israeli strikes in southern Gaza, the \
         Hamas-run health ministry says.",
        "2024-12-27",
    );
    assert_eq!(
        date(&p.events[0]).as_deref(),
        Some("2024-12-25/2024-12-27"),
        "{:?}",
        kinds(&p)
    );
}

#[test]
fn a_happening_referred_back_to_within_a_saying_is_not_dated_by_the_saying() {
    // "Friday" is when the Pentagon announced it; "July 26" when the strike was made.
    let p = drafted(
        "An airstrike has killed Islamic State leader Hafiz Sayed Khan in Afghanistan.\n\n\
         The Pentagon announced Friday that the strike was made July 26 in Achin district.",
        "2016-08-12",
    );
    let strike = first_of(&p, "airstrike");
    assert_eq!(strike.sources.len(), 2, "{:?}", kinds(&p));
    assert_eq!(date(strike).as_deref(), Some("2016-07-26"));
}

#[test]
fn a_happening_an_anniversary_marks_is_dated_that_many_years_back() {
    let p = drafted(
        "Today marks one year since the assassination of Haiti’s President, Jovenel Moïse.",
        "2022-07-07",
    );
    assert_eq!(
        date(first_of(&p, "killing")).as_deref(),
        Some("2021-07-07"),
        "{:?}",
        kinds(&p)
    );
    // "The assassination" of another year is another one.
    let p = drafted(
        "Today marks one year since the assassination of Haiti’s President, Jovenel Moïse. \
         The same can be said of the assassination of lawyer Monferrier Dorval in 2020.",
        "2022-07-07",
    );
    let mut dates: Vec<Option<String>> = p.events.iter().map(date).collect();
    dates.sort();
    assert_eq!(
        dates,
        [Some("2020".to_string()), Some("2021-07-07".to_string())],
        "{:?}",
        kinds(&p)
    );
}

#[test]
fn a_lead_dated_by_a_period_is_one_with_the_day_a_later_sentence_gives() {
    let p = drafted(
        "The Defense Department confirmed that a senior al-Qaida leader was killed earlier this \
         month by a U.S. airstrike in Afghanistan.\n\n\
         \"We have confirmed that Abu Khalil al-Sudani was killed by a U.S. airstrike in \
         Afghanistan on July 11, 2015,\" Cook said in the statement.",
        "2015-07-24",
    );
    let strikes: Vec<_> = p
        .events
        .iter()
        .filter(|e| e.event_type == "airstrike")
        .collect();
    assert_eq!(strikes.len(), 1, "{:?}", kinds(&p));
    assert_eq!(date(strikes[0]).as_deref(), Some("2015-07-11"));
    // Two days of their own stay two happenings.
    let p = drafted(
        "A U.S. airstrike killed two militants in Afghanistan on July 9. A U.S. airstrike \
         killed three militants in Afghanistan on July 11.",
        "2015-07-24",
    );
    assert_eq!(p.events.len(), 2, "{:?}", kinds(&p));
}

#[test]
fn a_saying_is_not_dated_by_the_happening_it_names() {
    // The sentence before tells only the attack: its day is not the saying's.
    let p = drafted(
        "A suicide bomber struck a checkpoint in Kabul yesterday, killing 95 people. I condemn \
         it in the strongest possible terms.",
        "2018-01-28",
    );
    let bombing = first_of(&p, "bombing");
    assert_eq!(date(bombing).as_deref(), Some("2018-01-27"));
    for e in p.events.iter().filter(|e| e.event_type == "statement") {
        assert_eq!(date(e).as_deref(), Some("2018-01-28~"), "{:?}", e.sources);
    }
    // A possessive date names the happening, even outside what is said.
    let p = drafted(
        "I am shocked and appalled by yesterday’s horrific attack in Kabul and condemn it in \
         the strongest possible terms.",
        "2018-01-28",
    );
    let statement = first_of(&p, "statement");
    assert_eq!(date(statement).as_deref(), Some("2018-01-28~"));
}

#[test]
fn a_happening_some_days_before_another_is_counted_back_from_its_day() {
    // From a day the sentence gives before "after".
    let p = drafted(
        "Two suicide bombings killed 14 people in Baghdad on Tuesday. Tuesday's violence came \
         two days after another suicide bombing claimed by IS killed six people in western \
         Baghdad.",
        "2016-09-27",
    );
    let days: Vec<_> = p.events.iter().filter_map(date).collect();
    assert!(days.contains(&"2016-09-25".to_string()), "{days:?}");
    // From the day of a happening the sentence told before.
    let p = drafted(
        "Police said today that a suicide bomber in a rickshaw has killed three people in \
         Peshawar, a day after another suicide bomber killed thirteen people in a crowded \
         market outside the city.",
        "2009-11-09",
    );
    let bombings: Vec<_> = p
        .events
        .iter()
        .filter(|e| e.event_type == "bombing")
        .filter_map(date)
        .collect();
    assert_eq!(bombings, ["2009-11-09", "2009-11-08"]);
}

#[test]
fn a_happening_told_undated_came_no_later_than_the_publication() {
    let p = drafted(
        "Gunmen attacked a police post near the border, killing three officers.",
        "2019-05-12",
    );
    let attack = &p.events[0];
    assert_eq!(date(attack).as_deref(), Some("../2019-05-12"));
    let date = attack.date.as_ref().unwrap();
    assert_eq!(date.text, None);
    assert!(
        date.note
            .as_deref()
            .is_some_and(|n| n.contains("no later than the publication")),
        "{date:?}"
    );
    // With no publication date there is nothing to bound it by.
    let p = dateline::extract::extract(
        &[dateline::extract::Article {
            text: "Gunmen attacked a police post near the border, killing three officers.".into(),
            ..Default::default()
        }],
        common::lexicon(),
    );
    assert_eq!(p.events[0].date, None);
}

#[test]
fn a_relative_clause_after_the_cue_dates_the_happening_not_the_day_of_remembering() {
    let p = drafted(
        "Today we remember the bombings that shattered the peace of Sri Lanka one year ago.",
        "2020-04-21",
    );
    assert_eq!(
        date(first_of(&p, "bombing")).as_deref(),
        Some("2019-04~"),
        "{:?}",
        kinds(&p)
    );
    // With no date in the relative clause, the sentence's own date stands.
    let p = drafted(
        "Today militants attacked a market that was crowded with shoppers.",
        "2020-04-21",
    );
    assert_eq!(date(&p.events[0]).as_deref(), Some("2020-04-21"));
}

#[test]
fn a_statement_quoted_after_the_day_it_was_made_counts_from_that_day() {
    let p = drafted(
        "Minister for the Middle East James Cleverly yesterday said:\n\nI strongly condemn the \
         Houthis’ attempted missile attacks on Riyadh yesterday.",
        "2020-03-30",
    );
    let attack = first_of(&p, "missile-attack");
    assert_eq!(date(attack).as_deref(), Some("2020-03-28"));
    let note = date_note(attack);
    assert!(note.contains("statement quoted was made"), "{note}");
    assert_eq!(
        date(first_of(&p, "statement")).as_deref(),
        Some("2020-03-29")
    );
    // Said today, the quotation counts from the publication.
    let p = drafted(
        "Minister for the Middle East James Cleverly said:\n\nI strongly condemn the Houthis’ \
         attempted missile attacks on Riyadh yesterday.",
        "2020-03-30",
    );
    assert_eq!(
        date(first_of(&p, "missile-attack")).as_deref(),
        Some("2020-03-29")
    );
}

#[test]
fn a_confirmation_dates_what_it_confirms_on_or_before_its_own_day() {
    // "confirmed Thursday": the day of the confirmation, not of the raid, which came before.
    let p = common::drafted(
        "Pakistan's military confirmed Thursday that a militant raid against a security base \
         has killed at least 10 soldiers.",
        "2022-01-27",
    );
    let raid = first_of(&p, "attack");
    assert_eq!(date(raid).as_deref(), Some("../2022-01-27"));
    let note = date_note(raid);
    assert!(
        note.contains("'Thursday' is the day it was reported"),
        "{note}"
    );
    // A later sentence that gives the day takes its place.
    let p = common::drafted(
        "Pakistan's military confirmed Thursday that a militant raid against a security base \
         has killed at least 10 soldiers. The deadly assault took place late Tuesday.",
        "2022-01-27",
    );
    assert_eq!(date(first_of(&p, "attack")).as_deref(), Some("2022-01-25"));
    // "Said" keeps the day of the saying: what it tells is as often of that day.
    let p = common::drafted(
        "Pakistan's military said Thursday that militants attacked a security base.",
        "2022-01-27",
    );
    assert_eq!(date(first_of(&p, "attack")).as_deref(), Some("2022-01-27"));
}

#[test]
fn a_toll_on_a_day_within_acts_told_in_the_plural_is_one_of_them_apart() {
    let p = common::drafted(
        "ISK has perpetrated several deadly attacks in the Afghan capital over the past few \
         weeks.\n\nAt least 50 people, mostly schoolgirls, were killed and more than 100 \
         wounded in an explosion at an educational center in Kabul on Friday.",
        "2022-10-06",
    );
    assert_eq!(
        kinds(&p),
        [
            ("attack".into(), Some("../2022-10-06".into())),
            ("killing".into(), Some("2022-09-30".into()))
        ]
    );
    // A toll told without a day of its own is still the toll of the acts told before.
    let p = common::drafted(
        "ISK has perpetrated several deadly attacks in the Afghan capital over the past few \
         weeks.\n\nAt least 50 people were killed.",
        "2022-10-06",
    );
    assert_eq!(kinds(&p), [("attack".into(), Some("../2022-10-06".into()))]);
}

#[test]
fn a_month_in_a_persons_name_is_no_date() {
    // "Jan" of "Mohammad Jan Rasulyar" is not January, nor "May" of "Theresa May" the month.
    each_drafts(
        &[
            "The provincial deputy governor, Mohammad Jan Rasulyar, warned Helmand was standing \
           on the brink of falling to the Taliban.",
        ],
        "2015-12-20",
        &[("statement", "2015-12-20~")],
    );
    each_drafts(
        &["Prime Minister Theresa May condemned the attack."],
        "2017-06-07",
        &[("statement", "2017-06-07~")],
    );
    // A month opening the sentence, or after a word in lower case, is still one.
    each_drafts(
        &["In May, gunmen attacked the town. Gunmen attacked the camp in June."],
        "2017-09-07",
        &[("attack", "2017-05"), ("attack", "2017-06")],
    );
}

#[test]
fn the_strike_takes_the_day_told_of_it_beside_the_attack_it_answered() {
    // The lead tells an airstrike and the attack it answered; "the strike Sunday" can name
    // only the airstrike, so Sunday is its day.
    let p = drafted(
        "A U.S. military airstrike has targeted al-Shabab terrorists who were attacking Somali \
         National Army forces, killing two.\n\nThe strike Sunday was near Buulobarde, Somalia.",
        "2022-10-25/2022-10-29",
    );
    assert_eq!(
        date(first_of(&p, "airstrike")).as_deref(),
        Some("2022-10-23?"),
        "{:?}",
        kinds(&p)
    );
}

#[test]
fn a_year_recalled_in_a_sentence_told_in_the_present_does_not_carry_on() {
    let p = drafted(
        "The atrocities occurring today in West Darfur are an ominous reminder of the events \
         that led the United States to determine in 2004 that genocide had been committed in \
         Darfur. We specifically condemn the killing of West Darfur Governor Khamis Abbakar on \
         June 14.",
        "2023-06-15",
    );
    let days = days_of(&p, "killing");
    assert_eq!(days, ["2023-06-14"], "{:?}", kinds(&p));
}

#[test]
fn strikes_listed_under_a_dated_lead_take_its_day() {
    let p = drafted(
        "U.S. and coalition military forces continued to attack Islamic State of Iraq and the \
         Levant terrorists in Syria and Iraq yesterday, Combined Joint Task Force Operation \
         Inherent Resolve officials reported today.\n\n\
         Strikes in Syria\n\n\
         Attack, bomber, fighter and remotely piloted aircraft conducted 11 strikes in Syria:\n\n\
         -- Near Raqqa, three strikes destroyed an oil tanker truck.\n\n\
         -- Near Palmyra, a strike destroyed an ISIL-held tank.",
        "2016-12-20",
    );
    let days: Vec<_> = p.events.iter().filter_map(date).collect();
    assert!(days.len() >= 3, "{:?}", kinds(&p));
    assert!(days.iter().all(|d| d == "2016-12-19"), "{:?}", kinds(&p));
    // The heading between breaks the run of sentences: the list's own line is dated by it.
    let opener = opening_with(&p, "Attack, bomber");
    assert!(
        date_note(opener).contains("one of a list"),
        "{}",
        date_note(opener)
    );
    // A list under no dated act keeps the inference from the publication.
    let p = drafted(
        "Officials reported details of the latest operations.\n\n\
         -- Near Raqqa, three strikes destroyed an oil tanker truck.",
        "2016-12-20",
    );
    assert_eq!(days_of(&p, "attack"), ["../2016-12-20"], "{:?}", kinds(&p));
}

#[test]
fn an_act_told_on_in_the_next_paragraph_keeps_the_day_unless_a_scene_opens() {
    let p = drafted(
        "On Sept. 28, 2016, U.S. forces conducted a self-defense strike against al-Shabaab in \
         Galcayo, Somalia.\n\n\
         During a Somali-led counterterrorism operation, a group of armed al-Shabaab fighters \
         attacked, threatening the safety of the Somali force.",
        "2016-09-29",
    );
    let fighters = opening_with(&p, "During");
    assert_eq!(
        date(fighters).as_deref(),
        Some("2016-09-28"),
        "{:?}",
        kinds(&p)
    );
    // "Separately, …" tells a happening of its own, undated.
    let p = drafted(
        "Taliban fighters attacked a checkpoint in Kunduz on Saturday.\n\n\
         Separately, militants attacked police posts in a district of Baghlan province.",
        "2018-09-09",
    );
    let baghlan = opening_with(&p, "Separately");
    assert_eq!(
        date(baghlan).as_deref(),
        Some("../2018-09-09"),
        "{:?}",
        kinds(&p)
    );
}

#[test]
fn an_act_takes_the_day_over_a_sentence_that_tells_nothing() {
    let p = drafted(
        "On December 13, in the southern Red Sea, the tanker Ardmore Encounter was under attack \
         from Houthi forces. These forces first tried to board the tanker via skiffs. When this \
         was unsuccessful, a pair of missiles were fired at the vessel.",
        "2023-12-14",
    );
    assert_eq!(
        days_of(&p, "missile-attack"),
        ["2023-12-13"],
        "{:?}",
        kinds(&p)
    );
    // Not over a sentence that has a date of its own, nor for a saying.
    let p = drafted(
        "On December 13, Houthi forces attacked the tanker. By late 2023 the route was \
         dangerous. A pair of missiles were fired at the vessel.",
        "2023-12-14",
    );
    assert_eq!(
        days_of(&p, "missile-attack"),
        ["../2023-12-14"],
        "{:?}",
        kinds(&p)
    );
}

#[test]
fn the_weekend_is_the_last_saturday_and_sunday() {
    // Published on Tuesday 20 September 2022.
    for text in [
        "Somali forces killed more than 100 militants during weekend offensives in Hiran.",
        "Troops launched a raid against al-Shabab in Hiran over the weekend.",
    ] {
        let p = drafted(text, "2022-09-20");
        assert_eq!(
            p.events.iter().map(date).collect::<Vec<_>>(),
            [Some("2022-09-17/2022-09-18".to_string())],
            "{text}: {:?}",
            kinds(&p)
        );
    }
}

#[test]
fn early_before_a_day_of_the_month_is_early_in_that_day() {
    let p = drafted(
        "The attack began early August 7 and ended after 24 hours.",
        "2015-08-12",
    );
    assert_eq!(days_of(&p, "attack"), ["2015-08-07"], "{:?}", kinds(&p));
    // Early in a month with no day is its first ten days.
    let p = drafted(
        "The attack began in early August 2015 and ended after 24 hours.",
        "2015-08-12",
    );
    assert_eq!(
        days_of(&p, "attack"),
        ["2015-08-01/2015-08-10"],
        "{:?}",
        kinds(&p)
    );
}

#[test]
fn a_lead_over_days_written_end_to_end_sums_up_the_days_told_after() {
    // The lead's "between Dec. 4 and yesterday" is a period, then each day is told apart: the
    // period's strikes are not one of the days'.
    let text = "Coalition forces have continued to attack ISIS, conducting 18 strikes against \
                ISIS in Syria between Dec. 4 and yesterday, officials reported today.\n\n\
                Yesterday in Syria, coalition military forces conducted five strikes against \
                ISIS targets near Abu Kamal.\n\nOn Dec. 6, coalition military forces conducted \
                four strikes against ISIS targets near Abu Kamal.";
    let p = drafted(text, "2017-12-08");
    let mut days: Vec<_> = kinds(&p).into_iter().filter_map(|(_, d)| d).collect();
    days.sort();
    assert_eq!(
        days,
        ["2017-12-04/2017-12-07", "2017-12-06", "2017-12-07"],
        "{:?}",
        kinds(&p)
    );
    // A lead's "earlier this month" still holds the day told later.
    let p = drafted(
        "A senior ISIS leader was killed earlier this month by a coalition airstrike in Syria, \
         officials said.\n\nThe coalition airstrike near Abu Kamal on Dec. 6 killed him.",
        "2017-12-08",
    );
    assert_eq!(p.events.len(), 1, "{:?}", kinds(&p));
}

/// Whether a draft of `p` is dated `edtf`, as written.
fn dated(p: &dateline::model::Package, edtf: &str) -> bool {
    p.events.iter().any(|e| date(e).as_deref() == Some(edtf))
}

#[test]
fn a_date_in_the_name_of_a_plan_dates_nothing_told() {
    let p = drafted(
        "Separatist forces attacked Ukrainian positions near Donetsk overnight. They fired Grad \
         rockets that should have been withdrawn under the February Minsk plan, and they wounded \
         20 soldiers.",
        "2015-06-03",
    );
    assert!(!dated(&p, "2015-02"), "{:?}", kinds(&p));
    // An agreement's date is its own: "the June 15 National Dialogue agreement".
    let p = drafted(
        "We urge full implementation of the June 15 National Dialogue agreement on human rights.",
        "2018-06-18",
    );
    assert_eq!(days_of(&p, "agreement"), ["2018-06-15"], "{:?}", kinds(&p));
}

#[test]
fn may_after_a_name_is_a_surname_not_a_month() {
    let p = drafted(
        "Theresa May spoke to President Hollande following the attack in Nice and said the UK \
         stood with France.",
        "2016-07-17",
    );
    assert!(!dated(&p, "2016-05"), "{:?}", kinds(&p));
    // The month after a preposition, or opening the sentence, is still the month.
    for text in [
        "In May, gunmen attacked a police post near Kandahar.",
        "May 3 saw gunmen attack a police post near Kandahar.",
    ] {
        let p = drafted(text, "2016-07-17");
        assert!(
            p.events
                .iter()
                .any(|e| date(e).is_some_and(|d| d.starts_with("2016-05"))),
            "{text}: {:?}",
            kinds(&p)
        );
    }
}

#[test]
fn a_day_after_counts_back_from_the_day_given_first_however_long_the_clause() {
    let p = drafted(
        "The president urged the public Saturday to stay calm, one day after an armed group \
         carried out coordinated attacks on the embassy in Ouagadougou.",
        "2018-03-03",
    );
    assert_eq!(days_of(&p, "attack"), ["2018-03-02"], "{:?}", kinds(&p));
}
