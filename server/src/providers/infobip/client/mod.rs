//! The HTTP client: `Authorization: App <key>` on every call, a timeout, both error envelopes, and
//! retries with backoff and jitter only where a retry cannot send twice (reads and bulk changes
//! that set an absolute state; a send carries our own bulkId and messageIds but is not retried here).

use reqwest::{Method, RequestBuilder, StatusCode};
use secrecy::{ExposeSecret, SecretString};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::time::Duration;

use crate::providers::http::{self, excerpt, RetryPolicy};

use super::error::InfobipError;
use super::wire::{
    AccountBalance, ApiError, ApiException, BulkSchedule, BulkStatus, BulkStatusResponse,
    DeliveryReports, MessageLogs, PreviewRequest, PreviewResponse, RescheduleRequest, SendRequest,
    SendResponse, UpdateStatusRequest,
};

/// Attempts for an idempotent call, the first included.
const IDEMPOTENT_ATTEMPTS: u32 = 3;
/// Longest wait a `Retry-After` may impose before we give up and report the limit instead.
const MAX_RETRY_AFTER: Duration = Duration::from_secs(10);

#[derive(Debug, Clone)]
pub struct InfobipClient {
    http: reqwest::Client,
    base_url: String,
    api_key: SecretString,
    backoff: Duration,
}

impl InfobipClient {
    pub fn new(base_url: &str, api_key: SecretString, timeout: Duration) -> Self {
        let http = http::client(timeout);
        Self {
            http,
            base_url: base_url.trim_end_matches('/').to_owned(),
            api_key,
            backoff: Duration::from_millis(200),
        }
    }

    /// The first pause between retries (doubled each time, with jitter); tests shorten it.
    pub fn with_backoff(mut self, backoff: Duration) -> Self {
        self.backoff = backoff;
        self
    }

    /// Sends or schedules messages. Not retried: a caller that saw no answer looks the bulk up instead.
    pub async fn send(&self, request: &SendRequest) -> Result<SendResponse, InfobipError> {
        self.call(Method::POST, "/sms/3/messages", &[], Some(request), 1)
            .await
    }

    /// When a scheduled bulk will be sent.
    pub async fn bulk_schedule(&self, bulk_id: &str) -> Result<BulkSchedule, InfobipError> {
        self.call::<(), _>(
            Method::GET,
            "/sms/1/bulks",
            &[("bulkId", bulk_id)],
            None,
            IDEMPOTENT_ATTEMPTS,
        )
        .await
    }

    /// Moves a scheduled bulk to `send_at` (Infobip's `sendAt` form, see `wire::format_send_at`).
    pub async fn reschedule(
        &self,
        bulk_id: &str,
        send_at: &str,
    ) -> Result<BulkSchedule, InfobipError> {
        let body = RescheduleRequest {
            send_at: send_at.to_owned(),
        };
        self.call(
            Method::PUT,
            "/sms/1/bulks",
            &[("bulkId", bulk_id)],
            Some(&body),
            IDEMPOTENT_ATTEMPTS,
        )
        .await
    }

    pub async fn bulk_status(&self, bulk_id: &str) -> Result<BulkStatusResponse, InfobipError> {
        self.call::<(), _>(
            Method::GET,
            "/sms/1/bulks/status",
            &[("bulkId", bulk_id)],
            None,
            IDEMPOTENT_ATTEMPTS,
        )
        .await
    }

    /// Pauses (`PAUSED`), resumes (`PROCESSING`) or cancels (`CANCELED`) a scheduled bulk.
    pub async fn update_bulk_status(
        &self,
        bulk_id: &str,
        status: BulkStatus,
    ) -> Result<BulkStatusResponse, InfobipError> {
        let body = UpdateStatusRequest { status };
        self.call(
            Method::PUT,
            "/sms/1/bulks/status",
            &[("bulkId", bulk_id)],
            Some(&body),
            IDEMPOTENT_ATTEMPTS,
        )
        .await
    }

    /// Final delivery reports not fetched before (Infobip serves each once, and keeps them 48 hours).
    pub async fn reports(
        &self,
        bulk_id: Option<&str>,
        limit: u32,
    ) -> Result<DeliveryReports, InfobipError> {
        let limit = limit.to_string();
        let mut query = vec![("limit", limit.as_str())];
        query.extend(bulk_id.map(|id| ("bulkId", id)));
        self.call::<(), _>(
            Method::GET,
            "/sms/3/reports",
            &query,
            None,
            IDEMPOTENT_ATTEMPTS,
        )
        .await
    }

    /// Messages with their current status (Infobip keeps logs 48 hours).
    pub async fn logs(
        &self,
        bulk_id: Option<&str>,
        limit: u32,
    ) -> Result<MessageLogs, InfobipError> {
        let limit = limit.to_string();
        let mut query = vec![("limit", limit.as_str())];
        query.extend(bulk_id.map(|id| ("bulkId", id)));
        self.call::<(), _>(
            Method::GET,
            "/sms/3/logs",
            &query,
            None,
            IDEMPOTENT_ATTEMPTS,
        )
        .await
    }

    /// How Infobip would split `text` (a read: retried like one).
    pub async fn preview(&self, text: &str) -> Result<PreviewResponse, InfobipError> {
        let body = PreviewRequest {
            text: text.to_owned(),
            language_code: None,
            transliteration: None,
        };
        self.call(
            Method::POST,
            "/sms/1/preview",
            &[],
            Some(&body),
            IDEMPOTENT_ATTEMPTS,
        )
        .await
    }

    pub async fn balance(&self) -> Result<AccountBalance, InfobipError> {
        self.call::<(), _>(
            Method::GET,
            "/account/1/balance",
            &[],
            None,
            IDEMPOTENT_ATTEMPTS,
        )
        .await
    }

    fn request(&self, method: Method, path: &str) -> RequestBuilder {
        self.http
            .request(method, format!("{}{path}", self.base_url))
            .header(
                reqwest::header::AUTHORIZATION,
                format!("App {}", self.api_key.expose_secret()),
            )
            // JSON first; `*/*` because the spec declares some answers (the balance) only as `*/*`.
            .header(reqwest::header::ACCEPT, "application/json, */*;q=0.5")
    }

    async fn call<B: Serialize, T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        query: &[(&str, &str)],
        body: Option<&B>,
        attempts: u32,
    ) -> Result<T, InfobipError> {
        let policy = RetryPolicy {
            attempts,
            first_backoff: self.backoff,
            longest_asked_wait: Some(MAX_RETRY_AFTER),
        };
        let method = &method;
        policy
            .run(path, || async move {
                let mut request = self.request(method.clone(), path).query(query);
                if let Some(body) = body {
                    request = request.json(body);
                }
                match request.send().await {
                    Ok(response) => decode(response).await,
                    Err(error) => Err(error.into()),
                }
            })
            .await
    }
}

async fn decode<T: DeserializeOwned>(response: reqwest::Response) -> Result<T, InfobipError> {
    let status = response.status();
    if status == StatusCode::TOO_MANY_REQUESTS {
        return Err(InfobipError::RateLimited {
            retry_after: http::retry_after(response.headers()),
        });
    }
    let body = response.text().await?;
    if status.is_success() {
        return serde_json::from_str(&body).map_err(|_| InfobipError::Unexpected {
            status: status.as_u16(),
            body: excerpt(&body),
        });
    }
    if let Ok(error) = serde_json::from_str::<ApiError>(&body) {
        return Err(InfobipError::Refused {
            status: status.as_u16(),
            code: error.error_code,
            message: error.description,
            violations: error
                .violations
                .into_iter()
                .map(|v| (v.property, v.violation))
                .collect(),
        });
    }
    if let Ok(error) = serde_json::from_str::<ApiException>(&body) {
        let details = error.request_error.service_exception;
        let violations = details
            .validation_errors
            .unwrap_or_default()
            .into_iter()
            .flat_map(|(property, problems)| {
                problems.into_iter().map(move |p| (property.clone(), p))
            })
            .collect();
        return Err(InfobipError::Refused {
            status: status.as_u16(),
            code: details
                .message_id
                .unwrap_or_else(|| status.as_u16().to_string()),
            message: details.text.unwrap_or_default(),
            violations,
        });
    }
    match status {
        StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN => Err(InfobipError::Refused {
            status: status.as_u16(),
            code: if status == StatusCode::UNAUTHORIZED {
                "UNAUTHORIZED"
            } else {
                "FORBIDDEN"
            }
            .to_owned(),
            message: String::new(),
            violations: Vec::new(),
        }),
        _ => Err(InfobipError::Unexpected {
            status: status.as_u16(),
            body: excerpt(&body),
        }),
    }
}

#[cfg(test)]
mod tests;
