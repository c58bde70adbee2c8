//! The Content-Security-Policy of the app's page: its own files only, the boot script by hash, and
//! framing only by the portal origins the administrator names (`server.frame_ancestors`).

use base64::Engine;
use sha2::{Digest, Sha256};

/// Origins allowed to show the app in a frame, as written in `frame-ancestors`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrameAncestors(Vec<String>);

impl FrameAncestors {
    /// Space-separated origins (`https://portal.example.com`), `'self'` or `'none'`; empty: the
    /// app's own origin only.
    pub fn parse(configured: &str) -> Result<Self, String> {
        let sources = configured
            .split_whitespace()
            .map(|source| {
                if valid_source(source) {
                    Ok(source.trim_end_matches('/').to_owned())
                } else {
                    Err(format!(
                        "{source:?} is not an origin such as https://portal.example.com \
                         (or 'self', 'none')"
                    ))
                }
            })
            .collect::<Result<Vec<_>, _>>()?;
        if sources.len() > 1 && sources.iter().any(|s| s == "'none'") {
            return Err("'none' cannot be combined with other origins".into());
        }
        Ok(Self(sources))
    }

    /// As written in the policy.
    pub fn directive_value(&self) -> String {
        if self.0.is_empty() {
            "'self'".into()
        } else {
            self.0.join(" ")
        }
    }

    pub fn origins(&self) -> &[String] {
        &self.0
    }
}

/// `scheme://host[:port]` with nothing a header or the policy's grammar could misread.
fn valid_source(source: &str) -> bool {
    if source == "'self'" || source == "'none'" {
        return true;
    }
    let Some((scheme, rest)) = source.split_once("://") else {
        return false;
    };
    let host = rest.trim_end_matches('/');
    matches!(scheme, "http" | "https")
        && !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '*'))
}

/// The policy for the page whose only inline script is `boot_script`. `sign_out_origin`: with
/// built-in sign-in, the identity provider's origin, where the sign-out form's answer leads.
pub fn policy(
    boot_script: &str,
    frame_ancestors: &FrameAncestors,
    sign_out_origin: Option<&str>,
) -> String {
    let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(boot_script));
    // Styles: the views set `style` attributes (the status bar's widths).
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-{hash}'; \
         style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; \
         object-src 'none'; base-uri 'self'; form-action 'self'{}; frame-ancestors {}",
        sign_out_origin
            .map(|origin| format!(" {origin}"))
            .unwrap_or_default(),
        frame_ancestors.directive_value()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_are_taken_and_anything_else_is_refused() {
        let ancestors =
            FrameAncestors::parse(" https://portal.example.com/  http://intranet:8080 ").unwrap();
        assert_eq!(
            ancestors.directive_value(),
            "https://portal.example.com http://intranet:8080"
        );
        assert_eq!(
            FrameAncestors::parse("").unwrap().directive_value(),
            "'self'"
        );
        for bad in [
            "portal.example.com",
            "https://a.example; script-src *",
            "javascript://x",
            "https://",
            "'none' https://a.example",
        ] {
            assert!(FrameAncestors::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_policy_names_the_boot_script_by_its_hash() {
        // echo -n 'init()' | openssl dgst -sha256 -binary | base64
        let policy = policy(
            "init()",
            &FrameAncestors::parse("https://p.example").unwrap(),
            None,
        );
        assert!(policy.contains("'sha256-w4ujnOpjBoH2vcasx+reJRUwYivG8Q3afx/XevGJod8='"));
        assert!(policy.ends_with("form-action 'self'; frame-ancestors https://p.example"));
        let signing_out = super::policy(
            "init()",
            &FrameAncestors::parse("").unwrap(),
            Some("https://sso.example.com"),
        );
        assert!(signing_out.contains("form-action 'self' https://sso.example.com;"));
    }
}
