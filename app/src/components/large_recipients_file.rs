//! A recipient file too large to load into the page: its columns mapped from its first bytes
//! when its header needs it, then sent as it is with its progress shown, and what the server read
//! in it. In a chunk of its own: only a large file brings it.

use leptos::prelude::*;

use super::recipients_file::column_mapping_view;
use crate::domain::column_mapping;
use crate::held::Held;
use crate::i18n::{upload_words, use_i18n, word};
use crate::models::{AppError, Problem, RecipientFileSummary};
use crate::picked_file::{decode, LargeFile};
use crate::recipient_upload::{upload_recipient_file, FileUpload, UploadProgress};

/// Errors of an uploaded list shown under it; the preview and the schedule step list them all.
const ERRORS_SHOWN: usize = 10;

/// `large`, mapped if need be and sent; once the server has read it, `file` names it (the list
/// was emptied when it was picked). `on_done`: the user is done with it (removed, or the mapping
/// cancelled). An answer that comes once this view is gone (another file, the form reset) is
/// not applied.
#[leptos::lazy]
pub(super) fn large_file_view(
    large: LargeFile,
    file: Held<String>,
    on_done: Callback<()>,
) -> AnyView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let name = large.name.clone();
    let sending = RwSignal::new(None::<UploadProgress>);
    let failed = RwSignal::new(None::<AppError>);
    let read = RwSignal::new(None::<RecipientFileSummary>);
    // A character cut at the head's end is replaced: only the header is read from it.
    let charset = large.charset;
    let head_text = move |head: &[u8]| decode(head, charset).unwrap_or_default();
    let (delimiter, cells) = column_mapping::header_cells(&head_text(&large.head));
    let header_end = column_mapping::header_end(&large.head);
    // Over the server's limit: said at once, before its columns are asked for.
    let over_limit = crate::client::max_file_bytes().filter(|max| large.bytes > *max as f64);
    let needs_mapping =
        over_limit.is_none() && header_end.is_some() && !column_mapping::usable_as_is(&cells);
    let targets = RwSignal::new(column_mapping::guess(&cells));
    let mapping = RwSignal::new(needs_mapping);
    let large = StoredValue::new_local(large);

    let send = move |upload: FileUpload| {
        failed.set(None);
        sending.set(Some(UploadProgress {
            sent: 0.0,
            total: upload.bytes,
        }));
        leptos::task::spawn_local(async move {
            // Still wanted while this view is there to show it.
            let progress = Callback::new(move |step| sending.try_set(Some(step)).is_none());
            let answer = upload_recipient_file(upload, progress).await;
            // Another file was picked since (this view is gone): its answer is not this one's.
            if sending.try_set(None).is_some() {
                return;
            }
            match answer {
                Ok(summary) => {
                    file.set(Some(summary.id.clone()));
                    read.set(Some(summary));
                }
                Err(error) => failed.set(Some(error)),
            }
        });
    };
    let send_as_mapped = move |()| {
        if targets
            .with_untracked(|t| column_mapping::problem(t))
            .is_some()
        {
            return;
        }
        let (Some(end), Some(upload)) = (header_end, large.with_value(as_is)) else {
            return;
        };
        let head = large.with_value(|large| head_text(&large.head[..end]));
        let header = targets.with_untracked(|t| column_mapping::apply(&head, delimiter, t));
        mapping.set(false);
        match with_header(upload, end, &header) {
            Some(upload) => send(upload),
            None => failed.set(Some(AppError::Transport(
                "the file could not be read".into(),
            ))),
        }
    };
    if let Some(max_bytes) = over_limit {
        failed.set(Some(AppError::file_too_large(max_bytes)));
    } else if !needs_mapping {
        if let Some(upload) = large.with_value(as_is) {
            send(upload);
        }
    }
    let remove = move |_| {
        file.set(None);
        on_done.run(());
    };

    view! {
        {move || mapping.get().then(|| {
            let on_apply = Callback::new(send_as_mapped);
            Suspend::new(column_mapping_view(name.clone(), cells.clone(), targets, on_apply, on_done))
        })}
        {move || sending.get().map(|step| view! {
            <div class="upload-progress" role="status" data-testid="upload-progress">
                // Whole percents: a float attribute would bring float formatting into the wasm.
                <progress max="100" value=step.percent()>{step.percent()}"%"</progress>
                <span>{large.with_value(|l| upload_words::file_sending(i18n.locale(), &l.name, step.sent, step.total))}</span>
                // Gone with this view: the sending stops at its next step.
                <button type="button" class="secondary" data-testid="upload-cancel" on:click=move |_| on_done.run(())>
                    {word(|t| t.cancel)}
                </button>
            </div>
        })}
        {move || failed.get().map(|error| view! {
            <p class="error" role="alert" data-testid="upload-failed">
                {large.with_value(|l| upload_words::file_not_sent(i18n.locale(), &l.name, &reason(t(), &error)))}
            </p>
            // Nothing was taken: the box comes back.
            <button type="button" class="secondary" on:click=move |_| on_done.run(())>
                {word(|t| t.remove_file)}
            </button>
        })}
        // Shown while the form names it ("new campaign" empties the form).
        {move || read.get().filter(|summary| file.get().as_ref() == Some(&summary.id)).map(|summary| view! {
            <div class="uploaded-list" data-testid="uploaded-list">
                <p>
                    {upload_words::file_read(
                        i18n.locale(),
                        &summary.name,
                        summary.recipients,
                        summary.duplicates.len() as u64 + summary.more_duplicates,
                        summary.wrong_lines(),
                    )}
                    " "{large.with_value(|l| (t().charset_note)(l.charset))}
                </p>
                <ul class="error-list">
                    {summary.errors.iter().take(ERRORS_SHOWN).map(|error| view! {
                        <li class="error">{t().field_error(error)}</li>
                    }).collect_view()}
                    {(summary.error_count() > ERRORS_SHOWN as u64).then(|| {
                        let more = summary.error_count() - ERRORS_SHOWN as u64;
                        let more = Problem::MoreLineErrors(usize::try_from(more).unwrap_or(usize::MAX));
                        view! { <li class="error">{(t().problem)(&more)}</li> }
                    })}
                </ul>
                <button type="button" class="secondary" on:click=remove>
                    {word(|t| t.remove_file)}
                </button>
            </div>
        })}
    }
    .into_any()
}

/// Why an upload was not taken, in the user's words: its list's errors, or the error.
fn reason(t: &crate::i18n::Texts, error: &AppError) -> String {
    match error {
        AppError::Invalid(errors) => errors
            .iter()
            .map(|e| t.field_error(e))
            .collect::<Vec<_>>()
            .join(" "),
        other => t.error(other),
    }
}

/// The file as it is.
fn as_is(large: &LargeFile) -> Option<FileUpload> {
    #[cfg(feature = "csr")]
    {
        Some(FileUpload {
            name: large.name.clone(),
            bytes: large.bytes,
            charset: large.charset,
            body: large.file.clone().into(),
        })
    }
    #[cfg(not(feature = "csr"))]
    {
        let _ = large;
        None
    }
}

/// `upload` with its first `header_end` bytes replaced by `header`.
fn with_header(upload: FileUpload, header_end: usize, header: &str) -> Option<FileUpload> {
    #[cfg(feature = "csr")]
    {
        let rest = upload.body.slice_with_f64(header_end as f64).ok()?;
        let parts = js_sys::Array::of2(&header.into(), &rest);
        let body = web_sys::Blob::new_with_blob_sequence(&parts).ok()?;
        Some(FileUpload {
            name: upload.name,
            bytes: body.size(),
            charset: upload.charset,
            body,
        })
    }
    #[cfg(not(feature = "csr"))]
    {
        let _ = (upload, header_end, header);
        None
    }
}
