//! Start-up, in order: the settings parsed, the storage opened, the providers built from their
//! settings (on the sandboxes when they stand in), the services, the routes. Nothing is spawned
//! here: the API and its workers are handed to `main`, which runs and stops them.

mod providers;
mod routes;

use crate::domain::order::OrderRules;
use crate::domain::phone::load_metadata;
use app::services::Services as AppServices;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use crate::clock::{SharedClock, SystemClock};
use crate::configuration::{Configuration, ConfigurationError, Settings};
use crate::exactly_once::{instance_name, HandoverLimits, Reconciler};
use crate::identity::Gate;
use crate::process::{loopback, Api, Drain, Workers};
use crate::routes::health::Readiness;
use crate::routes::metrics::Scrape;
use crate::routes::webhooks::OCTOPUSH_PATH;
use crate::sandbox::infobip::InfobipSandbox;
use crate::sandbox::octopush::OctopushSandbox;
use crate::sandbox::Sandboxes;
use crate::services::{
    infobip_report_poller, server_settings, AuditLog, CampaignOperations, CampaignViews,
    FileLimits, HeldExpiry, OptOutList, PerPersonLimits, ProviderAccounts, RecipientFiles,
    ReportIntake, Scheduler, SchedulingRules, SettingsView,
};
use crate::storage::{Claims, Store, StoreError};
use crate::webhook_urls::WebhookUrls;
use providers::{Providers, Reach};
use routes::Served;

/// Where the sandboxes are mounted, below the base path.
pub const SANDBOX_PATH: &str = "/sandbox";
/// Largest server-function request: a campaign of `sending.max_recipients` (100,000) with a CSV of
/// five placeholder columns is about 30 MB (axum's default is 2 MB).
pub const MAX_SERVER_FN_BODY: usize = 48 * 1024 * 1024;
/// How often uploaded recipient files older than a day are deleted.
const RECIPIENT_FILE_SWEEP_SECONDS: u64 = 3600;
/// How often held campaigns whose send time passed are closed as expired.
const HELD_EXPIRY_SECONDS: u64 = 30;

#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error(transparent)]
    Configuration(#[from] ConfigurationError),
    #[error("cannot listen on {0}: {1}")]
    Listen(SocketAddr, std::io::Error),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The app, built and bound, not yet running.
pub struct Application {
    api: Api,
    workers: Workers,
    address: SocketAddr,
    base_path: String,
    sandboxes: Option<Sandboxes>,
    reconciler: Reconciler,
    held_expiry: HeldExpiry,
    drain: Drain,
}

impl Application {
    pub async fn build(settings: Settings) -> Result<Self, StartupError> {
        Self::build_with_clock(settings, Arc::new(SystemClock)).await
    }

    pub async fn build_with_clock(
        settings: Settings,
        clock: SharedClock,
    ) -> Result<Self, StartupError> {
        let configuration = settings.parse()?;
        // Loaded while the rest starts, so the first list read does not wait for it.
        let phone_metadata = tokio::task::spawn_blocking(load_metadata);
        let settings = &configuration.settings;
        let listen = settings.server.listen;
        let api = Api::bind(listen)
            .await
            .map_err(|e| StartupError::Listen(listen, e))?;
        let address = api.address().map_err(|e| StartupError::Listen(listen, e))?;
        let base_path = settings.server.base_path.clone();
        let own_url = format!("http://{}{base_path}", loopback(address));
        let webhooks = WebhookUrls::new(&settings.webhooks, &own_url);

        let store = Store::connect(&settings.database.url).await?;
        let sandboxes = mounted_sandboxes(&configuration, &webhooks);
        let providers = providers::build(
            &configuration,
            &Reach {
                own_url: &own_url,
                webhooks: &webhooks,
                sandboxes: sandboxes.as_ref(),
            },
        );
        let readiness = Readiness {
            store: store.clone(),
            providers: providers.set.infos(),
        };
        // Without a recorder, the metrics the code records cost nothing and go nowhere.
        let scrape = settings.metrics.enabled.then(|| Scrape {
            handle: crate::metrics::handle(),
            store: store.clone(),
            token: settings.metrics.token.clone(),
        });
        let services = services(&configuration, store.clone(), clock, providers, &sandboxes);
        let gate = Gate::new(
            &configuration.authentication,
            &settings.server.base_path,
            &store,
            services.app.audit.clone(),
        );
        let workers = services.workers;
        let in_flight = services.handovers_in_flight.clone();
        let drain = Drain {
            handovers: services.handovers_in_flight,
            store,
            instance: services.instance,
            grace: std::time::Duration::from_secs(settings.server.shutdown_grace_seconds),
        };
        let reconciler = services.reconciler;
        let held_expiry = services.held_expiry;
        let router = routes::router(
            &configuration,
            Served {
                services: services.app,
                recipient_files: services.recipient_files,
                intake: services.intake,
                webhooks,
                sandboxes: sandboxes.clone(),
                readiness,
                scrape,
                gate,
                in_flight,
            },
        );

        phone_metadata
            .await
            .expect("loading the phone metadata does not panic");
        Ok(Self {
            api: api.with_router(router),
            workers,
            address,
            base_path,
            sandboxes,
            reconciler,
            held_expiry,
            drain,
        })
    }

    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// The app's URL, base path included, with a trailing slash.
    pub fn url(&self) -> String {
        format!("http://{}{}/", self.address, self.base_path)
    }

    /// The reconciler the instance runs periodically, for a pass on demand.
    pub fn reconciler(&self) -> &Reconciler {
        &self.reconciler
    }

    /// What closes held campaigns past their send time, periodically, for a pass on demand.
    pub fn held_expiry(&self) -> &HeldExpiry {
        &self.held_expiry
    }

    /// The Octopush sandbox, when mounted.
    pub fn octopush_sandbox(&self) -> Option<&OctopushSandbox> {
        self.sandboxes.as_ref().map(|s| &s.octopush)
    }

    /// The Infobip sandbox, when mounted.
    pub fn infobip_sandbox(&self) -> Option<&InfobipSandbox> {
        self.sandboxes.as_ref().map(|s| &s.infobip)
    }

    /// The API and the workers, for the caller to run beside each other, and what to finish
    /// when they stop.
    pub fn into_parts(self) -> (Api, Workers, Drain) {
        (self.api, self.workers, self.drain)
    }
}

/// The sandboxes, when asked for or standing in for a provider; Octopush's report to our own
/// webhook unless told otherwise.
fn mounted_sandboxes(configuration: &Configuration, webhooks: &WebhookUrls) -> Option<Sandboxes> {
    let settings = &configuration.settings.sandbox;
    configuration.sandbox_mounted().then(|| {
        Sandboxes::from_settings(settings).reporting_to(settings, webhooks.internal(OCTOPUSH_PATH))
    })
}

/// The services behind the routes, and the workers that keep them going.
struct Services {
    app: AppServices,
    recipient_files: RecipientFiles,
    intake: ReportIntake,
    reconciler: Reconciler,
    held_expiry: HeldExpiry,
    workers: Workers,
    handovers_in_flight: tokio_util::task::TaskTracker,
    /// This instance's name in claims.
    instance: String,
}

fn services(
    configuration: &Configuration,
    store: Store,
    clock: SharedClock,
    providers: Providers,
    sandboxes: &Option<Sandboxes>,
) -> Services {
    let sending = &configuration.settings.sending;
    let rules = SchedulingRules {
        order: OrderRules {
            default_region: configuration.default_region,
            max_recipients: sending.max_recipients,
            infobip_stop_mention: providers.infobip_stop_mention,
        },
        policies: configuration.policies.clone(),
        frequency_cap: configuration.frequency_cap,
        handovers: HandoverLimits {
            at_once: sending.max_handovers,
            concurrency: sending.submit_concurrency,
            rate_limit_patience: Duration::from_secs(sending.rate_limit_patience_seconds),
        },
        approval: configuration.approval.clone(),
    };
    let claims = Claims {
        instance: instance_name(),
        lease: chrono::Duration::seconds(
            i64::try_from(sending.claim_seconds.max(1)).unwrap_or(i64::MAX),
        ),
    };
    tracing::info!(instance = %claims.instance, "claims submissions as");
    let instance = claims.instance.clone();
    let providers_set = providers.set;
    let reconciler = Reconciler::new(
        providers_set.clone(),
        store.clone(),
        clock.clone(),
        claims.clone(),
    );
    let intake = ReportIntake::new(store.clone(), clock.clone());

    let mut workers = Workers::default();
    if let Some(checkpoints) = store.checkpoint_worker() {
        workers.add("ledger-checkpoints", checkpoints);
    }
    workers.add(
        "reconciler",
        reconciler
            .clone()
            .run_forever(Duration::from_secs(sending.reconcile_seconds.max(1))),
    );
    let poll_seconds = configuration.settings.infobip.report_poll_seconds;
    if poll_seconds > 0 {
        workers.add(
            "infobip-report-poller",
            infobip_report_poller::poll_forever(
                providers.infobip_client,
                intake.clone(),
                Duration::from_secs(poll_seconds),
            ),
        );
    }
    if let Some(sandboxes) = sandboxes {
        workers.extend(sandboxes.workers());
    }

    let default_region = configuration.default_region;
    let settings = server_settings(configuration, providers_set.infos(), store.backend());
    let recipient_files = RecipientFiles::new(
        store.clone(),
        clock.clone(),
        default_region,
        FileLimits {
            max_bytes: sending.max_file_megabytes.saturating_mul(1024 * 1024),
            max_recipients: sending.max_recipients,
            idle: Duration::from_secs(sending.upload_idle_seconds.max(1)),
            at_once: sending.uploads_at_once.max(1),
        },
    );
    workers.add(
        "recipient-file-sweeper",
        recipient_files
            .clone()
            .sweep_forever(Duration::from_secs(RECIPIENT_FILE_SWEEP_SECONDS)),
    );
    let scheduler = Arc::new(Scheduler::new(
        providers_set.clone(),
        store.clone(),
        clock.clone(),
        rules,
        claims,
        recipient_files.clone(),
    ));
    let handovers_in_flight = scheduler.handovers_in_flight();
    let held_expiry = HeldExpiry::new(store.clone(), clock.clone());
    workers.add(
        "held-campaign-expiry",
        held_expiry
            .clone()
            .run_forever(Duration::from_secs(HELD_EXPIRY_SECONDS)),
    );
    let app = AppServices {
        campaigns: Arc::new(CampaignViews::new(
            store.clone(),
            providers_set.clone(),
            clock.clone(),
            default_region,
            scheduler.approval_timing(),
        )),
        operations: Arc::new(CampaignOperations::new(
            store.clone(),
            providers_set.clone(),
            clock.clone(),
            configuration.policies.clone(),
            default_region,
        )),
        opt_outs: Arc::new(OptOutList::new(
            store.clone(),
            clock.clone(),
            default_region,
        )),
        providers: Arc::new(ProviderAccounts::new(providers_set.clone(), store.clone())),
        settings: Arc::new(SettingsView::new(
            settings,
            sandboxes.as_ref().map(|s| s.clock.clone()),
        )),
        audit: Arc::new(AuditLog::new(store.clone(), clock.clone())),
        schedule: scheduler.clone(),
        approvals: scheduler,
        limits: Arc::new(PerPersonLimits::new(
            configuration.settings.limits.previews_per_minute,
            configuration.settings.limits.schedules_per_minute,
        )),
    };
    Services {
        app,
        recipient_files,
        intake,
        reconciler,
        held_expiry,
        workers,
        handovers_in_flight,
        instance,
    }
}
