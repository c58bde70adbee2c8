//! A file the user picks (a CSV of numbers), read as text in the browser: it then goes to the
//! server like typed text. Where the page can send a large file as it is (a recipient list),
//! only its first bytes are read here. A file not in UTF-8 is read in the charset it is in
//! (`FileCharset`), by the browser's own decoder.

use std::borrow::Cow;

use crate::domain::file_charset::FileCharset;
use crate::domain::line_ends::with_lf;

/// Larger files are refused before reading (the server takes 20 MB per call).
pub const MAX_FILE_BYTES: f64 = 20.0 * 1024.0 * 1024.0;
/// Larger recipient files are uploaded as they are rather than loaded into the page.
pub const EDITABLE_FILE_BYTES: f64 = 512.0 * 1024.0;
/// Bytes of a large file read to find its header.
pub const HEAD_BYTES: f64 = 64.0 * 1024.0;

/// A file too large to load into the page: its first bytes, and the file to send.
#[derive(Debug, Clone)]
pub struct LargeFile {
    pub name: String,
    pub bytes: f64,
    /// Its first `HEAD_BYTES` (fewer in a shorter file).
    pub head: Vec<u8>,
    /// What its first bytes are written in: UTF-8, Windows-1252 or Mac Roman (the server reads it
    /// so).
    pub charset: FileCharset,
    #[cfg(feature = "csr")]
    pub file: web_sys::File,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PickedFile {
    pub name: String,
    pub text: String,
    /// What it was read as.
    pub charset: FileCharset,
}

/// Why a picked file could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum FileProblem {
    /// Over `MAX_FILE_BYTES`; its size in megabytes.
    TooLarge { name: String, megabytes: f64 },
    /// Not text the browser can decode.
    Unreadable { name: String },
    /// Too large to load into the page, and in UTF-16, which is not sent as it is.
    LargeUtf16 { name: String },
}

/// `bytes` as text, read in `charset` (a byte-order mark dropped), every line end made `\n` (a
/// file's lines are then counted as its user's editor counts them). A character cut at their
/// end, or broken UTF-16, is replaced: `sniff` says UTF-8 of whole files only when they are.
pub fn decode(bytes: &[u8], charset: FileCharset) -> Option<String> {
    #[cfg(feature = "csr")]
    let text = web_sys::TextDecoder::new_with_label(charset.label())
        .ok()?
        .decode_with_u8_array(bytes)
        .ok()?;
    #[cfg(not(feature = "csr"))]
    let text = {
        let _ = charset;
        String::from_utf8_lossy(bytes).into_owned()
    };
    Some(match with_lf(&text) {
        Cow::Borrowed(_) => text,
        Cow::Owned(text) => text,
    })
}

/// Reads the file chosen in the `<input type="file">` the event came from, then calls `done`;
/// nothing when the choice was cleared. With `large`, a file over `EDITABLE_FILE_BYTES` goes to
/// it with only its head read. The reading (its charset sniffed, its text decoded) comes in a
/// chunk of its own: a file is picked after the first screen.
pub fn read_picked_file(
    event: leptos::ev::Event,
    large: Option<leptos::prelude::Callback<LargeFile>>,
    done: impl FnOnce(Result<PickedFile, FileProblem>) + 'static,
) {
    #[cfg(feature = "csr")]
    {
        use wasm_bindgen::JsCast;

        let Some(input) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        // The same file can be chosen again (after a fix, or to send it once more).
        input.set_value("");
        leptos::task::spawn_local(async move {
            match reading::read(file, large.is_some()).await {
                reading::Read::Whole(read) => done(read),
                reading::Read::Large(file) => {
                    if let Some(large) = large {
                        leptos::prelude::Callable::run(&large, file);
                    }
                }
            }
        });
    }
    #[cfg(not(feature = "csr"))]
    {
        // Files are read in the browser only.
        let _ = (event, large, done);
    }
}

#[cfg(feature = "csr")]
mod reading {
    use super::{decode, FileProblem, LargeFile, PickedFile};
    use super::{EDITABLE_FILE_BYTES, HEAD_BYTES, MAX_FILE_BYTES};
    use crate::domain::file_charset::FileCharset;

    /// What reading a picked file gave.
    pub enum Read {
        /// Its text, or why it could not be read.
        Whole(Result<PickedFile, FileProblem>),
        /// Too large to load into the page: its head, and the file to send.
        Large(LargeFile),
    }

    /// Reads `file`: only its head when `large_taken` and it is over `EDITABLE_FILE_BYTES`.
    #[leptos::lazy]
    pub async fn read(file: web_sys::File, large_taken: bool) -> Read {
        let name = file.name();
        if large_taken && file.size() > EDITABLE_FILE_BYTES {
            let head = match file.slice_with_f64_and_f64(0.0, HEAD_BYTES) {
                Ok(head) => wasm_bindgen_futures::JsFuture::from(head.array_buffer()).await,
                Err(error) => Err(error),
            };
            let Ok(head) = head else {
                return Read::Whole(Err(FileProblem::Unreadable { name }));
            };
            let head = js_sys::Uint8Array::new(&head).to_vec();
            let charset = FileCharset::sniff(&head, false);
            return match charset {
                FileCharset::Utf8 | FileCharset::Windows1252 | FileCharset::MacRoman => {
                    Read::Large(LargeFile {
                        name,
                        bytes: file.size(),
                        head,
                        charset,
                        file,
                    })
                }
                FileCharset::Utf16Le | FileCharset::Utf16Be => {
                    Read::Whole(Err(FileProblem::LargeUtf16 { name }))
                }
            };
        }
        if file.size() > MAX_FILE_BYTES {
            return Read::Whole(Err(FileProblem::TooLarge {
                name,
                megabytes: file.size() / 1024.0 / 1024.0,
            }));
        }
        let bytes = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await;
        let read = bytes.ok().and_then(|bytes| {
            let bytes = js_sys::Uint8Array::new(&bytes).to_vec();
            let charset = FileCharset::sniff(&bytes, true);
            // Said UTF-8 by its byte-order mark, but not UTF-8 throughout: not read, rather than
            // read with letters replaced.
            if charset == FileCharset::Utf8 && std::str::from_utf8(&bytes).is_err() {
                return None;
            }
            let text = decode(&bytes, charset)?;
            Some(PickedFile {
                name: name.clone(),
                text,
                charset,
            })
        });
        Read::Whole(read.ok_or(FileProblem::Unreadable { name }))
    }

    /// Fetches the reading's chunk ahead of a pick.
    pub async fn preload() {
        __preload_read().await;
    }
}

/// Fetches the chunk that reads a picked file, ahead of a pick.
pub async fn preload_reading() {
    #[cfg(feature = "csr")]
    reading::preload().await;
}
