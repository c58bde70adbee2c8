use leptos::prelude::*;
use leptos_router::components::A;

use crate::client::href;
use crate::i18n::{use_i18n, Texts};
use crate::models::{ScheduleReceipt, SubmissionOutcome};

/// What the provider accepted, restated for the user, with everyone left out and why.
#[component]
pub fn ReceiptPanel(receipt: ScheduleReceipt) -> impl IntoView {
    let i18n = use_i18n();
    // Nothing here can be edited: a switch of language draws it again.
    move || receipt_view(i18n.t(), &receipt)
}

/// The receipt as the composer shows it, in a chunk of its own (`cargo leptos build --split`) that
/// the app fetches once its first page is drawn.
#[leptos::lazy]
pub fn receipt_panel_view(receipt: ScheduleReceipt) -> AnyView {
    view! { <ReceiptPanel receipt=receipt/> }.into_any()
}

fn receipt_view(t: &'static Texts, receipt: &ScheduleReceipt) -> impl IntoView {
    let when = receipt.send_at.clone().unwrap_or_else(|| t.now.to_owned());
    let cost = receipt
        .total_cost
        .map(|cost| t.money(cost, receipt.currency.as_deref()))
        .unwrap_or_else(|| t.not_given.to_owned());
    let references = receipt.references().join(", ");
    let references = if references.is_empty() {
        t.reference_unknown.to_owned()
    } else {
        references
    };
    let failed: Vec<String> = receipt
        .submissions
        .iter()
        .filter_map(|s| match &s.outcome {
            SubmissionOutcome::Accepted => None,
            SubmissionOutcome::Refused(why) => Some((t.refused_recipients)(s.contacts, why)),
            SubmissionOutcome::Unknown(why) => {
                Some((t.no_answer_recipients)(s.contacts, &(t.notice)(why)))
            }
        })
        .collect();
    let warnings: Vec<String> = receipt
        .warnings
        .iter()
        .map(|w| (t.line_note)(w.line, &w.number, &(t.notice)(&w.notice)))
        .chain((receipt.more_warnings > 0).then(|| (t.and_more)(receipt.more_warnings)))
        .collect();
    let excluded: Vec<String> = receipt
        .excluded
        .iter()
        .map(|e| (t.line_note)(e.line, &e.number, &(t.notice)(&e.reason)))
        .collect();
    let duplicates: Vec<String> = receipt
        .duplicates
        .iter()
        .map(|d| (t.same_as_line)(d.line, &d.number, d.first_line))
        .collect();
    let rejected: Vec<String> = receipt
        .rejected
        .iter()
        .map(|r| format!("{}: {}", r.number, r.reason))
        .collect();
    let sms_needed = receipt
        .sms_needed
        .map_or_else(|| t.not_given.to_owned(), |n| n.to_string());
    view! {
        <section class="panel receipt" role="status" aria-labelledby="receipt-title">
            <h2 id="receipt-title">
                {if receipt.simulation { t.receipt_simulated } else { t.receipt_scheduled }}
            </h2>
            <dl>
                <dt>{t.provider}</dt>
                <dd>{receipt.provider.to_string()}</dd>
                <dt>{t.reference}</dt>
                <dd data-testid="reference">{references}</dd>
                <dt>{t.recipients}</dt>
                <dd data-testid="contacts">{receipt.contacts}</dd>
                <dt>{t.sms_needed}</dt>
                <dd>{sms_needed}</dd>
                <dt>{t.cost}</dt>
                <dd data-testid="cost">{cost}</dd>
                <dt>{t.send_time}</dt>
                <dd data-testid="send-time">{when}</dd>
                <dt>{t.moved_by_rules}</dt>
                <dd data-testid="deferred">{receipt.deferred}</dd>
            </dl>
            {receipt_list(t.not_handed_over, "error", "failed", failed)}
            {receipt_list(t.left_out_list, "excluded", "excluded", excluded)}
            {receipt_list(t.repeated_list, "duplicates", "duplicates", duplicates)}
            {receipt_list(t.refused_list, "error", "rejected", rejected)}
            {receipt_list(t.warnings_list, "warnings", "warnings", warnings)}
            <p>
                <A href=href(&format!("/campaigns/{}", receipt.campaign_id))>{t.follow_campaign}</A>
            </p>
        </section>
    }
}

/// A titled list, shown only when it has items.
fn receipt_list(
    title: &'static str,
    class: &'static str,
    testid: &'static str,
    items: Vec<String>,
) -> impl IntoView {
    (!items.is_empty()).then(|| {
        view! {
            <p class=class>{title}</p>
            <ul class=class data-testid=testid>
                {items.into_iter().map(|item| view! { <li>{item}</li> }).collect_view()}
            </ul>
        }
    })
}
