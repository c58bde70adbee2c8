use leptos::prelude::*;

use crate::i18n::{use_i18n, word, Locale};

/// One button per language, each named in its own language; the current one is pressed.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="language-switch" role="group" aria-label=word(|t| t.language_label)>
            {Locale::ALL
                .into_iter()
                .map(|locale| view! {
                    <button
                        type="button"
                        class="secondary small"
                        lang=locale.tag()
                        aria-pressed=move || (i18n.locale() == locale).to_string()
                        on:click=move |_| i18n.set(locale)
                    >
                        {locale.own_name()}
                    </button>
                })
                .collect_view()}
        </div>
    }
}
