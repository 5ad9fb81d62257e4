//! Who says what, one sentence at a time: speakers named after what they say, what a
//! statement is about kept apart from when it was said.

mod common;

use common::{date, date_note, days_of, drafted, first_of, has, kinds, kinds_of, role};
use dateline::extract::{extract, Article};
use dateline::model::edtf::Edtf;

#[test]
fn a_speaker_after_the_quotation_may_carry_two_descriptions() {
    let p = drafted(
        "“We protect and remain committed to our partners – plain and simple,” said Maj. Gen. \
         William Gayler, director of operations, U.S. Africa Command.",
        "2020-03-17",
    );
    assert_eq!(
        kinds(&p),
        [("statement".into(), Some("2020-03-17~".into()))]
    );
    assert_eq!(
        role(&p.events[0], "william-gayler").as_deref(),
        Some("speaker")
    );
}

#[test]
fn witnesses_named_after_the_verb_make_no_statement() {
    // "…, said witnesses": the speakers after the verb, anonymous, whose account is the act's.
    let p = drafted(
        "The fighting, in the Kolynyang area of Jonglei state, began Wednesday and continued \
         into Thursday, said witnesses who hid in the bush.",
        "2018-02-08",
    );
    assert!(!has(&p, "statement"), "{:?}", kinds(&p));
    let p = drafted(
        "The fighting began Wednesday and continued into Thursday, said witnesses.",
        "2018-02-08",
    );
    assert_eq!(
        kinds(&p),
        [("armed-clash".into(), Some("2018-02-07".into()))]
    );
}

#[test]
fn a_participle_after_the_speaker_tells_what_the_act_did() {
    // "…, Nhial said, forcing villagers to flee": the act reported and what it did, not a
    // saying of its own.
    let p = drafted(
        "Some homes were set on fire, Nhial said, forcing villagers to flee to a nearby forest.",
        "2018-02-08",
    );
    assert!(!has(&p, "statement"), "{:?}", kinds(&p));
    assert!(has(&p, "attack"), "{:?}", kinds(&p));
    // A participle of saying goes on with what the speaker says.
    let p = drafted(
        "Army Cpl. Joseph Maciel died July 7 of wounds he suffered during an apparent insider \
         attack, Manning said, noting the incident is under investigation.",
        "2018-07-09",
    );
    assert!(has(&p, "statement"), "{:?}", kinds(&p));
}

#[test]
fn who_condemns_a_killing_named_with_a_word_between_did_not_do_it() {
    // "the overnight killing of": a noun, whatever word stands after its article, so the one
    // who condemns it is no doer.
    for text in [
        "The United Nations condemned the overnight killing of 19 Afghan civilians.",
        "The United Nations condemned the brutal killing of 19 Afghan civilians.",
    ] {
        let p = drafted(text, "2015-06-21");
        let killing = first_of(&p, "killing");
        assert_ne!(
            role(killing, "united-nations").as_deref(),
            Some("perpetrator"),
            "{text}"
        );
    }
}

#[test]
fn a_condemnation_is_dated_by_its_saying_not_by_the_attack_it_names() {
    let p = drafted(
        "The United States condemns unequivocally the militant attack on Friday that led to \
         the death of a French soldier near Gossi in northern Mali.",
        "2021-09-25",
    );
    let statement = first_of(&p, "statement");
    assert_eq!(date(statement).as_deref(), Some("2021-09-25~"));
    let attack = first_of(&p, "attack");
    assert_eq!(date(attack).as_deref(), Some("2021-09-24"));
}

#[test]
fn a_verdict_quoted_on_an_attack_told_before_is_a_statement() {
    let p = drafted(
        "Al-Shabab militants attacked an African Union military base Friday in southwestern \
         Somalia.\n\nThe African Union Mission in Somalia said this attack \"demonstrates the \
         vile nature of Al Shabab, whose sole purpose is to spread terror.\"",
        "2016-01-15",
    );
    let statement = first_of(&p, "statement");
    assert_eq!(role(statement, "amisom").as_deref(), Some("speaker"));
    let attack = first_of(&p, "attack");
    assert_eq!(role(attack, "al-shabaab").as_deref(), Some("perpetrator"));
}

#[test]
fn an_accused_force_named_by_its_full_name_is_the_suspect_not_its_state() {
    let p = drafted(
        "Heavy shelling in residential areas of Tripoli, Libya's capital, left at least three \
         dead and a dozen wounded Saturday.\n\nForces of the U.N.-backed Government of National \
         Accord accused the Libyan Arab Armed Forces, affiliated with Field Marshal Khalifa \
         Hiftar, of the shelling.",
        "2020-05-10",
    );
    let shelling = first_of(&p, "rocket-attack");
    assert_eq!(
        role(shelling, "libyan-national-army").as_deref(),
        Some("suspected")
    );
    assert_eq!(role(shelling, "libya"), None);
}

#[test]
fn a_quoted_account_of_an_attack_told_before_is_no_statement() {
    let p = drafted(
        "Al-Shabab militants attacked the El-Salin military base on Sunday.\n\nA spokesman for \
         Somali special forces said the militants attacked the base “in large numbers.”",
        "2019-09-22",
    );
    assert!(
        !has(&p, "statement"),
        "{:?}",
        p.events.iter().map(|e| &e.event_type).collect::<Vec<_>>()
    );
}

#[test]
fn a_place_before_a_body_that_speaks_is_no_person_it_describes() {
    let p = drafted(
        "Iranian-backed Houthi terrorists launched two anti-ship ballistic missiles at a \
         U.S.-owned ship in the Gulf of Aden, the U.S. Central Command said in a statement \
         late Thursday.",
        "2024-01-19",
    );
    let attack = first_of(&p, "missile-attack");
    assert_eq!(attack.place.as_deref(), Some("gulf-of-aden"));
    assert_eq!(role(attack, "houthis").as_deref(), Some("suspected"));
    assert_eq!(role(attack, "centcom").as_deref(), Some("reporter"));
}

#[test]
fn a_speaker_that_says_it_is_concerned_or_saddened_makes_a_statement() {
    for text in [
        "The United States is gravely concerned by reported killings of civilians in Ethiopia.",
        "The United States was deeply saddened to learn of the violence in Mali this past weekend.",
    ] {
        let p = drafted(text, "2022-06-21");
        let statement = first_of(&p, "statement");
        assert_eq!(role(statement, "united-states").as_deref(), Some("speaker"));
    }
    // "Concerned" that is not said of the subject is no statement.
    let p = drafted(
        "The parties concerned met in Geneva on Monday.",
        "2022-06-21",
    );
    assert!(!has(&p, "statement"));
}

#[test]
fn a_releases_own_voice_on_one_day_is_one_statement() {
    let p = drafted(
        "We condemn the attack on the market in Idlib.\n\nWe call on all parties to respect the \
         ceasefire.\n\nWe continue to call on the regime to allow aid to reach those in need.",
        "2019-07-23",
    );
    let statements: Vec<_> = p
        .events
        .iter()
        .filter(|e| e.event_type == "statement")
        .collect();
    assert_eq!(statements.len(), 1, "{:?}", kinds(&p));
    assert_eq!(statements[0].sources.len(), 3);
}

#[test]
fn a_saying_after_one_takes_its_time_not_the_time_it_told_of() {
    let p = drafted(
        "The United States is gravely concerned by reports that dozens of civilians were killed \
         during a bombing of a village market in northern Tigray on June 22. We strongly condemn \
         this reprehensible act.",
        "2021-06-23",
    );
    let statements: Vec<_> = p
        .events
        .iter()
        .filter(|e| e.event_type == "statement")
        .collect();
    assert!(!statements.is_empty(), "{:?}", kinds(&p));
    for s in statements {
        assert_eq!(date(s).as_deref(), Some("2021-06-23~"), "{:?}", kinds(&p));
    }
    let bombing = first_of(&p, "bombing");
    assert_eq!(date(bombing).as_deref(), Some("2021-06-22"));
}

#[test]
fn what_a_condemnation_looks_back_on_came_before_the_publication() {
    let p = drafted(
        "I strongly condemn the recent Al Shabaab attacks in Somalia.",
        "2017-01-28",
    );
    let attack = first_of(&p, "attack");
    assert_eq!(date(attack).as_deref(), Some("../2017-01-28"));
    let note = date_note(attack);
    assert!(note.contains("before the publication"), "{note}");
    // What a warning speaks of is not looked back on: it keeps no date.
    let warned = drafted(
        "The ministry warned of attacks on shipping in the Red Sea.",
        "2017-01-28",
    );
    assert!(
        warned
            .events
            .iter()
            .all(|e| e.event_type == "statement" || date(e).is_none_or(|d| !d.starts_with(".."))),
        "{:?}",
        kinds(&warned)
    );
}

#[test]
fn an_official_announcing_an_act_today_makes_a_statement_beside_it() {
    let p = drafted(
        "Recent coalition airstrikes have killed a senior leader of the Islamic State in Iraq \
         and the Levant, Pentagon Press Secretary Peter Cook said today.",
        "2015-09-22",
    );
    let statement = first_of(&p, "statement");
    assert_eq!(role(statement, "peter-cook").as_deref(), Some("speaker"));
    assert!(has(&p, "airstrike"));
    // Told on another day, the act alone.
    let p = drafted(
        "Recent coalition airstrikes have killed a senior leader of the Islamic State, Pentagon \
         Press Secretary Peter Cook said on Monday.",
        "2015-09-22",
    );
    assert!(!has(&p, "statement"), "{:?}", kinds(&p));
}

#[test]
fn a_release_says_what_it_says_in_its_own_voice_once() {
    // Two sayings in "we", paragraphs apart: one statement of the release.
    let p = drafted(
        "The United States is shocked and outraged by reports that over 170 Malians were \
         killed Saturday in the central Malian village of Ogossagou.\n\nWe strongly condemn \
         this heinous act and call for those responsible to be brought to justice.\n\nThe \
         violence follows an attack on a Malian army post last week.\n\nWe call on the \
         Government of Mali to restore peace and security in the region.",
        "2019-03-26",
    );
    let statements: Vec<_> = p
        .events
        .iter()
        .filter(|e| e.event_type == "statement")
        .collect();
    assert_eq!(statements.len(), 1, "{:#?}", kinds(&p));
    assert_eq!(statements[0].sources.len(), 3);
}

#[test]
fn a_body_that_publishes_a_release_speaks_in_its_own_voice() {
    let text = "\u{201c}Persistent pressure on the network ensures the threat is contained \
                while degrading Al Shabaab capabilities,\u{201d} said U.S. Air Force Brig. Gen. \
                Robert Huston, deputy director of operations, U.S. Africa Command.\n\nAt this \
                time, it is assessed the airstrike killed three (3) militants.\n\nU.S. Africa \
                Command will continue to work with its partners to transfer the responsibility \
                for long-term security in Somalia from AMISOM to the Federal Government of \
                Somalia and its Member States.";
    // The sources of each statement drafted.
    let statements = |publisher: &str| {
        let p = published_by(text, "2019-05-25", publisher);
        p.events
            .iter()
            .filter(|e| e.event_type == "statement")
            .map(|e| e.sources.len())
            .collect::<Vec<_>>()
    };
    // In its own release, U.S. Africa Command and its general are one voice; in a
    // newspaper, what the command will do is the newspaper's words, no saying.
    assert_eq!(statements("U.S. Africa Command"), [2]);
    assert_eq!(statements("A newspaper"), [1]);
    // The one person the release quotes speaks in its voice, though the release says no
    // "we" of its own but what the command will do.
    let text = "\u{201c}We continue to work closely with our Somali partners,\u{201d} said U.S. \
                Army Gen. Miguel A. Castellanos, deputy director of operations, U.S. Africa \
                Command.\n\nU.S. Africa Command will continue to work with its partners.";
    let p = published_by(text, "2019-12-09", "U.S. Africa Command");
    let statements: Vec<usize> = p
        .events
        .iter()
        .filter(|e| e.event_type == "statement")
        .map(|e| e.sources.len())
        .collect();
    assert_eq!(statements, [2], "{:?}", kinds(&p));
}

#[test]
fn a_person_of_the_publishers_side_is_a_speaker_apart() {
    let p = published_by(
        "The United States strongly condemns the April 7 chemical attack in Douma, Syria.\n\n\
         In his remarks before a cabinet meeting on April 9, President Donald J. Trump \
         condemned the heinous attack.",
        "2018-04-10",
        "U.S. Department of State",
    );
    assert_eq!(speakers(&p), ["donald-trump", "united-states"]);
}

/// The speakers of the statements of `p`, sorted.
fn speakers(p: &dateline::model::Package) -> Vec<String> {
    let mut speakers: Vec<String> = p
        .events
        .iter()
        .filter(|e| e.event_type == "statement")
        .flat_map(|e| e.actors.iter().filter(|a| a.role == "speaker"))
        .map(|a| a.actor.clone())
        .collect();
    speakers.sort();
    speakers
}

/// The drafts of `text` published on `published` by `publisher`.
fn published_by(text: &str, published: &str, publisher: &str) -> dateline::model::Package {
    extract(
        &[Article {
            text: text.into(),
            published: Some(Edtf::parse(published).unwrap()),
            publisher: Some(publisher.into()),
            ..Article::default()
        }],
        common::lexicon(),
    )
}

#[test]
fn a_release_pledging_in_its_own_voice_makes_a_statement() {
    for text in [
        "U.S. forces will continue to use all authorized and appropriate measures to protect \
         U.S. citizens and to disable terrorist threats.",
        "We remain committed to helping the Afghan people achieve a peaceful and secure future.",
        "I would like to extend my heartfelt condolences to all those killed and injured.",
        "Our thoughts and prayers are with the families of the victims.",
        "U.S. Pacific Command is fully committed to working closely with our allies.",
    ] {
        let p = published_by(text, "2018-01-22", "U.S. Department of Defense");
        assert_eq!(
            kinds(&p),
            [("statement".into(), Some("2018-01-22~".into()))],
            "{text}"
        );
    }
    // What forces went on doing is no pledge; "we" in a fronted phrase is no subject.
    assert!(drafted(
        "Coalition forces continued to patrol the city.",
        "2018-01-22"
    )
    .events
    .is_empty());
    let p = drafted(
        "In our campaign to defeat ISIL we will continue to do so.",
        "2016-02-20",
    );
    let statement = first_of(&p, "statement");
    assert_ne!(role(statement, "islamic-state").as_deref(), Some("speaker"));
    // A body of another side pledges nothing in a release: the release tells what it does.
    for text in [
        "ISIL will continue to resort to cowardly attacks of killing civilians.",
        "The Iraqi people are determined to stand against the violence of ISIL.",
    ] {
        let p = published_by(text, "2014-11-19", "U.S. Department of State");
        assert!(!has(&p, "statement"), "{text}: {:?}", kinds(&p));
    }
}

#[test]
fn member_states_in_a_name_say_nothing() {
    let p = drafted(
        "The mission supports the Federal Government of Somalia and its Member States.",
        "2019-05-25",
    );
    assert!(p.events.is_empty(), "{:?}", kinds(&p));
}

#[test]
fn praise_thanks_and_gratitude_are_stances() {
    for text in [
        "I commend the valiant efforts of the Afghan National Defence and Security Forces.",
        "We thank the first responders, especially Malian Forces.",
        "We are grateful to the Nigerien and French forces.",
        "The Minister reiterates the UK's support for Nigeria.",
    ] {
        let p = drafted(text, "2018-01-22");
        assert_eq!(
            kinds(&p),
            [("statement".into(), Some("2018-01-22~".into()))],
            "{text}"
        );
    }
}

#[test]
fn the_one_person_a_release_quotes_speaks_its_we_and_i() {
    let text = "Foreign Secretary Boris Johnson said:\n\nThe attack in Kabul today was \
                cowardly.\n\nThe British embassy is open as usual.\n\nI condemn it in the \
                strongest terms.\n\nWe remain determined in our resolve to help the Afghan \
                people overcome terror.";
    let p = published_by(text, "2018-01-28", "Foreign & Commonwealth Office");
    let statements = kinds_of(&p, "statement").len();
    assert_eq!(statements, 1, "{:?}", kinds(&p));
    // Two people quoted: whose "we" it is, the rules cannot say.
    let p = published_by(
        &format!("{text}\n\nGeneral John Nicholson condemned the attack."),
        "2018-01-28",
        "A newspaper",
    );
    let statements = kinds_of(&p, "statement").len();
    assert!(statements >= 2, "{:?}", kinds(&p));
}

#[test]
fn what_is_said_in_a_written_statement_is_a_statement() {
    let p = drafted(
        "In his written statement, Cook said Afghan forces amassed near the city to retake it.",
        "2015-09-29",
    );
    assert!(has(&p, "statement"), "{:?}", kinds(&p));
}

#[test]
fn what_follows_said_with_a_verb_of_its_own_is_what_was_said() {
    let p = drafted(
        "Oleksandr Prokudin, the regional governor of Kherson, said a Russian strike hit a \
         residential building, killing two people and injuring five others.",
        "2023-09-21",
    );
    assert!(
        !p.events
            .iter()
            .flat_map(|e| &e.actors)
            .any(|a| a.actor == "russia" && a.role == "speaker"),
        "{:?}",
        p.events
            .iter()
            .map(|e| (&e.id, &e.actors))
            .collect::<Vec<_>>()
    );
    // The speaker after the verb, described: "…, said Gen. X, commander of Y".
    let p = drafted(
        "\u{201c}We are ready to respond to any threat,\u{201d} said Gen. Frank McKenzie, \
         commander of U.S. Central Command.",
        "2020-03-13",
    );
    assert_eq!(
        role(first_of(&p, "statement"), "kenneth-mckenzie").as_deref(),
        Some("speaker")
    );
}

#[test]
fn an_act_blamed_on_someone_is_suspected_of_them_and_no_one_speaks() {
    let p = drafted(
        "Two Malian soldiers were killed early Sunday in northern Mali in an attack on their \
         post blamed on jihadists, the army announced on social networks.",
        "2022-02-13",
    );
    let attack = first_of(&p, "attack");
    assert_eq!(attack.place.as_deref(), Some("mali"));
    assert!(
        !p.events
            .iter()
            .flat_map(|e| &e.actors)
            .any(|a| a.actor == "mali" && a.role == "speaker"),
        "{:?}",
        p.events.iter().map(|e| &e.actors).collect::<Vec<_>>()
    );
    for text in [
        "Two rocket attacks blamed on Kataib Hezbollah hit Camp Taji on Wednesday.",
        "The attacks on Camp Taji were blamed on Kataib Hezbollah.",
    ] {
        let p = drafted(text, "2020-03-14");
        let attack = p
            .events
            .iter()
            .find(|e| e.event_type != "statement")
            .expect(text);
        assert_eq!(
            role(attack, "kataib-hezbollah").as_deref(),
            Some("suspected"),
            "{text}"
        );
    }
}

#[test]
fn member_states_before_an_attribution_are_no_person() {
    let p = drafted(
        "AFRICOM will continue to work with its partners to transfer the responsibility for \
         long-term security in Somalia from AMISOM to the Federal Government of Somalia and its \
         Member States, the press release added.",
        "2019-09-18",
    );
    assert!(
        !p.actors.iter().any(|a| a.name == "Member States"),
        "{:?}",
        p.actors.iter().map(|a| &a.name).collect::<Vec<_>>()
    );
}

#[test]
fn an_accusation_is_a_statement_of_the_accuser_even_in_the_passive() {
    let p = drafted(
        "Forces of the Government of National Accord accused the Libyan Arab Armed Forces of \
         the shelling.",
        "2020-05-10",
    );
    let statement = first_of(&p, "statement");
    assert_eq!(
        role(statement, "government-of-national-accord").as_deref(),
        Some("speaker")
    );
    assert_eq!(
        role(statement, "libyan-national-army").as_deref(),
        Some("subject")
    );
    // In the passive the accuser follows "by": the accused is no speaker.
    let p = drafted(
        "Turkey is being accused by the Government of National Accord of carrying out a drone \
         attack Tuesday in Tripoli.",
        "2021-11-09",
    );
    let statement = first_of(&p, "statement");
    assert_eq!(
        role(statement, "government-of-national-accord").as_deref(),
        Some("speaker"),
        "{p:?}"
    );
    assert_eq!(role(statement, "turkey").as_deref(), Some("subject"));
    let strike = first_of(&p, "drone-strike");
    assert_eq!(role(strike, "turkey").as_deref(), Some("suspected"));
    // A feeling's "by" names its cause, not a speaker.
    let p = drafted(
        "The United States is deeply concerned by the continued ISIS attacks in Iraq.",
        "2021-12-03",
    );
    assert_eq!(
        role(first_of(&p, "statement"), "united-states").as_deref(),
        Some("speaker")
    );
}

#[test]
fn a_speaker_described_after_a_name_behind_a_preposition_is_not_that_name() {
    let p = drafted(
        "At least 16 civilians were killed on Wednesday in El Fasher after shelling by the \
         paramilitary Rapid Support Forces (RSF), a Sudanese doctors' group said.",
        "2025-10-09",
    );
    let e = &p.events[0];
    let rsf = e
        .actors
        .iter()
        .find(|a| a.actor == "rapid-support-forces")
        .unwrap_or_else(|| panic!("{:?}", e.actors));
    assert_eq!(rsf.role, "suspected");
    assert_eq!(
        rsf.according_to.as_deref(),
        Some("a Sudanese doctors' group")
    );
}

#[test]
fn a_release_in_one_voice_is_one_statement_whoever_it_names() {
    let text = "Foreign Secretary Liz Truss said:\n\nWe condemn the attack on Iraqi Prime \
                Minister Mustafa Al-Kadhimi that took place in Baghdad last night.\n\nWe stand \
                with the Iraqi government and strongly support the Prime Minister's call for \
                calm.";
    let p = published_by(
        text,
        "2021-11-07",
        "Foreign, Commonwealth & Development Office",
    );
    let statements = kinds_of(&p, "statement").len();
    assert_eq!(statements, 1, "{:?}", kinds(&p));
}

#[test]
fn a_speaker_named_at_the_end_is_that_clause_not_a_name_before_it() {
    let p = drafted(
        "At least five civilians died Thursday after a drone operated by Sudan's Rapid Support \
         Forces (RSF) targeted a civilian gathering in El Fasher, capital of North Darfur \
         state, local media reported.",
        "2025-10-25",
    );
    let e = &p.events[0];
    assert!(
        e.actors
            .iter()
            .all(|a| !(a.actor == "rapid-support-forces" && a.role == "reporter")),
        "{:?}",
        e.actors
    );
}

#[test]
fn condolences_extended_or_alarm_raised_are_a_statement() {
    for text in [
        "Prime Minister David Cameron sent his condolences to the victims' families.",
        "Prime Minister David Cameron extended his condolences to the victims and their \
         families.",
    ] {
        let p = drafted(text, "2015-11-18");
        let statement = first_of(&p, "statement");
        assert_eq!(
            role(statement, "david-cameron").as_deref(),
            Some("speaker"),
            "{text}"
        );
    }
    // Alarm raised is a stance too, dated by its words.
    let p = drafted(
        "The U.N. raised alarm again last week that Libyans are suffering under a deadly \
         siege.",
        "2020-05-10",
    );
    assert_eq!(
        role(first_of(&p, "statement"), "united-nations").as_deref(),
        Some("speaker")
    );
    // A parcel sent is no saying.
    let p = drafted("The army sent reinforcements to the town.", "2015-11-18");
    assert!(!has(&p, "statement"), "{:?}", kinds(&p));
}

#[test]
fn a_first_persons_grief_resolve_and_commitment_are_statements() {
    for text in [
        "Jill and I join the families and friends of our fallen in grieving the loss of these \
         warriors.",
        "We will hold all those responsible to account at a time and in a manner of our \
         choosing.",
        "Our commitment to the defense of our allies, including the Republic of Korea and \
         Japan, remains ironclad.",
        "We stand in solidarity with the survivors of this brutality, and pray for their \
         healing.",
    ] {
        let p = drafted(text, "2024-01-28");
        assert_eq!(
            kinds(&p),
            [("statement".into(), Some("2024-01-28~".into()))],
            "{text}"
        );
    }
    // What someone else will do is no one's statement here.
    let p = drafted(
        "The militants will hold the town until the rains come.",
        "2024-01-28",
    );
    assert!(p.events.is_empty());
}

#[test]
fn a_name_described_by_a_capitalised_office_is_the_speaker() {
    let p = drafted(
        "In response, James Duddridge, Minister for Africa, said:\n\nBoko Haram attacks on \
         civilians in recent days show a contemptible disregard for human life.",
        "2015-12-29",
    );
    let statement = first_of(&p, "statement");
    assert_eq!(
        role(statement, "james-duddridge").as_deref(),
        Some("speaker")
    );
    // The office alone, with no one named before it, is no one's name.
    let p = drafted(
        "The Minister for Africa said the attacks were appalling.",
        "2015-12-29",
    );
    assert!(p.actors.iter().all(|a| a.kind.as_deref() != Some("person")));
}

#[test]
fn a_relative_that_or_a_second_that_does_not_open_what_is_said() {
    for text in [
        "The U.S.-led coalition in Iraq said Wednesday a rocket attack targeted an Iraqi \
         military base that hosts U.S.-led coalition troops in western Anbar province.",
        "U.S. military officials said it was too early to assign blame for the attack and that \
         the investigation was ongoing.",
    ] {
        let p = drafted(text, "2021-03-03");
        assert!(!has(&p, "statement"), "{text}: {:?}", kinds(&p));
    }
}

#[test]
fn a_saying_that_looks_ahead_is_a_statement_beside_the_act_it_names() {
    let p = drafted(
        "Defense Secretary Mark Esper said officials in Iraq know who launched the attack and \
         that group will not escape justice.",
        "2020-03-12",
    );
    let statement = first_of(&p, "statement");
    assert_eq!(role(statement, "mark-esper").as_deref(), Some("speaker"));
}

#[test]
fn a_saying_denied_by_not_is_no_saying() {
    let p = drafted(
        "Syria says most of the Israeli missiles were intercepted and has so far not reported \
         any injuries or damage.",
        "2020-02-23",
    );
    assert!(!has(&p, "statement"), "{:?}", kinds(&p));
    let p = drafted(
        "The administration did not say why it waited several days to announce the call.",
        "2019-04-20",
    );
    assert!(p.events.is_empty(), "{:?}", kinds(&p));
}

#[test]
fn a_name_set_off_by_commas_after_its_office_is_the_speaker() {
    let p = drafted(
        "Speaking after heavy fighting erupted in Juba on 9 and 10 July, Minister for Africa, \
         James Duddridge, said:\n\nI strongly condemn the widespread fighting in Juba.",
        "2016-07-11",
    );
    let statement = first_of(&p, "statement");
    assert_eq!(
        role(statement, "james-duddridge").as_deref(),
        Some("speaker")
    );
}

#[test]
fn a_statement_issued_is_a_statement_by_who_issued_it() {
    let p = drafted(
        "On 6 November the Saudi-led Coalition released a statement providing details of \
         Iranian support to the Houthis in Yemen.",
        "2017-11-07",
    );
    let statement = first_of(&p, "statement");
    assert_eq!(
        role(statement, "saudi-led-coalition").as_deref(),
        Some("speaker")
    );
    assert_eq!(date(statement).as_deref(), Some("2017-11-06"));
}

#[test]
fn a_verb_of_saying_joined_by_and_has_the_first_ones_speaker() {
    let p = drafted(
        "The U.S. State Department says it is aware of reports of rockets landing Sunday in \
         Baghdad's fortified Green Zone, and called on the Iraqi government to protect \
         diplomatic facilities.",
        "2020-01-26",
    );
    let statement = first_of(&p, "statement");
    assert_eq!(
        role(statement, "state-department").as_deref(),
        Some("speaker")
    );
    let attack = first_of(&p, "rocket-attack");
    assert_eq!(
        role(attack, "state-department").as_deref(),
        Some("reporter")
    );
}

#[test]
fn what_another_made_clear_inside_a_quotation_is_an_aside() {
    let p = drafted(
        "\u{201c}As President Biden has made clear, we will take all necessary measures to \
         defend our people,\u{201d} said Secretary Austin.",
        "2023-03-23",
    );
    let said = first_of(&p, "statement");
    assert_eq!(role(said, "lloyd-austin").as_deref(), Some("speaker"));
    assert_ne!(role(said, "joe-biden").as_deref(), Some("speaker"));
}

#[test]
fn we_opening_a_saying_is_the_texts_own_voice_whoever_it_names() {
    let p = drafted(
        "We remain in close contact with our Israeli and Palestinian counterparts and call on \
         all to maintain calm.",
        "2022-05-13",
    );
    let said = first_of(&p, "statement");
    assert_ne!(role(said, "israel").as_deref(), Some("speaker"));
}

#[test]
fn an_appeal_is_a_statement() {
    let p = drafted(
        "The governor of Kaduna State appealed for President Muhammadu Buhari to send security \
         forces to protect the area.",
        "2020-03-02",
    );
    assert!(has(&p, "statement"), "{:?}", kinds(&p));
}

#[test]
fn a_saying_another_names_is_a_statement_of_its_own() {
    for text in [
        "The United States welcomes the Iraqi President’s call for an immediate investigation.",
        "The United States welcomes the Iraqi President’s July 13 call for an immediate \
         investigation.",
    ] {
        let p = drafted(text, "2021-07-14");
        assert_eq!(
            speakers(&p),
            ["iraq", "united-states"],
            "{text}: {:?}",
            kinds(&p)
        );
    }
}

#[test]
fn applauding_is_a_stance() {
    let p = drafted(
        "The United States applauds the International Criminal Court Prosecutor’s July 13 \
         announcement that his office has commenced focused investigations.",
        "2023-07-13",
    );
    let said = first_of(&p, "statement");
    assert_eq!(
        role(said, "united-states").as_deref(),
        Some("speaker"),
        "{:?}",
        said.actors
    );
}

#[test]
fn a_saying_named_by_its_noun_has_the_speaker_it_names() {
    let p = drafted(
        "I welcome the announcements by the Sudanese Armed Forces and the Rapid Support Forces \
         that they intend to abide by a three-day Eid al-Fitr ceasefire.",
        "2023-04-21",
    );
    let said = first_of(&p, "statement");
    assert_eq!(
        role(said, "sudanese-armed-forces").as_deref(),
        Some("speaker"),
        "{:?}",
        said.actors
    );
    // A statement another made, welcomed: its speaker's, beside the welcome.
    for (text, speaker) in [
        (
            "The United States welcomes the statement of Ethiopian Prime Minister Abiy \
             expressing gratitude to the AU.",
            "ethiopia",
        ),
        (
            "The United States welcomes the strong statements and steps taken by the Economic \
             Community of West African States to defend Niger's democracy.",
            "ecowas",
        ),
    ] {
        let p = drafted(text, "2023-07-26");
        let said: Vec<_> = p
            .events
            .iter()
            .filter(|e| e.event_type == "statement")
            .collect();
        assert_eq!(said.len(), 2, "{text}: {:?}", kinds(&p));
        assert!(
            said.iter()
                .any(|e| role(e, speaker).as_deref() == Some("speaker")),
            "{text}: {said:?}"
        );
    }
    // What a saying came in is no saying of its own.
    let p = drafted(
        "The three victims were from the same family, according to a statement by the SDF.",
        "2021-11-09",
    );
    assert!(!has(&p, "statement"), "{:?}", kinds(&p));
    // "We call on …" stays the verb of the text's own voice.
    let p = drafted(
        "We call on all Iraqis to support their government's efforts.",
        "2020-01-08",
    );
    assert!(p.events.iter().all(|e| e
        .actors
        .iter()
        .all(|a| a.role != "speaker" || a.actor != "iraq")));
}

#[test]
fn a_clause_of_circumstance_after_the_saying_is_not_what_was_said() {
    let p = drafted(
        "Two U.S. service members were \"killed in action\" Wednesday in Afghanistan, the U.S. \
         military said, as talks between the U.S. and the Taliban were set to resume in Qatar.",
        "2019-08-21",
    );
    assert!(!has(&p, "statement"), "{:?}", kinds(&p));
    let killing = first_of(&p, "killing");
    assert_eq!(date(killing).as_deref(), Some("2019-08-21"));
}

#[test]
fn what_a_source_tells_the_reporter_is_no_statement() {
    let p = drafted(
        "Jawed Ghafoor, the Afghan Defense Ministry spokesman, told VOA that security forces \
         have cleared the area.",
        "2018-08-15",
    );
    assert!(!has(&p, "statement"), "{:?}", kinds(&p));
    let p = drafted(
        "An official told reporters an investigation was continuing.",
        "2019-08-21",
    );
    assert!(!has(&p, "statement"), "{:?}", kinds(&p));
    // Telling someone else is still a saying of its own.
    let p = drafted(
        "The minister told parliament that the government would not negotiate with the \
         kidnappers.",
        "2018-08-15",
    );
    assert!(has(&p, "statement"), "{:?}", kinds(&p));
}

#[test]
fn a_statement_line_dated_the_day_of_publication_opens_the_texts_own_statement() {
    let article = Article {
        publisher: Some("U.S. Department of State".into()),
        published: Some(Edtf::parse("2023-09-24").unwrap()),
        text: "Statement by Ambassador Jeffrey M. Hovenier, September 24, 2023\n\nThe United \
               States strongly condemns the orchestrated, violent attacks on the Kosovo Police \
               this morning.\n\nWe are monitoring the situation closely and condemn these \
               violent acts."
            .into(),
        ..Article::default()
    };
    let p = extract(&[article], common::lexicon());
    let said: Vec<_> = p
        .events
        .iter()
        .filter(|e| e.event_type == "statement")
        .collect();
    assert_eq!(said.len(), 1, "{:?}", kinds(&p));
    assert_eq!(
        role(said[0], "jeffrey-m-hovenier").as_deref(),
        Some("speaker"),
        "{:?}",
        said[0].actors
    );
}

#[test]
fn a_text_its_headline_calls_a_statement_is_its_publishers_statement() {
    let article = |title: &str| Article {
        title: Some(title.into()),
        publisher: Some("U.S. Department of State".into()),
        published: Some(Edtf::parse("2020-10-25").unwrap()),
        text: "The foreign ministers met with the Deputy Secretary of State on October 24, \
               2020."
            .into(),
        ..Article::default()
    };
    let p = extract(
        &[article("U.S.-Armenia-Azerbaijan Joint Statement")],
        common::lexicon(),
    );
    let statement = first_of(&p, "statement");
    assert_eq!(date(statement).as_deref(), Some("2020-10-25~"));
    assert!(
        statement.actors.iter().any(|a| a.role == "speaker"),
        "{:?}",
        statement.actors
    );
    // Its words are the sentences that tell no happening of their own.
    let p = extract(
        &[Article {
            title: Some("Statement from NSC Spokesperson on Russia's Attacks".into()),
            publisher: Some("The White House".into()),
            published: Some(Edtf::parse("2024-03-29").unwrap()),
            text: "Overnight, Russia launched one of its largest aerial assaults against \
                   Ukraine's energy grid. This is a terrible reminder of Vladimir Putin's \
                   efforts to break the spirit of the Ukrainian people. Ukraine's need is \
                   urgent, and we cannot afford any further delays."
                .into(),
            ..Article::default()
        }],
        common::lexicon(),
    );
    let statement = first_of(&p, "statement");
    let quotes: Vec<&str> = statement.sources.iter().map(|s| s.quote.as_str()).collect();
    assert_eq!(
        quotes,
        [
            "This is a terrible reminder of Vladimir Putin's efforts to break the spirit of the \
             Ukrainian people.",
            "Ukraine's need is urgent, and we cannot afford any further delays."
        ]
    );
    // A headline that names no statement adds none.
    let p = extract(&[article("Foreign ministers meet")], common::lexicon());
    assert!(!has(&p, "statement"), "{:?}", kinds(&p));
}

#[test]
fn a_saying_named_by_its_noun_takes_the_date_after_its_speaker() {
    let p = drafted(
        "Foreign and Commonwealth Minister Tobias Ellwood said: I welcome the announcement by \
         the UN Secretary General on 9 July of an unconditional humanitarian pause in Yemen, \
         starting today.",
        "2015-07-10",
    );
    let announced = p
        .events
        .iter()
        .find(|e| {
            e.actors
                .iter()
                .any(|a| a.actor == "united-nations" && a.role == "speaker")
        })
        .unwrap_or_else(|| panic!("{:?}", kinds(&p)));
    assert_eq!(date(announced).as_deref(), Some("2015-07-09"));
    assert_eq!(speakers(&p), ["tobias-ellwood", "united-nations"]);
}

#[test]
fn a_commitment_of_someone_named_is_their_statement() {
    let p = drafted(
        "Foreign and Commonwealth Minister Tobias Ellwood said: I recognise the commitment of \
         President Hadi to a pause.",
        "2015-07-10",
    );
    assert_eq!(speakers(&p), ["hadi", "tobias-ellwood"], "{:?}", kinds(&p));
    // One's own commitment is no one else's statement.
    let p = drafted(
        "Foreign and Commonwealth Minister Tobias Ellwood said: I recognise the commitment of \
         our partners to a pause.",
        "2015-07-10",
    );
    assert_eq!(speakers(&p), ["tobias-ellwood"], "{:?}", kinds(&p));
}

#[test]
fn a_stance_in_the_progressive_or_joined_is_a_statement() {
    let p = drafted(
        "U.S. military officials are denying that U.S. forces saw any ground action in a raid \
         targeting al-Shabab militants in Somalia early Wednesday.",
        "2016-03-09",
    );
    assert!(has(&p, "statement"), "{:?}", kinds(&p));
    assert!(has(&p, "raid"), "{:?}", kinds(&p));
    let p = drafted(
        "Yemeni President Abdu Rabu Mansour Hadi is demanding Houthi rebels withdraw from \
         territory.",
        "2015-05-25",
    );
    let statement = first_of(&p, "statement");
    assert_eq!(
        role(statement, "abdu-rabu-mansour-hadi").as_deref(),
        Some("speaker")
    );
    // Joined in the stance: the subject says it as well.
    let p = drafted(
        "The U.S. Embassy joins the African Union in strongly condemning the September 23 \
         attack on a convoy of trucks in Yei.",
        "2023-09-28",
    );
    let said: Vec<_> = p
        .events
        .iter()
        .filter(|e| e.event_type == "statement")
        .collect();
    assert_eq!(said.len(), 2, "{:?}", kinds(&p));
    assert!(said
        .iter()
        .any(|e| role(e, "african-union").as_deref() == Some("speaker")));
    // Not a stance: "the meeting was going" is no saying, nor "is building".
    let p = drafted("The army is building a new base near Mosul.", "2016-03-09");
    assert!(!has(&p, "statement"), "{:?}", kinds(&p));
}

#[test]
fn a_statement_named_in_passing_with_a_date_of_its_own_is_a_statement() {
    let p = drafted(
        "We support the work of the OSCE’s Minsk Group and fully support the Co-Chairs \
         statement of yesterday.",
        "2020-09-28",
    );
    let said = days_of(&p, "statement");
    assert!(said.iter().any(|d| d == "2020-09-27"), "{:?}", kinds(&p));
    let p = drafted(
        "This was despite this Council's demand on the 1 December for the Houthis to stop all \
         such attacks immediately.",
        "2024-01-10",
    );
    assert_eq!(
        date(first_of(&p, "statement")).as_deref(),
        Some("2023-12-01")
    );
    let p = drafted(
        "They reaffirmed the ceasefire reaffirmed in the statement issued from Paris on October \
         17, in accordance with the October 1, 2020 joint statement of the presidents.",
        "2020-10-25",
    );
    let said = days_of(&p, "statement");
    assert!(said.iter().any(|d| d == "2020-10-17"), "{said:?}");
    assert!(said.iter().any(|d| d == "2020-10-01"), "{said:?}");
    // The statement a saying is made in is that saying, not another one.
    let p = drafted(
        "The Pentagon said in a statement on Friday that the strike killed two militants.",
        "2023-09-18",
    );
    let said = kinds_of(&p, "statement").len();
    assert_eq!(said, 1, "{:?}", kinds(&p));
}

#[test]
fn a_statement_joined_in_is_the_subjects_statement() {
    let p = drafted(
        "On 3 January, the UK joined 11 countries in a statement warning against further \
         attacks.",
        "2024-01-10",
    );
    let statement = first_of(&p, "statement");
    assert_eq!(date(statement).as_deref(), Some("2024-01-03"));
    assert_eq!(
        role(statement, "united-kingdom").as_deref(),
        Some("speaker")
    );
    // Made together, it is one statement.
    let p = drafted(
        "The United States joined France in a joint statement condemning the attack.",
        "2024-01-10",
    );
    let said = kinds_of(&p, "statement").len();
    assert_eq!(said, 1, "{:?}", kinds(&p));
}

#[test]
fn a_commitment_reaffirmed_or_a_claim_rejected_is_a_statement() {
    for text in [
        "The foreign ministers of Armenia and Azerbaijan reaffirmed their commitment to the \
         ceasefire.",
        "The Iraqi government rejected the accusations on Sunday.",
    ] {
        let p = drafted(text, "2020-10-25");
        assert!(has(&p, "statement"), "{text}: {:?}", kinds(&p));
    }
}

#[test]
fn a_name_described_after_a_comma_as_a_former_official_speaks_for_himself() {
    let p = drafted(
        "On Tuesday, the Taliban's intelligence agency released a video confession of an \
         alleged ISK member.\n\nSpeaking at an event, David Petraeus, former director of the \
         U.S. CIA, said ISK is trying to plunge Afghanistan into sectarian wars.",
        "2022-10-06",
    );
    // Two speakers, two statements: the second is not folded into the first.
    assert_eq!(kinds_of(&p, "statement").len(), 2, "{:?}", kinds(&p));
    let petraeus = p
        .events
        .iter()
        .find(|e| e.sources.iter().any(|s| s.quote.contains("Petraeus")))
        .unwrap();
    assert_eq!(role(petraeus, "david-petraeus").as_deref(), Some("speaker"));
}

#[test]
fn a_statement_claiming_responsibility_is_a_claim_not_a_statement() {
    let p = drafted(
        "A suicide car bomber hit a police convoy in Kandahar on Friday. The Taliban issued a \
         statement claiming responsibility for the attack.",
        "2018-01-27",
    );
    assert_eq!(kinds(&p), [("bombing".into(), Some("2018-01-26".into()))]);
    assert_eq!(
        role(first_of(&p, "bombing"), "taliban").as_deref(),
        Some("suspected")
    );
    // A statement that says more than the claim is still one.
    let p = drafted(
        "The Taliban issued a statement condemning the airstrike.",
        "2018-01-27",
    );
    assert!(has(&p, "statement"), "{:?}", kinds(&p));
}

#[test]
fn an_act_named_in_a_quoted_reaction_is_the_one_told_before() {
    // The tweet's "terrorist attack" is the mosque attack told before, and the tweet a
    // statement of its own.
    let p = drafted(
        "Gunmen killed 305 people in an attack on a mosque in North Sinai on Friday.\n\nIn a \
         tweet shortly after the attack President Donald Trump said, “Horrible and cowardly \
         terrorist attack on innocent and defenseless worshipers in Egypt. The world cannot \
         tolerate terrorism.”",
        "2017-11-28",
    );
    let types: Vec<&str> = p.events.iter().map(|e| e.event_type.as_str()).collect();
    assert_eq!(types, ["attack", "statement"], "{:?}", kinds(&p));
    assert_eq!(p.events[0].sources.len(), 2, "{:?}", kinds(&p));
    // "Another attack" in a quotation is one more, not the one told.
    let p = drafted(
        "Gunmen killed 305 people in an attack on a mosque in North Sinai on Friday.\n\nThe \
         governor said, “Another attack hit a checkpoint near El Arish.”",
        "2017-11-28",
    );
    let attacks = p.events.iter().filter(|e| e.event_type == "attack").count();
    assert_eq!(attacks, 2, "{:?}", kinds(&p));
}

#[test]
fn a_stance_in_the_present_or_british_spelling_is_a_statement() {
    for text in [
        "Ambassador Holland criticises the recent intensification of Russia’s attacks against \
         Ukraine.",
        "The Foreign Secretary deplores the detention of the ministers.",
        "We denounce the attack on the aid convoy near Yei.",
        "Bishop John Okafor decried the killings in the village on Sunday.",
        "The governor lamented the loss of life in the floods.",
        "On Monday, the United Nations cautioned people against traveling to the region.",
        "Governor Ali Musa hailed the courage of the troops.",
    ] {
        let p = drafted(text, "2024-04-18");
        assert!(has(&p, "statement"), "{text}: {:?}", kinds(&p));
    }
}

#[test]
fn an_accusation_told_after_the_act_is_of_something_else() {
    let p = drafted(
        "We condemn the killing of West Darfur Governor Khamis Abbakar on June 14 after he \
         accused the Rapid Support Forces of perpetrating genocide.",
        "2023-06-15",
    );
    let killing = first_of(&p, "killing");
    assert_ne!(
        role(killing, "rapid-support-forces").as_deref(),
        Some("suspected"),
        "{:?}",
        killing.actors
    );
    // Before the act, the accusation is of it.
    let p = drafted(
        "Kurdish officials accused the Rapid Support Forces of the killing of five civilians on \
         June 14.",
        "2023-06-15",
    );
    let killing = first_of(&p, "killing");
    assert_eq!(
        role(killing, "rapid-support-forces").as_deref(),
        Some("suspected"),
        "{:?}",
        killing.actors
    );
}

#[test]
fn an_unnamed_source_telling_the_story_makes_no_statement() {
    let story = "Militants attacked a base in Baidoa on Sunday, killing five soldiers.\n\n";
    for said in [
        "He said the militants penetrated the camp run by the regular military.",
        "The official said that he fears the death toll could rise.",
        "Police say they believe the bomb was placed there just before the center closed.",
        "“Our forces were ready to confront,” he said.",
    ] {
        let p = drafted(&format!("{story}{said}"), "2019-01-01");
        assert!(!has(&p, "statement"), "{said}");
        assert!(has(&p, "attack"), "{said}");
    }
    // A line that opens what is said below it is a statement, named or not.
    let p = drafted(
        &format!(
            "{story}The spokesperson said:\n\n“Our forces were ready to confront them and the \
             base is secure.”"
        ),
        "2019-01-01",
    );
    assert!(has(&p, "statement"), "{:?}", kinds(&p));
    // Named where it speaks, the same kind of saying is news in itself.
    let p = drafted(
        &format!(
            "{story}McKenzie said Iran was “ultimately” behind the group and had provided it \
             with weapons."
        ),
        "2019-01-01",
    );
    assert!(has(&p, "statement"));
}

#[test]
fn a_stance_verb_in_a_relative_clause_makes_no_speaker_of_the_subject() {
    let p = drafted(
        "A Russian missile then struck the café where villagers mourned his death.",
        "2023-10-19",
    );
    assert!(!has(&p, "statement"), "{:?}", kinds(&p));
    assert_eq!(
        role(first_of(&p, "missile-attack"), "russia").as_deref(),
        Some("perpetrator")
    );
}

#[test]
fn a_saying_in_the_passive_names_no_speaker() {
    let p = drafted(
        "In Somalia multiple casualties have been reported following a suicide bombing in \
         Baidoa in the southern Bay region.",
        "2023-03-14",
    );
    assert_eq!(kinds(&p).len(), 1, "{:?}", kinds(&p));
    assert!(has(&p, "bombing"), "{:?}", kinds(&p));
}

#[test]
fn a_thing_of_someone_s_that_reaffirms_is_no_speaker() {
    let p = drafted(
        "ISIS attacked the prison on Thursday. The barbarity of ISIS's actions during this \
         attack reaffirms why this group must be denied the ability to reconstitute.",
        "2022-01-30",
    );
    assert!(!has(&p, "statement"), "{:?}", kinds(&p));
    // An office of a body speaks.
    let p = drafted(
        "The head of the U.N. mission condemned the attack on Thursday.",
        "2022-01-30",
    );
    assert!(has(&p, "statement"), "{:?}", kinds(&p));
}

#[test]
fn joining_those_who_condemned_is_a_statement() {
    let p = drafted(
        "We join other friends of Lebanon and the country’s leaders who have already condemned \
         this horrific murder and call on leaders across the political spectrum to do the same.",
        "2021-02-04",
    );
    assert!(has(&p, "statement"), "{:?}", kinds(&p));
    // Those who condemned, with no one joining them, are told of; the text makes no statement
    // of its own.
    let p = drafted(
        "Friends of Lebanon who have already condemned the murder met in Beirut on Monday.",
        "2021-02-04",
    );
    assert!(!has(&p, "statement"), "{:?}", kinds(&p));
}

#[test]
fn a_say_in_something_is_no_saying() {
    let p = drafted(
        "In every post, he sought to reform and open Russia, and to empower the Russian people \
         to have a greater say in the life of their country.",
        "2015-02-27",
    );
    assert!(p.events.is_empty(), "{:?}", kinds(&p));
    // The verb says.
    let p = drafted(
        "Ukrainian leaders say Russia must release the sailors at once.",
        "2018-11-26",
    );
    assert!(has(&p, "statement"), "{:?}", kinds(&p));
}

#[test]
fn a_thing_denied_is_no_saying_but_a_report_denied_is() {
    let p = drafted(
        "One year ago, the Burmese military denied the will of the people of Burma, overthrew \
         the democratically elected Government, and seized power in a coup d'etat.",
        "2022-01-31",
    );
    assert!(!has(&p, "statement"), "{:?}", kinds(&p));
    let p = drafted(
        "The Russian defense ministry denied the reports on Monday.",
        "2022-01-31",
    );
    assert!(has(&p, "statement"), "{:?}", kinds(&p));
}

#[test]
fn a_military_telling_of_injuries_makes_no_statement() {
    let p = drafted(
        "A suicide bomb attack Friday targeted a foreign military convoy in Kabul. The U.S. \
         military confirmed the attack in the Afghan capital and said the service members \
         received “minor injuries”.",
        "2019-05-31",
    );
    assert!(!has(&p, "statement"), "{:?}", kinds(&p));
}

#[test]
fn a_group_saying_it_was_behind_an_act_claims_it() {
    let p = drafted(
        "A suicide car bomb killed 29 people in the Khanabad district of Kunduz province on \
         Saturday. In a statement sent to VOA, the Taliban said it was behind Saturday's \
         explosion in the Khanabad district.",
        "2015-08-10",
    );
    assert!(!has(&p, "statement"), "{:?}", kinds(&p));
    // Saying what it will do is a statement.
    let p = drafted(
        "In a statement sent to VOA, the Taliban said it would attack foreign forces across \
         Kunduz province.",
        "2015-08-10",
    );
    assert!(has(&p, "statement"), "{:?}", kinds(&p));
}

#[test]
fn un_agencies_missions_and_regional_bodies_speak_by_their_names() {
    // Each speaks in its own saying, by its acronym or its name in full.
    for (text, speaker) in [
        (
            "In a statement released in Juba, UNMISS expressed its condolences to the families \
             of those killed.",
            "unmiss",
        ),
        (
            "The Organization of Islamic Cooperation also condemned the seizure of the ship.",
            "oic",
        ),
        (
            "The U.S. Embassy joins UNICEF in strongly condemning the September 23 attack on a \
             convoy of trucks in Yei.",
            "unicef",
        ),
        (
            "The World Food Programme warned on Monday that millions face hunger in Burkina \
             Faso.",
            "wfp",
        ),
    ] {
        let p = drafted(text, "2023-09-28");
        assert!(
            p.events
                .iter()
                .any(|e| e.event_type == "statement"
                    && role(e, speaker).as_deref() == Some("speaker")),
            "{text}: {:?}",
            p.events
        );
    }
}

#[test]
fn each_body_listed_as_joined_in_a_stance_takes_it() {
    let p = drafted(
        "The UK Government joins ECOWAS, the African Union, the United Nations, the European \
         Union and other partners in condemning the removal by force of the President of \
         Guinea, Alpha Condé.",
        "2021-09-06",
    );
    let mut speakers: Vec<&str> = p
        .events
        .iter()
        .filter(|e| e.event_type == "statement")
        .flat_map(|e| e.actors.iter().filter(|a| a.role == "speaker"))
        .map(|a| a.actor.as_str())
        .collect();
    speakers.sort();
    assert_eq!(
        speakers,
        [
            "african-union",
            "ecowas",
            "european-union",
            "united-kingdom",
            "united-nations"
        ],
        "{:?}",
        kinds(&p)
    );
    // Each its own statement: five, not one with five speakers.
    assert_eq!(
        p.events
            .iter()
            .filter(|e| e.event_type == "statement")
            .count(),
        5
    );
}

#[test]
fn those_stood_with_or_joined_in_their_calls_take_the_stance() {
    for (text, want) in [
        (
            "The United States stands with the leaders of Kenya, President William Ruto and \
             Deputy President Rigathi Gachagua, in condemning the attack in Lamu.",
            vec!["united-states", "william-ruto"],
        ),
        (
            "The UK joins the African Union and the United Nations in their calls to end the \
             fighting.",
            vec!["african-union", "united-kingdom", "united-nations"],
        ),
    ] {
        let p = drafted(text, "2023-07-26");
        assert_eq!(speakers(&p), want, "{text}: {:?}", kinds(&p));
    }
}

#[test]
fn each_body_of_a_list_that_takes_a_stance_takes_it() {
    let p = drafted(
        "The United States, the UK, the European Union, France, the Arab Interior Ministers \
         Council, and the Organization of Islamic Cooperation condemned the seizure of the \
         Rwabee.",
        "2022-01-04",
    );
    let statements: Vec<Vec<&str>> = p
        .events
        .iter()
        .filter(|e| e.event_type == "statement")
        .map(|e| {
            e.actors
                .iter()
                .filter(|a| a.role == "speaker")
                .map(|a| a.actor.as_str())
                .collect()
        })
        .collect();
    let mut speakers: Vec<&str> = statements.iter().flatten().copied().collect();
    speakers.sort();
    assert_eq!(
        speakers,
        [
            "european-union",
            "france",
            "oic",
            "united-kingdom",
            "united-states"
        ],
        "{statements:?}"
    );
    assert!(statements.iter().all(|s| s.len() == 1), "{statements:?}");
    // Two bodies together may speak as one: their words stay one statement.
    let p = drafted(
        "The United States and Iraq condemned the attack on the embassy.",
        "2022-01-04",
    );
    assert_eq!(kinds_of(&p, "statement").len(), 1, "{:?}", kinds(&p));
}

#[test]
fn each_of_three_people_named_in_a_list_that_takes_a_stance_takes_it() {
    let p = drafted(
        "President Barack Obama, Secretary of State John F. Kerry and Defense Secretary Chuck \
         Hagel condemned yesterday's murder of U.S. photojournalist Luke Somers in Yemen.",
        "2014-12-06",
    );
    assert_eq!(
        speakers(&p),
        ["barack-obama", "chuck-hagel", "john-f-kerry"],
        "{:?}",
        kinds(&p)
    );
    // Two people together stay one statement, as two bodies do.
    let p = drafted(
        "President Barack Obama and Chancellor Angela Merkel condemned the attack.",
        "2015-02-14",
    );
    assert_eq!(kinds_of(&p, "statement").len(), 1, "{:?}", kinds(&p));
}

#[test]
fn a_happening_reported_is_no_one_saying() {
    let p = drafted(
        "Gunmen shot dead dozens of people in a village in Borno State on Monday -- the fourth \
         such massacre reported this week.",
        "2014-06-05",
    );
    assert!(!has(&p, "statement"), "{:?}", kinds(&p));
    assert!(has(&p, "killing"), "{:?}", kinds(&p));
}

#[test]
fn a_doer_believed_to_be_a_group_is_that_group_suspected() {
    let p = drafted(
        "Gunmen believed to be Boko Haram militants shot dead dozens of people in a village on \
         Monday.",
        "2014-06-05",
    );
    let killing = first_of(&p, "killing");
    assert_eq!(role(killing, "boko-haram").as_deref(), Some("suspected"));
}

#[test]
fn an_admission_named_with_its_speaker_is_a_statement() {
    let p = drafted(
        "The Somali government admitted errors were made and accepted responsibility for the \
         deaths.",
        "2017-09-29",
    );
    assert!(has(&p, "statement"), "{:?}", kinds(&p));
}

#[test]
fn a_correspondents_byline_says_nothing() {
    let p = drafted(
        "Gunmen killed a district official in Kandahar on Tuesday. VOA correspondent Ann Lee \
         reports from Kabul.",
        "2008-10-14",
    );
    assert!(!has(&p, "statement"), "{:?}", kinds(&p));
}

#[test]
fn rockets_that_slammed_into_a_base_say_nothing() {
    let p = drafted(
        "Rockets slammed into Camp Taji on Wednesday, killing two Americans.",
        "2020-03-11",
    );
    let attack = first_of(&p, "rocket-attack");
    assert!(
        attack.figures.iter().all(|f| f.according_to.is_none()),
        "{:?}",
        attack.figures
    );
    assert!(!has(&p, "statement"), "{:?}", kinds(&p));
}
