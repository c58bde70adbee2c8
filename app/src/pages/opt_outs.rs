use leptos::prelude::*;
use std::time::Duration;

use crate::access::Access;
use crate::api::opt_outs::{list_opt_outs, AddOptOuts, RemoveOptOut};
use crate::components::{
    ColumnHeads, FieldErrors, FileButton, PageButtons, PageTitle, StillScheduledNote, TableScroll,
    Time,
};
use crate::debounce::debounced;
use crate::domain::ManualOptOutSource;
use crate::i18n::{use_i18n, word};
use crate::models::{AppError, Field, OptOutEntry, OptOutImport, Right};
use crate::picked_file::{FileProblem, PickedFile};

/// Entries per page (the server's page size).
const PAGE: u64 = 100;
const SEARCH_DELAY: Duration = Duration::from_millis(300);

/// The numbers no campaign may reach: search, add by hand, import a file, take one off.
#[component]
pub fn OptOutsPage() -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let access = Access::from_context();
    let search = RwSignal::new(String::new());
    let settled_search = debounced(SEARCH_DELAY, move || search.get());
    let offset = RwSignal::new(0_u64);
    let add = ServerAction::<AddOptOuts>::new();
    let remove = ServerAction::<RemoveOptOut>::new();
    // Signals read straight in the fetcher, so each change refetches.
    let page = LocalResource::new(move || {
        // Any change to the list shows it again.
        add.version().track();
        remove.version().track();
        list_opt_outs(offset.get(), settled_search.get().unwrap_or_default())
    });
    let numbers = RwSignal::new(String::new());
    let file_problem = RwSignal::new(None::<FileProblem>);

    let add_errors = Signal::derive(move || match add.value().get() {
        Some(Err(error)) => match error {
            AppError::Invalid(_) => t().field_errors(&error, Field::OptOutNumbers),
            other => vec![t().error(&other)],
        },
        _ => file_problem
            .get()
            .map(|problem| t().file_problem(&problem))
            .into_iter()
            .collect(),
    });
    let added = move || match add.value().get() {
        Some(Ok(report)) => Some(import_summary(&report)),
        _ => None,
    };
    // Typed numbers are cleared once they are on the list.
    Effect::new(move |_| {
        if matches!(add.value().get(), Some(Ok(_))) {
            numbers.set(String::new());
        }
    });
    let removed = move || match remove.value().get() {
        Some(Err(error)) => Some(view! { <p class="error" role="alert">{t().error(&error)}</p> }),
        _ => None,
    };

    view! {
        <PageTitle name=|t| t.nav_opt_outs/>
        <div class="opt-outs-layout">
            <section class="panel" aria-labelledby="add-title">
                <h2 id="add-title">{word(|t| t.add_numbers)}</h2>
                {move || access.refusal(Right::Send).map(|why| view! {
                    <p class="no-right" role="note" data-testid="no-right">{(t().refusal)(&why)}</p>
                })}
                <form hidden=move || access.refusal(Right::Send).is_some() on:submit=move |ev| {
                    ev.prevent_default();
                    file_problem.set(None);
                    add.dispatch(AddOptOuts { numbers: numbers.get_untracked(), source: ManualOptOutSource::Operator });
                }>
                    <div class="field">
                        <label for="opt-out-numbers">{word(|t| t.numbers_per_line)}</label>
                        <textarea
                            id="opt-out-numbers"
                            rows="4"
                            aria-describedby="opt-out-numbers-errors"
                            aria-invalid=move || (!add_errors.with(Vec::is_empty)).to_string()
                            prop:value=move || numbers.get()
                            on:input=move |ev| numbers.set(event_target_value(&ev))
                        ></textarea>
                        <FieldErrors field=Field::OptOutNumbers messages=add_errors/>
                    </div>
                    <div class="button-row">
                        <button type="submit" class="primary" disabled=move || add.pending().get()>
                            {word(|t| t.add_to_list)}
                        </button>
                        <FileButton
                            label=|t| t.import_csv
                            on_read=Callback::new(move |read: Result<PickedFile, FileProblem>| match read {
                                Ok(file) => {
                                    file_problem.set(None);
                                    add.dispatch(AddOptOuts { numbers: file.text, source: ManualOptOutSource::Import });
                                }
                                Err(problem) => file_problem.set(Some(problem)),
                            })
                        />
                    </div>
                    <p class="muted">{word(|t| t.opt_out_file_help)}</p>
                    <div class="ok" data-testid="opt-out-added" aria-live="polite">{added}</div>
                </form>
            </section>
            <section class="panel" aria-labelledby="opt-outs-title">
                <h2 id="opt-outs-title">{word(|t| t.opt_out_list)}</h2>
                <div class="filters">
                    <label class="grow">
                        {word(|t| t.find_number)}
                        <input
                            type="search"
                            inputmode="tel"
                            prop:value=move || search.get()
                            on:input=move |ev| {
                                search.set(event_target_value(&ev));
                                offset.set(0);
                            }
                        />
                    </label>
                </div>
                {removed}
                {move || match page.get() {
                    None => view! { <p class="muted">{t().loading}</p> }.into_any(),
                    Some(Err(error)) => view! { <p class="error" role="alert">{t().error(&error)}</p> }.into_any(),
                    Some(Ok(page)) if page.entries.is_empty() => view! {
                        <p class="muted" data-testid="no-opt-outs">{t().no_number}</p>
                    }.into_any(),
                    Some(Ok(page)) => view! {
                        <TableScroll label=|t| t.opt_out_list>
                            <table data-testid="opt-outs">
                                <ColumnHeads columns=|t| t.opt_out_columns/>
                                <tbody>
                                    {page.entries.into_iter().map(|entry| entry_row(entry, remove)).collect_view()}
                                </tbody>
                            </table>
                        </TableScroll>
                        <div class="pager">
                            <PageButtons offset page_size=PAGE has_more=Signal::stored(page.has_more)/>
                        </div>
                    }.into_any(),
                }}
            </section>
        </div>
    }
}

fn import_summary(report: &OptOutImport) -> impl IntoView {
    let i18n = use_i18n();
    let (added, listed, repeated) = (report.added, report.already_listed, report.repeated);
    view! {
        {move || (i18n.t().opt_outs_added)(added, listed, repeated)}
        <StillScheduledNote holds=report.still_scheduled.clone()/>
    }
}

/// One number, with a removal that asks first.
fn entry_row(entry: OptOutEntry, remove: ServerAction<RemoveOptOut>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let access = Access::from_context();
    let confirming = RwSignal::new(false);
    let phone = entry.phone.clone();
    let source = move || {
        let t = t();
        let source = (t.opt_out_source)(entry.source).to_owned();
        match &entry.detail {
            Some(detail) => format!("{source} ({})", (t.notice)(detail)),
            None => source,
        }
    };
    view! {
        <tr>
            <td>{entry.phone.clone()}<StillScheduledNote holds=entry.still_scheduled/></td>
            <td>{source}</td>
            <td>{entry.actor}</td>
            <td><Time at=entry.created_at/></td>
            <td>
                // Taking a number off the list is for those whose role allows it.
                {move || {
                    let may = access.refusal(Right::RemoveOptOut).is_none();
                    may.then(|| removal(phone.clone(), confirming, remove))
                }}
            </td>
        </tr>
    }
}

/// Remove, with a question first: messages may reach the number again.
fn removal(
    phone: String,
    confirming: RwSignal<bool>,
    remove: ServerAction<RemoveOptOut>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    view! {
        <Show
            when=move || confirming.get()
            fallback={
                let phone = phone.clone();
                move || view! {
                    <button
                        class="secondary small"
                        aria-label={
                            let phone = phone.clone();
                            move || (t().remove_number)(&phone)
                        }
                        on:click=move |_| confirming.set(true)
                    >
                        {word(|t| t.remove)}
                    </button>
                }
            }
        >
            {
                let phone = phone.clone();
                view! {
                    <span role="alert">{word(|t| t.remove_question)}</span>
                    " "
                    <button
                        class="danger small"
                        on:click=move |_| {
                            remove.dispatch(RemoveOptOut { phone: phone.clone() });
                        }
                    >
                        {word(|t| t.yes_remove)}
                    </button>
                    " "
                    <button class="secondary small" on:click=move |_| confirming.set(false)>
                        {word(|t| t.keep_it)}
                    </button>
                }
            }
        </Show>
    }
}
