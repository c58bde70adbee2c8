//! The Infobip sandbox behind a reporting Prism proxy of the official spec: each exchange comes
//! back with what Prism found wrong with it, and each answer is checked against the schema the spec
//! gives it (or, for a status the operation does not declare, against its error envelope).

use serde_json::Value;
use sms_scheduler_server::clock::SandboxClock;
use std::sync::Arc;
use tokio::process::Child;

use crate::helpers::spawn_standalone_infobip_with_clock;
use crate::prism::{reported, start, Reported, Strictness};
use crate::spec::{component, response_schema, spec_file, violations};

pub const KEY: &str = "proxy-key";

pub struct Proxied {
    pub url: String,
    pub clock: Arc<SandboxClock>,
    http: reqwest::Client,
    _prism: Child,
}

/// One request and its answer, with Prism's findings.
#[derive(Debug)]
pub struct Exchange {
    pub method: String,
    pub spec_path: String,
    pub status: u16,
    pub body: Value,
    pub reported: Vec<Reported>,
}

impl Proxied {
    pub async fn start() -> Self {
        let clock = Arc::new(SandboxClock::default());
        let (sandbox_url, _sandbox) = spawn_standalone_infobip_with_clock(KEY, clock.clone()).await;
        let spec = spec_file("infobip", "sms-openapi.json");
        let (prism, url) = start("proxy", &spec, Some(&sandbox_url), Strictness::Report).await;
        Self {
            url,
            clock,
            http: reqwest::Client::new(),
            _prism: prism,
        }
    }

    /// `method spec_path?query` with the sandbox's key; `{messageId}` in the path stands for `m-1`.
    pub async fn call(
        &self,
        method: &str,
        spec_path: &str,
        query: &str,
        body: Option<Value>,
    ) -> Exchange {
        self.call_with(Some(KEY), method, spec_path, query, body)
            .await
    }

    pub async fn call_with(
        &self,
        key: Option<&str>,
        method: &str,
        spec_path: &str,
        query: &str,
        body: Option<Value>,
    ) -> Exchange {
        let path = spec_path.replace("{messageId}", "m-1");
        let separator = if query.is_empty() { "" } else { "?" };
        let url = format!("{}{path}{separator}{query}", self.url);
        let mut request = self
            .http
            .request(method.parse().unwrap(), url)
            .header("Accept", "application/json");
        if let Some(key) = key {
            request = request.header("Authorization", format!("App {key}"));
        }
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.expect("Prism answers");
        let status = response.status().as_u16();
        let reported = reported(&response);
        let text = response.text().await.unwrap();
        let body = serde_json::from_str(&text).unwrap_or_else(|_| {
            panic!("{method} {spec_path}?{query} answered {status} with no JSON: {text:?}")
        });
        Exchange {
            method: method.to_owned(),
            spec_path: spec_path.to_owned(),
            status,
            body,
            reported,
        }
    }
}

impl Exchange {
    /// The answer matches the spec: Prism found nothing wrong with it, and its body fits the
    /// schema of its status (the operation's error envelope when the status is not declared).
    pub fn conforms(&self) -> &Self {
        let wrong: Vec<_> = self
            .reported
            .iter()
            .filter(|r| r.side == "response" && r.severity == "Error")
            .map(|r| r.message.as_str())
            .collect();
        assert!(
            wrong.is_empty(),
            "{} {}: Prism: {wrong:?}\n{}",
            self.method,
            self.spec_path,
            self.body
        );
        let schema =
            response_schema(&self.method, &self.spec_path, self.status).unwrap_or_else(|| {
                assert!(
                    self.status >= 400,
                    "{} {} answered {}, a status it does not declare",
                    self.method,
                    self.spec_path,
                    self.status
                );
                if self.spec_path.starts_with("/sms/3/") {
                    component("ApiError")
                } else {
                    component("ApiException")
                }
            });
        let found = violations(schema, &self.body);
        assert!(
            found.is_empty(),
            "{} {} {}: {found:?}\n{}",
            self.method,
            self.spec_path,
            self.status,
            self.body
        );
        self
    }

    /// Prism found the request valid against the spec (for requests written from it).
    pub fn request_was_valid(&self) -> &Self {
        let wrong: Vec<_> = self
            .reported
            .iter()
            .filter(|r| r.side == "request" && r.severity == "Error")
            .map(|r| r.message.as_str())
            .collect();
        assert!(
            wrong.is_empty(),
            "{} {}: the request broke the spec: {wrong:?}",
            self.method,
            self.spec_path
        );
        self
    }

    pub fn status(&self, expected: u16) -> &Self {
        assert_eq!(
            self.status, expected,
            "{} {}: {}",
            self.method, self.spec_path, self.body
        );
        self
    }

    /// The properties a 400 names, in either envelope.
    pub fn named(&self) -> Vec<String> {
        if let Some(violations) = self.body["violations"].as_array() {
            return violations
                .iter()
                .filter_map(|v| v["property"].as_str().map(str::to_owned))
                .collect();
        }
        self.body
            .pointer("/requestError/serviceException/validationErrors")
            .and_then(Value::as_object)
            .map(|errors| errors.keys().cloned().collect())
            .unwrap_or_default()
    }
}
