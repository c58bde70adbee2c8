//! Who is acting, and with which role. Without sign-in (`auth.mode = "none"`, only on a loopback
//! address unless allowed) everyone is the local operator with every right. Behind a portal
//! (`trusted_header`), the portal's proxy names the user (and their groups) in headers, which are
//! believed only from the proxy's addresses and, when configured, with the proxy's shared secret.
//! With built-in sign-in (`oidc`), an identity provider signs people in and the app keeps their
//! sessions (see `oidc`).

use app::models::{Role, SignedIn};
use app::services::{Actor, AuditTrail};
use axum::http::{HeaderMap, HeaderName, StatusCode};
use ipnet::IpNet;
use secrecy::{ExposeSecret, SecretString};
use std::net::IpAddr;
use std::sync::Arc;
use subtle::ConstantTimeEq;

use crate::storage::Store;
use oidc::{OidcConfig, SignIn};

pub mod oidc;
mod oidc_provider;
pub mod sessions;

/// The actor recorded when nobody signs in.
pub const LOCAL_OPERATOR: &str = "local-operator";

#[derive(Debug, Clone, Default)]
pub enum Authentication {
    /// Everyone is the local operator, with every right.
    #[default]
    None,
    TrustedHeader(TrustedHeader),
    /// Built-in sign-in through an OpenID Connect provider.
    Oidc(Arc<OidcConfig>),
}

/// The portal's proxy signs people in and names them in headers.
#[derive(Debug, Clone)]
pub struct TrustedHeader {
    pub user: HeaderName,
    /// Groups, comma-separated; absent: everyone gets `roles.default`.
    pub groups: Option<HeaderName>,
    /// The proxy's addresses: headers from anywhere else are refused.
    pub proxies: Vec<IpNet>,
    /// A header the proxy adds with a secret only it knows.
    pub secret: Option<(HeaderName, SecretString)>,
    pub roles: RoleMap,
}

/// Roles given by groups; the highest role any of a user's groups gives wins.
#[derive(Debug, Clone, Default)]
pub struct RoleMap {
    pub by_group: Vec<(String, Role)>,
    /// For a signed-in user none of whose groups gives a role; `None`: refused.
    pub default: Option<Role>,
}

impl RoleMap {
    pub fn role_of<'a>(&self, groups: impl IntoIterator<Item = &'a str>) -> Option<Role> {
        let groups: Vec<&str> = groups.into_iter().collect();
        self.by_group
            .iter()
            .filter(|(group, _)| groups.contains(&group.as_str()))
            .map(|(_, role)| *role)
            .max()
            .or(self.default)
    }
}

/// Why a request is not let in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotSignedIn {
    /// Identity headers from an address that is not the portal's proxy.
    UntrustedAddress(Option<IpAddr>),
    /// Sent around the portal (no identity header).
    NoUser,
    /// The proxy's secret header is missing or wrong.
    WrongSecret,
    /// Signed in, but none of their groups gives a role.
    NoRole(String),
    /// Built-in sign-in: no session cookie.
    SignInNeeded,
    /// Built-in sign-in: the session ended (signed out elsewhere, idle or too old).
    SessionEnded,
    /// Sessions could not be read.
    Unavailable(String),
}

impl NotSignedIn {
    pub fn status(&self) -> StatusCode {
        match self {
            NotSignedIn::NoRole(_) => StatusCode::FORBIDDEN,
            NotSignedIn::UntrustedAddress(_)
            | NotSignedIn::NoUser
            | NotSignedIn::WrongSecret
            | NotSignedIn::SignInNeeded
            | NotSignedIn::SessionEnded => StatusCode::UNAUTHORIZED,
            NotSignedIn::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
        }
    }

    /// Said to whoever sent the request (and logged): what went wrong, not how to get around it.
    pub fn reason(&self) -> String {
        match self {
            NotSignedIn::UntrustedAddress(_) => {
                "identity headers are accepted only from the portal's proxy".into()
            }
            NotSignedIn::NoUser => "sign in through the portal to use this app".into(),
            NotSignedIn::WrongSecret => "the portal's proxy secret is missing or wrong".into(),
            NotSignedIn::NoRole(user) => {
                format!("{user} is signed in, but none of their groups gives a role in this app")
            }
            NotSignedIn::SignInNeeded => "sign in to use this app".into(),
            NotSignedIn::SessionEnded => "your sign-in has ended: sign in again".into(),
            NotSignedIn::Unavailable(_) => "sign-in is unavailable for a moment".into(),
        }
    }
}

/// Who lets requests in, as the server runs: built from `Authentication` at start.
#[derive(Clone)]
pub enum Gate {
    /// Everyone is the local operator.
    Open,
    Portal(Arc<TrustedHeader>),
    SignIn(Arc<SignIn>),
}

/// Whether a request counts as the person's use of their session (keeping it from going idle).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionUse {
    Use,
    /// Asking who is signed in, as an open page does by itself.
    Look,
}

impl Gate {
    pub fn new(
        authentication: &Authentication,
        base_path: &str,
        store: &Store,
        audit: Arc<dyn AuditTrail>,
    ) -> Self {
        match authentication {
            Authentication::None => Gate::Open,
            Authentication::TrustedHeader(trusted) => Gate::Portal(Arc::new(trusted.clone())),
            Authentication::Oidc(config) => Gate::SignIn(Arc::new(SignIn::new(
                config.clone(),
                base_path,
                store.clone(),
                audit,
            ))),
        }
    }

    /// The acting user of a request from `peer` (the TCP peer: the proxy, behind a portal).
    pub async fn identify(
        &self,
        peer: Option<IpAddr>,
        headers: &HeaderMap,
        session_use: SessionUse,
    ) -> Result<Actor, NotSignedIn> {
        match self {
            Gate::Open => Ok(local_operator(peer)),
            Gate::Portal(trusted) => trusted.identify(peer, headers),
            Gate::SignIn(sign_in) => {
                sign_in
                    .identify(peer, headers, session_use == SessionUse::Use)
                    .await
            }
        }
    }

    /// Who `actor` is, as the page shows it.
    pub fn signed_in(&self, actor: &Actor) -> SignedIn {
        SignedIn {
            name: actor.name.clone(),
            role: actor.role,
            from_sign_in: match self {
                Gate::Open => false,
                Gate::Portal(_) | Gate::SignIn(_) => true,
            },
            can_sign_out: match self {
                Gate::Open | Gate::Portal(_) => false,
                Gate::SignIn(_) => true,
            },
        }
    }
}

/// Everyone, without sign-in.
pub fn local_operator(peer: Option<IpAddr>) -> Actor {
    Actor {
        name: LOCAL_OPERATOR.to_owned(),
        role: Role::Admin,
        address: peer.map(|peer| peer.to_string()),
    }
}

impl TrustedHeader {
    pub fn identify(
        &self,
        peer: Option<IpAddr>,
        headers: &HeaderMap,
    ) -> Result<Actor, NotSignedIn> {
        let user = text(headers, &self.user);
        let from_proxy =
            peer.is_some_and(|peer| self.proxies.iter().any(|net| net.contains(&peer)));
        if !from_proxy {
            return Err(match user {
                Some(_) => NotSignedIn::UntrustedAddress(peer),
                None => NotSignedIn::NoUser,
            });
        }
        if let Some((header, secret)) = &self.secret {
            let sent = headers
                .get(header)
                .map(|value| value.as_bytes())
                .unwrap_or_default();
            if !bool::from(sent.ct_eq(secret.expose_secret().as_bytes())) {
                return Err(NotSignedIn::WrongSecret);
            }
        }
        let name = user.ok_or(NotSignedIn::NoUser)?.to_owned();
        let groups = self
            .groups
            .as_ref()
            .and_then(|header| text(headers, header))
            .unwrap_or_default();
        let role = self
            .roles
            .role_of(groups.split(',').map(str::trim).filter(|g| !g.is_empty()))
            .ok_or_else(|| NotSignedIn::NoRole(name.clone()))?;
        Ok(Actor {
            name,
            role,
            address: Some(through_proxy(peer, headers)),
        })
    }
}

/// Where a request the proxy passed on came from: the address the proxy added last to
/// `X-Forwarded-For` (the one it saw), and the proxy's own.
fn through_proxy(proxy: Option<IpAddr>, headers: &HeaderMap) -> String {
    let proxy = proxy.map_or_else(|| "?".to_owned(), |proxy| proxy.to_string());
    let client = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(str::trim)
        .rfind(|hop| !hop.is_empty());
    match client {
        Some(client) => format!("{client} via {proxy}"),
        None => proxy,
    }
}

/// A header's value, trimmed, when it is text and not empty.
fn text<'a>(headers: &'a HeaderMap, name: &HeaderName) -> Option<&'a str> {
    headers
        .get(name)
        .and_then(|value| value.to_str().ok())
        .map(str::trim)
        .filter(|value| !value.is_empty())
}

#[cfg(test)]
mod tests;
