use sms_scheduler_server::configuration::Settings;
use sms_scheduler_server::startup::Application;
use sms_scheduler_server::telemetry;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    telemetry::init();
    let application = match Settings::load() {
        Ok(settings) => Application::build(settings).await,
        Err(error) => Err(error.into()),
    };
    let application = match application {
        Ok(application) => application,
        Err(error) => {
            eprintln!("sms-scheduler cannot start: {error}");
            return std::process::ExitCode::FAILURE;
        }
    };
    println!("SMS Scheduler is ready at {}", application.url());
    match application.run_until_stopped().await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("sms-scheduler stopped: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}
