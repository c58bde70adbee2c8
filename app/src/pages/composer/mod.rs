use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use std::time::Duration;

mod calls;
mod fields;
mod flow;
mod form;

pub use calls::preload as preload_composer_calls;

use calls::DraftOf;
use fields::{MessageField, RecipientsField};
use flow::{shortfall_of, ScheduleFlow};
use form::ComposerForm;

use crate::access::Access;
use crate::api::providers::{check_balance, list_providers, list_time_zones};
use crate::client::focus_first_invalid;
use crate::components::{
    confirm_panel_view, handover_progress_view, preview_panel_view, receipt_panel_view,
    BalancePanel, CampaignKindFields, FormSummary, OutsideWindowChoice, PageTitle,
    PreviewPlaceholder, ProviderField, ProviderOptionsFields, ScheduleButtons, SendTimeFields,
    TextField, TimeZoneField,
};
use crate::debounce::debounced;
use crate::domain::CAMPAIGN_NAME_MAX;
use crate::fetched::Fetched;
use crate::i18n::{use_i18n, word};
use crate::models::{Field, Right, ScheduleRequest};

/// The preview follows the form this long after the user stops typing.
const PREVIEW_DELAY: Duration = Duration::from_millis(400);

/// The one screen: fill in, schedule, see what the provider answered.
#[component]
pub fn ComposerPage() -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let access = Access::from_context();
    let providers = Fetched::new(list_providers);
    let zones = Fetched::new(list_time_zones);

    let form = ComposerForm::new();
    let ComposerForm {
        name,
        provider,
        text,
        recipients,
        recipients_file,
        resets,
        campaign_type,
        purpose,
        sender,
        send_at,
        send_now,
        send_at_incomplete,
        send_at_incomplete_said,
        time_zone,
        outside_choice,
        override_reason,
        local_time,
        simulation,
        with_replies,
        remove_blacklisted,
        flash,
        validity,
    } = form;
    let editor = NodeRef::<leptos::html::Textarea>::new();
    let request = move || form.request();

    // The live preview, once the user pauses, when there is something to preview.
    let settled = debounced(PREVIEW_DELAY, request);
    let preview = Fetched::new(move || {
        let settled = settled.get();
        async move {
            match settled {
                Some(request) if worth_previewing(&request) => {
                    Some(calls::fetch_preview(request).await)
                }
                _ => None,
            }
        }
    });
    // A placeholder of the preview panel stands in until there is something to preview, so the
    // first screen waits neither for the panel's chunk nor redraws when it comes. Once wanted it
    // stays; set by an effect rather than a `Memo`, one type of memo less on the first screen.
    let preview_wanted = RwSignal::new(false);
    Effect::new(move |_| {
        if !preview_wanted.get_untracked() && worth_previewing(&request()) {
            preview_wanted.set(true);
        }
    });
    let previewed = Signal::derive(move || preview.get().flatten());
    let balance = Fetched::new(move || check_balance(provider.get()));
    // The estimate against the balance: more than it, the provider would send part of the
    // campaign and refuse the rest, so scheduling is blocked until it fits.
    let shortfall = move || shortfall_of(&settled.get()?, &previewed.get()?.ok()?, balance.get());
    let previewing =
        Signal::derive(move || preview.get().is_none() || settled.with(|s| s != Some(&request())));

    let flow = ScheduleFlow::new(request);
    let ScheduleFlow {
        checking,
        confirming,
        pending,
        scheduling,
        receipt,
        just_scheduled,
        error,
        again,
        ..
    } = flow;
    // "Schedule again" (`?copy=<campaign>`) and "schedule the refused recipients again"
    // (`?again=<campaign>`): the form comes filled with the campaign's settings and its list, or
    // its refused recipients, to be checked and confirmed like any other.
    let query = use_query_map();
    Effect::new(move |_| {
        let asked = query.with(|q| {
            q.get("copy")
                .map(|id| (id, DraftOf::Campaign))
                .or_else(|| q.get("again").map(|id| (id, DraftOf::RefusedRecipients)))
        });
        if let Some((id, of)) = asked {
            flow.load_again(id, of, form);
        }
    });
    let errors_for = move |field: Field| flow.errors_for(field);

    // Scheduling starts with a fresh check; the user then confirms what it says.
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if just_scheduled.get_untracked() {
            return;
        }
        // A half-typed time is said next to its field (the field's value is empty); nothing is checked
        // or scheduled until it is whole.
        if !send_now.get_untracked() && send_at_incomplete.get_untracked() {
            send_at_incomplete_said.set(true);
            // Once the page has drawn the field as invalid.
            focus_first_invalid("#send-time", "send-at");
            return;
        }
        flow.check(untrack(request), balance);
    };

    // A new campaign: the name, the message, the recipients and the time are cleared; the
    // choices stay.
    let new_campaign = move || {
        form.clear_for_new();
        flow.start_new();
        if let Some(editor) = editor.get_untracked() {
            let _ = editor.focus();
        }
    };

    view! {
        <PageTitle name=|t| t.composer_title/>
        <div class="composer-layout">
            <form class="panel composer" on:submit=on_submit novalidate=true aria-labelledby="composer-title">
                <h2 id="composer-title">{word(|t| t.composer_title)}</h2>
                <FormSummary error/>
                {move || again.get().map(|(count, provider, of)| {
                    let loaded = match of {
                        DraftOf::Campaign => t().campaign_again_loaded,
                        DraftOf::RefusedRecipients => t().refused_again_loaded,
                    };
                    view! {
                        <p class="refused-again" role="status" data-testid="refused-again">
                            {loaded(count, &provider.to_string())}
                        </p>
                    }
                })}
                <TextField
                    field=Field::Name
                    label=|t| t.campaign_name_label
                    value=name
                    maxlength=CAMPAIGN_NAME_MAX
                    errors=errors_for(Field::Name)
                />

                <ProviderField
                    provider
                    providers
                    errors=errors_for(Field::Provider)
                />

                <MessageField
                    text
                    editor
                    provider=provider.read_only()
                    purpose=purpose.read_only()
                    providers
                    errors=errors_for(Field::Text)
                />
                <RecipientsField
                    recipients
                    file=recipients_file
                    resets=resets.read_only()
                    errors=errors_for(Field::Recipients)
                />

                <CampaignKindFields provider=provider.read_only() campaign_type purpose/>

                <ProviderOptionsFields
                    provider=provider.read_only()
                    simulation
                    with_replies
                    remove_blacklisted
                    flash
                    validity
                    errors=errors_for(Field::ProviderOptions)
                />

                <TextField
                    field=Field::Sender
                    label=|t| t.sender_label
                    value=sender
                    maxlength=20
                    errors=errors_for(Field::Sender)
                />

                <div class="field-row">
                    <SendTimeFields
                        send_now
                        send_at
                        incomplete=send_at_incomplete
                        said=send_at_incomplete_said
                        errors=errors_for(Field::SendAt)
                    />
                    <TimeZoneField
                        time_zone
                        zones
                        countries=Signal::derive(move || {
                            previewed.get().and_then(Result::ok).map(|p| p.countries).unwrap_or_default()
                        })
                        errors=errors_for(Field::TimeZone)
                    />
                </div>
                <div class="field checkboxes">
                    <label>
                        <input id="local-time" type="checkbox" bind:checked=local_time/>
                        {word(|t| t.local_time_choice)}
                    </label>
                </div>

                <OutsideWindowChoice
                    choice=outside_choice
                    reason=override_reason
                    errors=errors_for(Field::OutsideWindow)
                />

                {move || match confirming.get() {
                    // The parts that appear later come from chunks of their own (their `_view`).
                    Some((request, preview)) => {
                        let on_confirm = Callback::new(move |()| flow.confirm(balance));
                        let on_back = Callback::new(move |()| confirming.set(None));
                        let cancel_limits = providers.get_untracked().and_then(|list| {
                            list.ok()?.into_iter().find(|p| p.id == request.provider)?.capabilities.cancel_limits
                        });
                        Suspend::new(confirm_panel_view(request, preview, cancel_limits, on_confirm, on_back)).into_any()
                    }
                    None => match access.refusal(Right::Send) {
                        // The server would refuse: say so where the button would be.
                        Some(why) => view! {
                            <p class="no-right" role="note" data-testid="no-right">{(t().refusal)(&why)}</p>
                        }
                            .into_any(),
                        None => view! {
                            <ScheduleButtons
                                pending
                                checking
                                just_scheduled
                                on_new_campaign=Callback::new(move |()| new_campaign())
                            />
                        }
                            .into_any(),
                    },
                }}
                {move || {
                    pending
                        .get()
                        .then(|| scheduling.get())
                        .flatten()
                        .map(|(id, provider)| Suspend::new(handover_progress_view(id, provider)))
                }}
                // Right below the button that scheduled it: where the user is looking.
                {move || receipt.get().map(|receipt| Suspend::new(receipt_panel_view(receipt)))}
            </form>

            <aside class="side">
                {move || if preview_wanted.get() {
                    let from_file = Signal::derive(move || recipients_file.is_some());
                    Suspend::new(preview_panel_view(previewed, previewing, from_file)).into_any()
                } else {
                    view! { <PreviewPlaceholder/> }.into_any()
                }}
                {move || shortfall().map(|problem| view! {
                    <p class="panel over-balance" role="alert" data-testid="over-balance">
                        {(t().problem)(&problem)}
                    </p>
                })}
                <BalancePanel balance/>
            </aside>
        </div>
    }
}

/// A preview needs a message and someone to send it to.
fn worth_previewing(request: &ScheduleRequest) -> bool {
    !request.text.trim().is_empty()
        && (!request.recipients.trim().is_empty() || request.recipients_file.is_some())
}
