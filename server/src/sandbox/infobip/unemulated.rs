//! Operations of the official SMS spec the sandbox does not emulate: they answer 400 in the
//! operation's error envelope (`ApiException`, a status each of them declares) naming what is
//! missing, never a bare 404. `docs/providers.md` lists them.

use axum::http::StatusCode;
use axum::response::Response;

use super::errors::{exception, Authorized};

/// Each operation the sandbox answers without emulating, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unemulated {
    /// `POST /sms/2/binary/advanced`.
    BinarySms,
    /// `POST /ct/1/log/end/{messageId}`.
    ConversionTracking,
    /// `GET /sms/1/text/query` (deprecated: user name and password in the query string).
    QueryWithPassword,
}

impl Unemulated {
    fn text(self) -> &'static str {
        match self {
            Self::BinarySms => "The sandbox does not emulate binary SMS (POST /sms/2/binary/advanced).",
            Self::ConversionTracking => {
                "The sandbox does not emulate conversion tracking (POST /ct/1/log/end/{messageId})."
            }
            Self::QueryWithPassword => {
                "The sandbox does not emulate GET /sms/1/text/query (deprecated; user name and password): use GET /sms/3/text/query with its API key."
            }
        }
    }

    fn answer(self) -> Response {
        exception(StatusCode::BAD_REQUEST, "BAD_REQUEST", self.text())
    }
}

pub async fn binary(_: Authorized) -> Response {
    Unemulated::BinarySms.answer()
}

pub async fn conversion_end_tag(_: Authorized) -> Response {
    Unemulated::ConversionTracking.answer()
}

pub async fn query_with_password() -> Response {
    Unemulated::QueryWithPassword.answer()
}
