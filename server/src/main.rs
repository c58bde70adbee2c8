use sms_scheduler_server::configuration::Settings;
use sms_scheduler_server::startup::Application;
use sms_scheduler_server::{standalone_sandbox, telemetry};
use std::net::SocketAddr;
use std::process::ExitCode;

const USAGE: &str = "\
usage: sms-scheduler                       serve the app (configuration: see README)
       sms-scheduler sandbox [--listen ADDR]  serve only the provider sandboxes (default 127.0.0.1:4000)";

#[tokio::main]
async fn main() -> ExitCode {
    telemetry::init();
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

async fn serve_app() -> ExitCode {
    let application = match Settings::load() {
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
    println!("SMS Scheduler is ready at {}", application.url());
    match application.run_until_stopped().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("sms-scheduler stopped: {error}");
            ExitCode::FAILURE
        }
    }
}

async fn serve_sandbox(listen: &str) -> ExitCode {
    let Ok(listen) = listen.parse::<SocketAddr>() else {
        eprintln!("--listen {listen:?} is not an address such as 127.0.0.1:4000");
        return ExitCode::from(2);
    };
    let settings = match Settings::load() {
        Ok(settings) => settings,
        Err(error) => {
            eprintln!("sms-scheduler cannot start: {error}");
            return ExitCode::FAILURE;
        }
    };
    match standalone_sandbox::run(listen, &settings.sandbox).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("the sandbox stopped: {error}");
            ExitCode::FAILURE
        }
    }
}
