use leptos::prelude::*;
use leptos_router::components::A;

use crate::client::href;
use crate::models::{ScheduleReceipt, SubmissionOutcome};

/// What the provider accepted, restated for the user, with everyone left out and why.
#[component]
pub fn ReceiptPanel(receipt: ScheduleReceipt) -> impl IntoView {
    let when = receipt.send_at.clone().unwrap_or_else(|| "now".to_owned());
    let cost = receipt
        .total_cost
        .map(|cost| format!("{cost:.2} €"))
        .unwrap_or_else(|| "not given".to_owned());
    let references = receipt.references().join(", ");
    let references = if references.is_empty() {
        "not known yet: the provider took the campaign; its reference comes with the delivery reports"
            .to_owned()
    } else {
        references
    };
    let failed: Vec<String> = receipt
        .submissions
        .iter()
        .filter_map(|s| match &s.outcome {
            SubmissionOutcome::Accepted => None,
            SubmissionOutcome::Refused(why) => {
                Some(format!("{} recipients refused: {why}", s.contacts))
            }
            SubmissionOutcome::Unknown(why) => Some(format!(
                "{} recipients: no answer from the provider ({why}); checked again automatically",
                s.contacts
            )),
        })
        .collect();
    let warnings: Vec<String> = receipt
        .warnings
        .iter()
        .map(|w| format!("Line {} ({}): {}", w.line, w.number, w.message))
        .chain((receipt.more_warnings > 0).then(|| format!("…and {} more", receipt.more_warnings)))
        .collect();
    let excluded: Vec<String> = receipt
        .excluded
        .iter()
        .map(|e| format!("Line {} ({}): {}", e.line, e.number, e.reason))
        .collect();
    let duplicates: Vec<String> = receipt
        .duplicates
        .iter()
        .map(|d| {
            format!(
                "Line {}: {} (same as line {})",
                d.line, d.number, d.first_line
            )
        })
        .collect();
    let rejected: Vec<String> = receipt
        .rejected
        .iter()
        .map(|r| format!("{}: {}", r.number, r.reason))
        .collect();
    view! {
        <section class="panel receipt" role="status" aria-labelledby="receipt-title">
            <h2 id="receipt-title">
                {if receipt.simulation { "Simulated: nothing was sent" } else { "Scheduled" }}
            </h2>
            <dl>
                <dt>"Provider"</dt>
                <dd>{receipt.provider.to_string()}</dd>
                <dt>"Reference"</dt>
                <dd data-testid="reference">{references}</dd>
                <dt>"Recipients"</dt>
                <dd data-testid="contacts">{receipt.contacts}</dd>
                <dt>"SMS needed"</dt>
                <dd>{receipt.sms_needed.map(|n| n.to_string()).unwrap_or_else(|| "not given".into())}</dd>
                <dt>"Cost"</dt>
                <dd data-testid="cost">{cost}</dd>
                <dt>"Send time"</dt>
                <dd data-testid="send-time">{when}</dd>
                <dt>"Moved by the sending rules"</dt>
                <dd data-testid="deferred">{receipt.deferred}</dd>
            </dl>
            <ReceiptList title="Not handed over:" class="error" testid="failed" items=failed/>
            <ReceiptList title="Left out:" class="excluded" testid="excluded" items=excluded/>
            <ReceiptList title="Left out because they repeat an earlier line:" class="duplicates" testid="duplicates" items=duplicates/>
            <ReceiptList title="Refused by the provider:" class="error" testid="rejected" items=rejected/>
            <ReceiptList title="Warnings:" class="warnings" testid="warnings" items=warnings/>
            <p>
                <A href=href(&format!("/campaigns/{}", receipt.campaign_id))>"Follow this campaign"</A>
            </p>
        </section>
    }
}

/// A titled list, shown only when it has items.
#[component]
fn ReceiptList(
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
