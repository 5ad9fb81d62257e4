//! Reading the fields every kind of item has: text, lists, references to other items, dates
//! and links, each checked and reported where it is written.

use super::{join, Ids, Reader};
use crate::json::{Kind, Member, Value};
use crate::model::edtf::Edtf;
use crate::model::link::checked_url;

impl Reader<'_> {
    /// Warns about fields that this format version does not define (usually typos).
    pub(super) fn unknown_fields(&mut self, members: &[Member], path: &str, known: &[&str]) {
        for m in members {
            if !known.contains(&m.key.as_str()) {
                let at = m.value.at;
                let field = join(path, &m.key);
                self.warn(
                    &field,
                    at,
                    format!(
                        "'{}' is not a field here and is ignored; the fields are: {}",
                        m.key,
                        crate::model::text::joined(", ", known.iter().copied())
                    ),
                );
            }
        }
    }

    /// An optional list field; another kind of value is reported and ignored.
    pub(super) fn array<'v>(&mut self, obj: &'v Value, path: &str, key: &str) -> Option<&'v Value> {
        let v = obj.get(key)?;
        match v.kind {
            Kind::Array(_) => Some(v),
            Kind::Null => None,
            _ => {
                self.error(
                    &join(path, key),
                    v.at,
                    format!("'{key}' is a list, not {}; it is ignored", v.kind_name()),
                );
                None
            }
        }
    }

    /// An optional string field; blank strings count as absent. Wrong types are reported.
    pub(super) fn text(&mut self, obj: &Value, path: &str, key: &str) -> Option<String> {
        let v = obj.get(key)?;
        match &v.kind {
            Kind::String(s) if s.trim().is_empty() => None,
            Kind::String(s) => Some(s.clone()),
            Kind::Null => None,
            _ => {
                self.error(
                    &join(path, key),
                    v.at,
                    format!("'{key}' is a string, not {}; it is ignored", v.kind_name()),
                );
                None
            }
        }
    }

    /// A required string field; reports its absence with what happens instead.
    pub(super) fn required_text(
        &mut self,
        obj: &Value,
        path: &str,
        key: &str,
        instead: &str,
    ) -> Option<String> {
        let found = self.text(obj, path, key);
        if found.is_none()
            && !matches!(
                obj.get(key).map(|v| &v.kind),
                Some(Kind::Array(_) | Kind::Object(_) | Kind::Number(_) | Kind::Bool(_))
            )
        {
            self.error(
                &join(path, key),
                obj.get(key).map_or(obj.at, |v| v.at),
                format!("'{key}' is missing or empty; {instead}"),
            );
        }
        found
    }

    /// An optional list of strings; blank and other items are reported and left out.
    pub(super) fn strings(&mut self, obj: &Value, path: &str, key: &str) -> Vec<String> {
        let Some(list) = self.array(obj, path, key) else {
            return Vec::new();
        };
        let Kind::Array(items) = &list.kind else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (i, v) in items.iter().enumerate() {
            match v.as_str() {
                Some(s) if !s.trim().is_empty() => out.push(s.to_string()),
                Some(_) => self.warn(
                    &format!("{}[{i}]", join(path, key)),
                    v.at,
                    "an empty string is ignored",
                ),
                None => self.error(
                    &format!("{}[{i}]", join(path, key)),
                    v.at,
                    format!("expected a string, not {}; it is ignored", v.kind_name()),
                ),
            }
        }
        out
    }

    /// A reference to an item of another collection; dangling ones are reported, and so is a
    /// missing one when `required`. `dropped` says what happens then.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn reference(
        &mut self,
        obj: &Value,
        path: &str,
        key: &str,
        ids: &Ids,
        collection: &str,
        dropped: &str,
        required: bool,
    ) -> Option<String> {
        let Some(id) = self.text(obj, path, key) else {
            if required && obj.get(key).is_none_or(Value::is_null) {
                self.error(path, obj.at, format!("'{key}' is missing; {dropped}"));
            }
            return None;
        };
        if ids.known.contains(&id) {
            return Some(id);
        }
        let at = obj.get(key).map_or(obj.at, |v| v.at);
        self.error(
            &join(path, key),
            at,
            format!("there is no {collection} with the id '{id}'; {dropped}"),
        );
        None
    }

    /// The members of an object; another kind of value is reported, and `None`.
    pub(super) fn members<'v>(
        &mut self,
        v: &'v Value,
        path: &str,
        what: &str,
    ) -> Option<&'v [Member]> {
        match &v.kind {
            Kind::Object(members) => Some(members),
            _ => {
                self.error(
                    path,
                    v.at,
                    format!("{what} is an object, not {}; it is ignored", v.kind_name()),
                );
                None
            }
        }
    }

    /// The opening every item shares: warns about unknown fields, and returns the item's id
    /// (checked in the first pass) and its required name or title, which falls back to the id.
    pub(super) fn item_head(
        &mut self,
        v: &Value,
        path: &str,
        what: &str,
        fields: &[&str],
        name_key: &str,
    ) -> (String, String) {
        let members = self.members(v, path, what).unwrap_or_default();
        self.unknown_fields(members, path, fields);
        let id = v
            .get("id")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string();
        let instead = format!(
            "{what} is shown by its id",
            what = what
                .strip_prefix("a ")
                .or(what.strip_prefix("an "))
                .unwrap_or(what)
        );
        let name = self
            .required_text(v, path, name_key, &format!("the {instead}"))
            .unwrap_or_else(|| id.clone());
        (id, name)
    }

    /// An optional EDTF date field; one that cannot be read is reported, with `instead`.
    pub(super) fn edtf(
        &mut self,
        obj: &Value,
        path: &str,
        key: &str,
        instead: &str,
    ) -> Option<Edtf> {
        let text = self.text(obj, path, key)?;
        match Edtf::parse(&text) {
            Ok(date) => Some(date),
            Err(e) => {
                let at = obj.get(key).map_or(obj.at, |v| v.at);
                self.error(&join(path, key), at, format!("{e}; {instead}"));
                None
            }
        }
    }

    /// Decodes each item of the list `key` with `one`, which returns `None` to drop an item.
    pub(super) fn list<T>(
        &mut self,
        v: &Value,
        path: &str,
        key: &str,
        mut one: impl FnMut(&mut Self, &Value, &str) -> Option<T>,
    ) -> Vec<T> {
        let Some(Value {
            kind: Kind::Array(items),
            ..
        }) = self.array(v, path, key)
        else {
            return Vec::new();
        };
        let base = join(path, key);
        items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| one(self, item, &format!("{base}[{i}]")))
            .collect()
    }

    /// `url` (the item's `url` field) when it is an http(s) link; otherwise reported, and `None`.
    pub(super) fn web_link(&mut self, v: &Value, path: &str, url: &str) -> Option<String> {
        match checked_url(url) {
            Ok(url) => Some(url),
            Err(why) => {
                let at = v.get("url").map_or(v.at, |u| u.at);
                self.error(
                    &join(path, "url"),
                    at,
                    format!("{why}; the link is dropped"),
                );
                None
            }
        }
    }
}
