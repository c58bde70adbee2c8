//! What every provider client shares: how it connects, when it tries a call again, and how it
//! describes a failed exchange.

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

/// A failed exchange as the retry policy reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// No answer, or a 5xx: the provider may not have acted, and nothing says the same call would
    /// fail again.
    Transient,
    /// A 429, with the wait its `Retry-After` asks for when it gives one.
    RateLimited(Option<Duration>),
    /// An answer that the same call would get again.
    Final,
}

impl Failure {
    /// An answer outside the contract: a 5xx is the provider's passing trouble, anything else is
    /// what the same call would get again.
    pub fn of_unexpected(status: u16) -> Self {
        if status >= 500 {
            Failure::Transient
        } else {
            Failure::Final
        }
    }
}

/// How a provider client's error reads to the retry policy.
pub trait Retryable {
    fn failure(&self) -> Failure;
}

/// The one retry policy of the provider clients: a call is tried up to `attempts` times (the first
/// included) while it fails in a way a retry can mend, pausing between tries.
#[derive(Debug, Clone, Copy)]
pub struct RetryPolicy {
    pub attempts: u32,
    /// The first pause (doubled each time, with jitter; see [`backoff`]).
    pub first_backoff: Duration,
    /// The longest `Retry-After` a 429 may ask to be waited for before the call is tried again;
    /// `None`: a 429 is not retried (the caller decides when the same request goes again).
    pub longest_asked_wait: Option<Duration>,
}

impl RetryPolicy {
    /// The pause before try `attempt + 1` after `failure`; `None`: not tried again.
    fn wait_after(&self, failure: Failure, attempt: u32) -> Option<Duration> {
        if attempt >= self.attempts {
            return None;
        }
        match failure {
            Failure::Transient => Some(backoff(self.first_backoff, attempt)),
            Failure::RateLimited(asked) => match (asked, self.longest_asked_wait) {
                (_, None) => None,
                (Some(asked), Some(longest)) if asked > longest => None,
                (Some(asked), Some(_)) => Some(asked),
                (None, Some(_)) => Some(backoff(self.first_backoff, attempt)),
            },
            Failure::Final => None,
        }
    }

    /// Runs `call` under this policy; `what` names it in the logs.
    pub async fn run<T, E, F, Fut>(&self, what: &str, mut call: F) -> Result<T, E>
    where
        E: Retryable,
        F: FnMut() -> Fut,
        Fut: std::future::Future<Output = Result<T, E>>,
    {
        let mut attempt = 1;
        loop {
            let result = call().await;
            let wait = match &result {
                Ok(_) => None,
                Err(error) => self.wait_after(error.failure(), attempt),
            };
            match wait {
                Some(wait) => {
                    tracing::debug!(what, attempt, ?wait, "trying a provider call again");
                    tokio::time::sleep(wait).await;
                    attempt += 1;
                }
                None => return result,
            }
        }
    }
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
