use leptos::prelude::*;

use crate::access::Access;
use crate::held::Held;
use crate::i18n::use_i18n;
use crate::models::AppError;

/// The errors that are not about one field, and a pointer to those that are.
#[component]
pub fn FormSummary(error: Held<AppError>) -> impl IntoView {
    let i18n = use_i18n();
    let access = Access::from_context();
    Effect::new(move |_| access.heed(error.get().as_ref()));
    move || {
        error.get().map(|error| {
            let class = if matches!(error, AppError::Invalid(_)) {
                "form-summary invalid"
            } else {
                "form-summary failed"
            };
            view! {
                <div class=class role="alert" data-testid="form-error">
                    {i18n.t().error(&error)}
                </div>
            }
        })
    }
}
