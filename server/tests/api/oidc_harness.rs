//! What the sign-in tests (`oidc.rs`) run against: a real OpenID provider (`oidc-provider`,
//! `end2end/oidc/provider.mjs`, installed by `make setup`) on a free port, an app signing people in
//! through it, and a browser driven over HTTP. Node and the provider are required: when either is
//! missing the tests fail, they never skip.

use reqwest::header::{COOKIE, LOCATION, SET_COOKIE};
use reqwest::redirect;
use serde_json::json;
use sms_scheduler_server::configuration::{AuthSettings, OidcSettings, RoleSettings, Settings};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::Stdio;
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};

use crate::helpers::{spawn_app_with, test_settings, Answer, TestApp};

const CLIENT_ID: &str = "sms-scheduler-tests";
const CLIENT_SECRET: &str = "tests-client-secret";

/// The provider, for an app whose public URL is `app_url`; killed when dropped.
async fn start_provider(app_url: &str) -> (Child, String) {
    let end2end = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../end2end");
    assert!(
        end2end.join("node_modules/oidc-provider").exists(),
        "oidc-provider is missing: run `make setup` (npm ci in end2end/), the sign-in tests need it"
    );
    let mut child = Command::new("node")
        .current_dir(&end2end)
        .args(["oidc/provider.mjs", "0", CLIENT_ID, CLIENT_SECRET, app_url])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .expect("node runs the test provider");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let issuer = tokio::time::timeout(Duration::from_secs(30), async {
        while let Ok(Some(line)) = lines.next_line().await {
            if let Some(issuer) = line.strip_prefix("listening on ") {
                return issuer.to_owned();
            }
        }
        panic!("the test provider stopped before it listened");
    })
    .await
    .expect("the test provider listens within 30 s");
    tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
    (child, issuer)
}

pub struct SignInSetup {
    pub app: TestApp,
    /// The app's settings, for another instance.
    pub settings: Settings,
    pub _provider: Child,
    pub issuer: String,
}

/// The provider, and an app under `/sms` signing people in through it.
pub async fn setup() -> SignInSetup {
    // The provider must know the app's address before the app starts: a free port is chosen
    // first, and chosen again in the rare case another test took it meanwhile.
    for _ in 0..5 {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let public_url = format!("http://127.0.0.1:{port}/sms");
        let (provider, issuer) = start_provider(&public_url).await;
        let mut settings = test_settings();
        settings.server.listen = format!("127.0.0.1:{port}").parse().unwrap();
        settings.server.base_path = "/sms".into();
        settings.auth = AuthSettings {
            mode: Some("oidc".into()),
            roles: RoleSettings {
                sender: "sms-senders".into(),
                admin: "sms-admins".into(),
                ..Default::default()
            },
            oidc: OidcSettings {
                issuer: Some(issuer.clone()),
                client_id: Some(CLIENT_ID.into()),
                client_secret: Some(CLIENT_SECRET.to_owned().into()),
                public_url: Some(public_url),
                scopes: Some("profile email groups".into()),
                ..Default::default()
            },
            ..Default::default()
        };
        if std::net::TcpListener::bind(("127.0.0.1", port)).is_err() {
            continue;
        }
        return SignInSetup {
            app: spawn_app_with(settings.clone()).await,
            settings,
            _provider: provider,
            issuer,
        };
    }
    panic!("no free port for the app in five tries");
}

/// A browser's cookies (every address here is 127.0.0.1, which cookies do not tell apart by
/// port) and its requests, one redirect at a time.
pub struct Browser {
    pub http: reqwest::Client,
    pub cookies: BTreeMap<String, String>,
}

impl Browser {
    pub fn new() -> Self {
        Self {
            http: reqwest::Client::builder()
                .redirect(redirect::Policy::none())
                .build()
                .unwrap(),
            cookies: BTreeMap::new(),
        }
    }

    fn cookie_header(&self) -> String {
        self.cookies
            .iter()
            .map(|(name, value)| format!("{name}={value}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    pub async fn send(&mut self, request: reqwest::RequestBuilder) -> reqwest::Response {
        let response = request
            .header(COOKIE, self.cookie_header())
            .send()
            .await
            .expect("an answer");
        for set in response.headers().get_all(SET_COOKIE) {
            let set = set.to_str().unwrap();
            let (pair, attributes) = set.split_once(';').unwrap_or((set, ""));
            let (name, value) = pair.split_once('=').unwrap();
            if value.is_empty() || attributes.contains("Max-Age=0") {
                self.cookies.remove(name);
            } else {
                self.cookies.insert(name.to_owned(), value.to_owned());
            }
        }
        response
    }

    pub async fn get(&mut self, url: &str) -> reqwest::Response {
        let request = self.http.get(url).header("accept", "text/html");
        self.send(request).await
    }

    /// Follows redirects from `url` until a page answers; every address visited, in order.
    pub async fn follow(&mut self, url: &str) -> (reqwest::Response, Vec<String>) {
        let mut visited = vec![url.to_owned()];
        let mut response = self.get(url).await;
        while response.status().is_redirection() {
            let next = absolute(
                response.url(),
                response.headers()[LOCATION].to_str().unwrap(),
            );
            visited.push(next.clone());
            response = self.get(&next).await;
        }
        (response, visited)
    }

    /// Submits the provider's login form, which the browser reached from the app's `page`, as
    /// `login`: the provider's answer (a redirect on), and the addresses visited up to the form.
    pub async fn submit_login(
        &mut self,
        page: &str,
        login: &str,
    ) -> (reqwest::Response, Vec<String>) {
        let (form, visited) = self.follow(page).await;
        let form_url = form.url().clone();
        let status = form.status();
        let html = form.text().await.unwrap_or_default();
        assert!(
            form_url.path().starts_with("/interaction/"),
            "the provider's form, not {status} {html} after {visited:?}"
        );
        let action = html
            .split("action=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .expect("the form's action");
        let request = self.http.post(absolute(&form_url, action)).form(&[
            ("prompt", "login"),
            ("login", login),
            ("password", "any password"),
        ]);
        let submitted = self.send(request).await;
        assert!(
            submitted.status().is_redirection(),
            "{}",
            submitted.status()
        );
        (submitted, visited)
    }

    /// Signs in as `login` on the provider's own form, from the app's page `page`.
    pub async fn sign_in(&mut self, page: &str, login: &str) -> (reqwest::Response, Vec<String>) {
        let (submitted, mut visited) = self.submit_login(page, login).await;
        let next = absolute(
            submitted.url(),
            submitted.headers()[LOCATION].to_str().unwrap(),
        );
        let (page, after) = self.follow(&next).await;
        visited.extend(after);
        (page, visited)
    }

    pub async fn call(&mut self, app: &TestApp, endpoint: &str) -> Answer {
        let request = self
            .http
            .post(format!("{}api/{endpoint}", app.url))
            // As the app's pages ask: its errors in the server functions' encoding.
            .header("accept", "application/x-postcard")
            .json(&json!({}));
        Answer::read(self.send(request).await).await
    }
}

pub fn absolute(base: &reqwest::Url, location: &str) -> String {
    base.join(location).unwrap().to_string()
}

/// Sets a column of every session, as if time had passed.
pub async fn age_sessions(database_url: &str, column: &str, at: &str) {
    sqlx::any::install_default_drivers();
    let pool = sqlx::AnyPool::connect(database_url).await.unwrap();
    sqlx::query(&format!("UPDATE sessions SET {column} = $1"))
        .bind(at)
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;
}
