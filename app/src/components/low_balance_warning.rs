use leptos::prelude::*;
use leptos_router::components::A;

use crate::api::providers::low_balances;
use crate::client::href;
use crate::fetched::Fetched;
use crate::i18n::use_i18n;

/// Counts the campaigns scheduled from this page, so that views of the balance read it again.
#[derive(Clone, Copy)]
pub struct CreditSpent(pub RwSignal<u64>);

impl CreditSpent {
    pub fn provide() {
        provide_context(CreditSpent(RwSignal::new(0)));
    }

    /// The app's counter, when provided.
    pub fn from_context() -> Option<Self> {
        use_context::<CreditSpent>()
    }

    /// A campaign was just handed over: balances are worth reading again.
    pub fn record(self) {
        self.0.update(|n| *n += 1);
    }
}

/// In the navigation, one line per provider whose balance would not pay for its last campaign
/// again, linking to the settings page (where the balance is shown in detail). Read when the app
/// opens and after each campaign it schedules.
#[component]
pub fn LowBalanceWarning() -> impl IntoView {
    let i18n = use_i18n();
    let spent = CreditSpent::from_context().map(|CreditSpent(spent)| spent);
    let low = Fetched::new(move || {
        if let Some(spent) = spent {
            spent.track();
        }
        low_balances()
    });
    move || {
        let t = i18n.t();
        low.get()
            .and_then(Result::ok)
            .unwrap_or_default()
            .into_iter()
            .map(|low| {
                let balance = t.money(low.balance.amount, Some(&low.balance.unit));
                let cost = t.money(low.cost.units(), Some(&low.balance.unit));
                view! {
                    <A href=href("/settings") attr:class="low-balance" attr:data-testid="low-balance">
                        {(t.low_balance)(&low.balance.provider.to_string(), &balance, low.recipients, &cost)}
                    </A>
                }
            })
            .collect_view()
    }
}
