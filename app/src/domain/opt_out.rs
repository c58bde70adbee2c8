//! Whether a reply asks to stop receiving messages. Providers that recognise STOP themselves
//! (Octopush's STOP callback) are taken at their word; a plain reply is read here.

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
