use leptos::html::Textarea;
use leptos::prelude::*;

use crate::domain::placeholders::PLACEHOLDERS;
use crate::i18n::word;

/// Buttons that insert a placeholder (`{first_name}`…) where the cursor is in the message.
#[component]
pub fn PlaceholderButtons(text: RwSignal<String>, editor: NodeRef<Textarea>) -> impl IntoView {
    let insert = move |name: &str| {
        let placeholder = format!("{{{name}}}");
        let cursor = editor.get_untracked().and_then(|area| {
            area.selection_start()
                .ok()
                .flatten()
                .zip(area.selection_end().ok().flatten())
        });
        let mut after = 0_u32;
        text.update(|text| {
            let (start, end) = match cursor {
                Some((start, end)) => (byte_index(text, start), byte_index(text, end)),
                None => (text.len(), text.len()),
            };
            text.replace_range(start..end, &placeholder);
            after = utf16_len(&text[..start + placeholder.len()]);
        });
        if let Some(area) = editor.get_untracked() {
            // The value is written by the binding first; then the cursor goes after the insert.
            area.set_value(&text.get_untracked());
            let _ = area.set_selection_range(after, after);
            let _ = area.focus();
        }
    };
    view! {
        <div class="placeholder-buttons" role="group" aria-label=word(|t| t.placeholder_group)>
            <span class="muted">{word(|t| t.insert)}</span>
            {PLACEHOLDERS
                .into_iter()
                .map(|name| view! {
                    <button type="button" class="secondary small" on:click=move |_| insert(name)>
                        {format!("{{{name}}}")}
                    </button>
                })
                .collect_view()}
        </div>
    }
}

/// The byte index of a UTF-16 offset (the browser's cursor positions), clamped to the text.
fn byte_index(text: &str, utf16_offset: u32) -> usize {
    let mut units = 0_u32;
    for (index, c) in text.char_indices() {
        if units >= utf16_offset {
            return index;
        }
        units += c.len_utf16() as u32;
    }
    text.len()
}

fn utf16_len(text: &str) -> u32 {
    text.chars().map(|c| c.len_utf16() as u32).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browser_cursor_offsets_count_utf16_units() {
        let text = "Hé 😀 x";
        assert_eq!(byte_index(text, 0), 0);
        assert_eq!(byte_index(text, 2), 3);
        // The emoji is two UTF-16 units and four bytes.
        assert_eq!(byte_index(text, 5), 8);
        assert_eq!(byte_index(text, 99), text.len());
        assert_eq!(utf16_len(text), 7);
    }
}
