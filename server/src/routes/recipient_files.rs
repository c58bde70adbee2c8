//! `POST …/recipient-files?name=…`: a recipient list uploaded as a file, its bytes the body
//! (`Content-Type: text/csv`), read as it arrives; answered with what was read
//! (`RecipientFileSummary`) or, when nothing is kept, the error (`AppError`): in JSON, or in the
//! server functions' encoding (postcard) for the app's pages, which ask for it in `Accept`.

use app::domain::file_charset::FileCharset;
use app::models::{AppError, LimitedAction, Right};
use axum::body::Body;
use axum::extract::{Query, State};
use axum::http::header::{CONTENT_LENGTH, CONTENT_TYPE};
use axum::http::{HeaderMap, Request, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};

use super::error_status::status_of;
use super::request_origin::{self, Refused, POSTCARD};
use super::server_fns::ServerFnState;
use super::sign_in;
use crate::identity::SessionUse;

/// Longest file name kept, in characters (it only labels the list).
const NAME_CHARS: usize = 200;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct UploadQuery {
    /// The file's name on the uploader's machine.
    pub name: String,
}

pub async fn upload(
    State(state): State<ServerFnState>,
    Query(query): Query<UploadQuery>,
    request: Request<Body>,
) -> Response {
    let (parts, body) = request.into_parts();
    let encoding = Encoding::asked(&parts.headers);
    // A page of another origin cannot send `text/csv` without the browser asking first, nor
    // any body from our origin.
    if !request_origin::has_media_type(&parts.headers, "text/csv") {
        let reason = "a recipient file is sent as the request's body, with Content-Type: text/csv";
        return (StatusCode::UNSUPPORTED_MEDIA_TYPE, reason).into_response();
    }
    let charset = match body_charset(&parts.headers) {
        Ok(charset) => charset,
        Err(named) => {
            let reason = format!(
                "a recipient file is read in UTF-8 (the default), windows-1252, macintosh (Mac \
                 Roman) or UTF-16, not in {named:?}: send it in one of them, saying which in \
                 Content-Type's charset"
            );
            return (StatusCode::UNSUPPORTED_MEDIA_TYPE, reason).into_response();
        }
    };
    if !request_origin::from_own_origin(&parts.headers) {
        return (Refused::Origin.status(), Refused::Origin.reason()).into_response();
    }
    let identified = sign_in::identify(
        &state.gate,
        &parts.extensions,
        &parts.headers,
        SessionUse::Use,
    )
    .await;
    let actor = match identified {
        Ok(actor) => actor,
        Err(refused) => {
            return match refused.as_app_error() {
                Some(error) => encoding.answer(status_of(&error), &error),
                None => refused.into_response(),
            }
        }
    };
    let read = async {
        actor.require(Right::Send)?;
        state
            .services
            .limits
            .admit(&actor, LimitedAction::Preview)?;
        // Announced larger than taken: refused before it is read.
        if announced_length(&parts.headers) > Some(state.recipient_files.max_bytes()) {
            return Err(state.recipient_files.too_large());
        }
        let name: String = query.name.trim().chars().take(NAME_CHARS).collect();
        // A task of its own: a client gone, the handler is dropped, and the upload must still
        // delete what it wrote.
        let files = state.recipient_files.clone();
        let uploader = actor.clone();
        tokio::spawn(async move { files.upload(&uploader, &name, charset, body).await })
            .await
            .map_err(|error| {
                tracing::error!(%error, "a recipient file's upload failed");
                AppError::Internal("the file could not be read; nothing was kept".into())
            })?
    };
    match read.await {
        Ok(summary) => encoding.answer(StatusCode::OK, &summary),
        Err(error) => encoding.answer(status_of(&error), &error),
    }
}

/// What the body is written in, as `Content-Type`'s `charset` says (any name browsers give it:
/// `latin1` is Windows-1252); UTF-8 when it says nothing. `Err`: a charset not read, as named.
fn body_charset(headers: &HeaderMap) -> Result<FileCharset, String> {
    let Some(named) = request_origin::media_type_parameter(headers, "charset") else {
        return Ok(FileCharset::Utf8);
    };
    let encoding = encoding_rs::Encoding::for_label(named.as_bytes());
    match encoding {
        Some(encoding) if encoding == encoding_rs::UTF_8 => Ok(FileCharset::Utf8),
        Some(encoding) if encoding == encoding_rs::WINDOWS_1252 => Ok(FileCharset::Windows1252),
        Some(encoding) if encoding == encoding_rs::MACINTOSH => Ok(FileCharset::MacRoman),
        Some(encoding) if encoding == encoding_rs::UTF_16LE => Ok(FileCharset::Utf16Le),
        Some(encoding) if encoding == encoding_rs::UTF_16BE => Ok(FileCharset::Utf16Be),
        Some(_) | None => Err(named),
    }
}

/// How an answer is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Encoding {
    Json,
    Postcard,
}

impl Encoding {
    fn asked(headers: &HeaderMap) -> Self {
        if request_origin::asks_for_postcard(headers) {
            Encoding::Postcard
        } else {
            Encoding::Json
        }
    }

    fn answer(self, status: StatusCode, value: &impl Serialize) -> Response {
        match self {
            Encoding::Json => (status, Json(value)).into_response(),
            Encoding::Postcard => match postcard::to_allocvec(value) {
                Ok(bytes) => (status, [(CONTENT_TYPE, POSTCARD)], bytes).into_response(),
                Err(error) => {
                    tracing::error!(%error, "an upload's answer could not be encoded");
                    StatusCode::INTERNAL_SERVER_ERROR.into_response()
                }
            },
        }
    }
}

fn announced_length(headers: &HeaderMap) -> Option<u64> {
    headers
        .get(CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse().ok())
}
