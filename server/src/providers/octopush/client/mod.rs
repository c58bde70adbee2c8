//! The HTTP client: every call carries `api-login` / `api-key`, has a timeout, and turns each
//! answer into a typed result.

use reqwest::{Method, RequestBuilder, StatusCode};
use secrecy::{ExposeSecret, SecretString};
use serde::de::DeserializeOwned;
use std::time::Duration;

use crate::providers::http::{self, excerpt, RetryPolicy};

use super::error::OctopushError;
use super::wire::{
    BalanceResponse, CancelRequest, ErrorBody, SendCampaignRequest, SendCampaignResponse, SmsType,
};

#[derive(Debug, Clone)]
pub struct OctopushClient {
    http: reqwest::Client,
    base_url: String,
    api_login: String,
    api_key: SecretString,
    backoff: Duration,
}

/// Attempts for a send that carries a `request_id`, the first included.
const SEND_ATTEMPTS: u32 = 3;

/// What a send came to.
#[derive(Debug, Clone, PartialEq)]
pub enum SendOutcome {
    Accepted(SendCampaignResponse),
    /// A resend after a lost answer was refused as a repeat of its `request_id` (code 120): the first
    /// send was taken, and its ticket will come with the delivery reports.
    AcceptedTicketUnknown,
}

impl OctopushClient {
    pub fn new(
        base_url: &str,
        api_login: String,
        api_key: SecretString,
        timeout: Duration,
    ) -> Self {
        let http = http::client(timeout);
        Self {
            http,
            base_url: base_url.trim_end_matches('/').to_owned(),
            api_login,
            api_key,
            backoff: Duration::from_millis(200),
        }
    }

    /// The first pause between retries (doubled each time, with jitter); tests shorten it.
    pub fn with_backoff(mut self, backoff: Duration) -> Self {
        self.backoff = backoff;
        self
    }

    /// Sends or schedules a campaign. With a `request_id`, a send that got no answer (or a 5xx) is sent
    /// again: Octopush refuses a repeated id (code 120), so a resend cannot send twice. Each
    /// `request_id` names one submission only, so that refusal, on any attempt, means Octopush has
    /// the campaign (an earlier attempt, or another instance's, reached it). Without a `request_id`
    /// it is never resent.
    pub async fn send_campaign(
        &self,
        request: &SendCampaignRequest,
    ) -> Result<SendOutcome, OctopushError> {
        let policy = RetryPolicy {
            attempts: if request.request_id.is_some() {
                SEND_ATTEMPTS
            } else {
                1
            },
            first_backoff: self.backoff,
            // Not taken: the caller decides how long to wait before the same request goes again.
            longest_asked_wait: None,
        };
        match policy
            .run("an Octopush send with the same request_id", || {
                self.send_once(request)
            })
            .await
        {
            Ok(answer) => Ok(SendOutcome::Accepted(answer)),
            Err(OctopushError::Refused { code: 120, .. }) if request.request_id.is_some() => {
                Ok(SendOutcome::AcceptedTicketUnknown)
            }
            Err(error) => Err(error),
        }
    }

    async fn send_once(
        &self,
        request: &SendCampaignRequest,
    ) -> Result<SendCampaignResponse, OctopushError> {
        let response = self
            .request(Method::POST, "/sms-campaign/send")
            .json(request)
            .send()
            .await?;
        Self::decode(response, StatusCode::CREATED).await
    }

    /// Cancels a scheduled campaign (204 on success). Octopush limits when this is possible.
    pub async fn cancel_campaign(&self, ticket: &str) -> Result<(), OctopushError> {
        let body = CancelRequest {
            ticket_number: ticket.to_owned(),
        };
        let response = self
            .request(Method::DELETE, "/sms-campaign/cancel")
            .json(&body)
            .send()
            .await?;
        if response.status().is_success() {
            return Ok(());
        }
        Self::decode::<serde_json::Value>(response, StatusCode::NO_CONTENT)
            .await
            .map(|_| ())
    }

    /// The account's credit, in euros.
    pub async fn check_balance(&self) -> Result<BalanceResponse, OctopushError> {
        let response = self
            .request(Method::GET, "/wallet/check-balance")
            .send()
            .await?;
        Self::decode(response, StatusCode::OK).await
    }

    /// Credit left for one product in one country, in SMS, with the wallet packs it comes from.
    pub async fn check_balance_details(
        &self,
        country_code: &str,
        product: SmsType,
    ) -> Result<BalanceResponse, OctopushError> {
        let product = match product {
            SmsType::Premium => "sms_premium",
            SmsType::LowCost => "sms_low_cost",
        };
        let response = self
            .request(Method::GET, "/wallet/check-balance")
            .query(&[
                ("with_details", "true"),
                ("country_code", country_code),
                ("product_name", product),
            ])
            .send()
            .await?;
        Self::decode(response, StatusCode::OK).await
    }

    fn request(&self, method: Method, path: &str) -> RequestBuilder {
        self.http
            .request(method, format!("{}{path}", self.base_url))
            .header("api-login", &self.api_login)
            .header("api-key", self.api_key.expose_secret())
            .header(reqwest::header::ACCEPT, "application/json")
    }

    async fn decode<T: DeserializeOwned>(
        response: reqwest::Response,
        expected: StatusCode,
    ) -> Result<T, OctopushError> {
        let status = response.status();
        if status == StatusCode::TOO_MANY_REQUESTS {
            return Err(OctopushError::RateLimited {
                retry_after: http::retry_after(response.headers()),
            });
        }
        let body = response.text().await?;
        if status.is_success() {
            // Octopush documents 201 for a send; accept any 2xx but decode strictly.
            if status != expected {
                tracing::debug!(%status, %expected, "octopush answered with another success status");
            }
            return serde_json::from_str(&body).map_err(|_| OctopushError::Unexpected {
                status: status.as_u16(),
                body: excerpt(&body),
            });
        }
        match serde_json::from_str::<ErrorBody>(&body) {
            Ok(error) => Err(OctopushError::Refused {
                status: status.as_u16(),
                code: error.code,
                message: error.message,
            }),
            Err(_) if status == StatusCode::UNAUTHORIZED => Err(OctopushError::Refused {
                status: status.as_u16(),
                code: 101,
                message: String::new(),
            }),
            Err(_) => Err(OctopushError::Unexpected {
                status: status.as_u16(),
                body: excerpt(&body),
            }),
        }
    }
}

/// Failures after which Octopush may not have the campaign, or may have it without us knowing.
#[cfg(test)]
mod tests;
