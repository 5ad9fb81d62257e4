//! Dateline's event types, their families (the colours of the legend), and ACLED's types.
//!
//! The taxonomy is Dateline's own, fine enough for news (a meeting is not a statement) and mapped
//! to ACLED's `event_type` / `sub_event_type` so that exports line up with ACLED data. A package
//! may use other type names: they are kept, reported as warnings, and put in the family `other`.

use serde::Serialize;

/// A group of types that share a colour in the legend.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Family {
    /// Rocket, missile, air and drone strikes, attacks, clashes, killings.
    Strikes,
    /// Assaults by crowds, riots, protests.
    Unrest,
    /// Raids, arrests, seizures.
    Security,
    /// Meetings, visits, statements, resolutions, agreements.
    Diplomacy,
    /// Bases handed over, forces deployed or withdrawn.
    Posture,
    /// Everything else.
    Other,
}

impl Family {
    /// Every family, in legend order.
    pub const ALL: [Family; 6] = [
        Family::Strikes,
        Family::Unrest,
        Family::Security,
        Family::Diplomacy,
        Family::Posture,
        Family::Other,
    ];

    /// The name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Family::Strikes => "strikes",
            Family::Unrest => "unrest",
            Family::Security => "security",
            Family::Diplomacy => "diplomacy",
            Family::Posture => "posture",
            Family::Other => "other",
        }
    }

    /// A label for the legend.
    pub fn label(self) -> &'static str {
        match self {
            Family::Strikes => "Strikes and attacks",
            Family::Unrest => "Assaults and unrest",
            Family::Security => "Raids and arrests",
            Family::Diplomacy => "Meetings and statements",
            Family::Posture => "Bases and forces",
            Family::Other => "Other",
        }
    }
}

/// One known event type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct EventType {
    /// The name used in packages (`missile-attack`).
    pub id: &'static str,
    /// A label for people.
    pub label: &'static str,
    /// The legend group.
    pub family: Family,
    /// ACLED `event_type`, or `None` where ACLED has no fitting type.
    pub acled_event_type: Option<&'static str>,
    /// ACLED `sub_event_type`.
    pub acled_sub_event_type: Option<&'static str>,
}

const EXPLOSIONS: &str = "Explosions/Remote violence";
const STRATEGIC: &str = "Strategic developments";

const fn t(
    id: &'static str,
    label: &'static str,
    family: Family,
    acled: Option<(&'static str, &'static str)>,
) -> EventType {
    let (acled_event_type, acled_sub_event_type) = match acled {
        Some((a, b)) => (Some(a), Some(b)),
        None => (None, None),
    };
    EventType {
        id,
        label,
        family,
        acled_event_type,
        acled_sub_event_type,
    }
}

/// Every built-in type, in legend order.
pub const EVENT_TYPES: &[EventType] = &[
    t(
        "rocket-attack",
        "Rocket or mortar attack",
        Family::Strikes,
        Some((EXPLOSIONS, "Shelling/artillery/missile attack")),
    ),
    t(
        "missile-attack",
        "Missile attack",
        Family::Strikes,
        Some((EXPLOSIONS, "Shelling/artillery/missile attack")),
    ),
    t(
        "airstrike",
        "Airstrike",
        Family::Strikes,
        Some((EXPLOSIONS, "Air/drone strike")),
    ),
    t(
        "drone-strike",
        "Drone strike",
        Family::Strikes,
        Some((EXPLOSIONS, "Air/drone strike")),
    ),
    t(
        "bombing",
        "Bombing",
        Family::Strikes,
        Some((EXPLOSIONS, "Remote explosive/landmine/IED")),
    ),
    t("attack", "Attack (means not stated)", Family::Strikes, None),
    t(
        "armed-clash",
        "Armed clash",
        Family::Strikes,
        Some(("Battles", "Armed clash")),
    ),
    t(
        "killing",
        "Killing",
        Family::Strikes,
        Some(("Violence against civilians", "Attack")),
    ),
    t(
        "assault",
        "Assault or riot",
        Family::Unrest,
        Some(("Riots", "Violent demonstration")),
    ),
    t(
        "protest",
        "Protest",
        Family::Unrest,
        Some(("Protests", "Peaceful protest")),
    ),
    t(
        "raid",
        "Raid",
        Family::Security,
        Some((STRATEGIC, "Arrests")),
    ),
    t(
        "arrest",
        "Arrest",
        Family::Security,
        Some((STRATEGIC, "Arrests")),
    ),
    t(
        "meeting",
        "Meeting",
        Family::Diplomacy,
        Some((STRATEGIC, "Other")),
    ),
    t(
        "visit",
        "Visit",
        Family::Diplomacy,
        Some((STRATEGIC, "Other")),
    ),
    t(
        "statement",
        "Statement",
        Family::Diplomacy,
        Some((STRATEGIC, "Other")),
    ),
    t(
        "resolution",
        "Resolution or vote",
        Family::Diplomacy,
        Some((STRATEGIC, "Other")),
    ),
    t(
        "agreement",
        "Agreement",
        Family::Diplomacy,
        Some((STRATEGIC, "Agreement")),
    ),
    t(
        "handover",
        "Hand-over of a base",
        Family::Posture,
        Some((STRATEGIC, "Non-violent transfer of territory")),
    ),
    t(
        "deployment",
        "Deployment or withdrawal",
        Family::Posture,
        Some((STRATEGIC, "Other")),
    ),
    t("other", "Other", Family::Other, Some((STRATEGIC, "Other"))),
];

/// The built-in type named `id`.
pub fn find(id: &str) -> Option<&'static EventType> {
    EVENT_TYPES.iter().find(|t| t.id == id)
}

/// The type a name in other data means: the built-in type whose id or label it is (case,
/// spaces and punctuation ignored: "Missile attack", "rocket attack"), else the name itself
/// as its own type; `other` for a blank name.
pub fn for_name(name: &str) -> String {
    let name = name.trim();
    if name.is_empty() {
        return "other".into();
    }
    let folded = crate::model::text::fold(name);
    EVENT_TYPES
        .iter()
        .find(|t| {
            crate::model::text::fold(t.id) == folded || crate::model::text::fold(t.label) == folded
        })
        .map_or_else(|| name.to_string(), |t| t.id.to_string())
}

impl crate::json::ToJson for Family {
    fn write_json(&self, out: &mut String) {
        crate::json::push_quoted(out, self.as_str());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_acled_pairs_complete() {
        for (i, a) in EVENT_TYPES.iter().enumerate() {
            assert!(
                EVENT_TYPES[i + 1..].iter().all(|b| b.id != a.id),
                "{}",
                a.id
            );
            assert_eq!(
                a.acled_event_type.is_some(),
                a.acled_sub_event_type.is_some()
            );
        }
        assert_eq!(find("airstrike").unwrap().family, Family::Strikes);
        assert!(find("Airstrike").is_none());
        assert_eq!(for_name("Rocket attack"), "rocket-attack");
        assert_eq!(for_name(" Missile attack "), "missile-attack");
        assert_eq!(for_name("Protests"), "Protests");
        assert_eq!(for_name(" "), "other");
    }
}
