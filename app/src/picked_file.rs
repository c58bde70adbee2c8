//! A file the user picks (a CSV of numbers), read as text in the browser: it then goes to the
//! server like typed text. Where the page can send a large file as it is (a recipient list),
//! only its first bytes are read here.

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
    #[cfg(feature = "csr")]
    pub file: web_sys::File,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PickedFile {
    pub name: String,
    pub text: String,
}

/// Why a picked file could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum FileProblem {
    /// Over `MAX_FILE_BYTES`; its size in megabytes.
    TooLarge { name: String, megabytes: f64 },
    /// Not text the browser can decode.
    Unreadable { name: String },
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
                match head {
                    Ok(head) => leptos::prelude::Callable::run(
                        &large,
                        LargeFile {
                            name,
                            bytes: file.size(),
                            head: js_sys::Uint8Array::new(&head).to_vec(),
                            file,
                        },
                    ),
                    Err(_) => done(Err(FileProblem::Unreadable { name })),
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
            let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
            done(
                text.ok()
                    .and_then(|text| text.as_string())
                    .map(|text| PickedFile {
                        name: name.clone(),
                        text,
                    })
                    .ok_or(FileProblem::Unreadable { name }),
            );
        });
    }
    #[cfg(not(feature = "csr"))]
    {
        // Files are read in the browser only.
        let _ = (event, large, done);
    }
}
