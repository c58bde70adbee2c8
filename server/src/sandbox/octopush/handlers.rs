use axum::extract::{FromRequestParts, Query, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Json;
use secrecy::ExposeSecret;
use serde::Deserialize;
use serde_json::Value;

use super::coercion::coerce_flag_text;
use super::state::SandboxCampaign;
use super::validation::validate_send;
use super::{OctopushSandbox, LOW_COST_PRICE, PREMIUM_PRICE};
use crate::providers::octopush::wire::{
    BalanceResponse, ErrorBody, SendCampaignResponse, SmsType, WalletPack,
};
use crate::providers::octopush::BLACKLIST_FEE;

fn error(status: StatusCode, code: i64, message: &str) -> Response {
    (
        status,
        Json(ErrorBody {
            code,
            message: message.to_owned(),
        }),
    )
        .into_response()
}

fn authenticated(sandbox: &OctopushSandbox, headers: &HeaderMap) -> bool {
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    let credentials = sandbox.credentials();
    header("api-login") == Some(credentials.api_login.as_str())
        && header("api-key") == Some(credentials.api_key.expose_secret())
}

/// A request carrying the sandbox's credentials; anything else is answered 401 with code 101.
pub struct Authorized;

impl FromRequestParts<OctopushSandbox> for Authorized {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        sandbox: &OctopushSandbox,
    ) -> Result<Self, Response> {
        if authenticated(sandbox, &parts.headers) {
            Ok(Authorized)
        } else {
            Err(unauthorized())
        }
    }
}

fn unauthorized() -> Response {
    error(
        StatusCode::UNAUTHORIZED,
        101,
        "Invalid api-login or api-key.",
    )
}

fn price(sms_type: SmsType) -> f64 {
    match sms_type {
        SmsType::Premium => PREMIUM_PRICE,
        SmsType::LowCost => LOW_COST_PRICE,
    }
}

/// Rounds a euro amount the way Octopush shows it (to the hundredth of a cent).
fn euros(amount: f64) -> f64 {
    (amount * 10_000.0).round() / 10_000.0
}

pub async fn send_campaign(
    State(sandbox): State<OctopushSandbox>,
    _: Authorized,
    body: String,
) -> Response {
    let Ok(body) = serde_json::from_str::<Value>(&body) else {
        return error(
            StatusCode::BAD_REQUEST,
            500,
            "The request body is not JSON.",
        );
    };
    let send = match validate_send(&body, sandbox.missing_stop) {
        Ok(send) => send,
        Err(refusal) => return (StatusCode::BAD_REQUEST, Json(refusal)).into_response(),
    };
    // The sandbox's blacklist is empty: asking for it removes no one but is charged for.
    let blacklist_fee = if send.remove_blacklisted {
        BLACKLIST_FEE
    } else {
        0.0
    };
    let cost = euros(f64::from(send.sms_needed) * price(send.sms_type) + blacklist_fee);
    let ticket = new_ticket();
    let now = sandbox.clock.now();

    let mut state = sandbox.lock();
    if send.simulation {
        // Nothing is recorded or charged; the answer looks like a real one.
        return created(
            ticket,
            &send.phone_numbers,
            cost,
            send.sms_needed,
            state.balance,
        );
    }
    if let Some(id) = &send.request_id {
        if state.request_id_seen(id, now) {
            return error(
                StatusCode::BAD_REQUEST,
                120,
                "This request_id was already used in the last 24 hours.",
            );
        }
    }
    if cost > state.balance {
        return error(StatusCode::BAD_REQUEST, 104, "Not enough credit.");
    }
    state.accept(SandboxCampaign {
        ticket: ticket.clone(),
        request_id: send.request_id,
        phone_numbers: send.phone_numbers.clone(),
        sms_type: send.sms_type,
        send_at: send.send_at,
        sms_needed: send.sms_needed,
        cost,
        accepted_at: now,
        canceled: false,
    });
    created(
        ticket,
        &send.phone_numbers,
        cost,
        send.sms_needed,
        state.balance,
    )
}

fn created(
    ticket: String,
    numbers: &[String],
    cost: f64,
    sms_needed: u32,
    balance: f64,
) -> Response {
    let answer = SendCampaignResponse {
        sms_ticket: ticket,
        number_of_contacts: u32::try_from(numbers.len()).unwrap_or(u32::MAX),
        total_cost: cost,
        number_of_sms_needed: Some(sms_needed),
        residual_credit: Some(euros(balance)),
    };
    (StatusCode::CREATED, Json(answer)).into_response()
}

/// `sms_` and 13 hex digits, like Octopush's tickets.
fn new_ticket() -> String {
    let value: u64 = rand::random::<u64>() & 0x000f_ffff_ffff_ffff;
    format!("sms_{value:013x}")
}

/// The query of `GET /wallet/check-balance`, read as Octopush reads it: `with_details=True` (what
/// Python's requests sends for `True`) is a true, a value it cannot read is ignored.
#[derive(Debug, Default)]
pub struct BalanceQuery {
    with_details: Option<bool>,
    country_code: Option<String>,
    product_name: Option<String>,
}

impl BalanceQuery {
    /// The query, or why it cannot be read.
    fn read(uri: &Uri) -> Result<Self, String> {
        let Query(pairs) = Query::<Vec<(String, String)>>::try_from_uri(uri)
            .map_err(|rejection| rejection.body_text())?;
        let mut query = Self::default();
        for (name, value) in pairs {
            match name.as_str() {
                "with_details" => query.with_details = coerce_flag_text(&value),
                "country_code" => query.country_code = Some(value),
                "product_name" => query.product_name = Some(value),
                _ => {}
            }
        }
        Ok(query)
    }
}

pub async fn check_balance(
    State(sandbox): State<OctopushSandbox>,
    _: Authorized,
    uri: Uri,
) -> Response {
    let query = match BalanceQuery::read(&uri) {
        Ok(query) => query,
        Err(reason) => return error(StatusCode::BAD_REQUEST, 500, &reason),
    };
    let balance = sandbox.lock().balance;
    let product = match (&query.country_code, query.product_name.as_deref()) {
        (None, None) => None,
        (Some(_), Some("sms_premium")) => Some(("sms_premium", PREMIUM_PRICE)),
        (Some(_), Some("sms_low_cost")) => Some(("sms_low_cost", LOW_COST_PRICE)),
        (Some(_), Some(_)) => {
            return error(
                StatusCode::BAD_REQUEST,
                500,
                "product_name must be sms_premium or sms_low_cost.",
            )
        }
        _ => {
            return error(
                StatusCode::BAD_REQUEST,
                500,
                "country_code and product_name go together.",
            )
        }
    };
    let answer = match product {
        None => BalanceResponse {
            amount: euros(balance),
            unit: "euros".to_owned(),
            wallet_packs: Vec::new(),
        },
        Some((unit, price)) => BalanceResponse {
            amount: (balance / price).floor(),
            unit: unit.to_owned(),
            wallet_packs: if query.with_details.unwrap_or(false) {
                vec![WalletPack {
                    wallet_pack_id: "sandbox".to_owned(),
                    credit: euros(balance),
                    expiration_date: "2099-12-31T23:59:59+01:00".to_owned(),
                }]
            } else {
                Vec::new()
            },
        },
    };
    (StatusCode::OK, Json(answer)).into_response()
}

#[derive(Debug, Deserialize)]
pub struct CancelBody {
    ticket_number: Option<String>,
}

pub async fn cancel_campaign(
    State(sandbox): State<OctopushSandbox>,
    _: Authorized,
    body: String,
) -> Response {
    let Some(ticket) = serde_json::from_str::<CancelBody>(&body)
        .ok()
        .and_then(|b| b.ticket_number)
    else {
        return error(StatusCode::BAD_REQUEST, 500, "ticket_number is required.");
    };
    let now = sandbox.clock.now();
    match sandbox.lock().cancel(&ticket, now) {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(refusal) => error(StatusCode::BAD_REQUEST, 500, &refusal.to_string()),
    }
}
