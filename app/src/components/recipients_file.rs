use leptos::prelude::*;

use super::large_recipients_file::large_file_view;
use crate::components::FileButton;
use crate::domain::column_mapping::{self, ColumnTarget, LoadedList};
use crate::domain::file_charset::FileCharset;
use crate::held::Held;
use crate::i18n::{use_i18n, word};
use crate::picked_file::{FileProblem, LargeFile, PickedFile};

/// What a picked list is: in the list's own format already, or columns to map (with a guess).
enum Examined {
    AsIs(LoadedList),
    ToMap {
        delimiter: char,
        cells: Vec<String>,
        guess: Vec<ColumnTarget>,
    },
}

/// Reads a picked list's header, in a chunk of its own (a file is picked after the first screen).
#[leptos::lazy]
fn examine(text: String) -> Examined {
    let (delimiter, cells) = column_mapping::header_cells(&text);
    if column_mapping::usable_as_is(&cells) {
        Examined::AsIs(column_mapping::loaded(&text))
    } else {
        Examined::ToMap {
            delimiter,
            guess: column_mapping::guess(&cells),
            cells,
        }
    }
}

/// The list rewritten with the user's mapping, and what it holds; `None` while the mapping cannot
/// be used (the form says why).
#[leptos::lazy]
fn mapped(
    text: String,
    delimiter: char,
    targets: Vec<ColumnTarget>,
) -> Option<(String, LoadedList)> {
    if column_mapping::problem(&targets).is_some() {
        return None;
    }
    let text = column_mapping::apply(&text, delimiter, &targets);
    let loaded = column_mapping::loaded(&text);
    Some((text, loaded))
}

/// Fetches the chunks that read a picked list, ahead of a pick.
#[cfg(feature = "csr")]
pub async fn preload_examining() {
    __preload_examine().await;
    __preload_mapped().await;
}

/// A file waiting for its columns to be mapped.
#[derive(Debug, Clone, PartialEq)]
struct Mapping {
    file: PickedFile,
    delimiter: char,
    cells: Vec<String>,
}

/// A file too large to load into the page, being sent or sent, with the form's resets when it was
/// picked: once the form is reset it is no longer shown, and its view, gone, applies no answer.
pub type LargePick = RwSignal<Option<(LargeFile, u64)>, LocalStorage>;

/// Whether `large` holds a file picked since the form's last reset (it then stands in for the box).
pub fn large_file_shown(large: LargePick, resets: ReadSignal<u64>) -> bool {
    large.with(|picked| picked.as_ref().is_some_and(|(_, at)| *at == resets.get()))
}

/// Loads a CSV file into the recipient list. A file whose header already uses the list's names (or
/// has no header) goes in as it is; otherwise the user says what each column holds, starting from
/// a guess, and the header row is rewritten. A file too large to load into the page is sent to
/// the server as it is (`large_file_view`, in a chunk of its own); `file` then names it.
#[component]
pub fn RecipientsFile(
    recipients: RwSignal<String>,
    file: Held<String>,
    /// A large file picked (see `LargePick`).
    large: LargePick,
    /// Counts the form's resets ("new campaign", a form filled again): an upload under way is
    /// then forgotten.
    resets: ReadSignal<u64>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let mapping = Held::<Mapping>::new();
    let targets = RwSignal::new(Vec::<ColumnTarget>::new());
    // What the last file did: what it loaded (file name, rows or lines, what it was read as), or
    // why it was not read.
    let note = Held::<Result<(String, LoadedList, FileCharset), FileProblem>>::new();
    let load = move |picked: PickedFile| {
        large.set(None);
        file.set(None);
        leptos::task::spawn_local(async move {
            match examine(picked.text.clone()).await {
                Examined::AsIs(loaded) => {
                    note.set(Some(Ok((picked.name.clone(), loaded, picked.charset))));
                    recipients.set(picked.text);
                    file.set(None);
                    mapping.set(None);
                }
                Examined::ToMap {
                    delimiter,
                    cells,
                    guess,
                } => {
                    targets.set(guess);
                    note.set(None);
                    mapping.set(Some(Mapping {
                        file: picked,
                        delimiter,
                        cells,
                    }));
                }
            }
        });
    };
    let apply = move |()| {
        let Some(Mapping {
            file: picked,
            delimiter,
            ..
        }) = mapping.get_untracked()
        else {
            return;
        };
        let chosen = targets.get_untracked();
        leptos::task::spawn_local(async move {
            let Some((text, loaded)) = mapped(picked.text, delimiter, chosen).await else {
                return;
            };
            note.set(Some(Ok((picked.name.clone(), loaded, picked.charset))));
            recipients.set(text);
            file.set(None);
            mapping.set(None);
        });
    };

    view! {
        <div class="recipients-file">
            <FileButton
                label=|t| t.upload_csv
                on_read=Callback::new(move |read: Result<PickedFile, FileProblem>| match read {
                    Ok(file) => load(file),
                    Err(problem) => note.set(Some(Err(problem))),
                })
                on_large=Callback::new(move |picked: LargeFile| {
                    // The file replaces the list, typed or uploaded, as a smaller file does.
                    note.set(None);
                    mapping.set(None);
                    file.set(None);
                    recipients.set(String::new());
                    large.set(Some((picked, resets.get_untracked())));
                })
            />
            <span data-testid="recipients-file-note" aria-live="polite">
                {move || match note.get() {
                    Some(Ok((name, loaded, charset))) => {
                        let read_as = (t().charset_note)(charset);
                        view! { <span class="muted">{(t().list_loaded)(&name, loaded)}" "{read_as}</span> }.into_any()
                    }
                    Some(Err(problem)) => {
                        view! { <span class="error">{t().file_problem(&problem)}</span> }.into_any()
                    }
                    None => ().into_any(),
                }}
            </span>
        </div>
        // The mapping form comes in a chunk of its own (fetched once the first page is drawn).
        {move || mapping.get().map(|m| {
            let on_apply = Callback::new(apply);
            let on_cancel = Callback::new(move |()| mapping.set(None));
            Suspend::new(column_mapping_view(m.file.name, m.cells, targets, on_apply, on_cancel))
        })}
        {move || large_file_shown(large, resets).then(|| large.get_untracked()).flatten().map(|(picked, _)| {
            let on_done = Callback::new(move |()| large.set(None));
            Suspend::new(large_file_view(picked, file, on_done))
        })}
    }
}

/// What each column (`cells`, the header's) of file `name` holds, as the user says it
/// (`targets`, a guess at first).
#[leptos::lazy]
pub(super) fn column_mapping_view(
    name: String,
    cells: Vec<String>,
    targets: RwSignal<Vec<ColumnTarget>>,
    on_apply: Callback<()>,
    on_cancel: Callback<()>,
) -> AnyView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let problem = move || targets.with(|t| column_mapping::problem(t));
    view! {
        <fieldset class="column-mapping" data-testid="column-mapping">
            <legend>{move || (t().mapping_legend)(&name)}</legend>
            {cells.iter().enumerate().map(|(index, cell)| {
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
