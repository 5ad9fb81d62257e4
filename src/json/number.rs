//! Decimal numbers as JSON reads and writes them, and as messages quote them.

/// Appends `value` as decimal digits that read back as it: `2.5`, `0.1`, `1e21`, `5e-7`; a whole
/// number without `.0`; `NaN`, `inf` and `-inf` as such. Written by `lexical-core` built
/// `compact`, the smallest of the well-kept float writers in the page's engine
/// (docs/architecture.md, Size); in rare cases it writes one digit more than the fewest.
pub fn push_decimal(out: &mut String, value: f64) {
    let mut buffer = [0u8; lexical_core::BUFFER_SIZE];
    let text = std::str::from_utf8(lexical_core::write(value, &mut buffer)).unwrap_or("NaN");
    let (mantissa, exponent) = text.split_at(text.find('e').unwrap_or(text.len()));
    out.push_str(mantissa.strip_suffix(".0").unwrap_or(mantissa));
    out.push_str(exponent);
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
        /// Decimals read as the standard library reads them, and write as digits that read back
        /// as the same number, at most one more than the standard library's shortest form.
        #[test]
        fn decimals_agree_with_the_standard_library(bits in proptest::num::u64::ANY, digits in "-?[0-9]{1,20}(\\.[0-9]{1,20})?([eE][-+]?[0-9]{1,3})?") {
            let value = f64::from_bits(bits);
            if value.is_finite() {
                let text = decimal(value);
                proptest::prop_assert_eq!(text.parse::<f64>().ok(), Some(value), "{}", text);
                let shortest = format!("{value:e}");
                let count = |t: &str| t.split(['e', 'E']).next().unwrap_or("").trim_start_matches('-').replace('.', "").trim_start_matches('0').trim_end_matches('0').len();
                // The compact writer may give one digit more than the fewest (in one case of
                // some thousands: -6.8709812517978256e16 for -6.870981251797826e16).
                proptest::prop_assert!(count(&text) <= count(&shortest) + 1, "{} against {}", text, shortest);
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
        assert_eq!(decimal(f64::NAN), "NaN");
        assert_eq!(decimal(f64::NEG_INFINITY), "-inf");
        assert_eq!(parse_decimal("33.7856"), Some(33.7856));
        assert_eq!(parse_decimal("1e400"), Some(f64::INFINITY));
        assert_eq!(parse_decimal("12,5"), None);
    }
}
