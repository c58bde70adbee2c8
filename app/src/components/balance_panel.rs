use leptos::prelude::*;

use crate::api::providers::check_balance;
use crate::models::ProviderId;

/// The provider's remaining credit, read through the server.
#[component]
pub fn BalancePanel(#[prop(into)] provider: Signal<ProviderId>) -> impl IntoView {
    let balance = LocalResource::new(move || check_balance(provider.get()));
    view! {
        <section class="panel balance" aria-labelledby="balance-title">
            <h2 id="balance-title">"Balance"</h2>
            <Suspense fallback=|| view! { <p>"Reading the balance…"</p> }>
                {move || {
                    balance
                        .get()
                        .map(|result| match result {
                            Ok(balance) => {
                                view! {
                                    <p class="balance-amount" data-testid="balance">
                                        {format!("{}: {}", balance.provider, balance.amount_in_words())}
                                    </p>
                                }
                                    .into_any()
                            }
                            Err(error) => view! { <p class="error" role="alert">{error.to_string()}</p> }.into_any(),
                        })
                }}
            </Suspense>
            <button type="button" class="secondary" on:click=move |_| balance.refetch()>
                "Refresh"
            </button>
        </section>
    }
}
