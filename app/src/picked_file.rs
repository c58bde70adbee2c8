//! A file the user picks (a CSV of numbers), read as text in the browser: it then goes to the
//! server like typed text.

/// Larger files are refused before reading (the server takes 20 MB per call).
pub const MAX_FILE_BYTES: f64 = 20.0 * 1024.0 * 1024.0;

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
/// nothing when the choice was cleared.
pub fn read_picked_file(
    event: leptos::ev::Event,
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
        let _ = (event, done);
    }
}
