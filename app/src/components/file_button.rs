use leptos::prelude::*;

use crate::i18n::{word, Texts};
use crate::picked_file::{read_picked_file, FileProblem, LargeFile, PickedFile};

/// A button that opens the file chooser for a CSV or text file and hands over its text, or why it
/// could not be read.
#[component]
pub fn FileButton(
    label: fn(&Texts) -> &'static str,
    on_read: Callback<Result<PickedFile, FileProblem>>,
    /// Takes the files too large to load into the page, when set.
    #[prop(optional)]
    on_large: Option<Callback<LargeFile>>,
) -> impl IntoView {
    view! {
        <label class="file-button">
            {word(label)}
            <input
                type="file"
                accept=".csv,.txt,text/csv,text/plain"
                on:change=move |ev| read_picked_file(ev, on_large, move |read| on_read.run(read))
            />
        </label>
    }
}
