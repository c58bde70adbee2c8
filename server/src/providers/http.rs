//! What every provider client shares: how it connects, and how it describes a failed exchange.

use std::time::Duration;

/// An HTTP client with a timeout on the whole call and a shorter one on connecting.
pub fn client(timeout: Duration) -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(timeout)
        .connect_timeout(timeout.min(Duration::from_secs(5)))
        .build()
        .expect("the TLS backend is compiled in")
}

/// A lost exchange in plain words. The words reach the browser and the ledger, so the URL goes:
/// reqwest names it in its message, and a real account's base URL is its own host.
pub fn transport_failure(error: reqwest::Error) -> String {
    let what = if error.is_timeout() {
        "no answer in time"
    } else if error.is_connect() {
        "could not connect"
    } else {
        "the connection failed"
    };
    format!("{what} ({})", error.without_url())
}

/// The pause before retry number `attempt` (1 for the first retry): doubling from `first`, with up to
/// 50 % jitter so instances retrying together spread out.
pub fn backoff(first: Duration, attempt: u32) -> Duration {
    let base = first * 2u32.saturating_pow(attempt.saturating_sub(1));
    base + base.mul_f64(rand::random::<f64>() * 0.5)
}

/// The wait a 429 answer asks for, when its `Retry-After` gives it in seconds (the HTTP-date form
/// is not used by either provider).
pub fn retry_after(headers: &reqwest::header::HeaderMap) -> Option<Duration> {
    headers
        .get(reqwest::header::RETRY_AFTER)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.trim().parse::<u64>().ok())
        .map(Duration::from_secs)
}

/// The start of an unexpected body, short enough for a message.
pub fn excerpt(body: &str) -> String {
    const LIMIT: usize = 300;
    match body.char_indices().nth(LIMIT) {
        Some((index, _)) => format!("{}…", &body[..index]),
        None => body.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_lost_exchange_does_not_name_the_url() {
        let nothing_listens = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap();
        let url = format!("http://{nothing_listens}/v1/private-account-path");
        let error = client(Duration::from_secs(2))
            .get(&url)
            .send()
            .await
            .unwrap_err();
        assert!(
            error.to_string().contains("private-account-path"),
            "reqwest names it"
        );
        let words = transport_failure(error);
        assert!(words.starts_with("could not connect"), "{words}");
        assert!(!words.contains("private-account-path"), "{words}");
        assert!(
            !words.contains(&nothing_listens.port().to_string()),
            "{words}"
        );
    }

    #[test]
    fn excerpts_cut_long_bodies_on_a_character_boundary() {
        assert_eq!(excerpt("short"), "short");
        let long = "é".repeat(400);
        assert_eq!(excerpt(&long).chars().count(), 301);
    }
}
