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

/// A lost exchange in plain words; reqwest's message names the URL, never the headers that carry keys.
pub fn transport_failure(error: &reqwest::Error) -> String {
    let what = if error.is_timeout() {
        "no answer in time"
    } else if error.is_connect() {
        "could not connect"
    } else {
        "the connection failed"
    };
    format!("{what} ({error})")
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

    #[test]
    fn excerpts_cut_long_bodies_on_a_character_boundary() {
        assert_eq!(excerpt("short"), "short");
        let long = "é".repeat(400);
        assert_eq!(excerpt(&long).chars().count(), 301);
    }
}
