//! Who puts numbers on the opt-out list, and whether a reply asks to stop receiving messages.
//! Providers that recognise STOP themselves (Octopush's STOP callback) are taken at their word; a
//! plain reply is read here.

use serde::{Deserialize, Serialize};

/// How a number came onto the opt-out list; stored by `as_str`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum OptOutSource {
    /// The recipient replied STOP (a provider's report).
    StopReply,
    /// Typed in on the opt-out page.
    Operator,
    /// From a file imported on the opt-out page.
    Import,
}

impl OptOutSource {
    pub const ALL: [OptOutSource; 3] = [
        OptOutSource::StopReply,
        OptOutSource::Operator,
        OptOutSource::Import,
    ];

    /// Its name as stored and as the English notices say it.
    pub fn as_str(self) -> &'static str {
        match self {
            OptOutSource::StopReply => "stop-reply",
            OptOutSource::Operator => "operator",
            OptOutSource::Import => "import",
        }
    }

    /// The source stored as `name` (`as_str`).
    pub fn from_stored(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|source| source.as_str() == name)
    }
}

/// How a person adds numbers: typed in or from a file. A STOP reply comes only from a provider,
/// so a person cannot claim one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ManualOptOutSource {
    Operator,
    Import,
}

impl From<ManualOptOutSource> for OptOutSource {
    fn from(source: ManualOptOutSource) -> Self {
        match source {
            ManualOptOutSource::Operator => OptOutSource::Operator,
            ManualOptOutSource::Import => OptOutSource::Import,
        }
    }
}

/// Keywords that, alone in a reply, ask to stop: the French operators' `STOP` and `ARRET`, and the
/// US carriers' standard opt-out words.
const OPT_OUT_KEYWORDS: &[&str] = &[
    "STOP",
    "STOPALL",
    "ARRET",
    "UNSUBSCRIBE",
    "CANCEL",
    "END",
    "QUIT",
    "OPTOUT",
    "REVOKE",
];

/// True when the reply's first word is an opt-out keyword (`Stop`, `STOP SMS`, `arrêt`, `Stop!`).
/// A keyword inside a sentence ("don't stop") is not a request.
pub fn is_opt_out_request(reply: &str) -> bool {
    let first_word: String = reply
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .chars()
        .filter(|c| c.is_alphanumeric())
        .map(fold_accent)
        .collect::<String>()
        .to_uppercase();
    OPT_OUT_KEYWORDS.contains(&first_word.as_str())
}

/// `arrêt` is written with and without its accent.
fn fold_accent(c: char) -> char {
    match c {
        'ê' | 'Ê' | 'é' | 'É' | 'è' | 'È' => 'e',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_read_back_as_stored_and_travel_by_the_same_names() {
        for source in OptOutSource::ALL {
            assert_eq!(OptOutSource::from_stored(source.as_str()), Some(source));
            let wire = serde_json::to_string(&source).unwrap();
            assert_eq!(wire, format!("\"{}\"", source.as_str()));
        }
        assert_eq!(OptOutSource::from_stored("web"), None);
        let typed: ManualOptOutSource = serde_json::from_str("\"operator\"").unwrap();
        assert_eq!(OptOutSource::from(typed), OptOutSource::Operator);
        assert!(serde_json::from_str::<ManualOptOutSource>("\"stop-reply\"").is_err());
    }

    #[test]
    fn the_usual_ways_of_saying_stop_are_recognised() {
        for reply in [
            "STOP",
            "stop",
            " Stop ",
            "STOP SMS",
            "Stop!",
            "arrêt",
            "ARRET",
            "Unsubscribe",
            "STOPALL",
        ] {
            assert!(is_opt_out_request(reply), "{reply:?}");
        }
    }

    #[test]
    fn other_replies_are_not_opt_outs() {
        for reply in [
            "",
            "Yes",
            "OK merci",
            "don't stop",
            "Stopover in Lyon?",
            "STOPPED",
        ] {
            assert!(!is_opt_out_request(reply), "{reply:?}");
        }
    }
}
