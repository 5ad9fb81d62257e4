//! Decimal text to and from `f64`, with the results of Rust's own `str::parse::<f64>` and of
//! `Display` for `f64`, in a fraction of their code.
//!
//! The engine is downloaded by every reader, and the standard library's float code with its
//! tables is over 30 KB of it. Here the common cases take a short path: a number of at most 19
//! significant digits and a power of ten that `f64` holds exactly is parsed by one
//! multiplication or division, which is exact. Every other number is rounded with exact
//! integer arithmetic: parsing starts from an estimate and moves it one step at a time until the
//! decimal lies within half a step of it (ties to even); writing generates the shortest digits
//! that read back as the same number (the free-format algorithm of Steele and White, as Burger
//! and Dybvig give it), ties rounding up as Rust's does. Both are checked against the standard
//! library's in the tests below, over random bit patterns and random decimal strings.

use std::cmp::Ordering;

/// An unsigned integer of any size, in 32-bit limbs, least significant first, without leading
/// zero limbs.
#[derive(Clone, Debug)]
struct Big(Vec<u32>);

impl Big {
    fn from_u64(v: u64) -> Big {
        let mut b = Big(vec![v as u32, (v >> 32) as u32]);
        b.trim();
        b
    }

    fn trim(&mut self) {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }

    /// `self * m + a`.
    fn mul_add_small(&mut self, m: u32, a: u32) {
        let mut carry = u64::from(a);
        for limb in &mut self.0 {
            let v = u64::from(*limb) * u64::from(m) + carry;
            *limb = v as u32;
            carry = v >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
        self.trim();
    }

    fn mul_pow10(&mut self, mut n: u32) {
        while n >= 9 {
            self.mul_add_small(1_000_000_000, 0);
            n -= 9;
        }
        if n > 0 {
            self.mul_add_small(10u32.pow(n), 0);
        }
    }

    fn mul_pow2(&mut self, n: u32) {
        if self.0.is_empty() {
            return;
        }
        let (limbs, bits) = ((n / 32) as usize, n % 32);
        if bits > 0 {
            let mut carry = 0;
            for limb in &mut self.0 {
                let v = *limb;
                *limb = (v << bits) | carry;
                carry = v >> (32 - bits);
            }
            if carry > 0 {
                self.0.push(carry);
            }
        }
        self.0.splice(0..0, std::iter::repeat_n(0, limbs));
    }

    fn add(&mut self, other: &Big) {
        if self.0.len() < other.0.len() {
            self.0.resize(other.0.len(), 0);
        }
        let mut carry = 0u64;
        for (i, limb) in self.0.iter_mut().enumerate() {
            let v = u64::from(*limb) + u64::from(other.0.get(i).copied().unwrap_or(0)) + carry;
            *limb = v as u32;
            carry = v >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    /// `self - other`, for `other <= self`.
    fn sub(&mut self, other: &Big) {
        let mut borrow = 0i64;
        for (i, limb) in self.0.iter_mut().enumerate() {
            let v = i64::from(*limb) - i64::from(other.0.get(i).copied().unwrap_or(0)) - borrow;
            *limb = v as u32;
            borrow = i64::from(v < 0);
        }
        self.trim();
    }

    fn cmp(&self, other: &Big) -> Ordering {
        self.0
            .len()
            .cmp(&other.0.len())
            .then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }
}

/// At most this many significant digits are kept when parsing: a longer number is cut, with a
/// last digit 1 standing for any non-zero digits cut. A halfway point between two `f64`s has at
/// most 767 significant digits, so this decides every rounding as the whole number would.
const MAX_DIGITS: usize = 800;

/// Parses a decimal number as Rust's `str::parse::<f64>` does: an optional sign, digits with an
/// optional decimal point (at least one digit), an optional exponent; or `inf`, `infinity` or
/// `nan` in any case. `None` for anything else.
pub fn parse_f64(text: &str) -> Option<f64> {
    let b = text.as_bytes();
    let (negative, b) = match b.first() {
        Some(b'-') => (true, &b[1..]),
        Some(b'+') => (false, &b[1..]),
        _ => (false, b),
    };
    let sign = |v: f64| if negative { -v } else { v };
    if b.eq_ignore_ascii_case(b"inf") || b.eq_ignore_ascii_case(b"infinity") {
        return Some(sign(f64::INFINITY));
    }
    if b.eq_ignore_ascii_case(b"nan") {
        return Some(f64::NAN);
    }
    let digits_from = |i: usize| i + b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    let int_end = digits_from(0);
    let (frac_start, frac_end) = if b.get(int_end) == Some(&b'.') {
        (int_end + 1, digits_from(int_end + 1))
    } else {
        (int_end, int_end)
    };
    if int_end == 0 && frac_end == frac_start {
        return None;
    }
    let mut exponent: i64 = 0;
    let mut i = frac_end;
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        let minus = match b.get(i) {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        let end = digits_from(i);
        if end == i {
            return None;
        }
        for &c in &b[i..end] {
            // Past this, the number is zero or infinite whatever its digits.
            exponent = (exponent * 10 + i64::from(c - b'0')).min(1 << 40);
        }
        if minus {
            exponent = -exponent;
        }
        i = end;
    }
    if i != b.len() {
        return None;
    }
    let digits = b[..int_end].iter().chain(&b[frac_start..frac_end]);
    // The value is the digits, as one integer, times ten to this.
    let mut k = exponent - (frac_end - frac_start) as i64;
    // The short path: up to 19 significant digits.
    let mut m: u64 = 0;
    let mut count = 0;
    for &c in digits.clone() {
        if count > 0 || c != b'0' {
            count += 1;
            if count > 19 {
                break;
            }
            m = m * 10 + u64::from(c - b'0');
        }
    }
    if count == 0 {
        return Some(sign(0.0));
    }
    if count <= 19 && m < 1 << 53 && (-22..=22).contains(&k) {
        let p = POWERS[k.unsigned_abs() as usize];
        return Some(sign(if k < 0 { m as f64 / p } else { m as f64 * p }));
    }
    // Every significant digit, less trailing zeros, and at most MAX_DIGITS of them.
    let mut kept: Vec<u8> = digits.skip_while(|&&c| c == b'0').copied().collect();
    while kept.last() == Some(&b'0') {
        kept.pop();
        k += 1;
    }
    if kept.len() > MAX_DIGITS {
        let cut_non_zero = kept[MAX_DIGITS..].iter().any(|&c| c != b'0');
        k += (kept.len() - MAX_DIGITS) as i64;
        kept.truncate(MAX_DIGITS);
        if cut_non_zero {
            kept.push(b'1');
            k -= 1;
        }
    }
    Some(sign(slow(&kept, k)))
}

/// Ten to the powers 0 to 22: exact in `f64`.
const POWERS: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// The `f64` nearest the positive number `digits × 10^k` (`digits` as ASCII, the first not
/// 0), ties to even.
fn slow(digits: &[u8], k: i64) -> f64 {
    let count = digits.len() as i64;
    // Past the largest `f64`, or under half the smallest.
    if count + k > 310 {
        return f64::INFINITY;
    }
    if count + k < -324 {
        return 0.0;
    }
    let mut value = Big(Vec::new());
    let mut lead = 0u64;
    for (i, &c) in digits.iter().enumerate() {
        value.mul_add_small(10, u32::from(c - b'0'));
        if i < 19 {
            lead = lead * 10 + u64::from(c - b'0');
        }
    }
    // An estimate from the leading digits, then a step at a time to the nearest.
    let lead_k = k + (count - count.min(19));
    // Scaled in two steps where ten to `lead_k` alone is below the smallest f64.
    let mut z = if lead_k < -300 {
        lead as f64 * ten_to(lead_k + 300) * 1e-300
    } else {
        lead as f64 * ten_to(lead_k)
    };
    if z.is_infinite() {
        z = f64::MAX;
    }
    let k = k as i32;
    loop {
        match above_midpoint(&value, k, z) {
            Ordering::Greater if z == f64::MAX => return f64::INFINITY,
            Ordering::Greater => {
                z = f64::from_bits(z.to_bits() + 1);
                continue;
            }
            Ordering::Equal => {
                return if z.to_bits() & 1 == 1 {
                    f64::from_bits(z.to_bits() + 1)
                } else {
                    z
                }
            }
            Ordering::Less => {}
        }
        if z == 0.0 {
            return z;
        }
        let below = f64::from_bits(z.to_bits() - 1);
        match above_midpoint(&value, k, below) {
            Ordering::Less => z = below,
            Ordering::Equal => return if below.to_bits() & 1 == 1 { z } else { below },
            Ordering::Greater => return z,
        }
    }
}

/// Roughly ten to the power `k`, without overflowing on the way for any `k` a finite number
/// can need.
fn ten_to(k: i64) -> f64 {
    let mut z = 1.0;
    let step = if k < 0 { 1e-22 } else { 1e22 };
    let mut left = k.unsigned_abs();
    while left > 22 {
        z *= step;
        left -= 22;
    }
    if k < 0 {
        z / POWERS[left as usize]
    } else {
        z * POWERS[left as usize]
    }
}

/// How `value × 10^k` compares with the midpoint between `z` (non-negative, finite) and the
/// next `f64` up.
fn above_midpoint(value: &Big, k: i32, z: f64) -> Ordering {
    let (mantissa, exponent) = decompose(z);
    let mut left = value.clone();
    let mut right = Big::from_u64(2 * mantissa + 1);
    if k > 0 {
        left.mul_pow10(k as u32);
    } else {
        right.mul_pow10(k.unsigned_abs());
    }
    // The midpoint is (2m + 1) × 2^(e - 1).
    let e = exponent - 1;
    if e > 0 {
        right.mul_pow2(e as u32);
    } else {
        left.mul_pow2(e.unsigned_abs());
    }
    left.cmp(&right)
}

/// A non-negative finite `f64` as `m × 2^e`.
fn decompose(z: f64) -> (u64, i32) {
    let bits = z.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1 << 52) - 1);
    if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), biased - 1075)
    }
}

/// Appends `value` as `Display` for `f64` writes it: the fewest digits that read back as the
/// same number, written out in full without an exponent (`0.0001`, `1e21` as
/// `1000000000000000000000`), `-` for a negative number (and for -0), and `NaN`, `inf`, `-inf`.
pub fn push_f64(out: &mut String, value: f64) {
    if value.is_nan() {
        out.push_str("NaN");
        return;
    }
    if value.is_sign_negative() {
        out.push('-');
    }
    let value = value.abs();
    if value.is_infinite() {
        out.push_str("inf");
        return;
    }
    if value == 0.0 {
        out.push('0');
        return;
    }
    let (digits, k) = shortest(value);
    // The value is 0.d1d2d3… × 10^k.
    if k <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', k.unsigned_abs() as usize));
        out.extend(digits.iter().map(|&d| char::from(b'0' + d)));
    } else {
        let k = k as usize;
        for (i, &d) in digits.iter().enumerate() {
            if i == k {
                out.push('.');
            }
            out.push(char::from(b'0' + d));
        }
        out.extend(std::iter::repeat_n('0', k.saturating_sub(digits.len())));
    }
}

/// `value` as `Display` writes it (see [`push_f64`]).
pub fn to_text(value: f64) -> String {
    let mut out = String::new();
    push_f64(&mut out, value);
    out
}

/// The shortest digits (each 0 to 9) of a positive finite `value` that read back as it, and
/// the power of ten `k` with `value ≈ 0.d1d2… × 10^k`.
fn shortest(value: f64) -> (Vec<u8>, i32) {
    let (m, e) = decompose(value);
    // The numbers that read as `value` lie between (r - minus) / s and (r + plus) / s; they
    // include their ends when the mantissa is even.
    let boundary = m == 1 << 52 && e > -1074;
    let inclusive = m & 1 == 0;
    let (m, e, minus, plus) = if boundary {
        (m << 2, e - 2, 1, 2)
    } else {
        (m << 1, e - 1, 1, 1)
    };
    let (mut r, mut s, mut minus, mut plus) = (
        Big::from_u64(m),
        Big::from_u64(1),
        Big::from_u64(minus),
        Big::from_u64(plus),
    );
    if e >= 0 {
        r.mul_pow2(e as u32);
        minus.mul_pow2(e as u32);
        plus.mul_pow2(e as u32);
    } else {
        s.mul_pow2(e.unsigned_abs());
    }
    // An estimate of k that is never too high: floor(log10(2) × (e + bits)) - 1.
    let bits = 64 - m.leading_zeros() as i32;
    let mut k = ((i64::from(e + bits - 1) * 78_913) >> 18) as i32 - 1;
    if k >= 0 {
        s.mul_pow10(k as u32);
    } else {
        let up = k.unsigned_abs();
        r.mul_pow10(up);
        minus.mul_pow10(up);
        plus.mul_pow10(up);
    }
    // The upper end must be below 1 (or at most 1, inclusive) in units of 10^k.
    let past = |r: &Big, plus: &Big, s: &Big| {
        let mut high = r.clone();
        high.add(plus);
        match high.cmp(s) {
            Ordering::Greater => true,
            Ordering::Equal => inclusive,
            Ordering::Less => false,
        }
    };
    while past(&r, &plus, &s) {
        s.mul_add_small(10, 0);
        k += 1;
    }
    let mut digits = Vec::with_capacity(17);
    loop {
        r.mul_add_small(10, 0);
        minus.mul_add_small(10, 0);
        plus.mul_add_small(10, 0);
        let mut d = 0u8;
        while r.cmp(&s) != Ordering::Less {
            r.sub(&s);
            d += 1;
        }
        let low = match r.cmp(&minus) {
            Ordering::Less => true,
            Ordering::Equal => inclusive,
            Ordering::Greater => false,
        };
        let high = past(&r, &plus, &s);
        if !low && !high {
            digits.push(d);
            continue;
        }
        let up = high
            && (!low || {
                let mut twice = r.clone();
                twice.mul_add_small(2, 0);
                twice.cmp(&s) != Ordering::Less
            });
        digits.push(d + u8::from(up));
        break;
    }
    // A last digit rounded up to 10 carries.
    while digits.last() == Some(&10) {
        digits.pop();
        match digits.last_mut() {
            Some(d) => *d += 1,
            None => {
                digits.push(1);
                k += 1;
            }
        }
    }
    (digits, k)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn written(v: f64) -> String {
        let mut out = String::new();
        push_f64(&mut out, v);
        out
    }

    fn same(text: &str) {
        let ours = parse_f64(text);
        let std = text.parse::<f64>().ok();
        assert_eq!(
            ours.map(f64::to_bits),
            std.map(f64::to_bits),
            "{text}: {ours:?} against {std:?}"
        );
    }

    /// The sum of two non-negative decimals written with the same number of fraction digits.
    fn add(a: &str, b: &str) -> String {
        let width = a.len().max(b.len());
        let pad = |s: &str| format!("{s:0>width$}").into_bytes();
        let (a, b) = (pad(a), pad(b));
        let mut out = Vec::new();
        let mut carry = 0;
        for i in (0..width).rev() {
            if a[i] == b'.' {
                out.push(b'.');
                continue;
            }
            let d = (a[i] - b'0') + (b[i] - b'0') + carry;
            out.push(b'0' + d % 10);
            carry = d / 10;
        }
        if carry > 0 {
            out.push(b'1');
        }
        out.reverse();
        String::from_utf8(out).unwrap()
    }

    /// Half a decimal whose last digit is even.
    fn halve(a: &str) -> String {
        let mut out = String::new();
        let mut rest = 0;
        for c in a.bytes() {
            if c == b'.' {
                out.push('.');
                continue;
            }
            let d = rest * 10 + (c - b'0');
            out.push(char::from(b'0' + d / 2));
            rest = d % 2;
        }
        assert_eq!(rest, 0);
        out
    }

    #[test]
    fn parses_as_the_standard_library_does() {
        for text in [
            "0", "-0", "+0", "1", "-1", "1.", ".5", "0.1", "33.3128", "-179.999999", "1e5", "1E5",
            "1e+5", "2.5e-3", "000123.4500", "9007199254740993", "9007199254740992",
            "1e22", "1e23", "123456789012345678901234567890", "0.000000000000000000001",
            "1.7976931348623157e308", "1.7976931348623159e308", "1.8e308", "2e308",
            "4.9e-324", "2.4703282292062327e-324", "2.4703282292062328e-324", "2.47e-324",
            "5e-324", "1e-400", "2.2250738585072011e-308", "2.2250738585072014e-308",
            "inf", "-Infinity", "NaN", "infinity", "", "-", "+", ".", "e5", "1e", "1e+",
            "1.2.3", " 1", "1 ", "0x10", "1_000", "--1", "1e99999999999999", "1e-99999999999999",
            "0e99999999999", "0.0000e-5", "17976931348623157", "8.98846567431158e307",
            "2.225073858507201136057409796709131975934819546351645648023426109724822222021076945516529523908135087914149158913039621106870086438694594645527657207407820621743379988141063267329253552286881372149012981122451451889849057222307285255133155755015914397476397983411801999323962548289017107081850690630666655994938275772572015763062690663332647565300009245888316433037779791869612049497390377829704905051080609940730262937128958950003583799967207254304360284078895771796150945516748243471030702609144621572289880258182545180325707018860872113128079512233426288368622321503775666622503982534335974568884423900265498198385487948292206894721689831099698365846814022854243330660339850886445804001034933970427567186443383770486037861622771738545623065874679014086723327636718751234567890123456789012345678901e-308",
        ] {
            same(text);
        }
    }

    #[test]
    fn writes_as_display_does() {
        for v in [
            0.1,
            0.3,
            1.5,
            -2.25,
            33.3128,
            1e15,
            1e16,
            1e21,
            1e22,
            1e23,
            123456789.123,
            5e-324,
            f64::MIN_POSITIVE,
            f64::MAX,
            f64::EPSILON,
            1.0 / 3.0,
            2.0f64.powi(60),
            9007199254740993.0,
            0.000001,
            1e-7,
            -0.0,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
        ] {
            assert_eq!(written(v), format!("{v}"), "{v:e}");
        }
    }

    proptest! {
        #[test]
        fn writes_every_f64_as_display_does(bits in any::<u64>()) {
            let v = f64::from_bits(bits);
            prop_assert_eq!(written(v), format!("{v}"));
        }

        #[test]
        fn reads_back_what_it_writes(bits in any::<u64>()) {
            let v = f64::from_bits(bits);
            prop_assume!(v.is_finite());
            prop_assert_eq!(parse_f64(&written(v)).map(f64::to_bits), Some(bits));
        }

        #[test]
        fn parses_decimals_as_the_standard_library_does(
            int in "[0-9]{0,30}",
            frac in proptest::option::of("[0-9]{0,30}"),
            exp in proptest::option::of(-400i32..400),
        ) {
            let mut text = int;
            if let Some(frac) = frac {
                text.push('.');
                text.push_str(&frac);
            }
            if let Some(exp) = exp {
                text.push_str(&format!("e{exp}"));
            }
            same(&text);
        }

        #[test]
        fn parses_halfway_points_as_the_standard_library_does(bits in 0u64..0x7fef_ffff_ffff_ffff) {
            // The exact midpoint between an f64 and the next, and numbers a hair either side.
            let (a, b) = (f64::from_bits(bits), f64::from_bits(bits + 1));
            let mid = halve(&add(&format!("{a:.1100}"), &format!("{b:.1100}")));
            same(&mid);
            same(&format!("{mid}1"));
            same(&format!("{}e-1", mid.replace('.', "")));
        }

        #[test]
        fn parses_written_neighbours_of_f64s(bits in any::<u64>(), digits in 15usize..25) {
            // Numbers near an f64's halfway points, where rounding is hardest.
            let v = f64::from_bits(bits);
            prop_assume!(v.is_finite());
            same(&format!("{v:.*e}", digits));
        }
    }
}
