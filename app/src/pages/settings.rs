use leptos::prelude::*;
use std::collections::HashMap;

use crate::api::providers::{check_balance, check_balance_details, refresh_balance};
use crate::api::settings::read_settings;
use crate::components::{ColumnHeads, PageTitle, SandboxPanel, TableScroll};
use crate::domain::CampaignType;
use crate::i18n::{settings_words, use_i18n, Locale, Texts};
use crate::models::{
    AppError, Balance, ProductCredit, ProviderId, ProviderInfo, ServerSettings, Support,
};

type BalanceResource = LocalResource<Result<Balance, AppError>>;
type DetailsResource = LocalResource<Result<Vec<ProductCredit>, AppError>>;

/// Each provider's balance and what it buys of each product, asked once for the page and kept
/// while the page is drawn again (a switch of language): a provider is asked on opening and on
/// refresh only.
#[derive(Clone, Copy)]
struct Balances {
    owner: StoredValue<Owner>,
    resources: StoredValue<HashMap<ProviderId, (BalanceResource, DetailsResource)>>,
}

impl Balances {
    fn new() -> Self {
        Self {
            owner: StoredValue::new(Owner::current().expect("a page is drawn under an owner")),
            resources: StoredValue::new(HashMap::new()),
        }
    }

    /// The provider's balance, and what it buys in `country`.
    fn of(self, provider: ProviderId, country: &str) -> (BalanceResource, DetailsResource) {
        if let Some(resources) = self.resources.with_value(|r| r.get(&provider).copied()) {
            return resources;
        }
        let country = country.to_owned();
        // Owned by the page, not by the closure that draws it, so a redraw keeps them.
        let resources = self.owner.with_value(|owner| {
            owner.with(|| {
                (
                    LocalResource::new(move || check_balance(provider)),
                    LocalResource::new(move || check_balance_details(provider, country.clone())),
                )
            })
        });
        self.resources.update_value(|r| {
            r.insert(provider, resources);
        });
        resources
    }
}

/// What this server runs with (read-only): providers with their balance, sending rules, embedding;
/// and, with the sandboxes, their clock.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let i18n = use_i18n();
    let settings = LocalResource::new(read_settings);
    let balances = Balances::new();
    // Nothing here can be edited: a switch of language draws the page again.
    view! {
        <PageTitle name=|t| t.nav_settings/>
        {move || {
            let t = i18n.t();
            match settings.get() {
                None => view! { <p class="muted">{t.loading}</p> }.into_any(),
                Some(Err(error)) => view! { <p class="error" role="alert">{t.error(&error)}</p> }.into_any(),
                Some(Ok(settings)) => view! {
                    <div class="settings-layout">
                        {providers(t, &settings, balances)}
                        {sending_rules(t, &settings)}
                        {approval(t, i18n.locale(), &settings)}
                        {embedding(t, &settings)}
                        <SandboxPanel/>
                    </div>
                }.into_any(),
            }
        }}
    }
}

fn providers(t: &'static Texts, settings: &ServerSettings, balances: Balances) -> impl IntoView {
    view! {
        <section class="panel" aria-labelledby="providers-title">
            <h2 id="providers-title">{t.providers}</h2>
            {settings
                .providers
                .iter()
                .cloned()
                .map(|info| {
                    let resources = balances.of(info.id, &settings.default_region);
                    provider(t, info, resources)
                })
                .collect_view()}
        </section>
    }
}

fn provider(
    t: &'static Texts,
    info: ProviderInfo,
    (balance, details): (BalanceResource, DetailsResource),
) -> impl IntoView {
    let id = info.id;
    let kind = if info.sandbox {
        t.sandbox
    } else {
        t.real_service
    };
    let capabilities = &info.capabilities;
    let days_ahead = capabilities
        .max_days_ahead
        .map_or(t.no_limit.to_owned(), t.days);
    view! {
        <article class="provider" data-testid=format!("provider-{}", id.as_str())>
            <h3>{id.to_string()} <span class="badge">{kind}</span></h3>
            <dl class="facts">
                <dt>{t.balance}</dt>
                <dd>{balance_view(t, id, balance, details)}</dd>
                {credit_by_product(t, id, details)}
                <dt>{t.cancel}</dt><dd>{support(t, &capabilities.cancel)}</dd>
                <dt>{t.reschedule}</dt><dd>{support(t, &capabilities.reschedule)}</dd>
                <dt>{t.pause_resume}</dt><dd>{support(t, &capabilities.pause_resume)}</dd>
                <dt>{t.per_request}</dt><dd>{capabilities.max_recipients_per_request}</dd>
                <dt>{t.scheduling_ahead}</dt><dd>{days_ahead}</dd>
            </dl>
        </article>
    }
}

/// The provider's remaining credit as the server read it lately (`balance_cache_seconds`), with
/// a refresh that asks the provider now.
fn balance_view(
    t: &'static Texts,
    provider: ProviderId,
    balance: BalanceResource,
    details: DetailsResource,
) -> impl IntoView {
    view! {
        <span data-testid=format!("balance-{}", provider.as_str())>
            {move || match balance.get() {
                None => t.reading.to_owned(),
                Some(Ok(balance)) => t.money(balance.amount, Some(&balance.unit)),
                Some(Err(error)) => t.error(&error),
            }}
        </span>
        " "
        <button
            type="button"
            class="secondary small"
            aria-label=(t.refresh_balance)(&provider.to_string())
            on:click=move |_| {
                // Read from the provider now (what the page reads next is then this answer),
                // not as the server last read it.
                leptos::task::spawn_local(async move {
                    let _ = refresh_balance(provider).await;
                    balance.refetch();
                });
                details.refetch();
            }
        >
            {t.refresh}
        </button>
    }
}

/// What the credit buys of each product in the default region's country, when the provider says
/// it (Octopush).
fn credit_by_product(
    t: &'static Texts,
    provider: ProviderId,
    details: DetailsResource,
) -> impl IntoView {
    move || {
        let credits = details.get()?.ok().filter(|c| !c.is_empty())?;
        let country = credits[0].country.clone();
        let products: Vec<String> = credits
            .iter()
            .map(|credit| {
                let product = match credit.product {
                    CampaignType::Premium => t.premium,
                    CampaignType::LowCost => t.low_cost,
                };
                (t.product_sms)(product, credit.sms)
            })
            .collect();
        Some(view! {
            <dt>{(t.credit_in)(&country)}</dt>
            <dd data-testid=format!("credit-{}", provider.as_str())>{products.join(" · ")}</dd>
        })
    }
}

fn support(t: &Texts, support: &Support) -> String {
    match support {
        Support::Yes => t.yes.into(),
        Support::Limited(conditions) => (t.yes_with)(&(t.refusal)(conditions)),
        Support::No(why) => (t.no_because)(&(t.refusal)(why)),
    }
}

fn sending_rules(t: &'static Texts, settings: &ServerSettings) -> impl IntoView {
    let policies = settings.policies.clone();
    view! {
        <section class="panel" aria-labelledby="rules-title">
            <h2 id="rules-title">{t.sending_rules}</h2>
            <dl class="facts">
                <dt>{t.numbers_without_plus}</dt>
                <dd>{(t.read_as)(&settings.default_region)}</dd>
                <dt>{t.per_campaign}</dt><dd>{(t.at_most)(settings.max_recipients)}</dd>
                <dt>{t.frequency_cap}</dt><dd>{(t.cap_terms)(&settings.frequency_cap)}</dd>
            </dl>
            <TableScroll label=|t| t.sending_rules>
                // On a phone, a card a rule, each cell naming its column.
                <table class="cards" data-testid="policies">
                    <caption class="muted">{t.policy_caption}</caption>
                    <ColumnHeads columns=|t| t.policy_columns/>
                    <tbody>
                        {policies.into_iter().map(|policy| view! {
                            <tr>
                                <td data-label=t.policy_columns[0]>{t.rule_name_or_itself(&policy.name)}</td>
                                <td data-label=t.policy_columns[1]>{policy.countries.map_or_else(|| t.every_other.into(), |codes| codes.join(", "))}</td>
                                <td data-label=t.policy_columns[2]>{(t.purpose_name)(policy.purpose)}</td>
                                <td data-label=t.policy_columns[3]>{(t.window_terms)(&policy.window)}</td>
                                <td data-label=t.policy_columns[4]>{(t.enforcement_name)(policy.enforcement)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </TableScroll>
        </section>
    }
}

fn approval(t: &'static Texts, locale: Locale, settings: &ServerSettings) -> impl IntoView {
    let rules = settings_words::approval_rules(locale, t, &settings.approval);
    let notice = (!settings.approval.rules.is_empty()).then(|| {
        let minutes = settings.approval.min_notice_minutes;
        view! { <p class="muted">{settings_words::approval_notice(locale, minutes)}</p> }
    });
    view! {
        <section class="panel" aria-labelledby="approval-rules-title">
            <h2 id="approval-rules-title">{t.approval_title}</h2>
            <ul data-testid="approval-rules">
                {rules.into_iter().map(|rule| view! { <li>{rule}</li> }).collect_view()}
            </ul>
            {notice}
        </section>
    }
}

fn embedding(t: &'static Texts, settings: &ServerSettings) -> impl IntoView {
    let base_path = if settings.base_path.is_empty() {
        t.site_root.to_owned()
    } else {
        settings.base_path.clone()
    };
    let identity = match (&settings.sign_in_provider, &settings.identity_header) {
        (Some(issuer), _) => (t.signed_in_through)(issuer),
        (None, Some(header)) => (t.identity_set_by)(header),
        (None, None) => t.no_identity.to_owned(),
    };
    let frames = if settings.frame_ancestors.is_empty() {
        t.own_pages_only.to_owned()
    } else {
        settings.frame_ancestors.join(", ")
    };
    view! {
        <section class="panel" aria-labelledby="embedding-title">
            <h2 id="embedding-title">{t.server}</h2>
            <dl class="facts">
                <dt>{t.base_path}</dt><dd data-testid="base-path">{base_path}</dd>
                <dt>{t.identity_header}</dt><dd>{identity}</dd>
                <dt>{t.framed_by}</dt><dd data-testid="frame-ancestors">{frames}</dd>
                <dt>{t.database}</dt><dd>{settings.database.clone()}</dd>
            </dl>
        </section>
    }
}
