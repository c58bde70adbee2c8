//! Server-function calls: each request gets the services and the acting user as context.

use app::services::Services;
use axum::body::Body;
use axum::extract::State;
use axum::http::{header, HeaderValue, Method, Request};
use axum::response::{IntoResponse, Response};
use leptos::prelude::provide_context;
use leptos::server_fn::error::FromServerFnError;
use leptos::server_fn::ServerFn;
use tokio_util::task::TaskTracker;
use tracing::Instrument;

use super::conditional;
use super::error_status::{status_of, with_error_status};
use super::request_origin;
use super::sign_in;
use crate::identity::{Gate, SessionUse};
use crate::metrics;

#[derive(Clone)]
pub struct ServerFnState {
    pub services: Services,
    /// Uploaded recipient lists (their route is beside the server functions').
    pub recipient_files: crate::services::RecipientFiles,
    pub gate: Gate,
    /// The tasks a stopping server finishes: the hand-overs, and the calls that act.
    pub in_flight: TaskTracker,
}

/// Runs the server function, once `request_origin` lets the request through; an error is
/// answered with the status it deserves (see `error_status`).
pub async fn handle(State(state): State<ServerFnState>, request: Request<Body>) -> Response {
    let (function, answers) = registered(request.uri().path());
    if let Err(refused) = request_origin::check(request.method(), &answers, request.headers()) {
        tracing::warn!(reason = refused.reason(), "server-function request refused");
        let mut response = (refused.status(), refused.reason()).into_response();
        if refused == request_origin::Refused::Method {
            if let Ok(allow) = HeaderValue::from_str(answers.as_str()) {
                response.headers_mut().insert(header::ALLOW, allow);
            }
        }
        return response;
    }
    let asked = conditional::asked(request.headers());
    // The page asking who is signed in, as it does by itself, does not keep a session alive.
    let session_use = match function.as_str() {
        "who_am_i" => SessionUse::Look,
        _ => SessionUse::Use,
    };
    // The app's own pages ask for the server functions' encoding: they are answered an error
    // they can say in the user's language; any other client, the reason in words.
    let from_the_app = request_origin::asks_for_postcard(request.headers());
    let actor = match sign_in::identify(
        &state.gate,
        request.extensions(),
        request.headers(),
        session_use,
    )
    .await
    {
        Ok(actor) => actor,
        Err(refused) if from_the_app => return not_let_in(refused),
        Err(refused) => return refused.into_response(),
    };
    let signed_in = state.gate.signed_in(&actor);
    let services = state.services.clone();
    let started = std::time::Instant::now();
    let acts = acts(request.uri().path());
    let call = async move {
        leptos_axum::handle_server_fns_with_context(
            move || {
                provide_context(services.clone());
                provide_context(actor.clone());
                provide_context(signed_in.clone());
            },
            request,
        )
        .await
        .into_response()
    };
    let response = if acts {
        // Dropping the handle (the browser went away) leaves the task running to its end.
        let task = state
            .in_flight
            .spawn(call.instrument(tracing::Span::current()));
        match task.await {
            Ok(response) => response,
            Err(error) => {
                tracing::error!(%error, function, "a server function's task failed");
                axum::http::StatusCode::INTERNAL_SERVER_ERROR.into_response()
            }
        }
    } else {
        call.await
    };
    let response = conditional::answer(with_error_status(response).await, &asked).await;
    metrics::server_function(
        &function,
        metrics::CallOutcome::of_status(response.status().as_u16()),
        started.elapsed(),
    );
    response
}

/// Whether the call at `path` acts (schedules, operates on a campaign, changes the opt-outs,
/// decides an approval, moves the sandboxes' clock). Such a call runs to its end as a task of the server's, which a stopping
/// server finishes: a closed tab, a reloaded page or a proxy's time-out cannot stop it half-way
/// (a campaign planned, its page saying "Scheduling…", and never recorded). A read stops with its
/// request: a preview nobody waits for is not worked out.
fn acts(path: &str) -> bool {
    use app::api::{approvals, campaigns, opt_outs, settings, sms};
    [
        sms::ScheduleSms::PATH,
        campaigns::OperateCampaign::PATH,
        opt_outs::AddOptOuts::PATH,
        opt_outs::RemoveOptOut::PATH,
        approvals::DecideApproval::PATH,
        settings::AdvanceSandboxClock::PATH,
    ]
    .iter()
    .any(|acting| path.ends_with(acting))
}

/// A request of the app's pages not let in, as an error the page says in the user's language
/// (with the app's own sign-in, it offers to sign in again and keeps what was typed).
fn not_let_in(refused: sign_in::Refused) -> Response {
    match refused.as_app_error() {
        Some(error) => (status_of(&error), error.ser()).into_response(),
        None => refused.into_response(),
    }
}

/// The server function a path names (`…/api/schedule_sms` → `schedule_sms`) and the method it
/// is called with; `unknown` (and POST) for a name no function has, so that made-up paths cannot
/// grow the metrics without bound.
fn registered(path: &str) -> (String, Method) {
    let name = path.rsplit('/').next().unwrap_or_default();
    leptos::server_fn::axum::server_fn_paths()
        .find(|(registered, _)| registered.rsplit('/').next() == Some(name))
        .map_or_else(
            || ("unknown".to_owned(), Method::POST),
            |(_, method)| (name.to_owned(), method),
        )
}

/// Registers the app's server functions by type, so none depends on link-time discovery.
pub fn register_all() {
    use app::api::{approvals, audit, campaigns, opt_outs, providers, settings, sms};
    use leptos::server_fn::axum::register_explicit;
    register_explicit::<sms::ScheduleSms>();
    register_explicit::<sms::ReadScheduleProgress>();
    register_explicit::<campaigns::PreviewCampaign>();
    register_explicit::<campaigns::ListCampaigns>();
    register_explicit::<campaigns::GetCampaign>();
    register_explicit::<campaigns::RecipientHistory>();
    register_explicit::<campaigns::OperateCampaign>();
    register_explicit::<campaigns::RefusedAgain>();
    register_explicit::<opt_outs::ListOptOuts>();
    register_explicit::<opt_outs::AddOptOuts>();
    register_explicit::<opt_outs::RemoveOptOut>();
    register_explicit::<providers::ListProviders>();
    register_explicit::<providers::CheckBalance>();
    register_explicit::<providers::RefreshBalance>();
    register_explicit::<providers::CheckBalanceDetails>();
    register_explicit::<providers::LowBalances>();
    register_explicit::<providers::ListTimeZones>();
    register_explicit::<settings::WhoAmI>();
    register_explicit::<settings::ReadSettings>();
    register_explicit::<settings::ReadSandboxClock>();
    register_explicit::<settings::AdvanceSandboxClock>();
    register_explicit::<audit::ListAudit>();
    register_explicit::<approvals::DecideApproval>();
    register_explicit::<approvals::HeldPreview>();
    register_explicit::<approvals::AwaitingApproval>();
}

#[cfg(test)]
mod tests {
    use super::acts;

    #[test]
    fn the_calls_that_act_run_to_their_end_and_reads_do_not() {
        for acting in [
            "/api/schedule_sms",
            "/tools/sms/api/operate_campaign",
            "/api/add_opt_outs",
            "/api/remove_opt_out",
            "/api/decide_approval",
            "/api/advance_sandbox_clock",
        ] {
            assert!(acts(acting), "{acting}");
        }
        for reading in [
            "/api/preview_campaign",
            "/api/check_balance",
            "/api/get_campaign",
            "/api/schedule_progress",
            "/api/list_audit",
            "/api/refresh_balance",
            "/api/read_sandbox_clock",
        ] {
            assert!(!acts(reading), "{reading}");
        }
    }
}
