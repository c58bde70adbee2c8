//! The ids the ledger gives a campaign's recipients, made from where each one stands so that a
//! long list's ids need not all be held at once.

/// The key the `index`-th recipient of the submission named `submission_key` is known by, in our
/// ledger and at providers that take per-message ids (Infobip echoes it as `messageId`).
pub fn recipient_key(submission_key: &str, index: usize) -> String {
    format!("{submission_key}-{index}")
}

/// The id of a recipient left out before submission. A line can hold several numbers, so the
/// number (E.164 digits) is part of it: the line alone would give two of them one id.
pub fn left_out_key(campaign_id: &str, line: u32, number: &str) -> String {
    format!(
        "{campaign_id}-line{line}-{}",
        number.trim_start_matches('+')
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_name_the_request_and_place_or_the_line_and_number() {
        assert_eq!(recipient_key("0190-ab", 499), "0190-ab-499");
        assert_eq!(
            left_out_key("c1", 12, "+33612345678"),
            "c1-line12-33612345678"
        );
    }
}
