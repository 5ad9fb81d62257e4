//! Who did what, read from the clause's structure one sentence at a time: subjects joined by
//! "and", clauses opened by a word that can be a preposition.

mod common;

use common::{date, days_of, drafted, first_of, has, kinds, kinds_of, role};

#[test]
fn every_subject_joined_by_and_did_the_act() {
    let p = drafted(
        "The latest Houthi attack came days after the United States and Britain carried out \
         airstrikes on about 30 Houthi targets in western Yemen.",
        "2024-01-14",
    );
    let strikes = first_of(&p, "airstrike");
    assert_eq!(
        role(strikes, "united-states").as_deref(),
        Some("perpetrator")
    );
    assert_eq!(
        role(strikes, "united-kingdom").as_deref(),
        Some("perpetrator")
    );
    assert_eq!(role(strikes, "houthis").as_deref(), Some("target"));

    let p = drafted(
        "On Sunday, Iraqi and U.S. troops killed four al-Qaida militants in northwestern Iraq.",
        "2008-07-28",
    );
    assert_eq!(role(&p.events[0], "iraq").as_deref(), Some("perpetrator"));
    assert_eq!(
        role(&p.events[0], "us-military").as_deref(),
        Some("perpetrator")
    );
    assert_eq!(role(&p.events[0], "al-qaeda").as_deref(), Some("target"));
}

#[test]
fn the_state_of_those_who_say_so_is_no_qualifier_of_the_doers() {
    let p = drafted(
        "Iraqi authorities say suicide bombers attacked a Shi'ite pilgrimage in Baghdad Monday, \
         killing 50 people.",
        "2008-07-28",
    );
    assert_eq!(role(&p.events[0], "iraq").as_deref(), Some("reporter"));
}

#[test]
fn the_object_of_an_infinitive_after_by_is_no_agent() {
    let p = drafted(
        "This weekend’s cowardly attacks are an attempt by terrorists to weaken Somalia as it \
         works toward a more representative government.",
        "2016-12-11",
    );
    assert_ne!(
        role(&p.events[0], "somalia").as_deref(),
        Some("perpetrator")
    );
}

#[test]
fn a_subject_with_others_joined_to_it_did_the_act() {
    let p = drafted(
        "Earlier in the day, Iranian sponsored Kataib Hezbollah terrorists and affiliated \
         groups attacked coalition forces at Erbil, Iraq resulting in several injuries.",
        "2023-12-25",
    );
    assert_eq!(
        role(&p.events[0], "kataib-hezbollah").as_deref(),
        Some("perpetrator")
    );
    assert_eq!(
        role(&p.events[0], "us-led-coalition").as_deref(),
        Some("target")
    );
}

#[test]
fn the_coalition_is_the_one_the_article_named() {
    let p = drafted(
        "On Sunday, a Saudi-led coalition airstrike killed a reporter in Sanaa. The coalition said \
         it would investigate. Coalition aircraft later struck Houthi positions near Marib.",
        "2016-01-18",
    );
    let doers: Vec<&str> = p
        .events
        .iter()
        .flat_map(|e| &e.actors)
        .filter(|a| matches!(a.role.as_str(), "perpetrator" | "speaker"))
        .map(|a| a.actor.as_str())
        .collect();
    assert!(!doers.is_empty());
    assert!(
        doers.iter().all(|&a| a == "saudi-led-coalition"),
        "{doers:?}"
    );

    // Without a coalition named by its own name, the coalition is the lexicon's.
    let p = drafted(
        "Coalition aircraft struck Islamic State positions near Mosul on Sunday.",
        "2016-01-18",
    );
    assert_eq!(
        role(&p.events[0], "us-led-coalition").as_deref(),
        Some("perpetrator")
    );
}

#[test]
fn an_actor_after_a_participle_is_its_object_not_the_subject() {
    let p = drafted(
        "The Saudi-led coalition backing Yemen's government carried out a series of airstrikes \
         Thursday in Sanaa that killed at least six people.",
        "2019-05-16",
    );
    let strikes = first_of(&p, "airstrike");
    assert_eq!(
        role(strikes, "saudi-led-coalition").as_deref(),
        Some("perpetrator")
    );
    assert_ne!(role(strikes, "yemen").as_deref(), Some("perpetrator"));

    // Past a comma the participle's clause has ended: "Iran" is the subject again.
    let p = drafted(
        "In response to the Soleimani killing, Iran on Jan. 8 launched a ballistic missile \
         attack on al-Asad air base in Iraq.",
        "2020-03-30",
    );
    let attack = first_of(&p, "missile-attack");
    assert_eq!(role(attack, "iran").as_deref(), Some("perpetrator"));
}

#[test]
fn who_condemns_an_attack_did_not_do_it() {
    let p = drafted(
        "The United States condemns this attack in the strongest terms.",
        "2022-06-07",
    );
    let attack = first_of(&p, "attack");
    assert_ne!(
        role(attack, "united-states").as_deref(),
        Some("perpetrator")
    );
    // An actor right before the noun still qualifies it.
    let p = drafted(
        "Russia's latest attack hit a power plant in Kharkiv on Monday.",
        "2024-03-25",
    );
    let attack = first_of(&p, "attack");
    assert_eq!(role(attack, "russia").as_deref(), Some("perpetrator"));
}

#[test]
fn qualifiers_joined_by_and_all_did_it() {
    let p = drafted(
        "The United States views with grave concern escalating violence in Idlib prompted by \
         Russian and Assad regime airstrikes.",
        "2019-03-14",
    );
    let strikes = first_of(&p, "airstrike");
    assert_eq!(role(strikes, "russia").as_deref(), Some("perpetrator"));
    assert_eq!(
        role(strikes, "syrian-government").as_deref(),
        Some("perpetrator")
    );
    assert_ne!(
        role(strikes, "united-states").as_deref(),
        Some("perpetrator")
    );
    // Only a qualifier joined to the one before the noun: "Iran and the United States" are not.
    let p = drafted(
        "The attack comes amid tensions between Iran and the United States after a U.S. drone \
         strike killed Qassem Soleimani.",
        "2020-01-12",
    );
    let strike = first_of(&p, "drone-strike");
    assert_ne!(role(strike, "iran").as_deref(), Some("perpetrator"));
    assert_eq!(
        role(strike, "united-states").as_deref(),
        Some("perpetrator")
    );
}

#[test]
fn the_agent_of_another_verb_did_not_do_the_act() {
    let p = drafted(
        "Israel says most of the Gaza rockets were intercepted by the Israeli defense system.",
        "2023-01-27",
    );
    let rockets = first_of(&p, "rocket-attack");
    assert_ne!(role(rockets, "israel").as_deref(), Some("perpetrator"));
    let p = drafted("The attack was carried out by Hamas.", "2023-01-27");
    assert_eq!(role(&p.events[0], "hamas").as_deref(), Some("perpetrator"));
}

#[test]
fn the_attack_named_with_a_place_of_its_own_is_another_happening() {
    let p = drafted(
        "I was saddened to hear of the latest terrorist attacks in Kabul. I condemn these \
         appalling incidents.\n\nI also condemn the attempted terrorist attack against the \
         Indian consulate in Mazar-e-Sharif.",
        "2016-01-05",
    );
    let places: Vec<_> = p
        .events
        .iter()
        .filter(|e| e.event_type == "attack")
        .map(|e| e.place.clone())
        .collect();
    assert_eq!(
        places,
        [
            Some("kabul".to_string()),
            Some("mazar-e-sharif".to_string())
        ],
        "{:?}",
        p.events.iter().map(|e| &e.id).collect::<Vec<_>>()
    );
    // The same words without a place of their own still point back at the attack told before.
    let back = drafted(
        "Rockets hit an air base in Kabul on Friday.\n\nI condemn the attack on the base.",
        "2016-01-05",
    );
    let attacks = back
        .events
        .iter()
        .filter(|e| e.event_type != "statement")
        .count();
    assert_eq!(attacks, 1);
}

#[test]
fn a_relative_clause_tells_the_act_the_strike_answered() {
    for text in [
        "U.S. Africa Command conducted an airstrike against al-Shabaab terrorists who were \
         attacking Somali National Army forces near Buulobarde, Somalia, Oct. 23, 2022.",
        "U.S. Africa Command conducted an airstrike against al-Shabaab terrorists who attacked \
         Somali National Army forces near Buulobarde, Somalia, Oct. 23, 2022.",
    ] {
        let p = drafted(text, "2022-10-25");
        let strike = first_of(&p, "airstrike");
        assert_eq!(role(strike, "al-shabaab").as_deref(), Some("target"));
        let attack = first_of(&p, "attack");
        assert_eq!(role(attack, "al-shabaab").as_deref(), Some("perpetrator"));
        assert_eq!(
            role(attack, "somali-national-army").as_deref(),
            Some("target")
        );
    }
    // A gerund is no act: "accused of attacking" drafts no attack.
    let p = drafted(
        "The group was accused of attacking the convoy.",
        "2022-10-25",
    );
    assert!(!has(&p, "attack"));
}

#[test]
fn a_cue_after_a_prefix_is_part_of_another_word() {
    let p = drafted(
        "Our process and procedures allow for additional information to inform post-strike \
         analysis.",
        "2019-05-25",
    );
    assert!(
        p.events.is_empty(),
        "{:?}",
        p.events.iter().map(|e| &e.id).collect::<Vec<_>>()
    );
    let p = drafted(
        "U.S. forces conducted a strike near Jilib on May 24.",
        "2019-05-25",
    );
    assert_eq!(p.events.len(), 1);
}

#[test]
fn a_place_that_opens_the_sentence_places_the_act_after_it() {
    for (text, place) in [
        (
            "-- Near Raqqa, three strikes destroyed an oil tanker truck.",
            "ar-raqqah",
        ),
        ("In Baghdad, rockets struck a house on Friday.", "baghdad"),
    ] {
        let p = drafted(text, "2016-12-20");
        let placed: Vec<_> = p.events.iter().map(|e| e.place.clone()).collect();
        assert_eq!(placed, [Some(place.to_string())], "{text}");
    }
}

#[test]
fn those_counted_before_a_participle_are_its_targets() {
    let p = drafted(
        "In Syria, 28 partnered operations resulted in 7 ISIS operatives killed and 27 ISIS \
         operatives detained.",
        "2024-04-05",
    );
    let arrest = first_of(&p, "arrest");
    assert_eq!(role(arrest, "islamic-state").as_deref(), Some("target"));
    // With an object after it, the verb is active and those counted did it.
    let p = drafted(
        "On Friday 27 Houthi fighters attacked the base near Marib.",
        "2024-04-05",
    );
    let attack = first_of(&p, "attack");
    assert_eq!(role(attack, "houthis").as_deref(), Some("perpetrator"));
}

#[test]
fn one_missile_fired_is_an_attack_where_it_was_fired_to() {
    let p = drafted(
        "On March 13, Iranian-backed Houthi terrorists fired one anti-ship ballistic missile \
         from Houthi-controlled areas of Yemen into the Gulf of Aden.",
        "2024-03-14",
    );
    let attack = first_of(&p, "missile-attack");
    assert_eq!(role(attack, "houthis").as_deref(), Some("perpetrator"));
    assert_eq!(attack.place.as_deref(), Some("gulf-of-aden"));
    // Where it was fired from alone is not where it struck: no place.
    let p = drafted(
        "On Wednesday, a pair of missiles were fired from Houthi-controlled areas of Yemen at \
         the vessel, which both missed.",
        "2023-12-14",
    );
    assert_eq!(first_of(&p, "missile-attack").place, None);
    // A missile neither fired nor striking is no act.
    let p = drafted(
        "The missile defense system protects the base near Erbil.",
        "2024-03-14",
    );
    assert!(p.events.is_empty());
    let p = drafted(
        "A rocket struck the base near Erbil on Friday.",
        "2024-03-14",
    );
    assert_eq!(
        first_of(&p, "rocket-attack").place.as_deref(),
        Some("erbil")
    );
    // One missile detected coming, or detected as fired, was fired.
    for text in [
        "At about 6 p.m. local time Wednesday, the ship detected at least one missile that \
         officials assess originated from Houthi-controlled territory.",
        "At 4:25 p.m. on Wednesday, a fifth ballistic missile was detected as fired toward M/V \
         Huang Pu.",
    ] {
        let p = drafted(text, "2024-03-23");
        assert!(has(&p, "missile-attack"), "{text}: {:?}", kinds(&p));
    }
    // Missiles counted after the verb were fired by its subject.
    for text in [
        "Houthi rebels fired two missiles at the vessel on Monday.",
        "During this timeframe, Iranian-backed Houthi terrorists fired four anti-ship ballistic \
         missiles into the Gulf of Aden.",
    ] {
        let p = drafted(text, "2024-03-22");
        let attack = first_of(&p, "missile-attack");
        assert_eq!(
            role(attack, "houthis").as_deref(),
            Some("perpetrator"),
            "{text}: {:?}",
            attack.actors
        );
    }
}

#[test]
fn a_country_in_the_possessive_is_the_state_not_the_place() {
    let p = drafted(
        "Blinken condemned Russia's attacks on Ukrainian cities on Monday.",
        "2022-02-28",
    );
    let attack = first_of(&p, "attack");
    assert_ne!(attack.place.as_deref(), Some("russia"));
    // A part of the country after it keeps the country a place.
    let p = drafted(
        "A bomb blast ripped through a mosque in Afghanistan's northeastern Badakhshan province \
         on Thursday.",
        "2023-06-08",
    );
    let bombing = first_of(&p, "bombing");
    assert!(bombing.place.is_some());
}

#[test]
fn a_country_that_qualifies_forces_or_an_office_is_no_place() {
    let p = drafted(
        "Militants fired rockets at U.S. forces on Friday.",
        "2020-03-14",
    );
    let attack = first_of(&p, "rocket-attack");
    assert_eq!(attack.place, None);
    let p = drafted(
        "Militants fired rockets at U.S. forces in Syria on Friday.",
        "2020-03-14",
    );
    assert_eq!(
        first_of(&p, "rocket-attack").place.as_deref(),
        Some("syria")
    );
}

#[test]
fn each_item_of_a_list_is_a_happening_of_its_own() {
    let p = drafted(
        "Attack, bomber, fighter and remotely piloted aircraft conducted five strikes in Iraq:\n\n\
         -- Near Kisik, a strike destroyed an ISIL-held building.\n\n\
         -- Near Mosul, two strikes engaged an ISIL tactical unit.\n\n\
         -- Near Tal Afar, a strike destroyed an ISIL-held building.",
        "2016-12-20",
    );
    let strikes: Vec<_> = p
        .events
        .iter()
        .filter(|e| e.event_type != "statement")
        .map(|e| (e.event_type.clone(), e.place.clone()))
        .collect();
    assert_eq!(strikes.len(), 4, "{strikes:?}");
    // The list's opening names aircraft, not an attack, and is placed in Iraq.
    assert_eq!(
        strikes[0],
        ("airstrike".to_string(), Some("iraq".to_string()))
    );
    // The same paragraphs with no dashes are running text, whose sentences may go on telling
    // one happening.
    let p = drafted(
        "Attack, bomber, fighter and remotely piloted aircraft conducted five strikes in Iraq:\n\n\
         Near Kisik, a strike destroyed an ISIL-held building.\n\n\
         Near Mosul, two strikes engaged an ISIL tactical unit.\n\n\
         Near Tal Afar, a strike destroyed an ISIL-held building.",
        "2016-12-20",
    );
    let strikes = p
        .events
        .iter()
        .filter(|e| e.event_type != "statement")
        .count();
    assert!(strikes < 4, "{strikes}");
}

#[test]
fn two_clauses_placed_apart_tell_two_happenings() {
    let p = drafted(
        "The bombing of an election rally in Herat killed ten civilians on Tuesday, while the \
         suicide attack in Kabul near the ministry killed five.",
        "2019-09-17",
    );
    let places: Vec<_> = p.events.iter().map(|e| e.place.clone()).collect();
    assert_eq!(
        places,
        [Some("herat".to_string()), Some("kabul".to_string())],
        "{:?}",
        kinds(&p)
    );
    // With no second place, the second clause goes on telling the first.
    let p = drafted(
        "The bombing of an election rally in Herat killed ten civilians on Tuesday, while the \
         suicide attack in the city center killed five.",
        "2019-09-17",
    );
    assert_eq!(p.events.len(), 1);
}

#[test]
fn two_noun_phrases_joined_by_and_tell_two_happenings() {
    let p = drafted(
        "The United States condemns in the strongest terms both the ISIL attack this morning at \
         a crowded market place in Baghdad, and the car bomb attacks in Diyala Province on \
         Monday.",
        "2015-08-13",
    );
    let mut acts: Vec<_> = p
        .events
        .iter()
        .filter(|e| e.event_type != "statement")
        .map(|e| (e.event_type.clone(), date(e)))
        .collect();
    acts.sort();
    assert_eq!(
        acts,
        [
            ("attack".to_string(), Some("2015-08-13".to_string())),
            ("bombing".to_string(), Some("2015-08-10".to_string()))
        ],
        "{:?}",
        kinds(&p)
    );
    // A possessive opens the first phrase as "the" does.
    let p = drafted(
        "The embassy condemns yesterday's bombing of the party offices in Kirkuk, as well as \
         the bombing that took four lives in the city's old market on March 3.",
        "2021-03-09",
    );
    let mut days: Vec<_> = p
        .events
        .iter()
        .filter(|e| e.event_type == "bombing")
        .map(date)
        .collect();
    days.sort();
    assert_eq!(
        days,
        [
            Some("2021-03-03".to_string()),
            Some("2021-03-08".to_string())
        ],
        "{:?}",
        kinds(&p)
    );
    // A list inside the first phrase names its parts, not happenings beside it.
    let p = drafted(
        "The United States condemns the attacks in the region that have occurred this month, \
         including the kidnapping of ten workers and the murders of two teachers.",
        "2018-03-02",
    );
    let killings = p
        .events
        .iter()
        .filter(|e| matches!(e.event_type.as_str(), "attack" | "killing"))
        .count();
    assert_eq!(killings, 1, "{:?}", kinds(&p));
}

#[test]
fn the_second_of_two_acts_apart_is_placed_by_what_follows_it() {
    let p = drafted(
        "The council condemned militia attacks against an oil depot in Basra as well as attacks \
         against power stations in Najaf, Karbala, and Hillah.",
        "2020-05-02",
    );
    let places: Vec<_> = p.events.iter().filter_map(|e| e.place.clone()).collect();
    assert_eq!(
        places,
        ["basrah", "najaf", "karbala", "al-hillah"],
        "{:?}",
        kinds(&p)
    );
}

#[test]
fn two_phrases_joined_each_with_its_place_tell_two_happenings() {
    let p = drafted(
        "The ministry condemned a suicide bombing at a market in Kirkuk for which ISIS has \
         claimed responsibility and two separate suicide attacks in Tikrit.",
        "2020-05-02",
    );
    let places: Vec<_> = p
        .events
        .iter()
        .filter(|e| e.event_type == "bombing")
        .map(|e| e.place.clone())
        .collect();
    assert_eq!(
        places,
        [Some("kirkuk".to_string()), Some("tikrit".to_string())],
        "{:?}",
        kinds(&p)
    );
    // The claim of the first phrase is not the second's.
    let tikrit = p
        .events
        .iter()
        .find(|e| e.place.as_deref() == Some("tikrit"));
    assert!(
        tikrit.is_some_and(|e| e.actors.iter().all(|a| a.role != "suspected")),
        "{:?}",
        tikrit.map(|e| &e.actors)
    );
}

#[test]
fn one_noun_twice_joined_by_and_is_two_happenings_each_with_its_date() {
    let p = drafted(
        "The United States condemns the murder of a Cameroonian Marine in Ekondo-Titi of the \
         Southwest Region on January 14 and the murder of a Gendarme in Wum of the Northwest \
         Region on January 15.",
        "2018-01-16",
    );
    let killings: Vec<_> = p
        .events
        .iter()
        .filter(|e| e.event_type == "killing")
        .map(date)
        .collect();
    assert_eq!(
        killings,
        [
            Some("2018-01-14".to_string()),
            Some("2018-01-15".to_string())
        ],
        "{:?}",
        kinds(&p)
    );
}

#[test]
fn an_act_brought_in_after_in_response_to_is_a_happening_of_its_own() {
    let p = drafted(
        "The rocket fire began in response to an Israeli airstrike that killed an Islamic \
         Jihad commander in Gaza.",
        "2019-11-13",
    );
    let airstrike = first_of(&p, "airstrike");
    assert_eq!(role(airstrike, "israel").as_deref(), Some("perpetrator"));
    assert_eq!(p.events.len(), 2, "{:?}", kinds(&p));
    // The answer to an act told before ("the attack") is no new one.
    let p = drafted(
        "The airstrikes came in response to the attack on the base.",
        "2019-11-13",
    );
    assert_eq!(p.events.len(), 1, "{:?}", kinds(&p));
}

#[test]
fn the_dated_attack_a_strike_answers_is_a_happening_of_its_own() {
    let p = drafted(
        "U.S. military forces conducted precision airstrikes in Deir ez-Zor Syria yesterday in \
         response to the August 15 attacks against American forces in Syria, a U.S. Central \
         Command official said.",
        "2022-08-25",
    );
    let strike = first_of(&p, "airstrike");
    let attack = first_of(&p, "attack");
    assert_eq!(common::date(attack).as_deref(), Some("2022-08-15"));
    assert!(
        strike
            .relations
            .iter()
            .any(|r| r.kind == dateline::model::RelationKind::ResponseTo && r.event == attack.id),
        "{:?}",
        strike.relations
    );
}

#[test]
fn a_date_set_off_by_commas_keeps_a_plural_strike_an_act() {
    let p = drafted(
        "Abdirahman Sandhere is confirmed dead from U.S. military airstrikes in Somalia, Dec. 2, \
         Cook said.",
        "2015-12-07",
    );
    let strike = first_of(&p, "airstrike");
    assert_eq!(common::date(strike).as_deref(), Some("2015-12-02"));
    // Undated, the same words name strikes in general.
    let p = drafted(
        "He warned of the danger from U.S. military airstrikes in Somalia.",
        "2015-12-07",
    );
    assert!(!has(&p, "airstrike"), "{:?}", kinds(&p));
}

#[test]
fn acts_counted_out_with_words_between_and_a_subject_who_has_since_acted() {
    let p = drafted(
        "Houthi rebels have since launched a series of attacks on ships.",
        "2024-01-26",
    );
    assert_eq!(
        role(first_of(&p, "attack"), "houthis").as_deref(),
        Some("perpetrator")
    );
    let p = drafted(
        "British forces launched a series of retaliatory strikes in Yemen.",
        "2024-01-26",
    );
    assert!(
        p.events.iter().any(|e| e.event_type != "statement"),
        "{:?}",
        kinds(&p)
    );
}

#[test]
fn where_a_doer_is_based_is_neither_its_subject_s_end_nor_the_act_s_place() {
    let p = drafted(
        "Houthi rebels based in Yemen launched an attack on a U.S. Navy ship in the Red Sea.",
        "2024-01-26",
    );
    let attack = first_of(&p, "attack");
    assert_eq!(role(attack, "houthis").as_deref(), Some("perpetrator"));
    assert_eq!(attack.place.as_deref(), Some("red-sea"));
}

#[test]
fn al_assad_air_base_spelled_with_two_s_is_the_base_not_the_president() {
    let p = drafted(
        "The al-Assad Air Base in western Iraq was hit by 14 rockets on Wednesday.",
        "2021-07-07",
    );
    let attack = first_of(&p, "rocket-attack");
    assert_eq!(attack.place.as_deref(), Some("al-asad-air-base"));
    assert!(!attack.actors.iter().any(|a| a.actor == "bashar-al-assad"));
}

#[test]
fn a_name_in_quotes_after_calling_itself_names_no_one_else() {
    let p = drafted(
        "A militant group calling itself \"The brigades to avenge al-Muhandis\" took \
         responsibility for the attack on al-Assad Air Base.",
        "2021-07-07",
    );
    assert!(
        !p.events
            .iter()
            .flat_map(|e| &e.actors)
            .any(|a| a.actor == "abu-mahdi-al-muhandis"),
        "{:?}",
        p.events.iter().map(|e| &e.actors).collect::<Vec<_>>()
    );
    // Outside such a name, the name is his.
    let p = drafted(
        "A U.S. drone strike killed Abu Mahdi al-Muhandis near Baghdad airport.",
        "2020-01-03",
    );
    assert!(p
        .events
        .iter()
        .flat_map(|e| &e.actors)
        .any(|a| a.actor == "abu-mahdi-al-muhandis"));
}

#[test]
fn a_base_named_in_full_is_meant_by_its_short_name_after() {
    let p = drafted(
        "The al-Assad Air Base in western Iraq was hit by 14 rockets on Wednesday.\n\nThree \
         rockets were launched at al-Assad on Tuesday.",
        "2021-07-07",
    );
    let attacks: Vec<_> = p
        .events
        .iter()
        .filter(|e| e.event_type == "rocket-attack")
        .collect();
    assert_eq!(attacks.len(), 2, "{:?}", kinds(&p));
    for a in attacks {
        assert_eq!(a.place.as_deref(), Some("al-asad-air-base"));
        assert!(!a.actors.iter().any(|x| x.actor == "bashar-al-assad"));
    }
    // Without the base named before, "al-Assad" is the president.
    let p = drafted("Al-Assad condemned the strikes on Tuesday.", "2021-07-07");
    assert!(p
        .events
        .iter()
        .flat_map(|e| &e.actors)
        .any(|a| a.actor == "bashar-al-assad"));
}

#[test]
fn an_act_told_after_after_with_its_own_subject_is_a_happening_of_its_own() {
    let p = drafted(
        "U.S. Africa Command conducted an airstrike against al-Shabaab terrorists after they \
         attacked partner forces near Libikus, Somalia July 17, 2022.",
        "2022-07-19",
    );
    let strike = first_of(&p, "airstrike");
    assert_eq!(role(strike, "africom").as_deref(), Some("perpetrator"));
    let attack = first_of(&p, "attack");
    assert_eq!(role(attack, "al-shabaab").as_deref(), Some("perpetrator"));
    assert_ne!(role(attack, "africom").as_deref(), Some("perpetrator"));
    // "near Libikus, Somalia": a town the gazetteer lacks, in its country.
    assert_eq!(attack.place.as_deref(), Some("somalia"));
    assert_eq!(strike.place.as_deref(), Some("somalia"));
}

#[test]
fn the_subject_of_a_verb_done_in_an_act_did_the_act() {
    let p = drafted(
        "The U.S. military said it likely killed a senior Islamic State leader in a helicopter \
         raid Monday in northern Syria.",
        "2023-04-17",
    );
    let raid = p
        .events
        .iter()
        .find(|e| e.event_type != "statement")
        .expect("the raid");
    assert_eq!(role(raid, "us-military").as_deref(), Some("perpetrator"));
    // In the passive, the subject was hit.
    let p = drafted(
        "Two U.S. soldiers were killed in an attack Monday in northern Syria.",
        "2023-04-17",
    );
    let attack = first_of(&p, "attack");
    assert_ne!(role(attack, "us-military").as_deref(), Some("perpetrator"));
}

#[test]
fn forces_a_speaker_calls_its_own_are_the_speakers() {
    for text in [
        "The Sudanese army said its aircraft struck RSF positions in southern Khartoum.",
        "The Sudanese army said its forces attacked RSF positions in southern Khartoum.",
    ] {
        let p = drafted(text, "2023-06-02");
        let act = p
            .events
            .iter()
            .find(|e| e.event_type != "statement")
            .expect(text);
        assert_eq!(
            role(act, "sudanese-armed-forces").as_deref(),
            Some("perpetrator"),
            "{text}"
        );
        assert_eq!(
            role(act, "rapid-support-forces").as_deref(),
            Some("target"),
            "{text}"
        );
    }
}

#[test]
fn a_toll_dated_apart_from_the_happening_before_is_its_own() {
    let p = drafted(
        "At least a dozen soldiers were killed during an attack on an army base on Friday.\n\n\
         In March, more than 30 people were killed in the north of the country.",
        "2022-04-08",
    );
    assert!(
        kinds(&p).contains(&("killing".into(), Some("2022-03".into()))),
        "{:?}",
        kinds(&p)
    );
    assert_eq!(first_of(&p, "attack").sources.len(), 1);
    // A toll on the day of the happening told before is that happening's.
    let p = drafted(
        "Gunmen attacked an army base on Friday. Twelve soldiers were killed on Friday.",
        "2022-04-08",
    );
    assert_eq!(kinds(&p), [("attack".into(), Some("2022-04-08".into()))]);
    // Attacks told undated and in the plural are many: a toll with a day of its own is one
    // happening, not theirs.
    let p = drafted(
        "Armed groups have committed barbaric acts against innocent civilians. These \
         attacks and violence must stop.\n\n\
         We were dismayed to learn that a LUCHA member was killed today during a \
         demonstration in Goma.",
        "2020-05-21",
    );
    assert!(
        kinds(&p).contains(&("killing".into(), Some("2020-05-21".into()))),
        "{:?}",
        kinds(&p)
    );
}

#[test]
fn those_killed_in_a_raid_told_before_are_its_toll() {
    let p = drafted(
        "Officials denied that U.S. forces saw any ground action in a raid targeting al-Shabab \
         militants in Somalia early Wednesday.\n\n\
         The chief of police says forces in the raid killed 15 militants and took six others \
         into custody.",
        "2016-03-09",
    );
    assert!(!has(&p, "killing"), "{:?}", kinds(&p));
    let raid = first_of(&p, "raid");
    assert_eq!(raid.sources.len(), 2);
    assert!(
        raid.figures
            .iter()
            .any(|f| f.what == "killed" && f.value == 15.0),
        "{:?}",
        raid.figures
    );
}

#[test]
fn people_killed_on_a_date_of_their_own_are_a_happening_wherever_it_was() {
    // A village the gazetteer lacks: the toll's own date makes it a happening.
    let p = drafted(
        "The United States is shocked by reports that over 170 Malians were killed Saturday \
         in the village of Ogossagou.",
        "2019-03-26",
    );
    assert!(
        kinds(&p).contains(&("killing".into(), Some("2019-03-23".into()))),
        "{:?}",
        kinds(&p)
    );
    // Undated, or not said of people ("operations resulted in 11 operatives killed"), or
    // beside what killed them, a toll is no happening of its own.
    for text in [
        "Over 170 Malians were killed in the village of Ogossagou.",
        "In January, 66 partnered operations resulted in 11 operatives killed.",
        "In an unsuccessful coup attempt on Friday, 265 people were killed.",
    ] {
        let p = drafted(text, "2019-03-26");
        assert!(!has(&p, "killing"), "{text}: {:?}", kinds(&p));
    }
}

#[test]
fn a_side_claiming_to_have_attacked_is_suspected_by_its_own_claim() {
    let p = drafted(
        "Al-Shabab claimed to have attacked a military base in Somalia on Monday.",
        "2016-12-16",
    );
    let attack = first_of(&p, "attack");
    assert_eq!(role(attack, "al-shabaab").as_deref(), Some("suspected"));
    assert_eq!(
        attack.actors[0].according_to.as_deref(),
        Some("its own claim")
    );
    // A claim to have taken control is what a side claims, not a happening told.
    let p = drafted(
        "On Friday, the rebels declared martial law, claiming to have taken control of the \
         country.",
        "2016-07-18",
    );
    assert!(!has(&p, "other"), "{:?}", kinds(&p));
}

#[test]
fn a_toll_told_by_a_named_official_or_counted_since_is_no_happening_of_its_own() {
    // The governor who says so is no victim: the toll is the strike's.
    let p = drafted(
        "Russian missiles hit an airfield on Saturday. Two guards were killed at a \
         substation, Governor Andriy Raikovych said.",
        "2022-07-23",
    );
    assert_eq!(
        kinds(&p),
        [("missile-attack".into(), Some("2022-07-23".into()))]
    );
    assert_eq!(p.events[0].sources.len(), 2);
    // A toll counted since a time began is of no one happening.
    let p = drafted(
        "Three people were killed by a Russian missile strike in Mykolaiv on Wednesday. The \
         United Nations says at least 4,700 civilians have been killed since Russia invaded \
         on February 24.",
        "2022-06-29",
    );
    let strike = first_of(&p, "missile-attack");
    assert!(
        strike.figures.iter().all(|f| f.value != 4700.0),
        "{:?}",
        strike.figures
    );
    assert_eq!(p.events.len(), 1, "{:?}", kinds(&p));
}

#[test]
fn a_name_that_starts_a_longer_arabic_name_is_not_its_place() {
    // "Bab" is another name of the town of al-Bab; "Bab al-Sharqi" is a district of Baghdad.
    let p = drafted(
        "A bombing hit the Bab al-Sharqi commercial area on Monday, killing 20 people.",
        "2021-01-21",
    );
    assert!(
        p.events
            .iter()
            .all(|e| e.place.as_deref() != Some("al-bab")),
        "{:?}",
        p.events.iter().map(|e| &e.place).collect::<Vec<_>>()
    );
    // A place's own name before such words is that place: "Baghdad al-Jadida" lies in it.
    let p = drafted(
        "A car bomb exploded in Baghdad al-Jadida on Monday, killing five.",
        "2021-01-21",
    );
    assert_eq!(p.events[0].place.as_deref(), Some("baghdad"));
}

#[test]
fn the_attack_named_later_is_not_an_earlier_one_more_told_in_passing() {
    let p = drafted(
        "Two suicide bombers attacked a market in Baghdad on Thursday, killing at least 32 \
         people. The bombings hit an area that had suffered a similar attack in January 2018. \
         President Barham Salih condemned the attack.",
        "2021-01-21",
    );
    let earlier = p
        .events
        .iter()
        .find(|e| date(e).as_deref() == Some("2018-01"))
        .unwrap_or_else(|| panic!("{:?}", kinds(&p)));
    assert_eq!(earlier.sources.len(), 1, "{:?}", earlier.sources);
    let bombing = first_of(&p, "bombing");
    assert!(
        bombing
            .sources
            .iter()
            .any(|s| s.quote.starts_with("President Barham Salih")),
        "{:?}",
        kinds(&p)
    );
}

#[test]
fn suicide_bombers_who_attacked_tell_one_bombing_and_no_airstrike() {
    let p = drafted(
        "Islamic State has claimed responsibility for two suicide bombers who attacked a \
         market in Iraq's capital Thursday, killing at least 32 people.",
        "2021-01-21",
    );
    assert_eq!(
        kinds(&p),
        [("bombing".into(), Some("2021-01-21".into()))],
        "{p:?}"
    );
}

#[test]
fn an_act_claimed_by_a_group_is_the_groups_by_its_own_claim() {
    let p = drafted(
        "A suicide bombing claimed by the Islamic State killed six people in western Baghdad \
         on Sunday.",
        "2016-09-27",
    );
    let bombing = first_of(&p, "bombing");
    assert_eq!(role(bombing, "islamic-state").as_deref(), Some("suspected"));
    assert_eq!(
        bombing.actors[0].according_to.as_deref(),
        Some("its own claim")
    );
    // Carried out by it, it did it.
    let p = drafted(
        "A suicide bombing carried out by the Islamic State killed six people in Baghdad on \
         Sunday.",
        "2016-09-27",
    );
    assert_eq!(
        role(first_of(&p, "bombing"), "islamic-state").as_deref(),
        Some("perpetrator")
    );
}

#[test]
fn a_they_after_a_speaker_is_not_the_speaker() {
    let p = drafted(
        "An Israeli army spokeswoman confirmed the targeting of a rocket squad on Sunday.\n\n\
         \"They had just fired a rocket at Israel which hit the area of the Eshkol regional \
         council,\" she said.",
        "2012-10-21",
    );
    assert!(
        p.events
            .iter()
            .all(|e| role(e, "israel").as_deref() != Some("perpetrator")),
        "{:?}",
        p.events
            .iter()
            .map(|e| (&e.event_type, &e.actors))
            .collect::<Vec<_>>()
    );
}

#[test]
fn those_killed_in_strikes_are_the_strikes_toll_and_whose_strikes_they_were() {
    let p = drafted(
        "At least 38 people were killed in Israeli strikes in southern Gaza on Friday.",
        "2024-12-27",
    );
    let attack = first_of(&p, "attack");
    assert_eq!(date(attack).as_deref(), Some("2024-12-27"));
    assert_eq!(role(attack, "israel").as_deref(), Some("perpetrator"));
    assert!(!has(&p, "killing"));
}

#[test]
fn a_place_named_after_its_kind_and_a_comma_is_where_it_happened() {
    let p = drafted(
        "Al-Shabab Islamist militants have attacked a hotel in the Somali capital, Mogadishu, \
         killing at least 15 people.",
        "2015-11-01",
    );
    assert_eq!(first_of(&p, "attack").place.as_deref(), Some("mogadishu"));
}

#[test]
fn a_lead_told_undated_and_a_later_day_of_the_same_act_are_one() {
    let p = drafted(
        "A dozen soldiers were killed in northern Burkina Faso when unidentified gunmen \
         attacked a military post near the border with Mali.\n\nHe said those killed were \
         members of the army's special anti-terrorist group.\n\nTwo more men were missing \
         after about 40 armed men attacked the Nassoumbou base on Friday morning.",
        "2016-12-16",
    );
    let attacks: Vec<_> = p
        .events
        .iter()
        .filter(|e| e.event_type == "attack")
        .collect();
    assert_eq!(attacks.len(), 1, "{:?}", kinds(&p));
    assert_eq!(date(attacks[0]).as_deref(), Some("2016-12-16"));
}

#[test]
fn who_ordered_or_orchestrated_an_act_is_its_instigator() {
    let p = drafted(
        "President Trump ordered the strike that killed Qassem Soleimani on Thursday.",
        "2020-01-03",
    );
    assert_eq!(
        role(&p.events[0], "donald-trump").as_deref(),
        Some("instigator")
    );
    let p = drafted(
        "General Soleimani was developing plans to attack American diplomats. He had \
         orchestrated attacks on coalition bases in Iraq over the last several months.",
        "2020-01-02",
    );
    let attack = first_of(&p, "attack");
    assert_eq!(
        role(attack, "qassem-soleimani").as_deref(),
        Some("instigator"),
        "{:?}",
        attack.actors
    );
    // After a determiner the word qualifies the act: who condemns it ordered nothing.
    let p = drafted(
        "The United States strongly condemns the orchestrated, violent attacks on the Kosovo \
         Police this morning, September 24.",
        "2023-09-24",
    );
    let attack = first_of(&p, "attack");
    assert_ne!(
        role(attack, "united-states").as_deref(),
        Some("instigator"),
        "{:?}",
        attack.actors
    );
}

#[test]
fn a_verb_before_an_apposition_tells_who_did_the_act_it_was_done_in() {
    let p = drafted(
        "U.S. forces killed Abu Sayed, the head of the group, in a strike on its headquarters \
         on July 11.",
        "2017-07-14",
    );
    let attack = first_of(&p, "attack");
    assert_eq!(
        role(attack, "us-military").as_deref(),
        Some("perpetrator"),
        "{:?}",
        attack.actors
    );
}

#[test]
fn another_name_of_a_place_inside_a_persons_name_is_no_place() {
    let p = drafted(
        "Afghan and U.S. forces killed the previous ISIS-K leader, Hafiz Sayed Khan, in late \
         July 2016.",
        "2017-07-14",
    );
    assert!(
        p.events
            .iter()
            .all(|e| e.place.as_deref() != Some("khirbat-tin-nur")),
        "{:?}",
        p.events.iter().map(|e| &e.place).collect::<Vec<_>>()
    );
}

#[test]
fn a_happening_long_past_is_kept_apart_from_an_undated_one_told_beside_it() {
    let p = drafted(
        "The army said in a statement it had sent reinforcements.\n\nTroops at the base are \
         part of a 600-strong battalion that was deployed in January 2013 when France sent in \
         troops.",
        "2016-12-16",
    );
    let deployments: Vec<_> = p
        .events
        .iter()
        .filter(|e| e.event_type == "deployment")
        .collect();
    assert_eq!(deployments.len(), 2, "{:?}", kinds(&p));
    assert!(
        deployments
            .iter()
            .any(|e| date(e).as_deref() == Some("2013-01") && e.sources.len() == 1),
        "{:?}",
        kinds(&p)
    );
}

#[test]
fn a_happening_of_months_before_is_kept_apart_from_an_undated_one() {
    let p = drafted(
        "Another suicide attack hit a commercial street of Bayaa in western Baghdad, killing \
         at least nine. IS claimed a truck bombing in July that killed at least 324 people in \
         the Karrada shopping area of Baghdad.",
        "2016-09-27",
    );
    let bombings: Vec<_> = p
        .events
        .iter()
        .filter(|e| e.event_type == "bombing")
        .collect();
    assert_eq!(bombings.len(), 2, "{:?}", kinds(&p));
    assert!(bombings
        .iter()
        .any(|e| date(e).as_deref() == Some("2016-07") && e.sources.len() == 1));
}

#[test]
fn each_day_of_a_list_takes_the_place_named_with_it() {
    let p = drafted(
        "There were recent bomb attacks in Ibb on 31 December and in Dhamar on 4 January.",
        "2015-01-07",
    );
    let places: Vec<_> = p
        .events
        .iter()
        .map(|e| (date(e), e.place.clone()))
        .collect();
    assert_eq!(
        places,
        [
            (Some("2014-12-31".into()), Some("ibb".into())),
            (Some("2015-01-04".into()), Some("dhamar".into()))
        ]
    );
}

#[test]
fn an_act_inflicted_or_perpetrated_by_someone_past_its_place_was_theirs() {
    for verb in ["inflicted by", "perpetrated by", "carried out by"] {
        let p = drafted(
            &format!("The attacks in northeastern Nigeria {verb} Boko Haram killed 150 people on Friday."),
            "2015-07-05",
        );
        let attack = first_of(&p, "attack");
        assert_eq!(
            role(attack, "boko-haram").as_deref(),
            Some("perpetrator"),
            "{verb}"
        );
    }
    // Facilities used by a group are its, not an act it did.
    let p = drafted(
        "U.S. forces conducted airstrikes against facilities in Iraq used by Kataib Hezbollah on \
         Dec. 25.",
        "2023-12-25",
    );
    let strike = first_of(&p, "airstrike");
    assert_ne!(
        role(strike, "kataib-hezbollah").as_deref(),
        Some("perpetrator")
    );
}

#[test]
fn who_condemns_acts_is_not_who_did_them() {
    for text in [
        "Africa Minister Grant Shapps condemns violence in Burkina Faso.",
        "Africa Minister Grant Shapps condemns attacks in Burkina Faso.",
    ] {
        let p = drafted(text, "2015-09-17");
        for e in &p.events {
            assert_ne!(
                role(e, "grant-shapps").as_deref(),
                Some("perpetrator"),
                "{text}"
            );
        }
    }
}

#[test]
fn a_state_in_the_possessive_after_by_only_says_whose_forces_did_it() {
    let p = drafted(
        "A recent attack by Sudan's paramilitary Rapid Support Forces on Wad al-Noura village \
         has killed at least 100 people.",
        "2024-06-06",
    );
    let attack = first_of(&p, "attack");
    assert_eq!(
        role(attack, "rapid-support-forces").as_deref(),
        Some("perpetrator")
    );
    assert_ne!(role(attack, "sudan").as_deref(), Some("perpetrator"));
}

#[test]
fn a_region_named_after_its_town_is_a_region_put_at_the_town() {
    let p = drafted(
        "On June 9, unidentified armed bandits attacked a village in Katsina State, killing \
         dozens.",
        "2020-06-16",
    );
    let attack = first_of(&p, "attack");
    assert_eq!(attack.place.as_deref(), Some("katsina-state"));
    let region = p.places.iter().find(|x| x.id == "katsina-state").unwrap();
    assert_eq!(region.name, "Katsina State");
    assert_eq!(region.kind.as_deref(), Some("region"));
    assert_eq!(region.within.as_deref(), Some("nigeria"));
    let (lat, lon) = region.coordinates.unwrap();
    assert!((lat - 12.99).abs() < 0.01 && (lon - 7.6).abs() < 0.01);
    assert!(region.note.as_deref().unwrap().contains("Katsina"));
    // The town itself, named without a region, stays the town.
    let p = drafted(
        "Gunmen attacked a market in Katsina on Tuesday.",
        "2020-06-16",
    );
    assert_eq!(first_of(&p, "attack").place.as_deref(), Some("katsina"));
}

#[test]
fn a_town_outside_the_country_named_after_it_is_another_place_of_that_name() {
    let p = drafted(
        "The United States condemns the attack on the Fatehpur Sharif Shrine in Balochistan, \
         Pakistan, which killed at least 20 people.",
        "2017-10-05",
    );
    assert_eq!(first_of(&p, "attack").place.as_deref(), Some("pakistan"));
    // A town within the country named after it keeps its place.
    let p = drafted(
        "Gunmen attacked a police post in Peshawar, Pakistan, on Monday.",
        "2017-10-05",
    );
    assert_eq!(first_of(&p, "attack").place.as_deref(), Some("peshawar"));
}

#[test]
fn a_place_said_to_be_what_another_is_is_no_place_of_the_act() {
    let p = drafted(
        "Officials in Mali have put the death toll from Sunday's militant attack on an army \
         camp in the village of Dioura at 23. Suspected jihadists briefly seized the base in \
         the central Mopti region, of which Mopti city is the capital.",
        "2019-03-18",
    );
    assert_eq!(
        first_of(&p, "attack").place.as_deref(),
        Some("mopti-region")
    );
}

#[test]
fn an_embassy_that_opens_the_sentence_and_speaks_is_not_the_place() {
    let p = drafted(
        "The U.S. Embassy joins UNICEF in strongly condemning the September 23 attack on a \
         convoy of trucks returning from delivering aid to children and their families in Yei, \
         Central Equatoria State.",
        "2023-09-28",
    );
    assert_eq!(first_of(&p, "attack").place.as_deref(), Some("yei"));
    // An embassy attacked is where the attack was.
    let p = drafted(
        "The U.S. Embassy was attacked by protesters on Tuesday.",
        "2019-12-31",
    );
    assert_eq!(
        p.events[0].place.as_deref(),
        Some("us-embassy-baghdad"),
        "{:?}",
        kinds(&p)
    );
}

#[test]
fn two_named_acts_joined_by_the_last_and_are_two() {
    let p = drafted(
        "These crimes follow the shooting of a pastor and his pregnant wife on June 1 and the \
         killing of an imam and several civilians on June 5 in Taraba State.",
        "2020-06-16",
    );
    let days = days_of(&p, "killing");
    assert_eq!(days, ["2020-06-01", "2020-06-05"], "{:?}", kinds(&p));
}

#[test]
fn the_attack_on_a_day_no_attack_told_before_fell_on_is_another() {
    let p = drafted(
        "Gunmen killed two people in an attack at Maine-Soroa on June 14.\n\nThe U.S. Embassy also strongly condemns the burning of the \
         Assembly of God Christian church and the attack on the Abundant Life Christian Church \
         in Maradi on June 15 and 16.",
        "2019-06-16",
    );
    let days = days_of(&p, "attack");
    assert!(days.iter().any(|d| d == "2019-06-14"), "{days:?}");
    assert!(days.iter().any(|d| d.starts_with("2019-06-15")), "{days:?}");
    // A day that gives the date of a strike told undated is that strike's.
    let p = drafted(
        "An airstrike has killed the Islamic State leader in Afghanistan, the Pentagon said.\n\n\
         The Pentagon announced Friday that the strike was made July 26 in Achin district.",
        "2016-08-12",
    );
    let strikes = p
        .events
        .iter()
        .filter(|e| e.event_type == "airstrike" || e.event_type == "attack")
        .count();
    assert_eq!(strikes, 1, "{:?}", kinds(&p));
}

#[test]
fn a_state_in_a_hyphened_word_places_no_other_attack() {
    // "against U.S.-led forces in Iraq" ranks the attack told before; the United States is
    // no place of its own.
    let p = drafted(
        "A rocket attack late Monday near the Erbil airport killed one foreign civilian \
         contractor, officials said.\n\nMonday's attack was the most deadly against U.S.-led \
         forces in Iraq for almost a year.",
        "2021-02-16",
    );
    assert_eq!(p.events.len(), 1, "{:?}", kinds(&p));
    assert_eq!(p.events[0].sources.len(), 2, "{:?}", kinds(&p));
}

#[test]
fn a_day_after_the_article_names_the_happening_of_that_day() {
    // "the Wednesday attack" after a bombing told on Wednesday: that bombing, told again.
    let p = drafted(
        "Terrorist group al-Shabab has claimed responsibility for a suicide car bombing \
         Wednesday near the Somali capital's international airport that killed at least nine \
         people.\n\nMogadishu's Deputy Mayor Ali Yare Ali said he survived the Wednesday \
         attack, without giving more details.",
        "2022-01-12",
    );
    assert_eq!(p.events.len(), 1, "{:?}", kinds(&p));
    assert_eq!(p.events[0].sources.len(), 2, "{:?}", kinds(&p));
    // "the August 15 attacks" after strikes told on another day: a happening of its own.
    let p = drafted(
        "U.S. military forces conducted precision airstrikes in Deir ez-Zor Syria yesterday. \
         The strikes answered the August 15 attacks against American forces in Syria.",
        "2022-08-25",
    );
    let days: Vec<String> = p
        .events
        .iter()
        .filter_map(|e| e.date.as_ref().map(|d| d.edtf.to_string()))
        .collect();
    assert!(days.iter().any(|d| d == "2022-08-15"), "{:?}", kinds(&p));
    assert!(days.iter().any(|d| d == "2022-08-24"), "{:?}", kinds(&p));
}

#[test]
fn a_county_named_by_a_town_and_a_point_of_the_compass_is_not_the_town() {
    let place = |text: &str| drafted(text, "2020-12-14").events[0].place.clone();
    assert_eq!(
        place("Seven people were killed during clashes on Monday in Tonj.").as_deref(),
        Some("tonj")
    );
    for text in [
        "Seven people were killed during clashes on Monday in the Tonj North County of \
         Warrap state.",
        "Two people were killed on Monday in fighting in Tonj South and Tonj East counties.",
    ] {
        assert_ne!(place(text).as_deref(), Some("tonj"), "{text}");
    }
}

#[test]
fn a_place_spelled_otherwise_is_found() {
    // "Ma’arat al-Nu’man" for the gazetteer's Ma'arrat al-Nu'man, beside Saraqib's "Saraqeb":
    // an attack in each.
    let p = drafted(
        "Yesterday’s appalling attacks on marketplaces in Ma’arat al-Nu’man and Saraqeb town \
         killed over fifty civilians.",
        "2019-07-23",
    );
    let mut places: Vec<String> = p
        .events
        .iter()
        .filter(|e| e.event_type == "attack")
        .filter_map(|e| e.place.clone())
        .collect();
    places.sort();
    assert_eq!(places, ["maarrat-an-numan", "saraqib"], "{:?}", kinds(&p));
    // Words stay apart: the Ali Abad district is no Aliabad of Iran.
    let p = drafted(
        "The late night raid in the Ali Abad district of the troubled Kunduz province killed \
         the police base commander.",
        "2019-10-22",
    );
    assert!(
        !p.places.iter().any(|x| x.id == "ali-abad-e-katul"),
        "{:?}",
        p.places
    );
}

#[test]
fn plural_acts_in_places_listed_together_are_one_in_each() {
    let placed = |text: &str, published: &str| {
        let p = drafted(text, published);
        let mut places: Vec<String> = p
            .events
            .iter()
            .filter(|e| e.event_type != "statement")
            .map(|e| e.place.clone().unwrap_or_default())
            .collect();
        places.sort();
        places
    };
    assert_eq!(
        placed(
            "The United States condemns today’s outrageous terrorist attacks in Jaffa, Petah \
             Tikvah, and Jerusalem.",
            "2016-03-08"
        ),
        ["jaffa", "jerusalem", "petah-tiqva"]
    );
    // Places of different ranks, none within the other.
    assert_eq!(
        placed(
            "The United States strongly condemns today’s terrorist attacks in the West Bank and \
             Tel Aviv.",
            "2023-04-07"
        ),
        ["palestinian-territory", "tel-aviv"]
    );
    // The country after the list holds its towns: two attacks, not three.
    assert_eq!(
        placed(
            "The United States condemns the terrorist attacks yesterday in Damascus and Homs, \
             Syria.",
            "2016-02-22"
        ),
        ["damascus", "homs"]
    );
    // Countries named together are where one operation reached.
    let p = drafted(
        "The protest followed U.S. airstrikes on Sunday that killed 25 fighters of Kataib \
         Hezbollah in Iraq and Syria.",
        "2020-01-01",
    );
    assert_eq!(kinds_of(&p, "airstrike").len(), 1, "{:?}", kinds(&p));
    // Places listed for what an act answers are not the act's.
    let p = drafted(
        "In response to multiple attacks against coalition forces in Iraq and Syria, U.S. \
         military forces conducted airstrikes against facilities used by Kataib Hezbollah in \
         Iraq on Dec. 25.",
        "2023-12-25",
    );
    let strikes: Vec<_> = p
        .events
        .iter()
        .filter(|e| e.event_type == "airstrike")
        .map(|e| e.place.clone())
        .collect();
    assert_eq!(strikes, [Some("iraq".to_string())], "{:?}", kinds(&p));
}

#[test]
fn a_killing_that_names_its_victim_and_day_is_a_happening_of_its_own() {
    // Not one more source of the killings told before in general.
    let p = drafted(
        "The United States condemns the horrific violence in Sudan, especially killings based \
         on ethnicity in West Darfur by the Rapid Support Forces (RSF).\n\nWe specifically \
         condemn the killing of West Darfur Governor Khamis Abbakar on June 14 after he accused \
         the RSF of perpetrating genocide.",
        "2023-06-15",
    );
    let days = days_of(&p, "killing");
    assert_eq!(days, ["2023-06-14"], "{:?}", kinds(&p));
}

#[test]
fn forces_that_continued_to_attack_did_attack() {
    let p = drafted(
        "U.S. and French forces continued to attack ISIL terrorists in Iraq yesterday.",
        "2016-12-20",
    );
    assert_eq!(days_of(&p, "attack"), ["2016-12-19"], "{:?}", kinds(&p));
    let attack = first_of(&p, "attack");
    assert_eq!(role(attack, "france").as_deref(), Some("perpetrator"));
    assert_eq!(role(attack, "islamic-state").as_deref(), Some("target"));
    // An infinitive without it tells no act.
    let p = drafted(
        "It is condemnable to attack civilians in Iraq.",
        "2016-12-20",
    );
    assert!(!has(&p, "attack"), "{:?}", kinds(&p));
}

#[test]
fn meanwhile_opens_a_happening_of_its_own() {
    let p = drafted(
        "A provincial government spokesman told VOA Taliban fighters stormed the Day Mirdad \
         district center late Saturday, killing its police chief and 10 other security \
         personnel.\n\n\
         Meanwhile, officials in Herat confirmed a late-night Taliban raid against a security \
         checkpoint in the province killed nine Afghan forces and wounded six others.",
        "2018-09-09",
    );
    let acts: Vec<_> = p
        .events
        .iter()
        .filter(|e| e.event_type != "statement")
        .collect();
    assert_eq!(acts.len(), 2, "{:?}", kinds(&p));
    assert!(acts.iter().all(|e| e.sources.len() == 1), "{:?}", kinds(&p));
    // "In a separate incident": the act, and the toll too, are not the bombing's.
    for act in ["roadside bomb", "roadside explosion"] {
        let p = drafted(
            &format!(
                "Police in Somalia say four people were killed Tuesday when a suicide bomber \
                 hit offices in the Warta Nabadda district of Mogadishu.\n\nIn a separate \
                 incident, two soldiers were killed Tuesday after a {act} hit a military \
                 vehicle near Mogadishu."
            ),
            "2019-05-14",
        );
        assert_eq!(p.events.len(), 2, "{act}: {:?}", kinds(&p));
        assert!(
            p.events.iter().all(|e| e.sources.len() == 1),
            "{act}: {:?}",
            kinds(&p)
        );
    }
}

#[test]
fn one_side_named_two_ways_tells_one_strike() {
    let p = drafted(
        "On Sept. 5, 2016, in coordination with the Federal Government of Somalia, U.S. forces \
         conducted two self-defense strikes against al-Shabaab near Tortoroow, Somalia.\n\n\
         During a Somali-led counterterrorism operation, a large group of armed al-Shabaab \
         fighters attacked the force. In response, the U.S. conducted two self-defense strikes \
         to neutralize the threat, killing four al-Shabaab militants.",
        "2016-09-07",
    );
    let by_us: Vec<_> = p
        .events
        .iter()
        .filter(|e| {
            e.actors
                .iter()
                .any(|a| a.role == "perpetrator" && a.actor != "al-shabaab")
        })
        .collect();
    assert_eq!(by_us.len(), 1, "{:?}", kinds(&p));
    assert_eq!(by_us[0].sources.len(), 2, "{:?}", kinds(&p));
}

#[test]
fn a_region_of_somalia_is_in_somalia_not_at_a_town_abroad_of_its_name() {
    for (region, id) in [
        ("Lower Juba", "lower-juba"),
        ("Gedo region", "gedo-somalia"),
        ("Hiran region", "hiiraan"),
        ("Lower Shabelle", "lower-shabelle"),
    ] {
        let p = drafted(
            &format!("Al-Shabab militants attacked a military base in {region} on Monday."),
            "2016-01-15",
        );
        let attack = first_of(&p, "attack");
        assert_eq!(attack.place.as_deref(), Some(id), "{region}");
        let place = p.places.iter().find(|x| x.id == id).unwrap();
        assert_eq!(place.within.as_deref(), Some("somalia"), "{region}");
    }
}

#[test]
fn a_place_after_a_year_or_what_a_noun_includes_places_the_act() {
    let p = drafted(
        "Abu Turq was killed Dec. 4, 2016, in Sharqat, Iraq.",
        "2017-01-05",
    );
    assert_eq!(
        first_of(&p, "killing").place.as_deref(),
        Some("ash-sharqat"),
        "{:?}",
        kinds(&p)
    );
    let p = drafted(
        "We strongly condemn today's terrorist attack on civilians, including children, at a \
         bus stop in Jerusalem.",
        "2023-02-10",
    );
    assert_eq!(first_of(&p, "attack").place.as_deref(), Some("jerusalem"));
    // A clause between that says more than that still parts the place from the act.
    let p = drafted(
        "Abu Turq was killed Dec. 4, long after he fled his home town, in Sharqat, Iraq.",
        "2017-01-05",
    );
    assert_ne!(
        first_of(&p, "killing").place.as_deref(),
        Some("ash-sharqat"),
        "{:?}",
        kinds(&p)
    );
}
