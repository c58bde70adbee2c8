//! Who sends a request, for the routes that act for a person (server functions, exports, the
//! sandbox controls): identified before any work, refused with a reason when not let in.

use app::models::{AppError, NotLetIn, Right};
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

impl Refused {
    /// The refusal as an error the app's pages say in the user's language, when it is about
    /// signing in (with the app's own sign-in, they offer to sign in again and keep what was typed).
    pub fn as_app_error(&self) -> Option<AppError> {
        Some(match self.not_signed_in.as_ref()? {
            NotSignedIn::SignInNeeded | NotSignedIn::SessionEnded => AppError::SignedOut,
            NotSignedIn::UntrustedAddress(_) => AppError::NotLetIn(NotLetIn::UntrustedAddress),
            NotSignedIn::NoUser => AppError::NotLetIn(NotLetIn::NotThroughPortal),
            NotSignedIn::WrongSecret => AppError::NotLetIn(NotLetIn::ProxySecret),
            NotSignedIn::NoRole(name) => AppError::NotLetIn(NotLetIn::NoRole(name.clone())),
            NotSignedIn::Unavailable(_) => AppError::NotLetIn(NotLetIn::Unavailable),
        })
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
