//! Answers a page already holds are not sent again. Every successful server-function answer
//! carries a tag of its bytes (`ETag`); a request that names the same tag in `If-None-Match` is
//! answered `304 Not Modified`, without a body, and the page uses the answer it holds
//! (`app::conditional_client`, which also says how a tag is made). The answer is still worked
//! out: the tag is of the bytes, so a held answer can never pass for a changed one. Only a tag
//! counts, not `*`: a server function may have changed something to answer.
//!
//! Every answer says `Cache-Control: no-cache`: a function the app calls with GET (the time-zone
//! list, no arguments, the same for everyone) is kept by the browser's cache, which asks each time
//! with the tag and gets `304` without a body while it holds; it is never reused unasked, so a
//! new version of the server is never read with an old answer.

use app::conditional_client::answer_tag as tag_of;
use axum::body::{to_bytes, Body};
use axum::http::header::{CACHE_CONTROL, ETAG, IF_NONE_MATCH};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::Response;

/// Largest answer read back to be tagged: a page of recipients is tens of kilobytes.
const MAX_TAGGED_ANSWER: usize = 64 * 1024 * 1024;

/// `response`, tagged when successful, and `304 Not Modified` without its body when the request
/// named that tag.
pub async fn answer(response: Response, asked: &HeaderMap) -> Response {
    if response.status() != StatusCode::OK {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_TAGGED_ANSWER).await else {
        tracing::error!("a server-function answer could not be read back to be tagged");
        parts.status = StatusCode::INTERNAL_SERVER_ERROR;
        return Response::from_parts(parts, Body::empty());
    };
    let tag = tag_of(&bytes);
    if let Ok(value) = HeaderValue::from_str(&tag) {
        parts.headers.insert(ETAG, value);
    }
    parts
        .headers
        .insert(CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    let held = asked
        .get_all(IF_NONE_MATCH)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .any(|listed| names(listed, &tag));
    if held {
        parts.status = StatusCode::NOT_MODIFIED;
        parts.headers.remove(axum::http::header::CONTENT_TYPE);
        return Response::from_parts(parts, Body::empty());
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// The request's `If-None-Match` values: all the answer needs of it.
pub fn asked(headers: &HeaderMap) -> HeaderMap {
    let mut asked = HeaderMap::new();
    for value in headers.get_all(IF_NONE_MATCH) {
        asked.append(IF_NONE_MATCH, value.clone());
    }
    asked
}

/// Whether an `If-None-Match` value (tags separated by commas) names `tag`, compared weakly
/// (RFC 9110, 13.1.2).
fn names(listed: &str, tag: &str) -> bool {
    let opaque = |tag: &str| tag.trim().trim_start_matches("W/").to_owned();
    listed.split(',').any(|one| opaque(one) == opaque(tag))
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::header::CONTENT_TYPE;

    fn ok(body: &'static str) -> Response {
        Response::builder()
            .header(CONTENT_TYPE, "application/x-postcard")
            .body(Body::from(body))
            .unwrap()
    }

    fn asking(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(IF_NONE_MATCH, HeaderValue::from_str(value).unwrap());
        headers
    }

    async fn body_of(response: Response) -> Vec<u8> {
        to_bytes(response.into_body(), 1024).await.unwrap().to_vec()
    }

    #[tokio::test]
    async fn an_answer_is_tagged_and_sent_whole_to_whoever_holds_no_tag() {
        let response = answer(ok("campaign"), &HeaderMap::new()).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.headers()[ETAG], tag_of(b"campaign").as_str());
        assert_eq!(response.headers()[CACHE_CONTROL], "no-cache");
        assert_eq!(body_of(response).await, b"campaign");
    }

    #[tokio::test]
    async fn the_same_answer_again_is_not_modified_and_has_no_body() {
        let tag = tag_of(b"campaign");
        for asked in [
            tag.clone(),
            tag.trim_start_matches("W/").to_owned(),
            format!("W/\"other\", {tag}"),
        ] {
            let response = answer(ok("campaign"), &asking(&asked)).await;
            assert_eq!(response.status(), StatusCode::NOT_MODIFIED, "{asked}");
            assert_eq!(response.headers()[ETAG], tag.as_str());
            assert!(!response.headers().contains_key(CONTENT_TYPE));
            assert!(body_of(response).await.is_empty());
        }
    }

    #[tokio::test]
    async fn a_changed_answer_is_sent_whole_with_its_new_tag() {
        let old = tag_of(b"campaign, 3 sent");
        let response = answer(ok("campaign, 4 sent"), &asking(&old)).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(
            response.headers()[ETAG],
            tag_of(b"campaign, 4 sent").as_str()
        );
        assert_eq!(body_of(response).await, b"campaign, 4 sent");
    }

    #[tokio::test]
    async fn errors_are_not_tagged() {
        let refused = Response::builder()
            .status(StatusCode::NOT_FOUND)
            .body(Body::from("no such campaign"))
            .unwrap();
        let response = answer(refused, &asking(&tag_of(b"no such campaign"))).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        assert!(!response.headers().contains_key(ETAG));
    }

    #[tokio::test]
    async fn any_tag_is_not_a_tag() {
        let response = answer(ok("campaign"), &asking("*")).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(body_of(response).await, b"campaign");
    }

    #[test]
    fn tags_differ_with_the_bytes() {
        assert_ne!(tag_of(b"a"), tag_of(b"b"));
        assert!(tag_of(b"").starts_with("W/\""));
    }
}
