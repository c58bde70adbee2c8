//! Where the webhooks are mounted, below the base path, and how the secret path segment after it
//! is kept out of every log line. A leaf: the routes, the sandboxes and the request log all read it.

use std::borrow::Cow;

/// The webhooks' routes are nested under `WEBHOOKS_PATH/<secret>`.
pub const WEBHOOKS_PATH: &str = "/webhooks";

/// What a webhook URL's secret is written as wherever a URL or a path is logged.
pub const REDACTED: &str = "***";

/// `text` (a URL, a path, a request line) with the segment after every `/webhooks/` written
/// [`REDACTED`], so that no log line carries the secret, whatever the base path or host.
pub fn redacted(text: &str) -> Cow<'_, str> {
    let marker = format!("{WEBHOOKS_PATH}/");
    if !text.contains(&marker) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(found) = rest.find(&marker) {
        let secret_starts = found + marker.len();
        out.push_str(&rest[..secret_starts]);
        let after = &rest[secret_starts..];
        let secret_ends = after.find(['/', '?', '#', ' ']).unwrap_or(after.len());
        out.push_str(REDACTED);
        rest = &after[secret_ends..];
    }
    out.push_str(rest);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_secret_segment_is_redacted_in_urls_and_paths() {
        assert_eq!(
            redacted("http://127.0.0.1:3000/sms/webhooks/s3cret-s3cret/octopush"),
            "http://127.0.0.1:3000/sms/webhooks/***/octopush"
        );
        assert_eq!(
            redacted("/webhooks/s3cret-s3cret/infobip/reports?x=1"),
            "/webhooks/***/infobip/reports?x=1"
        );
        assert_eq!(redacted("/webhooks/s3cret-s3cret"), "/webhooks/***");
        assert_eq!(
            redacted("a /webhooks/one/x and /webhooks/two/y"),
            "a /webhooks/***/x and /webhooks/***/y"
        );
        assert_eq!(redacted("/api/list_campaigns"), "/api/list_campaigns");
    }
}
