use leptos::html::H2;
use leptos::prelude::*;

use crate::components::Time;
use crate::domain::promotional::promotional_sign;
use crate::domain::Purpose;
use crate::i18n::{confirm_words, use_i18n, word, Texts};
use crate::models::{CampaignPreview, CancelLimits, ScheduleRequest};

/// The last look before scheduling: what will be sent, to whom, when, at what estimated cost.
#[component]
pub fn ConfirmPanel(
    request: ScheduleRequest,
    preview: CampaignPreview,
    /// The provider's limits on cancelling what it holds, when it has some.
    cancel_limits: Option<CancelLimits>,
    on_confirm: impl Fn() + 'static,
    on_back: impl Fn() + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let heading = NodeRef::<H2>::new();
    // Keyboard and screen-reader users land on the question.
    Effect::new(move |_| {
        if let Some(heading) = heading.get() {
            let _ = heading.focus();
        }
    });
    let simulation = request.options.simulation;
    // Past the provider's limits, what is confirmed here is sent: said before, not after.
    let cannot_cancel = cancel_limits
        .filter(|limits| !simulation && preview.to_send > u64::from(limits.max_recipients))
        .map(|limits| (request.provider.to_string(), limits.max_recipients));
    // A simulation sends nothing: no one gets one more.
    let over_cap = if simulation { 0 } else { preview.over_cap };
    // Every caution the preview gave, said again where the user confirms (a recipient sent at
    // the campaign's time for want of a zone, a landline…): small print seen before is not enough.
    let warnings = preview.warnings.clone();
    // An alert that reads like a promotion skips the marketing rules (and an approval rule on
    // marketing): the hint under the message, said again where it is sent.
    let promotion = (request.purpose == Purpose::Alert)
        .then(|| promotional_sign(&request.text))
        .flatten();
    let text = request.text.clone();
    let provider = request.provider.to_string();
    let facts = move || {
        let t = t();
        view! {
            <dt>{t.provider}</dt><dd>{provider.clone()}</dd>
            <dt>{t.to}</dt>
            <dd data-testid="confirm-recipients">{recipients(t, &preview)}</dd>
            <dt>{t.when}</dt>
            <dd data-testid="confirm-when">
                {when(t, &request)}
                {first_moved(&preview).map(|at| view! {
                    <br/>{(t.moved_from)(preview.deferred)} " " <Time at/>
                })}
            </dd>
            <dt>{t.sms}</dt><dd>{(t.parts_count)(preview.parts)}</dd>
            <dt>{t.estimated_cost}</dt><dd data-testid="confirm-cost">{cost(t, &preview)}</dd>
            {t.provider_options(&request.options).map(|options| view! {
                <dt>{t.options_chosen}</dt><dd data-testid="confirm-options">{options}</dd>
            })}
            {(!preview.held_for_approval.is_empty()).then(|| {
                let reasons: Vec<String> = preview.held_for_approval.iter().map(|r| (t.approval_reason)(r)).collect();
                view! {
                    <dt>{t.approval_title}</dt>
                    <dd data-testid="confirm-approval">{t.will_be_held} " " {reasons.join("; ")}</dd>
                }
            })}
        }
    };
    view! {
        <section class="confirm" aria-labelledby="confirm-title" data-testid="confirm">
            <h2 id="confirm-title" tabindex="-1" node_ref=heading>
                {move || if simulation { t().confirm_simulate_title } else { t().confirm_schedule_title }}
            </h2>
            <blockquote class="campaign-text">{text}</blockquote>
            <dl class="facts">{facts}</dl>
            {(!warnings.is_empty()).then(|| view! {
                <div class="warning" data-testid="confirm-warnings">
                    <p>{word(|t| t.warnings_list)}</p>
                    <ul>
                        {move || {
                            let t = t();
                            warnings
                                .iter()
                                .map(|(warning, n)| view! { <li>{(t.counted)(*n, &(t.notice)(warning))}</li> })
                                .collect_view()
                        }}
                    </ul>
                </div>
            })}
            {promotion.map(|sign| view! {
                <p class="warning" data-testid="confirm-purpose-hint">
                    {move || (i18n.t().reads_like_marketing)(&sign)}
                </p>
            })}
            {(over_cap > 0).then(|| view! {
                <p class="warning" data-testid="confirm-over-cap">
                    {move || confirm_words::over_cap(i18n.locale(), over_cap)}
                </p>
            })}
            {cannot_cancel.map(|(provider, max)| view! {
                <p class="warning" data-testid="confirm-cannot-cancel">
                    {move || confirm_words::cannot_cancel(i18n.locale(), &provider, max)}
                </p>
            })}
            <div class="pager">
                <button type="button" class="primary" on:click=move |_| on_confirm()>
                    {word(|t| t.confirm_button)}
                </button>
                <button type="button" class="secondary" on:click=move |_| on_back()>
                    {word(|t| t.change_something)}
                </button>
            </div>
        </section>
    }
}

/// The confirm step as the composer shows it, in a chunk of its own (`cargo leptos build --split`)
/// that the app fetches once its first page is drawn.
#[leptos::lazy]
pub fn confirm_panel_view(
    request: ScheduleRequest,
    preview: CampaignPreview,
    cancel_limits: Option<CancelLimits>,
    on_confirm: Callback<()>,
    on_back: Callback<()>,
) -> AnyView {
    view! {
        <ConfirmPanel
            request=request
            preview=preview
            cancel_limits=cancel_limits
            on_confirm=move || on_confirm.run(())
            on_back=move || on_back.run(())
        />
    }
    .into_any()
}

/// `12 recipients, 3 of them moved to a later time…; 1 left out`.
fn recipients(t: &Texts, preview: &CampaignPreview) -> String {
    let mut words = (t.recipient_count)(preview.to_send);
    if preview.deferred > 0 {
        words.push_str(&(t.moved_of_them)(preview.deferred));
    }
    if preview.excluded > 0 {
        words.push_str(&(t.left_out_count)(preview.excluded));
    }
    words
}

fn when(t: &Texts, request: &ScheduleRequest) -> String {
    match (request.send_at.trim(), request.local_time) {
        ("", _) => t.now.to_owned(),
        (at, true) => (t.in_recipient_time)(&at.replace('T', " ")),
        (at, false) => format!("{} ({})", at.replace('T', " "), request.time_zone),
    }
}

/// The earliest time the sending rules move a recipient to (among the preview's first page),
/// when they move any: the confirm step says when messages will really go.
fn first_moved(preview: &CampaignPreview) -> Option<String> {
    if preview.deferred == 0 {
        return None;
    }
    preview
        .recipients
        .iter()
        .filter(|r| r.deferred)
        .filter_map(|r| r.send_at.clone())
        .min()
}

fn cost(t: &Texts, preview: &CampaignPreview) -> String {
    match preview.cost {
        Some(cost) => t.money(cost, preview.currency.as_deref()),
        None => t.cost_unknown.to_owned(),
    }
}
