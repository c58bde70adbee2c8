//! The providers' keys stay on the server: no answer the browser can receive carries one.

use serde_json::json;
use std::path::PathBuf;

use crate::helpers::{spawn_app_with, spawn_standalone_sandbox, test_settings, valid_request};

const LOGIN: &str = "owner@example.com";
const KEY: &str = "KEY-9f3b2c7d1e-NEVER-IN-A-RESPONSE";

/// The release build's site (`scripts/build.sh`, which `make test` runs first). Without it the
/// browser's own files could not be checked for the key, so its absence fails the test.
fn built_site() -> PathBuf {
    let site = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/site");
    assert!(
        site.join("pkg").is_dir(),
        "the release build's site is missing ({}): run scripts/build.sh (make test does) before the tests",
        site.display()
    );
    site
}

#[tokio::test]
async fn no_response_carries_the_api_key() {
    let (octopush_url, _sandbox) = spawn_standalone_sandbox(LOGIN, KEY).await;
    let mut settings = test_settings();
    settings.octopush.api_login = Some(LOGIN.into());
    settings.octopush.api_key = Some(KEY.to_owned().into());
    settings.octopush.base_url = octopush_url;
    settings.server.site_root = built_site();
    let app = spawn_app_with(settings).await;

    let mut bodies = Vec::new();
    let mut marketing_without_mention = valid_request();
    marketing_without_mention["purpose"] = json!("Marketing");
    let mut invalid = valid_request();
    invalid["sender"] = json!("X");
    for (endpoint, arguments) in [
        ("list_providers", json!({})),
        ("list_time_zones", json!({})),
        ("read_settings", json!({})),
        ("check_balance", json!({"provider": "Octopush"})),
        ("check_balance", json!({"provider": "Infobip"})),
        (
            "check_balance_details",
            json!({"provider": "Octopush", "country": "FR"}),
        ),
        ("schedule_sms", json!({"request": valid_request()})),
        ("schedule_sms", json!({"request": invalid})),
        (
            "schedule_sms",
            json!({"request": marketing_without_mention}),
        ),
        ("no_such_function", json!({})),
    ] {
        let answer = app.call(endpoint, arguments).await;
        let headers: Vec<String> = answer
            .headers
            .iter()
            .map(|(k, v)| format!("{k}: {v:?}"))
            .collect();
        bodies.push((format!("{endpoint} headers"), headers.join("\n")));
        bodies.push((endpoint.to_owned(), answer.body));
    }

    let shell = app
        .http
        .get(&app.url)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let assets: Vec<String> = shell
        .split('"')
        .filter(|part| part.contains("/pkg/"))
        .map(str::to_owned)
        .collect();
    assert!(
        assets.iter().any(|a| a.ends_with(".wasm")),
        "the shell names the wasm: {shell}"
    );
    bodies.push(("shell".into(), shell));
    for asset in assets {
        let bytes = app
            .http
            .get(format!(
                "http://{}{asset}",
                app.url.split('/').nth(2).unwrap()
            ))
            .send()
            .await
            .unwrap()
            .bytes()
            .await
            .unwrap();
        bodies.push((asset, String::from_utf8_lossy(&bytes).into_owned()));
    }

    for (what, body) in &bodies {
        assert!(!body.contains(KEY), "{what} carries the API key");
        assert!(!body.contains(LOGIN), "{what} carries the API login");
    }
}

#[tokio::test]
async fn a_wrong_key_is_reported_without_being_repeated() {
    let (octopush_url, _sandbox) = spawn_standalone_sandbox(LOGIN, KEY).await;
    let mut settings = test_settings();
    settings.octopush.api_login = Some(LOGIN.into());
    settings.octopush.api_key = Some("WRONG-KEY-1234".to_owned().into());
    settings.octopush.base_url = octopush_url;
    let app = spawn_app_with(settings).await;

    let answer = app.schedule(valid_request()).await;
    let error = answer.error();
    assert!(
        error.to_string().contains("API login or key is wrong"),
        "{error}"
    );
    assert!(!answer.body.contains("WRONG-KEY-1234"));
}
