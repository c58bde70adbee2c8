//! Fetches Infobip's delivery reports for sites Infobip cannot push to (and as a safety net where
//! it can: the ledger takes a report once, whichever way it came).

use app::models::EventSource;
use std::time::Duration;

use crate::providers::infobip::wire::DeliveryReport;
use crate::providers::infobip::InfobipClient;
use crate::services::ReportIntake;

/// Source recorded in the ledger for fetched reports.
pub const SOURCE: EventSource = EventSource::InfobipPoll;
/// Reports asked for per call; a full page is followed by another call at once.
const PAGE: u32 = 1000;

/// Polls every `every` until the runtime stops. Infobip serves each report once, so fetched
/// reports are kept until stored: a storage failure delays them, never loses them.
pub async fn poll_forever(client: InfobipClient, intake: ReportIntake, every: Duration) {
    let mut unstored: Vec<DeliveryReport> = Vec::new();
    loop {
        tokio::time::sleep(every).await;
        loop {
            if unstored.is_empty() {
                match client.reports(None, PAGE).await {
                    Ok(page) => unstored = page.results,
                    Err(error) => {
                        tracing::warn!(%error, "could not fetch Infobip delivery reports");
                        break;
                    }
                }
            }
            if unstored.is_empty() {
                break;
            }
            let full_page = unstored.len() >= PAGE as usize;
            match intake.infobip_reports(&unstored, SOURCE).await {
                Ok(summary) => {
                    tracing::debug!(?summary, "Infobip reports fetched");
                    unstored.clear();
                }
                Err(error) => {
                    tracing::error!(%error, kept = unstored.len(), "fetched Infobip reports not stored yet");
                    break;
                }
            }
            if !full_page {
                break;
            }
        }
    }
}
