use leptos::prelude::*;

use crate::components::FileButton;
use crate::domain::column_mapping::{self, ColumnTarget, LoadedList};
use crate::i18n::{use_i18n, word};
use crate::models::RecipientFileSummary;
use crate::picked_file::{FileProblem, LargeFile, PickedFile};
use crate::recipient_upload::{upload_recipient_file, FileUpload, UploadProgress};

/// What a file to map comes as: read into the page, or too large and sent as it is (the file
/// itself kept apart: a browser object stays on the page's thread).
#[derive(Debug, Clone, PartialEq)]
pub(super) enum MappedFile {
    Loaded(PickedFile),
    /// Where its header row ends.
    Large {
        header_end: usize,
    },
}

/// A file waiting for its columns to be mapped.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Mapping {
    name: String,
    file: MappedFile,
    delimiter: char,
    cells: Vec<String>,
}

/// Loads a CSV file into the recipient list. A file whose header already uses the list's names (or
/// has no header) goes in as it is; otherwise the user says what each column holds, starting from
/// a guess, and the header row is rewritten. A file too large to load into the page is sent to
/// the server as it is (`file` then names it), with its progress shown.
#[component]
pub fn RecipientsFile(
    recipients: RwSignal<String>,
    file: RwSignal<Option<RecipientFileSummary>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let mapping = RwSignal::new(None::<Mapping>);
    let targets = RwSignal::new(Vec::<ColumnTarget>::new());
    // What the last file did: what it loaded (file name, rows or lines), or why it was not read.
    let note = RwSignal::new(None::<Result<(String, LoadedList), FileProblem>>);
    // The file being sent, and how far it has gone.
    let sending = RwSignal::new(None::<(String, UploadProgress)>);
    // Each upload's number: the answer of one replaced since (another file, removed) is ignored.
    let uploads = StoredValue::new(0_u32);
    // A large file waiting for its columns to be mapped.
    let large_file = StoredValue::new_local(None::<LargeFile>);

    let send = move |upload: FileUpload| {
        let name = upload.name.clone();
        let started = {
            uploads.update_value(|n| *n += 1);
            uploads.get_value()
        };
        let current = move || uploads.get_value() == started;
        let first = UploadProgress {
            sent: 0.0,
            total: upload.bytes,
        };
        sending.set(Some((name.clone(), first)));
        note.set(None);
        mapping.set(None);
        leptos::task::spawn_local(async move {
            let shown = name.clone();
            let progress = Callback::new(move |step: UploadProgress| {
                if current() {
                    sending.set(Some((shown.clone(), step)));
                }
            });
            let answer = upload_recipient_file(upload, progress).await;
            if !current() {
                return;
            }
            sending.set(None);
            match answer {
                Ok(summary) => {
                    // The file replaces the list, as a smaller file loaded below does.
                    recipients.set(String::new());
                    file.set(Some(summary));
                }
                Err(error) => note.set(Some(Err(FileProblem::NotSent { name, error }))),
            }
        });
    };
    // Picking again, or removing the file, forgets an upload under way.
    let forget_upload = move || {
        uploads.update_value(|n| *n += 1);
        sending.set(None);
    };

    let load = move |picked: PickedFile| {
        forget_upload();
        let (delimiter, cells) = column_mapping::header_cells(&picked.text);
        if column_mapping::usable_as_is(&cells) {
            note.set(Some(Ok((
                picked.name.clone(),
                column_mapping::loaded(&picked.text),
            ))));
            file.set(None);
            recipients.set(picked.text);
            mapping.set(None);
        } else {
            targets.set(column_mapping::guess(&cells));
            note.set(None);
            mapping.set(Some(Mapping {
                name: picked.name.clone(),
                file: MappedFile::Loaded(picked),
                delimiter,
                cells,
            }));
        }
    };
    let load_large = move |large: LargeFile| {
        forget_upload();
        let (delimiter, cells) =
            column_mapping::header_cells(&column_mapping::head_text(&large.head));
        match column_mapping::header_end(&large.head) {
            Some(header_end) if !column_mapping::usable_as_is(&cells) => {
                targets.set(column_mapping::guess(&cells));
                note.set(None);
                mapping.set(Some(Mapping {
                    name: large.name.clone(),
                    file: MappedFile::Large { header_end },
                    delimiter,
                    cells,
                }));
                large_file.set_value(Some(large));
            }
            // As it is; a header the server cannot read is said on its line.
            Some(_) | None => send(FileUpload {
                name: large.name,
                bytes: large.bytes,
                #[cfg(feature = "csr")]
                body: large.file.into(),
            }),
        }
    };
    let problem = move || targets.with(|t| column_mapping::problem(t));
    let apply = move |()| {
        if problem().is_some() {
            return;
        }
        let Some(Mapping {
            file: mapped,
            delimiter,
            name,
            ..
        }) = mapping.get_untracked()
        else {
            return;
        };
        match mapped {
            MappedFile::Loaded(picked) => {
                let text =
                    targets.with_untracked(|t| column_mapping::apply(&picked.text, delimiter, t));
                note.set(Some(Ok((name, column_mapping::loaded(&text)))));
                file.set(None);
                recipients.set(text);
                mapping.set(None);
            }
            MappedFile::Large { header_end } => {
                let Some(large) = large_file.with_value(Clone::clone) else {
                    return;
                };
                let head = column_mapping::head_text(&large.head[..header_end]);
                let header = targets.with_untracked(|t| column_mapping::apply(&head, delimiter, t));
                match with_header(large, header_end, &header) {
                    Some(upload) => send(upload),
                    None => note.set(Some(Err(FileProblem::Unreadable { name }))),
                }
            }
        }
    };
    let remove = move |_| {
        forget_upload();
        file.set(None);
        note.set(None);
    };

    view! {
        <div class="recipients-file">
            <FileButton
                label=|t| t.upload_csv
                on_read=Callback::new(move |read: Result<PickedFile, FileProblem>| match read {
                    Ok(picked) => load(picked),
                    Err(problem) => note.set(Some(Err(problem))),
                })
                on_large=Callback::new(load_large)
            />
            <span data-testid="recipients-file-note" aria-live="polite">
                {move || match note.get() {
                    Some(Ok((name, loaded))) => {
                        view! { <span class="muted">{(t().list_loaded)(&name, loaded)}</span> }.into_any()
                    }
                    Some(Err(problem)) => {
                        view! { <span class="error">{t().file_problem(&problem)}</span> }.into_any()
                    }
                    None => ().into_any(),
                }}
            </span>
        </div>
        {move || sending.get().map(|(name, step)| view! {
            <div class="upload-progress" role="status" data-testid="upload-progress">
                // Whole percents: a float attribute would bring float formatting into the wasm.
                <progress max="100" value=step.percent()>{step.percent()}"%"</progress>
                <span>{(t().file_sending)(&name, step.sent, step.total)}</span>
            </div>
        })}
        {move || file.get().map(|summary| view! {
            <div class="uploaded-list" data-testid="uploaded-list">
                <p>
                    {(t().file_read)(
                        &summary.name,
                        summary.recipients,
                        summary.duplicates.len() as u64 + summary.more_duplicates,
                        summary.error_count(),
                    )}
                </p>
                <ul class="error-list">
                    {summary.errors.iter().take(ERRORS_SHOWN).map(|error| view! {
                        <li class="error">{t().field_error(error)}</li>
                    }).collect_view()}
                    {(summary.error_count() > ERRORS_SHOWN as u64).then(|| {
                        let more = summary.error_count() - ERRORS_SHOWN as u64;
                        let more = crate::models::Problem::MoreLineErrors(more as usize);
                        view! { <li class="error">{(t().problem)(&more)}</li> }
                    })}
                </ul>
                <button type="button" class="secondary" on:click=remove>
                    {word(|t| t.remove_file)}
                </button>
            </div>
        })}
        // The mapping form comes in a chunk of its own (fetched once the first page is drawn).
        {move || mapping.get().map(|m| {
            let on_apply = Callback::new(apply);
            let on_cancel = Callback::new(move |()| mapping.set(None));
            Suspend::new(column_mapping_view(m, targets, on_apply, on_cancel))
        })}
    }
}

/// Errors of an uploaded list shown under it; the preview and the schedule step list them all.
const ERRORS_SHOWN: usize = 10;

/// The large file with its first `header_end` bytes replaced by `header`.
fn with_header(large: LargeFile, header_end: usize, header: &str) -> Option<FileUpload> {
    #[cfg(feature = "csr")]
    {
        let rest = large.file.slice_with_f64(header_end as f64).ok()?;
        let parts = js_sys::Array::of2(&header.into(), &rest);
        let body = web_sys::Blob::new_with_blob_sequence(&parts).ok()?;
        Some(FileUpload {
            name: large.name,
            bytes: body.size(),
            body,
        })
    }
    #[cfg(not(feature = "csr"))]
    {
        let _ = (large, header_end, header);
        None
    }
}

/// What each column of `mapping`'s file holds, as the user says it (`targets`, a guess at first).
#[leptos::lazy]
pub(super) fn column_mapping_view(
    mapping: Mapping,
    targets: RwSignal<Vec<ColumnTarget>>,
    on_apply: Callback<()>,
    on_cancel: Callback<()>,
) -> AnyView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let problem = move || targets.with(|t| column_mapping::problem(t));
    view! {
        <fieldset class="column-mapping" data-testid="column-mapping">
            <legend>
                {
                    let name = mapping.name.clone();
                    move || (t().mapping_legend)(&name)
                }
            </legend>
            {mapping.cells.iter().enumerate().map(|(index, cell)| {
                let id = format!("column-{index}");
                let cell = cell.clone();
                view! {
                    <div class="mapping-row">
                        <label for=id.clone()>{move || (t().column_named)(&cell)}</label>
                        <select
                            id=id
                            on:change=move |ev| {
                                let chosen = ColumnTarget::parse(&event_target_value(&ev))
                                    .unwrap_or(ColumnTarget::Ignored);
                                targets.update(|t| t[index] = chosen);
                            }
                        >
                            {ColumnTarget::all().into_iter().map(|target| view! {
                                <option
                                    value=target.header_name()
                                    selected=move || targets.with(|t| t.get(index) == Some(&target))
                                >
                                    {move || (t().column_target)(target)}
                                </option>
                            }).collect_view()}
                        </select>
                    </div>
                }
            }).collect_view()}
            <p class="error" role="alert">
                {move || problem().map(|p| t().mapping_problem(p))}
            </p>
            <div class="button-row">
                <button type="button" class="primary" on:click=move |_| on_apply.run(())>
                    {word(|t| t.use_columns)}
                </button>
                <button type="button" class="secondary" on:click=move |_| on_cancel.run(())>
                    {word(|t| t.cancel)}
                </button>
            </div>
        </fieldset>
    }
    .into_any()
}
