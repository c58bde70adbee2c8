use leptos::prelude::*;

use crate::models::ScheduleReceipt;

/// What the provider accepted, restated for the user.
#[component]
pub fn ReceiptPanel(receipt: ScheduleReceipt) -> impl IntoView {
    let when = receipt.send_at.clone().unwrap_or_else(|| "now".to_owned());
    let cost = receipt
        .total_cost
        .map(|cost| format!("{cost:.2} €"))
        .unwrap_or_else(|| "not given".to_owned());
    let duplicates = receipt.duplicates.clone();
    let rejected = receipt.rejected.clone();
    view! {
        <section class="panel receipt" role="status" aria-labelledby="receipt-title">
            <h2 id="receipt-title">
                {if receipt.simulation { "Simulated: nothing was sent" } else { "Scheduled" }}
            </h2>
            <dl>
                <dt>"Provider"</dt>
                <dd>{receipt.provider.to_string()}</dd>
                <dt>"Reference"</dt>
                <dd data-testid="reference">
                    {receipt
                        .reference
                        .clone()
                        .unwrap_or_else(|| {
                            "not known yet: the provider took the campaign; its reference comes with the delivery reports"
                                .to_owned()
                        })}
                </dd>
                <dt>"Recipients"</dt>
                <dd data-testid="contacts">{receipt.contacts}</dd>
                <dt>"SMS needed"</dt>
                <dd>{receipt.sms_needed.map(|n| n.to_string()).unwrap_or_else(|| "not given".into())}</dd>
                <dt>"Cost"</dt>
                <dd data-testid="cost">{cost}</dd>
                <dt>"Send time"</dt>
                <dd data-testid="send-time">{when}</dd>
            </dl>
            {(!duplicates.is_empty())
                .then(|| {
                    view! {
                        <p>"Left out because they repeat an earlier line:"</p>
                        <ul class="duplicates">
                            {duplicates
                                .into_iter()
                                .map(|d| {
                                    view! {
                                        <li>{format!("Line {}: {} (same as line {})", d.line, d.number, d.first_line)}</li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                })}
            {(!rejected.is_empty())
                .then(|| {
                    view! {
                        <p class="error">"Refused by the provider:"</p>
                        <ul class="rejected" data-testid="rejected">
                            {rejected
                                .into_iter()
                                .map(|r| view! { <li>{format!("{}: {}", r.number, r.reason)}</li> })
                                .collect_view()}
                        </ul>
                    }
                })}
        </section>
    }
}
