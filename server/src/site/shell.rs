//! The HTML page every route answers with; the wasm app renders into its body.

use app::client::{BASE_PATH_META, MAX_FILE_BYTES_META};

use super::assets::{SiteAssets, PKG_DIR};

/// The app's icon, in `public/` (copied to the site root).
pub const FAVICON: &str = "favicon.svg";

/// The page's one inline script, which loads the wasm app (the CSP names it by its hash).
pub fn boot_script(base_path: &str, assets: &SiteAssets) -> String {
    let pkg = format!("{base_path}/{PKG_DIR}");
    format!(
        r#"import init from "{pkg}/{js}"; init({{ module_or_path: "{pkg}/{wasm}" }});"#,
        js = assets.js,
        wasm = assets.wasm,
    )
}

/// `base_path` is validated by the configuration (URL-safe characters only), so it needs no escaping.
/// `max_file_bytes`: the largest recipient file taken, which the page checks before sending one.
pub fn render(base_path: &str, max_file_bytes: u64, assets: Option<&SiteAssets>) -> String {
    let head_assets = match assets {
        Some(assets) => {
            let pkg = format!("{base_path}/{PKG_DIR}");
            let css = assets
                .css
                .as_ref()
                .map(|css| format!(r#"<link rel="stylesheet" href="{pkg}/{css}">"#))
                .unwrap_or_default();
            format!(
                r#"{css}
<link rel="modulepreload" href="{pkg}/{js}">
<link rel="preload" href="{pkg}/{wasm}" as="fetch" type="application/wasm" crossorigin>
<script type="module">{boot}</script>"#,
                js = assets.js,
                wasm = assets.wasm,
                boot = boot_script(base_path, assets),
            )
        }
        None => String::new(),
    };
    let body = if assets.is_some() {
        r#"<noscript>SMS Scheduler needs JavaScript and WebAssembly.</noscript>"#
    } else {
        r#"<p>The browser app is not built. Run <code>make run</code>.</p>"#
    };
    format!(
        r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="{BASE_PATH_META}" content="{base_path}">
<meta name="{MAX_FILE_BYTES_META}" content="{max_file_bytes}">
<title>SMS Scheduler</title>
<link rel="icon" href="{base_path}/{FAVICON}" type="image/svg+xml">
{head_assets}
</head>
<body>{body}</body>
</html>
"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_the_bundle_under_the_base_path() {
        let assets = SiteAssets {
            js: "a.1.js".into(),
            wasm: "a_bg.1.wasm".into(),
            css: Some("a.1.css".into()),
        };
        let html = render("/tools/sms", 1024, Some(&assets));
        assert!(html.contains(r#"content="/tools/sms""#));
        assert!(html.contains(r#"<meta name="sms-scheduler-max-file-bytes" content="1024">"#));
        assert!(html.contains(r#"href="/tools/sms/pkg/a.1.css""#));
        assert!(html.contains(r#"import init from "/tools/sms/pkg/a.1.js""#));
        assert!(html.contains(r#"module_or_path: "/tools/sms/pkg/a_bg.1.wasm""#));
        assert!(html.contains(r#"<link rel="icon" href="/tools/sms/favicon.svg""#));
    }

    #[test]
    fn the_icon_it_names_is_among_the_public_files() {
        let public = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../public");
        assert!(public.join(FAVICON).is_file());
        assert!(render("", 1, None).contains(r#"<link rel="icon" href="/favicon.svg""#));
    }

    #[test]
    fn says_so_when_the_app_is_not_built() {
        assert!(render("", 1, None).contains("not built"));
    }
}
