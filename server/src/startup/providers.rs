//! The providers, built from their settings: the real service when credentials are given, else the
//! sandbox mounted in this process, reached over HTTP like the real one.

use app::models::ProviderId;
use std::sync::Arc;
use std::time::Duration;

use crate::configuration::Settings;
use crate::configuration::{Configuration, InfobipMode, OctopushMode};
use crate::providers::infobip::{InfobipClient, InfobipProvider};
use crate::providers::octopush::{OctopushClient, OctopushProvider};
use crate::providers::{BalanceCache, Metered, ProviderSet};
use crate::providers::{PartPrice, SmsProvider};
use crate::routes::webhooks::INFOBIP_REPORTS_PATH;
use crate::sandbox::{self, infobip as infobip_sandbox, octopush as octopush_sandbox, Sandboxes};
use crate::webhook_urls::WebhookUrls;

use super::SANDBOX_PATH;

/// Both providers, and what other parts of start-up need from them.
pub struct Providers {
    pub set: ProviderSet,
    /// For the report poller.
    pub infobip_client: InfobipClient,
    /// The opt-out mention French marketing SMS through Infobip carry, when known.
    pub infobip_stop_mention: Option<String>,
}

/// Where the app reaches itself and its webhooks, and the sandboxes mounted in it.
pub struct Reach<'a> {
    pub own_url: &'a str,
    pub webhooks: &'a WebhookUrls,
    pub sandboxes: Option<&'a Sandboxes>,
}

impl Reach<'_> {
    fn sandboxes(&self) -> &Sandboxes {
        self.sandboxes
            .expect("mounted whenever a provider needs it")
    }

    fn sandbox_url(&self, path: &str) -> String {
        format!("{}{SANDBOX_PATH}{path}", self.own_url)
    }
}

pub fn build(configuration: &Configuration, reach: &Reach<'_>) -> Providers {
    let octopush = octopush(configuration, reach);
    let (infobip, infobip_client, infobip_stop_mention) = infobip(configuration, reach);
    let providers: Vec<Arc<dyn SmsProvider>> = vec![
        Arc::new(Metered::new(Arc::new(octopush))),
        Arc::new(Metered::new(Arc::new(infobip))),
    ];
    Providers {
        set: ProviderSet::new(providers, balance_cache(&configuration.settings)),
        infobip_client,
        infobip_stop_mention,
    }
}

fn balance_cache(settings: &Settings) -> BalanceCache {
    BalanceCache::new([
        (
            ProviderId::Octopush,
            Duration::from_secs(settings.octopush.balance_cache_seconds),
        ),
        (
            ProviderId::Infobip,
            Duration::from_secs(settings.infobip.balance_cache_seconds),
        ),
    ])
}

/// The configured price, else the sandbox's own when the provider is the sandbox.
fn price_or_sandbox(configured: Option<f64>, sandboxed: bool, sandbox_price: f64) -> Option<f64> {
    configured.or(sandboxed.then_some(sandbox_price))
}

fn octopush(configuration: &Configuration, reach: &Reach<'_>) -> OctopushProvider {
    let settings = &configuration.settings.octopush;
    let timeout = Duration::from_secs(settings.timeout_seconds);
    let (client, sandboxed) = match &configuration.octopush {
        OctopushMode::Real {
            base_url,
            api_login,
            api_key,
        } => (
            OctopushClient::new(base_url, api_login.clone(), api_key.clone(), timeout),
            false,
        ),
        OctopushMode::Sandbox => {
            let credentials = reach.sandboxes().octopush.credentials().clone();
            let url = reach.sandbox_url(sandbox::OCTOPUSH_PATH);
            (
                OctopushClient::new(&url, credentials.api_login, credentials.api_key, timeout),
                true,
            )
        }
    };
    OctopushProvider::new(client, sandboxed).with_prices(
        price_or_sandbox(
            settings.premium_price,
            sandboxed,
            octopush_sandbox::PREMIUM_PRICE,
        ),
        price_or_sandbox(
            settings.low_cost_price,
            sandboxed,
            octopush_sandbox::LOW_COST_PRICE,
        ),
    )
}

fn infobip(
    configuration: &Configuration,
    reach: &Reach<'_>,
) -> (InfobipProvider, InfobipClient, Option<String>) {
    let settings = &configuration.settings.infobip;
    let timeout = Duration::from_secs(settings.timeout_seconds);
    let webhooks = reach.webhooks;
    let (client, sandboxed, webhook) = match &configuration.infobip {
        InfobipMode::Real { base_url, api_key } => (
            InfobipClient::new(base_url, api_key.clone(), timeout),
            false,
            webhooks.public(INFOBIP_REPORTS_PATH),
        ),
        InfobipMode::Sandbox => {
            let url = reach.sandbox_url(sandbox::INFOBIP_PATH);
            (
                InfobipClient::new(&url, reach.sandboxes().infobip.api_key().clone(), timeout),
                true,
                Some(
                    webhooks
                        .public(INFOBIP_REPORTS_PATH)
                        .unwrap_or_else(|| webhooks.internal(INFOBIP_REPORTS_PATH)),
                ),
            )
        }
    };
    if webhook.is_none() {
        tracing::info!("webhooks.public_url or webhooks.secret is not set: Infobip's delivery reports are fetched, not pushed");
    }
    let price = price_or_sandbox(settings.part_price, sandboxed, infobip_sandbox::PART_PRICE).map(
        |amount| PartPrice {
            amount,
            currency: settings.currency.clone(),
        },
    );
    let stop_mention = settings
        .stop_mention
        .clone()
        .or(sandboxed.then(|| infobip_sandbox::STOP_MENTION.to_owned()));
    let provider = InfobipProvider::new(client.clone(), sandboxed)
        .with_delivery_webhook(webhook)
        .with_part_price(price)
        .with_stop_mention(stop_mention.clone());
    (provider, client, stop_mention)
}
