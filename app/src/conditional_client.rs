//! The client of the server functions the pages poll (a campaign, the campaign list): it keeps
//! each function's last answer and sends its tag with the next call; the server
//! answers `304 Not Modified` without a body when its answer is the same bytes
//! (`server/src/routes/conditional.rs`), and the kept answer is used. Nothing else changes: the
//! server still works the answer out, and any other status passes through as it came.

use leptos::server_fn::client::browser::BrowserClient;
use leptos::server_fn::client::Client;
use leptos::server_fn::error::{FromServerFnError, IntoAppError, ServerFnErrorErr};
use leptos::server_fn::request::browser::BrowserRequest;
use leptos::server_fn::response::browser::BrowserResponse;
use leptos::server_fn::response::ClientRes;
use leptos::server_fn::Bytes;
use sha2::{Digest, Sha256};
use std::cell::RefCell;
use std::future::Future;

/// The tag of an answer's bytes, as the server sends it in `ETag` and reads it in
/// `If-None-Match`: weak (the same answer may travel in gzip or not), the first 16 bytes of its
/// SHA-256 in hex. The page works it out from the bytes itself: server_fn's browser response
/// gives its headers only as an `http::HeaderMap` (`generate_headers`), and a first version
/// reading them so (with its answers in a `HashMap`) added 8.8 KB gzip to the first screen's
/// wasm; this one adds none measurable.
pub fn answer_tag(bytes: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let digest = Sha256::digest(bytes);
    let mut tag = String::with_capacity(36);
    tag.push_str("W/\"");
    for byte in &digest[..16] {
        tag.push(char::from(HEX[usize::from(byte >> 4)]));
        tag.push(char::from(HEX[usize::from(byte & 0x0f)]));
    }
    tag.push('"');
    tag
}

/// The browser's client, with answers kept by tag.
pub struct ConditionalClient;

/// An answer: as it came, or its bytes (received now, or kept from an earlier call).
pub enum Answer {
    AsItCame(BrowserResponse),
    Bytes(Bytes),
}

/// A function's last answer: its URL, tag and bytes.
struct Kept {
    url: String,
    tag: String,
    bytes: Bytes,
}

thread_local! {
    /// The last answer of each function called through this client (two).
    static KEPT: RefCell<Vec<Kept>> = const { RefCell::new(Vec::new()) };
}

fn kept_for(url: &str) -> Option<(String, Bytes)> {
    KEPT.with(|kept| {
        kept.borrow()
            .iter()
            .find(|kept| kept.url == url)
            .map(|kept| (kept.tag.clone(), kept.bytes.clone()))
    })
}

fn keep(url: String, bytes: Bytes) {
    let tag = answer_tag(&bytes);
    KEPT.with(|kept| {
        let mut kept = kept.borrow_mut();
        kept.retain(|kept| kept.url != url);
        kept.push(Kept { url, tag, bytes });
    });
}

const NOT_MODIFIED: u16 = 304;
const OK: u16 = 200;

impl<E, IS, OS> Client<E, IS, OS> for ConditionalClient
where
    E: FromServerFnError,
    IS: FromServerFnError,
    OS: FromServerFnError,
{
    type Request = BrowserRequest;
    type Response = Answer;

    fn send(request: Self::Request) -> impl Future<Output = Result<Self::Response, E>> + Send {
        let url = request.url();
        let kept = kept_for(&url);
        if let Some((tag, _)) = &kept {
            request.headers().set("if-none-match", tag);
        }
        let sent = <BrowserClient as Client<E, IS, OS>>::send(request);
        async move {
            let response = sent.await?;
            match ClientRes::<E>::status(&response) {
                NOT_MODIFIED => match kept {
                    Some((_, bytes)) => Ok(Answer::Bytes(bytes)),
                    None => Err(ServerFnErrorErr::Response(
                        "the server said an answer not asked about was not modified".to_owned(),
                    )
                    .into_app_error()),
                },
                OK => {
                    let bytes = ClientRes::<E>::try_into_bytes(response).await?;
                    keep(url, bytes.clone());
                    Ok(Answer::Bytes(bytes))
                }
                _ => Ok(Answer::AsItCame(response)),
            }
        }
    }

    fn open_websocket(
        path: &str,
    ) -> impl Future<
        Output = Result<
            (
                impl futures::Stream<Item = Result<Bytes, Bytes>> + Send + 'static,
                impl futures::Sink<Bytes> + Send + 'static,
            ),
            E,
        >,
    > + Send {
        <BrowserClient as Client<E, IS, OS>>::open_websocket(path)
    }

    fn spawn(future: impl Future<Output = ()> + Send + 'static) {
        <BrowserClient as Client<E, IS, OS>>::spawn(future)
    }
}

impl<E: FromServerFnError> ClientRes<E> for Answer {
    async fn try_into_string(self) -> Result<String, E> {
        match self {
            Answer::AsItCame(response) => response.try_into_string().await,
            Answer::Bytes(bytes) => String::from_utf8(bytes.to_vec()).map_err(|error| {
                ServerFnErrorErr::Deserialization(error.to_string()).into_app_error()
            }),
        }
    }

    async fn try_into_bytes(self) -> Result<Bytes, E> {
        match self {
            Answer::AsItCame(response) => response.try_into_bytes().await,
            Answer::Bytes(bytes) => Ok(bytes),
        }
    }

    fn try_into_stream(
        self,
    ) -> Result<impl futures::Stream<Item = Result<Bytes, Bytes>> + Send + 'static, E> {
        match self {
            Answer::AsItCame(response) => response.try_into_stream(),
            Answer::Bytes(_) => Err(ServerFnErrorErr::Response(
                "a kept answer is not read as a stream".to_owned(),
            )
            .into_app_error()),
        }
    }

    fn status(&self) -> u16 {
        match self {
            Answer::AsItCame(response) => ClientRes::<E>::status(response),
            Answer::Bytes(_) => OK,
        }
    }

    fn status_text(&self) -> String {
        match self {
            Answer::AsItCame(response) => ClientRes::<E>::status_text(response),
            Answer::Bytes(_) => "OK".to_owned(),
        }
    }

    fn location(&self) -> String {
        match self {
            Answer::AsItCame(response) => ClientRes::<E>::location(response),
            Answer::Bytes(_) => String::new(),
        }
    }

    fn has_redirect(&self) -> bool {
        match self {
            Answer::AsItCame(response) => ClientRes::<E>::has_redirect(response),
            Answer::Bytes(_) => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::answer_tag;

    #[test]
    fn a_tag_is_weak_and_names_the_bytes() {
        // SHA-256 of "abc" begins ba7816bf8f01cfea414140de5dae2223.
        assert_eq!(answer_tag(b"abc"), "W/\"ba7816bf8f01cfea414140de5dae2223\"");
        assert_ne!(answer_tag(b"abc"), answer_tag(b"abd"));
    }
}
