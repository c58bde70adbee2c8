//! Built-in sign-in (`auth.mode = "oidc"`) against a real OpenID provider, driven over HTTP as a
//! browser would (see `oidc_harness`): its login form, the code flow with PKCE, the session cookie,
//! sign-out, expiry.

use app::models::{AppError, AuditAction, AuditPage, Role, SignedIn};
use reqwest::header::{COOKIE, LOCATION};
use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::{spawn_app_with, Answer};
use crate::oidc_harness::{absolute, age_sessions, setup, Browser, SignInSetup};

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
    // A second session cookie beside it (planted for a parent domain, say): which is the app's
    // own cannot be told, so neither is taken.
    let token = browser.cookies["sms_scheduler_session"].clone();
    let planted = browser
        .http
        .post(format!("{}api/who_am_i", app.url))
        .header(
            COOKIE,
            format!("sms_scheduler_session={token}; sms_scheduler_session=planted"),
        )
        .header("accept", "application/x-postcard")
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(planted.status(), StatusCode::UNAUTHORIZED);

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
    // Given again (the back button), the same answer opens no second session: signed in
    // already, the browser is simply sent home.
    let session = browser.cookies["sms_scheduler_session"].clone();
    let again = browser.get(&next).await;
    assert_eq!(again.status(), StatusCode::SEE_OTHER);
    assert_eq!(again.headers()[LOCATION], "/sms/");
    assert_eq!(browser.cookies["sms_scheduler_session"], session);
    // Without a session, it is refused.
    browser.cookies.remove("sms_scheduler_session");
    assert_eq!(browser.get(&next).await.status(), StatusCode::BAD_REQUEST);

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

    // Another account calling itself sam at the provider does not become sam in the app.
    let mut twin = Browser::new();
    let (page, _) = twin.sign_in(&app.url, "sam-twin").await;
    assert_eq!(page.status(), StatusCode::FORBIDDEN);
    assert!(page
        .text()
        .await
        .unwrap()
        .contains("the name sam belongs to another account at the identity provider"));
    assert!(!twin.cookies.contains_key("sms_scheduler_session"));
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
    // There, the senders' group gives only the viewer's role: the role is read at each request.
    settings.auth.roles.sender = String::new();
    settings.auth.roles.viewer = "sms-senders".into();
    let other = spawn_app_with(settings).await;
    let who: SignedIn = browser.call(&other, "who_am_i").await.ok();
    assert_eq!((who.name.as_str(), who.role), ("sam", Role::Viewer));

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
