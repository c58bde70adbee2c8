use leptos::prelude::*;

use crate::components::FileButton;
use crate::domain::column_mapping::{self, ColumnTarget};
use crate::picked_file::PickedFile;

/// A file waiting for its columns to be mapped.
#[derive(Debug, Clone, PartialEq)]
struct Mapping {
    file: PickedFile,
    delimiter: char,
    cells: Vec<String>,
}

/// Loads a CSV file into the recipient list. A file whose header already uses the list's names (or
/// has no header) goes in as it is; otherwise the user says what each column holds, starting from
/// a guess, and the header row is rewritten.
#[component]
pub fn RecipientsFile(recipients: RwSignal<String>) -> impl IntoView {
    let mapping = RwSignal::new(None::<Mapping>);
    let targets = RwSignal::new(Vec::<ColumnTarget>::new());
    let note = RwSignal::new(None::<Result<String, String>>);

    let load = move |file: PickedFile| {
        let (delimiter, cells) = column_mapping::header_cells(&file.text);
        if column_mapping::usable_as_is(&cells) {
            note.set(Some(Ok(loaded(&file.name, &file.text))));
            recipients.set(file.text);
            mapping.set(None);
        } else {
            targets.set(column_mapping::guess(&cells));
            note.set(None);
            mapping.set(Some(Mapping {
                file,
                delimiter,
                cells,
            }));
        }
    };
    let problem = move || targets.with(|t| column_mapping::problem(t));
    let apply = move |_| {
        if problem().is_some() {
            return;
        }
        if let Some(Mapping {
            file, delimiter, ..
        }) = mapping.get_untracked()
        {
            let text = targets.with_untracked(|t| column_mapping::apply(&file.text, delimiter, t));
            note.set(Some(Ok(loaded(&file.name, &text))));
            recipients.set(text);
            mapping.set(None);
        }
    };

    view! {
        <div class="recipients-file">
            <FileButton
                label="Upload a CSV file"
                on_read=Callback::new(move |read: Result<PickedFile, String>| match read {
                    Ok(file) => load(file),
                    Err(problem) => note.set(Some(Err(problem))),
                })
            />
            <span data-testid="recipients-file-note" aria-live="polite">
                {move || match note.get() {
                    Some(Ok(text)) => view! { <span class="muted">{text}</span> }.into_any(),
                    Some(Err(problem)) => view! { <span class="error">{problem}</span> }.into_any(),
                    None => ().into_any(),
                }}
            </span>
        </div>
        {move || mapping.get().map(|m| view! {
            <fieldset class="column-mapping" data-testid="column-mapping">
                <legend>{format!("What does each column of {} hold?", m.file.name)}</legend>
                {m.cells.iter().enumerate().map(|(index, cell)| {
                    let id = format!("column-{index}");
                    view! {
                        <div class="mapping-row">
                            <label for=id.clone()>{format!("Column \u{201c}{cell}\u{201d}")}</label>
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
                                        {target.label()}
                                    </option>
                                }).collect_view()}
                            </select>
                        </div>
                    }
                }).collect_view()}
                <p class="error" role="alert">{problem}</p>
                <div class="button-row">
                    <button type="button" class="primary" on:click=apply>"Use these columns"</button>
                    <button type="button" class="secondary" on:click=move |_| mapping.set(None)>
                        "Cancel"
                    </button>
                </div>
            </fieldset>
        })}
    }
}

/// `list.csv: 1,204 lines loaded.` (the header counted as a line, as in error messages).
fn loaded(name: &str, text: &str) -> String {
    let lines = text.lines().filter(|l| !l.trim().is_empty()).count();
    format!("{name}: {lines} lines loaded below.")
}
