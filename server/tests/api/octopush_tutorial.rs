//! The Octopush sandbox driven the way Octopush's own Python tutorial drives the real API
//! (`requests` with `params={"with_details": True}`, `with_replies` as `"True"`, `send_at` built
//! from a date and a time without an offset, no Content-Type), and its over-limit answers, always
//! in Octopush's `{code, message}` JSON.

use chrono::{Duration, NaiveTime, TimeZone, Utc};
use chrono_tz::Europe::Paris;
use serde_json::{json, Value};
use sms_scheduler_server::sandbox::octopush::OctopushSandbox;

use crate::helpers::spawn_standalone_sandbox;

const LOGIN: &str = "tutorial@example.com";
const KEY: &str = "tutorial-key";

struct Octopush {
    url: String,
    sandbox: OctopushSandbox,
    http: reqwest::Client,
}

impl Octopush {
    async fn start() -> Self {
        let (url, sandbox) = spawn_standalone_sandbox(LOGIN, KEY).await;
        Self {
            url,
            sandbox,
            http: reqwest::Client::new(),
        }
    }

    async fn answer(request: reqwest::RequestBuilder) -> (u16, Value) {
        let response = request
            .header("api-login", LOGIN)
            .header("api-key", KEY)
            .send()
            .await
            .unwrap();
        let status = response.status().as_u16();
        let text = response.text().await.unwrap();
        let body =
            serde_json::from_str(&text).unwrap_or_else(|_| panic!("{status}: not JSON: {text:?}"));
        (status, body)
    }

    async fn balance(&self, query: &str) -> (u16, Value) {
        Self::answer(
            self.http
                .get(format!("{}/wallet/check-balance?{query}", self.url)),
        )
        .await
    }

    /// Sends `body` as the tutorial does: `data=json.dumps(parameters)`, no Content-Type.
    async fn send(&self, body: &Value) -> (u16, Value) {
        let request = self.http.post(format!("{}/sms-campaign/send", self.url));
        Self::answer(request.body(body.to_string())).await
    }
}

#[tokio::test]
async fn the_tutorials_balance_check_and_send_are_accepted() {
    let octopush = Octopush::start().await;
    let (status, balance) = octopush.balance("with_details=True").await;
    assert_eq!(status, 200, "{balance}");
    assert_eq!(balance["unit"], "euros");

    // `datetime.strptime(f"{date} {time}", ...).isoformat()`: a wall-clock time, no offset.
    let day = (Utc::now() + Duration::days(2)).date_naive();
    let (status, sent) = octopush
        .send(&json!({
            "text": "Your parcel arrives tomorrow.",
            "recipients": [{"phone_number": "+33612345678", "first_name": "Ann", "last_name": ""}],
            "type": "sms_premium",
            "sender": "ACME",
            "send_at": format!("{day}T16:42:00"),
            "purpose": "alert",
            "with_replies": "True"
        }))
        .await;
    assert_eq!(status, 201, "{sent}");
    assert!(sent["sms_ticket"].as_str().unwrap().starts_with("sms_"));
    let campaign = &octopush.sandbox.accepted_campaigns()[0];
    let expected = Paris
        .from_local_datetime(&day.and_time(NaiveTime::from_hms_opt(16, 42, 0).unwrap()))
        .unwrap();
    assert_eq!(
        campaign.send_at.unwrap(),
        expected,
        "read in Paris time, Octopush's own"
    );

    let (status, flags) = octopush
        .send(&json!({
            "text": "Hi", "recipients": [{"phone_number": "+33612345679"}], "type": "sms_low_cost",
            "purpose": "alert", "with_replies": "False", "simulation_mode": "true"
        }))
        .await;
    assert_eq!(status, 201, "{flags}");
    assert_eq!(
        octopush.sandbox.accepted_campaigns().len(),
        1,
        "\"true\" asked for a simulation"
    );
}

#[tokio::test]
async fn over_limit_requests_get_the_documented_codes_in_json() {
    let octopush = Octopush::start().await;
    let too_long = json!({"text": "a".repeat(1225), "recipients": [{"phone_number": "+33612345678"}],
        "type": "sms_premium", "purpose": "alert"});
    let (status, body) = octopush.send(&too_long).await;
    assert_eq!((status, body["code"].as_i64()), (400, Some(102)), "{body}");

    let recipients: Vec<Value> = (0..501)
        .map(|n| json!({"phone_number": format!("+3361{n:07}")}))
        .collect();
    let too_many =
        json!({"text": "Hi", "recipients": recipients, "type": "sms_premium", "purpose": "alert"});
    let (status, body) = octopush.send(&too_many).await;
    assert_eq!((status, body["code"].as_i64()), (400, Some(500)), "{body}");
    assert!(body["message"].as_str().unwrap().contains("500"), "{body}");

    let (status, body) = octopush.balance("with_details=maybe&country_code=FR").await;
    assert_eq!((status, body["code"].as_i64()), (400, Some(500)), "{body}");
}
