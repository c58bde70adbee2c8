//! The pure rules of built-in sign-in's sessions: when one has expired, where a sign-in may return
//! to, the cookies, and the roles a provider's claims give.

use axum::http::{header, HeaderMap};
use base64::Engine;
use chrono::{DateTime, Duration, Utc};
use serde_json::Value;
use sha2::{Digest, Sha256};

/// The cookie holding a session's token.
pub const SESSION_COOKIE: &str = "sms_scheduler_session";
/// The cookie tying a sign-in's answer to the browser that asked for it (its `state`).
pub const SIGN_IN_COOKIE: &str = "sms_scheduler_sign_in";

/// A session's idle and absolute lifetimes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lifetimes {
    pub idle: Duration,
    pub absolute: Duration,
}

/// How often a session's last use is written: a request within this of the last write does
/// not write again.
const TOUCH_EVERY: Duration = Duration::seconds(60);

impl Lifetimes {
    pub fn is_live(
        &self,
        created: DateTime<Utc>,
        last_seen: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> bool {
        now - last_seen < self.idle && now - created < self.absolute
    }

    pub fn needs_touch(last_seen: DateTime<Utc>, now: DateTime<Utc>) -> bool {
        now - last_seen >= TOUCH_EVERY
    }
}

/// What the database keeps of a token: its SHA-256, in hex.
pub fn token_hash(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// A fresh random token (256 bits, URL-safe).
pub fn new_token() -> String {
    let bytes: [u8; 32] = rand::random();
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// Where a sign-in may send the browser back: a path of this app (under `base_path`), never
/// another site (`//evil.test`, `https://…`, `/\evil.test`); anything else goes to the app's home.
pub fn return_to(base_path: &str, asked: Option<&str>) -> String {
    let home = format!("{base_path}/");
    let Some(asked) = asked else { return home };
    let ours = asked == base_path || asked.starts_with(&home);
    let elsewhere = asked.starts_with("//")
        || asked.contains('\\')
        || asked.chars().any(char::is_control)
        || !asked.starts_with('/');
    if ours && !elsewhere {
        asked.to_owned()
    } else {
        home
    }
}

/// The cookie's attributes: only this app's paths, never read by scripts, sent on top-level
/// navigations from other sites (the provider's redirect back) but not on their requests.
pub fn cookie(name: &str, value: &str, path: &str, secure: bool, max_age: Duration) -> String {
    let path = if path.is_empty() { "/" } else { path };
    let secure = if secure { "; Secure" } else { "" };
    format!(
        "{name}={value}; Path={path}; Max-Age={}; HttpOnly; SameSite=Lax{secure}",
        max_age.num_seconds().max(0)
    )
}

/// A cookie's value in a `Cookie` header.
pub fn cookie_value<'a>(header: &'a str, name: &str) -> Option<&'a str> {
    cookie_values(header, name).into_iter().next()
}

/// Every value a `Cookie` header gives the cookie `name` (browsers send one per matching path and
/// domain).
pub fn cookie_values<'a>(header: &'a str, name: &str) -> Vec<&'a str> {
    header
        .split(';')
        .filter_map(|pair| pair.trim().split_once('='))
        .filter(|(key, _)| *key == name)
        .map(|(_, value)| value.trim())
        .filter(|value| !value.is_empty())
        .collect()
}

/// The values of the claim at `path` (dots go into objects: `realm_access.roles`): a list of
/// strings, or one string of comma-separated names.
pub fn claim_values(claims: &serde_json::Map<String, Value>, path: &str) -> Vec<String> {
    let mut parts = path.split('.');
    let Some(first) = parts.next() else {
        return Vec::new();
    };
    let mut value = claims.get(first);
    for part in parts {
        value = value.and_then(|value| value.get(part));
    }
    match value {
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_owned)
            .collect(),
        Some(Value::String(list)) => list
            .split(',')
            .map(str::trim)
            .filter(|name| !name.is_empty())
            .map(str::to_owned)
            .collect(),
        Some(Value::Null | Value::Bool(_) | Value::Number(_) | Value::Object(_)) | None => {
            Vec::new()
        }
    }
}

/// The session token a request's cookie carries.
pub fn session_token(headers: &HeaderMap) -> Option<&str> {
    request_cookie(headers, SESSION_COOKIE)
}

/// The value of the cookie `name` a request carries.
/// Two of the same name (one planted for a parent domain by a sibling site, say) count as none:
/// which is the app's own cannot be told.
pub fn request_cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    let mut found = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|cookies| cookie_values(cookies, name).into_iter());
    match (found.next(), found.next()) {
        (Some(only), None) => Some(only),
        (None, _) | (Some(_), Some(_)) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_session_ends_when_idle_or_old() {
        let lifetimes = Lifetimes {
            idle: Duration::minutes(30),
            absolute: Duration::hours(8),
        };
        let start: DateTime<Utc> = "2026-12-03T08:00:00Z".parse().unwrap();
        let later = |minutes| start + Duration::minutes(minutes);
        assert!(lifetimes.is_live(start, start, later(29)));
        assert!(!lifetimes.is_live(start, start, later(30)));
        assert!(lifetimes.is_live(start, later(470), later(479)));
        assert!(!lifetimes.is_live(start, later(470), later(480)));
        assert!(!Lifetimes::needs_touch(
            start,
            start + Duration::seconds(59)
        ));
        assert!(Lifetimes::needs_touch(start, start + Duration::seconds(60)));
    }

    #[test]
    fn a_sign_in_returns_only_within_the_app() {
        assert_eq!(
            return_to("/tools/sms", Some("/tools/sms/campaigns?state=x")),
            "/tools/sms/campaigns?state=x"
        );
        assert_eq!(return_to("/tools/sms", Some("/tools/sms")), "/tools/sms");
        for elsewhere in [
            "//evil.test/tools/sms/",
            "https://evil.test/tools/sms/",
            "/tools/smsevil",
            "/other",
            "/tools/sms/\\evil.test",
            "tools/sms/",
        ] {
            assert_eq!(
                return_to("/tools/sms", Some(elsewhere)),
                "/tools/sms/",
                "{elsewhere}"
            );
        }
        assert_eq!(return_to("", Some("/campaigns")), "/campaigns");
        assert_eq!(return_to("", Some("//evil.test")), "/");
        assert_eq!(return_to("", None), "/");
    }

    #[test]
    fn cookies_are_the_apps_only_and_never_for_scripts() {
        let set = cookie(
            SESSION_COOKIE,
            "abc",
            "/tools/sms",
            true,
            Duration::hours(8),
        );
        assert_eq!(
            set,
            "sms_scheduler_session=abc; Path=/tools/sms; Max-Age=28800; HttpOnly; SameSite=Lax; Secure"
        );
        assert!(
            cookie(SESSION_COOKIE, "", "", false, Duration::zero()).contains("Path=/; Max-Age=0")
        );
        let header = "theme=dark; sms_scheduler_session=abc ; other=1";
        assert_eq!(cookie_value(header, SESSION_COOKIE), Some("abc"));
        assert_eq!(cookie_value("sms_scheduler_session=", SESSION_COOKIE), None);
        let planted = "sms_scheduler_session=mine; sms_scheduler_session=theirs";
        assert_eq!(cookie_values(planted, SESSION_COOKIE), ["mine", "theirs"]);
    }

    #[test]
    fn roles_come_from_a_list_a_string_or_a_nested_claim() {
        let claims = json!({
            "groups": ["sms-senders", 3, "staff"],
            "roles": "approvers, it",
            "realm_access": { "roles": ["admins"] },
            "flag": true
        });
        let claims = claims.as_object().unwrap();
        assert_eq!(claim_values(claims, "groups"), ["sms-senders", "staff"]);
        assert_eq!(claim_values(claims, "roles"), ["approvers", "it"]);
        assert_eq!(claim_values(claims, "realm_access.roles"), ["admins"]);
        assert!(claim_values(claims, "flag").is_empty());
        assert!(claim_values(claims, "missing.path").is_empty());
    }

    #[test]
    fn tokens_are_random_and_kept_hashed() {
        let (one, two) = (new_token(), new_token());
        assert_ne!(one, two);
        assert_eq!(one.len(), 43);
        assert_eq!(
            token_hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
