//! JSON written by the core: string literals, numbers, and [`ToJson`] for the values it hands
//! to JavaScript and writes into files.

/// Writes `text` as a JSON string literal, quotes included.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    push_quoted(&mut out, text);
    out
}

/// Appends `text` as a JSON string literal to `out` (see [`quote`]).
pub fn push_quoted(out: &mut String, text: &str) {
    // Most text needs no escape: copied whole.
    // Without an early exit the check runs many bytes at a time.
    let plain = !text.bytes().fold(false, |escape, b| {
        escape | (b < b' ') | (b == b'"') | (b == b'\\') | (b == 0xE2)
    });
    if plain {
        out.push('"');
        out.push_str(text);
        out.push('"');
        return;
    }
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            // Line and paragraph separators are legal JSON but break JavaScript string literals.
            c if c < ' ' || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Appends a number as JSON writes it: whole numbers without a fraction, and `null` for what
/// JSON cannot write (NaN and the infinities).
pub fn push_number(out: &mut String, value: f64) {
    if !value.is_finite() {
        out.push_str("null");
    } else if value.fract() == 0.0 && value.abs() < 1e15 {
        push_int(out, value as i64);
    } else {
        super::number::push_decimal(out, value);
    }
}

/// `value` as [`push_number`] writes it.
pub fn number_text(value: f64) -> String {
    let mut out = String::new();
    push_number(&mut out, value);
    out
}

/// A value the core hands to JavaScript as JSON text (parsed there with `JSON.parse`): the
/// names and shapes are those `docs/api.md` gives.
pub trait ToJson {
    /// Appends the value's JSON to `out`.
    fn write_json(&self, out: &mut String);

    /// The value's JSON.
    fn to_json(&self) -> String {
        let mut out = String::new();
        self.write_json(&mut out);
        out
    }
}

impl ToJson for str {
    fn write_json(&self, out: &mut String) {
        push_quoted(out, self);
    }
}

impl ToJson for String {
    fn write_json(&self, out: &mut String) {
        push_quoted(out, self);
    }
}

impl ToJson for bool {
    fn write_json(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

impl ToJson for f64 {
    fn write_json(&self, out: &mut String) {
        push_number(out, *self);
    }
}

impl ToJson for i32 {
    fn write_json(&self, out: &mut String) {
        push_int(out, i64::from(*self));
    }
}

impl ToJson for u32 {
    fn write_json(&self, out: &mut String) {
        push_int(out, i64::from(*self));
    }
}

impl<T: ToJson + ?Sized> ToJson for &T {
    fn write_json(&self, out: &mut String) {
        (**self).write_json(out);
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn write_json(&self, out: &mut String) {
        match self {
            Some(v) => v.write_json(out),
            None => out.push_str("null"),
        }
    }
}

impl<T: ToJson> ToJson for [T] {
    fn write_json(&self, out: &mut String) {
        out.push('[');
        for (i, item) in self.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            item.write_json(out);
        }
        out.push(']');
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write_json(&self, out: &mut String) {
        self.as_slice().write_json(out);
    }
}

/// A struct written as a JSON object, whose fields can also go into an enclosing object (as a
/// flattened part's do).
pub trait JsonFields {
    /// Writes the fields into `o`.
    fn fields<'o>(&self, o: Object<'o>) -> Object<'o>;
}

/// Implements [`ToJson`] for types that implement [`JsonFields`]: each is one object.
#[macro_export]
macro_rules! json_objects {
    ($($t:ty),* $(,)?) => {$(
        impl $crate::json::write::ToJson for $t {
            fn write_json(&self, out: &mut String) {
                $crate::json::write::JsonFields::fields(self, $crate::json::write::Object::new(out)).end();
            }
        }
    )*};
}

/// Implements [`JsonFields`] and [`ToJson`] for a struct, given each JSON name and the field
/// written under it: `json_struct!(Tick { "day" => day, "label" => label })`.
#[macro_export]
macro_rules! json_struct {
    ($t:ty { $($name:literal => $field:ident),* $(,)? }) => {
        impl $crate::json::write::JsonFields for $t {
            fn fields<'o>(&self, o: $crate::json::write::Object<'o>) -> $crate::json::write::Object<'o> {
                o$(.field($name, &self.$field))*
            }
        }
        $crate::json_objects!($t);
    };
}

/// Writes a JSON object a field at a time: `Object::new(out).field("a", &1).end()`.
pub struct Object<'o> {
    out: &'o mut String,
    first: bool,
}

impl<'o> Object<'o> {
    /// Starts an object.
    pub fn new(out: &'o mut String) -> Object<'o> {
        out.push('{');
        Object { out, first: true }
    }

    /// Adds a field.
    pub fn field(mut self, name: &str, value: &(impl ToJson + ?Sized)) -> Object<'o> {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        push_quoted(self.out, name);
        self.out.push(':');
        value.write_json(self.out);
        self
    }

    /// Ends the object.
    pub fn end(self) {
        self.out.push('}');
    }
}

/// Appends `n` in decimal, as `write!` would, without the formatting machinery (a page of
/// summaries writes hundreds of them per brush step).
pub fn push_int(out: &mut String, n: i64) {
    out.push_str(itoa::Buffer::new().format(n));
}
