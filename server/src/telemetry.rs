//! Logs to standard output, as text or one JSON object a line (`logging.format`); `RUST_LOG`
//! overrides the default level. A request's lines carry its span (method, redacted URI, request
//! id). Text is coloured on a terminal only, unless `NO_COLOR` says otherwise: a file, a pipe or
//! a service manager's journal gets plain lines.

use std::io::IsTerminal;
use tracing_subscriber::EnvFilter;

use crate::configuration::LogFormat;

pub fn init(format: LogFormat) {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_http=info"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter);
    // On a terminal, tracing-subscriber's own default: colours unless `NO_COLOR` is set.
    let builder = if std::io::stdout().is_terminal() {
        builder
    } else {
        builder.with_ansi(false)
    };
    // A second call (tests) is harmless.
    let _ = match format {
        LogFormat::Text => builder.try_init(),
        LogFormat::Json => builder
            .json()
            .with_current_span(true)
            .with_span_list(true)
            .try_init(),
    };
}
