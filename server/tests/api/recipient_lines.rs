//! Several numbers on one line of the recipients box: each is a recipient of that line, and none
//! is lost on the way to the provider.

use app::models::{
    AppError, CampaignPreview, DuplicateRecipient, Field, Notice, Problem, RecipientStatus,
    ScheduleReceipt,
};
use chrono::Utc;
use serde_json::json;
use sms_scheduler_server::domain::OptOutSource;

use crate::helpers::{spawn_app, valid_request};

const TWO_ON_A_LINE: &str = "0612345678;0698765432\n0611111111";

#[tokio::test]
async fn numbers_separated_by_a_semicolon_are_each_previewed_and_sent() {
    let app = spawn_app().await;
    let mut request = valid_request();
    request["recipients"] = json!(TWO_ON_A_LINE);

    let preview: CampaignPreview = app
        .call("preview_campaign", json!({"request": request, "offset": 0}))
        .await
        .ok();
    let previewed: Vec<(u32, &str)> = preview
        .recipients
        .iter()
        .map(|r| (r.line, r.number.as_str()))
        .collect();
    assert_eq!(
        previewed,
        vec![
            (1, "+33612345678"),
            (1, "+33698765432"),
            (2, "+33611111111")
        ]
    );
    assert_eq!((preview.total, preview.to_send), (3, 3));

    let receipt: ScheduleReceipt = app.schedule(request).await.ok();
    assert_eq!(receipt.contacts, 3);
    let campaigns = app.sandbox.as_ref().unwrap().accepted_campaigns();
    assert_eq!(campaigns.len(), 1);
    assert_eq!(
        campaigns[0].phone_numbers,
        vec!["+33612345678", "+33698765432", "+33611111111"]
    );
}

#[tokio::test]
async fn two_numbers_of_one_line_left_out_are_both_recorded() {
    let app = spawn_app().await;
    let store = app.store().await;
    for number in ["+33612345678", "+33698765432"] {
        store
            .add_opt_out(number, OptOutSource::Operator, None, "bob", Utc::now())
            .await
            .unwrap();
    }
    let mut request = valid_request();
    request["recipients"] = json!(TWO_ON_A_LINE);
    let receipt: ScheduleReceipt = app.schedule(request).await.ok();

    let excluded: Vec<(u32, &str)> = receipt
        .excluded
        .iter()
        .map(|e| (e.line, e.number.as_str()))
        .collect();
    assert_eq!(excluded, vec![(1, "+33612345678"), (1, "+33698765432")]);
    assert_eq!(
        store.status_counts(&receipt.campaign_id).await.unwrap(),
        vec![
            (RecipientStatus::Scheduled, 1),
            (RecipientStatus::Excluded, 2)
        ]
    );
}

#[tokio::test]
async fn a_piece_that_is_not_a_number_is_refused_on_its_line_and_nothing_is_sent() {
    let app = spawn_app().await;
    let mut request = valid_request();
    request["recipients"] = json!("0611111111\n0612345678;hello\n0698765432 / 0622222222");
    let AppError::Invalid(errors) = app.schedule(request).await.error() else {
        panic!("expected field errors")
    };
    let lines: Vec<(Field, Option<u32>)> = errors.iter().map(|e| (e.field, e.line)).collect();
    assert_eq!(
        lines,
        vec![(Field::Recipients, Some(2)), (Field::Recipients, Some(3))]
    );
    assert!(matches!(&errors[0].problem, Problem::Phone(_)));
    assert!(errors[0].problem.to_string().contains("hello"));
    assert!(app.octopush_got_nothing());
}

#[tokio::test]
async fn pages_read_one_line_s_numbers_in_one_order_neither_repeated_nor_skipped() {
    let app = spawn_app().await;
    let store = app.store().await;
    let mut request = valid_request();
    // The higher number first on its line: a page's order does not depend on how it was typed.
    request["recipients"] = json!("0698765432;0655555555;0612345678\n0611111111");
    let receipt: ScheduleReceipt = app.schedule(request).await.ok();

    let mut read = Vec::new();
    for offset in 0..5 {
        let page = store
            .campaign_recipients(&receipt.campaign_id, None, offset, 1)
            .await
            .unwrap();
        read.extend(page.into_iter().map(|r| (r.line, r.phone)));
    }
    let read: Vec<(u32, &str)> = read.iter().map(|(l, p)| (*l, p.as_str())).collect();
    assert_eq!(
        read,
        vec![
            (1, "+33612345678"),
            (1, "+33655555555"),
            (1, "+33698765432"),
            (2, "+33611111111")
        ]
    );
    let filtered = store
        .campaign_recipients(&receipt.campaign_id, Some(RecipientStatus::Scheduled), 1, 2)
        .await
        .unwrap();
    let filtered: Vec<&str> = filtered.iter().map(|r| r.phone.as_str()).collect();
    assert_eq!(filtered, vec!["+33655555555", "+33698765432"]);
}

#[tokio::test]
async fn a_value_written_on_several_lines_is_said_on_its_recipient_before_it_is_sent() {
    let app = spawn_app().await;
    let mut request = valid_request();
    // A spreadsheet cell with a line break in it, exported quoted.
    request["recipients"] =
        json!("phone;first_name;param1\n0612345678;Ann;\"12 rue X\nLyon\"\n0698765432;Bo;Nice");
    request["text"] = json!("{first_name}, your parcel goes to {param1}.");

    let preview: CampaignPreview = app
        .call("preview_campaign", json!({"request": request, "offset": 0}))
        .await
        .ok();
    let several_lines = Notice::ValueOnSeveralLines {
        column: "param1".into(),
    };
    let said: Vec<(u32, &str, &[Notice])> = preview
        .recipients
        .iter()
        .map(|r| (r.line, r.text.as_str(), r.warnings.as_slice()))
        .collect();
    assert_eq!(
        said,
        vec![
            (
                2,
                "Ann, your parcel goes to 12 rue X\nLyon.",
                std::slice::from_ref(&several_lines)
            ),
            (4, "Bo, your parcel goes to Nice.", [].as_slice()),
        ]
    );
    assert_eq!(preview.warnings, vec![(several_lines, 1)]);
}

#[tokio::test]
async fn a_number_repeated_with_other_values_is_said_before_and_after_only_its_first_line_sent() {
    let app = spawn_app().await;
    let mut request = valid_request();
    request["recipients"] =
        json!("phone;first_name\n0612345678;Ann\n0698765432;Bo\n06 12 34 56 78;Ann\n0612345678;Cy");
    request["text"] = json!("Hello {first_name}");
    let repeat = |line, other_values| DuplicateRecipient {
        line,
        first_line: 2,
        number: "+33612345678".into(),
        other_values,
    };
    // Line 4 repeats line 2 as it is; line 5 with another name, whose message is not sent.
    let repeats = vec![repeat(4, false), repeat(5, true)];

    let preview: CampaignPreview = app
        .call("preview_campaign", json!({"request": request, "offset": 0}))
        .await
        .ok();
    assert_eq!(
        (preview.duplicates.as_slice(), preview.to_send),
        (repeats.as_slice(), 2)
    );

    let receipt: ScheduleReceipt = app.schedule(request).await.ok();
    assert_eq!(receipt.duplicates, repeats);
    let campaigns = app.sandbox.as_ref().unwrap().accepted_campaigns();
    assert_eq!(
        campaigns[0].phone_numbers,
        vec!["+33612345678", "+33698765432"]
    );
}
