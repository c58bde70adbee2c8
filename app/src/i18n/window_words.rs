//! The shape of a sending window in words, which each language fills with its own.

use chrono::Weekday;

use crate::models::WindowTerms;

/// A language's words for a sending window.
pub(super) struct WindowWords {
    /// The days of the week, from Monday.
    pub days: [&'static str; 7],
    pub every_day: &'static str,
    /// Closed on French public holidays.
    pub french_holidays: &'static str,
    /// Closed on those and on the territory's abolition-of-slavery day.
    pub territory_holidays: &'static str,
    /// Said in place of a zone when the window has none: the recipient's own clock.
    pub local_time: &'static str,
}

/// `Monday–Friday 08:00–20:00, never on French public holidays (Europe/Paris)`.
pub(super) fn window_in_words(window: &WindowTerms, words: &WindowWords) -> String {
    let days = days_in_words(&window.days, words.days, words.every_day);
    let holidays = match (window.french_holidays, window.territory_holidays) {
        (true, true) => words.territory_holidays,
        (true, false) => words.french_holidays,
        (false, _) => "",
    };
    let zone = window.zone.as_deref().unwrap_or(words.local_time);
    format!("{days} {}–{}{holidays} ({zone})", window.start, window.end)
}

/// Days of the week in words: `every`, one day, a run (`first–last`) or a list; `names` from Monday.
fn days_in_words(days: &[Weekday], names: [&str; 7], every: &str) -> String {
    let open: Vec<usize> = days
        .iter()
        .map(|d| d.num_days_from_monday() as usize)
        .collect();
    let contiguous = open.windows(2).all(|pair| pair[1] == pair[0] + 1);
    match open.as_slice() {
        [_, _, _, _, _, _, _] => every.to_owned(),
        [only] => names[*only].to_owned(),
        [first, .., last] if contiguous => format!("{}–{}", names[*first], names[*last]),
        days => days
            .iter()
            .map(|i| names[*i])
            .collect::<Vec<_>>()
            .join(", "),
    }
}
