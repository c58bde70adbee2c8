use super::{en, fr, Texts};

/// A language the app speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Locale {
    #[default]
    En,
    Fr,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::En, Locale::Fr];

    /// The BCP 47 language tag, for `<html lang>` and the stored choice.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Fr => "fr",
        }
    }

    /// The language's name in itself, for the switch.
    pub fn own_name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Fr => "Français",
        }
    }

    /// The language of a tag such as `fr-CA` or `en_GB`, read by its primary subtag.
    pub fn from_tag(tag: &str) -> Option<Self> {
        let primary = tag.trim().split(['-', '_']).next()?;
        Self::ALL
            .into_iter()
            .find(|locale| locale.tag().eq_ignore_ascii_case(primary))
    }

    /// The first of the user's languages (most preferred first) that the app speaks; English when
    /// it speaks none of them.
    pub fn negotiate<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Self {
        preferred
            .into_iter()
            .find_map(Self::from_tag)
            .unwrap_or_default()
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Locale::En => &en::EN,
            Locale::Fr => &fr::FR,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_read_by_their_primary_language() {
        assert_eq!(Locale::from_tag("fr"), Some(Locale::Fr));
        assert_eq!(Locale::from_tag("fr-CA"), Some(Locale::Fr));
        assert_eq!(Locale::from_tag("FR_be"), Some(Locale::Fr));
        assert_eq!(Locale::from_tag("en-US"), Some(Locale::En));
        assert_eq!(Locale::from_tag("de-DE"), None);
        assert_eq!(Locale::from_tag(""), None);
    }

    #[test]
    fn the_first_spoken_language_of_the_browser_wins() {
        assert_eq!(Locale::negotiate(["de-DE", "fr-FR", "en"]), Locale::Fr);
        assert_eq!(Locale::negotiate(["en-GB", "fr"]), Locale::En);
        assert_eq!(Locale::negotiate(["de", "it"]), Locale::En);
        assert_eq!(Locale::negotiate([]), Locale::En);
    }

    #[test]
    fn tags_round_trip() {
        for locale in Locale::ALL {
            assert_eq!(Locale::from_tag(locale.tag()), Some(locale));
        }
    }
}
