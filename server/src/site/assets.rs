//! Finds the built bundle's file names (hashed by `cargo leptos build`) in the site's package folder.

use std::path::Path;

/// Folder of the site root that holds the JS, wasm and CSS.
pub const PKG_DIR: &str = "pkg";
/// The bundle's file names begin with it (`name` in the workspace's leptos metadata).
const OUTPUT_NAME: &str = "sms-scheduler.";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteAssets {
    pub js: String,
    pub wasm: String,
    pub css: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum AssetsError {
    #[error("cannot read {0}: {1} (run `make run` or `cargo leptos build --release`)")]
    Unreadable(String, std::io::Error),
    #[error("{dir} has no {what} file (run `make run` or `cargo leptos build --release`)")]
    Missing { dir: String, what: &'static str },
}

impl SiteAssets {
    pub fn discover(pkg_dir: &Path) -> Result<Self, AssetsError> {
        let entries = std::fs::read_dir(pkg_dir)
            .map_err(|e| AssetsError::Unreadable(pkg_dir.display().to_string(), e))?;
        let mut names: Vec<String> = entries
            .filter_map(Result::ok)
            .filter_map(|entry| entry.file_name().into_string().ok())
            .collect();
        // Newest build first is not knowable from names; a stable order keeps start-up deterministic.
        names.sort();
        // The app's own files (`sms-scheduler.<hash>.js`), not the chunks a split build adds.
        let find = |extension: &str| {
            names
                .iter()
                .find(|name| name.starts_with(OUTPUT_NAME) && name.ends_with(extension))
                .cloned()
        };
        let missing = |what| AssetsError::Missing {
            dir: pkg_dir.display().to_string(),
            what,
        };
        Ok(Self {
            js: find(".js").ok_or_else(|| missing("JavaScript"))?,
            wasm: find(".wasm").ok_or_else(|| missing("WebAssembly"))?,
            css: find(".css"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_apps_hashed_names_among_compressed_copies_and_split_chunks() {
        let dir = std::env::temp_dir().join(format!("sms-assets-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        for name in [
            "sms-scheduler.abc.js",
            "sms-scheduler.abc.js.gz",
            "sms-scheduler.def.wasm",
            "sms-scheduler.def.wasm.br",
            "sms-scheduler.123.css",
            // What a split build adds next to them.
            "__wasm_split.xyz.js",
            "__wasm_split_manifest.xyz.json",
            "chunk_5.xyz.wasm",
            "split___settings_route_view_1.xyz.wasm",
        ] {
            std::fs::write(dir.join(name), b"x").unwrap();
        }
        let assets = SiteAssets::discover(&dir).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(assets.js, "sms-scheduler.abc.js");
        assert_eq!(assets.wasm, "sms-scheduler.def.wasm");
        assert_eq!(assets.css.as_deref(), Some("sms-scheduler.123.css"));
    }

    #[test]
    fn a_missing_build_is_reported() {
        assert!(SiteAssets::discover(Path::new("/nonexistent/pkg")).is_err());
    }
}
