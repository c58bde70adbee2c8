use leptos::prelude::*;
use leptos_router::components::A;
use std::time::Duration;

use crate::api::audit::list_audit;
use crate::client::{browser_time_zone, href, query_value};
use crate::components::{
    one_of, ColumnHeads, FieldErrors, PageButtons, PageTitle, TableScroll, Time,
};
use crate::debounce::debounced;
use crate::i18n::{use_i18n, word};
use crate::models::{AppError, AuditAction, AuditEntry, AuditFilter, AuditOutcome, Field};

/// Lines per page (the server's page size).
const PAGE: u64 = 100;
const TYPING_DELAY: Duration = Duration::from_millis(300);

/// Who did what, from where: every action and every refused attempt, newest first, filtered by
/// person, action, campaign and period (days in the browser's zone), exported as CSV.
#[component]
pub fn AuditPage() -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let actor = RwSignal::new(String::new());
    let action = RwSignal::new(None::<AuditAction>);
    let campaign_id = RwSignal::new(String::new());
    let from = RwSignal::new(String::new());
    let until = RwSignal::new(String::new());
    let time_zone = browser_time_zone().unwrap_or_default();
    let typed = debounced(TYPING_DELAY, move || (actor.get(), campaign_id.get()));
    let offset = RwSignal::new(0_u64);
    let filter = {
        let time_zone = time_zone.clone();
        move || {
            let (actor, campaign_id) = typed.get().unwrap_or_default();
            AuditFilter {
                actor,
                action: action.get(),
                campaign_id,
                from: from.get(),
                until: until.get(),
                time_zone: time_zone.clone(),
            }
        }
    };
    // A new filter starts again from the newest line.
    Effect::new(move |_| {
        action.track();
        from.track();
        until.track();
        typed.track();
        offset.set(0);
    });
    let page = LocalResource::new({
        let filter = filter.clone();
        move || list_audit(filter(), offset.get())
    });
    let export = move || export_link(&filter());
    let errors_for = move |field: Field| {
        Signal::derive(move || match page.get() {
            Some(Err(error)) => t().field_errors(&error, field),
            _ => Vec::new(),
        })
    };
    let zone_note = (!time_zone.is_empty()).then(|| {
        let zone = time_zone.clone();
        view! { <p class="muted">{move || (t().audit_days_in)(&zone)}</p> }
    });

    view! {
        <PageTitle name=|t| t.nav_audit/>
        <section class="panel" aria-labelledby="audit-title">
            <h2 id="audit-title">{word(|t| t.nav_audit)}</h2>
            <form class="filters" role="search" aria-label=word(|t| t.filters_label) on:submit=|ev| ev.prevent_default()>
                {text_filter(|t| t.audit_person, "audit-person", actor)}
                {one_of(
                    |t| t.audit_action_label,
                    action,
                    AuditAction::ALL.map(|a| (a, a.as_str())).to_vec(),
                    |t, a| (t.audit_action)(a).to_owned(),
                    AuditAction::parse,
                )}
                {text_filter(|t| t.audit_campaign, "audit-campaign", campaign_id)}
                {day_filter(|t| t.audit_from, Field::AuditFrom, from, errors_for(Field::AuditFrom))}
                {day_filter(|t| t.audit_until, Field::AuditUntil, until, errors_for(Field::AuditUntil))}
            </form>
            {zone_note}
            <p>
                <a class="button secondary" href=export rel="external" download data-testid="audit-export">
                    {word(|t| t.export_csv)}
                </a>
            </p>
            {move || match page.get() {
                None => view! { <p class="muted">{t().loading}</p> }.into_any(),
                Some(Err(AppError::Invalid(_))) => ().into_any(),
                Some(Err(error)) => view! { <p class="error" role="alert">{t().error(&error)}</p> }.into_any(),
                Some(Ok(page)) if page.entries.is_empty() => view! {
                    <p class="muted" data-testid="no-audit-entry">{t().no_audit_entry}</p>
                }.into_any(),
                Some(Ok(page)) => view! {
                    <TableScroll label=|t| t.nav_audit>
                        <table data-testid="audit">
                            <ColumnHeads columns=|t| t.audit_columns/>
                            <tbody>{page.entries.into_iter().map(entry_row).collect_view()}</tbody>
                        </table>
                    </TableScroll>
                    <div class="pager">
                        <PageButtons offset page_size=PAGE has_more=Signal::stored(page.has_more)/>
                    </div>
                }.into_any(),
            }}
        </section>
    }
}

fn text_filter(
    label: fn(&crate::i18n::Texts) -> &'static str,
    id: &'static str,
    value: RwSignal<String>,
) -> impl IntoView {
    view! {
        <label class="grow">
            {word(label)}
            <input
                type="search"
                name=id
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        </label>
    }
}

fn day_filter(
    label: fn(&crate::i18n::Texts) -> &'static str,
    field: Field,
    value: RwSignal<String>,
    errors: Signal<Vec<String>>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=field.id()>{word(label)}</label>
            <input
                type="date"
                id=field.id()
                aria-describedby=format!("{}-errors", field.id())
                aria-invalid=move || (!errors.with(Vec::is_empty)).to_string()
                prop:value=move || value.get()
                on:change=move |ev| value.set(event_target_value(&ev))
            />
            <FieldErrors field messages=errors/>
        </div>
    }
}

/// The CSV export of the lines `filter` names.
fn export_link(filter: &AuditFilter) -> String {
    let action = filter.action.map(AuditAction::as_str).unwrap_or_default();
    let parts = [
        ("actor", filter.actor.as_str()),
        ("action", action),
        ("campaign_id", filter.campaign_id.as_str()),
        ("from", filter.from.as_str()),
        ("until", filter.until.as_str()),
        ("time_zone", filter.time_zone.as_str()),
    ];
    let query: Vec<String> = parts
        .iter()
        .filter(|(_, value)| !value.is_empty())
        .map(|(name, value)| format!("{name}={}", query_value(value)))
        .collect();
    let query = if query.is_empty() {
        String::new()
    } else {
        format!("?{}", query.join("&"))
    };
    href(&format!("/export/audit.csv{query}"))
}

fn entry_row(entry: AuditEntry) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let AuditEntry {
        at,
        actor,
        role,
        action,
        outcome,
        subject,
        address,
    } = entry;
    let refused = match outcome {
        AuditOutcome::Done => false,
        AuditOutcome::Refused(_) | AuditOutcome::ProviderRefused => true,
    };
    let outcome = move || match outcome {
        AuditOutcome::Done => t().audit_done.to_owned(),
        AuditOutcome::Refused(right) => (t().audit_refused)(right),
        AuditOutcome::ProviderRefused => t().audit_provider_refused.to_owned(),
    };
    let campaign = subject.campaign_id.map(|id| {
        let link = href(&format!("/campaigns/{id}"));
        let short: String = id.chars().take(8).collect();
        view! { <A href=link attr:title=id>{short}</A> }
    });
    view! {
        <tr class:refused=refused>
            <td><Time at/></td>
            <td>{actor}</td>
            <td>{move || (t().role_name)(role)}</td>
            <td>{move || (t().audit_action)(action)}</td>
            <td>{outcome}</td>
            <td>{campaign}</td>
            <td>{subject.phone}</td>
            <td>{subject.count}</td>
            <td>{subject.detail}</td>
            <td>{address}</td>
        </tr>
    }
}
