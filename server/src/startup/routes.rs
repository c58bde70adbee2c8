//! The routes: server functions and exports, health, webhooks, the sandboxes when mounted, the
//! site; nested under the base path, behind the headers every answer carries.

use app::services::Services;
use axum::extract::DefaultBodyLimit;
use axum::http::{header, HeaderName, HeaderValue};
use axum::routing::{get, post};
use axum::Router;
use std::convert::Infallible;
use tower_http::compression::predicate::SizeAbove;
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

use crate::configuration::Configuration;
use crate::identity::Gate;
use crate::request_log::{RedactedRequestSpan, REQUEST_ID};
use crate::routes::{
    exports, health, metrics, oidc, recipient_files, sandbox_controls, server_fns, webhooks,
};
use crate::sandbox::Sandboxes;
use crate::services::RecipientFiles;
use crate::services::ReportIntake;
use crate::site;
use crate::webhook_urls::WebhookUrls;
use app::models::RECIPIENT_FILES_PATH;

use super::{MAX_SERVER_FN_BODY, SANDBOX_PATH};

/// What the routes serve.
pub struct Served {
    pub services: Services,
    pub recipient_files: RecipientFiles,
    pub intake: ReportIntake,
    pub webhooks: WebhookUrls,
    pub sandboxes: Option<Sandboxes>,
    pub readiness: health::Readiness,
    /// `None`: metrics are off (`metrics.enabled = false`), `/metrics` is not served.
    pub scrape: Option<metrics::Scrape>,
    /// Who lets requests in.
    pub gate: Gate,
    /// The tasks a stopping server finishes (`process::Drain`).
    pub in_flight: tokio_util::task::TaskTracker,
}

pub fn router(configuration: &Configuration, served: Served) -> Router {
    let server = &configuration.settings.server;
    let gate = served.gate;
    server_fns::register_all();
    let audit = served.services.audit.clone();
    let max_file_bytes = served.recipient_files.max_bytes();
    let mut app = Router::new()
        .route(
            "/api/{*fn_name}",
            post(server_fns::handle)
                .get(server_fns::handle)
                .layer::<_, Infallible>(compressed())
                .layer::<_, Infallible>(DefaultBodyLimit::max(MAX_SERVER_FN_BODY))
                // A body announced larger is refused at once with 413, before it is read.
                .layer::<_, Infallible>(RequestBodyLimitLayer::new(MAX_SERVER_FN_BODY)),
        )
        .route(
            "/export/campaigns/{id}/recipients.csv",
            get(exports::campaign_recipients).layer::<_, Infallible>(compressed()),
        )
        .route(
            "/export/audit.csv",
            get(exports::audit_trail).layer::<_, Infallible>(compressed()),
        )
        // Its size is checked as it is read (`services::recipient_files`).
        .route(RECIPIENT_FILES_PATH, post(recipient_files::upload))
        .with_state(server_fns::ServerFnState {
            services: served.services,
            recipient_files: served.recipient_files,
            gate: gate.clone(),
            in_flight: served.in_flight,
        })
        .route("/health", get(health::live))
        .route("/health/live", get(health::live))
        .route(
            "/health/ready",
            get(health::ready).with_state(served.readiness),
        )
        .nest(
            &webhooks::mount_path(),
            webhooks::routes(served.intake, served.webhooks),
        );
    if let Some(scrape) = served.scrape {
        app = app.route("/metrics", get(metrics::scrape).with_state(scrape));
    }
    if let Some(sandboxes) = &served.sandboxes {
        app = app.nest(
            SANDBOX_PATH,
            sandboxes.router(Some(sandbox_controls::gate(gate.clone(), audit))),
        );
    }
    let sign_out_origin = match &gate {
        Gate::SignIn(sign_in) => Some(sign_in.config().issuer_origin()),
        Gate::Open | Gate::Portal(_) => None,
    };
    let site = site::routes(
        &server.site_root,
        &server.base_path,
        max_file_bytes,
        &configuration.frame_ancestors,
        sign_out_origin.as_deref(),
    );
    // With built-in sign-in, its routes, and pages opened without a session go to sign in first.
    let app = match &gate {
        Gate::SignIn(sign_in) => app
            .nest(oidc::AUTH_PATH, oidc::routes(sign_in.clone()))
            .merge(site.layer(axum::middleware::from_fn_with_state(
                sign_in.clone(),
                oidc::guard,
            ))),
        Gate::Open | Gate::Portal(_) => app.merge(site),
    };
    if server.base_path.is_empty() {
        app
    } else {
        Router::new().nest_service(&server.base_path, app)
    }
    .layer(SetResponseHeaderLayer::if_not_present(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    ))
    .layer(SetResponseHeaderLayer::if_not_present(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    ))
    .layer(PropagateRequestIdLayer::new(request_id_header()))
    .layer(TraceLayer::new_for_http().make_span_with(RedactedRequestSpan))
    // Outermost: the id exists before the request's span is made.
    .layer(SetRequestIdLayer::new(request_id_header(), MakeRequestUuid))
}

/// Answers worth compressing (server functions, exports) in gzip when the browser takes it.
/// Server functions answer only the app's own pages (`routes/request_origin.rs`) and exports
/// echo nothing a request chooses, so compressed lengths tell another site nothing.
fn compressed() -> CompressionLayer<SizeAbove> {
    CompressionLayer::new().compress_when(SizeAbove::new(COMPRESS_ABOVE))
}

/// Below this many bytes, gzip's header and the work are not worth it.
const COMPRESS_ABOVE: u16 = 1024;

fn request_id_header() -> HeaderName {
    HeaderName::from_static(REQUEST_ID)
}
