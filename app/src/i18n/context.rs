//! The language the pages speak: the user's stored choice, else the browser's first language the
//! app speaks; kept in the browser when the user switches.

use leptos::prelude::*;

use super::{Locale, Texts};

/// Where the browser keeps the user's choice (per origin, so it holds inside a portal's iframe).
#[cfg(feature = "csr")]
const STORAGE_KEY: &str = "sms-scheduler.locale";

/// The current language, shared by every view through the context.
#[derive(Debug, Clone, Copy)]
pub struct I18n {
    locale: RwSignal<Locale>,
}

impl I18n {
    /// The current language (a tracked read).
    pub fn locale(self) -> Locale {
        self.locale.get()
    }

    /// The current language's texts (a tracked read: a view that reads them follows a switch).
    pub fn t(self) -> &'static Texts {
        self.locale.get().texts()
    }

    /// Switches every page to `locale` and remembers the choice.
    pub fn set(self, locale: Locale) {
        self.locale.set(locale);
        remember(locale);
    }
}

/// Makes the language available to every view and keeps `<html lang>` in step with it.
pub fn provide_i18n() -> I18n {
    let i18n = I18n {
        locale: RwSignal::new(initial_locale()),
    };
    provide_context(i18n);
    Effect::new(move |_| set_document_language(i18n.locale()));
    i18n
}

/// The language provided by the app; English outside it.
pub fn use_i18n() -> I18n {
    use_context().unwrap_or_else(|| I18n {
        locale: RwSignal::new(Locale::default()),
    })
}

/// One word of the current language, drawn again on a switch. Every word shares this one
/// closure type, so the wasm holds one copy of the code that keeps a word up to date rather than
/// one per word.
pub fn word(pick: fn(&Texts) -> &'static str) -> impl Fn() -> &'static str + Copy + Send + Sync {
    let i18n = use_i18n();
    move || pick(i18n.t())
}

fn initial_locale() -> Locale {
    #[cfg(feature = "csr")]
    {
        let window = web_sys::window();
        let stored = window
            .as_ref()
            .and_then(|w| w.local_storage().ok().flatten())
            .and_then(|storage| storage.get_item(STORAGE_KEY).ok().flatten())
            .and_then(|tag| Locale::from_tag(&tag));
        stored.unwrap_or_else(|| {
            let languages: Vec<String> = window
                .map(|w| {
                    w.navigator()
                        .languages()
                        .iter()
                        .filter_map(|tag| tag.as_string())
                        .collect()
                })
                .unwrap_or_default();
            Locale::negotiate(languages.iter().map(String::as_str))
        })
    }
    #[cfg(not(feature = "csr"))]
    Locale::default()
}

fn remember(locale: Locale) {
    #[cfg(feature = "csr")]
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        // A browser that refuses storage (private mode, quota) only forgets the choice.
        let _ = storage.set_item(STORAGE_KEY, locale.tag());
    }
    #[cfg(not(feature = "csr"))]
    let _ = locale;
}

fn set_document_language(locale: Locale) {
    #[cfg(feature = "csr")]
    if let Some(html) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = html.set_attribute("lang", locale.tag());
    }
    #[cfg(not(feature = "csr"))]
    let _ = locale;
}
