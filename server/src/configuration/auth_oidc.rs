//! `[auth.oidc]`: built-in sign-in through an OpenID Connect provider (`auth.mode = "oidc"`).

use chrono::Duration;
use openidconnect::url::Url;
use secrecy::SecretString;
use serde::Deserialize;

use super::auth::AuthError;
use crate::identity::oidc::OidcConfig;
use crate::identity::sessions::Lifetimes;
use crate::identity::RoleMap;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OidcSettings {
    /// The provider's issuer (`https://sso.example.com/realms/intranet`); its
    /// `/.well-known/openid-configuration` is read at the first sign-in.
    #[serde(default)]
    pub issuer: Option<String>,
    #[serde(default)]
    pub client_id: Option<String>,
    /// Absent for a public client (PKCE alone).
    #[serde(default)]
    pub client_secret: Option<SecretString>,
    /// The app's address as browsers reach it (`https://intranet.example.com/tools/sms`); the
    /// provider sends people back to `<public_url>/auth/callback`.
    #[serde(default)]
    pub public_url: Option<String>,
    /// The claim listing the person's groups or roles (dots go into objects:
    /// `realm_access.roles`); default `groups`.
    #[serde(default)]
    pub roles_claim: Option<String>,
    /// The claim naming the person in the app and its audit trail; default `preferred_username`
    /// (then `email`, then the subject).
    #[serde(default)]
    pub name_claim: Option<String>,
    /// Scopes asked for besides `openid`, space-separated; default `profile email`.
    #[serde(default)]
    pub scopes: Option<String>,
    /// A session unused this long ends; default 480 (8 hours).
    #[serde(default)]
    pub idle_minutes: Option<i64>,
    /// A session ends this long after sign-in, used or not; default 24.
    #[serde(default)]
    pub absolute_hours: Option<i64>,
}

impl OidcSettings {
    pub fn parse(&self, base_path: &str, roles: RoleMap) -> Result<OidcConfig, AuthError> {
        url("oidc.issuer", self.issuer.as_deref())?;
        let public_url = url("oidc.public_url", self.public_url.as_deref())?;
        let public_path = public_url.path().trim_end_matches('/');
        if public_path != base_path {
            return Err(AuthError::PublicPath {
                public_url: public_url.to_string(),
                base_path: base_path.to_owned(),
            });
        }
        let client_id = self
            .client_id
            .as_deref()
            .map(str::trim)
            .filter(|id| !id.is_empty())
            .ok_or(AuthError::Missing("oidc.client_id"))?;
        let scopes = self
            .scopes
            .as_deref()
            .unwrap_or("profile email")
            .split_whitespace()
            .filter(|scope| *scope != "openid")
            .map(str::to_owned)
            .collect();
        let minutes = |key, value: Option<i64>, default: i64, unit: fn(i64) -> Duration| match value
            .unwrap_or(default)
        {
            value if value > 0 => Ok(unit(value)),
            value => Err(AuthError::Lifetime { key, value }),
        };
        Ok(OidcConfig {
            // As written: the provider's metadata must name exactly this issuer (some end in `/`).
            issuer: self.issuer.as_deref().unwrap_or_default().trim().to_owned(),
            client_id: client_id.to_owned(),
            client_secret: self.client_secret.clone(),
            public_url: public_url.as_str().trim_end_matches('/').to_owned(),
            secure_cookies: public_url.scheme() == "https",
            roles_claim: non_empty(&self.roles_claim).unwrap_or("groups").to_owned(),
            name_claim: non_empty(&self.name_claim)
                .unwrap_or("preferred_username")
                .to_owned(),
            scopes,
            lifetimes: Lifetimes {
                idle: minutes(
                    "oidc.idle_minutes",
                    self.idle_minutes,
                    480,
                    Duration::minutes,
                )?,
                absolute: minutes(
                    "oidc.absolute_hours",
                    self.absolute_hours,
                    24,
                    Duration::hours,
                )?,
            },
            roles,
        })
    }
}

fn non_empty(value: &Option<String>) -> Option<&str> {
    value
        .as_deref()
        .map(str::trim)
        .filter(|value| !value.is_empty())
}

/// An `http(s)` address; plain `http` only on this machine (a provider or an app reached over the
/// network without TLS would give sessions away).
fn url(key: &'static str, value: Option<&str>) -> Result<Url, AuthError> {
    let value = value
        .map(str::trim)
        .filter(|value| !value.is_empty())
        .ok_or(AuthError::Missing(key))?;
    let bad = |why: &'static str| AuthError::Url {
        key,
        value: value.to_owned(),
        why,
    };
    let parsed = Url::parse(value).map_err(|_| bad("not an address"))?;
    let local = matches!(parsed.host_str(), Some("localhost" | "127.0.0.1" | "[::1]"));
    match parsed.scheme() {
        "https" => Ok(parsed),
        "http" if local => Ok(parsed),
        "http" => Err(bad(
            "plain http is accepted only on this machine (localhost): use https",
        )),
        _ => Err(bad("expected an https address")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings() -> OidcSettings {
        OidcSettings {
            issuer: Some("https://sso.example.com/realms/intranet".into()),
            client_id: Some("sms-scheduler".into()),
            client_secret: Some(SecretString::from("s3cret".to_owned())),
            public_url: Some("https://intranet.example.com/tools/sms/".into()),
            ..Default::default()
        }
    }

    #[test]
    fn defaults_are_filled_in() {
        let config = settings().parse("/tools/sms", RoleMap::default()).unwrap();
        assert_eq!(config.issuer, "https://sso.example.com/realms/intranet");
        assert_eq!(config.public_url, "https://intranet.example.com/tools/sms");
        let with_slash = OidcSettings {
            issuer: Some(" https://tenant.auth0.example/ ".into()),
            ..settings()
        };
        let config = with_slash.parse("/tools/sms", RoleMap::default()).unwrap();
        assert_eq!(config.issuer, "https://tenant.auth0.example/");
        assert!(config.secure_cookies);
        assert_eq!(config.roles_claim, "groups");
        assert_eq!(config.name_claim, "preferred_username");
        assert_eq!(config.scopes, ["profile", "email"]);
        assert_eq!(config.lifetimes.idle, Duration::hours(8));
        assert_eq!(config.lifetimes.absolute, Duration::hours(24));
        let local = OidcSettings {
            issuer: Some("http://127.0.0.1:4000".into()),
            public_url: Some("http://localhost:3000".into()),
            ..settings()
        };
        assert!(!local.parse("", RoleMap::default()).unwrap().secure_cookies);
    }

    #[test]
    fn each_mistake_names_its_key() {
        let cases = [
            (
                OidcSettings {
                    issuer: None,
                    ..settings()
                },
                "auth.oidc.issuer is needed",
            ),
            (
                OidcSettings {
                    issuer: Some("http://sso.example.com".into()),
                    ..settings()
                },
                "auth.oidc.issuer: \"http://sso.example.com\": plain http",
            ),
            (
                OidcSettings {
                    public_url: Some("intranet/sms".into()),
                    ..settings()
                },
                "auth.oidc.public_url: \"intranet/sms\": not an address",
            ),
            (
                OidcSettings {
                    public_url: Some("https://intranet.example.com/sms".into()),
                    ..settings()
                },
                "auth.oidc.public_url https://intranet.example.com/sms does not end",
            ),
            (
                OidcSettings {
                    client_id: Some(" ".into()),
                    ..settings()
                },
                "auth.oidc.client_id is needed",
            ),
            (
                OidcSettings {
                    idle_minutes: Some(0),
                    ..settings()
                },
                "auth.oidc.idle_minutes: 0",
            ),
        ];
        for (settings, start) in cases {
            let message = settings
                .parse("/tools/sms", RoleMap::default())
                .unwrap_err()
                .to_string();
            assert!(message.starts_with(start), "{message}");
        }
    }
}
