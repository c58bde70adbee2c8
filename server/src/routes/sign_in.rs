//! Who sends a request, for the routes that act for a person (server functions, exports, the
//! sandbox controls): identified before any work, refused with a reason when not let in.

use app::models::Right;
use app::services::Actor;
use axum::extract::ConnectInfo;
use axum::http::{Extensions, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use std::net::{IpAddr, SocketAddr};

use crate::identity::{Gate, NotSignedIn, SessionUse};

/// The TCP peer (behind a portal, its proxy), when the server was started with it.
pub fn peer(extensions: &Extensions) -> Option<IpAddr> {
    extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(address)| address.ip())
}

/// A request not let in: its status and why, said to whoever sent it.
#[derive(Debug)]
pub struct Refused {
    status: StatusCode,
    reason: String,
    /// Why, when it is about signing in.
    pub not_signed_in: Option<NotSignedIn>,
}

impl IntoResponse for Refused {
    fn into_response(self) -> Response {
        (self.status, self.reason).into_response()
    }
}

/// The acting user, or why the request is refused.
pub async fn identify(
    gate: &Gate,
    extensions: &Extensions,
    headers: &HeaderMap,
    session_use: SessionUse,
) -> Result<Actor, Refused> {
    let peer = peer(extensions);
    gate.identify(peer, headers, session_use)
        .await
        .map_err(|refused| {
            tracing::warn!(?peer, reason = %refused.reason(), "request refused: not signed in");
            Refused {
                status: refused.status(),
                reason: refused.reason(),
                not_signed_in: Some(refused),
            }
        })
}

/// The acting user, when their role gives `right`; otherwise why the request is refused.
pub async fn identify_with(
    gate: &Gate,
    extensions: &Extensions,
    headers: &HeaderMap,
    right: Right,
) -> Result<Actor, Refused> {
    let actor = identify(gate, extensions, headers, SessionUse::Use).await?;
    let Some(refusal) = actor.role.refusal(right) else {
        return Ok(actor);
    };
    tracing::warn!(actor = %actor.name, ?right, "request refused: no right");
    Err(Refused {
        status: StatusCode::FORBIDDEN,
        reason: refusal.to_string(),
        not_signed_in: None,
    })
}
