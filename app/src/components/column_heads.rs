use leptos::prelude::*;

use crate::i18n::{use_i18n, Texts};

/// A table's header row, one column heading per name, in the current language.
#[component]
pub fn ColumnHeads(columns: fn(&Texts) -> &'static [&'static str]) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <thead>
            <tr>
                {move || {
                    columns(i18n.t())
                        .iter()
                        .map(|name| view! { <th scope="col">{*name}</th> })
                        .collect_view()
                }}
            </tr>
        </thead>
    }
}
