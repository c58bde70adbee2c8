//! The composer's two large fields: the message, with its placeholders, counter and opt-out hint;
//! the recipients, typed in or loaded from a file.

use leptos::html::Textarea;
use leptos::prelude::*;

use crate::components::{
    large_file_shown, FieldErrors, MessageCounter, PlaceholderButtons, PromotionHint,
    ProvidersAnswer, RecipientsFile, StopMentionHint,
};
use crate::domain::Purpose;
use crate::held::Held;
use crate::i18n::word;
use crate::models::{Field, ProviderId};

/// `aria-invalid` while the field has errors.
fn invalid(errors: Signal<Vec<String>>) -> impl Fn() -> Option<&'static str> {
    move || (!errors.with(Vec::is_empty)).then_some("true")
}

#[component]
pub fn MessageField(
    text: RwSignal<String>,
    /// Where placeholders are inserted, and what "new campaign" focuses.
    editor: NodeRef<Textarea>,
    provider: ReadSignal<ProviderId>,
    purpose: ReadSignal<Purpose>,
    providers: ProvidersAnswer,
    #[prop(into)] errors: Signal<Vec<String>>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for="text">{word(|t| t.message)}</label>
            <textarea
                id="text"
                rows="5"
                node_ref=editor
                bind:value=text
                aria-invalid=invalid(errors)
                aria-describedby="text-counter text-encoding-warning stop-mention-hint purpose-hint text-errors"
            ></textarea>
            <PlaceholderButtons text editor/>
            <MessageCounter text=text.read_only()/>
            <StopMentionHint provider purpose providers/>
            <PromotionHint purpose text=text.read_only()/>
            <FieldErrors field=Field::Text messages=errors/>
        </div>
    }
}

#[component]
pub fn RecipientsField(
    recipients: RwSignal<String>,
    /// An uploaded list: it stands in for the box (`RecipientsFile` shows it).
    file: Held<String>,
    /// Counts the form's resets (see `ComposerForm::resets`).
    resets: ReadSignal<u64>,
    #[prop(into)] errors: Signal<Vec<String>>,
) -> impl IntoView {
    let large = RwSignal::new_local(None);
    view! {
        <div class="field">
            <label for="recipients">{word(|t| t.recipients_label)}</label>
            <textarea
                id="recipients"
                rows="5"
                placeholder="+33612345678"
                bind:value=recipients
                // A large file stands in for it from its pick on: nothing typed meanwhile.
                hidden=move || file.is_some() || large_file_shown(large, resets)
                aria-invalid=invalid(errors)
                aria-describedby="recipients-errors"
            ></textarea>
            <RecipientsFile recipients file large resets/>
            <FieldErrors field=Field::Recipients messages=errors/>
        </div>
    }
}
