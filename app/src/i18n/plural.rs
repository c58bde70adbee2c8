//! Each language's plural rule, in one place: the ending a count takes.

/// English: `""` for one, `"s"` for more (or none).
pub(super) fn english(n: u64) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// French: `""` for zero or one, `"s"` for more (French counts zero as singular).
pub(super) fn french(n: u64) -> &'static str {
    if n > 1 {
        "s"
    } else {
        ""
    }
}
