//! Numbers with a fixed count of decimals, written with integer arithmetic: Rust's float
//! formatting (`{:.2}`) brings some 15 KB of code into the wasm for these few numbers.

/// `value` rounded to `places` decimals (at most 6), half away from zero, with `separator`
/// between the units and the decimals: `fixed_point(12.345, 2, ',')` is `12,35`.
pub fn fixed_point(value: f64, places: u32, separator: char) -> String {
    let scale = 10_u64.pow(places.min(6));
    let scaled = (value.abs() * scale as f64).round() as u64;
    let sign = if value < 0.0 && scaled != 0 { "-" } else { "" };
    let units = scaled / scale;
    if places == 0 {
        return format!("{sign}{units}");
    }
    let decimals = scaled % scale;
    let width = places.min(6) as usize;
    format!("{sign}{units}{separator}{decimals:0width$}")
}

#[cfg(test)]
mod tests {
    use super::fixed_point;

    #[test]
    fn rounds_to_the_decimals_asked_for() {
        assert_eq!(fixed_point(12.345_1, 2, '.'), "12.35");
        assert_eq!(fixed_point(0.05, 2, '.'), "0.05");
        assert_eq!(fixed_point(7.0, 2, ','), "7,00");
        assert_eq!(fixed_point(1.96, 1, ','), "2,0");
        assert_eq!(fixed_point(20.0, 1, '.'), "20.0");
        assert_eq!(fixed_point(3.7, 0, '.'), "4");
    }

    #[test]
    fn keeps_the_sign_but_never_a_negative_zero() {
        assert_eq!(fixed_point(-4.256, 2, '.'), "-4.26");
        assert_eq!(fixed_point(-0.001, 2, '.'), "0.00");
    }

    #[test]
    fn agrees_with_the_standard_formatting_away_from_exact_halves() {
        for cents in [0.0, 0.01, 0.1, 0.99, 1.234, 12.5, 99.994, 1234.567, 0.045_1] {
            assert_eq!(fixed_point(cents, 2, '.'), format!("{cents:.2}"), "{cents}");
            assert_eq!(fixed_point(cents, 1, '.'), format!("{cents:.1}"), "{cents}");
        }
    }
}
