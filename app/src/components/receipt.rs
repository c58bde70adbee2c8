use leptos::html::Div;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::client::href;
use crate::components::ZonedTime;
use crate::i18n::{preview_words, use_i18n, Locale, Texts};
use crate::models::{ScheduleReceipt, SubmissionOutcome};

/// What the provider accepted, restated for the user, with everyone left out and why. It takes
/// the focus when it appears, so that it is where the user is looking, on a phone too.
#[component]
pub fn ReceiptPanel(receipt: ScheduleReceipt) -> impl IntoView {
    let i18n = use_i18n();
    let frame = NodeRef::<Div>::new();
    Effect::new(move |_| {
        if let Some(frame) = frame.get() {
            let _ = frame.focus();
        }
    });
    // Nothing here can be edited: a switch of language draws it again.
    view! {
        <div class="receipt-frame" tabindex="-1" node_ref=frame data-testid="receipt">
            {move || receipt_view(i18n.t(), i18n.locale(), &receipt)}
        </div>
    }
}

/// How much of the campaign the provider took, for the receipt's heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Handed {
    /// Held by the approval rules: nothing handed over until another person approves it.
    Held,
    Simulated,
    All,
    /// Some recipients were not handed over (refused, or no answer yet): `handed` of `total`.
    Part {
        handed: u32,
        total: u32,
    },
    Nothing,
    /// Every recipient was left out (opted out, the frequency cap…): no request was made.
    NoneToSend,
}

fn handed(receipt: &ScheduleReceipt) -> Handed {
    let not_handed: u32 = receipt
        .submissions
        .iter()
        .filter(|s| s.outcome != SubmissionOutcome::Accepted)
        .map(|s| s.contacts)
        .sum::<u32>()
        + u32::try_from(receipt.rejected.len()).unwrap_or(u32::MAX);
    if !receipt.held_for_approval.is_empty() {
        Handed::Held
    } else if receipt.submissions.is_empty() {
        Handed::NoneToSend
    } else if receipt.simulation {
        Handed::Simulated
    } else if not_handed == 0 {
        Handed::All
    } else if receipt.contacts == 0 {
        Handed::Nothing
    } else {
        Handed::Part {
            handed: receipt.contacts,
            total: receipt.contacts.saturating_add(not_handed),
        }
    }
}

/// The receipt as the composer shows it, in a chunk of its own (`cargo leptos build --split`) that
/// the app fetches once its first page is drawn.
#[leptos::lazy]
pub fn receipt_panel_view(receipt: ScheduleReceipt) -> AnyView {
    view! { <ReceiptPanel receipt=receipt/> }.into_any()
}

fn receipt_view(t: &'static Texts, locale: Locale, receipt: &ScheduleReceipt) -> impl IntoView {
    let cost = match (receipt.total_cost, &receipt.estimated_cost) {
        (Some(cost), _) => t.money(cost, receipt.currency.as_deref()),
        (None, Some((estimate, currency))) => (t.estimated)(&t.money(*estimate, Some(currency))),
        (None, None) => t.not_given.to_owned(),
    };
    let handed = handed(receipt);
    // "None" only when the provider refused every request: one without an answer may be held
    // there, and one accepted with every number refused has a reference.
    let all_refused = receipt
        .submissions
        .iter()
        .all(|s| matches!(s.outcome, SubmissionOutcome::Refused(_)));
    let references = match handed {
        Handed::Held => t.reference_none_held.into_any(),
        Handed::Nothing if all_refused => t.reference_none.into_any(),
        Handed::NoneToSend => t.reference_none.into_any(),
        Handed::Nothing | Handed::Simulated | Handed::All | Handed::Part { .. } => {
            references_view(t, receipt.references())
        }
    };
    // Held, nothing went yet: what goes once approved, not the zero handed over.
    let (contacts, sms_needed) = match handed {
        Handed::Held => (
            (t.once_approved)(receipt.to_send),
            (t.once_approved)(receipt.planned_parts),
        ),
        Handed::Simulated
        | Handed::All
        | Handed::Part { .. }
        | Handed::Nothing
        | Handed::NoneToSend => (
            receipt.contacts.to_string(),
            receipt
                .sms_needed
                .map_or_else(|| t.not_given.to_owned(), |n| n.to_string()),
        ),
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
    // Said once each with its count, as the preview says them: a rule that moved every recipient
    // is one line, not one per recipient (the campaign's page has each recipient's).
    let warnings: Vec<String> = receipt
        .warning_counts
        .iter()
        .map(|(warning, n)| (t.counted)(*n, &(t.notice)(warning)))
        .chain(
            (receipt.over_cap > 0 && !receipt.simulation)
                .then(|| (t.counted)(receipt.over_cap, t.over_cap)),
        )
        .collect();
    let excluded: Vec<String> = receipt
        .excluded
        .iter()
        .map(|e| (t.line_note)(e.line, &e.number, &(t.notice)(&e.reason)))
        .chain(
            (receipt.more_excluded > 0)
                .then(|| (t.and_more)(u32::try_from(receipt.more_excluded).unwrap_or(u32::MAX))),
        )
        .collect();
    let duplicates: Vec<String> = receipt
        .duplicates
        .iter()
        .map(|repeat| preview_words::repeated_line(locale, repeat))
        .chain(
            (receipt.more_duplicates > 0)
                .then(|| (t.and_more)(u32::try_from(receipt.more_duplicates).unwrap_or(u32::MAX))),
        )
        .collect();
    let rejected: Vec<String> = receipt
        .rejected
        .iter()
        .map(|r| format!("{}: {}", r.number, r.reason))
        .collect();
    // Once the cause is fixed, the refused recipients can go again, as a new campaign.
    let refused: u32 = receipt
        .submissions
        .iter()
        .filter(|s| matches!(s.outcome, SubmissionOutcome::Refused(_)))
        .map(|s| s.contacts)
        .sum();
    let (class, heading) = match handed {
        Handed::Held => ("panel receipt held", t.held_receipt.to_owned()),
        Handed::Simulated => ("panel receipt", t.receipt_simulated.to_owned()),
        Handed::All => ("panel receipt", t.receipt_scheduled.to_owned()),
        Handed::Part { handed, total } => {
            ("panel receipt partial", (t.receipt_partial)(handed, total))
        }
        Handed::Nothing => ("panel receipt failed", t.receipt_nothing.to_owned()),
        Handed::NoneToSend => ("panel receipt failed", t.receipt_none_to_send.to_owned()),
    };
    view! {
        <section class=class role="status" aria-labelledby="receipt-title">
            <h2 id="receipt-title">{heading}</h2>
            {(!receipt.held_for_approval.is_empty()).then(|| {
                let reasons: Vec<String> = receipt.held_for_approval.iter().map(|r| (t.approval_reason)(r)).collect();
                view! { <p data-testid="held-reasons">{t.held_because} " " {reasons.join("; ")}</p> }
            })}
            <dl>
                <dt>{t.provider}</dt>
                <dd>{receipt.provider.to_string()}</dd>
                <dt>{t.reference}</dt>
                <dd data-testid="reference">{references}</dd>
                <dt>{t.recipients}</dt>
                <dd data-testid="contacts">{contacts}</dd>
                <dt>{t.sms_needed}</dt>
                <dd>{sms_needed}</dd>
                <dt>{t.cost}</dt>
                <dd data-testid="cost">{cost}</dd>
                <dt>{t.send_time}</dt>
                <dd data-testid="send-time">{send_times(t, receipt)}</dd>
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
            {(refused > 0).then(|| view! {
                <p>
                    <A href=href(&format!("/?again={}", receipt.campaign_id)) attr:data-testid="refused-again-link">
                        {(t.refused_again_link)(refused.into())}
                    </A>
                </p>
            })}
        </section>
    }
}

/// References shown before the rest fold away: a campaign of 60,000 recipients has 120.
const REFERENCES_SHOWN: usize = 2;

/// The provider's references, the first few in line and any others behind "…and N more".
fn references_view(t: &'static Texts, all: Vec<&str>) -> AnyView {
    if all.is_empty() {
        return t.reference_unknown.into_any();
    }
    if all.len() <= REFERENCES_SHOWN {
        return all.join(", ").into_any();
    }
    let (shown, folded) = all.split_at(REFERENCES_SHOWN);
    let more = (t.and_more)(u32::try_from(folded.len()).unwrap_or(u32::MAX));
    view! {
        {shown.join(", ")}
        <details class="more-references">
            <summary>{more}</summary>
            <p>{folded.join(", ")}</p>
        </details>
    }
    .into_any()
}

/// When the messages go, on the campaign's clock: each distinct time the provider holds them
/// for (the sending rules may have moved some), or now.
fn send_times(t: &'static Texts, receipt: &ScheduleReceipt) -> AnyView {
    let mut times: Vec<String> = receipt
        .submissions
        .iter()
        .filter_map(|s| s.send_at.clone())
        .collect();
    times.sort();
    times.dedup();
    if times.is_empty() {
        let requested = receipt.send_at.clone();
        return match requested {
            Some(at) => view! { <ZonedTime at zone=receipt.time_zone.clone()/> }.into_any(),
            None => t.now.into_any(),
        };
    }
    let zone = receipt.time_zone.clone();
    times
        .into_iter()
        .enumerate()
        .map(|(index, at)| {
            let zone = zone.clone();
            view! { {(index > 0).then_some(", ")}<ZonedTime at zone/> }
        })
        .collect_view()
        .into_any()
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::{ProviderId, RejectedRecipient, SubmissionReceipt};

    fn submission(contacts: u32, outcome: SubmissionOutcome) -> SubmissionReceipt {
        SubmissionReceipt {
            submission_id: "s".into(),
            reference: None,
            contacts,
            send_at: None,
            outcome,
        }
    }

    fn receipt(submissions: Vec<SubmissionReceipt>, contacts: u32) -> ScheduleReceipt {
        ScheduleReceipt {
            campaign_id: "c".into(),
            provider: ProviderId::Octopush,
            submissions,
            contacts,
            sms_needed: None,
            total_cost: None,
            currency: None,
            residual_credit: None,
            send_at: None,
            time_zone: "Europe/Paris".into(),
            estimated_cost: None,
            simulation: false,
            duplicates: Vec::new(),
            more_duplicates: 0,
            rejected: Vec::new(),
            excluded: Vec::new(),
            deferred: 0,
            warnings: Vec::new(),
            more_warnings: 0,
            warning_counts: Vec::new(),
            over_cap: 0,
            more_excluded: 0,
            held_for_approval: vec![],
            to_send: 0,
            planned_parts: 0,
        }
    }

    #[test]
    fn a_partial_hand_over_is_never_said_as_scheduled() {
        let accepted = || submission(1500, SubmissionOutcome::Accepted);
        let refused = || submission(500, SubmissionOutcome::Refused("no credit".into()));
        assert_eq!(handed(&receipt(vec![accepted()], 1500)), Handed::All);
        assert_eq!(
            handed(&receipt(vec![accepted(), refused()], 1500)),
            Handed::Part {
                handed: 1500,
                total: 2000
            }
        );
        assert_eq!(handed(&receipt(vec![refused()], 0)), Handed::Nothing);
        // Numbers the provider refused inside an accepted request count too.
        let mut some_rejected = receipt(vec![submission(9, SubmissionOutcome::Accepted)], 9);
        some_rejected.rejected = vec![RejectedRecipient {
            number: "+33600000000".into(),
            reason: "invalid".into(),
        }];
        assert_eq!(
            handed(&some_rejected),
            Handed::Part {
                handed: 9,
                total: 10
            }
        );
        let mut simulated = receipt(vec![accepted()], 1500);
        simulated.simulation = true;
        assert_eq!(handed(&simulated), Handed::Simulated);
    }

    #[test]
    fn a_held_campaign_is_never_said_as_scheduled() {
        let mut held = receipt(vec![], 0);
        held.held_for_approval = vec![crate::models::ApprovalReason::CostUnknown { limit: 5.0 }];
        assert_eq!(handed(&held), Handed::Held);
    }
}
