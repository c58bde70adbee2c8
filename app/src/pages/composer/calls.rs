//! The composer's server calls that the first screen does not need: each, with the encoding of
//! its request and the decoding of its answer, comes in a chunk of its own (`cargo leptos build
//! --split`), fetched once the first page is drawn. The preview is asked for once the user
//! pauses, the campaign is scheduled from the confirm step (itself such a chunk), and a campaign
//! (or its refused recipients) is loaded again only from a campaign's page.

use crate::api::campaigns::{campaign_again, preview_campaign, refused_again};
use crate::api::sms::schedule_sms;
use crate::models::{AppError, CampaignDraft, CampaignPreview, ScheduleReceipt, ScheduleRequest};

/// What of a scheduled campaign the form is filled with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftOf {
    /// Its whole list ("schedule again", `?copy=<campaign>`).
    Campaign,
    /// The recipients the provider refused (`?again=<campaign>`).
    RefusedRecipients,
}

/// What scheduling `request` would do (`preview_campaign`).
#[leptos::lazy]
pub async fn fetch_preview(request: ScheduleRequest) -> Result<CampaignPreview, AppError> {
    preview_campaign(request, 0).await
}

/// Schedules `request` under `campaign_id` (`schedule_sms`).
#[leptos::lazy]
pub async fn send_schedule(
    request: ScheduleRequest,
    campaign_id: Option<String>,
) -> Result<ScheduleReceipt, AppError> {
    schedule_sms(request, campaign_id).await
}

/// A campaign, or its refused recipients, as a form to schedule again (`campaign_again`,
/// `refused_again`).
#[leptos::lazy]
pub async fn fetch_draft(campaign_id: String, of: DraftOf) -> Result<CampaignDraft, AppError> {
    match of {
        DraftOf::Campaign => campaign_again(campaign_id).await,
        DraftOf::RefusedRecipients => refused_again(campaign_id).await,
    }
}

/// Fetches the calls' chunks ahead of need (the preview's first: it is asked for as soon as the
/// user pauses).
pub async fn preload() {
    #[cfg(feature = "csr")]
    {
        __preload_fetch_preview().await;
        __preload_send_schedule().await;
        __preload_fetch_draft().await;
    }
}
