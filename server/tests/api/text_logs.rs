//! Text logs (`logging.format = "text"`, the default) written to a file, a pipe or a service
//! manager's journal: plain lines, without the colour codes a terminal gets.

use std::process::Stdio;
use std::time::Duration;
use tokio::process::Command;

use crate::helpers::temp_sqlite_url;
use crate::log_secrets::line_in_log;

#[tokio::test]
async fn text_logs_away_from_a_terminal_have_no_colour_codes() {
    let log = std::env::temp_dir().join(format!("sms-scheduler-text-{}.txt", uuid::Uuid::new_v4()));
    let file = std::fs::File::create(&log).unwrap();
    let mut server = Command::new(env!("CARGO_BIN_EXE_sms-scheduler"))
        .env_clear()
        .current_dir(std::env::temp_dir())
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("SMS_SCHEDULER__SERVER__LISTEN", "127.0.0.1:0")
        .env("SMS_SCHEDULER__DATABASE__URL", temp_sqlite_url())
        .stdout(Stdio::from(file.try_clone().unwrap()))
        .stderr(Stdio::from(file))
        .kill_on_drop(true)
        .spawn()
        .expect("the server binary starts");
    line_in_log(&log, "SMS Scheduler is ready at ", Duration::from_secs(30)).await;
    // A line of the log proper, written before the server was ready.
    let claims = line_in_log(&log, "claims submissions as", Duration::from_secs(10)).await;
    assert!(claims.contains(" INFO "), "{claims}");
    server.kill().await.unwrap();
    let text = std::fs::read_to_string(&log).unwrap();
    let _ = std::fs::remove_file(&log);
    assert!(
        !text.contains('\u{1b}'),
        "colour codes in the log: {text:?}"
    );
}
