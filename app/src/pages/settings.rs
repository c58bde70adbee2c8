use leptos::prelude::*;

use crate::api::providers::check_balance;
use crate::api::settings::read_settings;
use crate::components::{ColumnHeads, SandboxPanel};
use crate::models::{ProviderId, ProviderInfo, ServerSettings, Support};

const POLICY_COLUMNS: &[&str] = &["Policy", "Country", "Purpose", "Window", "Enforcement"];

/// What this server runs with (read-only): providers with their balance, sending rules, embedding;
/// and, with the sandboxes, their clock.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let settings = LocalResource::new(read_settings);
    view! {
        {move || match settings.get() {
            None => view! { <p class="muted">"Loading…"</p> }.into_any(),
            Some(Err(error)) => view! { <p class="error" role="alert">{error.to_string()}</p> }.into_any(),
            Some(Ok(settings)) => view! {
                <div class="settings-layout">
                    {providers(&settings)}
                    {sending_rules(&settings)}
                    {embedding(&settings)}
                    <SandboxPanel/>
                </div>
            }.into_any(),
        }}
    }
}

fn providers(settings: &ServerSettings) -> impl IntoView {
    view! {
        <section class="panel" aria-labelledby="providers-title">
            <h2 id="providers-title">"Providers"</h2>
            {settings.providers.iter().cloned().map(provider).collect_view()}
        </section>
    }
}

fn provider(info: ProviderInfo) -> impl IntoView {
    let id = info.id;
    let kind = if info.sandbox {
        "sandbox"
    } else {
        "real service"
    };
    let capabilities = &info.capabilities;
    let days_ahead = capabilities
        .max_days_ahead
        .map_or("no limit".to_owned(), |days| format!("{days} days"));
    view! {
        <article class="provider" data-testid=format!("provider-{}", id.as_str())>
            <h3>{id.to_string()} <span class="badge">{kind}</span></h3>
            <dl class="facts">
                <dt>"Balance"</dt>
                <dd>{balance(id)}</dd>
                <dt>"Cancel"</dt><dd>{support(&capabilities.cancel)}</dd>
                <dt>"Reschedule"</dt><dd>{support(&capabilities.reschedule)}</dd>
                <dt>"Pause and resume"</dt><dd>{support(&capabilities.pause_resume)}</dd>
                <dt>"Recipients per request"</dt><dd>{capabilities.max_recipients_per_request}</dd>
                <dt>"Scheduling ahead"</dt><dd>{days_ahead}</dd>
            </dl>
        </article>
    }
}

/// The provider's remaining credit, asked of the provider through the server, with a refresh.
fn balance(provider: ProviderId) -> impl IntoView {
    let balance = LocalResource::new(move || check_balance(provider));
    view! {
        <span data-testid=format!("balance-{}", provider.as_str())>
            {move || match balance.get() {
                None => "Reading…".to_owned(),
                Some(Ok(balance)) => balance.amount_in_words(),
                Some(Err(error)) => error.to_string(),
            }}
        </span>
        " "
        <button
            type="button"
            class="secondary small"
            aria-label=format!("Refresh the {provider} balance")
            on:click=move |_| balance.refetch()
        >
            "Refresh"
        </button>
    }
}

fn support(support: &Support) -> String {
    match support {
        Support::Yes => "yes".into(),
        Support::Limited(conditions) => format!("yes, {conditions}"),
        Support::No(why) => format!("no: {why}"),
    }
}

fn sending_rules(settings: &ServerSettings) -> impl IntoView {
    let policies = settings.policies.clone();
    view! {
        <section class="panel" aria-labelledby="rules-title">
            <h2 id="rules-title">"Sending rules"</h2>
            <dl class="facts">
                <dt>"Numbers without +"</dt>
                <dd>{format!("read as {} numbers", settings.default_region)}</dd>
                <dt>"Recipients per campaign"</dt><dd>{format!("at most {}", settings.max_recipients)}</dd>
                <dt>"Frequency cap"</dt><dd>{settings.frequency_cap.clone()}</dd>
            </dl>
            <div class="table-scroll">
                <table data-testid="policies">
                    <caption class="muted">"The first policy naming the recipient's country applies, else the one for every country."</caption>
                    <ColumnHeads columns=POLICY_COLUMNS/>
                    <tbody>
                        {policies.into_iter().map(|policy| view! {
                            <tr>
                                <td>{policy.name}</td>
                                <td>{policy.country.unwrap_or_else(|| "every other".into())}</td>
                                <td>{policy.purpose}</td>
                                <td>{policy.window}</td>
                                <td>{policy.enforcement}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

fn embedding(settings: &ServerSettings) -> impl IntoView {
    let base_path = if settings.base_path.is_empty() {
        "/ (the site root)".to_owned()
    } else {
        settings.base_path.clone()
    };
    let identity = settings.identity_header.clone().map_or(
        "none: every action is recorded as local-operator".to_owned(),
        |header| format!("{header} (set by the portal's sign-in)"),
    );
    let frames = if settings.frame_ancestors.is_empty() {
        "this app's own pages only".to_owned()
    } else {
        settings.frame_ancestors.join(", ")
    };
    view! {
        <section class="panel" aria-labelledby="embedding-title">
            <h2 id="embedding-title">"Server"</h2>
            <dl class="facts">
                <dt>"Base path"</dt><dd data-testid="base-path">{base_path}</dd>
                <dt>"Signed-in user header"</dt><dd>{identity}</dd>
                <dt>"May be framed by"</dt><dd data-testid="frame-ancestors">{frames}</dd>
                <dt>"Database"</dt><dd>{settings.database.clone()}</dd>
            </dl>
        </section>
    }
}
