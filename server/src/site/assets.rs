//! Finds the built bundle's file names (hashed by `cargo leptos build`) in the site's package folder.

use std::path::Path;

/// Folder of the site root that holds the JS, wasm and CSS.
pub const PKG_DIR: &str = "pkg";

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
        let find = |extension: &str| names.iter().find(|name| name.ends_with(extension)).cloned();
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
    fn finds_hashed_names_and_ignores_compressed_copies() {
        let dir = std::env::temp_dir().join(format!("sms-assets-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        for name in [
            "app.abc.js",
            "app.abc.js.gz",
            "app_bg.def.wasm",
            "app_bg.def.wasm.br",
            "app.123.css",
        ] {
            std::fs::write(dir.join(name), b"x").unwrap();
        }
        let assets = SiteAssets::discover(&dir).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(assets.js, "app.abc.js");
        assert_eq!(assets.wasm, "app_bg.def.wasm");
        assert_eq!(assets.css.as_deref(), Some("app.123.css"));
    }

    #[test]
    fn a_missing_build_is_reported() {
        assert!(SiteAssets::discover(Path::new("/nonexistent/pkg")).is_err());
    }
}
