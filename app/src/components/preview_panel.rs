use leptos::prelude::*;
use std::collections::BTreeMap;

use crate::components::Time;
use crate::i18n::{preview_words, use_i18n, word, Locale, Texts};
use crate::models::{AppError, CampaignPreview, Field, FieldError, Notice, PreviewRecipient};

/// Recipients shown before any search.
const FIRST_FEW: usize = 5;
/// Matches shown for a search.
const MATCHES: usize = 10;

/// What scheduling the form would do, kept up to date as the user types: how many go at the
/// requested time, how many are moved and to when, how many are left out and why, the parts and
/// the estimated cost, and the messages of the first few recipients or of those searched for.
#[component]
pub fn PreviewPanel(
    #[prop(into)] preview: Signal<Option<Result<CampaignPreview, AppError>>>,
    #[prop(into)] loading: Signal<bool>,
    /// The recipients come from an uploaded file: their errors are fixed in it.
    #[prop(into)]
    from_file: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let search = RwSignal::new(String::new());
    view! {
        <section class="panel preview" aria-labelledby="preview-title" aria-busy=move || loading.get().to_string()>
            <h2 id="preview-title">{word(|t| t.preview_title)}</h2>
            {move || {
                let t = t();
                match preview.get() {
                    None => view! { <p class="muted">{t.preview_empty}</p> }.into_any(),
                    Some(Err(AppError::Invalid(errors))) => view! {
                        <p>{t.preview_not_ready}</p>
                        {problems(t, i18n.locale(), &errors, from_file.get())}
                    }
                        .into_any(),
                    Some(Err(error)) => view! { <p class="error">{t.error(&error)}</p> }.into_any(),
                    Some(Ok(preview)) if !preview.lines_to_fix.is_empty() => view! {
                        <p>{preview_words::lines_to_fix(i18n.locale())}</p>
                        {problems(t, i18n.locale(), &preview.lines_to_fix, from_file.get())}
                        {verdict(t, i18n.locale(), &preview)}
                    }
                        .into_any(),
                    Some(Ok(preview)) => verdict(t, i18n.locale(), &preview).into_any(),
                }
            }}
            <Show when=move || matches!(preview.get(), Some(Ok(_)))>
                <label for="preview-search">{word(|t| t.preview_search)}</label>
                <input id="preview-search" type="search" bind:value=search autocomplete="off"/>
                {move || {
                    let preview = preview.get().and_then(Result::ok)?;
                    let shown = preview.recipients.len().min(FIRST_FEW);
                    (shown > 0 && (shown as u64) < preview.total && search.with(|query| query.trim().is_empty()))
                        .then(|| view! {
                            <p class="muted" data-testid="preview-first-messages">
                                {preview_words::first_messages(
                                    i18n.locale(), shown, preview.total, preview.recipients.len(),
                                )}
                            </p>
                        })
                }}
                <ul class="preview-recipients" data-testid="preview-recipients">
                    {move || {
                        let query = search.get();
                        let t = t();
                        preview
                            .get()
                            .and_then(Result::ok)
                            .map(|preview| {
                                let shared = shared_by_all(&preview);
                                shown(&preview.recipients, query.trim())
                                    .into_iter()
                                    .map(|recipient| recipient_item(t, recipient, &shared))
                                    .collect_view()
                            })
                    }}
                </ul>
            </Show>
        </section>
    }
}

/// The preview panel before there is anything to preview: the same panel, without the code that
/// draws a preview.
#[component]
pub fn PreviewPlaceholder() -> impl IntoView {
    view! {
        <section class="panel preview" aria-labelledby="preview-title">
            <h2 id="preview-title">{word(|t| t.preview_title)}</h2>
            <p class="muted">{word(|t| t.preview_empty)}</p>
        </section>
    }
}

/// The preview as the composer shows it, in a chunk of its own (`cargo leptos build --split`) that
/// the app fetches once its first page is drawn.
#[leptos::lazy]
pub fn preview_panel_view(
    preview: Signal<Option<Result<CampaignPreview, AppError>>>,
    loading: Signal<bool>,
    from_file: Signal<bool>,
) -> AnyView {
    view! { <PreviewPanel preview loading from_file/> }.into_any()
}

/// The form's errors; for a file's lines, where to fix them.
fn problems(
    t: &'static Texts,
    locale: Locale,
    errors: &[FieldError],
    from_file: bool,
) -> impl IntoView {
    let in_file = from_file && errors.iter().any(|e| e.field == Field::Recipients);
    view! {
        <ul class="error" data-testid="preview-problems">
            {errors.iter().map(|e| view! { <li>{t.field_error(e)}</li> }).collect_view()}
        </ul>
        {in_file.then(|| view! {
            <p data-testid="preview-fix-in-file">{preview_words::fix_in_file(locale)}</p>
        })}
    }
}

/// The sending-rules verdict and the totals.
fn verdict(t: &'static Texts, locale: Locale, preview: &CampaignPreview) -> impl IntoView {
    let at_requested_time = preview.to_send.saturating_sub(preview.deferred);
    let cost = match preview.cost {
        Some(cost) => (t.estimated)(&t.money(cost, preview.currency.as_deref())),
        None => t.no_price.to_owned(),
    };
    // Reasons and new times are read from the recipients in this page of the preview.
    let mut reasons: BTreeMap<String, u64> = BTreeMap::new();
    let mut moved_to: BTreeMap<String, u64> = BTreeMap::new();
    for recipient in &preview.recipients {
        if let Some(reason) = &recipient.excluded {
            *reasons.entry((t.notice)(reason)).or_default() += 1;
        } else if recipient.deferred {
            if let Some(at) = &recipient.send_at {
                *moved_to.entry(at.clone()).or_default() += 1;
            }
        }
    }
    let partial = preview.recipients.len() as u64 != preview.total;
    let among = if partial {
        (t.among_first)(preview.recipients.len())
    } else {
        String::new()
    };
    view! {
        <dl class="facts" data-testid="preview-verdict">
            <dt>{t.recipients}</dt><dd>{preview.total}</dd>
            <dt>{t.at_requested_time}</dt><dd data-testid="preview-on-time">{at_requested_time}</dd>
            <dt>{t.moved_by_rules}</dt><dd data-testid="preview-deferred">{preview.deferred}</dd>
            <dt>{t.left_out}</dt><dd data-testid="preview-excluded">{preview.excluded}</dd>
            {(preview.over_cap > 0).then(|| view! {
                <dt>{t.over_cap}</dt><dd data-testid="preview-over-cap">{preview.over_cap}</dd>
            })}
            <dt>{t.sms}</dt>
            <dd data-testid="preview-parts">{(t.preview_parts)(preview.parts, preview.submissions, &cost)}</dd>
        </dl>
        {preview.switched_to_ucs2.as_ref().map(|switched| view! {
            <p class="warning" data-testid="preview-switched-to-ucs2">{preview_words::switched_to_ucs2(locale, switched)}</p>
        })}
        {(!moved_to.is_empty()).then(|| view! {
            <p>{(t.moved_heading)(&among)}</p>
            <ul data-testid="preview-moves">
                {moved_to.into_iter().map(|(at, n)| view! { <li>{n} {t.moved_to_word} <Time at=at/></li> }).collect_view()}
            </ul>
        })}
        {(!reasons.is_empty()).then(|| view! {
            <p>{(t.left_out_heading)(&among)}</p>
            <ul data-testid="preview-reasons">
                {reasons.into_iter().map(|(reason, n)| view! { <li>{(t.counted)(n, &reason)}</li> }).collect_view()}
            </ul>
        })}
        {(!preview.warnings.is_empty()).then(|| view! {
            <p>{t.warnings_list}</p>
            <ul data-testid="preview-warnings">
                {preview.warnings.iter().map(|(warning, n)| view! { <li class="warning">{(t.counted)(*n, &(t.notice)(warning))}</li> }).collect_view()}
            </ul>
        })}
        {(!preview.duplicates.is_empty()).then(|| view! {
            <p class="muted">{(t.duplicates_merged)(
                preview.duplicates.len() + usize::try_from(preview.more_duplicates).unwrap_or(usize::MAX),
            )}</p>
        })}
        {repeats_with_other_values(locale, preview)}
    }
}

/// The repeated numbers whose later lines had other values: their messages are not sent. Those
/// are listed first, so the list holds them all unless it is full of them.
fn repeats_with_other_values(locale: Locale, preview: &CampaignPreview) -> Option<impl IntoView> {
    let lines: Vec<String> = preview
        .duplicates
        .iter()
        .filter(|repeat| repeat.other_values)
        .map(|repeat| preview_words::repeated_line(locale, repeat))
        .collect();
    let at_least = lines.len() == preview.duplicates.len() && preview.more_duplicates > 0;
    (!lines.is_empty()).then(|| view! {
        <p class="warning">{preview_words::repeats_with_other_values(locale, lines.len(), at_least)}</p>
        <ul data-testid="preview-repeats-with-other-values">
            {lines.into_iter().map(|line| view! { <li class="warning">{line}</li> }).collect_view()}
        </ul>
    })
}

/// The first few recipients, or those whose number or line matches `query`.
fn shown<'a>(recipients: &'a [PreviewRecipient], query: &str) -> Vec<&'a PreviewRecipient> {
    if query.is_empty() {
        return recipients.iter().take(FIRST_FEW).collect();
    }
    let digits: String = query.chars().filter(char::is_ascii_digit).collect();
    recipients
        .iter()
        .filter(|r| {
            r.line.to_string() == query || (!digits.is_empty() && r.number.contains(&digits))
        })
        .take(MATCHES)
        .collect()
}

/// The cautions every recipient to send has: said once in the totals, not on each row.
fn shared_by_all(preview: &CampaignPreview) -> Vec<&Notice> {
    preview
        .warnings
        .iter()
        .filter(|(_, n)| *n == preview.to_send)
        .map(|(warning, _)| warning)
        .collect()
}

fn recipient_item(
    t: &'static Texts,
    recipient: &PreviewRecipient,
    shared: &[&Notice],
) -> impl IntoView {
    let fate = match (&recipient.excluded, &recipient.send_at) {
        (Some(reason), _) => {
            view! { <span class="error">{(t.left_out_because)(&(t.notice)(reason))}</span> }
                .into_any()
        }
        (None, Some(at)) if recipient.deferred => {
            view! { {t.moved_to} <Time at=at.clone()/> }.into_any()
        }
        (None, Some(at)) => view! { <Time at=at.clone()/> }.into_any(),
        (None, None) => t.at_once.into_any(),
    };
    view! {
        <li>
            <div class="preview-head">
                <span>{(t.line_and_number)(recipient.line, &recipient.number)}</span>
                <span class="muted">{(t.encoding_parts)(recipient.encoding, recipient.parts)}</span>
            </div>
            <p class="preview-text">{recipient.text.clone()}</p>
            <p class="muted">{fate}</p>
            {recipient
                .warnings
                .iter()
                .filter(|w| !shared.contains(w))
                .map(|w| view! { <p class="warning">{(t.notice)(w)}</p> })
                .collect_view()}
        </li>
    }
}
