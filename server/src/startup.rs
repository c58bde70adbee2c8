//! Wires configuration, storage, providers, sandboxes and routes into a running server.

use app::domain::order::OrderRules;
use app::domain::phone::{load_metadata, Region};
use app::services::SharedSmsService;
use axum::extract::DefaultBodyLimit;
use axum::http::{header, HeaderValue};
use axum::middleware::from_fn_with_state;
use axum::routing::{get, post};
use axum::Router;
use std::convert::Infallible;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::{Arc, RwLock};
use std::time::Duration;
use tokio::net::TcpListener;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

use crate::clock::{SandboxClock, SharedClock, SystemClock};
use crate::configuration::{ConfigurationError, InfobipMode, OctopushMode, Settings};
use crate::identity::IdentityHeader;
use crate::providers::infobip::sandbox::{self as infobip_sandbox, InfobipSandbox};
use crate::providers::infobip::{InfobipClient, InfobipProvider};
use crate::providers::octopush::sandbox::{self as octopush_sandbox, OctopushSandbox};
use crate::providers::octopush::{OctopushClient, OctopushProvider};
use crate::providers::sandbox_faults::{self, SharedFaults};
use crate::providers::{PartPrice, SmsProvider};
use crate::request_log::RedactedRequestSpan;
use crate::routes::sandbox_received::MountedSandboxes;
use crate::routes::webhooks::{self as webhook_routes, INFOBIP_REPORTS_PATH, OCTOPUSH_PATH};
use crate::routes::{exports, health, sandbox_control, server_fns};
use crate::services::{
    infobip_report_poller, instance_name, server_settings, AppService, CampaignOperations,
    CampaignViews, HandoverLimits, OptOutList, ProviderSet, Reconciler, ReportIntake,
    SchedulerService, SchedulingRules,
};
use crate::site;
use crate::storage::{Claims, Store, StoreError};
use crate::webhook_urls::WebhookUrls;

/// Where the sandboxes are mounted, below the base path.
pub const OCTOPUSH_SANDBOX_PATH: &str = "/sandbox/octopush/v1/public";
pub const INFOBIP_SANDBOX_PATH: &str = "/sandbox/infobip";
pub const SANDBOX_CONTROL_PATH: &str = "/sandbox/control";
/// Largest server-function request: a campaign of `sending.max_recipients` (100,000) with a CSV of
/// five placeholder columns is about 30 MB (axum's default is 2 MB).
pub const MAX_SERVER_FN_BODY: usize = 48 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error(transparent)]
    Configuration(#[from] ConfigurationError),
    #[error("cannot listen on {0}: {1}")]
    Listen(SocketAddr, std::io::Error),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("sending.default_region: {0}")]
    Region(String),
    #[error("server.identity_header: {0}")]
    IdentityHeader(String),
}

pub struct Application {
    listener: TcpListener,
    router: Router,
    address: SocketAddr,
    base_path: String,
    octopush_sandbox: Option<OctopushSandbox>,
    infobip_sandbox: Option<InfobipSandbox>,
    reconciler: Reconciler,
}

impl Application {
    pub async fn build(settings: Settings) -> Result<Self, StartupError> {
        Self::build_with_clock(settings, Arc::new(SystemClock)).await
    }

    pub async fn build_with_clock(
        settings: Settings,
        clock: SharedClock,
    ) -> Result<Self, StartupError> {
        // Loaded while the rest starts, so the first list read does not wait for it.
        let phone_metadata = tokio::task::spawn_blocking(load_metadata);
        let listen = settings.server.listen;
        let listener = TcpListener::bind(listen)
            .await
            .map_err(|e| StartupError::Listen(listen, e))?;
        let address = listener
            .local_addr()
            .map_err(|e| StartupError::Listen(listen, e))?;
        let base_path = settings.server.base_path.clone();
        let store = Store::connect(&settings.database.url).await?;
        let own_url = format!("http://{}{base_path}", loopback(address));
        let webhooks = WebhookUrls::new(&settings.webhooks, &own_url);

        // The sandboxes run on their own clock, which the control routes can move forward.
        let sandbox_clock = settings
            .sandbox_mounted()
            .then(|| Arc::new(SandboxClock::default()));
        let octopush_sandbox = sandbox_clock.clone().map(|c| {
            let sandbox = OctopushSandbox::from_settings(&settings.sandbox.octopush, c);
            // Unless told otherwise, the sandbox posts its reports to our own webhook.
            match settings.sandbox.octopush.delivery_report_url {
                Some(_) => sandbox,
                None => sandbox.with_delivery_report_url(Some(webhooks.internal(OCTOPUSH_PATH))),
            }
        });
        let infobip_sandbox = sandbox_clock
            .clone()
            .map(|c| InfobipSandbox::from_settings(&settings.sandbox.infobip, c));

        let timeout = Duration::from_secs(settings.octopush.timeout_seconds);
        let octopush = match settings.octopush.mode()? {
            OctopushMode::Real {
                base_url,
                api_login,
                api_key,
            } => OctopushProvider::new(
                OctopushClient::new(&base_url, api_login, api_key, timeout),
                false,
            ),
            OctopushMode::Sandbox => {
                let sandbox = octopush_sandbox
                    .as_ref()
                    .expect("mounted whenever a provider needs it");
                let credentials = sandbox.credentials().clone();
                let url = format!("{own_url}{OCTOPUSH_SANDBOX_PATH}");
                OctopushProvider::new(
                    OctopushClient::new(&url, credentials.api_login, credentials.api_key, timeout),
                    true,
                )
            }
        };
        let timeout = Duration::from_secs(settings.infobip.timeout_seconds);
        let (infobip_client, infobip_sandboxed, infobip_webhook) = match settings.infobip.mode()? {
            InfobipMode::Real { base_url, api_key } => (
                InfobipClient::new(&base_url, api_key, timeout),
                false,
                webhooks.public(INFOBIP_REPORTS_PATH),
            ),
            InfobipMode::Sandbox => {
                let sandbox = infobip_sandbox
                    .as_ref()
                    .expect("mounted whenever a provider needs it");
                let url = format!("{own_url}{INFOBIP_SANDBOX_PATH}");
                (
                    InfobipClient::new(&url, sandbox.api_key().clone(), timeout),
                    true,
                    Some(
                        webhooks
                            .public(INFOBIP_REPORTS_PATH)
                            .unwrap_or_else(|| webhooks.internal(INFOBIP_REPORTS_PATH)),
                    ),
                )
            }
        };
        if infobip_webhook.is_none() {
            tracing::info!("webhooks.public_url or webhooks.secret is not set: Infobip's delivery reports are fetched, not pushed");
        }
        // Cost estimates: the configured prices, else the sandboxes' own.
        let sandbox_price = |sandboxed: bool, price: f64| sandboxed.then_some(price);
        let octopush_sandboxed = octopush.info().sandbox;
        let octopush = octopush.with_prices(
            settings.octopush.premium_price.or(sandbox_price(
                octopush_sandboxed,
                octopush_sandbox::PREMIUM_PRICE,
            )),
            settings.octopush.low_cost_price.or(sandbox_price(
                octopush_sandboxed,
                octopush_sandbox::LOW_COST_PRICE,
            )),
        );
        let infobip_price = settings
            .infobip
            .part_price
            .or(sandbox_price(
                infobip_sandboxed,
                infobip_sandbox::PART_PRICE,
            ))
            .map(|amount| PartPrice {
                amount,
                currency: settings.infobip.currency.clone(),
            });
        let infobip_stop_mention = settings
            .infobip
            .stop_mention
            .clone()
            .or(infobip_sandboxed.then(|| infobip_sandbox::STOP_MENTION.to_owned()));
        let infobip = InfobipProvider::new(infobip_client.clone(), infobip_sandboxed)
            .with_delivery_webhook(infobip_webhook)
            .with_part_price(infobip_price)
            .with_stop_mention(infobip_stop_mention.clone());
        let providers: Vec<Arc<dyn SmsProvider>> = vec![Arc::new(octopush), Arc::new(infobip)];

        let rules = SchedulingRules {
            order: OrderRules {
                default_region: Region::parse(&settings.sending.default_region)
                    .map_err(|e| StartupError::Region(e.to_string()))?,
                max_recipients: settings.sending.max_recipients,
                infobip_stop_mention,
            },
            policies: settings.sending.sending_policies()?,
            frequency_cap: settings.sending.cap()?,
            handovers: HandoverLimits {
                at_once: settings.sending.max_handovers,
                concurrency: settings.sending.submit_concurrency,
                rate_limit_patience: Duration::from_secs(
                    settings.sending.rate_limit_patience_seconds,
                ),
            },
        };
        let intake = ReportIntake::new(store.clone(), clock.clone());
        if settings.infobip.report_poll_seconds > 0 {
            tokio::spawn(infobip_report_poller::poll_forever(
                infobip_client,
                intake.clone(),
                Duration::from_secs(settings.infobip.report_poll_seconds),
            ));
        }
        let providers = ProviderSet::new(providers);
        let claims = Claims {
            instance: instance_name(),
            lease: chrono::Duration::seconds(
                i64::try_from(settings.sending.claim_seconds.max(1)).unwrap_or(i64::MAX),
            ),
        };
        tracing::info!(instance = %claims.instance, "claims submissions as");
        let reconciler = Reconciler::new(
            providers.clone(),
            store.clone(),
            clock.clone(),
            claims.clone(),
        );
        tokio::spawn(reconciler.clone().run_forever(Duration::from_secs(
            settings.sending.reconcile_seconds.max(1),
        )));
        let default_region = rules.order.default_region;
        // Checked when the settings were loaded; read once here for the policy and the settings page.
        let frame_ancestors = settings.server.frame_ancestors()?;
        let server_settings = server_settings(
            &settings,
            &frame_ancestors,
            providers.infos(),
            &rules.policies,
            &rules.frequency_cap,
            store.backend(),
        );
        let service: SharedSmsService = Arc::new(AppService {
            views: CampaignViews::new(store.clone(), providers.clone(), default_region),
            operations: CampaignOperations::new(
                store.clone(),
                providers.clone(),
                clock.clone(),
                rules.policies.clone(),
                default_region,
            ),
            opt_outs: OptOutList::new(store.clone(), clock.clone(), default_region),
            scheduler: SchedulerService::new(providers, store, clock.clone(), rules, claims),
            clock,
            settings: server_settings,
            sandbox_clock: sandbox_clock.clone(),
        });
        let identity = IdentityHeader::new(settings.server.identity_header.as_deref())
            .map_err(|e| StartupError::IdentityHeader(e.to_string()))?;

        server_fns::register_all();
        let mut app = Router::new()
            .route(
                "/api/{*fn_name}",
                post(server_fns::handle)
                    .get(server_fns::handle)
                    .layer::<_, Infallible>(DefaultBodyLimit::max(MAX_SERVER_FN_BODY))
                    // A body announced larger is refused at once with 413, before it is read.
                    .layer::<_, Infallible>(RequestBodyLimitLayer::new(MAX_SERVER_FN_BODY)),
            )
            .route(
                "/export/campaigns/{id}/recipients.csv",
                get(exports::campaign_recipients),
            )
            .with_state(server_fns::ServerFnState { service, identity })
            .route("/health", get(health::health))
            .nest(&webhooks.mount_path(), webhook_routes::routes(intake));
        // The sandboxes push delivery reports as the providers do.
        if let Some(sandbox) = &octopush_sandbox {
            sandbox.spawn_report_pusher();
        }
        if let Some(sandbox) = &infobip_sandbox {
            sandbox.spawn_report_pusher();
        }
        let faults: SharedFaults = Arc::new(RwLock::new(settings.sandbox.faults.clone()));
        let faulty = |router: Router| {
            router.layer(from_fn_with_state(faults.clone(), sandbox_faults::inject))
        };
        if let Some(sandbox) = &octopush_sandbox {
            app = app.nest(OCTOPUSH_SANDBOX_PATH, faulty(sandbox.router()));
        }
        if let Some(sandbox) = &infobip_sandbox {
            app = app.nest(INFOBIP_SANDBOX_PATH, faulty(sandbox.router()));
        }
        if let Some(clock) = &sandbox_clock {
            app = app.nest(
                SANDBOX_CONTROL_PATH,
                sandbox_control::routes(
                    clock.clone(),
                    faults.clone(),
                    MountedSandboxes {
                        octopush: octopush_sandbox.clone(),
                        infobip: infobip_sandbox.clone(),
                    },
                ),
            );
        }
        let app = app.merge(site::routes(
            &settings.server.site_root,
            &base_path,
            &frame_ancestors,
        ));
        let router = if base_path.is_empty() {
            app
        } else {
            Router::new().nest_service(&base_path, app)
        }
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("same-origin"),
        ))
        .layer(TraceLayer::new_for_http().make_span_with(RedactedRequestSpan));

        phone_metadata
            .await
            .expect("loading the phone metadata does not panic");
        Ok(Self {
            listener,
            router,
            address,
            base_path,
            octopush_sandbox,
            infobip_sandbox,
            reconciler,
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

    /// The Octopush sandbox, when mounted.
    pub fn octopush_sandbox(&self) -> Option<&OctopushSandbox> {
        self.octopush_sandbox.as_ref()
    }

    /// The Infobip sandbox, when mounted.
    pub fn infobip_sandbox(&self) -> Option<&InfobipSandbox> {
        self.infobip_sandbox.as_ref()
    }

    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        axum::serve(self.listener, self.router)
            .with_graceful_shutdown(shutdown_signal())
            .await
    }
}

/// The address the server reaches itself on: loopback when listening on every interface.
fn loopback(address: SocketAddr) -> SocketAddr {
    match address.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => {
            SocketAddr::new(Ipv4Addr::LOCALHOST.into(), address.port())
        }
        IpAddr::V6(ip) if ip.is_unspecified() => {
            SocketAddr::new(std::net::Ipv6Addr::LOCALHOST.into(), address.port())
        }
        _ => address,
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut signal) =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            signal.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
