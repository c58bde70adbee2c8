//! What the page shows when the app stops. A panic ends the wasm app (`panic = "abort"`): most
//! often a part loaded on demand that the server no longer has, because a new version was
//! installed since the page was opened. Rather than leave a page that silently ignores every
//! click, it says so, in the page's language, with a link that reloads it.

/// Call from the panic hook: plain DOM, nothing of the app's reactive system, never panics.
pub fn show_reload_notice() {
    #[cfg(feature = "csr")]
    {
        let _ = try_show();
    }
}

#[cfg(feature = "csr")]
fn try_show() -> Option<()> {
    use crate::i18n::Locale;

    let document = web_sys::window()?.document()?;
    let body = document.body()?;
    if document.get_element_by_id(NOTICE_ID).is_some() {
        return Some(());
    }
    let language = document.document_element()?.get_attribute("lang");
    let texts = language
        .as_deref()
        .and_then(Locale::from_tag)
        .unwrap_or_default()
        .texts();
    let notice = document.create_element("div").ok()?;
    notice.set_id(NOTICE_ID);
    notice.set_class_name("stopped");
    notice.set_attribute("role", "alert").ok()?;
    let words = document.create_element("p").ok()?;
    words.set_text_content(Some(texts.stopped));
    // A link to the page itself, that the browser follows on its own: `rel="external"` keeps the
    // router (which may still catch clicks) out of it.
    let reload = document.create_element("a").ok()?;
    reload.set_attribute("href", &document.url().ok()?).ok()?;
    reload.set_attribute("rel", "external").ok()?;
    reload.set_text_content(Some(texts.reload));
    notice.append_child(&words).ok()?;
    notice.append_child(&reload).ok()?;
    body.prepend_with_node_1(&notice).ok()?;
    Some(())
}

#[cfg(feature = "csr")]
const NOTICE_ID: &str = "app-stopped";
