//! The single-page app as the browser gets it: an HTML shell for every page route, the built
//! files (precompressed, hashed names cached for a year), and nothing else.

mod assets;
mod csp;
mod shell;

use axum::http::{header, HeaderValue, StatusCode, Uri};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get_service;
use axum::Router;
use std::path::Path;
use std::sync::Arc;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

pub use assets::{SiteAssets, PKG_DIR};
pub use csp::FrameAncestors;

/// The page every route answers with, and the policy it is served under.
struct Shell {
    html: String,
    policy: HeaderValue,
}

/// Routes for the shell and the site's files, relative to the base path.
pub fn routes(
    site_root: &Path,
    base_path: &str,
    max_file_bytes: u64,
    frame_ancestors: &FrameAncestors,
    sign_out_origin: Option<&str>,
) -> Router {
    let assets = SiteAssets::discover(&site_root.join(PKG_DIR));
    if let Err(error) = &assets {
        tracing::warn!(%error, "the browser app is not built; pages will say so");
    }
    let assets = assets.ok();
    let boot = assets
        .as_ref()
        .map(|assets| shell::boot_script(base_path, assets))
        .unwrap_or_default();
    let shell = Arc::new(Shell {
        html: shell::render(base_path, max_file_bytes, assets.as_ref()),
        policy: HeaderValue::from_str(&csp::policy(&boot, frame_ancestors, sign_out_origin))
            .expect("the policy is built from validated, visible ASCII"),
    });

    // Hashed file names never change content: cache them for a year.
    let pkg = ServeDir::new(site_root.join(PKG_DIR))
        .precompressed_br()
        .precompressed_gzip();
    let pkg = tower::ServiceBuilder::new()
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("public, max-age=31536000, immutable"),
        ))
        .service(pkg);
    let public_files = ServeDir::new(site_root)
        .append_index_html_on_directories(false)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(get_service(tower::service_fn(
            move |request: axum::extract::Request| {
                let shell = shell.clone();
                async move {
                    Ok::<_, std::convert::Infallible>(shell_or_not_found(request.uri(), &shell))
                }
            },
        )));
    Router::new()
        .nest_service(&format!("/{PKG_DIR}"), pkg)
        .fallback_service(public_files)
}

/// Page routes get the shell; a missing file (a name with an extension) is a plain 404.
fn shell_or_not_found(uri: &Uri, shell: &Shell) -> Response {
    let last_segment = uri.path().rsplit('/').next().unwrap_or_default();
    if last_segment.contains('.') {
        return (StatusCode::NOT_FOUND, "Not found").into_response();
    }
    (
        [
            (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
            (header::CONTENT_SECURITY_POLICY, shell.policy.clone()),
        ],
        Html(shell.html.clone()),
    )
        .into_response()
}
