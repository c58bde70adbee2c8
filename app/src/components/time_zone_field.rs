use leptos::prelude::*;

use crate::client::browser_time_zone;
use crate::components::FieldErrors;
use crate::fetched::Fetched;
use crate::i18n::word;
use crate::models::{AppError, Field, ZoneChoice};

/// The zone the send time is read in: the browser's at first. Typing finds a zone among those the
/// server offers (countries' zones, no alias), the browser's first, then those of the
/// recipients' countries.
#[component]
pub fn TimeZoneField(
    time_zone: RwSignal<String>,
    zones: Fetched<Result<Vec<ZoneChoice>, AppError>>,
    /// The recipients' countries (ISO 3166 codes), as the preview read them.
    #[prop(into)]
    countries: Signal<Vec<String>>,
    #[prop(into)] errors: Signal<Vec<String>>,
) -> impl IntoView {
    let browser = browser_time_zone();
    let options = move || {
        let zones = zones.get().and_then(Result::ok).unwrap_or_default();
        ordered(zones, browser.as_deref(), &countries.get())
            .into_iter()
            .map(|zone| {
                let countries = zone.countries.join(", ");
                view! { <option value=zone.name>{countries}</option> }
            })
            .collect_view()
    };
    let invalid = move || (!errors.get().is_empty()).then_some("true");
    view! {
        <div class="field">
            <label for="time-zone">{word(|t| t.time_zone)}</label>
            <input
                id="time-zone"
                type="text"
                list="time-zone-choices"
                autocomplete="off"
                spellcheck="false"
                bind:value=time_zone
                aria-invalid=invalid
                aria-describedby="time-zone-errors"
            />
            <datalist id="time-zone-choices" data-testid="time-zone-choices">{options}</datalist>
            <FieldErrors field=Field::TimeZone messages=errors/>
        </div>
    }
}

/// The browser's zone first, then those of the recipients' countries (in the countries' order),
/// then the others as the server listed them.
fn ordered(zones: Vec<ZoneChoice>, browser: Option<&str>, countries: &[String]) -> Vec<ZoneChoice> {
    let rank = |zone: &ZoneChoice| {
        if Some(zone.name.as_str()) == browser {
            0
        } else {
            countries
                .iter()
                .position(|country| zone.countries.contains(country))
                .map_or(usize::MAX, |position| position + 1)
        }
    };
    let mut zones = zones;
    // A stable sort keeps the server's order within each rank.
    zones.sort_by_key(rank);
    zones
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zone(name: &str, countries: &[&str]) -> ZoneChoice {
        ZoneChoice {
            name: name.into(),
            countries: countries.iter().map(|c| c.to_string()).collect(),
        }
    }

    #[test]
    fn the_browsers_zone_then_the_recipients_countries_come_first() {
        let zones = vec![
            zone("America/Chicago", &["US"]),
            zone("America/New_York", &["US"]),
            zone("Asia/Tokyo", &["JP"]),
            zone("Europe/Berlin", &["DE"]),
            zone("Europe/Paris", &["FR"]),
            zone("UTC", &[]),
        ];
        let names = |zones: Vec<ZoneChoice>| zones.into_iter().map(|z| z.name).collect::<Vec<_>>();
        assert_eq!(
            names(ordered(
                zones.clone(),
                Some("Europe/Paris"),
                &["DE".into(), "US".into()]
            )),
            [
                "Europe/Paris",
                "Europe/Berlin",
                "America/Chicago",
                "America/New_York",
                "Asia/Tokyo",
                "UTC"
            ]
        );
        assert_eq!(names(ordered(zones.clone(), None, &[])), names(zones));
    }
}
