//! The kinds of happening the rules tell beyond strikes and statements, and the drafts they
//! leave out, one sentence at a time: the sentence in, the type, roles and date out.

mod common;

use common::{acts, date, days_of, drafted, each_drafts, first_of, has, kinds, kinds_of, role};
use dateline::model::Package;

#[test]
fn aircraft_harassing_or_hitting_aircraft_is_an_intercept_not_an_airstrike() {
    let p = drafted(
        "Earlier today, Russian military aircraft engaged in unsafe and unprofessional behavior \
         while interacting with U.S. aircraft in Syria.",
        "2023-07-05",
    );
    assert_eq!(
        kinds(&p),
        [("other".into(), Some("2023-07-05".into()))],
        "{p:?}"
    );
    let p = drafted(
        "On Tuesday, one of the Russian Su-27 aircraft struck the propeller of the MQ-9.",
        "2023-03-14",
    );
    assert_eq!(
        kinds(&p),
        [("other".into(), Some("2023-03-14".into()))],
        "{p:?}"
    );
    let p = drafted(
        "Three Russian fighter jets began harassing the drones on Wednesday.",
        "2023-07-05",
    );
    assert_eq!(kinds(&p)[0].0, "other", "{p:?}");
    // A crewed aircraft intercepted by another, told either way round, is met, not attacked.
    let p = drafted(
        "On Aug. 28, two Russian Su-27 Flanker pilots intercepted a U.S. Air Force B-52 bomber \
         over the Black Sea.",
        "2020-08-31",
    );
    assert_eq!(
        kinds(&p),
        [("other".into(), Some("2020-08-28".into()))],
        "{p:?}"
    );
    let p = drafted(
        "On April 15, 2020, a U.S. P-8A Poseidon aircraft flying in international airspace \
         over the Mediterranean Sea was intercepted by a Russian SU-35.",
        "2020-04-15",
    );
    assert_eq!(kinds(&p)[0].0, "other", "{p:?}");
    // A missile intercepted is still the missile attack it belongs to.
    let p = drafted(
        "On Monday, the destroyer intercepted a missile fired by the Houthis.",
        "2024-01-16",
    );
    assert_eq!(kinds(&p)[0].0, "missile-attack", "{p:?}");
    // Jets striking a drone factory are an airstrike still.
    let p = drafted(
        "On Monday, Israeli jets struck a drone factory in Gaza.",
        "2023-03-14",
    );
    assert_eq!(kinds(&p)[0].0, "airstrike", "{p:?}");
}

#[test]
fn investigations_launches_and_airdrops_are_told() {
    let p = drafted(
        "US forces in northeast Syria are investigating this incident.",
        "2023-03-13",
    );
    assert_eq!(kinds(&p)[0].0, "other", "{p:?}");
    let p = drafted(
        "On Thursday, U.S. Pacific Command detected a single North Korean ballistic missile \
         launch.",
        "2017-09-14",
    );
    assert_eq!(
        kinds(&p),
        [("other".into(), Some("2017-09-14".into()))],
        "{p:?}"
    );
    assert_eq!(
        role(&p.events[0], "north-korea").as_deref(),
        Some("perpetrator")
    );
    // Those who drop aid take part in the drop; they do not perpetrate it.
    let p = drafted(
        "U.S. Central Command and the Royal Jordanian Air Force conducted a humanitarian \
         airdrop into Gaza on March 8, 2024.",
        "2024-03-08",
    );
    assert_eq!(
        kinds(&p),
        [("other".into(), Some("2024-03-08".into()))],
        "{p:?}"
    );
    assert_eq!(role(&p.events[0], "jordan").as_deref(), Some("participant"));
}

#[test]
fn tweeting_thanking_regretting_and_notifying_are_statements() {
    let p = drafted(
        "Rockets hit Erbil on Monday. Iraqi President Barham Saleh tweeted that the attack \
         marked a dangerous escalation.",
        "2021-02-16",
    );
    let said = p
        .events
        .iter()
        .find(|e| e.event_type == "statement")
        .unwrap_or_else(|| panic!("{:?}", kinds(&p)));
    assert_eq!(role(said, "barham-saleh").as_deref(), Some("speaker"));
    let p = drafted(
        "Ukrainian President Volodymyr Zelenskyy thanked the United States for a new aid package.",
        "2023-06-01",
    );
    assert_eq!(
        kinds(&p),
        [("statement".into(), Some("2023-06-01~".into()))]
    );
    let p = drafted(
        "The coalition air operations center notified Russian officials that coalition aircraft \
         would be operating in that area.",
        "2016-09-17",
    );
    assert_eq!(kinds(&p)[0].0, "statement", "{p:?}");
    // Who is notified says nothing.
    let p = drafted(
        "Pentagon leaders were notified that several service members were examined.",
        "2020-01-17",
    );
    assert!(p.events.is_empty(), "{:?}", kinds(&p));
}

#[test]
fn a_place_that_only_gives_a_bearing_is_not_where_it_happened() {
    let p = drafted(
        "Four members of Iraq's military were wounded in a rocket attack on a base north of \
         Baghdad on Sunday.",
        "2020-01-12",
    );
    assert_eq!(kinds(&p)[0].0, "rocket-attack", "{:?}", kinds(&p));
    assert_eq!(p.events[0].place, None);
    let p = drafted("On Sunday, rockets hit a base in Baghdad.", "2020-01-12");
    assert_eq!(p.events[0].place.as_deref(), Some("baghdad"));
}

#[test]
fn acts_plotted_only_evaluated_or_of_a_kind_are_not_drafted() {
    for text in [
        "U.S. officials have insisted Soleimani was plotting attacks on U.S. facilities.",
        "It's condemnable to attack innocent children and women.",
        "\"Rocket attacks of this kind place Coalition Forces at risk,\" the spokesman said.",
        "On 3 January, the UK joined 11 countries in a statement warning against further \
         attacks.",
        "You cannot attack and wound American service members and get away with it, Esper \
         said.",
        "Militias must stop their attacks on the base, the minister said on Sunday.",
        "Attacks in the border area also appear to have increased since the start of Ramadan.",
        "U.N. Secretary-General Ban Ki-moon, in a statement, stressed that attacks targeting \
         U.N. peacekeepers may constitute war crimes under international law.",
        "Coalition troops always reserve the right to defend ourselves, attacks on our \
         personnel will not be tolerated.",
    ] {
        let p = drafted(text, "2020-01-12");
        assert!(
            !p.events.iter().any(|e| e.event_type != "statement"),
            "{text}: {:?}",
            kinds(&p)
        );
    }
}

#[test]
fn that_attack_after_a_saying_points_back() {
    // "said that attack was …": "that" points at the attack told, not at what is said.
    let p = drafted(
        "Rockets hit Camp Taji on March 11, killing three.\n\nU.S. Central Command officials \
         said that attack was launched by Kataeb Hezbollah.",
        "2020-03-14",
    );
    assert_eq!(p.events.len(), 1, "{:?}", kinds(&p));
    assert_eq!(p.events[0].sources.len(), 2, "{:?}", p.events[0].sources);
    // What is said may open with a plural, which "that" only joins.
    let p = drafted(
        "Rockets hit Camp Taji on March 11, killing three.\n\nOfficials said that attacks \
         on bases in Syria continued on Friday.",
        "2020-03-14",
    );
    assert_eq!(p.events.len(), 2, "{:?}", kinds(&p));
}

#[test]
fn strikes_such_as_these_point_back_at_the_ones_told() {
    let p = drafted(
        "U.S. Africa Command conducted an airstrike targeting al-Shabaab militants in the Golis \
         Mountains, Somalia, on May 24, 2019.\n\nPrecision airstrikes such as these support \
         Somali security forces. At this time, it is assessed the airstrike killed three (3) \
         militants.",
        "2019-05-25",
    );
    assert_eq!(p.events.len(), 1, "{:?}", kinds(&p));
    assert_eq!(p.events[0].sources.len(), 3);
}

#[test]
fn an_actors_attack_and_the_raid_after_a_strike_point_back() {
    let p = drafted(
        "Earlier today, Iran launched an air attack against Israel. Tomorrow, I will convene \
         my fellow G7 leaders to coordinate a response to Iran's brazen attacks.",
        "2024-04-13",
    );
    assert_eq!(p.events.len(), 1, "{:?}", kinds(&p));
    let p = drafted(
        "On Tuesday, a pair of Typhoons conducted air strikes on caves in Iraq. The raid was \
         carried out following intelligence.",
        "2020-05-05",
    );
    assert_eq!(
        kinds(&p),
        [("airstrike".into(), Some("2020-05-05".into()))],
        "{p:?}"
    );
    assert_eq!(p.events[0].sources.len(), 2);
}

#[test]
fn calls_chaired_sessions_and_cabinet_meetings_are_meetings() {
    for (text, published) in [
        (
            "I've just spoken with Prime Minister Netanyahu to reaffirm our commitment.",
            "2024-04-13",
        ),
        (
            "In his remarks before a cabinet meeting on April 9, President Donald J. Trump \
             spoke.",
            "2018-04-10",
        ),
        (
            "The delegations of Iraq and the United States co-chaired the final session of \
             the Strategic Dialogue on Friday.",
            "2021-07-26",
        ),
    ] {
        let p = drafted(text, published);
        assert!(has(&p, "meeting"), "{text}: {:?}", kinds(&p));
    }
    // Speaking to the press is no meeting, and a named agreement is no agreement made.
    let p = drafted(
        "Kirby spoke with reporters under the 2008 Strategic Framework Agreement.",
        "2021-07-26",
    );
    assert!(
        !p.events
            .iter()
            .any(|e| matches!(e.event_type.as_str(), "meeting" | "agreement")),
        "{:?}",
        kinds(&p)
    );
    // Nor is speaking to a programme's reporters.
    let p = drafted(
        "Adam Musa, a doctor at the main hospital, spoke with Africa News Tonight reporters \
         Monday.",
        "2022-04-25",
    );
    assert!(!has(&p, "meeting"), "{:?}", kinds(&p));
}

#[test]
fn rebels_who_declare_make_a_statement() {
    let p = drafted(
        "On Friday, the rebels declared martial law across the country.",
        "2016-07-18",
    );
    assert_eq!(
        kinds(&p),
        [("statement".into(), Some("2016-07-15".into()))],
        "{p:?}"
    );
}

#[test]
fn seas_regions_and_small_towns_of_the_sites_are_places() {
    let p = drafted(
        "On Tuesday, Russian aircraft conducted an unsafe and unprofessional intercept over \
         the Black Sea.",
        "2023-03-14",
    );
    assert_eq!(p.events[0].place.as_deref(), Some("black-sea"), "{p:?}");
    // Afghanistan's Faizabad, not India's.
    let p = drafted(
        "On Tuesday, a suicide bomber rammed a car bomb into a vehicle in Faizabad.",
        "2023-06-08",
    );
    assert_eq!(p.events[0].place.as_deref(), Some("fayzabad"), "{p:?}");
    let p = drafted(
        "On Friday, al-Shabaab attacked a base in Jubaland, Somalia.",
        "2018-06-08",
    );
    assert!(
        p.events
            .iter()
            .any(|e| e.place.as_deref() == Some("jubaland")),
        "{p:?}"
    );
}

#[test]
fn who_came_under_fire_was_hit_and_lives_claimed_are_an_attack() {
    let p = drafted(
        "On Friday, U.S. forces came under mortar and small-arms fire.",
        "2018-06-08",
    );
    assert_eq!(
        kinds(&p),
        [("rocket-attack".into(), Some("2018-06-08".into()))],
        "{p:?}"
    );
    assert_eq!(role(&p.events[0], "us-military").as_deref(), Some("target"));
    let p = drafted(
        "The recent events in Niger claimed the lives of four Americans.",
        "2017-10-23",
    );
    assert_eq!(kinds(&p)[0].0, "attack", "{p:?}");
    assert_eq!(p.events[0].place.as_deref(), Some("niger"));
}

#[test]
fn happenings_brought_in_anew_stay_apart() {
    let p = drafted(
        "A late June attack killed at least 19 people at a shopping mall in Kremenchuk, and an \
         attack on an apartment building in Odesa killed 21 people.",
        "2022-07-11",
    );
    assert_eq!(p.events.len(), 2, "{:?}", kinds(&p));
    let p = drafted(
        "Rockets hit Camp Taji on Wednesday. One such attack by the Kataib Hezbollah militia \
         this past December killed a U.S. contractor near Kirkuk.",
        "2020-03-11",
    );
    assert_eq!(p.events.len(), 2, "{:?}", kinds(&p));
    assert!(
        p.events
            .iter()
            .any(|e| date(e).as_deref() == Some("2019-12")),
        "{:?}",
        kinds(&p)
    );
}

#[test]
fn missions_under_way_cancellations_releases_and_invasions_are_told() {
    let p = drafted(
        "While three U.S. MQ-9 drones were conducting a mission against ISIS targets, three \
         Russian fighter jets began harassing the drones on Wednesday.",
        "2023-07-05",
    );
    assert_eq!(
        kinds(&p),
        [
            ("other".into(), Some("2023-07-05".into())),
            ("other".into(), Some("2023-07-05".into()))
        ],
        "{p:?}"
    );
    // A strike conducted is told by its own cue, not as a mission.
    let p = drafted(
        "U.S. forces were conducting a strike operation against al-Shabab on Sunday.",
        "2017-06-11",
    );
    assert!(!has(&p, "other"), "{:?}", kinds(&p));
    for text in [
        "Scheduled festivities were called off on Thursday.",
        "General Hulusi Akar, held by the rebels, was later freed.",
    ] {
        let p = drafted(text, "2023-06-01");
        assert!(has(&p, "other"), "{text}: {:?}", kinds(&p));
    }
    // An invasion is war: armed fighting, as the battles are.
    for text in [
        "Since February 2022, when Russia launched its invasion, at least 525 children died.",
        "Russia's illegal full-scale invasion of Ukraine has caused unimaginable devastation.",
    ] {
        let p = drafted(text, "2023-06-01");
        assert!(has(&p, "armed-clash"), "{text}: {:?}", kinds(&p));
        assert!(!has(&p, "other"), "{text}: {:?}", kinds(&p));
    }
}

#[test]
fn arms_destroyed_protesters_attacked_and_routine_flights_are_not_their_kind() {
    for text in [
        "The combined operation destroyed over 130 mortars and rockets on Monday.",
        "The same militias are attacking protesters and stealing state resources.",
        "Our MQ-9 aircraft was conducting routine operations in international airspace.",
    ] {
        let p = drafted(text, "2025-12-17");
        assert!(p.events.is_empty(), "{text}: {:?}", kinds(&p));
    }
}

#[test]
fn an_attack_told_as_the_way_something_was_done_happened() {
    let p = drafted(
        "The United States is very concerned about the Houthis’ latest attempt to escalate \
         the war in Yemen, this time by attacking a commercial vessel.",
        "2018-04-04",
    );
    assert!(has(&p, "attack"), "{:?}", kinds(&p));
    // What a side is accused of, or able to do, is not told as done.
    for text in [
        "The militia is capable of attacking a commercial vessel.",
        "The group was accused of attacking a convoy.",
    ] {
        let p = drafted(text, "2018-04-04");
        assert!(!has(&p, "attack"), "{text}: {:?}", kinds(&p));
    }
}

#[test]
fn a_missile_said_to_have_been_launched_at_a_ship_is_an_attack() {
    let p = drafted(
        "At approximately 11:30 a.m. (Sanaa time) Mar. 6, an anti-ship ballistic missile \
         (ASBM) was launched from Houthi-controlled areas of Yemen toward M/V True Confidence.",
        "2024-03-06",
    );
    assert!(
        kinds(&p).contains(&("missile-attack".into(), Some("2024-03-06".into()))),
        "{:?}",
        kinds(&p)
    );
    // A missile named, launched by no one, is none.
    let p = drafted(
        "The missile, which was launched in 2019, is capable of reaching Europe.",
        "2024-03-06",
    );
    assert!(!has(&p, "missile-attack"), "{:?}", kinds(&p));
}

#[test]
fn missiles_shot_down_by_those_they_were_fired_at_are_an_interception() {
    let p = drafted(
        "The U.S. military said Sunday it shot down an anti-ship cruise missile fired from a \
         Houthi-controlled area of Yemen.",
        "2024-01-14",
    );
    assert_eq!(
        kinds(&p),
        [("other".into(), Some("2024-01-14".into()))],
        "{p:?}"
    );
    assert_eq!(
        role(&p.events[0], "us-military").as_deref(),
        Some("perpetrator")
    );
    // Drones shot down, in the passive, are the attack's count.
    let p = drafted(
        "Russia attacked the country overnight with 23 drones. Six of the drones were shot \
         down there, with the debris from one downed drone damaging a building.",
        "2023-12-04",
    );
    assert!(
        p.events.iter().all(|e| e.event_type == "drone-strike"),
        "{:?}",
        kinds(&p)
    );
}

#[test]
fn that_after_a_saying_opens_what_is_said_and_points_at_nothing() {
    let p = drafted(
        "Russia attacked Ukraine with drones on Monday. In Kherson, the regional governor said \
         early Monday that Russian shelling during the past 24 hours had killed two people.",
        "2023-12-04",
    );
    let shelling = p
        .events
        .iter()
        .find(|e| e.event_type == "rocket-attack")
        .unwrap_or_else(|| panic!("{:?}", kinds(&p)));
    assert_eq!(date(shelling).as_deref(), Some("2023-12-03/2023-12-04"));
}

#[test]
fn kinds_of_other_told_by_different_words_stay_apart() {
    let p = drafted(
        "On Friday, they shut down the airport and blocked the two bridges over the Bosphorus. \
         Social-networking websites were blocked in the country and CNN stopped broadcasting.",
        "2016-07-18",
    );
    let others = p.events.iter().filter(|e| e.event_type == "other").count();
    assert_eq!(others, 3, "{:?}", kinds(&p));
    // Access shut off is as much a happening as an airport shut down.
    let p = drafted(
        "The Government of Zimbabwe shut off access to the internet on 15 and 16 January.",
        "2019-01-17",
    );
    assert!(has(&p, "other"), "{:?}", kinds(&p));
    // An explosion, then its investigation: two.
    let p = drafted(
        "We are aware of an explosion in the Green Zone on Sunday. Iraqi Security Forces are \
         investigating the incident.",
        "2019-05-20",
    );
    assert_eq!(p.events.len(), 2, "{:?}", kinds(&p));
    // The words of one aircraft meeting another tell one happening.
    let p = drafted(
        "On Sunday, Russian aircraft engaged a U.S. aircraft in an unsafe and unprofessional \
         manner. The Russian jets began harassing the U.S. aircraft.",
        "2023-07-16",
    );
    assert_eq!(p.events.len(), 1, "{:?}", kinds(&p));
}

#[test]
fn an_attack_told_with_its_toll_is_the_attack() {
    let p = drafted(
        "Two U.S. service members and a British soldier were killed when an Iranian-backed \
         militia group in Iraq launched an attack against Camp Taji yesterday.",
        "2020-03-12",
    );
    assert_eq!(
        kinds(&p),
        [("attack".into(), Some("2020-03-11".into()))],
        "{p:?}"
    );
    assert_eq!(p.events[0].place.as_deref(), Some("camp-taji"));
}

#[test]
fn forces_of_one_side_are_one_hand_when_reports_merge() {
    let p = drafted(
        "The U.S. military said Sunday it shot down an anti-ship cruise missile fired from \
         Yemen. U.S. Central Command said fighter aircraft shot down the missile near the \
         coast of Hodeida.",
        "2024-01-14",
    );
    assert_eq!(p.events.len(), 1, "{:?}", kinds(&p));
    assert_eq!(p.events[0].sources.len(), 2);
}

#[test]
fn confirmations_and_media_reports_make_no_statement() {
    for text in [
        "A U.S. defense official confirmed there were no Americans on base at the time.",
        "Media reports said the third servicemember was from Britain.",
    ] {
        let p = drafted(text, "2020-03-11");
        assert!(p.events.is_empty(), "{text}: {:?}", kinds(&p));
    }
}

#[test]
fn a_year_in_the_happenings_own_words_dates_it() {
    let p = drafted(
        "Unrelated, today is the anniversary of the 1983 Beirut bombing.",
        "2017-10-23",
    );
    assert_eq!(
        kinds(&p),
        [("bombing".into(), Some("1983".into()))],
        "{p:?}"
    );
    // A year elsewhere in the sentence does not.
    let p = drafted(
        "A car bomb exploded in Beirut today, the worst since 1983.",
        "2017-10-23",
    );
    assert_eq!(kinds(&p)[0].1.as_deref(), Some("2017-10-23"), "{p:?}");
}

#[test]
fn what_is_said_in_a_statement_is_a_statement() {
    let p = drafted(
        "In a statement released on April 7, Department Spokesperson Heather Nauert said, \
         \"Reports indicate a mass casualty chemical weapons attack.\"",
        "2018-04-10",
    );
    let said = p
        .events
        .iter()
        .find(|e| e.event_type == "statement")
        .unwrap_or_else(|| panic!("{:?}", kinds(&p)));
    assert_eq!(
        role(said, "heather-nauert").as_deref(),
        Some("speaker"),
        "{said:?}"
    );
    assert_eq!(date(said).as_deref(), Some("2018-04-07"));
}

#[test]
fn a_base_taken_over_is_no_statement_of_who_tells_it() {
    let p = drafted(
        "The militants briefly took over the base, a regional official told VOA Somali.",
        "2019-09-22",
    );
    assert!(!has(&p, "statement"), "{:?}", kinds(&p));
}

#[test]
fn plural_attacks_in_two_places_named_together_are_one_in_each() {
    // The places of the attacks drafted, in order.
    let places = |p: &Package| {
        let mut places: Vec<_> = p
            .events
            .iter()
            .filter(|e| e.event_type == "attack")
            .map(|e| e.place.clone().unwrap_or_default())
            .collect();
        places.sort();
        places
    };
    let p = drafted(
        "The United States strongly condemns the barbaric terrorist attacks yesterday in \
         Damascus and Homs, Syria.",
        "2016-02-22",
    );
    assert_eq!(places(&p), ["damascus", "homs"], "{:?}", kinds(&p));
    // One attack in two places stays one, placed in what holds both.
    let p = drafted("Rockets hit Damascus and Homs on Sunday.", "2016-02-22");
    assert_eq!(p.events.len(), 1, "{:?}", kinds(&p));
    // Three countries or more are not one operation's reach: one attack in each.
    let p = drafted(
        "Terrorist attacks occurred in France, Kuwait, Somalia, and Tunisia today.",
        "2015-06-26",
    );
    assert_eq!(
        places(&p),
        ["france", "kuwait", "somalia", "tunisia"],
        "{:?}",
        kinds(&p)
    );
}

#[test]
fn a_weapon_destroyed_is_an_attack_and_a_strike_that_destroys_is_one() {
    let p = drafted(
        "In the past 24 hours, U.S. Central Command forces successfully destroyed an \
         Iranian-backed Houthi missile system in Yemen.",
        "2024-09-03",
    );
    assert_eq!(p.events.len(), 1, "{:?}", kinds(&p));
    assert_eq!(p.events[0].place.as_deref(), Some("yemen"));
    let p = drafted(
        "On Monday, Russian airstrikes destroyed a school in Kharkiv.",
        "2022-07-11",
    );
    assert_eq!(
        kinds(&p),
        [("airstrike".into(), Some("2022-07-11".into()))],
        "{p:?}"
    );
}

#[test]
fn a_named_place_recaptured_is_told_even_when_the_gazetteer_lacks_it() {
    let p = drafted(
        "Somali troops recaptured Awdhegle from al-Shabab on August 6.",
        "2019-08-14",
    );
    assert_eq!(
        kinds(&p),
        [("other".into(), Some("2019-08-06".into()))],
        "{p:?}"
    );
    // Arms seized are part of a raid, not a happening of their own.
    let p = drafted(
        "Forces seized a number of rocket launchers on Monday.",
        "2019-08-14",
    );
    assert!(p.events.is_empty(), "{:?}", kinds(&p));
}

#[test]
fn a_speaker_named_after_the_quotation_makes_a_statement_and_plotted_attacks_none() {
    let p = drafted(
        "“AQAP has taken advantage of the conflicts in Yemen, to plot, direct and encourage \
         terror attacks abroad,” said Lt. Col. Earl Brown, a USCENTCOM spokesman.",
        "2018-08-30",
    );
    assert_eq!(
        kinds(&p),
        vec![("statement".to_string(), Some("2018-08-30~".to_string()))]
    );
    assert_eq!(role(&p.events[0], "earl-brown").as_deref(), Some("speaker"));
}

#[test]
fn acts_listed_on_several_days_are_one_a_day_and_a_span_stays_one() {
    let p = drafted(
        "These include air strikes May 25, two airstrikes June 23 and 30, two airstrikes July \
         22 and 24, and one Aug. 14.",
        "2018-08-30",
    );
    let days: Vec<Option<String>> = kinds(&p).into_iter().map(|(_, d)| d).collect();
    let want = [
        "2018-05-25",
        "2018-06-23",
        "2018-06-30",
        "2018-07-22",
        "2018-07-24",
        "2018-08-14",
    ];
    assert_eq!(days, want.map(|d| Some(d.to_string())).to_vec());
    assert!(p.events.iter().all(|e| e.event_type == "airstrike"));
    // The ends of one span are no list of days.
    let span = drafted(
        "U.S. forces conducted airstrikes from May 25 to June 30 in Yemen.",
        "2018-08-30",
    );
    assert_eq!(span.events.len(), 1);
}

#[test]
fn a_series_of_rockets_launched_after_an_opening_date_is_an_attack_by_who_launched_it() {
    let p = drafted(
        "On 27 July, Hizballah launched a series of rockets into northern Israel and the \
         occupied Golan Heights.",
        "2024-07-30",
    );
    assert_eq!(
        kinds(&p),
        vec![("rocket-attack".to_string(), Some("2024-07-27".to_string()))]
    );
    assert_eq!(
        role(&p.events[0], "hezbollah").as_deref(),
        Some("perpetrator")
    );
    // "A pair of" counts them out too, undated.
    let p = drafted(
        "A pair of missiles were fired from Houthi-controlled areas of Yemen at the vessel.",
        "2023-12-14",
    );
    assert_eq!(
        kinds(&p),
        vec![(
            "missile-attack".to_string(),
            Some("../2023-12-14".to_string())
        )]
    );
}

#[test]
fn forces_that_struck_attack_and_a_deal_or_a_quake_that_struck_does_not() {
    let p = drafted(
        "On Jan. 1, U.S. forces struck two al-Qaida vehicles near Sarmada.",
        "2017-01-05",
    );
    assert_eq!(
        kinds(&p),
        vec![("attack".to_string(), Some("2017-01-01".to_string()))]
    );
    assert_eq!(role(&p.events[0], "al-qaeda").as_deref(), Some("target"));
    for text in [
        "On Monday, a deal was struck between the two ministers.",
        "An earthquake struck the region on Monday.",
    ] {
        assert!(drafted(text, "2017-01-05").events.is_empty(), "{text}");
    }
    // A weapon that struck was fired, even told with "then".
    let p = drafted(
        "A Russian missile then struck a café in the village on Monday.",
        "2017-01-05",
    );
    assert_eq!(
        kinds(&p),
        [("missile-attack".to_string(), Some("2017-01-02".to_string()))]
    );
}

#[test]
fn calls_to_someone_are_meetings_and_a_call_again_is_another() {
    let p = drafted(
        "At the end of my first week in office, I spoke to Lebanese Prime Minister Mikati. \
         And yesterday, I called him again to express my concern at this latest incident.",
        "2024-07-30",
    );
    let meetings = kinds_of(&p, "meeting");
    assert_eq!(meetings.len(), 2, "{:?}", kinds(&p));
    assert!(meetings.contains(&("meeting".to_string(), Some("2024-07-29".to_string()))));
    // A group called X, calling for calm or calling an attack a crime: no call.
    let p = drafted(
        "A group called Hizballah called for calm. He called the attack a crime.",
        "2024-07-30",
    );
    assert!(!has(&p, "meeting"), "{:?}", kinds(&p));
}

#[test]
fn what_follows_a_saying_with_a_colon_is_the_statement() {
    let p = drafted(
        "Foreign Secretary Dominic Raab said:\n\nThe people of Myanmar want their voices heard \
         and are showing huge bravery.",
        "2021-03-01",
    );
    assert_eq!(p.events.len(), 1, "{:?}", kinds(&p));
    assert_eq!(p.events[0].event_type, "statement");
    let quotes: Vec<&str> = p.events[0]
        .sources
        .iter()
        .map(|s| s.quote.as_str())
        .collect();
    assert!(
        quotes
            .iter()
            .any(|q| q.starts_with("The people of Myanmar")),
        "{quotes:?}"
    );
}

#[test]
fn a_gulf_named_in_full_and_a_state_that_owns_a_ship_are_told_apart() {
    let p = drafted(
        "On Thursday, Houthis launched two missiles at a U.S.-owned ship in the Gulf of Oman.",
        "2024-01-19",
    );
    assert_eq!(p.events.len(), 1, "{:?}", kinds(&p));
    assert_eq!(p.events[0].place.as_deref(), Some("gulf-of-oman"));
}

#[test]
fn ambushes_counterattacks_kidnappings_murders_and_control_taken_are_told() {
    for (text, want) in [
        (
            "On Sunday, reinforcements sent from Kismayo were ambushed by al-Shabab.",
            "attack",
        ),
        (
            "On Friday, the Kenyans counterattacked in support of the Somali troops.",
            "armed-clash",
        ),
        (
            "On Monday, al-Shabab has taken control of the town of Elbe.",
            "other",
        ),
        (
            "On Tuesday, gunmen kidnapped more than 100 school girls in Dapchi.",
            "other",
        ),
        (
            "On Tuesday, two aid workers were murdered in Rann.",
            "killing",
        ),
    ] {
        let p = drafted(text, "2018-03-02");
        assert!(has(&p, want), "{text}: {:?}", kinds(&p));
    }
}

#[test]
fn control_a_side_claims_to_have_taken_is_no_act() {
    let p = drafted(
        "On Friday, the rebels declared martial law claiming to have \"taken control of the \
         country\".",
        "2016-07-18",
    );
    assert!(!has(&p, "other"), "{:?}", kinds(&p));
}

#[test]
fn a_happening_named_after_a_preposition_takes_the_date_of_its_own_phrase() {
    let p = drafted(
        "We are here this afternoon to brief you on the findings of the investigation into the \
         ambush of U.S. and Nigerien soldiers near Tongo Tongo, Niger in early October 2017.",
        "2018-05-10",
    );
    let attack = first_of(&p, "attack");
    assert_eq!(date(attack).as_deref(), Some("2017-10-01/2017-10-10"));
}

#[test]
fn acts_that_would_follow_or_are_fought_for_are_not_happenings() {
    for text in [
        "The United States reaffirms an armed attack on Philippine public vessels, aircraft, and \
         armed forces—including those of its Coast Guard—anywhere in the South China Sea, would \
         invoke U.S. mutual defense commitments.",
        "\"Our resolve can only be rejuvenated, to fight on until Somalia is freed of all \
         elements of terror,\" the statement said on Friday.",
    ] {
        let p = drafted(text, "2023-08-05");
        assert!(
            !p.events
                .iter()
                .any(|e| matches!(e.event_type.as_str(), "attack" | "other")),
            "{text}: {:?}",
            kinds(&p)
        );
    }
    // An act with a verb of its own before the "could" happened.
    let p = drafted(
        "On Monday, an attack on the base killed three soldiers and could lead to more strikes.",
        "2023-08-05",
    );
    assert!(has(&p, "attack"), "{:?}", kinds(&p));
}

#[test]
fn a_spokesman_giving_the_victims_makes_no_statement() {
    let p = drafted(
        "On Wednesday, a truck bomb killed 90 people in Kabul. The ministry's spokesperson, \
         Ismail Kawasi, said most of the victims were civilians.",
        "2017-05-31",
    );
    assert!(!has(&p, "statement"), "{:?}", kinds(&p));
}

#[test]
fn who_says_an_act_happened_is_not_its_doer() {
    let p = drafted(
        "Also Wednesday, in the northwest, Pakistani authorities said pro-Taleban militants \
         attacked a paramilitary checkpoint near Bannu.",
        "2007-09-13",
    );
    let attack = first_of(&p, "attack");
    assert_ne!(role(attack, "pakistan").as_deref(), Some("perpetrator"));
}

#[test]
fn an_act_told_after_a_dated_one_runs_from_that_day_to_the_publication() {
    let p = drafted(
        "After Taji was hit Wednesday, U.S. retaliatory strikes hit five weapons depots of the \
         Iranian-backed group Kataib Hezbollah in Iraq.",
        "2020-03-13",
    );
    assert_eq!(
        kinds(&p),
        vec![(
            "attack".to_string(),
            Some("2020-03-11/2020-03-13".to_string())
        )]
    );
}

#[test]
fn she_who_tweets_and_a_general_who_congratulates_make_statements() {
    for text in [
        "Ukraine's first lady Olena Zelenska spoke on Thursday. “Children’s Day has to be about \
         safe childhood, summer, life,” she tweeted.",
        "On Wednesday, General John W. Nicholson Jr. congratulated city security forces for \
         preventing the truck from coming any closer.",
    ] {
        let p = drafted(text, "2023-06-01");
        assert!(has(&p, "statement"), "{text}: {:?}", kinds(&p));
    }
}

#[test]
fn fighters_who_storm_attack_and_reinforcements_that_arrive_are_deployed() {
    let p = drafted(
        "A provincial government spokesman told VOA Taliban fighters stormed the Day Mirdad \
         district late Saturday. He said reinforcements have arrived in the district.",
        "2018-09-09",
    );
    let types: Vec<String> = kinds(&p).into_iter().map(|(t, _)| t).collect();
    assert_eq!(types, ["attack", "deployment"], "{:?}", kinds(&p));
}

#[test]
fn forces_amassed_dispatched_or_moved_are_deployments() {
    let p = drafted(
        "In his statement, Cook said Afghanistan has amassed a force numbering in the \
         thousands to retake the city.",
        "2015-09-29",
    );
    // The deployment, and Cook's written statement that tells it.
    let mut types: Vec<String> = kinds(&p).into_iter().map(|(t, _)| t).collect();
    types.sort();
    assert_eq!(types, ["deployment", "statement"]);
    let p = drafted(
        "At my direction, to support the defense of Israel, the U.S. military moved aircraft \
         and ballistic missile defense destroyers to the region over the course of the past week.",
        "2024-04-13",
    );
    assert!(has(&p, "deployment"));
}

#[test]
fn violence_placed_dated_or_ascribed_is_a_happening() {
    let p = common::drafted(
        "The United Kingdom condemns the violence perpetrated by armed groups in Tripoli on \
         Saturday 27 August.",
        "2022-08-28",
    );
    let attack = p
        .events
        .iter()
        .find(|e| e.event_type == "attack")
        .expect("an attack");
    assert_eq!(attack.place.as_deref(), Some("tripoli-libya"));
    assert_eq!(common::date(attack).as_deref(), Some("2022-08-27"));
    // Dated right before it, or doing harm.
    for text in [
        "The United States condemns the overnight violence that left at least two student \
         demonstrators dead.",
        "We condemn Sunday's violence, which killed four people.",
    ] {
        let p = common::drafted(text, "2018-05-11");
        assert!(has(&p, "attack"), "{text}: {:?}", common::kinds(&p));
    }
    // Violence called on to end, or its level, is none.
    for text in [
        "We urge all Libyans to reject violence in Tripoli.",
        "The regime must cease the horrific violence in Burma.",
        "Violence is never the answer.",
        "Rockets hit the Green Zone in the first attack following a brief lull in violence from \
         earlier this month.",
    ] {
        let p = common::drafted(text, "2022-08-28");
        assert!(!has(&p, "attack"), "{text}: {:?}", common::kinds(&p));
    }
}

#[test]
fn a_call_told_with_its_day_before_with_is_a_meeting() {
    let p = drafted(
        "Secretary of State Antony J. Blinken spoke today with Ukrainian Foreign Minister Dmytro \
         Kuleba to offer support.",
        "2022-02-28",
    );
    let meeting = first_of(&p, "meeting");
    assert_eq!(date(meeting).as_deref(), Some("2022-02-28"));
    assert_eq!(
        role(meeting, "dmytro-kuleba").as_deref(),
        Some("participant")
    );
    // A day after "spoke" with no "with" is no call.
    let p = drafted(
        "The minister spoke Tuesday about the attacks on shipping.",
        "2022-02-28",
    );
    assert!(!has(&p, "meeting"), "{:?}", kinds(&p));
}

#[test]
fn indirect_fire_is_a_rocket_or_mortar_attack() {
    let p = drafted(
        "Militias directed indirect fire at our Consulate General in Basrah on Friday.",
        "2018-09-28",
    );
    let attack = first_of(&p, "rocket-attack");
    assert_eq!(date(attack).as_deref(), Some("2018-09-28"));
    assert_eq!(attack.place.as_deref(), Some("basrah"));
}

#[test]
fn a_base_overrun_is_taken() {
    let p = drafted(
        "Al-Shabab said its fighters overran the base near Hosingow on Friday.",
        "2020-01-17",
    );
    let taken = first_of(&p, "other");
    assert_eq!(date(taken).as_deref(), Some("2020-01-17"));
}

#[test]
fn a_summit_a_conversation_and_a_meeting_are_meetings() {
    for text in [
        "Cook addressed Defense Secretary Ash Carter's Sept. 18 conversation with Russian Defense \
         Minister Sergei Shoigu.",
        "The meeting, hosted by Sir Michael Fallon in London, brought ministers together on \
         December 15.",
        "Leaders highlighted the unified effort during the May 14 regional heads of state summit \
         in Nigeria.",
    ] {
        let p = drafted(text, "2016-12-15");
        assert!(has(&p, "meeting"), "{text}: {:?}", kinds(&p));
    }
}

#[test]
fn what_was_to_happen_is_no_happening() {
    let p = drafted(
        "He was to travel to Nigeria for a meeting on the crisis in Gambia but canceled his trip.",
        "2016-12-19",
    );
    assert!(!has(&p, "meeting"), "{:?}", kinds(&p));
    let p = drafted(
        "He traveled to Nigeria for a meeting on the crisis in Gambia on Monday.",
        "2016-12-19",
    );
    assert!(has(&p, "meeting"), "{:?}", kinds(&p));
}

#[test]
fn hideouts_pounded_and_attackers_repulsed_are_fighting() {
    let p = drafted(
        "On Wednesday, Pakistani troops backed by helicopters pounded militant hideouts in North \
         Waziristan.",
        "2007-09-13",
    );
    // Backed by helicopters: from the air.
    assert_eq!(
        kinds(&p),
        [("airstrike".to_string(), Some("2007-09-12".to_string()))]
    );
    let p = drafted(
        "Soldiers in the base repulsed the militants after heavy gunfire on Tuesday.",
        "2016-04-26",
    );
    assert!(has(&p, "armed-clash"), "{:?}", kinds(&p));
}

#[test]
fn craft_engaged_and_destroyed_were_struck_a_tally_of_arms_was_not() {
    for text in [
        "United States Central Command then successfully engaged and destroyed four unmanned \
         aerial systems in Houthi-controlled areas of Yemen on March 13.",
        "In the past 24 hours, U.S. Central Command forces successfully destroyed three uncrewed \
         aerial vehicles in Houthi-controlled area of Yemen.",
    ] {
        let p = drafted(text, "2024-03-14");
        assert!(has(&p, "attack"), "{text}: {:?}", kinds(&p));
    }
    let p = drafted(
        "The combined operation destroyed over 130 mortars and rockets on Monday.",
        "2024-03-14",
    );
    assert!(p.events.is_empty(), "{:?}", kinds(&p));
}

#[test]
fn killings_of_civilians_are_a_killing() {
    let p = drafted(
        "The United States is gravely concerned by reported killings of civilians in the Amhara \
         community of the Oromia Region of Ethiopia this weekend.",
        "2022-06-21",
    );
    assert!(has(&p, "killing"), "{:?}", kinds(&p));
}

#[test]
fn a_ship_seized_is_a_raid() {
    let p = drafted(
        "Iran's Revolutionary Guards on Thursday seized a tanker in the Persian Gulf.",
        "2023-07-07",
    );
    let raid = first_of(&p, "raid");
    assert_eq!(role(raid, "irgc").as_deref(), Some("perpetrator"));
    assert_eq!(date(raid).as_deref(), Some("2023-07-06"));
    // Arms seized are no raid.
    let p = drafted(
        "Al-Shabab fighters seized weapons and vehicles on Friday.",
        "2023-07-07",
    );
    assert!(!has(&p, "raid"), "{:?}", kinds(&p));
}

#[test]
fn an_attack_with_missiles_and_drones_is_one_of_each() {
    let p = drafted(
        "Ukraine said Wednesday that Russian forces attacked the country overnight with three \
         guided missiles and four Shahed drones.",
        "2024-04-03",
    );
    let types: Vec<_> = p.events.iter().map(|e| e.event_type.as_str()).collect();
    assert!(types.contains(&"missile-attack"), "{types:?}");
    assert!(types.contains(&"drone-strike"), "{types:?}");
    // One means, one attack.
    let p = drafted(
        "Russian forces attacked the country overnight with four Shahed drones.",
        "2024-04-03",
    );
    assert_eq!(p.events.len(), 1, "{:?}", kinds(&p));
}

#[test]
fn an_assault_by_armed_hands_or_on_a_country_is_an_attack() {
    for text in [
        "The United States condemns this appalling assault against Israel by Hamas terrorists \
         from Gaza.",
        "Russia's assault on Ukraine must end.",
        "The Embassy is concerned by the continued assaults against the residents of Cabo \
         Delgado.",
        "A group of attackers then stormed a dining facility on Friday.",
    ] {
        let p = drafted(text, "2023-10-07");
        assert!(has(&p, "attack"), "{text}: {:?}", kinds(&p));
        assert!(!has(&p, "assault"), "{text}");
    }
    // A crowd storming a compound stays an assault.
    for text in [
        "The militias responded with assaults on the U.S. Embassy in Baghdad.",
        "Hundreds of supporters of an Iran-backed militia stormed the outer wall of the U.S. \
         Embassy in Baghdad.",
    ] {
        let p = drafted(text, "2020-01-01");
        assert!(has(&p, "assault"), "{text}: {:?}", kinds(&p));
    }
}

#[test]
fn a_protest_attacked_or_a_right_to_protest_is_no_protest_of_its_own() {
    for text in [
        "This heinous attack was made all the more despicable by the fact that it targeted a \
         peaceful demonstration.",
        "Under the Iraqi constitution, the right to peaceful protest must be respected.",
    ] {
        let p = drafted(text, "2016-07-23");
        assert!(!has(&p, "protest"), "{text}: {:?}", kinds(&p));
    }
    let p = drafted(
        "Two people were killed during a protest in Basra on Friday.",
        "2018-09-08",
    );
    assert!(has(&p, "protest"), "{:?}", kinds(&p));
}

#[test]
fn meeting_someone_or_a_named_summit_is_a_meeting() {
    let p = drafted(
        "Ambassador Hugo Shorter met Prime Minister Tammam Salam today to express his \
         condolences.",
        "2015-11-18",
    );
    assert!(has(&p, "meeting"), "{:?}", kinds(&p));
    let p = drafted(
        "As we reaffirmed at the NATO Warsaw Summit earlier this month, we stand firm in our \
         support for the people of Afghanistan.",
        "2016-07-23",
    );
    assert!(has(&p, "meeting"), "{:?}", kinds(&p));
    for text in [
        "The convoy was met by heavy fire near the town.",
        "The troops met fierce resistance.",
    ] {
        let p = drafted(text, "2015-11-18");
        assert!(!has(&p, "meeting"), "{text}: {:?}", kinds(&p));
    }
}

#[test]
fn trips_cut_short_evacuations_and_laws_signed_are_other_happenings() {
    for text in [
        "He was to travel to Nigeria for a meeting but canceled his trip.",
        "The attack prompted Netanyahu to cut short his trip to Washington.",
        "GNA forces evacuated civilians from residential areas, officials said.",
        "President Zelenskyy on Tuesday signed a bill into law that lowers the mobilization age.",
    ] {
        let p = drafted(text, "2024-04-03");
        assert!(has(&p, "other"), "{text}: {:?}", kinds(&p));
        // Done, not inflicted: nobody is a perpetrator.
        assert!(
            !p.events
                .iter()
                .flat_map(|e| &e.actors)
                .any(|a| a.role == "perpetrator"),
            "{text}"
        );
    }
}

#[test]
fn people_seized_are_taken_captive_and_a_ship_seized_is_no_captivity() {
    for text in [
        "Authorities are negotiating the release of 200 soldiers who were seized by militants \
         last month in the region.",
        "Gunmen seized 20 workers at the oil field on Monday.",
    ] {
        let p = drafted(text, "2007-09-13");
        assert!(has(&p, "other"), "{text}: {:?}", kinds(&p));
    }
    let p = drafted(
        "Fars said a vessel carrying 900 tons of smuggled fuel and a 12-man crew was seized by \
         a navy patrol.",
        "2023-07-07",
    );
    assert!(!has(&p, "other"), "{:?}", kinds(&p));
}

#[test]
fn a_ranking_a_description_and_a_ride_in_a_vehicle_tell_no_happening() {
    let p = drafted(
        "Taliban suicide bombers Friday attacked a military base in northern Afghanistan, \
         killing dozens of soldiers in one of the deadliest assaults on Afghan forces in \
         recent years.",
        "2017-04-21",
    );
    assert!(!has(&p, "assault"), "{:?}", kinds(&p));
    let p = drafted(
        "Witnesses said the insurgents were aboard two Afghan army vehicles.",
        "2017-04-21",
    );
    assert!(p.events.is_empty(), "{:?}", kinds(&p));
    let p = drafted(
        "Colonel John Thomas described the incident as a significant attack from enemy forces.",
        "2017-04-21",
    );
    assert!(!has(&p, "attack"), "{:?}", kinds(&p));
    // A general on board a ship visits it.
    let p = drafted(
        "Gen. Frank McKenzie watched flight operations on board the USS Harry S. Truman in the \
         North Arabian Sea.",
        "2020-02-01",
    );
    assert!(has(&p, "visit"), "{:?}", kinds(&p));
    // Seafarers aboard a ship were there, visiting no one; those who "previously killed"
    // them did it.
    let p = drafted(
        "The Houthis previously killed three seafarers aboard the MV True Confidence on March \
         6.",
        "2024-06-20",
    );
    assert!(!has(&p, "visit"), "{:?}", kinds(&p));
    assert_eq!(
        role(first_of(&p, "killing"), "houthis").as_deref(),
        Some("perpetrator")
    );
    // Travelling somewhere to speak to people there is a visit, in either spelling.
    for spelling in ["travelled", "traveled"] {
        let p = drafted(
            &format!(
                "The UK Ambassador to Iraq this week {spelling} to Erbil to speak to all \
                 parties."
            ),
            "2018-09-13",
        );
        assert_eq!(first_of(&p, "visit").place.as_deref(), Some("erbil"));
    }
}

#[test]
fn discussions_with_someone_and_a_meeting_with_an_office_are_meetings() {
    let p = drafted(
        "We are urgently convening discussions with our allies and partners to coordinate our \
         response.",
        "2022-02-24",
    );
    assert!(has(&p, "meeting"), "{:?}", kinds(&p));
    // Met on a day, with an office named after it.
    let p = drafted(
        "Foreign Secretary Dominic Raab said: \"I met today with the Ethiopian Deputy Prime \
         Minister Demeke Mekonnen to discuss the deeply concerning situation in Tigray.\"",
        "2020-11-25",
    );
    assert!(has(&p, "meeting"), "{:?}", kinds(&p));
    // Met by a crowd is no meeting.
    let p = drafted(
        "The convoy was met today with the anger of residents.",
        "2020-11-25",
    );
    assert!(!has(&p, "meeting"), "{:?}", kinds(&p));
}

#[test]
fn a_ship_sunk_by_someone_is_an_attack_and_a_ship_that_sank_is_not() {
    for (text, kind) in [
        ("The Houthis sank the MV Rubymar on March 2.", "attack"),
        (
            "The MV Rubymar was sunk by a Houthi missile on March 2.",
            "missile-attack",
        ),
    ] {
        each_drafts(&[text], "2024-06-20", &[(kind, "2024-03-02")]);
    }
    let p = drafted(
        "The M/V TUTOR, which sunk earlier this week, was abandoned.",
        "2024-06-20",
    );
    assert!(p.events.is_empty(), "{:?}", kinds(&p));
}

#[test]
fn craft_brought_down_tell_the_attack_of_their_owner() {
    let p = drafted(
        "Russia said Thursday it destroyed 19 Ukrainian drones over the annexed Crimean \
         Peninsula.",
        "2023-09-21",
    );
    let strike = first_of(&p, "drone-strike");
    assert_eq!(role(strike, "ukraine").as_deref(), Some("suspected"));
    assert_ne!(role(strike, "russia").as_deref(), Some("perpetrator"));
    // Over a place past "both".
    let p = drafted(
        "Russia's Defense Ministry said Monday it destroyed two Ukrainian aerial drones, both \
         over the Belgorod region.",
        "2024-09-30",
    );
    let strike = first_of(&p, "drone-strike");
    assert_eq!(role(strike, "ukraine").as_deref(), Some("suspected"));
    assert!(strike
        .actors
        .iter()
        .all(|a| a.role != "perpetrator" || a.actor == "ukraine"));
    for text in [
        "Ukraine's air force said air defenses shot down 18 Russian drones overnight.",
        "Ukraine's air force said it shot down 15 of 20 Shahed drones launched by Russia \
         overnight.",
    ] {
        let p = drafted(text, "2023-09-21");
        assert_eq!(
            role(first_of(&p, "drone-strike"), "russia").as_deref(),
            Some("suspected"),
            "{text}"
        );
    }
    // Destroyed on their way, they were fired: the owner's attack, on whom they were fired at.
    for text in [
        "United States Central Command said Thursday night it destroyed four Houthi drones \
         fired at a U.S. warship in the Red Sea.",
        "U.S. Central Command engaged and destroyed four unmanned aerial systems launched by \
         Iranian-backed Houthi terrorists in Yemen.",
    ] {
        let p = drafted(text, "2024-03-29");
        let strike = first_of(&p, "drone-strike");
        assert_ne!(
            role(strike, "centcom").as_deref(),
            Some("perpetrator"),
            "{text}"
        );
        assert!(
            matches!(
                role(strike, "houthis").as_deref(),
                Some("suspected" | "perpetrator")
            ),
            "{text}: {:?}",
            strike.actors
        );
    }
    // Air defences destroy craft in flight; the owner's word may stand before words of the
    // craft's name, or after "of".
    for text in [
        "Last night, the air defense systems on duty destroyed 56 Ukrainian unmanned aerial \
         vehicles (UAVs), the ministry said.",
        "The Russian air defense shot down dozens of Ukrainian drones over Russian regions, \
         the ministry said.",
    ] {
        let p = drafted(text, "2024-09-01");
        let strike = first_of(&p, "drone-strike");
        assert_eq!(
            role(strike, "ukraine").as_deref(),
            Some("suspected"),
            "{text}"
        );
    }
    // Craft destroyed on the ground were struck by who destroyed them.
    let p = drafted(
        "U.S. Central Command forces destroyed three Houthi uncrewed aerial vehicles in \
         Houthi-controlled areas of Yemen.",
        "2024-09-13",
    );
    assert!(
        !p.events.iter().any(|e| e.event_type == "drone-strike"
            && role(e, "houthis").as_deref() == Some("perpetrator")),
        "{:?}",
        kinds(&p)
    );
}

#[test]
fn a_toll_dealt_by_a_means_tells_the_act_of_its_owner() {
    let p = drafted(
        "Two SDF fighters were killed by a Turkish drone on Friday.",
        "2023-05-05",
    );
    let strike = first_of(&p, "drone-strike");
    assert_eq!(role(strike, "turkey").as_deref(), Some("perpetrator"));
    assert_eq!(date(strike).as_deref(), Some("2023-05-05"));
    // Said by the victims' side, the owner is suspected, according to them.
    let p = drafted(
        "The SDF on Friday announced that two of its fighters were killed by a Turkish drone.",
        "2023-05-05",
    );
    assert_eq!(
        role(first_of(&p, "drone-strike"), "turkey").as_deref(),
        Some("suspected")
    );
}

#[test]
fn a_speaker_that_says_it_struck_struck() {
    let p = drafted(
        "The Israel Defense Forces said it struck Hezbollah targets in southern Lebanon \
         overnight.",
        "2024-01-04",
    );
    let strike = first_of(&p, "attack");
    assert_eq!(role(strike, "israel").as_deref(), Some("perpetrator"));
    assert_eq!(role(strike, "hezbollah").as_deref(), Some("target"));
    // "It struck" with no speaker before is no act of anyone's.
    let p = drafted("It struck a chord with voters.", "2024-01-04");
    assert!(p.events.is_empty(), "{:?}", kinds(&p));
}

#[test]
fn missiles_supplied_are_no_missile_attack() {
    for text in [
        "On 6 November the coalition released details of Iranian support to the Houthis, \
         including via the provision of ballistic missiles.",
        "Iran has provided the Houthis with ballistic missiles.",
        "Militants were smuggling rockets into Gaza.",
    ] {
        let p = drafted(text, "2017-11-07");
        assert!(
            p.events
                .iter()
                .all(|e| e.event_type != "missile-attack" && e.event_type != "rocket-attack"),
            "{text}: {:?}",
            kinds(&p)
        );
    }
    // Fired, they are.
    let p = drafted(
        "The Houthis fired ballistic missiles at Riyadh on 4 November.",
        "2017-11-07",
    );
    assert_eq!(kinds(&p)[0].0, "missile-attack", "{:?}", kinds(&p));
}

#[test]
fn a_place_taken_after_days_of_fighting_is_the_armed_clash_it_ended() {
    let p = drafted(
        "Afghan security forces have regained control of the city of Ghazni following days of \
         deadly fighting with the Taliban.",
        "2018-08-15",
    );
    assert_eq!(kinds(&p)[0].0, "armed-clash", "{:?}", kinds(&p));
    assert_eq!(p.events.len(), 1, "{:?}", kinds(&p));
    let p = drafted(
        "On Monday, Taliban militants seized control of an army base in Faryab after heavy \
         fighting.",
        "2018-08-15",
    );
    assert_eq!(
        kinds(&p),
        [("armed-clash".into(), Some("2018-08-13".into()))],
        "{p:?}"
    );
    // Taken with no fighting told, it stays territory taken.
    let p = drafted(
        "On Monday, Taliban militants seized control of an army base in Faryab.",
        "2018-08-15",
    );
    assert_eq!(kinds(&p)[0].0, "other", "{:?}", kinds(&p));
}

#[test]
fn full_control_regained_or_taken_is_territory_taken() {
    for text in [
        "Somali forces regained full control of the town on Monday.",
        "On Monday, the militants took full control of the district.",
    ] {
        let p = drafted(text, "2015-09-01");
        assert_eq!(
            kinds(&p),
            [("other".into(), Some("2015-08-31".into()))],
            "{text}: {p:?}"
        );
    }
}

#[test]
fn a_place_captured_is_territory_taken_not_an_arrest() {
    let p = drafted(
        "Taliban fighters captured the city of Kunduz on Monday.",
        "2015-09-29",
    );
    assert_eq!(
        kinds(&p),
        [("other".into(), Some("2015-09-28".into()))],
        "{p:?}"
    );
    assert_eq!(
        role(&p.events[0], "taliban").as_deref(),
        Some("perpetrator")
    );
    let p = drafted(
        "Security forces captured two suspects on Monday.",
        "2015-09-29",
    );
    assert_eq!(kinds(&p)[0].0, "arrest", "{:?}", kinds(&p));
    // A place after a preposition is where people were taken, not what was taken.
    let p = drafted(
        "Police captured three suspects in Kabul on Monday.",
        "2015-09-29",
    );
    assert_eq!(kinds(&p)[0].0, "arrest", "{:?}", kinds(&p));
    // Boats captured are taken in a raid; a camp a relative clause says was captured, taken.
    let p = drafted(
        "Off the coast of Somalia, a U.S. naval ship captured a number of small boats on Monday.",
        "2021-02-15",
    );
    assert_eq!(kinds(&p)[0].0, "raid", "{:?}", kinds(&p));
    let p = drafted(
        "Photos showed Houthi commanders in front of a military camp they reportedly captured \
         from government forces on Monday.",
        "2021-02-15",
    );
    assert!(!has(&p, "arrest"), "{:?}", kinds(&p));
    assert!(has(&p, "other"), "{:?}", kinds(&p));
    // An arrest made is one.
    let p = drafted(
        "Iraqi forces have made an initial arrest after the attack on Camp Taji on Friday.",
        "2020-03-14",
    );
    assert!(has(&p, "arrest"), "{:?}", kinds(&p));
    // A name the gazetteer lacks, right after the verb, is a place taken.
    let p = drafted(
        "Somali troops captured Barire in August from al-Shabab.",
        "2017-09-29",
    );
    assert_eq!(kinds(&p)[0].0, "other", "{:?}", kinds(&p));
}

#[test]
fn an_assault_by_an_armed_group_is_an_attack() {
    let p = drafted(
        "The Houthi assaults on shipping went on in the Red Sea on Sunday.",
        "2024-07-21",
    );
    let attack = first_of(&p, "attack");
    assert_eq!(role(attack, "houthis").as_deref(), Some("perpetrator"));
    // The verb, with an armed group as its subject.
    let p = drafted(
        "Provincial officials said the Taliban has assaulted two districts in Ghazni this week.",
        "2018-04-12",
    );
    assert!(has(&p, "attack"), "{:?}", kinds(&p));
    assert!(!has(&p, "assault"), "{:?}", kinds(&p));
    // Militias' crowds storming an embassy make an assault, not an armed attack.
    let p = drafted(
        "The militias responded with assaults on the U.S. Embassy in Baghdad on Tuesday.",
        "2020-01-08",
    );
    assert!(!has(&p, "attack"), "{:?}", kinds(&p));
    // Separatists and rebels are armed hands.
    let p = drafted(
        "I condemn today's horrific assault by Russia-backed separatists on civilian \
         neighborhoods in Mariupol.",
        "2015-01-24",
    );
    assert!(has(&p, "attack"), "{:?}", kinds(&p));
    // A crowd that assaulted a compound made no armed attack.
    let p = drafted(
        "Protesters assaulted the embassy compound in Baghdad on Tuesday.",
        "2019-12-31",
    );
    assert!(!has(&p, "attack"), "{:?}", kinds(&p));
}

#[test]
fn an_assault_that_kills_people_is_an_attack() {
    let p = drafted(
        "The militants have also targeted neighbouring countries, killing almost 150 people \
         in an assault on Garissa University College in Kenya in April.",
        "2015-11-01",
    );
    assert!(
        kinds(&p).contains(&("attack".into(), Some("2015-04".into()))),
        "{:?}",
        kinds(&p)
    );
}

#[test]
fn an_assault_that_wounds_soldiers_is_an_attack() {
    let p = drafted(
        "The assault on Friday in the northern region left more than 20 soldiers wounded, \
         officials said.",
        "2022-04-08",
    );
    assert!(
        kinds(&p).contains(&("attack".into(), Some("2022-04-08".into()))),
        "{:?}",
        kinds(&p)
    );
}

#[test]
fn a_ruler_overthrown_is_told() {
    let p = drafted(
        "Bashir was later overthrown by the military in April.",
        "2019-07-29",
    );
    assert_eq!(
        kinds(&p),
        [("other".into(), Some("2019-04".into()))],
        "{p:?}"
    );
}

#[test]
fn a_coup_is_told_but_not_its_plotters() {
    let p = drafted(
        "The latest attacks come after a September 30 coup that ousted the president.",
        "2022-10-03",
    );
    assert!(
        kinds(&p).contains(&("other".into(), Some("2022-09-30".into()))),
        "{:?}",
        kinds(&p)
    );
    let p = drafted(
        "Following the incident, 2,839 soldiers were detained and 104 coup plotters were \
         killed.",
        "2016-07-18",
    );
    assert!(!has(&p, "other"), "{:?}", kinds(&p));
}

#[test]
fn a_sides_attacks_in_general_are_no_happening() {
    let p = drafted(
        "The Houthis claim their attacks are not intended to harm ship crews.",
        "2024-03-29",
    );
    assert!(!has(&p, "attack"), "{:?}", kinds(&p));
    // Dated, they are.
    let p = drafted(
        "The Houthis said their attacks on Sunday hit two ships in the Red Sea.",
        "2024-03-29",
    );
    assert!(has(&p, "attack"), "{:?}", kinds(&p));
}

#[test]
fn bombings_in_the_plural_are_told() {
    let p = drafted(
        "Two bombings killed 20 people in Baghdad on Monday.",
        "2021-01-21",
    );
    assert_eq!(
        kinds(&p),
        [("bombing".into(), Some("2021-01-18".into()))],
        "{p:?}"
    );
}

#[test]
fn a_suicide_blast_is_a_bombing() {
    let p = drafted(
        "A suicide blast killed six members of the Kurdish internal security force in April.",
        "2016-07-27",
    );
    assert_eq!(
        kinds(&p),
        [("bombing".into(), Some("2016-04".into()))],
        "{p:?}"
    );
}

#[test]
fn control_regained_and_calls_by_phone_are_told() {
    let p = drafted(
        "Afghan security forces have regained control of the city of Ghazni on Wednesday.",
        "2018-08-15",
    );
    assert_eq!(kinds(&p)[0].0, "other", "{:?}", kinds(&p));
    let p = drafted(
        "U.S. President Donald Trump spoke by phone to Khalifa Haftar on Monday.",
        "2019-04-20",
    );
    let call = first_of(&p, "meeting");
    assert_eq!(role(call, "donald-trump").as_deref(), Some("participant"));
    assert_eq!(date(call).as_deref(), Some("2019-04-15"));
}

#[test]
fn aircraft_that_targeted_someone_struck_and_a_claim_to_have_targeted_points_back() {
    let p = drafted(
        "Several hours later, warplanes targeted two militants in the southern city of Khan \
         Yunis, killing one.",
        "2012-10-21",
    );
    assert_eq!(kinds(&p)[0].0, "airstrike", "{:?}", kinds(&p));
    // Told after the attack with no date of its own: who aimed at what, of that attack.
    let p = drafted(
        "Rockets struck the base in Erbil on Monday. Kataib Hezbollah, however, said it \
         targeted the base over its American occupation.",
        "2021-02-15",
    );
    assert_eq!(p.events.len(), 1, "{:?}", kinds(&p));
    assert_eq!(p.events[0].sources.len(), 2);
    assert_eq!(
        role(&p.events[0], "kataib-hezbollah").as_deref(),
        Some("suspected")
    );
    // Nothing armed did it: no act.
    let p = drafted(
        "The new sanctions targeted the country's oil exports on Monday.",
        "2021-02-15",
    );
    assert!(p.events.is_empty(), "{:?}", kinds(&p));
}

#[test]
fn a_blast_that_makes_a_way_is_the_means_of_the_storming_police_report() {
    let p = drafted(
        "Gunmen used two car bombs to blast their way into the Sahafi hotel compound before \
         storming the building, police said.",
        "2015-11-01",
    );
    assert_eq!(kinds(&p).len(), 1, "{:?}", kinds(&p));
    assert_eq!(kinds(&p)[0].0, "attack");
}

#[test]
fn a_thing_seized_in_passing_is_no_happening_but_a_ship_seized_is_a_raid() {
    let p = drafted(
        "Al-Shabab said its fighters overran the base, killing a number of soldiers, destroying \
         a military vehicle and seizing another.",
        "2016-04-26",
    );
    let others: Vec<_> = p
        .events
        .iter()
        .filter(|e| e.event_type == "other")
        .collect();
    assert_eq!(others.len(), 1, "{:?}", kinds(&p));
    assert_eq!(
        role(others[0], "al-shabaab").as_deref(),
        Some("perpetrator")
    );
    let p = drafted(
        "The Navy says it stopped Iran from seizing two commercial tankers earlier this week.",
        "2023-07-07",
    );
    assert!(has(&p, "raid"), "{:?}", kinds(&p));
}

#[test]
fn a_side_named_in_parentheses_before_targeted_is_its_armed_doer() {
    let p = drafted(
        "A drone operated by Sudan's Rapid Support Forces (RSF) targeted a civilian gathering \
         in El Fasher on Thursday.",
        "2025-10-25",
    );
    assert_eq!(p.events.len(), 1, "{:?}", kinds(&p));
    assert_eq!(p.events[0].place.as_deref(), Some("el-fasher"));
}

#[test]
fn strikes_a_side_is_backed_by_are_no_happening() {
    let p = drafted(
        "Iraqi forces, backed by coalition airstrikes, have been fighting Islamic State \
         militants since they captured large parts of Iraq in 2014.",
        "2015-12-09",
    );
    assert!(!has(&p, "airstrike"), "{:?}", kinds(&p));
}

#[test]
fn a_killing_told_as_the_means_of_a_purpose_is_told() {
    let p = drafted(
        "The U.S. military has taken decisive defensive action to protect U.S. personnel \
         abroad by killing Qasem Soleimani, the head of the Quds Force.",
        "2020-01-02",
    );
    let killing = first_of(&p, "killing");
    assert_eq!(role(killing, "qassem-soleimani").as_deref(), Some("killed"));
    // What serves a purpose not yet served is not told: "to conduct attacks".
    let p = drafted(
        "The group continues to plot attacks to kill Americans.",
        "2020-01-02",
    );
    assert!(p.events.is_empty(), "{:?}", kinds(&p));
}

#[test]
fn what_a_strike_told_before_destroyed_is_that_strike_not_another_attack() {
    let p = drafted(
        "U.S. Africa Command conducted an airstrike targeting al-Shabaab terrorists near Jilib, \
         Somalia, July 29. An al-Shabaab compound was destroyed in the airstrike. Early \
         assessments indicate that these U.S. airstrikes destroyed the targeted facilities.",
        "2020-07-29",
    );
    assert_eq!(kinds(&p), [("airstrike".into(), Some("2020-07-29".into()))]);
    assert_eq!(p.events[0].sources.len(), 3);
}

#[test]
fn what_is_struck_after_a_strike_told_before_is_another_attack() {
    let p = drafted(
        "U.S. Africa Command conducted an airstrike targeting al-Shabaab terrorists near Jilib, \
         Somalia, July 29. After the airstrike, al-Shabaab fighters struck a Somali army convoy \
         near Jilib.",
        "2020-07-29",
    );
    let attack = first_of(&p, "attack");
    assert_eq!(role(attack, "al-shabaab").as_deref(), Some("perpetrator"));
    assert_eq!(p.events.len(), 2);
}

#[test]
fn a_demonstrative_before_adjectives_joined_by_and_points_back() {
    let p = drafted(
        "Last night, three U.S. service members were killed during a drone attack on our \
         forces stationed in northeast Jordan. We grieve the loss of these warriors in this \
         despicable and wholly unjust attack.",
        "2024-01-28",
    );
    assert_eq!(
        kinds(&p),
        [("drone-strike".into(), Some("2024-01-27/2024-01-28".into()))]
    );
    // "this attack follows reports of airstrikes": a phrase of its own, not adjectives.
    let p = drafted(
        "A military airstrike in the Sagaing region killed more than 50 people on Tuesday. \
         This attack follows reports of airstrikes in Chin State on April 10.",
        "2023-04-11",
    );
    assert_eq!(p.events.len(), 2);
}

#[test]
fn a_place_after_another_cue_does_not_set_a_reference_back_apart() {
    let p = drafted(
        "A car bomb killed 30 people in Sanaa today. This attack follows a bomb attack in Ibb \
         on 31 December.",
        "2015-01-07",
    );
    let sanaa = first_of(&p, "bombing");
    assert_eq!(sanaa.sources.len(), 2, "{:?}", kinds(&p));
    let ibb = first_of(&p, "attack");
    assert_eq!(date(ibb).as_deref(), Some("2014-12-31"));
}

#[test]
fn a_number_of_acts_with_their_days_set_off_are_told() {
    let p = drafted(
        "This follows a number of recent bomb attacks targeting Houthis, in Ibb on 31 December \
         and in Dhamar on 4 January.",
        "2015-01-07",
    );
    let days: Vec<_> = p.events.iter().filter_map(date).collect();
    assert_eq!(days, ["2014-12-31", "2015-01-04"]);
    // The number of attacks, in general, tells none.
    let p = drafted(
        "The number of attacks against aid workers has risen.",
        "2015-01-07",
    );
    assert!(p.events.is_empty(), "{:?}", kinds(&p));
}

#[test]
fn a_killing_by_armed_hands_with_nothing_told_before_is_a_killing() {
    let p = drafted(
        "Sudanese security forces shot and killed five people on Monday after using live \
         ammunition to put an end to protests, organizers said.",
        "2019-07-29",
    );
    let killing = first_of(&p, "killing");
    assert_eq!(date(killing).as_deref(), Some("2019-07-29"));
    // A toll with no doer, no place and nothing before it is no happening of its own.
    let p = drafted("Five people were killed, organizers said.", "2019-07-29");
    assert!(!has(&p, "killing"));
}

#[test]
fn a_participle_after_a_comma_tells_how_the_act_before_was_done() {
    let p = drafted(
        "Officials in Mali said fighters struck before dawn Monday on Nampala, storming the \
         town.",
        "2015-01-05",
    );
    assert_eq!(kinds(&p), [("attack".into(), Some("2015-01-05".into()))]);
    // A crowd storming a compound is no armed act.
    let p = drafted(
        "Protesters gathered outside the embassy on Monday, storming the compound.",
        "2015-01-05",
    );
    assert!(!has(&p, "attack"), "{:?}", kinds(&p));
}

#[test]
fn barrages_and_volleys_count_acts_out() {
    each_drafts(
        &[
            "Militants fired fresh barrages of rockets into Israel on Wednesday.",
            "Militants fired volleys of rockets into Israel on Wednesday.",
        ],
        "2019-11-13",
        &[("rocket-attack", "2019-11-13")],
    );
}

#[test]
fn car_bombs_that_did_harm_are_a_bombing() {
    let p = drafted(
        "Also in Syria Sunday, car bombs wounded 27 people in two government-controlled \
         neighborhoods in the city of Homs.",
        "2015-06-14",
    );
    assert_eq!(kinds(&p), [("bombing".into(), Some("2015-06-14".into()))]);
    // Car bombs named in passing are no act.
    let p = drafted(
        "The group is known for its use of car bombs against government targets.",
        "2015-06-14",
    );
    assert!(p.events.is_empty(), "{:?}", kinds(&p));
}

#[test]
fn the_base_seized_after_an_attack_on_it_is_how_the_attack_went() {
    let p = drafted(
        "Militants attacked an army camp in the village of Dioura on Sunday, killing 23 \
         soldiers. Suspected jihadists briefly seized the base.",
        "2019-03-18",
    );
    assert_eq!(kinds(&p), [("attack".into(), Some("2019-03-17".into()))]);
    assert_eq!(p.events[0].sources.len(), 2);
    // So is a district centre overrun.
    let p = drafted(
        "A pre-dawn Taliban attack has killed a district governor in Ghazni. Officials said \
         scores of insurgents participated in Thursday's coordinated assault on the governor's \
         office and they overran the district center.",
        "2018-04-12",
    );
    assert!(!has(&p, "other"), "{:?}", kinds(&p));
    // A town seized with nothing attacked before is a happening of its own.
    let p = drafted("Rebels seized the town of Kidal on Sunday.", "2019-03-18");
    assert_eq!(kinds(&p), [("other".into(), Some("2019-03-17".into()))]);
}

#[test]
fn what_an_act_is_said_to_be_is_that_act() {
    let p = drafted(
        "Russia's assault on Ukraine is an unprovoked, premeditated attack against a sovereign \
         democratic state.",
        "2022-02-24",
    );
    let acts = acts(&p);
    assert_eq!(acts.len(), 1, "{acts:?}");
}

#[test]
fn the_assault_after_an_armed_attack_is_that_attack() {
    let p = drafted(
        "The United States remembers the 21 lives lost in the horrific terrorist attack on the \
         DusitD2 Hotel complex in Nairobi on January 15. We again commend the response by the \
         Kenyan security services who rescued hundreds of innocent civilians and ended the \
         assault.",
        "2019-01-20",
    );
    assert!(!has(&p, "assault"), "{:?}", kinds(&p));
    assert_eq!(first_of(&p, "attack").sources.len(), 2);
}

#[test]
fn this_points_at_the_act_told_last_whatever_word_names_it() {
    let p = drafted(
        "Russian forces launched an attack on Ukraine on Thursday. We will continue to \
         support the Ukrainian government in the face of this assault on their sovereignty.",
        "2022-02-24",
    );
    assert!(!has(&p, "assault"), "{:?}", kinds(&p));
    assert_eq!(first_of(&p, "attack").sources.len(), 2);
}

#[test]
fn acts_said_in_general_to_be_wrong_are_no_act() {
    for text in [
        "Direct or indiscriminate attacks against civilians are prohibited under international \
         humanitarian law.",
        "Attacks on civilians throughout Sudan must stop now.",
    ] {
        let p = drafted(text, "2018-01-24");
        assert!(!has(&p, "attack"), "{text}: {:?}", kinds(&p));
    }
    // Acts told in the present with a count are still told.
    let p = drafted(
        "Three rocket attacks on the base are under investigation after they wounded two \
         soldiers.",
        "2018-01-24",
    );
    assert!(has(&p, "rocket-attack"), "{:?}", kinds(&p));
}

#[test]
fn acts_called_on_to_cease_are_no_act() {
    let p = drafted(
        "The leaders face a choice: escalate the violence, or cease attacks and allow \
         humanitarian access.",
        "2024-04-24",
    );
    assert!(!has(&p, "attack"), "{:?}", kinds(&p));
}

#[test]
fn a_resolution_hoped_for_or_cited_by_number_is_no_decision() {
    let p = drafted(
        "We again remind all parties that violence impedes the hope for a lasting political \
         resolution to the conflict in Syria in line with UN Security Council resolution 2254.",
        "2020-07-20",
    );
    assert!(!has(&p, "resolution"), "{:?}", kinds(&p));
    let p = drafted(
        "The Security Council on Friday unanimously adopted resolution 2254 on Syria.",
        "2015-12-19",
    );
    assert!(has(&p, "resolution"), "{:?}", kinds(&p));
}

#[test]
fn previous_acts_named_in_passing_are_no_act() {
    let p = drafted(
        "The United States strongly condemns the recent attacks in northeastern Nigeria \
         inflicted by Boko Haram that took the lives of six people in a church in Potiskum, as \
         well as more than 140 lives near a Mosque in Kukawa. We offer our deepest sympathy and \
         condolences to the families and the friends of the victims. We will continue to \
         support Nigeria’s efforts to bring those responsible for these attacks, as well as \
         previous attacks, to justice.",
        "2015-07-05",
    );
    assert_eq!(kinds_of(&p, "attack").len(), 1, "{:?}", kinds(&p));
    // The previous attack, named, may still be told.
    let p = drafted(
        "Gunmen killed four villagers on Sunday, a week after previous attacks killed 12 in \
         the same district.",
        "2015-07-05",
    );
    assert!(!p.events.is_empty(), "{:?}", kinds(&p));
}

#[test]
fn means_of_attack_deployed_are_no_deployment() {
    let p = drafted(
        "It has deployed bomb attacks against government, military and civilian targets.",
        "2018-01-03",
    );
    assert!(!has(&p, "deployment"), "{:?}", kinds(&p));
    let p = drafted(
        "The Pentagon deployed 3,000 troops to the region on Sunday.",
        "2020-01-05",
    );
    assert!(has(&p, "deployment"), "{:?}", kinds(&p));
}

#[test]
fn forces_that_are_deployed_now_are_no_deployment() {
    // Where a ship is, told in the present, is a state of affairs; forces sent are an act.
    let p = drafted(
        "Homeported in Norfolk, Virginia, USS Mason is deployed as part of the Eisenhower \
         Carrier Strike Group.",
        "2016-10-12",
    );
    assert!(!has(&p, "deployment"), "{:?}", kinds(&p));
    let p = drafted(
        "A UK police team has also been deployed to assist with the identification of victims.",
        "2015-06-27",
    );
    assert!(has(&p, "deployment"), "{:?}", kinds(&p));
}

#[test]
fn fighting_placed_is_a_clash_and_attacks_on_a_target_beside_it_another_act() {
    let p = drafted(
        "Speaking after heavy fighting erupted in Juba on 9 and 10 July, Minister for Africa, \
         James Duddridge, said:\n\nI strongly condemn the widespread fighting in Juba and am \
         particularly shocked by the attacks on UN bases.",
        "2016-07-11",
    );
    assert_eq!(
        date(first_of(&p, "armed-clash")).as_deref(),
        Some("2016-07-10")
    );
    let attack = first_of(&p, "attack");
    assert_eq!(role(attack, "united-nations").as_deref(), Some("target"));
    // A side fighting another, or the fight against a group, is no clash told.
    for text in [
        "Iraqi forces, backed by coalition airstrikes, have been fighting Islamic State \
         militants since 2014.",
        "The coalition remains committed to the fighting against ISIS in Iraq.",
    ] {
        let p = drafted(text, "2015-12-09");
        assert!(!has(&p, "armed-clash"), "{text}: {:?}", kinds(&p));
    }
}

#[test]
fn the_means_of_an_act_yet_to_come_are_not_done_either() {
    let p = drafted(
        "Meanwhile, the militia declared it would retaliate, by launching rocket attacks on the \
         city and sending suicide bombers to its markets.",
        "2021-06-02",
    );
    assert!(!has(&p, "rocket-attack"), "{:?}", kinds(&p));
    assert!(!has(&p, "bombing"), "{:?}", kinds(&p));
    // Done, they are acts.
    let p = drafted(
        "On Tuesday the militia retaliated, by launching rocket attacks on the city.",
        "2021-06-02",
    );
    assert!(has(&p, "rocket-attack"), "{:?}", kinds(&p));
}

#[test]
fn a_deployment_one_means_to_support_is_not_yet_done() {
    let p = drafted(
        "President Biden reiterated the United States' commitment to support the expedited \
         deployment of the Kenyan-led Multinational Security Support Mission.",
        "2024-05-24",
    );
    assert!(!has(&p, "deployment"), "{:?}", kinds(&p));
    let p = drafted(
        "The military in Myanmar continues to escalate its use of violence to support its coup.",
        "2021-03-01",
    );
    assert!(has(&p, "other"), "{:?}", kinds(&p));
}

#[test]
fn strikes_authorized_for_a_day_are_told_done() {
    let p = drafted(
        "\"At the direction of President Biden, I authorized US Central Command forces to \
         conduct precision airstrikes tonight in eastern Syria,\" said Secretary of Defense \
         Lloyd J. Austin III.",
        "2023-03-23",
    );
    assert!(has(&p, "airstrike"), "{:?}", kinds(&p));
    // With no day, what one is authorized to do is not yet done.
    let p = drafted(
        "Congress authorized the president to conduct airstrikes against the group.",
        "2023-03-23",
    );
    assert!(!has(&p, "airstrike"), "{:?}", kinds(&p));
}

#[test]
fn the_act_named_after_including_is_one_of_the_many_told_for_itself() {
    let p = drafted(
        "ISIS attacks continued throughout Iraq, including the attack yesterday in Makhmour \
         district that took the lives of 10 Peshmerga and three civilians.",
        "2021-12-03",
    );
    let attacks = kinds_of(&p, "attack");
    assert_eq!(attacks.len(), 2, "{attacks:?}");
    // Pointing back across sentences too: the attack told before and the one included.
    let p = drafted(
        "ISIS fighters attacked a Peshmerga post in Kirkuk on Monday. Attacks went on all \
         week, including the attack yesterday in Makhmour district.",
        "2021-12-03",
    );
    assert!(
        p.events
            .iter()
            .any(|e| date(e).as_deref() == Some("2021-12-02")),
        "{:?}",
        kinds(&p)
    );
}

#[test]
fn a_battle_the_text_places_is_a_clash() {
    let p = drafted(
        "On Sunday, the U.S. military said Iraqi and coalition troops killed four al-Qaida \
         militants and captured 58 others in a battle in northwestern Iraq.",
        "2008-07-28",
    );
    assert_eq!(
        date(first_of(&p, "armed-clash")).as_deref(),
        Some("2008-07-27")
    );
    // A battle neither placed nor dated, sparked by an attack told before, is that attack's.
    let p = drafted(
        "Al-Shabab attacked two bases before dawn Friday. Somali government forces at the base \
         responded to the attack, sparking a deadly gun battle.",
        "2020-01-17",
    );
    assert!(!has(&p, "armed-clash"), "{:?}", kinds(&p));
    // The battle against a group is no clash told.
    let p = drafted(
        "The battle against ISIS in Iraq is far from over.",
        "2016-01-01",
    );
    assert!(!has(&p, "armed-clash"), "{:?}", kinds(&p));
    // An offensive launched, and firefights, are clashes.
    for text in [
        "The Somali National Army said Monday that troops launched a fresh offensive against \
         al-Shabab in the central Hiran region over the weekend.",
        "Commanders said that fierce firefights between the military and al-Shabab began early \
         Saturday in the village of Aborey.",
    ] {
        let p = drafted(text, "2022-09-20");
        assert!(has(&p, "armed-clash"), "{text}: {:?}", kinds(&p));
    }
    // An offensive only feared is none.
    let p = drafted(
        "We are alarmed by indications of an imminent offensive by the Rapid Support Forces.",
        "2024-06-01",
    );
    assert!(!has(&p, "armed-clash"), "{:?}", kinds(&p));
}

#[test]
fn who_summons_an_envoy_takes_part_and_does_no_harm() {
    let p = drafted(
        "The Foreign, Commonwealth and Development Office summoned the Rwandan High \
         Commissioner yesterday (18 February).",
        "2025-02-19",
    );
    let summons = first_of(&p, "other");
    assert_eq!(role(summons, "fcdo").as_deref(), Some("participant"));
    assert!(summons.actors.iter().all(|a| a.role != "perpetrator"));
}

#[test]
fn the_means_an_attack_used_gives_its_kind_however_far_after() {
    let p = drafted(
        "I join my European counterparts in condemning in the strongest terms today's horrific \
         assault by Russia-backed separatists on civilian neighborhoods in Mariupol, a \
         peaceful city 25 kilometers outside of the Minsk ceasefire line, using Grad rocket \
         systems and other advanced weaponry. With smoke rising from apartment buildings and \
         playgrounds from over 40 rounds of powerful rockets, media are reporting over 100 \
         wounded.",
        "2015-01-24",
    );
    let acts = acts(&p);
    assert_eq!(
        acts,
        [("rocket-attack".into(), Some("2015-01-24".into()))],
        "{acts:?}"
    );
}

#[test]
fn security_forces_answering_an_attack_on_the_spot_are_a_happening() {
    let p = drafted(
        "We commend the response of the Somali security forces that quickly ended the attack \
         and restored order.",
        "2018-07-09",
    );
    let response = first_of(&p, "other");
    assert!(response.actors.iter().all(|a| a.role != "perpetrator"));
    let p = drafted(
        "We commend the bravery of the security personnel who responded to the situation and \
         prevented even worse loss of life.",
        "2016-01-17",
    );
    assert!(has(&p, "other"), "{:?}", kinds(&p));
    // A response in words, or one "to" something, is none.
    for text in [
        "The ministry's response to the report was swift.",
        "In response to the attack, the United States conducted airstrikes on Friday.",
    ] {
        let p = drafted(text, "2018-07-09");
        assert!(!has(&p, "other"), "{text}: {:?}", kinds(&p));
    }
}

#[test]
fn a_ceasefire_agreed_or_reached_somewhere_is_an_agreement() {
    for text in [
        "They reaffirmed their commitment to abide by the humanitarian ceasefire agreed in \
         Moscow on October 10.",
        "They reaffirmed the cease-fire reached in Moscow on October 10.",
    ] {
        let p = drafted(text, "2020-10-25");
        let agreement = first_of(&p, "agreement");
        assert_eq!(date(agreement).as_deref(), Some("2020-10-10"), "{text}");
        assert_eq!(agreement.place.as_deref(), Some("moscow"), "{text}");
    }
    // A ceasefire called for is no agreement.
    let p = drafted("We call for an immediate ceasefire.", "2020-10-25");
    assert!(!has(&p, "agreement"), "{:?}", kinds(&p));
}

#[test]
fn a_deal_signed_struck_or_agreed_is_an_agreement() {
    let p = drafted(
        "A cease-fire deal was signed among the Mali government, its allies, and northern \
         separatist groups last year, but violations of the agreement have continued.",
        "2015-07-02",
    );
    assert_eq!(date(first_of(&p, "agreement")).as_deref(), Some("2014"));
    let p = drafted(
        "The Yemeni Government and Southern Transitional Council put the Yemeni people first \
         by agreeing a ceasefire on Monday.",
        "2020-06-24",
    );
    assert_eq!(
        date(first_of(&p, "agreement")).as_deref(),
        Some("2020-06-22")
    );
    // Soldiers who "received reinforcement" were reinforced: a deployment.
    let p = drafted(
        "He said soldiers have received reinforcement and are ready to defend the towns.",
        "2015-05-16",
    );
    assert!(has(&p, "deployment"), "{:?}", kinds(&p));
    // A deal only hoped for is none.
    let p = drafted(
        "We urge the parties to reach a peace deal without further delay.",
        "2015-07-02",
    );
    assert!(!has(&p, "agreement"), "{:?}", kinds(&p));
}

#[test]
fn assault_rifles_are_weapons_not_an_assault() {
    let p = drafted(
        "Militants armed with assault rifles killed a police officer in Peshawar overnight.",
        "2023-07-20",
    );
    assert_eq!(kinds_of(&p, "assault"), []);
    assert_eq!(
        kinds_of(&p, "killing"),
        [("killing".into(), Some("2023-07-19/2023-07-20".into()))]
    );
    // Guns and weapons, as rifles.
    let p = drafted(
        "Akot said men engaged in the fighting fired 12.7-millimeter assault guns, PK machine \
         guns, and rocket-propelled grenades.",
        "2020-12-14",
    );
    assert_eq!(kinds_of(&p, "assault"), []);
    let p = drafted("A mob assaulted the embassy on Tuesday.", "2023-07-20");
    assert_eq!(
        kinds_of(&p, "assault"),
        [("assault".into(), Some("2023-07-18".into()))]
    );
}

#[test]
fn shot_dead_and_gunned_down_are_killings() {
    each_drafts(
        &[
            "Gunmen shot dead a police officer in Peshawar on Tuesday.",
            "Gunmen gunned down a police officer in Peshawar on Tuesday.",
        ],
        "2023-07-20",
        &[("killing", "2023-07-18")],
    );
}

#[test]
fn a_car_bomber_is_a_bombing_whatever_verb_tells_it() {
    each_drafts(
        &["A suicide car bomber hit an Afghan police convoy Friday night in Kandahar."],
        "2018-01-27",
        &[("bombing", "2018-01-26")],
    );
    each_drafts(
        &["Tuesday, a suicide car bomber targeted a truck carrying soldiers in Peshawar."],
        "2018-01-27",
        &[("bombing", "2018-01-23")],
    );
}

#[test]
fn battled_and_fought_are_clashes_unless_counted_since_a_start() {
    each_drafts(
        &[
            "Militants battled with Kurdish security forces for hours on Friday.",
            "Militants fought Kurdish security forces for hours on Friday.",
        ],
        "2016-10-22",
        &[("armed-clash", "2016-10-21")],
    );
    let p = drafted(
        "Troops from Burundi and Uganda make up the bulk of the African Union force that has \
         battled al-Shabab in Somalia since 2007.",
        "2015-06-26",
    );
    assert_eq!(kinds(&p), [], "{:?}", kinds(&p));
    // A tribute: no opponent, no fight told.
    let p = drafted(
        "The families will take pride in knowing that their loved ones fought and died \
         bravely in defense of our Nation.",
        "2018-05-10",
    );
    assert!(!has(&p, "armed-clash"), "{:?}", kinds(&p));
}

#[test]
fn common_words_of_violence_are_cues() {
    for (text, ty) in [
        (
            "Gunmen stabbed two people in Jerusalem on Tuesday.",
            "attack",
        ),
        ("Militants torched a church in Maradi on Tuesday.", "attack"),
        (
            "Militants set fire to a church in Maradi on Tuesday.",
            "attack",
        ),
        ("Some homes were set on fire on Tuesday.", "attack"),
        (
            "An attacker rammed a car into pedestrians on Tuesday.",
            "attack",
        ),
        ("Government forces bombarded the town on Tuesday.", "attack"),
        ("Militants beheaded a hostage on Tuesday.", "killing"),
        (
            "Twelve villagers were hacked to death on Tuesday.",
            "killing",
        ),
        (
            "A man was stabbed to death in Jerusalem on Tuesday.",
            "killing",
        ),
        (
            "Gunmen massacred villagers in Ogossagou on Tuesday.",
            "killing",
        ),
        (
            "Insurgents fired mortars at the base on Tuesday.",
            "rocket-attack",
        ),
        ("Gunmen hijacked a bus near Kidal on Tuesday.", "other"),
    ] {
        each_drafts(&[text], "2019-06-12", &[(ty, "2019-06-11")]);
    }
    // Told as how an attack told before went, they stay that attack.
    let p = drafted(
        "Militants attacked a military base in Leego on Tuesday. The assailants also set fire \
         to military vehicles and tents.",
        "2019-06-12",
    );
    assert_eq!(kinds(&p).len(), 1, "{:?}", kinds(&p));
}

#[test]
fn a_raid_by_forces_stays_a_raid_whoever_it_kills() {
    let p = drafted(
        "U.S. forces yesterday killed seven militants during a raid against a compound in \
         Marib governorate.",
        "2017-05-23",
    );
    assert_eq!(kinds(&p), [("raid".into(), Some("2017-05-22".into()))]);
    // Militants raiding a base, soldiers killed: an attack.
    let p = drafted(
        "At least 20 Somali government soldiers were killed when al-Shabab raided a military \
         base on Sunday.",
        "2019-09-23",
    );
    assert_eq!(kinds(&p), [("attack".into(), Some("2019-09-22".into()))]);
}

#[test]
fn a_dated_blast_that_killed_is_a_happening_where_the_gazetteer_has_no_place() {
    let p = drafted(
        "A blast at a mosque in Khost killed 12 people on Sunday.",
        "2018-05-06",
    );
    assert_eq!(kinds(&p), [("killing".into(), Some("2018-05-06".into()))]);
}

#[test]
fn a_subheading_drafts_nothing_of_its_own() {
    let p = drafted(
        "A blast at a mosque in Khost killed 12 people on Sunday.\n\nIndian engineers \
         kidnapped\n\nGunmen kidnapped six Indian engineers in Baghlan province on Sunday.",
        "2018-05-06",
    );
    assert_eq!(
        kinds(&p),
        [
            ("killing".into(), Some("2018-05-06".into())),
            ("other".into(), Some("2018-05-06".into()))
        ],
        "{:?}",
        kinds(&p)
    );
    assert!(p.events.iter().all(|e| e
        .sources
        .iter()
        .all(|s| s.quote != "Indian engineers kidnapped")));
}

#[test]
fn a_phone_call_to_someone_is_a_meeting() {
    for text in [
        "U.S. Secretary of State John Kerry made clear, in a phone call to Egyptian Foreign \
         Minister Sameh Shoukry on Sunday, that the United States stands with Egypt.",
        "The minister made a telephone call to his Egyptian counterpart on Sunday.",
    ] {
        let p = drafted(text, "2016-12-12");
        let meetings: Vec<_> = kinds_of(&p, "meeting")
            .into_iter()
            .map(|(_, d)| d)
            .collect();
        assert_eq!(
            meetings,
            [Some("2016-12-11".to_string())],
            "{text}: {:?}",
            kinds(&p)
        );
    }
}

#[test]
fn people_killed_by_a_group_named_after_by_are_its_killing() {
    for (text, doer) in [
        (
            "Six hostages killed by Hamas terrorists were recovered from a tunnel.",
            "hamas",
        ),
        (
            "The bodies of three aid workers killed by Houthi militants were found.",
            "houthis",
        ),
        // "One of …" counts the killed, not a class the act is ranked in.
        (
            "We have now confirmed that one of the hostages killed by these vicious Hamas \
             terrorists was an American citizen.",
            "hamas",
        ),
    ] {
        let p = drafted(text, "2024-08-31");
        let killing = first_of(&p, "killing");
        assert_eq!(
            role(killing, doer).as_deref(),
            Some("perpetrator"),
            "{text}: {:?}",
            kinds(&p)
        );
    }
}

#[test]
fn a_car_bomb_destroyed_by_strikes_is_a_thing_struck_not_a_bombing() {
    let p = drafted(
        "-- Near Raqqah, 13 strikes engaged 10 ISIL tactical units, destroyed seven fighting \
         positions, three vehicles, a car bomb and damaged a supply route.",
        "2016-12-24",
    );
    assert!(!has(&p, "bombing"), "{:?}", kinds(&p));
    assert!(has(&p, "attack"), "{:?}", kinds(&p));
    let p = drafted(
        "-- Near Mosul, three strikes destroyed a weapons cache and a car bomb factory.",
        "2016-12-24",
    );
    assert!(!has(&p, "bombing"), "{:?}", kinds(&p));
    // A car bomb that went off is one.
    let p = drafted(
        "A car bomb exploded near a market in Kabul on Thursday.",
        "2016-12-24",
    );
    assert!(has(&p, "bombing"), "{:?}", kinds(&p));
}

#[test]
fn arms_counted_destroyed_or_seized_after_them_are_no_attack() {
    for text in [
        "In Iraq, partner forces destroyed more than 600 IEDs throughout the Anbar province.",
        "Dozens of firearms, rockets and improvised explosive devices as well as ammunition \
         were also seized.",
    ] {
        let p = drafted(text, "2019-01-15");
        assert!(p.events.is_empty(), "{text}: {:?}", kinds(&p));
    }
    // Rockets fired are an attack, whatever happened to them after.
    let p = drafted(
        "Militants fired rockets that were intercepted over the city on Monday.",
        "2019-01-15",
    );
    assert!(has(&p, "rocket-attack"), "{:?}", kinds(&p));
}

#[test]
fn forces_engaged_are_a_clash_but_craft_engaged_and_talks_are_not() {
    let p = drafted(
        "In coordination with the Federal Government of Somalia, U.S. Africa Command conducted \
         an airstrike against al-Shabaab terrorists who engaged Somali National Army partner \
         forces on patrol near Bacaw, Somalia, Jan. 3.",
        "2020-01-03",
    );
    let clash = first_of(&p, "armed-clash");
    assert_eq!(role(clash, "al-shabaab").as_deref(), Some("perpetrator"));
    assert_eq!(
        role(clash, "somali-national-army").as_deref(),
        Some("target")
    );
    assert!(has(&p, "airstrike"), "{:?}", kinds(&p));
    for text in [
        "U.S. forces engaged six Houthi unmanned aerial vehicles over the Red Sea on Monday.",
        "The two governments engaged in talks in Doha on Monday.",
    ] {
        let p = drafted(text, "2024-03-23");
        assert!(!has(&p, "armed-clash"), "{text}: {:?}", kinds(&p));
    }
}

#[test]
fn what_a_killing_is_said_to_be_is_no_happening_of_its_own() {
    let p = drafted(
        "Gunmen killed Lokman Slim in Lebanon on Wednesday. This assassination was not just a \
         brutal assault on an individual, but a cowardly attack on the principles of \
         democracy. It is also an attack on Lebanon itself.",
        "2021-02-04",
    );
    assert_eq!(kinds(&p).len(), 1, "{:?}", kinds(&p));
    assert!(has(&p, "killing"), "{:?}", kinds(&p));
    // "it’s" is "it is".
    let p = drafted(
        "Insurgents attacked the British Council in Kabul on Friday. The Prime Minister spoke \
         to his counterpart. “This is a particularly vicious and cowardly attack but it’s an \
         attack that hasn’t succeeded.",
        "2011-08-19",
    );
    assert_eq!(kinds_of(&p, "attack").len(), 1, "{:?}", kinds(&p));
    // An attack told on its own, with nothing before it to point to, is one.
    let p = drafted(
        "It was an attack on a hospital in Kyiv on Monday.",
        "2021-02-04",
    );
    assert!(has(&p, "attack"), "{:?}", kinds(&p));
}

#[test]
fn a_siege_laid_and_a_landmine_hit_are_acts_but_mines_found_are_not() {
    let p = drafted(
        "The militants laid siege to a hotel in central Mali last week, leaving 17 people dead.",
        "2015-08-12",
    );
    assert!(has(&p, "attack"), "{:?}", kinds(&p));
    let p = drafted(
        "On August 10, three Malian soldiers were killed in central Mali when their patrol \
         vehicle hit a landmine.",
        "2015-08-12",
    );
    assert_eq!(
        kinds_of(&p, "bombing"),
        [("bombing".to_string(), Some("2015-08-10".to_string()))]
    );
    let p = drafted(
        "Engineers cleared a landmine near the road in central Mali on Monday.",
        "2015-08-12",
    );
    assert!(!has(&p, "bombing"), "{:?}", kinds(&p));
}

#[test]
fn a_killing_on_a_day_of_its_own_beside_a_bombing_is_not_its_toll() {
    let p = drafted(
        "The militants attacked a hotel in Sevare on August 7, killing 13 people. On August 9, \
         gunmen killed 10 civilians in a village in Northern Mali, and on August 10, three \
         Malian soldiers were killed in central Mali when their patrol vehicle hit a landmine.",
        "2015-08-12",
    );
    assert_eq!(days_of(&p, "killing"), ["2015-08-09"], "{:?}", kinds(&p));
    assert_eq!(days_of(&p, "bombing"), ["2015-08-10"], "{:?}", kinds(&p));
    // On the bombing's own day, the killed are its toll.
    let p = drafted(
        "On August 10, three Malian soldiers were killed in central Mali when their patrol \
         vehicle hit a landmine.",
        "2015-08-12",
    );
    assert!(!has(&p, "killing"), "{:?}", kinds(&p));
}

#[test]
fn an_agreement_still_to_reach_is_none_but_one_reached_is() {
    let p = drafted(
        "The parties have a responsibility to the communities in Mali to reach a durable peace \
         agreement.",
        "2015-04-29",
    );
    assert!(!has(&p, "agreement"), "{:?}", kinds(&p));
    let p = drafted(
        "The two sides reached a peace agreement in Algiers on Monday.",
        "2015-04-29",
    );
    assert_eq!(days_of(&p, "agreement"), ["2015-04-27"], "{:?}", kinds(&p));
}

#[test]
fn a_government_overthrown_in_a_coup_is_one_coup() {
    let p = drafted(
        "One year ago, the Burmese military overthrew the democratically elected Government, \
         and seized power in a coup d'etat.",
        "2022-01-31",
    );
    assert_eq!(kinds_of(&p, "other").len(), 1, "{:?}", kinds(&p));
    // Kinds of other with nothing in common stay two.
    let p = drafted(
        "Troops overthrew the government on Monday, and jets began harassing U.S. drones on \
         Tuesday.",
        "2022-01-31",
    );
    assert_eq!(kinds_of(&p, "other").len(), 2, "{:?}", kinds(&p));
}

#[test]
fn a_reporter_speaking_with_fighters_is_no_meeting() {
    let p = drafted(
        "VOA’s Kawa Omar spoke with some of the Peshmerga fighters in Tel Asqof on Tuesday.",
        "2016-05-03",
    );
    assert!(!has(&p, "meeting"), "{:?}", kinds(&p));
    // A leader who speaks with another meets.
    let p = drafted(
        "Iraq's prime minister spoke with Peshmerga commanders in Erbil on Tuesday.",
        "2016-05-03",
    );
    assert!(has(&p, "meeting"), "{:?}", kinds(&p));
}

#[test]
fn two_acts_each_with_a_day_of_its_own_are_two() {
    let p = drafted(
        "The shooting of a pastor and his pregnant wife on June 1 and the killing of an imam on \
         June 5 shocked Taraba State.",
        "2020-06-16",
    );
    assert_eq!(
        days_of(&p, "killing"),
        ["2020-06-01", "2020-06-05"],
        "{:?}",
        kinds(&p)
    );
    // Strikes counted by day in a list stay one to a day.
    let p = drafted(
        "These include air strikes May 25, two airstrikes June 23 and 30, and one Aug. 14.",
        "2018-08-30",
    );
    assert_eq!(
        days_of(&p, "airstrike"),
        ["2018-05-25", "2018-06-23", "2018-06-30", "2018-08-14"],
        "{:?}",
        kinds(&p)
    );
}

#[test]
fn a_claim_that_tells_the_bombing_again_is_the_same_bombing() {
    let p = drafted(
        "A suicide bomb attack Friday targeted a foreign military convoy in Kabul. The Taliban \
         took responsibility for the bombing on a busy road linking Kabul to the eastern city \
         of Jalalabad, saying a suicide bomber detonated his explosives-packed car near the \
         foreign military convoy.",
        "2019-05-31",
    );
    assert_eq!(acts(&p).len(), 1, "{:?}", kinds(&p));
    // A second act the claimant tells with a day of its own is another.
    let p = drafted(
        "A suicide bomb attack Friday targeted a foreign military convoy in Kabul. The Taliban \
         took responsibility for the bombing, saying its fighters also bombed a checkpoint in \
         Ghazni on Thursday.",
        "2019-05-31",
    );
    assert_eq!(acts(&p).len(), 2, "{:?}", kinds(&p));
}

#[test]
fn a_district_taken_during_the_fighting_is_the_fighting() {
    let p = drafted(
        "Meanwhile, fierce clashes were continuing in the northwestern province of Badghis where \
         the Taliban fighters have taken control of the embattled strategic Bala Murghab \
         district during overnight fighting with Afghan forces.",
        "2019-05-31",
    );
    assert_eq!(kinds(&p).len(), 1, "{:?}", kinds(&p));
    assert!(has(&p, "armed-clash"), "{:?}", kinds(&p));
    // Taken with no fighting told, the taking is a happening of its own.
    let p = drafted(
        "The Taliban fighters have taken control of the Bala Murghab district on Thursday.",
        "2019-05-31",
    );
    assert!(has(&p, "other"), "{:?}", kinds(&p));
}

#[test]
fn earlier_that_day_opens_another_happening() {
    let p = drafted(
        "Eight civilian military contractors were killed late Friday during an attack on Camp \
         Integrity in Kabul. Earlier Friday, a Taliban suicide bomber blew himself up in a crowd \
         of cadets at an Afghan police academy in Kabul.",
        "2015-08-10",
    );
    assert_eq!(acts(&p).len(), 2, "{:?}", kinds(&p));
    // "Earlier" with no day of its own goes on with the happening told.
    let p = drafted(
        "A Taliban suicide bomber blew himself up at an Afghan police academy in Kabul on \
         Friday. Earlier, the bomber had been seen near the gate, police said.",
        "2015-08-10",
    );
    assert_eq!(acts(&p).len(), 1, "{:?}", kinds(&p));
}

#[test]
fn the_early_morning_raid_is_the_raid_told_before() {
    let p = drafted(
        "U.S. special forces conducted a helicopter raid early Thursday near the village of \
         Qamishli. Activists said that the early morning U.S. raid took place in the village of \
         Moluk Saray, about 17 kilometers south of Qamishli, and that the target was killed \
         after refusing to surrender.",
        "2022-10-07",
    );
    assert_eq!(kinds(&p).len(), 1, "{:?}", kinds(&p));
    // Far from "the", with no time of day between, the cue is told anew.
    let p = drafted(
        "U.S. special forces conducted a helicopter raid early Thursday near the village of \
         Qamishli. On Friday the Iraqi army's commandos carried out a raid in Mosul.",
        "2022-10-07",
    );
    assert_eq!(kinds(&p).len(), 2, "{:?}", kinds(&p));
}

#[test]
fn people_captured_just_after_a_raid_were_taken_in_it() {
    let p = drafted(
        "U.S. special forces conducted a helicopter raid early Thursday near the village of \
         Qamishli. CENTCOM said the target of the operation was killed. Two other associates \
         were captured.",
        "2022-10-07",
    );
    assert_eq!(
        kinds(&p),
        [("raid".to_string(), Some("2022-10-06".to_string()))]
    );
    // An arrest on a day of its own is another happening.
    let p = drafted(
        "U.S. special forces conducted a helicopter raid early Thursday near the village of \
         Qamishli. On Friday, police arrested two men in Hasakah.",
        "2022-10-07",
    );
    assert!(has(&p, "arrest"), "{:?}", kinds(&p));
}

#[test]
fn an_assault_by_or_launched_by_an_armed_side_is_an_attack() {
    for text in [
        "Shocking reports are emerging of the latest assault by the Rapid Support Forces (RSF) \
         in and around El Fasher, North Darfur.",
        "The RSF launched an assault on El Fasher on Monday.",
    ] {
        let p = drafted(text, "2025-08-13");
        assert!(has(&p, "attack"), "{text}: {:?}", kinds(&p));
    }
    // A crowd's assault is no armed attack.
    let p = drafted(
        "Protesters launched an assault on the parliament building in Baghdad on Monday.",
        "2025-08-13",
    );
    assert!(!has(&p, "attack"), "{:?}", kinds(&p));
}

#[test]
fn people_killed_in_bomb_blasts_elsewhere_are_a_bombing_of_its_own() {
    let p = drafted(
        "Fierce fighting erupted Friday between Islamic State militants and Kurdish Peshmerga \
         forces near the northern Iraqi city of Kirkuk. Meanwhile, at least 27 people were \
         killed in back-to back bomb blasts in Baghdad.",
        "2015-01-30",
    );
    assert_eq!(days_of(&p, "bombing"), ["2015-01-30"], "{:?}", kinds(&p));
    assert!(has(&p, "armed-clash"), "{:?}", kinds(&p));
}

#[test]
fn a_bomb_used_in_an_attack_is_its_means() {
    let p = drafted(
        "Militant group al-Shabab attacked a town in Somalia early Sunday. Witnesses say the \
         militants used a suicide car bomb in the assault and seized at least three military \
         vehicles.",
        "2016-05-01",
    );
    assert!(!has(&p, "bombing"), "{:?}", kinds(&p));
    // A bombing told with a day of its own after the attack is another.
    let p = drafted(
        "Militant group al-Shabab attacked a town in Somalia early Sunday. A suicide car bombing \
         hit a market in Mogadishu on Monday.",
        "2016-05-01",
    );
    assert!(has(&p, "bombing"), "{:?}", kinds(&p));
}

#[test]
fn how_the_act_went_told_after_when_is_the_same_act() {
    let p = drafted(
        "Gunmen ambushed a convoy in Western Equatoria, killing 11 civilians. The ambush \
         occurred on Sunday, when heavily armed men opened fire on a two-car convoy that was \
         traveling to Raja.",
        "2015-01-27",
    );
    assert_eq!(acts(&p).len(), 1, "{:?}", kinds(&p));
    // An act the ambush answered, after "when" with no "occurred", is its own.
    let p = drafted(
        "Gunmen ambushed a convoy in Western Equatoria on Sunday. Troops killed three of the \
         attackers on Monday when soldiers stormed their camp near Raja.",
        "2015-01-27",
    );
    assert!(acts(&p).len() >= 2, "{:?}", kinds(&p));
}

#[test]
fn a_leader_meeting_commanders_is_a_meeting() {
    let p = drafted(
        "Two suicide bombers killed 32 people in Baghdad on Thursday. Prime Minister Mustafa \
         al-Kadhimi met top security commanders after the attacks, the premier's office said.",
        "2021-01-21",
    );
    assert!(has(&p, "meeting"), "{:?}", kinds(&p));
    // Met with gunfire: no one met.
    let p = drafted(
        "The convoy was met with heavy gunfire near Baghdad on Thursday.",
        "2021-01-21",
    );
    assert!(!has(&p, "meeting"), "{:?}", kinds(&p));
}

#[test]
fn a_place_naming_an_institution_is_not_where_the_attack_was() {
    let p = drafted(
        "A suicide bomber blew himself up at a teashop in Beledweyne on Sunday, killing six \
         people. Police said the attack occurred close to the headquarters of Hiran regional \
         administration in Beledweyne.",
        "2017-09-10",
    );
    assert_eq!(acts(&p).len(), 1, "{:?}", kinds(&p));
}

#[test]
fn a_place_naming_an_accord_is_not_where_the_attack_was() {
    let p = drafted(
        "On Tuesday, separatists fired Grad rockets that should have been withdrawn under the \
         February Minsk plan.",
        "2015-06-03",
    );
    assert_eq!(acts(&p).len(), 1, "{:?}", kinds(&p));
    assert_eq!(p.events[0].place, None, "{p:?}");
    // Named where it happened, the same city is the place.
    let p = drafted(
        "On Tuesday, separatists fired rockets at Minsk.",
        "2015-06-03",
    );
    assert!(p.events[0].place.is_some(), "{p:?}");
}

#[test]
fn the_bomber_who_caused_the_explosion_is_the_same_bombing() {
    let p = drafted(
        "Five police officers are among at least six people killed Sunday evening in a suicide \
         bombing in Mogadishu. The explosion was caused by a suicide bomber wearing an \
         explosive vest who approached the officers outside the Waberi district station.",
        "2021-05-09",
    );
    assert_eq!(kinds_of(&p, "bombing").len(), 1, "{:?}", kinds(&p));
}

#[test]
fn an_operation_to_capture_or_rescue_people_is_a_raid() {
    let p = drafted(
        "Defense Secretary Ash Carter announced in a statement today that U.S. special \
         operations forces yesterday conducted an operation in Syria to capture a senior leader \
         of the Islamic State of Iraq and the Levant terrorist organization.",
        "2015-05-16",
    );
    assert_eq!(days_of(&p, "raid"), ["2015-05-15"], "{:?}", kinds(&p));
    // An operation of another purpose is no raid.
    let p = drafted(
        "U.S. forces conducted an operation in Syria yesterday to support local partners.",
        "2015-05-16",
    );
    assert!(!has(&p, "raid"), "{:?}", kinds(&p));
    // A rescue operation or mission is a raid, and so are people rescued by armed hands.
    for text in [
        "French forces conducted a hostage rescue operation near Gao on Tuesday.",
        "Malian troops rescued four aid workers held by gunmen near Gao on Tuesday.",
    ] {
        let p = drafted(text, "2021-03-04");
        assert_eq!(
            days_of(&p, "raid"),
            ["2021-03-02"],
            "{text}: {:?}",
            kinds(&p)
        );
    }
    // Not people rescued by others.
    let p = drafted(
        "Firefighters who rescued six people from the rubble in Gao on Tuesday were praised.",
        "2021-03-04",
    );
    assert!(!has(&p, "raid"), "{:?}", kinds(&p));
}

#[test]
fn the_peshmerga_written_in_lower_case_are_the_peshmerga() {
    let p = drafted(
        "An Iraqi peshmerga raid freed 70 hostages near Hawijah on Thursday.",
        "2015-10-22",
    );
    let raid = first_of(&p, "raid");
    assert_eq!(role(raid, "peshmerga").as_deref(), Some("perpetrator"));
    assert_ne!(role(raid, "iraq").as_deref(), Some("perpetrator"));
}

#[test]
fn a_person_captured_is_an_arrest_not_a_place_taken() {
    let p = drafted(
        "U.S. forces captured Umm Sayyaf, who is a member of ISIL, in eastern Syria on Friday.",
        "2015-05-16",
    );
    assert!(has(&p, "arrest"), "{:?}", kinds(&p));
    assert!(!has(&p, "other"), "{:?}", kinds(&p));
    // A name the gazetteer lacks, with no sign of a person, is a place taken.
    let p = drafted("Somali troops captured Barire on Friday.", "2015-05-16");
    assert!(has(&p, "other"), "{:?}", kinds(&p));
}

#[test]
fn these_attacks_after_attacks_placed_apart_names_none_of_them_alone() {
    let p = drafted(
        "The United States condemns today's outrageous terrorist attacks in Jaffa, Petah \
         Tikvah, and Jerusalem. We offer our condolences to all those affected by these \
         senseless attacks.",
        "2016-03-08",
    );
    let attacks: Vec<_> = p
        .events
        .iter()
        .filter(|e| e.event_type == "attack")
        .collect();
    assert_eq!(attacks.len(), 3, "{:?}", kinds(&p));
    // Each is told by the first sentence alone: the second names all three, not Jerusalem's.
    assert!(
        attacks.iter().all(|e| e.sources.len() == 1),
        "{:?}",
        attacks.iter().map(|e| e.sources.len()).collect::<Vec<_>>()
    );
    // One attack told, then "these attacks": the sentence is its source too.
    let p = drafted(
        "The United States condemns today's terrorist attack in Jerusalem. We offer our \
         condolences to all those affected by these senseless attacks.",
        "2016-03-08",
    );
    assert_eq!(first_of(&p, "attack").sources.len(), 2, "{:?}", kinds(&p));
}

#[test]
fn a_skirmish_is_an_armed_clash() {
    let p = drafted(
        "A skirmish broke out around sunset Wednesday near the Nile River village of Majak.",
        "2018-02-08",
    );
    assert_eq!(
        kinds(&p),
        [("armed-clash".into(), Some("2018-02-07".into()))],
        "{p:?}"
    );
}

#[test]
fn a_bomb_that_did_harm_is_a_bombing_a_bomb_named_is_not() {
    for text in [
        "A bomb exploded at a market in Kano on Monday, killing five people.",
        "A bomb went off at a market in Kano on Monday, killing five people.",
    ] {
        let p = drafted(text, "2020-03-11");
        assert_eq!(
            days_of(&p, "bombing"),
            ["2020-03-09"],
            "{text}: {:?}",
            kinds(&p)
        );
    }
    for text in [
        "Police defused a bomb found at a market in Kano on Monday.",
        "The group threatened to plant bombs in markets across Kano.",
    ] {
        let p = drafted(text, "2020-03-11");
        assert!(!has(&p, "bombing"), "{text}: {:?}", kinds(&p));
    }
}

#[test]
fn a_siege_is_an_armed_clash() {
    let p = drafted(
        "Security forces ended a seven-hour siege of militants at a hotel in Kismayo on Sunday.",
        "2019-07-14",
    );
    assert_eq!(
        days_of(&p, "armed-clash"),
        ["2019-07-14"],
        "{:?}",
        kinds(&p)
    );
}

#[test]
fn people_taken_hostage_and_land_annexed_are_other_happenings() {
    for text in [
        "The engineer was taken hostage in Yemen in September 2013 by al-Qaida.",
        "Russia annexed Crimea in March 2014.",
    ] {
        let p = drafted(text, "2014-12-06");
        assert!(has(&p, "other"), "{text}: {:?}", kinds(&p));
    }
}

#[test]
fn strafing_is_an_airstrike() {
    let p = drafted(
        "Saudi warplanes reportedly strafed Houthi positions on the ground on Monday.",
        "2021-02-15",
    );
    assert_eq!(
        kinds(&p),
        [("airstrike".into(), Some("2021-02-15".into()))],
        "{p:?}"
    );
    assert_eq!(
        role(&p.events[0], "saudi-arabia").as_deref(),
        Some("suspected")
    );
}

#[test]
fn a_ship_struck_by_a_weapon_named_later_was_attacked() {
    let p = drafted(
        "On Monday, M/V Verbena was struck for a second time in 24 hours, by one missile \
         launched from Yemen.",
        "2024-06-13",
    );
    assert_eq!(acts(&p).len(), 1, "{:?}", kinds(&p));
    // Struck by no weapon and no one, nothing was attacked.
    let p = drafted(
        "On Monday, the town was struck for a second time in 24 hours, by an earthquake.",
        "2024-06-13",
    );
    assert!(acts(&p).is_empty(), "{:?}", kinds(&p));
}

#[test]
fn asbms_are_missiles() {
    let p = drafted(
        "On Monday, M/V Verbena was struck for a second time in 24 hours, by one ASBM launched \
         from Yemen.",
        "2024-06-13",
    );
    assert_eq!(acts(&p).len(), 1, "{:?}", kinds(&p));
    let p = drafted(
        "On Monday, the Houthis attacked the ship with two ASBMs.",
        "2024-06-13",
    );
    assert_eq!(kinds(&p)[0].0, "missile-attack", "{:?}", kinds(&p));
}
