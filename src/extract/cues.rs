//! The words that signal events, figures, roles and links between events. General rules of news
//! English in this domain, not keyed to any one article.

use crate::model::Qualifier;

/// An event cue: the words (folded), the type they signal, and how specific they are (a
/// specific cue outranks a generic one in the same clause).
pub struct Cue {
    pub words: &'static str,
    pub event_type: &'static str,
    pub specific: bool,
}

/// A cue found in a sentence: words `from..to`.
#[derive(Clone, Copy)]
pub(super) struct Cued {
    pub(super) from: usize,
    pub(super) to: usize,
    pub(super) cue: &'static Cue,
}

/// A cue of `words` telling `event_type`, specific or not.
pub(super) const fn cue(words: &'static str, event_type: &'static str, specific: bool) -> Cue {
    Cue {
        words,
        event_type,
        specific,
    }
}

/// Every event cue. Longer cues are tried first; within a clause the specific ones win.
pub const CUES: &[Cue] = &[
    cue("ballistic missile attack", "missile-attack", true),
    cue("ballistic missile attacks", "missile-attack", true),
    cue("missile attack", "missile-attack", true),
    cue("missile attacks", "missile-attack", true),
    cue("missile strike", "missile-attack", true),
    cue("missile strikes", "missile-attack", true),
    cue("fired missiles", "missile-attack", true),
    cue("launched missiles", "missile-attack", true),
    cue("missiles hit", "missile-attack", true),
    cue("missiles struck", "missile-attack", true),
    cue("ballistic missiles", "missile-attack", true),
    cue("cruise missiles", "missile-attack", true),
    cue("missiles", "missile-attack", false),
    cue("rockets", "rocket-attack", false),
    // One missile or rocket: only when fired or striking (see `cue_sense::fired_one`).
    cue("missile", "missile-attack", false),
    cue("rocket", "rocket-attack", false),
    cue("rocket and mortar attacks", "rocket-attack", true),
    cue("rocket attack", "rocket-attack", true),
    cue("rocket attacks", "rocket-attack", true),
    cue("mortar attack", "rocket-attack", true),
    cue("mortar attacks", "rocket-attack", true),
    cue("rockets hit", "rocket-attack", true),
    cue("rockets struck", "rocket-attack", true),
    cue("rockets landed", "rocket-attack", true),
    cue("rockets slammed", "rocket-attack", true),
    cue("rockets were fired", "rocket-attack", true),
    cue("fired rockets", "rocket-attack", true),
    cue("rocket fire", "rocket-attack", true),
    cue("katyusha rockets", "rocket-attack", true),
    cue("rocket barrage", "rocket-attack", true),
    cue("barrage of rockets", "rocket-attack", true),
    cue("rockets slammed", "rocket-attack", true),
    cue("rockets fell", "rocket-attack", true),
    cue("rockets targeted", "rocket-attack", true),
    cue("drone strike", "drone-strike", true),
    cue("drone strikes", "drone-strike", true),
    cue("drone attack", "drone-strike", true),
    cue("drone attacks", "drone-strike", true),
    cue("airstrike", "airstrike", true),
    cue("airstrikes", "airstrike", true),
    cue("air strike", "airstrike", true),
    cue("air strikes", "airstrike", true),
    cue("air raid", "airstrike", true),
    cue("air raids", "airstrike", true),
    cue("jets struck", "airstrike", true),
    cue("jets bombed", "airstrike", true),
    cue("warplanes struck", "airstrike", true),
    cue("warplanes bombed", "airstrike", true),
    cue("precision strikes", "airstrike", true),
    cue("aircraft struck", "airstrike", true),
    cue("aircraft bombed", "airstrike", true),
    cue("planes struck", "airstrike", true),
    cue("fighter jets struck", "airstrike", true),
    cue("jets hit", "airstrike", true),
    cue("warplanes hit", "airstrike", true),
    cue("helicopters struck", "airstrike", true),
    cue("bombers struck", "airstrike", true),
    cue("drones struck", "drone-strike", true),
    cue("drone struck", "drone-strike", true),
    cue("drone slammed", "drone-strike", true),
    cue("drones hit", "drone-strike", true),
    cue("drone hit", "drone-strike", true),
    cue("car bomb", "bombing", true),
    // Only when they did harm: see `cue_objects::bombs_did_harm`.
    cue("car bombs", "bombing", true),
    cue("truck bomb", "bombing", true),
    cue("suicide bomber", "bombing", true),
    cue("suicide bombers", "bombing", true),
    cue("car bomber", "bombing", true),
    cue("car bombers", "bombing", true),
    cue("truck bomber", "bombing", true),
    cue("suicide attack", "bombing", true),
    cue("suicide bombing", "bombing", true),
    cue("dropping bombs", "airstrike", true),
    cue("dropped bombs", "airstrike", true),
    cue("opened fire", "armed-clash", true),
    cue("opening fire", "armed-clash", true),
    cue("open fire", "armed-clash", true),
    cue("coup attempt", "other", true),
    cue("military coup", "other", true),
    cue("overthrown", "other", true),
    cue("overthrew", "other", true),
    cue("coup", "other", false),
    cue("shot down", "attack", false),
    cue("intercepted", "attack", false),
    cue("downed", "attack", false),
    cue("take down", "attack", false),
    cue("took down", "attack", false),
    cue("roadside bomb", "bombing", true),
    cue("landmine", "bombing", true),
    cue("land mine", "bombing", true),
    cue("laid siege", "attack", true),
    cue("lay siege", "attack", true),
    cue("siege at", "attack", true),
    cue("suicide bombing", "bombing", true),
    cue("bombing", "bombing", true),
    cue("suicide blast", "bombing", true),
    cue("suicide blasts", "bombing", true),
    cue("suicide explosion", "bombing", true),
    cue("bomb blast", "bombing", true),
    cue("bomb blasts", "bombing", true),
    cue("bomb explosion", "bombing", true),
    cue("bomb explosions", "bombing", true),
    // Only when they did harm, as car bombs: see `cue_objects::bombs_did_harm`.
    cue("bomb", "bombing", true),
    cue("bombs", "bombing", true),
    cue("bombings", "bombing", true),
    cue("suicide bombings", "bombing", true),
    cue("suicide attacks", "bombing", true),
    cue("explosion", "other", false),
    cue("explosions", "other", false),
    cue("blast", "other", false),
    cue("bomb blast", "bombing", true),
    cue("indirect fire", "rocket-attack", true),
    cue("artillery attacks", "rocket-attack", true),
    cue("artillery attack", "rocket-attack", true),
    cue("artillery shelling", "rocket-attack", true),
    cue("shelling", "rocket-attack", true),
    cue("shelled", "rocket-attack", true),
    cue("clashes", "armed-clash", true),
    cue("fighting", "armed-clash", false),
    cue("gun battle", "armed-clash", false),
    cue("gunbattle", "armed-clash", false),
    cue("battle", "armed-clash", false),
    cue("battles", "armed-clash", false),
    cue("clashed", "armed-clash", true),
    cue("engaged", "armed-clash", false),
    cue("battled", "armed-clash", false),
    cue("fought", "armed-clash", false),
    cue("firefight", "armed-clash", true),
    cue("firefights", "armed-clash", true),
    cue("skirmish", "armed-clash", true),
    cue("skirmishes", "armed-clash", true),
    cue("siege", "armed-clash", false),
    cue("launched an offensive", "armed-clash", true),
    cue("launched a fresh offensive", "armed-clash", true),
    cue("launched a new offensive", "armed-clash", true),
    cue("launched a military offensive", "armed-clash", true),
    cue("launched a ground offensive", "armed-clash", true),
    cue("offensive against", "armed-clash", true),
    cue("offensives against", "armed-clash", true),
    cue("counter offensive", "armed-clash", true),
    cue("counteroffensive", "armed-clash", true),
    cue("repulsed", "armed-clash", true),
    cue("repelled", "armed-clash", true),
    cue("counterattacked", "armed-clash", true),
    cue("counter-attacked", "armed-clash", true),
    cue("counterattack", "armed-clash", true),
    cue("counteroffensive", "armed-clash", true),
    cue("counter-offensive", "armed-clash", true),
    cue("ambushed", "attack", false),
    cue("ambush", "attack", false),
    cue("kidnapped", "other", true),
    cue("kidnapping", "other", true),
    cue("abducted", "other", true),
    cue("abduction", "other", true),
    cue("taken hostage", "other", true),
    cue("annexed", "other", true),
    cue("annexation", "other", true),
    cue("murdered", "killing", true),
    cue("murders", "killing", true),
    cue("murder", "killing", true),
    cue("assassinated", "killing", true),
    cue("assassination", "killing", true),
    cue("killing of", "killing", true),
    cue("shooting of", "killing", true),
    cue("burning of", "attack", false),
    cue("killings of", "killing", true),
    cue("killed", "killing", false),
    cue("killing", "killing", false),
    cue("shot dead", "killing", false),
    cue("gunned down", "killing", false),
    cue("stabbed to death", "killing", false),
    cue("hacked to death", "killing", false),
    cue("beheaded", "killing", false),
    cue("massacred", "killing", false),
    cue("stabbed", "attack", false),
    cue("torched", "attack", false),
    cue("set fire to", "attack", false),
    cue("set ablaze", "attack", false),
    cue("set on fire", "attack", false),
    cue("burned down", "attack", false),
    cue("rammed", "attack", false),
    cue("bombarded", "attack", false),
    cue("strafed", "airstrike", true),
    cue("fired mortars", "rocket-attack", true),
    cue("mortar shells", "rocket-attack", false),
    cue("hijacked", "other", false),
    cue("struck", "attack", false),
    cue("targeted", "attack", false),
    cue("bombed", "attack", false),
    cue("pounded", "attack", false),
    cue("strike", "attack", false),
    cue("strikes", "attack", false),
    cue("attack", "attack", false),
    cue("attacks", "attack", false),
    cue("attacked", "attack", false),
    // Only as a verb in progress ("militants who were attacking Somali forces").
    cue("attacking", "attack", false),
    // Only where the text places, dates or ascribes it (see `cue_sense::violence_told`).
    cue("violence", "attack", false),
    cue("came under", "attack", false),
    cue("destroyed", "attack", false),
    // Only a ship sunk by someone: see `cue_objects::sunk_by_someone`.
    cue("sank", "attack", false),
    cue("sunk", "attack", false),
    cue("claimed the lives", "attack", false),
    cue("stormed", "assault", true),
    cue("storm", "assault", true),
    cue("storming", "assault", true),
    cue("military assault", "attack", true),
    cue("military offensive", "attack", true),
    cue("tank fire", "attack", true),
    cue("assault", "assault", true),
    cue("assaults", "assault", true),
    cue("assaulted", "assault", true),
    cue("riot", "assault", true),
    cue("rioters", "assault", true),
    cue("protest", "protest", true),
    cue("protests", "protest", true),
    cue("protesters", "protest", true),
    cue("demonstration", "protest", true),
    cue("demonstrators", "protest", true),
    cue("raided", "raid", true),
    cue("hostage rescue", "raid", true),
    cue("rescue operation", "raid", true),
    cue("rescue operations", "raid", true),
    cue("rescue mission", "raid", true),
    cue("rescued", "raid", true),
    cue("operation", "raid", false),
    cue("raid on", "raid", true),
    cue("raids on", "raid", true),
    cue("raid", "raid", true),
    cue("raids", "raid", true),
    cue("arrested", "arrest", true),
    cue("detained", "arrest", true),
    cue("arrests", "arrest", true),
    cue("made an arrest", "arrest", true),
    cue("made an initial arrest", "arrest", true),
    cue("made the arrest", "arrest", true),
    cue("captured", "arrest", false),
    cue("meeting with", "meeting", true),
    cue("meetings with", "meeting", true),
    cue("met with", "meeting", true),
    // Only when someone is met: see `called_someone`.
    cue("met", "meeting", true),
    cue("talks with", "meeting", true),
    cue("talks between", "meeting", true),
    cue("after meeting", "meeting", true),
    cue("held talks", "meeting", true),
    cue("spoken with", "meeting", true),
    cue("spoke with", "meeting", true),
    cue("spoke by phone with", "meeting", true),
    cue("spoke by phone to", "meeting", true),
    cue("spoke by telephone with", "meeting", true),
    cue("spoke by telephone to", "meeting", true),
    cue("telephone call with", "meeting", true),
    cue("spoke to", "meeting", true),
    cue("spoken to", "meeting", true),
    cue("called", "meeting", false),
    cue("speaking to", "meeting", true),
    cue("speaking with", "meeting", true),
    cue("phone call with", "meeting", true),
    cue("phone call to", "meeting", true),
    cue("telephone call to", "meeting", true),
    cue("phone calls with", "meeting", true),
    cue("co-chaired", "meeting", true),
    cue("chaired", "meeting", true),
    cue("cabinet meeting", "meeting", true),
    cue("emergency meeting", "meeting", true),
    cue("conversation with", "meeting", true),
    cue("discussion with", "meeting", true),
    cue("discussions with", "meeting", true),
    cue("phone conversation", "meeting", true),
    cue("reached out to", "meeting", true),
    cue("summit", "meeting", false),
    cue("meeting", "meeting", false),
    cue("visited", "visit", true),
    cue("visit to", "visit", true),
    cue("arrived in", "visit", true),
    cue("trip to", "visit", true),
    cue("travelled to", "visit", true),
    cue("traveled to", "visit", true),
    cue("on board", "visit", false),
    cue("aboard", "visit", false),
    cue("nonbinding resolution", "resolution", true),
    cue("passed a resolution", "resolution", true),
    cue("resolution", "resolution", false),
    cue("voted to", "resolution", true),
    cue("signed an agreement", "agreement", true),
    cue("agreed to", "agreement", true),
    cue("agreed on", "agreement", true),
    cue("reached an agreement", "agreement", true),
    cue("ceasefire agreed", "agreement", true),
    cue("cease-fire agreed", "agreement", true),
    cue("truce agreed", "agreement", true),
    cue("ceasefire reached", "agreement", true),
    cue("cease-fire reached", "agreement", true),
    cue("truce reached", "agreement", true),
    cue("agreed a ceasefire", "agreement", true),
    cue("agreed a truce", "agreement", true),
    cue("agreeing a ceasefire", "agreement", true),
    cue("agreeing a cease-fire", "agreement", true),
    cue("agreeing a truce", "agreement", true),
    cue("signed a ceasefire", "agreement", true),
    cue("signed a cease-fire", "agreement", true),
    cue("signed a peace", "agreement", true),
    cue("deal was signed", "agreement", true),
    cue("accord was signed", "agreement", true),
    cue("agreement was signed", "agreement", true),
    cue("accord reached", "agreement", true),
    cue("deal reached", "agreement", true),
    cue("reached a deal", "agreement", true),
    cue("struck a deal", "agreement", true),
    cue("finalized a deal", "agreement", true),
    cue("finalizing a deal", "agreement", true),
    cue("agreement", "agreement", false),
    cue("hand over ceremony", "handover", true),
    cue("handover ceremony", "handover", true),
    cue("hand over", "handover", true),
    cue("handover", "handover", true),
    cue("handed over", "handover", true),
    cue("handed control", "handover", true),
    cue("withdrew from", "handover", false),
    cue("deployed", "deployment", true),
    cue("reinforcements", "deployment", true),
    cue("reinforcement", "deployment", true),
    cue("amassed", "deployment", true),
    cue("massing", "deployment", true),
    cue("dispatched", "deployment", true),
    cue("sent troops", "deployment", true),
    cue("sent additional troops", "deployment", true),
    cue("moved aircraft", "deployment", true),
    cue("moved warships", "deployment", true),
    cue("seized", "other", false),
    cue("seizing", "other", false),
    cue("recaptured", "other", false),
    cue("regained control of", "other", true),
    cue("regained full control of", "other", true),
    cue("took full control of", "other", true),
    cue("taken full control of", "other", true),
    cue("seized full control of", "other", true),
    cue("retook control of", "other", true),
    cue("retaken control of", "other", true),
    cue("took control of", "other", true),
    cue("taken control of", "other", true),
    cue("seized control of", "other", true),
    cue("overran", "other", true),
    cue("summoned", "other", true),
    cue("response", "other", false),
    cue("responded", "other", false),
    cue("shut down", "other", false),
    cue("shut off", "other", false),
    cue("vehicle accident", "other", true),
    cue("harassing", "other", true),
    cue("harassed", "other", true),
    cue("unprofessional intercept", "other", true),
    cue("unprofessional manner", "other", true),
    cue("unprofessional behavior", "other", true),
    cue("closely approached", "other", true),
    cue("investigating", "other", true),
    cue("airdrop", "other", true),
    cue("airdrops", "other", true),
    cue("missile launch", "other", true),
    cue("was conducting", "other", true),
    cue("were conducting", "other", true),
    cue("called off", "other", true),
    cue("canceled his trip", "other", true),
    cue("cancelled his trip", "other", true),
    cue("canceled her trip", "other", true),
    cue("cancelled her trip", "other", true),
    cue("cut short his trip", "other", true),
    cue("cut short her trip", "other", true),
    cue("evacuated civilians", "other", true),
    cue("evacuating civilians", "other", true),
    cue("evacuating hostages", "other", true),
    cue("evacuated residents", "other", true),
    cue("into law", "other", true),
    cue("blocked", "other", true),
    cue("stopped broadcasting", "other", true),
    cue("freed", "other", true),
    cue("invasion", "armed-clash", false),
    cue("deployment of", "deployment", true),
];

/// Nouns that count acts out before "of" ("a series of rockets", "a barrage of missiles").
pub const QUANTITIES: &[&str] = &[
    "series", "barrage", "barrages", "salvo", "salvos", "volley", "volleys", "wave", "waves",
    "dozens", "hundreds", "pair", "couple", "handful",
];

/// Words before a cue that make it something not (yet) done, as a modal verb does
/// (`grammar::is_modal`): "planning more attacks".
pub const IRREALIS: &[&str] = &[
    "planning",
    "plan",
    "plans",
    "planned",
    "threatened",
    "threatening",
    "threaten",
    "plotting",
    "plotted",
    "plot",
    "organizing",
    "organising",
    "preparing",
    "prevent",
    "avoid",
    "not",
    "no",
    "never",
    "future",
    "possible",
    "potential",
    "deter",
    "any",
    "ability",
    "capable",
    "capability",
    "capabilities",
    "cease",
    "stop",
    "halt",
];

/// Cues that this event answers another.
pub const RESPONSE: &[&str] = &[
    "in response to",
    "in retaliation",
    "in a tit for tat response",
    "tit for tat",
    "responded with",
    "responded by",
    "retaliated",
    "retaliatory",
    "in revenge for",
    "a response to",
    "in reprisal for",
    "retaliation for",
];

/// Prepositions before a place that mark where something happened.
pub const LOCATIVE: &[&str] = &[
    "in", "at", "near", "inside", "outside", "on", "into", "of", "across", "around", "over",
];

/// Qualifier words before a number.
pub fn qualifier(before: &[&str]) -> Option<(Qualifier, usize)> {
    let n = before.len();
    let last = |k: usize| before[n - k..].join(" ");
    // "No less than 10 soldiers": at least ten; "no more than": at most.
    for (words, q) in [
        ("no less than", Qualifier::AtLeast),
        ("not less than", Qualifier::AtLeast),
        ("no fewer than", Qualifier::AtLeast),
        ("not fewer than", Qualifier::AtLeast),
        ("no more than", Qualifier::AtMost),
        ("not more than", Qualifier::AtMost),
        // "killed as many as 65 people": up to.
        ("as many as", Qualifier::AtMost),
    ] {
        if n >= 3 && last(3) == words {
            return Some((q, 3));
        }
    }
    for (words, q) in [
        ("more than", Qualifier::MoreThan),
        ("at least", Qualifier::AtLeast),
        ("fewer than", Qualifier::FewerThan),
        ("less than", Qualifier::FewerThan),
        ("up to", Qualifier::AtMost),
        ("at most", Qualifier::AtMost),
        ("upwards of", Qualifier::MoreThan),
        ("an estimated", Qualifier::About),
    ] {
        if n >= 2 && last(2) == words {
            return Some((q, 2));
        }
    }
    if n >= 1 {
        let q = match before[n - 1] {
            "nearly" | "almost" => Some(Qualifier::Nearly),
            "over" => Some(Qualifier::MoreThan),
            "about" | "around" | "some" | "roughly" | "approximately" => Some(Qualifier::About),
            "under" => Some(Qualifier::FewerThan),
            "between" => Some(Qualifier::Between),
            _ => None,
        };
        if let Some(q) = q {
            return Some((q, 1));
        }
    }
    None
}

/// What a counted noun counts, or `People` when the count is of people and the sentence says
/// what happened to them.
pub enum Counted {
    What(&'static str),
    People,
}

/// The noun after a number.
pub fn counted(noun: &str) -> Option<Counted> {
    Some(match noun {
        "injuries" | "injured" | "wounded" | "wounds" => Counted::What("injured"),
        "dead" | "deaths" | "fatalities" | "bodies" => Counted::What("killed"),
        "rockets" | "rocket" => Counted::What("rockets"),
        "missiles" | "missile" => Counted::What("missiles"),
        "mortars" | "shells" => Counted::What("shells"),
        "drones" => Counted::What("drones"),
        "sites" | "targets" | "locations" | "facilities" | "positions" | "depots" => {
            Counted::What("sites struck")
        }
        "attacks" => Counted::What("attacks"),
        // "conducted five strikes consisting of seven engagements".
        "strikes" | "strike" => Counted::What("strikes"),
        "airstrikes" => Counted::What("airstrikes"),
        "engagements" => Counted::What("engagements"),
        "people" | "persons" | "soldiers" | "troops" | "members" | "militants" | "fighters"
        | "civilians" | "contractors" | "personnel" | "americans" | "iraqis" | "protesters"
        | "suspects" | "men" | "women" | "children" | "service" | "marines" | "officers"
        | "policemen" | "guards" | "terrorists" | "insurgents" | "gunmen" | "attackers"
        | "assailants" | "villagers" | "residents" | "students" | "worshippers" | "worshipers"
        | "workers" | "journalists" | "hostages" | "peacekeepers" | "passengers" | "pilgrims"
        | "operatives" | "combatants" | "recruits" | "cadets" | "staff" => Counted::People,
        // After "one": "killed one terrorist and wounded one terrorist".
        "person" | "soldier" | "civilian" | "terrorist" | "militant" | "fighter" | "officer"
        | "policeman" | "man" | "woman" | "child" | "member" | "insurgent" | "gunman"
        | "attacker" | "assailant" | "peacekeeper" | "journalist" | "worker" | "hostage"
        | "operative" | "combatant" | "contractor" | "marine" | "guard" => Counted::People,
        _ => return None,
    })
}

/// What happened to counted people, from a word near the count.
pub fn casualty(word: &str) -> Option<&'static str> {
    Some(match word {
        "killed" | "dead" | "died" | "killing" | "deaths" => "killed",
        "injured" | "wounded" | "injuries" | "hurt" | "wounding" | "injuring" => "injured",
        "arrested" | "detained" | "captured" | "arrests" | "rounded" | "detention" | "arrest" => {
            "arrested"
        }
        _ => return None,
    })
}

/// A number written as a word, with a qualifier when the word implies one ("dozens").
pub fn number_word(word: &str) -> Option<(f64, Option<Qualifier>)> {
    const WORDS: [(&str, f64); 29] = [
        ("one", 1.0),
        ("two", 2.0),
        ("three", 3.0),
        ("four", 4.0),
        ("five", 5.0),
        ("six", 6.0),
        ("seven", 7.0),
        ("eight", 8.0),
        ("nine", 9.0),
        ("ten", 10.0),
        ("eleven", 11.0),
        ("twelve", 12.0),
        ("thirteen", 13.0),
        ("fourteen", 14.0),
        ("fifteen", 15.0),
        ("sixteen", 16.0),
        ("seventeen", 17.0),
        ("eighteen", 18.0),
        ("nineteen", 19.0),
        ("twenty", 20.0),
        ("thirty", 30.0),
        ("forty", 40.0),
        ("fifty", 50.0),
        ("sixty", 60.0),
        ("hundred", 100.0),
        ("dozen", 12.0),
        ("dozens", 24.0),
        ("hundreds", 200.0),
        // "left scores injured": two score at least.
        ("scores", 40.0),
    ];
    WORDS.iter().find(|(w, _)| *w == word).map(|(w, v)| {
        let q = matches!(*w, "dozens" | "hundreds" | "scores").then_some(Qualifier::AtLeast);
        (*v, q)
    })
}

/// Words too common to tell two reports apart.
pub const STOP: &[&str] = &[
    "the", "a", "an", "and", "or", "of", "in", "on", "at", "to", "for", "from", "by", "with",
    "that", "which", "who", "was", "were", "is", "are", "be", "been", "has", "have", "had", "it",
    "its", "his", "her", "their", "they", "he", "she", "as", "after", "this", "s", "said", "than",
    "more", "also", "but", "not", "into", "about", "will", "would",
];

/// Place names that are also everyday English words: never matched from the gazetteer. After
/// the region's, the one-word names of the world's towns and cities (beyond Iraq, Syria and
/// their neighbours, of fewer than 500,000 people) that are lower-case words of Debian's American
/// English word list (wamerican), found once by that rule: "Reading", "Split", "Surprise", "Man".
/// Last, the personal names that a town's name or alias is too ("Khan", "Hassan").
#[rustfmt::skip]
pub const COMMON_NAMES: &[&str] = &[
    "hit", "as", "al", "ali", "bar", "base", "camp", "city", "center", "centre", "district",
    "mass", "safe", "said", "sur", "tal", "deir", "ain", "bir", "new", "old", "home", "halt",
    "west", "east", "north", "south", "green", "red", "white", "black", "rocket", "march", "may",
    "gen", "us", "u", "s", "tell", "zone", "door", "dor", "dam", "pass",
    "ah", "anchorage", "angers", "archway", "b", "bade", "bale", "balsas", "barking", "bast",
    "bath", "bender", "billings", "bimbo", "bolder", "bole", "bologna", "boulder", "brusque",
    "buffalo", "bur", "buy", "c", "cairns", "centennial", "centurion", "ch", "chamber",
    "chandler", "cod", "commonwealth", "conception", "concord", "cork", "corona", "cypress",
    "davenport", "day", "debark", "deli", "delta", "derby", "divas", "drug", "dual",
    "enterprise", "garland", "gay", "gent", "harrow", "ho", "hosanna", "hub", "human",
    "independence", "jingling", "lab", "lama", "lander", "lids", "lime", "limerick", "limo",
    "lion", "lira", "logos", "lone", "male", "man", "manger", "mango", "manning", "mantilla",
    "marks", "mascara", "me", "mend", "mesa", "mesquite", "metro", "midland", "minster", "mite",
    "mobile", "newel", "newton", "nice", "oral", "orange", "oxford", "panda", "paradise",
    "pare", "pastas", "pert", "pristine", "providence", "pueblo", "reading", "riverside",
    "roan", "rosette", "rouse", "ruse", "saga", "saki", "samba", "savanna", "savannah", "sere",
    "shaping", "sim", "simmering", "slough", "soul", "souse", "split", "spoken", "springs",
    "sriracha", "sues", "sumo", "surprise", "tamale", "tango", "tempi", "tonal", "torn", "tors",
    "tour", "tours", "tuba", "vista", "warder", "warren", "wash", "wellington", "woodlands",
    "ye", "tank", "say", "pa", "ode", "leer", "mach",
    // Personal names some town also bears: "Hafiz Sayed Khan" is no Syrian village.
    "ahmad", "hamid", "hassan", "khan", "qasim",
];
