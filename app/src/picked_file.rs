//! A file the user picks (a CSV of numbers), read as text in the browser: it then goes to the
//! server like typed text. Where the page can send a large file as it is (a recipient list),
//! only its first bytes are read here. A file not in UTF-8 is read in the charset it is in
//! (`FileCharset`), by the browser's own decoder.

use crate::domain::file_charset::FileCharset;

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
    /// What its first bytes are written in: UTF-8 or Windows-1252 (the server reads it so).
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

/// `bytes` as text, read in `charset` (a byte-order mark dropped). A character cut at their end,
/// or broken UTF-16, is replaced: `sniff` says UTF-8 of whole files only when they are.
pub fn decode(bytes: &[u8], charset: FileCharset) -> Option<String> {
    #[cfg(feature = "csr")]
    {
        web_sys::TextDecoder::new_with_label(charset.label())
            .ok()?
            .decode_with_u8_array(bytes)
            .ok()
    }
    #[cfg(not(feature = "csr"))]
    {
        let _ = charset;
        Some(String::from_utf8_lossy(bytes).into_owned())
    }
}

/// Reads the file chosen in the `<input type="file">` the event came from, then calls `done`;
/// nothing when the choice was cleared. With `large`, a file over `EDITABLE_FILE_BYTES` goes to
/// it with only its head read.
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
        let name = file.name();
        // The same file can be chosen again (after a fix, or to send it once more).
        input.set_value("");
        if let Some(large) = large.filter(|_| file.size() > EDITABLE_FILE_BYTES) {
            leptos::task::spawn_local(async move {
                let head = match file.slice_with_f64_and_f64(0.0, HEAD_BYTES) {
                    Ok(head) => wasm_bindgen_futures::JsFuture::from(head.array_buffer()).await,
                    Err(error) => Err(error),
                };
                let Ok(head) = head else {
                    return done(Err(FileProblem::Unreadable { name }));
                };
                let head = js_sys::Uint8Array::new(&head).to_vec();
                let charset = FileCharset::sniff(&head, false);
                match charset {
                    FileCharset::Utf8 | FileCharset::Windows1252 => leptos::prelude::Callable::run(
                        &large,
                        LargeFile {
                            name,
                            bytes: file.size(),
                            head,
                            charset,
                            file,
                        },
                    ),
                    FileCharset::Utf16Le | FileCharset::Utf16Be => {
                        done(Err(FileProblem::LargeUtf16 { name }))
                    }
                }
            });
            return;
        }
        if file.size() > MAX_FILE_BYTES {
            done(Err(FileProblem::TooLarge {
                name,
                megabytes: file.size() / 1024.0 / 1024.0,
            }));
            return;
        }
        leptos::task::spawn_local(async move {
            let bytes = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await;
            let read = bytes.ok().and_then(|bytes| {
                let bytes = js_sys::Uint8Array::new(&bytes).to_vec();
                let charset = FileCharset::sniff(&bytes, true);
                // Said UTF-8 by its byte-order mark, but not UTF-8 throughout: not read, rather
                // than read with letters replaced.
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
            done(read.ok_or(FileProblem::Unreadable { name }));
        });
    }
    #[cfg(not(feature = "csr"))]
    {
        // Files are read in the browser only.
        let _ = (event, large, done);
    }
}
