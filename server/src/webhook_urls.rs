//! The webhook URLs: where they are mounted, how the built-in sandboxes reach them, and what the
//! real providers are told, and which secrets a call may carry. The secret is a path segment, never
//! logged, and compared in constant time.

use rand::distributions::{Alphanumeric, DistString};
use secrecy::ExposeSecret;
use subtle::{Choice, ConstantTimeEq};

use crate::configuration::WebhookSettings;
use crate::webhook_path::WEBHOOKS_PATH;

#[derive(Clone)]
pub struct WebhookUrls {
    /// The secret the providers are told.
    secret: String,
    /// The secret being replaced, still accepted during a rotation.
    previous_secret: Option<String>,
    /// The app's own loopback URL, base path included.
    own_url: String,
    /// The app's URL as the providers reach it, when configured with a secret they can be told.
    public_url: Option<String>,
}

impl WebhookUrls {
    /// Without a configured secret a random one is made: the sandboxes in this process can use it,
    /// a real provider cannot be told it, so no public URL is offered.
    pub fn new(settings: &WebhookSettings, own_url: &str) -> Self {
        let configured = settings
            .secret
            .as_ref()
            .map(|s| s.expose_secret().to_owned());
        let public_url = configured.as_ref().and(settings.public_url.clone());
        Self {
            secret: configured
                .unwrap_or_else(|| Alphanumeric.sample_string(&mut rand::thread_rng(), 32)),
            previous_secret: settings
                .previous_secret
                .as_ref()
                .map(|s| s.expose_secret().to_owned()),
            own_url: own_url.to_owned(),
            public_url,
        }
    }

    /// Whether a call's secret segment is one of the secrets accepted. Every accepted secret is
    /// compared, each in constant time, so the answer's timing tells nothing of how much matched.
    pub fn accepts(&self, sent: &str) -> bool {
        let sent = sent.as_bytes();
        let current = sent.ct_eq(self.secret.as_bytes());
        let previous = self
            .previous_secret
            .as_ref()
            .map_or(Choice::from(0), |previous| sent.ct_eq(previous.as_bytes()));
        bool::from(current | previous)
    }

    fn path(&self) -> String {
        format!("{WEBHOOKS_PATH}/{}", self.secret)
    }

    /// The URL of the webhook at `path` as this machine reaches it.
    pub fn internal(&self, path: &str) -> String {
        format!("{}{}{path}", self.own_url, self.path())
    }

    /// The URL of the webhook at `path` as the providers reach it, when known.
    pub fn public(&self, path: &str) -> Option<String> {
        let base = self.public_url.as_ref()?;
        Some(format!("{base}{}{path}", self.path()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use secrecy::SecretString;

    #[test]
    fn public_urls_need_both_a_secret_and_the_public_url() {
        let secret = "s3cret-s3cret-s3cret-s3cret";
        let urls = WebhookUrls::new(
            &WebhookSettings {
                secret: Some(SecretString::from(secret.to_owned())),
                previous_secret: None,
                public_url: Some("https://portal.example.com/sms".into()),
            },
            "http://127.0.0.1:3000/sms",
        );
        assert_eq!(
            urls.public("/octopush").as_deref(),
            Some("https://portal.example.com/sms/webhooks/s3cret-s3cret-s3cret-s3cret/octopush")
        );
        assert_eq!(
            urls.internal("/octopush"),
            "http://127.0.0.1:3000/sms/webhooks/s3cret-s3cret-s3cret-s3cret/octopush"
        );

        let generated = WebhookUrls::new(
            &WebhookSettings {
                secret: None,
                previous_secret: None,
                public_url: Some("https://portal.example.com/sms".into()),
            },
            "http://127.0.0.1:3000",
        );
        assert_eq!(generated.public("/octopush"), None);
        let generated_url = generated.internal("/octopush");
        let generated_secret = generated_url
            .trim_start_matches("http://127.0.0.1:3000/webhooks/")
            .trim_end_matches("/octopush");
        assert_eq!(generated_secret.len(), 32);
        assert!(generated.accepts(generated_secret));
    }

    #[test]
    fn during_a_rotation_both_secrets_are_accepted_and_the_new_one_is_told() {
        let urls = WebhookUrls::new(
            &WebhookSettings {
                secret: Some(SecretString::from("new-secret-new-secret-new".to_owned())),
                previous_secret: Some(SecretString::from("old-secret-old-secret-old".to_owned())),
                public_url: Some("https://portal.example.com".into()),
            },
            "http://127.0.0.1:3000",
        );
        assert!(urls.accepts("new-secret-new-secret-new"));
        assert!(urls.accepts("old-secret-old-secret-old"));
        for refused in [
            "",
            "new-secret-new-secret-ne",
            "new-secret-new-secret-newX",
            "NEW-SECRET-NEW-SECRET-NEW",
            "other-secret-other-secret",
        ] {
            assert!(!urls.accepts(refused), "{refused:?} is accepted");
        }
        assert_eq!(
            urls.public("/octopush").as_deref(),
            Some("https://portal.example.com/webhooks/new-secret-new-secret-new/octopush")
        );
    }
}
