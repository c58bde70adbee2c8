use leptos::prelude::*;

use crate::api::approvals::DecideApproval;
use crate::i18n::{use_i18n, word};
use crate::models::{
    Approval, ApprovalDecision, ApprovalReason, DecisionAvailability, DecisionKind,
    MAX_REJECTION_REASON,
};

/// Where a campaign the approval rules held stands, why it was held, and the decisions the person
/// viewing it may take (each with the reason when they may not). Nothing for other campaigns.
#[component]
pub fn ApprovalPanel(
    #[prop(into)] campaign_id: Signal<String>,
    #[prop(into)] approval: Signal<Approval>,
    #[prop(into)] reasons: Signal<Vec<ApprovalReason>>,
    #[prop(into)] decisions: Signal<Vec<DecisionAvailability>>,
    decide: ServerAction<DecideApproval>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let reason = RwSignal::new(String::new());
    let busy = decide.pending();
    let access = crate::access::Access::from_context();
    Effect::new(move |_| {
        decide
            .value()
            .with(|outcome| access.heed(outcome.as_ref().and_then(|o| o.as_ref().err())))
    });
    let run = move |decision: ApprovalDecision| {
        decide.dispatch(DecideApproval {
            id: campaign_id.get_untracked(),
            decision,
        });
    };
    // Why `kind` is unavailable now (`None`: available); a tracked read of `decisions`.
    let refusal = move |kind: DecisionKind| {
        decisions.with(|all| {
            let listed = all.iter().find(|d| d.decision == kind);
            t().unavailable(listed.map(|d| &d.refused_because))
        })
    };
    let unavailable = move |kind: DecisionKind| busy.get() || refusal(kind).is_some();
    let row = move |kind: DecisionKind, controls: AnyView| {
        let name = kind.as_str();
        view! {
            <div class="operation" data-decision=name>
                <div class="operation-controls">{controls}</div>
                <p class="muted operation-refused" id=format!("{name}-refused")>
                    {move || refusal(kind)}
                </p>
            </div>
        }
    };
    let button = move |kind: DecisionKind, class: &'static str, decision: ApprovalDecision| {
        view! {
            <button
                class=class
                aria-describedby=format!("{}-refused", kind.as_str())
                disabled=move || unavailable(kind)
                on:click=move |_| run(decision.clone())
            >
                {move || (t().decision_name)(kind)}
            </button>
        }
        .into_any()
    };
    let reject = move || {
        view! {
            <label for="rejection-reason">{word(|t| t.rejection_reason)}</label>
            <textarea
                id="rejection-reason"
                rows="2"
                maxlength=MAX_REJECTION_REASON.to_string()
                bind:value=reason
                disabled=move || unavailable(DecisionKind::Reject)
            ></textarea>
            <button
                class="danger"
                aria-describedby="reject-refused"
                disabled=move || unavailable(DecisionKind::Reject) || reason.with(|r| r.trim().is_empty())
                on:click=move |_| run(ApprovalDecision::Reject { reason: reason.get_untracked() })
            >
                {move || (t().decision_name)(DecisionKind::Reject)}
            </button>
        }
        .into_any()
    };

    view! {
        <Show when=move || approval.get() != Approval::NotNeeded>
            <section class="panel" aria-labelledby="approval-title" data-testid="approval">
                <h2 id="approval-title">{word(|t| t.approval_title)}</h2>
                <p data-testid="approval-state">
                    <strong>{move || (t().approval_name)(approval.get())}</strong>
                </p>
                <p data-testid="approval-reasons">
                    {word(|t| t.held_because)} " "
                    {move || {
                        let t = t();
                        reasons.with(|all| all.iter().map(|r| (t.approval_reason)(r)).collect::<Vec<_>>().join("; "))
                    }}
                </p>
                <Show when=move || decisions.with(|d| !d.is_empty())>
                    {row(DecisionKind::Approve, button(DecisionKind::Approve, "primary", ApprovalDecision::Approve))}
                    {row(DecisionKind::Reject, reject())}
                    {row(DecisionKind::Withdraw, button(DecisionKind::Withdraw, "secondary", ApprovalDecision::Withdraw))}
                </Show>
                <div aria-live="polite" data-testid="decision-outcome">
                    {move || decide.value().get().and_then(|outcome| outcome.err()).map(|error| {
                        view! { <p class="error" role="alert">{t().error(&error)}</p> }
                    })}
                </div>
            </section>
        </Show>
    }
}
