use leptos::prelude::*;

/// A table's header row, one column heading per name.
#[component]
pub fn ColumnHeads(columns: &'static [&'static str]) -> impl IntoView {
    view! {
        <thead>
            <tr>
                {columns.iter().map(|name| view! { <th scope="col">{*name}</th> }).collect_view()}
            </tr>
        </thead>
    }
}
