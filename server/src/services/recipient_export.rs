//! A campaign's per-recipient results as CSV, for a spreadsheet: every recipient (or those in one
//! status), in list order, read from the database a slice at a time.

use app::models::{AppError, Notice, RecipientStatus};

use super::campaign_views::{no_campaign, CampaignViews};
use super::store_errors::read_failed;
use crate::storage::RecipientRecord;

/// Recipients read per query.
const SLICE: u32 = 10_000;

const HEADER: [&str; 9] = [
    "line", "phone", "status", "send_at", "parts", "encoding", "reason", "warnings", "id",
];

impl CampaignViews {
    /// The CSV text, header first; times in UTC (RFC 3339).
    pub(super) async fn export_csv(
        &self,
        campaign_id: &str,
        status: Option<RecipientStatus>,
    ) -> Result<String, AppError> {
        if self
            .store
            .campaign(campaign_id)
            .await
            .map_err(read_failed)?
            .is_none()
        {
            return Err(no_campaign(campaign_id));
        }
        let mut out = csv::Writer::from_writer(Vec::new());
        out.write_record(HEADER).map_err(csv_failed)?;
        let mut offset = 0_u64;
        loop {
            let slice = self
                .store
                .campaign_recipients(campaign_id, status, offset, SLICE)
                .await
                .map_err(read_failed)?;
            for recipient in &slice {
                out.write_record(row(recipient)).map_err(csv_failed)?;
            }
            if slice.len() < SLICE as usize {
                break;
            }
            offset += u64::from(SLICE);
        }
        let bytes = out
            .into_inner()
            .map_err(|e| csv_failed(e.into_error().into()))?;
        String::from_utf8(bytes).map_err(|_| AppError::Internal("the export is not UTF-8".into()))
    }
}

fn row(recipient: &RecipientRecord) -> [String; 9] {
    [
        recipient.line.to_string(),
        recipient.phone.clone(),
        recipient.status.as_str().to_owned(),
        recipient.send_at.clone().unwrap_or_default(),
        recipient.parts.to_string(),
        recipient.encoding.as_str().to_owned(),
        // In English: a file has no language switch.
        recipient
            .reason
            .as_deref()
            .map_or_else(String::new, in_words),
        recipient
            .warnings
            .iter()
            .map(|w| in_words(w))
            .collect::<Vec<_>>()
            .join("; "),
        recipient.id.clone(),
    ]
    .map(inert)
}

/// A recorded notice (data, or words from the ledger and providers) in English words.
fn in_words(recorded: &str) -> String {
    Notice::from_recorded(recorded).to_string()
}

/// A cell a spreadsheet would read as a formula, kept as text with a leading `'` (OWASP's CSV
/// injection rule: cells starting with `=`, `+`, `-`, `@`, a tab or a carriage return). Every cell
/// goes through it, the phone number included: a number is written `+33612345678`, so it is
/// always guarded, as `'+33612345678`. Quoting alone would not do (the quotes are the file's, a
/// spreadsheet drops them and evaluates the rest), and dropping the `+` would lose the country.
/// The apostrophe is what a spreadsheet user types to mean "text": every digit and the `+` stay
/// as written (no `3.36E+10`), and a program reading the file strips one leading `'`.
pub(super) fn inert(text: String) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text
    }
}

pub(super) fn csv_failed(error: csv::Error) -> AppError {
    tracing::error!(%error, "CSV export failed");
    AppError::Internal("the export could not be written; try again".into())
}

#[cfg(test)]
mod tests {
    use super::inert;

    #[test]
    fn text_a_spreadsheet_would_run_is_kept_as_text() {
        for formula in [
            "=HYPERLINK(\"x\")",
            "+1+cmd|' /C calc'!A0",
            "-2+3",
            "@SUM(A1)",
            "\t=1",
            "\r=1",
        ] {
            assert_eq!(inert(formula.into()), format!("'{formula}"), "{formula:?}");
        }
    }

    #[test]
    fn a_phone_number_is_text_with_every_digit() {
        assert_eq!(inert("+33612345678".into()), "'+33612345678");
    }

    #[test]
    fn plain_cells_are_left_as_they_are() {
        for plain in [
            "opted out",
            "12",
            "2026-12-07T07:00:00Z",
            "",
            "'quoted",
            "a=b",
        ] {
            assert_eq!(inert(plain.into()), plain);
        }
    }
}
