//! The mobile network the sandbox says a number belongs to (`mccMnc` in reports and logs, and the
//! `mcc` / `mnc` filters of the logs). Real numbers move between networks; the sandbox gives each
//! country of its table one network (its country code, MCC, and the first network's MNC) and numbers
//! of other countries none.

/// (calling code, MCC, MNC), longest calling codes first where they share a prefix.
const NETWORKS: [(&str, &str, &str); 16] = [
    ("351", "268", "01"),
    ("352", "270", "01"),
    ("385", "219", "01"),
    ("262", "647", "00"),
    ("33", "208", "01"),
    ("32", "206", "01"),
    ("31", "204", "04"),
    ("34", "214", "01"),
    ("39", "222", "01"),
    ("41", "228", "01"),
    ("43", "232", "01"),
    ("44", "234", "15"),
    ("49", "262", "01"),
    ("90", "286", "01"),
    ("30", "202", "01"),
    ("1", "310", "260"),
];

/// The (MCC, MNC) of `number` (digits, `+` allowed), if its country is in the table.
pub fn mcc_mnc(number: &str) -> Option<(&'static str, &'static str)> {
    let digits = number.trim_start_matches('+');
    NETWORKS
        .iter()
        .find(|(code, _, _)| digits.starts_with(code))
        .map(|(_, mcc, mnc)| (*mcc, *mnc))
}

/// `mccMnc` as reports and logs show it: MCC then MNC, e.g. `20801`.
pub fn mcc_mnc_text(number: &str) -> Option<String> {
    mcc_mnc(number).map(|(mcc, mnc)| format!("{mcc}{mnc}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_gets_its_countrys_network() {
        assert_eq!(mcc_mnc("33612345678"), Some(("208", "01")));
        assert_eq!(mcc_mnc("+12125550123"), Some(("310", "260")));
        assert_eq!(mcc_mnc("262692123456"), Some(("647", "00")));
        assert_eq!(mcc_mnc_text("447400123456").as_deref(), Some("23415"));
        assert_eq!(mcc_mnc("861234567890"), None);
    }
}
