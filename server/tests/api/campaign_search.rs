//! The campaign list's search and filters, and the per-recipient CSV export, over HTTP as the
//! browser uses them.

use app::models::{CampaignPage, RecipientStatus, ScheduleReceipt};
use serde_json::{json, Value};

use crate::helpers::{spawn_app, valid_request, TestApp};

async fn listed(app: &TestApp, filter: Value) -> Vec<String> {
    let page: CampaignPage = app
        .call("list_campaigns", json!({"before": null, "filter": filter}))
        .await
        .ok();
    page.campaigns.into_iter().map(|c| c.text).collect()
}

#[tokio::test]
async fn campaigns_are_found_by_words_by_number_in_any_format_and_by_provider() {
    let app = spawn_app().await;
    let mut parcel = valid_request();
    parcel["text"] = json!("Your parcel arrives tomorrow.");
    parcel["recipients"] = json!("06 12 34 56 78");
    let _: ScheduleReceipt = app.schedule(parcel).await.ok();
    let mut meeting = valid_request();
    meeting["text"] = json!("Meeting moved to Friday.");
    meeting["recipients"] = json!("+33 6 98 76 54 32");
    meeting["provider"] = json!("Infobip");
    let _: ScheduleReceipt = app.schedule(meeting).await.ok();

    assert_eq!(
        listed(&app, json!({"search": "PARCEL"})).await,
        ["Your parcel arrives tomorrow."]
    );
    // The same number written nationally, internationally or with spaces.
    for number in ["0698765432", "+33698765432", "+33 6 98 76 54 32"] {
        assert_eq!(
            listed(&app, json!({ "search": number })).await,
            ["Meeting moved to Friday."],
            "{number}"
        );
    }
    assert_eq!(
        listed(&app, json!({"provider": "Octopush"})).await,
        ["Your parcel arrives tomorrow."]
    );
    assert_eq!(listed(&app, json!({"state": "Finished"})).await.len(), 0);
    // Both wait at their provider for tomorrow's time: scheduled, not yet in progress.
    assert_eq!(listed(&app, json!({"state": "Scheduled"})).await.len(), 2);
    assert_eq!(listed(&app, json!({"state": "InProgress"})).await.len(), 0);
    assert!(listed(&app, json!({"search": "nothing like it"}))
        .await
        .is_empty());
}

#[tokio::test]
async fn a_campaigns_results_export_as_csv_whole_or_by_status() {
    let app = spawn_app().await;
    let mut request = valid_request();
    // The third number is on the opt-out list: it is left out, with the reason.
    let added = app
        .call(
            "add_opt_outs",
            json!({"numbers": "+33611111111", "source": "operator"}),
        )
        .await;
    assert!(added.status.is_success(), "{}", added.body);
    request["recipients"] = json!("06 12 34 56 78\n+33 6 98 76 54 32\n06 11 11 11 11");
    let receipt: ScheduleReceipt = app.schedule(request).await.ok();
    let export = |query: &str| {
        let url = format!(
            "{}export/campaigns/{}/recipients.csv{query}",
            app.url, receipt.campaign_id
        );
        let http = app.http.clone();
        async move { http.get(url).send().await.unwrap() }
    };

    let whole = export("").await;
    assert_eq!(whole.status(), 200);
    assert_eq!(
        whole.headers()["content-type"].to_str().unwrap(),
        "text/csv; charset=utf-8"
    );
    assert!(whole.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .starts_with("attachment;"));
    let text = whole.text().await.unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(
        reader.headers().unwrap(),
        vec!["line", "phone", "status", "send_at", "parts", "encoding", "reason", "warnings", "id"]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let lines_and_statuses: Vec<(&str, &str, &str)> =
        rows.iter().map(|r| (&r[0], &r[1], &r[2])).collect();
    // A cell starting with `+` would be a formula to a spreadsheet: numbers are kept as text.
    assert_eq!(
        lines_and_statuses,
        [
            ("1", "'+33612345678", "scheduled"),
            ("2", "'+33698765432", "scheduled"),
            ("3", "'+33611111111", "excluded"),
        ]
    );
    for row in &rows {
        for cell in row {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "a cell a spreadsheet would evaluate: {cell:?}"
            );
        }
    }
    assert!(!rows[2][6].is_empty(), "the exclusion says why");
    assert!(rows[0][3].ends_with('Z'), "send times are UTC");

    let excluded = export(&format!("?status={}", RecipientStatus::Excluded.as_str()))
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(excluded.lines().count(), 2, "{excluded}");

    let unknown_status = export("?status=lost").await;
    assert_eq!(unknown_status.status(), 400);
    assert!(unknown_status.text().await.unwrap().contains("lost"));
    let missing = app
        .http
        .get(format!("{}export/campaigns/nope/recipients.csv", app.url))
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), 404);
}
