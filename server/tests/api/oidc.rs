//! Built-in sign-in (`auth.mode = "oidc"`) against a real OpenID provider (`oidc-provider`,
//! `end2end/oidc/provider.mjs`, installed by `make setup`), driven over HTTP as a browser would:
//! its login form, the code flow with PKCE, the session cookie, sign-out. Node and the provider
//! are required: when either is missing these tests fail, they never skip.

use app::models::{AppError, AuditAction, AuditPage, Role, SignedIn};
use reqwest::header::{COOKIE, LOCATION, SET_COOKIE};
use reqwest::{redirect, StatusCode};
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

struct SignInSetup {
    app: TestApp,
    /// The app's settings, for another instance.
    settings: Settings,
    _provider: Child,
    issuer: String,
}

/// The provider, and an app under `/sms` signing people in through it.
async fn setup() -> SignInSetup {
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
struct Browser {
    http: reqwest::Client,
    cookies: BTreeMap<String, String>,
}

impl Browser {
    fn new() -> Self {
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

    async fn send(&mut self, request: reqwest::RequestBuilder) -> reqwest::Response {
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

    async fn get(&mut self, url: &str) -> reqwest::Response {
        let request = self.http.get(url).header("accept", "text/html");
        self.send(request).await
    }

    /// Follows redirects from `url` until a page answers; every address visited, in order.
    async fn follow(&mut self, url: &str) -> (reqwest::Response, Vec<String>) {
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
    async fn submit_login(&mut self, page: &str, login: &str) -> (reqwest::Response, Vec<String>) {
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
    async fn sign_in(&mut self, page: &str, login: &str) -> (reqwest::Response, Vec<String>) {
        let (submitted, mut visited) = self.submit_login(page, login).await;
        let next = absolute(
            submitted.url(),
            submitted.headers()[LOCATION].to_str().unwrap(),
        );
        let (page, after) = self.follow(&next).await;
        visited.extend(after);
        (page, visited)
    }

    async fn call(&mut self, app: &TestApp, endpoint: &str) -> Answer {
        let request = self
            .http
            .post(format!("{}api/{endpoint}", app.url))
            // As the app's pages ask: its errors in the server functions' encoding.
            .header("accept", "application/x-postcard")
            .json(&json!({}));
        Answer::read(self.send(request).await).await
    }
}

fn absolute(base: &reqwest::Url, location: &str) -> String {
    base.join(location).unwrap().to_string()
}

#[tokio::test]
async fn a_person_signs_in_with_the_code_flow_and_pkce_and_signs_out_everywhere() {
    // The provider runs while `_provider` lives.
    let SignInSetup {
        app,
        issuer,
        _provider,
        ..
    } = setup().await;
    let mut browser = Browser::new();
    let asked = format!("{}campaigns?state=scheduled", app.url);
    // Nothing answers without a session; a page sends the browser to sign in.
    let refused = browser.call(&app, "who_am_i").await;
    assert_eq!(refused.status, StatusCode::UNAUTHORIZED);
    assert_eq!(refused.error(), AppError::SignedOut);
    let (_, visited) = browser.sign_in(&asked, "sam").await;
    let to_provider = visited
        .iter()
        .find(|url| url.starts_with(&format!("{issuer}/auth?")))
        .expect("the browser went to the provider");
    for part in [
        "code_challenge_method=S256",
        "response_type=code",
        "nonce=",
        "state=",
    ] {
        assert!(to_provider.contains(part), "{part} in {to_provider}");
    }
    assert_eq!(
        visited.last(),
        Some(&asked),
        "back where the person started"
    );
    let cookie = browser
        .cookies
        .get("sms_scheduler_session")
        .expect("a session");
    assert_eq!(cookie.len(), 43);

    let who: SignedIn = browser.call(&app, "who_am_i").await.ok();
    assert_eq!(
        who,
        SignedIn {
            name: "sam".into(),
            role: Role::Sender,
            from_sign_in: true,
            can_sign_out: true,
        }
    );

    // Another site cannot sign anyone out; the app's own page can.
    let forged = browser
        .send(
            browser
                .http
                .post(format!("{}auth/sign-out", app.url))
                .header("origin", "http://evil.test"),
        )
        .await;
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    let out = browser
        .send(browser.http.post(format!("{}auth/sign-out", app.url)))
        .await;
    assert_eq!(out.status(), StatusCode::SEE_OTHER);
    let provider_sign_out = out.headers()[LOCATION].to_str().unwrap().to_owned();
    assert!(provider_sign_out.starts_with(&format!("{issuer}/session/end?id_token_hint=")));
    assert!(provider_sign_out.contains("post_logout_redirect_uri=http%3A%2F%2F127.0.0.1"));
    assert!(!browser.cookies.contains_key("sms_scheduler_session"));
    let after = browser.call(&app, "who_am_i").await;
    assert_eq!(after.error(), AppError::SignedOut);

    let mut admin = Browser::new();
    admin.sign_in(&app.url, "root").await;
    let page: AuditPage = {
        let request = admin
            .http
            .post(format!("{}api/list_audit", app.url))
            .json(&json!({"filter": {}, "offset": 0}));
        Answer::read(admin.send(request).await).await.ok()
    };
    let trail: Vec<(&str, AuditAction)> = page
        .entries
        .iter()
        .map(|entry| (entry.actor.as_str(), entry.action))
        .collect();
    assert_eq!(
        trail,
        [
            ("root", AuditAction::SignIn),
            ("sam", AuditAction::SignOut),
            ("sam", AuditAction::SignIn),
        ]
    );
}

#[tokio::test]
async fn an_answer_is_taken_once_by_the_browser_that_asked_and_a_role_is_needed() {
    let SignInSetup { app, _provider, .. } = setup().await;
    let mut browser = Browser::new();
    let (submitted, _) = browser.submit_login(&app.url, "sam").await;
    // Up to the app's callback, without following it.
    let mut next = absolute(
        submitted.url(),
        submitted.headers()[LOCATION].to_str().unwrap(),
    );
    while !next.contains("/sms/auth/callback") {
        let response = browser.get(&next).await;
        next = absolute(
            response.url(),
            response.headers()[LOCATION].to_str().unwrap(),
        );
    }
    // Another browser with the same answer (a link sent to someone) gets no session.
    let mut other = Browser::new();
    let stolen = other.get(&next).await;
    assert_eq!(stolen.status(), StatusCode::BAD_REQUEST);
    assert!(stolen
        .text()
        .await
        .unwrap()
        .contains("this sign-in has expired or was already used"));
    let taken = browser.get(&next).await;
    assert_eq!(taken.status(), StatusCode::SEE_OTHER);
    assert!(browser.cookies.contains_key("sms_scheduler_session"));
    // Given again, the same answer is refused.
    let again = browser.get(&next).await;
    assert_eq!(again.status(), StatusCode::BAD_REQUEST);

    // Signed in at the provider, but in no group that gives a role.
    let mut nobody = Browser::new();
    let (page, _) = nobody.sign_in(&app.url, "nobody").await;
    assert_eq!(page.status(), StatusCode::FORBIDDEN);
    assert!(page
        .text()
        .await
        .unwrap()
        .contains("nobody is signed in, but none of their groups gives a role in this app"));
    assert!(!nobody.cookies.contains_key("sms_scheduler_session"));
}

/// Sets a column of every session, as if time had passed.
async fn age_sessions(database_url: &str, column: &str, at: &str) {
    sqlx::any::install_default_drivers();
    let pool = sqlx::AnyPool::connect(database_url).await.unwrap();
    sqlx::query(&format!("UPDATE sessions SET {column} = $1"))
        .bind(at)
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;
}

#[tokio::test]
async fn a_session_outlives_its_instance_and_ends_when_idle_or_too_old() {
    let SignInSetup {
        app,
        mut settings,
        _provider,
        ..
    } = setup().await;
    let mut browser = Browser::new();
    browser.sign_in(&app.url, "sam").await;
    // Another instance on the same database (or this one restarted) knows the session.
    settings.server.listen = "127.0.0.1:0".parse().unwrap();
    settings.database.url = app.database_url.clone();
    let other = spawn_app_with(settings).await;
    let who: SignedIn = browser.call(&other, "who_am_i").await.ok();
    assert_eq!(who.name, "sam");

    // Unused for longer than the idle time (8 hours by default).
    let long_ago = (chrono::Utc::now() - chrono::Duration::hours(9))
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    age_sessions(&app.database_url, "last_seen_at", &long_ago).await;
    let idle = browser.call(&app, "who_am_i").await;
    assert_eq!(idle.status, StatusCode::UNAUTHORIZED);
    assert_eq!(idle.error(), AppError::SignedOut);

    // Signed in again (the provider remembers sam: no form this time). Then used a moment ago,
    // but begun longer ago than the absolute lifetime (24 hours).
    browser.follow(&app.url).await;
    let again: SignedIn = browser.call(&app, "who_am_i").await.ok();
    assert_eq!(again.name, "sam");
    let days_ago = (chrono::Utc::now() - chrono::Duration::hours(25))
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    age_sessions(&app.database_url, "created_at", &days_ago).await;
    assert_eq!(
        browser.call(&other, "who_am_i").await.error(),
        AppError::SignedOut
    );
}
