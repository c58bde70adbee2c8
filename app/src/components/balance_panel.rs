use leptos::prelude::*;

use crate::fetched::Fetched;
use crate::i18n::{use_i18n, word};
use crate::models::{AppError, Balance};

/// The provider's remaining credit, read through the server by the page (which compares it with
/// the estimate).
#[component]
pub fn BalancePanel(balance: Fetched<Result<Balance, AppError>>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    view! {
        <section class="panel balance" aria-labelledby="balance-title">
            <h2 id="balance-title">{word(|t| t.balance)}</h2>
            // A closure rather than `<Suspense>`: the same on screen, kilobytes less of wasm.
            {move || match balance.get() {
                None => view! { <p>{word(|t| t.reading_balance)}</p> }.into_any(),
                Some(Ok(balance)) => view! {
                    <p class="balance-amount" data-testid="balance">
                        {move || {
                            let t = t();
                            format!("{}{}{}", balance.provider, t.label_colon, t.money(balance.amount, Some(&balance.unit)))
                        }}
                    </p>
                }
                .into_any(),
                Some(Err(error)) => view! { <p class="error" role="alert">{t().error(&error)}</p> }.into_any(),
            }}
            <button type="button" class="secondary" on:click=move |_| balance.refetch()>
                {word(|t| t.refresh)}
            </button>
        </section>
    }
}
