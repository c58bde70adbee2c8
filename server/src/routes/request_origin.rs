//! Server functions answer only what the app's own pages can send: a POST with a JSON body (or a
//! GET, for the functions without arguments the app calls so), from the app's own origin. A page
//! of another origin can make a browser send a form or a `text/plain` body without asking first
//! (no CORS preflight); such a request is refused before any work, so no site a user visits can
//! schedule, cancel or change anything in their name. A GET function changes nothing and answers
//! everyone the same (`docs/architecture.md`).

use axum::http::header::{ACCEPT, CONTENT_TYPE, HOST, ORIGIN};
use axum::http::{HeaderMap, Method, StatusCode};

/// Why a request is refused before it reaches a server function.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// Not the method the function is called with (POST, but for the few the app calls with
    /// GET): server functions change state or read it for the page, never through a link.
    Method,
    /// Not JSON: only a body a cross-origin page cannot send without the browser asking first.
    ContentType,
    /// Sent by a page of another origin.
    Origin,
}

impl Refused {
    pub fn status(self) -> StatusCode {
        match self {
            Refused::Method => StatusCode::METHOD_NOT_ALLOWED,
            Refused::ContentType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Refused::Origin => StatusCode::FORBIDDEN,
        }
    }

    pub fn reason(self) -> &'static str {
        match self {
            Refused::Method => "this server function answers another method (see Allow)",
            Refused::ContentType => {
                "server functions take a JSON body (Content-Type: application/json)"
            }
            Refused::Origin => "a request from another origin is refused",
        }
    }
}

/// Whether a server-function request, sent with `method` to a function called with
/// `answers`, may go on.
pub fn check(method: &Method, answers: &Method, headers: &HeaderMap) -> Result<(), Refused> {
    if method != answers {
        return Err(Refused::Method);
    }
    // A GET carries no body, and its function changes nothing.
    if method == Method::POST && !is_json(headers) {
        return Err(Refused::ContentType);
    }
    if !from_own_origin(headers) {
        return Err(Refused::Origin);
    }
    Ok(())
}

fn header<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers.get(name).and_then(|value| value.to_str().ok())
}

fn is_json(headers: &HeaderMap) -> bool {
    has_media_type(headers, "application/json")
}

/// Whether the body is of `media` (`Content-Type`, parameters aside).
pub fn has_media_type(headers: &HeaderMap, media: &str) -> bool {
    header(headers, CONTENT_TYPE.as_str())
        .and_then(|value| value.split(';').next())
        .is_some_and(|given| given.trim().eq_ignore_ascii_case(media))
}

/// The value of `Content-Type`'s parameter `name` (`charset`), unquoted.
pub fn media_type_parameter(headers: &HeaderMap, name: &str) -> Option<String> {
    header(headers, CONTENT_TYPE.as_str())?
        .split(';')
        .skip(1)
        .filter_map(|parameter| parameter.split_once('='))
        .find(|(key, _)| key.trim().eq_ignore_ascii_case(name))
        .map(|(_, value)| value.trim().trim_matches('"').to_owned())
}

/// The server functions' answer encoding, which the app's own pages ask for in `Accept`.
pub const POSTCARD: &str = "application/x-postcard";

/// Whether the request comes from the app's pages, which ask for `POSTCARD`: they are answered
/// errors they can say in the user's language.
pub fn asks_for_postcard(headers: &HeaderMap) -> bool {
    header(headers, ACCEPT.as_str()).is_some_and(|accept| accept.contains(POSTCARD))
}

/// A browser says where a request comes from in `Origin` (and `Sec-Fetch-Site`); it must name
/// the host the request was sent to (as the portal's proxy forwards it, when there is one). A
/// client that is no browser sends neither and is let through: it acts for no visiting user.
pub fn from_own_origin(headers: &HeaderMap) -> bool {
    match header(headers, ORIGIN.as_str()) {
        Some(origin) => {
            let authority = origin
                .split_once("://")
                .map_or("", |(_, rest)| rest.trim_end_matches('/'));
            let host = header(headers, "x-forwarded-host")
                .and_then(|hosts| hosts.split(',').next())
                .or_else(|| header(headers, HOST.as_str()))
                .map(str::trim);
            !authority.is_empty() && host.is_some_and(|host| host.eq_ignore_ascii_case(authority))
        }
        None => matches!(
            header(headers, "sec-fetch-site"),
            None | Some("same-origin") | Some("none")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, HeaderValue::from_static(value));
        }
        map
    }

    const JSON: (&str, &str) = ("content-type", "application/json");

    #[test]
    fn a_media_types_parameter_is_read_by_name_unquoted() {
        let charset = |value: &'static str| {
            media_type_parameter(&headers(&[("content-type", value)]), "charset")
        };
        assert_eq!(charset("text/csv"), None);
        assert_eq!(
            charset("text/csv; charset=windows-1252").as_deref(),
            Some("windows-1252")
        );
        assert_eq!(
            charset("text/csv;CHARSET=\"UTF-8\"").as_deref(),
            Some("UTF-8")
        );
        assert_eq!(
            charset("text/csv; header=present ; charset = latin1 ").as_deref(),
            Some("latin1")
        );
        assert_eq!(charset("text/csv; charset=").as_deref(), Some(""));
        // The first of two is taken.
        assert_eq!(
            charset("text/csv; charset=utf-8; charset=latin1").as_deref(),
            Some("utf-8")
        );
        assert_eq!(
            charset("charset=latin1"),
            None,
            "no parameter before the media type"
        );
    }

    #[test]
    fn the_apps_own_json_post_goes_on() {
        let own = headers(&[
            JSON,
            ("host", "127.0.0.1:3000"),
            ("origin", "http://127.0.0.1:3000"),
        ]);
        assert_eq!(check(&Method::POST, &Method::POST, &own), Ok(()));
        let proxied = headers(&[
            ("content-type", "application/json; charset=utf-8"),
            ("host", "10.0.0.5:3000"),
            ("x-forwarded-host", "portal.example.com"),
            ("origin", "https://portal.example.com"),
        ]);
        assert_eq!(check(&Method::POST, &Method::POST, &proxied), Ok(()));
        // curl and other clients that are no browser: no visiting user to act for.
        assert_eq!(
            check(&Method::POST, &Method::POST, &headers(&[JSON])),
            Ok(())
        );
        let same = headers(&[JSON, ("sec-fetch-site", "same-origin")]);
        assert_eq!(check(&Method::POST, &Method::POST, &same), Ok(()));
    }

    #[test]
    fn another_origin_a_form_or_a_get_is_refused() {
        let forged = headers(&[
            JSON,
            ("host", "127.0.0.1:3000"),
            ("origin", "http://evil.test"),
        ]);
        assert_eq!(
            check(&Method::POST, &Method::POST, &forged),
            Err(Refused::Origin)
        );
        let other_port = headers(&[
            JSON,
            ("host", "127.0.0.1:3000"),
            ("origin", "http://127.0.0.1:3001"),
        ]);
        assert_eq!(
            check(&Method::POST, &Method::POST, &other_port),
            Err(Refused::Origin)
        );
        let opaque = headers(&[JSON, ("host", "127.0.0.1:3000"), ("origin", "null")]);
        assert_eq!(
            check(&Method::POST, &Method::POST, &opaque),
            Err(Refused::Origin)
        );
        let cross = headers(&[JSON, ("sec-fetch-site", "cross-site")]);
        assert_eq!(
            check(&Method::POST, &Method::POST, &cross),
            Err(Refused::Origin)
        );
        let sibling = headers(&[JSON, ("sec-fetch-site", "same-site")]);
        assert_eq!(
            check(&Method::POST, &Method::POST, &sibling),
            Err(Refused::Origin)
        );
        for media in [
            "text/plain",
            "application/x-www-form-urlencoded",
            "multipart/form-data",
        ] {
            let mut form = headers(&[("host", "127.0.0.1:3000")]);
            form.insert("content-type", HeaderValue::from_static(media));
            assert_eq!(
                check(&Method::POST, &Method::POST, &form),
                Err(Refused::ContentType),
                "{media}"
            );
        }
        assert_eq!(
            check(&Method::GET, &Method::POST, &headers(&[JSON])),
            Err(Refused::Method)
        );
    }

    #[test]
    fn a_function_called_with_get_takes_the_apps_own_get_only() {
        let own = headers(&[("sec-fetch-site", "same-origin")]);
        assert_eq!(check(&Method::GET, &Method::GET, &own), Ok(()));
        let cross = headers(&[("sec-fetch-site", "cross-site")]);
        assert_eq!(
            check(&Method::GET, &Method::GET, &cross),
            Err(Refused::Origin)
        );
        let forged = headers(&[("host", "127.0.0.1:3000"), ("origin", "http://evil.test")]);
        assert_eq!(
            check(&Method::GET, &Method::GET, &forged),
            Err(Refused::Origin)
        );
        assert_eq!(
            check(&Method::POST, &Method::GET, &headers(&[JSON])),
            Err(Refused::Method)
        );
    }
}
