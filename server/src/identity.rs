//! Who is acting, and with which role. Without sign-in (`auth.mode = "none"`, only on a loopback
//! address unless allowed) everyone is the local operator with every right. Behind a portal
//! (`trusted_header`), the portal's proxy names the user (and their groups) in headers, which are
//! believed only from the proxy's addresses and, when configured, with the proxy's shared secret.

use app::models::{Role, SignedIn};
use app::services::Actor;
use axum::http::{HeaderMap, HeaderName, StatusCode};
use ipnet::IpNet;
use secrecy::{ExposeSecret, SecretString};
use std::net::IpAddr;
use subtle::ConstantTimeEq;

/// The actor recorded when nobody signs in.
pub const LOCAL_OPERATOR: &str = "local-operator";

#[derive(Debug, Clone, Default)]
pub enum Authentication {
    /// Everyone is the local operator, with every right.
    #[default]
    None,
    TrustedHeader(TrustedHeader),
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
}

impl NotSignedIn {
    pub fn status(&self) -> StatusCode {
        match self {
            NotSignedIn::NoRole(_) => StatusCode::FORBIDDEN,
            NotSignedIn::UntrustedAddress(_) | NotSignedIn::NoUser | NotSignedIn::WrongSecret => {
                StatusCode::UNAUTHORIZED
            }
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
        }
    }
}

impl Authentication {
    /// The acting user of a request from `peer` (the TCP peer: the proxy, behind a portal).
    pub fn identify(
        &self,
        peer: Option<IpAddr>,
        headers: &HeaderMap,
    ) -> Result<Actor, NotSignedIn> {
        match self {
            Authentication::None => Ok(Actor {
                name: LOCAL_OPERATOR.to_owned(),
                role: Role::Admin,
                address: peer.map(|peer| peer.to_string()),
            }),
            Authentication::TrustedHeader(trusted) => trusted.identify(peer, headers),
        }
    }

    /// Who `actor` is, as the page shows it.
    pub fn signed_in(&self, actor: &Actor) -> SignedIn {
        SignedIn {
            name: actor.name.clone(),
            role: actor.role,
            from_sign_in: matches!(self, Authentication::TrustedHeader(_)),
        }
    }
}

impl TrustedHeader {
    fn identify(&self, peer: Option<IpAddr>, headers: &HeaderMap) -> Result<Actor, NotSignedIn> {
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
