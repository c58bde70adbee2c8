//! `[auth]`: who may use the app. Read once into an `Authentication`; every mistake names its key.

use app::models::Role;
use axum::http::HeaderName;
use ipnet::IpNet;
use secrecy::SecretString;
use serde::Deserialize;
use std::net::{IpAddr, SocketAddr};

use super::auth_oidc::OidcSettings;
use crate::identity::{Authentication, RoleMap, TrustedHeader};

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuthSettings {
    /// `none` (the default: everyone is the local operator, on a loopback address only),
    /// `trusted_header` (a portal's proxy names the user) or `oidc` (built-in sign-in).
    #[serde(default)]
    pub mode: Option<String>,
    /// Lets `none` listen on a network address: anyone who reaches it acts with every right.
    #[serde(default)]
    pub allow_anonymous_network: bool,
    /// The header naming the signed-in user (`trusted_header`).
    #[serde(default)]
    pub user_header: Option<String>,
    /// The header listing the user's groups, comma-separated.
    #[serde(default)]
    pub groups_header: Option<String>,
    /// The proxy's addresses or networks (`10.0.0.5`, `10.0.0.0/8`), separated by commas or spaces.
    #[serde(default)]
    pub trusted_proxies: String,
    /// A header the proxy adds with `secret`, when it can.
    #[serde(default)]
    pub secret_header: Option<String>,
    #[serde(default)]
    pub secret: Option<SecretString>,
    #[serde(default)]
    pub roles: RoleSettings,
    #[serde(default)]
    pub oidc: OidcSettings,
}

/// `[auth.roles]`: the groups (comma-separated) that give each role, and the role of a signed-in
/// user whose groups give none (absent: refused).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleSettings {
    #[serde(default)]
    pub viewer: String,
    #[serde(default)]
    pub sender: String,
    #[serde(default)]
    pub approver: String,
    #[serde(default)]
    pub admin: String,
    #[serde(default)]
    pub default: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AuthError {
    #[error("auth.mode {0:?}: expected \"none\", \"trusted_header\" or \"oidc\"")]
    Mode(String),
    #[error(
        "server.listen {0} is not a loopback address, and auth.mode is \"none\": anyone who \
         reaches it would act as the local operator with every right. Set auth.mode = \
         \"trusted_header\" behind a portal's proxy or \"oidc\" with an identity provider, listen \
         on 127.0.0.1, or set \
         auth.allow_anonymous_network = true to accept that"
    )]
    AnonymousNetwork(SocketAddr),
    #[error("auth.{0} is needed with this auth.mode")]
    Missing(&'static str),
    #[error("auth.{key}: {value:?} is not a header name")]
    HeaderName { key: &'static str, value: String },
    #[error("auth.trusted_proxies: {0:?} is not an address or a network (10.0.0.5, 10.0.0.0/8)")]
    Proxy(String),
    #[error("auth.secret_header and auth.secret go together: set both or neither")]
    HalfSecret,
    #[error("auth.roles.default: {0:?} is not a role (viewer, sender, approver, admin)")]
    Role(String),
    #[error("auth.{key}: {value:?}: {why}")]
    Url {
        key: &'static str,
        value: String,
        why: &'static str,
    },
    #[error(
        "auth.oidc.public_url {public_url} does not end with server.base_path {base_path:?}: \
         it is the address browsers reach the app at"
    )]
    PublicPath {
        public_url: String,
        base_path: String,
    },
    #[error("auth.{key}: {value}: a session must last a while (a positive number)")]
    Lifetime { key: &'static str, value: i64 },
    #[error("server.identity_header is replaced by [auth]: mode = \"trusted_header\", user_header = {0:?} and trusted_proxies (the portal proxy's addresses)")]
    Replaced(String),
}

impl AuthSettings {
    /// The authentication these settings describe, for a server listening on `listen`.
    pub fn parse(&self, listen: SocketAddr, base_path: &str) -> Result<Authentication, AuthError> {
        match self.mode.as_deref().map(str::trim).unwrap_or("none") {
            "none" => {
                if !listen.ip().is_loopback() && !self.allow_anonymous_network {
                    return Err(AuthError::AnonymousNetwork(listen));
                }
                Ok(Authentication::None)
            }
            "trusted_header" => self.trusted_header().map(Authentication::TrustedHeader),
            "oidc" => {
                let config = self.oidc.parse(base_path, self.roles.role_map()?)?;
                Ok(Authentication::Oidc(std::sync::Arc::new(config)))
            }
            other => Err(AuthError::Mode(other.to_owned())),
        }
    }

    fn trusted_header(&self) -> Result<TrustedHeader, AuthError> {
        let user = header("user_header", self.user_header.as_deref())?
            .ok_or(AuthError::Missing("user_header"))?;
        let proxies = proxies(&self.trusted_proxies)?;
        if proxies.is_empty() {
            return Err(AuthError::Missing("trusted_proxies"));
        }
        let secret = match (
            header("secret_header", self.secret_header.as_deref())?,
            &self.secret,
        ) {
            (Some(name), Some(secret)) => Some((name, secret.clone())),
            (None, None) => None,
            _ => return Err(AuthError::HalfSecret),
        };
        Ok(TrustedHeader {
            user,
            groups: header("groups_header", self.groups_header.as_deref())?,
            proxies,
            secret,
            roles: self.roles.role_map()?,
        })
    }
}

impl RoleSettings {
    fn role_map(&self) -> Result<RoleMap, AuthError> {
        let groups = |role: Role, list: &str| {
            list.split(',')
                .map(str::trim)
                .filter(|group| !group.is_empty())
                .map(move |group| (group.to_owned(), role))
                .collect::<Vec<_>>()
        };
        let by_group = [
            groups(Role::Viewer, &self.viewer),
            groups(Role::Sender, &self.sender),
            groups(Role::Approver, &self.approver),
            groups(Role::Admin, &self.admin),
        ]
        .concat();
        let default = self
            .default
            .as_deref()
            .map(|name| Role::parse(name.trim()).ok_or_else(|| AuthError::Role(name.to_owned())))
            .transpose()?;
        Ok(RoleMap { by_group, default })
    }
}

fn header(key: &'static str, value: Option<&str>) -> Result<Option<HeaderName>, AuthError> {
    value
        .map(str::trim)
        .filter(|value| !value.is_empty())
        .map(|value| {
            HeaderName::try_from(value).map_err(|_| AuthError::HeaderName {
                key,
                value: value.to_owned(),
            })
        })
        .transpose()
}

/// `10.0.0.5, 10.0.0.0/8 ::1` → networks (a lone address is a network of one).
fn proxies(list: &str) -> Result<Vec<IpNet>, AuthError> {
    list.split(|c: char| c == ',' || c.is_whitespace())
        .filter(|item| !item.is_empty())
        .map(|item| {
            item.parse::<IpNet>()
                .or_else(|_| item.parse::<IpAddr>().map(IpNet::from))
                .map_err(|_| AuthError::Proxy(item.to_owned()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn portal() -> AuthSettings {
        AuthSettings {
            mode: Some("trusted_header".into()),
            user_header: Some("X-Forwarded-User".into()),
            trusted_proxies: "10.0.0.5, 10.1.0.0/16 ::1".into(),
            ..Default::default()
        }
    }

    const LOOPBACK: &str = "127.0.0.1:3000";

    #[test]
    fn without_sign_in_only_a_loopback_address_unless_allowed() {
        let none = AuthSettings::default();
        assert!(matches!(
            none.parse(LOOPBACK.parse().unwrap(), ""),
            Ok(Authentication::None)
        ));
        let network: SocketAddr = "0.0.0.0:3000".parse().unwrap();
        assert_eq!(
            none.parse(network, "").unwrap_err(),
            AuthError::AnonymousNetwork(network)
        );
        let allowed = AuthSettings {
            allow_anonymous_network: true,
            ..Default::default()
        };
        assert!(allowed.parse(network, "").is_ok());
    }

    #[test]
    fn a_portal_names_its_header_and_proxies() {
        let Ok(Authentication::TrustedHeader(trusted)) =
            portal().parse(LOOPBACK.parse().unwrap(), "")
        else {
            panic!("a portal configuration reads");
        };
        assert_eq!(trusted.user.as_str(), "x-forwarded-user");
        assert_eq!(trusted.proxies.len(), 3);
        assert!(trusted.proxies[0].contains(&"10.0.0.5".parse::<IpAddr>().unwrap()));
    }

    #[test]
    fn each_mistake_names_its_key() {
        let listen = LOOPBACK.parse().unwrap();
        let cases = [
            (
                AuthSettings {
                    mode: Some("oauth".into()),
                    ..portal()
                },
                "auth.mode \"oauth\"",
            ),
            (
                AuthSettings {
                    user_header: None,
                    ..portal()
                },
                "auth.user_header",
            ),
            (
                AuthSettings {
                    trusted_proxies: " ".into(),
                    ..portal()
                },
                "auth.trusted_proxies",
            ),
            (
                AuthSettings {
                    trusted_proxies: "10.0.0/8".into(),
                    ..portal()
                },
                "auth.trusted_proxies: \"10.0.0/8\"",
            ),
            (
                AuthSettings {
                    user_header: Some("X User".into()),
                    ..portal()
                },
                "auth.user_header: \"X User\"",
            ),
            (
                AuthSettings {
                    secret_header: Some("X-Proxy-Secret".into()),
                    ..portal()
                },
                "auth.secret_header and auth.secret",
            ),
            (
                AuthSettings {
                    roles: RoleSettings {
                        default: Some("boss".into()),
                        ..Default::default()
                    },
                    ..portal()
                },
                "auth.roles.default: \"boss\"",
            ),
        ];
        for (settings, key) in cases {
            let message = settings.parse(listen, "").unwrap_err().to_string();
            assert!(message.starts_with(key), "{message}");
        }
    }

    #[test]
    fn groups_are_comma_separated_and_the_default_role_is_read() {
        let roles = RoleSettings {
            sender: "SMS senders, marketing".into(),
            admin: "it".into(),
            default: Some("viewer".into()),
            ..Default::default()
        }
        .role_map()
        .unwrap();
        assert_eq!(roles.role_of(["marketing"]), Some(Role::Sender));
        assert_eq!(roles.role_of(["SMS senders", "it"]), Some(Role::Admin));
        assert_eq!(roles.role_of(["finance"]), Some(Role::Viewer));
    }
}
