use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use std::time::Duration;

use crate::api::approvals::{held_preview, DecideApproval};
use crate::api::campaigns::{get_campaign, OperateCampaign};
use crate::client::href;
use crate::components::{
    preview_panel_view, ApprovalPanel, CampaignActions, CampaignSendTime, ColumnHeads, PageButtons,
    PageTitle, RecipientHistory, SandboxPanel, StatusCounts, TableScroll, Time,
};
use crate::i18n::{use_i18n, word, Texts};
use crate::models::{Approval, CampaignDetail, RecipientStatus, RecipientView};
use crate::polling::refresh_while;

/// How often a campaign with recipients still on their way is asked for again.
const REFRESH: Duration = Duration::from_secs(3);
/// Recipients per page (the server's page size).
const PAGE: u64 = 100;

/// Columns of the table, for the history row that spans them.
const COLUMN_COUNT: &str = "7";

/// One campaign: where its recipients stand, who did what, and what can still be done.
#[component]
pub fn CampaignPage() -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let offset = RwSignal::new(0_u64);
    // Only recipients in this status, when chosen.
    let status = RwSignal::new(None::<RecipientStatus>);
    let detail = LocalResource::new(move || get_campaign(id.get(), status.get(), offset.get()));
    let operate = ServerAction::<OperateCampaign>::new();
    let decide = ServerAction::<DecideApproval>::new();
    // A campaign awaiting approval is watched too: another person may decide meanwhile.
    let watched =
        |d: &CampaignDetail| d.summary.is_live() || d.summary.approval == Approval::Awaiting;
    refresh_while(
        REFRESH,
        move || {
            detail.with_untracked(|d| matches!(d, Some(Ok(d)) if watched(d)))
                && !operate.pending().get_untracked()
                && !decide.pending().get_untracked()
        },
        move || detail.refetch(),
    );
    // An operation or a decision changes what the campaign shows: read it again once answered.
    Effect::new(move |_| {
        if operate.version().get() > 0 || decide.version().get() > 0 {
            detail.refetch();
        }
    });

    // Each part follows its own slice, so a refresh that changes nothing redraws nothing (and
    // keyboard focus stays where it is).
    let loaded =
        Memo::new(move |_| detail.with(|d| d.as_ref().and_then(|d| d.as_ref().ok().cloned())));
    let text = slice(loaded, |d| d.summary.text.clone());
    let counts = slice(loaded, |d| d.summary.counts.clone());
    let operations = slice(loaded, |d| d.operations.clone());
    let recipients = slice(loaded, |d| d.recipients.clone());
    let all = slice(loaded, |d| d.summary.recipient_count);
    let refused = slice(loaded, |d| d.refused);
    let approval = slice(loaded, |d| d.summary.approval);
    let approval_reasons = slice(loaded, |d| d.approval_reasons.clone());
    let decisions = slice(loaded, |d| d.decisions.clone());
    let awaiting = Memo::new(move |_| approval.get() == Approval::Awaiting);
    // What approving it hands over, planned as the form would be now.
    let held = LocalResource::new(move || {
        let (id, awaiting) = (id.get(), awaiting.get());
        async move {
            if awaiting {
                Some(held_preview(id, 0).await)
            } else {
                None
            }
        }
    });
    // Recipients the table pages through: those in the chosen status, or all of them.
    let total = Memo::new(move |_| match status.get() {
        Some(status) => loaded.with(|d| d.as_ref().map_or(0, |d| d.summary.count(status))),
        None => all.get(),
    });
    let export = Memo::new(move |_| {
        let query = status
            .get()
            .map(|s| format!("?status={}", s.as_str()))
            .unwrap_or_default();
        href(&format!(
            "/export/campaigns/{}/recipients.csv{query}",
            id.get()
        ))
    });

    view! {
        <PageTitle name=|t| t.campaign_title/>
        <p><A href=href("/campaigns")>{word(|t| t.all_campaigns)}</A></p>
        {move || match detail.get() {
            None => Some(view! { <p class="muted">{t().loading}</p> }.into_any()),
            Some(Err(error)) => Some(view! { <p class="error" role="alert">{t().error(&error)}</p> }.into_any()),
            Some(Ok(_)) => None,
        }}
        <Show when=move || loaded.with(Option::is_some)>
            <div class="campaign-layout">
                <section class="panel" aria-labelledby="campaign-title">
                    <h2 id="campaign-title">{word(|t| t.campaign_title)}</h2>
                    <blockquote class="campaign-text" data-testid="campaign-text">{text}</blockquote>
                    {move || loaded.get().map(|d| settings(t(), &d))}
                    <StatusCounts counts=counts/>
                    <p>
                        <A href=move || href(&format!("/?copy={}", id.get())) attr:data-testid="copy-campaign-link">
                            {word(|t| t.copy_campaign)}
                        </A>
                    </p>
                    {move || {
                        let refused = refused.get();
                        (refused > 0).then(|| view! {
                            <p>
                                <A href=href(&format!("/?again={}", id.get())) attr:data-testid="refused-again-link">
                                    {move || (t().refused_again_link)(refused)}
                                </A>
                            </p>
                        })
                    }}
                </section>
                <ApprovalPanel
                    campaign_id=Signal::derive(move || id.get())
                    approval=approval
                    reasons=approval_reasons
                    decisions=decisions
                    decide=decide
                />
                {move || awaiting.get().then(|| Suspend::new(preview_panel_view(
                    Signal::derive(move || held.get().flatten()),
                    Signal::derive(move || held.get().is_none()),
                    // Planned again from the form it was held with: no file to fix here.
                    Signal::from(false),
                )))}
                <CampaignActions
                    campaign_id=Signal::derive(move || id.get())
                    operations=operations
                    operate=operate
                />
                <SandboxPanel on_moved=move || detail.refetch()/>
                <section class="panel" aria-labelledby="timeline-title">
                    <h2 id="timeline-title">{word(|t| t.timeline)}</h2>
                    <ol class="timeline" data-testid="timeline">
                        {move || loaded.with(|d| d.as_ref().map(|d| d.actions.iter().map(|action| {
                            let detail = action.detail.as_ref().map(|d| format!(" ({})", (t().notice)(d)));
                            view! {
                                <li>
                                    <Time at=action.at.clone()/>
                                    " · " {action.actor.clone()} " · " <strong>{(t().action_name)(action.action)}</strong>
                                    {detail}
                                </li>
                            }
                        }).collect_view()))}
                    </ol>
                </section>
                <section class="panel recipients-panel" aria-labelledby="recipients-title">
                    <h2 id="recipients-title">{word(|t| t.recipients)}</h2>
                    <div class="filters">
                        <label>
                            {word(|t| t.show)}
                            <select
                                name="status"
                                on:change=move |ev| {
                                    status.set(RecipientStatus::parse(&event_target_value(&ev)));
                                    offset.set(0);
                                }
                            >
                                <option value="">{move || (t().all_statuses)(all.get())}</option>
                                <For
                                    each=move || counts.get()
                                    key=|count| (count.status, count.count)
                                    let:count
                                >
                                    <option
                                        value=count.status.as_str()
                                        selected=move || status.get() == Some(count.status)
                                    >
                                        {move || format!("{} ({})", (t().status_name)(count.status), count.count)}
                                    </option>
                                </For>
                            </select>
                        </label>
                        // A plain download: `rel=external` keeps the router's hands off it.
                        <a class="button secondary" href=export rel="external" download>
                            {word(|t| t.export_csv)}
                        </a>
                    </div>
                    <TableScroll label=|t| t.recipients>
                        <table class="recipients" data-testid="recipients">
                            <ColumnHeads columns=|t| t.recipient_columns/>
                            <tbody>
                                <For
                                    each=move || recipients.get()
                                    key=|r| (r.id.clone(), r.status, r.send_at.clone(), r.reason.clone())
                                    children=recipient_row
                                />
                            </tbody>
                        </table>
                    </TableScroll>
                    <div class="pager">
                        <span class="muted">
                            {move || {
                                let shown = recipients.with(Vec::len) as u64;
                                let first = offset.get() + u64::from(shown > 0);
                                (t().page_range)(first, offset.get() + shown, total.get())
                            }}
                        </span>
                        <PageButtons
                            offset
                            page_size=PAGE
                            has_more=Signal::derive(move || { offset.get() + PAGE < total.get() })
                        />
                    </div>
                </section>
            </div>
        </Show>
    }
}

/// One part of the loaded campaign, as a memo of its own (its default while nothing is loaded).
fn slice<T>(loaded: Memo<Option<CampaignDetail>>, pick: fn(&CampaignDetail) -> T) -> Memo<T>
where
    T: Clone + Default + PartialEq + Send + Sync + 'static,
{
    Memo::new(move |_| loaded.with(|d| d.as_ref().map(pick).unwrap_or_default()))
}

fn settings(t: &'static Texts, detail: &CampaignDetail) -> impl IntoView {
    let summary = &detail.summary;
    let when = view! {
        <CampaignSendTime
            requested=summary.requested_send_at.clone()
            sends=summary.sends.clone()
            zone=summary.time_zone.clone()
        />
    };
    let overridden = detail
        .override_reason
        .clone()
        .map(|reason| view! { <dt>{t.rules_overridden}</dt><dd>{reason}</dd> });
    let options = t.provider_options(&detail.options).map(|options| {
        view! { <dt>{t.options_chosen}</dt><dd data-testid="campaign-options">{options}</dd> }
    });
    let name = summary.name.clone().map(|name| {
        view! { <dt>{t.campaign_name}</dt><dd data-testid="campaign-name">{name}</dd> }
    });
    view! {
        <dl class="facts">
            {name}
            <dt>{t.provider}</dt><dd>{summary.provider.to_string()}</dd>
            <dt>{t.purpose}</dt><dd>{(t.purpose_name)(summary.purpose)}</dd>
            <dt>{t.send_at}</dt><dd data-testid="campaign-send-at">{when}</dd>
            <dt>{t.recipients}</dt><dd>{summary.recipient_count}</dd>
            <dt>{t.scheduled_by}</dt><dd>{summary.actor.clone()} ", " <Time at=summary.created_at.clone()/></dd>
            <dt>{t.state}</dt><dd data-testid="campaign-state">{(t.state_name)(summary.state())}</dd>
            {overridden}
            {options}
        </dl>
    }
}

fn recipient_row(recipient: RecipientView) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let open = RwSignal::new(false);
    let line = recipient.line;
    let status = recipient.status;
    let id = recipient.id.clone();
    let send_at = recipient.send_at.clone().map(|at| view! { <Time at=at/> });
    let notes = recipient
        .reason
        .clone()
        .into_iter()
        .chain(recipient.warnings.clone())
        .collect::<Vec<_>>();
    let notes = move || {
        let t = t();
        notes
            .iter()
            .map(|n| (t.notice)(n))
            .collect::<Vec<_>>()
            .join("; ")
    };
    view! {
        <tr>
            <td>{recipient.line}</td>
            <td>{recipient.phone.clone()}</td>
            <td><span class=format!("status status-{}", recipient.status)>{move || (t().status_name)(status)}</span></td>
            <td>{send_at}</td>
            <td>{recipient.parts}</td>
            <td>{notes}</td>
            <td>
                <button
                    class="secondary small"
                    aria-expanded=move || open.get().to_string()
                    aria-label=move || (t().history_of_line)(line)
                    on:click=move |_| open.update(|o| *o = !*o)
                >
                    {move || if open.get() { t().hide } else { t().history }}
                </button>
            </td>
        </tr>
        <Show when=move || open.get()>
            <tr class="history-row">
                <td colspan=COLUMN_COUNT>
                    <RecipientHistory recipient_id=id.clone()/>
                </td>
            </tr>
        </Show>
    }
}
