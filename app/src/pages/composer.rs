use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;

use crate::api::campaigns::preview_campaign;
use crate::api::providers::{list_providers, list_time_zones};
use crate::api::sms::schedule_sms;
use crate::client::{browser_time_zone, new_campaign_id};
use crate::components::{
    confirm_panel_view, handover_progress_view, preview_panel_view, receipt_panel_view,
    BalancePanel, FieldErrors, MessageCounter, OutsideWindowChoice, PlaceholderButtons,
    PreviewPlaceholder, ProviderOptionsFields, RecipientsFile,
};
use crate::debounce::debounced;
use crate::domain::{CampaignType, OutsideWindow, Purpose};
use crate::fetched::Fetched;
use crate::i18n::{use_i18n, word};
use crate::models::{
    AppError, CampaignPreview, Field, ProviderId, ProviderInfo, ProviderOptions, ScheduleReceipt,
    ScheduleRequest,
};

/// The preview follows the form this long after the user stops typing.
const PREVIEW_DELAY: Duration = Duration::from_millis(400);

/// The one screen: fill in, schedule, see what the provider answered.
#[component]
pub fn ComposerPage() -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let providers = Fetched::new(list_providers);
    let zones = Fetched::new(list_time_zones);

    let provider = RwSignal::new(ProviderId::Octopush);
    let text = RwSignal::new(String::new());
    let editor = NodeRef::<leptos::html::Textarea>::new();
    let recipients = RwSignal::new(String::new());
    let campaign_type = RwSignal::new(CampaignType::Premium);
    let sender = RwSignal::new(String::new());
    let send_at = RwSignal::new(String::new());
    let time_zone = RwSignal::new(browser_time_zone().unwrap_or_else(|| "UTC".to_owned()));
    let purpose = RwSignal::new(Purpose::Alert);
    let with_replies = RwSignal::new(false);
    let simulation = RwSignal::new(false);
    let outside_choice = RwSignal::new("defer");
    let override_reason = RwSignal::new(String::new());
    let local_time = RwSignal::new(false);
    let remove_blacklisted = RwSignal::new(false);
    let flash = RwSignal::new(false);
    let validity = RwSignal::new(String::new());

    let request = move || ScheduleRequest {
        provider: provider.get(),
        text: text.get(),
        recipients: recipients.get(),
        campaign_type: campaign_type.get(),
        sender: sender.get(),
        send_at: send_at.get(),
        time_zone: time_zone.get(),
        purpose: purpose.get(),
        with_replies: with_replies.get(),
        simulation: simulation.get(),
        outside_window: match outside_choice.get() {
            "skip" => OutsideWindow::Skip,
            "override" => OutsideWindow::Override {
                reason: override_reason.get(),
            },
            _ => OutsideWindow::Defer,
        },
        local_time: local_time.get(),
        options: ProviderOptions {
            remove_blacklisted: remove_blacklisted.get(),
            flash: flash.get(),
            validity_minutes: validity.get(),
        }
        .for_provider(provider.get()),
    };

    // The live preview, once the user pauses, when there is something to preview.
    let settled = debounced(PREVIEW_DELAY, request);
    let preview = Fetched::new(move || {
        let settled = settled.get();
        async move {
            match settled {
                Some(request) if worth_previewing(&request) => {
                    Some(preview_campaign(request, 0).await)
                }
                _ => None,
            }
        }
    });
    // A placeholder of the preview panel stands in until there is something to preview, so the
    // first screen waits neither for the panel's chunk nor redraws when it comes.
    let preview_wanted = Memo::new(move |was: Option<&bool>| {
        was.copied().unwrap_or(false) || worth_previewing(&request())
    });
    let previewed = Signal::derive(move || preview.get().flatten());
    let previewing = Signal::derive(move || {
        preview.get().is_none() || settled.with(|s| s.as_ref() != Some(&request()))
    });

    // Scheduling, with signals of its own rather than a `ServerAction` (kilobytes of wasm): whether
    // a campaign is being handed over, and the receipt of the last one scheduled.
    let pending = RwSignal::new(false);
    let receipt = RwSignal::new(None::<ScheduleReceipt>);
    // The campaign being scheduled (its id, chosen here so its hand-over can be followed).
    let scheduling = RwSignal::new(None::<(String, ProviderId)>);
    // The form's errors: from the check before the confirm step, or from scheduling itself.
    let error = RwSignal::new(None::<AppError>);
    // The request awaiting confirmation, with what it would do.
    let confirming = RwSignal::new(None::<(ScheduleRequest, CampaignPreview)>);
    let checking = RwSignal::new(false);
    // A change to the form makes the confirmation stale.
    Effect::new(move |_| {
        let current = request();
        if confirming.with_untracked(|c| c.as_ref().is_some_and(|(r, _)| *r != current)) {
            confirming.set(None);
        }
    });
    let errors_for = move |field: Field| {
        Signal::derive(move || {
            error
                .get()
                .map(|e| t().field_errors(&e, field))
                .unwrap_or_default()
        })
    };
    let invalid =
        move |field: Field| move || (!errors_for(field).get().is_empty()).then_some("true");

    // Scheduling starts with a fresh check; the user then confirms what it says.
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let request = untrack(request);
        checking.set(true);
        spawn_local(async move {
            let checked = preview_campaign(request.clone(), 0).await;
            checking.set(false);
            match checked {
                Ok(preview) => {
                    error.set(None);
                    confirming.set(Some((request, preview)));
                }
                Err(problem) => error.set(Some(problem)),
            }
        });
    };
    let confirm = move || {
        if let Some((request, _)) = confirming.get_untracked() {
            confirming.set(None);
            let campaign_id = new_campaign_id();
            scheduling.set(campaign_id.clone().map(|id| (id, request.provider)));
            pending.set(true);
            spawn_local(async move {
                let outcome = schedule_sms(request, campaign_id).await;
                pending.set(false);
                match outcome {
                    Ok(scheduled) => {
                        error.set(None);
                        receipt.set(Some(scheduled));
                    }
                    Err(problem) => {
                        error.set(Some(problem));
                        receipt.set(None);
                    }
                }
            });
        }
    };

    let provider_options = move || {
        providers.get().map(|result| match result {
            Ok(list) => list
                .into_iter()
                .map(|info| provider_option(info, provider, t().sandbox_provider))
                .collect_view()
                .into_any(),
            Err(e) => view! { <option disabled=true>{t().error(&e)}</option> }.into_any(),
        })
    };
    let zone_options = move || {
        let selected = time_zone.get_untracked();
        let mut names = zones.get().and_then(Result::ok).unwrap_or_default();
        if !names.contains(&selected) {
            names.insert(0, selected.clone());
        }
        names
            .into_iter()
            .map(|name| {
                let is_selected = name == selected;
                let label = name.clone();
                view! { <option value=name selected=is_selected>{label}</option> }
            })
            .collect_view()
    };

    view! {
        <div class="composer-layout">
            <form class="panel composer" on:submit=on_submit novalidate=true aria-labelledby="composer-title">
                <h2 id="composer-title">{word(|t| t.composer_title)}</h2>
                <FormSummary error=error/>

                <div class="field">
                    <label for="provider">{word(|t| t.provider)}</label>
                    <select
                        id="provider"
                        on:change:target=move |ev| {
                            if ev.target().value() == "infobip" {
                                provider.set(ProviderId::Infobip)
                            } else {
                                provider.set(ProviderId::Octopush)
                            }
                        }
                    >
                        {provider_options}
                    </select>
                    <FieldErrors field=Field::Provider messages=errors_for(Field::Provider)/>
                </div>

                <div class="field">
                    <label for="text">{word(|t| t.message)}</label>
                    <textarea
                        id="text"
                        rows="5"
                        node_ref=editor
                        bind:value=text
                        aria-invalid=invalid(Field::Text)
                        aria-describedby="text-counter text-encoding-warning text-errors"
                    ></textarea>
                    <PlaceholderButtons text editor/>
                    <MessageCounter text=text/>
                    <FieldErrors field=Field::Text messages=errors_for(Field::Text)/>
                </div>

                <div class="field">
                    <label for="recipients">{word(|t| t.recipients_label)}</label>
                    <textarea
                        id="recipients"
                        rows="5"
                        placeholder="+33612345678"
                        bind:value=recipients
                        aria-invalid=invalid(Field::Recipients)
                        aria-describedby="recipients-errors"
                    ></textarea>
                    <RecipientsFile recipients/>
                    <FieldErrors field=Field::Recipients messages=errors_for(Field::Recipients)/>
                </div>

                <div class="field-row">
                    // Plain closures rather than `<Show>` or `<Suspense>` on this first screen:
                    // each of those costs kilobytes of wasm.
                    {move || (provider.get() == ProviderId::Octopush).then(|| view! {
                        <fieldset class="field">
                            <legend>{word(|t| t.campaign_type)}</legend>
                            <label>
                                <input
                                    type="radio"
                                    name="campaign-type"
                                    value="premium"
                                    // Follows the choice: the radios are drawn again when Octopush is chosen again.
                                    checked=move || campaign_type.get() == CampaignType::Premium
                                    on:change=move |_| campaign_type.set(CampaignType::Premium)
                                />
                                {word(|t| t.premium)}
                            </label>
                            <label>
                                <input
                                    type="radio"
                                    name="campaign-type"
                                    value="low-cost"
                                    checked=move || campaign_type.get() == CampaignType::LowCost
                                    on:change=move |_| campaign_type.set(CampaignType::LowCost)
                                />
                                {word(|t| t.low_cost)}
                            </label>
                        </fieldset>
                    })}
                    <fieldset class="field">
                        <legend>{word(|t| t.purpose)}</legend>
                        <label>
                            <input
                                type="radio"
                                name="purpose"
                                value="alert"
                                checked=true
                                on:change=move |_| purpose.set(Purpose::Alert)
                            />
                            {word(|t| t.purpose_alert_choice)}
                        </label>
                        <label>
                            <input
                                type="radio"
                                name="purpose"
                                value="marketing"
                                on:change=move |_| purpose.set(Purpose::Marketing)
                            />
                            {word(|t| t.purpose_marketing_choice)}
                        </label>
                    </fieldset>
                </div>

                <ProviderOptionsFields
                    provider=provider
                    remove_blacklisted
                    flash
                    validity
                    errors=errors_for(Field::ProviderOptions)
                />

                <div class="field">
                    <label for="sender">{word(|t| t.sender_label)}</label>
                    <input
                        id="sender"
                        type="text"
                        maxlength="20"
                        autocomplete="off"
                        bind:value=sender
                        aria-invalid=invalid(Field::Sender)
                        aria-describedby="sender-errors"
                    />
                    <FieldErrors field=Field::Sender messages=errors_for(Field::Sender)/>
                </div>

                <div class="field-row">
                    <div class="field">
                        <label for="send-at">{word(|t| t.send_at_label)}</label>
                        <input
                            id="send-at"
                            type="datetime-local"
                            bind:value=send_at
                            aria-invalid=invalid(Field::SendAt)
                            aria-describedby="send-at-errors"
                        />
                        <FieldErrors field=Field::SendAt messages=errors_for(Field::SendAt)/>
                    </div>
                    <div class="field">
                        <label for="time-zone">{word(|t| t.time_zone)}</label>
                        <select
                            id="time-zone"
                            on:change:target=move |ev| time_zone.set(ev.target().value())
                            aria-invalid=invalid(Field::TimeZone)
                            aria-describedby="time-zone-errors"
                        >
                            {zone_options}
                        </select>
                        <FieldErrors field=Field::TimeZone messages=errors_for(Field::TimeZone)/>
                    </div>
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

                <div class="field checkboxes">
                    <label>
                        <input id="with-replies" type="checkbox" bind:checked=with_replies/>
                        {word(|t| t.with_replies_choice)}
                    </label>
                    <label>
                        <input id="simulation" type="checkbox" bind:checked=simulation/>
                        {word(|t| t.simulation_choice)}
                    </label>
                </div>

                {move || match confirming.get() {
                    // The parts that appear later come from chunks of their own (their `_view`).
                    Some((request, preview)) => {
                        let on_confirm = Callback::new(move |()| confirm());
                        let on_back = Callback::new(move |()| confirming.set(None));
                        Suspend::new(confirm_panel_view(request, preview, on_confirm, on_back)).into_any()
                    }
                    None => view! {
                        <button
                            type="submit"
                            class="primary"
                            disabled=move || pending.get() || checking.get()
                        >
                            {move || {
                                if pending.get() {
                                    t().scheduling
                                } else if checking.get() {
                                    t().checking
                                } else {
                                    t().schedule
                                }
                            }}
                        </button>
                    }
                        .into_any(),
                }}
                {move || {
                    pending
                        .get()
                        .then(|| scheduling.get())
                        .flatten()
                        .map(|(id, provider)| Suspend::new(handover_progress_view(id, provider)))
                }}
            </form>

            <aside class="side">
                {move || if preview_wanted.get() {
                    Suspend::new(preview_panel_view(previewed, previewing)).into_any()
                } else {
                    view! { <PreviewPlaceholder/> }.into_any()
                }}
                {move || receipt.get().map(|receipt| Suspend::new(receipt_panel_view(receipt)))}
                <BalancePanel provider=provider/>
            </aside>
        </div>
    }
}

/// A preview needs a message and someone to send it to.
fn worth_previewing(request: &ScheduleRequest) -> bool {
    !request.text.trim().is_empty() && !request.recipients.trim().is_empty()
}

/// One provider to choose; it stays the chosen one when a language switch draws the list again.
fn provider_option(
    info: ProviderInfo,
    chosen: RwSignal<ProviderId>,
    sandbox_label: fn(&str) -> String,
) -> impl IntoView {
    let label = if info.sandbox {
        sandbox_label(&info.id.to_string())
    } else {
        info.id.to_string()
    };
    let selected = chosen.get_untracked() == info.id;
    view! { <option value=info.id.as_str() selected=selected>{label}</option> }
}

/// The errors that are not about one field, and a pointer to those that are.
#[component]
fn FormSummary(#[prop(into)] error: Signal<Option<AppError>>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        error.get().map(|error| {
            let class = if matches!(error, AppError::Invalid(_)) {
                "form-summary invalid"
            } else {
                "form-summary failed"
            };
            view! {
                <div class=class role="alert" data-testid="form-error">
                    {i18n.t().error(&error)}
                </div>
            }
        })
    }
}
