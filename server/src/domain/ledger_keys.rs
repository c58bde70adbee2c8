//! The ids the ledger gives a campaign's recipients, made from where each one stands so that a
//! long list's ids need not all be held at once, nor stored: the ledger keeps the place and makes
//! the id from it (`storage::recipients::recipient_id`, the same rule in SQL), and an id given
//! back (a provider's report, a history asked for) is read as the place it names.

/// The key the `index`-th recipient of the submission named `submission_key` is known by, in our
/// ledger and at providers that take per-message ids (Infobip echoes it as `messageId`).
pub fn recipient_key(submission_key: &str, index: usize) -> String {
    format!("{submission_key}-{index}")
}

/// The id of a recipient left out before submission. A line can hold several numbers, so the
/// number (E.164 digits) is part of it: the line alone would give two of them one id.
pub fn left_out_key(campaign_id: &str, line: u32, number: &str) -> String {
    format!(
        "{campaign_id}{LEFT_OUT_MARK}{line}-{}",
        number.trim_start_matches('+')
    )
}

/// What sets a left-out id apart; request and campaign ids are UUIDs, which never hold it.
const LEFT_OUT_MARK: &str = "-line";

/// The place a recipient's id names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecipientPlaceKey<'a> {
    /// The `position`-th recipient of request `submission_id`.
    InRequest {
        submission_id: &'a str,
        position: u32,
    },
    /// Left out of campaign `campaign_id` at `line`; `number` in E.164.
    LeftOut {
        campaign_id: &'a str,
        line: u32,
        number: String,
    },
}

/// The place `id` names, or `None` when it is not a recipient id of ours.
pub fn recipient_place(id: &str) -> Option<RecipientPlaceKey<'_>> {
    let digits_only = |text: &str| !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
    // `0`, `17`: not `017`, which would name the same place under another id.
    let canonical =
        |number: &str| digits_only(number) && !(number.len() > 1 && number.starts_with('0'));
    if let Some((campaign_id, rest)) = id.split_once(LEFT_OUT_MARK) {
        let (line, digits) = rest.split_once('-')?;
        if !canonical(line) || !digits_only(digits) {
            return None;
        }
        return Some(RecipientPlaceKey::LeftOut {
            campaign_id,
            line: line.parse().ok()?,
            number: format!("+{digits}"),
        });
    }
    let (submission_id, position) = id.rsplit_once('-')?;
    if !canonical(position) {
        return None;
    }
    Some(RecipientPlaceKey::InRequest {
        submission_id,
        position: position.parse().ok()?,
    })
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

    #[test]
    fn an_id_is_read_back_as_the_place_it_was_made_from() {
        let request = "0193a5c2-7e4b-7c3d-9f10-2b3c4d5e6f70";
        assert_eq!(
            recipient_place(&recipient_key(request, 499)),
            Some(RecipientPlaceKey::InRequest {
                submission_id: request,
                position: 499
            })
        );
        let campaign = "5f0e8a3c-1d2b-4c5d-8e9f-0a1b2c3d4e5f";
        assert_eq!(
            recipient_place(&left_out_key(campaign, 12, "+33612345678")),
            Some(RecipientPlaceKey::LeftOut {
                campaign_id: campaign,
                line: 12,
                number: "+33612345678".into()
            })
        );
    }

    #[test]
    fn ids_that_name_no_place_are_none() {
        for id in [
            "",
            "nodash",
            "req-",
            "req-x1",
            "req-+1",
            "req-017",
            "c-line12",
            "c-line-1",
            "c-line012-336",
        ] {
            assert_eq!(recipient_place(id), None, "{id}");
        }
        assert_eq!(
            recipient_place("c-linex-336"),
            None,
            "a line that is not a number"
        );
    }
}
