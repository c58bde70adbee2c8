//! The webhook URLs: where they are mounted, how the built-in sandboxes reach them, and what the
//! real providers are told. The secret is a path segment, never logged.

use rand::distributions::{Alphanumeric, DistString};
use secrecy::ExposeSecret;

use crate::configuration::WebhookSettings;
use crate::webhook_path::WEBHOOKS_PATH;

pub struct WebhookUrls {
    secret: String,
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
            own_url: own_url.to_owned(),
            public_url,
        }
    }

    /// Where the routes are nested, below the base path.
    pub fn mount_path(&self) -> String {
        format!("{WEBHOOKS_PATH}/{}", self.secret)
    }

    /// The URL of the webhook at `path` as this machine reaches it.
    pub fn internal(&self, path: &str) -> String {
        format!("{}{}{path}", self.own_url, self.mount_path())
    }

    /// The URL of the webhook at `path` as the providers reach it, when known.
    pub fn public(&self, path: &str) -> Option<String> {
        let base = self.public_url.as_ref()?;
        Some(format!("{base}{}{path}", self.mount_path()))
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
                public_url: Some("https://portal.example.com/sms".into()),
            },
            "http://127.0.0.1:3000",
        );
        assert_eq!(generated.public("/octopush"), None);
        assert!(generated.mount_path().len() > "/webhooks/".len() + 24);
    }
}
