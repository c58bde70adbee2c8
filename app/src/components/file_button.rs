use leptos::prelude::*;

use crate::i18n::{word, Texts};
use crate::picked_file::{read_picked_file, FileProblem, PickedFile};

/// A button that opens the file chooser for a CSV or text file and hands over its text, or why it
/// could not be read.
#[component]
pub fn FileButton(
    label: fn(&Texts) -> &'static str,
    on_read: Callback<Result<PickedFile, FileProblem>>,
) -> impl IntoView {
    view! {
        <label class="file-button">
            {word(label)}
            <input
                type="file"
                accept=".csv,.txt,text/csv,text/plain"
                on:change=move |ev| read_picked_file(ev, move |read| on_read.run(read))
            />
        </label>
    }
}
