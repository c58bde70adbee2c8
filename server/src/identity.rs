//! Who is acting: the portal's sign-in header when configured, otherwise the local operator.

use app::services::Actor;
use axum::http::{HeaderMap, HeaderName};

/// The actor recorded when no identity header is configured or sent.
pub const LOCAL_OPERATOR: &str = "local-operator";

#[derive(Debug, Clone, Default)]
pub struct IdentityHeader(Option<HeaderName>);

impl IdentityHeader {
    pub fn new(name: Option<&str>) -> Result<Self, axum::http::header::InvalidHeaderName> {
        name.map(HeaderName::try_from).transpose().map(Self)
    }

    pub fn actor(&self, headers: &HeaderMap) -> Actor {
        let named = self
            .0
            .as_ref()
            .and_then(|name| headers.get(name))
            .and_then(|value| value.to_str().ok())
            .map(str::trim)
            .filter(|value| !value.is_empty());
        Actor(named.unwrap_or(LOCAL_OPERATOR).to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn takes_the_configured_header_or_falls_back_to_the_local_operator() {
        let identity = IdentityHeader::new(Some("X-Forwarded-User")).unwrap();
        let mut headers = HeaderMap::new();
        assert_eq!(identity.actor(&headers).0, LOCAL_OPERATOR);
        headers.insert("x-forwarded-user", "alice".parse().unwrap());
        assert_eq!(identity.actor(&headers).0, "alice");
        assert_eq!(IdentityHeader::default().actor(&headers).0, LOCAL_OPERATOR);
    }
}
