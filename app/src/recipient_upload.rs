//! A recipient file too large to load into the page goes to the server as it is
//! (`POST …/recipient-files`, see `RecipientFileSummary`): the server reads it as it arrives, and
//! the browser's own progress events say how far the sending has gone. Its code comes in a chunk
//! of its own, fetched when a large file is picked.

use leptos::prelude::Callback;

use crate::domain::file_charset::FileCharset;
use crate::models::{AppError, RecipientFileSummary};

/// What to send: the file as picked, or with its header row rewritten (column mapping).
#[derive(Debug, Clone)]
pub struct FileUpload {
    pub name: String,
    pub bytes: f64,
    /// What its bytes are written in, said in its `Content-Type`.
    pub charset: FileCharset,
    #[cfg(feature = "csr")]
    pub body: web_sys::Blob,
}

/// How far the sending has gone, in bytes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct UploadProgress {
    pub sent: f64,
    pub total: f64,
}

impl UploadProgress {
    /// Whole percent sent, 0 to 100.
    pub fn percent(self) -> u8 {
        if self.total <= 0.0 {
            return 0;
        }
        (self.sent / self.total * 100.0).clamp(0.0, 100.0) as u8
    }
}

/// Sends `upload`, reporting each step to `progress`, which says whether the upload is still
/// wanted: once it is not (the form was reset, another file picked), the sending is stopped and
/// the server keeps nothing of it. What the server read, or why it took nothing.
#[leptos::lazy]
pub async fn upload_recipient_file(
    upload: FileUpload,
    progress: Callback<UploadProgress, bool>,
) -> Result<RecipientFileSummary, AppError> {
    // Over the server's limit: said at once, rather than after sending as much.
    if let Some(max_bytes) = crate::client::max_file_bytes() {
        if upload.bytes > max_bytes as f64 {
            return Err(AppError::file_too_large(max_bytes));
        }
    }
    #[cfg(feature = "csr")]
    {
        send(upload, progress).await
    }
    #[cfg(not(feature = "csr"))]
    {
        let _ = (upload, progress);
        Err(AppError::Transport("files are sent by the browser".into()))
    }
}

#[cfg(feature = "csr")]
async fn send(
    upload: FileUpload,
    progress: Callback<UploadProgress, bool>,
) -> Result<RecipientFileSummary, AppError> {
    use leptos::prelude::Callable;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;

    let failed = |what: &str| AppError::Transport(format!("the file could not be sent ({what})"));
    let request = web_sys::XmlHttpRequest::new().map_err(|_| failed("no request"))?;
    let url = format!(
        "{}{}?name={}",
        crate::client::base_path(),
        crate::models::RECIPIENT_FILES_PATH,
        crate::client::query_value(&upload.name)
    );
    request
        .open("POST", &url)
        .map_err(|_| failed("not opened"))?;
    let content_type = format!("text/csv; charset={}", upload.charset.label());
    request
        .set_request_header("Content-Type", &content_type)
        .map_err(|_| failed("no content type"))?;
    // The server functions' encoding: its decoding is in the page already.
    request
        .set_request_header("Accept", "application/x-postcard")
        .map_err(|_| failed("no accept"))?;
    request.set_response_type(web_sys::XmlHttpRequestResponseType::Arraybuffer);
    let sent = request.clone();
    let on_progress =
        Closure::<dyn FnMut(web_sys::ProgressEvent)>::new(move |event: web_sys::ProgressEvent| {
            let step = UploadProgress {
                sent: event.loaded(),
                total: event.total(),
            };
            let wanted = progress.try_run(step).unwrap_or(false);
            // A cut upload is deleted by the server; its answer goes nowhere.
            if !wanted {
                let _ = sent.abort();
            }
        });
    let sending = request.upload().map_err(|_| failed("no progress"))?;
    sending.set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
    let (ended, answered) = futures::channel::oneshot::channel::<()>();
    let on_end = Closure::once(move || {
        let _ = ended.send(());
    });
    request.set_onloadend(Some(on_end.as_ref().unchecked_ref()));
    request
        .send_with_opt_blob(Some(&upload.body))
        .map_err(|_| failed("not sent"))?;
    let _ = answered.await;
    sending.set_onprogress(None);
    request.set_onloadend(None);
    let status = request.status().unwrap_or(0);
    let body = request
        .response()
        .map(|body| js_sys::Uint8Array::new(&body).to_vec())
        .unwrap_or_default();
    match status {
        200 => postcard::from_bytes(&body).map_err(|_| failed("an answer not understood")),
        // No answer at all: the connection was lost (or the page is going away).
        0 => Err(failed("the connection was lost")),
        _ => Err(postcard::from_bytes::<AppError>(&body).unwrap_or_else(|_| {
            AppError::Transport(format!("{status}: {}", String::from_utf8_lossy(&body)))
        })),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_is_whole_percents_within_bounds() {
        let at = |sent, total| UploadProgress { sent, total }.percent();
        assert_eq!(at(0.0, 0.0), 0);
        assert_eq!(at(512.0, 1024.0), 50);
        assert_eq!(at(2048.0, 1024.0), 100);
    }
}
