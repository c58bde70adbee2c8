use sms_scheduler_server::configuration::{ConfigurationError, LogFormat, Settings};
use sms_scheduler_server::process::{Api, Drain, Stopped, Workers};
use sms_scheduler_server::sandbox::standalone;
use sms_scheduler_server::startup::Application;
use sms_scheduler_server::telemetry;
use std::net::SocketAddr;
use std::process::ExitCode;
use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;

const USAGE: &str = "\
usage: sms-scheduler                       serve the app (configuration: see README)
       sms-scheduler sandbox [--listen ADDR]  serve only the provider sandboxes (default 127.0.0.1:4000)";

#[tokio::main]
async fn main() -> ExitCode {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let arguments: Vec<&str> = arguments.iter().map(String::as_str).collect();
    match arguments.as_slice() {
        [] => serve_app().await,
        ["sandbox"] => serve_sandbox("127.0.0.1:4000").await,
        ["sandbox", "--listen", listen] => serve_sandbox(listen).await,
        ["--help" | "-h" | "help"] => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// Starts the logs as the settings say (as text when they cannot be read: that error is said).
fn start_logs(settings: &Result<Settings, ConfigurationError>) -> LogFormat {
    let format = settings
        .as_ref()
        .map(|settings| settings.logging.format)
        .unwrap_or_default();
    telemetry::init(format);
    format
}

async fn serve_app() -> ExitCode {
    let settings = Settings::load();
    let log_format = start_logs(&settings);
    let application = match settings {
        Ok(settings) => Application::build(settings).await,
        Err(error) => Err(error.into()),
    };
    let application = match application {
        Ok(application) => application,
        Err(error) => {
            eprintln!("sms-scheduler cannot start: {error}");
            return ExitCode::FAILURE;
        }
    };
    let url = application.url();
    match log_format {
        LogFormat::Text => println!("SMS Scheduler is ready at {url}"),
        // Every line a JSON object, this one too.
        LogFormat::Json => tracing::info!(%url, "SMS Scheduler is ready at {url}"),
    }
    let (api, workers, drain) = application.into_parts();
    let grace = drain.grace;
    run_until_stopped(api, workers, "sms-scheduler", grace, Some(drain)).await
}

async fn serve_sandbox(listen: &str) -> ExitCode {
    let Ok(listen) = listen.parse::<SocketAddr>() else {
        eprintln!("--listen {listen:?} is not an address such as 127.0.0.1:4000");
        return ExitCode::from(2);
    };
    let settings = Settings::load();
    start_logs(&settings);
    let configuration = match settings.and_then(Settings::parse) {
        Ok(configuration) => configuration,
        Err(error) => {
            eprintln!("sms-scheduler cannot start: {error}");
            return ExitCode::FAILURE;
        }
    };
    let sandbox = match standalone::build(listen, &configuration.settings.sandbox).await {
        Ok(sandbox) => sandbox,
        Err(error) => {
            eprintln!("the sandbox stopped: {error}");
            return ExitCode::FAILURE;
        }
    };
    sandbox.announce();
    let grace =
        std::time::Duration::from_secs(configuration.settings.server.shutdown_grace_seconds);
    run_until_stopped(sandbox.api, sandbox.workers, "the sandbox", grace, None).await
}

/// Runs the API and the workers beside it until the process is told to stop or one of them
/// fails, then stops them all with one signal: the API takes no more requests and lets those in
/// flight finish, the workers stop, the hand-overs in flight finish, and the instance's claims
/// are let go (`drain`), all within `grace`.
async fn run_until_stopped(
    api: Api,
    workers: Workers,
    what: &str,
    grace: std::time::Duration,
    drain: Option<Drain>,
) -> ExitCode {
    let stop = CancellationToken::new();
    let mut tasks = JoinSet::new();
    api.spawn_on(&mut tasks, &stop);
    workers.spawn_on(&mut tasks, &stop);
    let mut failed = false;
    tokio::select! {
        () = shutdown_signal() => tracing::info!(?grace, "stopping: no new requests; those in flight may finish"),
        Some(first) = tasks.join_next() => failed |= report(first, what),
    }
    stop.cancel();
    let deadline = tokio::time::Instant::now() + grace;
    while let Ok(Some(next)) = tokio::time::timeout_at(deadline, tasks.join_next()).await {
        failed |= report(next, what);
    }
    if !tasks.is_empty() {
        tracing::warn!(
            running = tasks.len(),
            "requests still in flight when the grace period ended"
        );
        tasks.abort_all();
    }
    if let Some(drain) = drain {
        drain.finish(deadline).await;
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Says how a task ended; whether it failed.
fn report(ended: Result<Stopped, tokio::task::JoinError>, what: &str) -> bool {
    match ended {
        Ok(Stopped {
            outcome: Ok(()), ..
        }) => false,
        Ok(Stopped {
            task,
            outcome: Err(error),
        }) => {
            eprintln!("{what} stopped ({task}): {error}");
            true
        }
        Err(error) => {
            eprintln!("{what} stopped: a task failed: {error}");
            true
        }
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
