//! Decimal numbers as JSON reads and writes them, and as messages quote them.

/// Appends `value` as the fewest decimal digits that read back as it: `2.5`, `0.1`, `1e21`,
/// `5e-7`; a whole number without `.0`; `NaN`, `inf` and `-inf` as such. The digits are
/// `zmij`'s (Schubfach), always the shortest; the exponent is written without `+`.
pub fn push_decimal(out: &mut String, value: f64) {
    if !value.is_finite() {
        out.push_str(if value.is_nan() {
            "NaN"
        } else if value > 0.0 {
            "inf"
        } else {
            "-inf"
        });
        return;
    }
    let mut buffer = zmij::Buffer::new();
    let text = buffer.format_finite(value);
    let (mantissa, exponent) = text.split_at(text.find('e').unwrap_or(text.len()));
    out.push_str(mantissa.strip_suffix(".0").unwrap_or(mantissa));
    if let Some(power) = exponent.strip_prefix("e+") {
        out.push('e');
        out.push_str(power);
    } else {
        out.push_str(exponent);
    }
}

/// `value` as [`push_decimal`] writes it.
pub fn decimal(value: f64) -> String {
    let mut out = String::new();
    push_decimal(&mut out, value);
    out
}

/// The number a decimal text stands for, correctly rounded, as `str::parse::<f64>` reads it,
/// by `lexical-core` built `compact`: a fifth of the code of the standard library's parser in
/// the page's engine, which reads only a package's few numbers. The importers, which read
/// millions, use the standard library's, four times faster.
pub fn parse_decimal(text: &str) -> Option<f64> {
    lexical_core::parse(text.as_bytes()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Decimals read as the standard library reads them, and write as the fewest digits
        /// that read back as the same number, as many as the standard library's shortest form.
        #[test]
        fn decimals_agree_with_the_standard_library(bits in proptest::num::u64::ANY, digits in "-?[0-9]{1,20}(\\.[0-9]{1,20})?([eE][-+]?[0-9]{1,3})?") {
            let value = f64::from_bits(bits);
            if value.is_finite() {
                let text = decimal(value);
                proptest::prop_assert_eq!(text.parse::<f64>().ok(), Some(value), "{}", text);
                let shortest = format!("{value:e}");
                let count = |t: &str| t.split(['e', 'E']).next().unwrap_or("").trim_start_matches('-').replace('.', "").trim_start_matches('0').trim_end_matches('0').len();
                proptest::prop_assert_eq!(count(&text), count(&shortest), "{} against {}", text, shortest);
            }
            proptest::prop_assert_eq!(parse_decimal(&digits).map(f64::to_bits), digits.parse::<f64>().ok().map(f64::to_bits));
        }
    }

    #[test]
    fn decimals_are_written_short() {
        assert_eq!(decimal(1.0), "1");
        assert_eq!(decimal(-42.4411), "-42.4411");
        assert_eq!(decimal(0.1), "0.1");
        assert_eq!(decimal(1e21), "1e21");
        assert_eq!(decimal(5e-7), "5e-7");
        // Six decimals, as coordinates are given, once written with 17 digits.
        assert_eq!(decimal(110.012397), "110.012397");
        assert_eq!(decimal(-2.53072420355343e24), "-2.53072420355343e24");
        assert_eq!(decimal(f64::NAN), "NaN");
        assert_eq!(decimal(f64::NEG_INFINITY), "-inf");
        assert_eq!(parse_decimal("33.7856"), Some(33.7856));
        assert_eq!(parse_decimal("1e400"), Some(f64::INFINITY));
        assert_eq!(parse_decimal("12,5"), None);
    }
}
