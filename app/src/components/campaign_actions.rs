use leptos::prelude::*;

use crate::api::campaigns::OperateCampaign;
use crate::i18n::{use_i18n, word, Texts};
use crate::models::{AppError, CampaignOperation, OperationAvailability, OperationKind};

/// The operations the campaign's provider really supports now, each with the reason when it is
/// not available, and what the last one did.
#[component]
pub fn CampaignActions(
    #[prop(into)] campaign_id: Signal<String>,
    #[prop(into)] operations: Signal<Vec<OperationAvailability>>,
    operate: ServerAction<OperateCampaign>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let confirming_cancel = RwSignal::new(false);
    let new_time = RwSignal::new(String::new());
    let run = move |operation: CampaignOperation| {
        confirming_cancel.set(false);
        operate.dispatch(OperateCampaign {
            id: campaign_id.get_untracked(),
            operation,
        });
    };
    // Why `kind` is unavailable now (`None`: available); a tracked read of `operations`.
    let refusal = move |kind: OperationKind| {
        operations.with(|ops| {
            let listed = ops.iter().find(|op| op.operation == kind);
            t().unavailable(listed.map(|op| &op.refused_because))
        })
    };
    let unavailable = move |kind: OperationKind| refusal(kind).is_some();
    // One reason for every operation (nothing waiting at the provider, a simulation…): said once
    // above them rather than the same sentence under each.
    let shared = Signal::derive(move || {
        let mut reasons = OperationKind::ALL.map(refusal).into_iter();
        let first = reasons.next().flatten()?;
        reasons
            .all(|reason| reason.as_ref() == Some(&first))
            .then_some(first)
    });
    let row_refusal = move |kind: OperationKind| {
        Signal::derive(move || {
            shared
                .with(Option::is_none)
                .then(|| refusal(kind))
                .flatten()
        })
    };
    let busy = operate.pending();
    let access = crate::access::Access::from_context();
    Effect::new(move |_| {
        operate
            .value()
            .with(|outcome| access.heed(outcome.as_ref().and_then(|o| o.as_ref().err())))
    });
    // An operation that needs nothing more than a click.
    let one_click = move |label: fn(&Texts) -> &'static str, operation: CampaignOperation| {
        let kind = operation.kind();
        view! {
            <OperationRow kind=kind refused=row_refusal(kind)>
                <button
                    class="secondary"
                    aria-describedby=format!("{}-refused actions-refused", kind.as_str())
                    disabled=move || busy.get() || unavailable(kind)
                    on:click=move |_| run(operation.clone())
                >
                    {word(label)}
                </button>
            </OperationRow>
        }
    };

    view! {
        <section class="panel" aria-labelledby="actions-title">
            <h2 id="actions-title">{word(|t| t.actions)}</h2>
            <p class="muted operation-refused" id="actions-refused" data-testid="actions-refused">{move || shared.get()}</p>
            <OperationRow kind=OperationKind::Cancel refused=row_refusal(OperationKind::Cancel)>
                <Show
                    when=move || confirming_cancel.get()
                    fallback=move || view! {
                        <button
                            class="secondary"
                            aria-describedby="cancel-refused actions-refused"
                            disabled=move || busy.get() || unavailable(OperationKind::Cancel)
                            on:click=move |_| confirming_cancel.set(true)
                        >
                            {word(|t| t.cancel_campaign)}
                        </button>
                    }
                >
                    <p role="alert">{word(|t| t.cancel_question)}</p>
                    <button class="danger" on:click=move |_| run(CampaignOperation::Cancel)>
                        {word(|t| t.yes_cancel)}
                    </button>
                    <button class="secondary" on:click=move |_| confirming_cancel.set(false)>
                        {word(|t| t.keep_it)}
                    </button>
                </Show>
            </OperationRow>
            <OperationRow kind=OperationKind::Reschedule refused=row_refusal(OperationKind::Reschedule)>
                <label for="new-send-time">{word(|t| t.new_time)}</label>
                <input
                    id="new-send-time"
                    type="datetime-local"
                    bind:value=new_time
                    disabled=move || unavailable(OperationKind::Reschedule)
                />
                <button
                    class="secondary"
                    aria-describedby="reschedule-refused actions-refused"
                    disabled=move || busy.get() || new_time.with(String::is_empty) || unavailable(OperationKind::Reschedule)
                    on:click=move |_| run(CampaignOperation::Reschedule { send_at: new_time.get_untracked() })
                >
                    {word(|t| t.reschedule)}
                </button>
            </OperationRow>
            {one_click(|t| t.pause, CampaignOperation::Pause)}
            {one_click(|t| t.resume, CampaignOperation::Resume)}
            <div aria-live="polite" data-testid="operation-outcome">
                {move || operate.value().get().map(|outcome| match outcome {
                    Ok(report) => view! { <p class="ok">{(t().operation_report)(&report)}</p> }.into_any(),
                    // A refused new time is said with its reasons (which recipients break which
                    // rule): this page has no form field to put them next to.
                    Err(AppError::Invalid(errors)) => view! {
                        <ul class="error" role="alert" data-testid="operation-problems">
                            {errors.iter().map(|e| view! { <li>{(t().problem)(&e.problem)}</li> }).collect_view()}
                        </ul>
                    }
                        .into_any(),
                    Err(error) => view! { <p class="error" role="alert">{t().error(&error)}</p> }.into_any(),
                })}
            </div>
        </section>
    }
}

/// One operation's controls and, when it is unavailable, why.
#[component]
fn OperationRow(
    kind: OperationKind,
    #[prop(into)] refused: Signal<Option<String>>,
    children: Children,
) -> impl IntoView {
    let name = kind.as_str();
    view! {
        <div class="operation" data-operation=name>
            <div class="operation-controls">{children()}</div>
            <p class="muted operation-refused" id=format!("{name}-refused")>
                {move || refused.get()}
            </p>
        </div>
    }
}
