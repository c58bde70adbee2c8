//! Built-in sign-in's routes under `<base>/auth/`: sign-in (to the identity provider), its
//! callback, sign-out, and the two short pages said after them; and the guard that sends a page
//! opened without a session to sign in first.

use axum::body::Body;
use axum::extract::{Query, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;
use std::sync::Arc;

use super::{request_origin, sign_in};
use crate::identity::oidc::{SignIn, SignInFailure};
use crate::identity::sessions::{self, request_cookie, SESSION_COOKIE, SIGN_IN_COOKIE};
use crate::storage::SIGN_IN_PATIENCE;

/// Where the routes are mounted, under the base path.
pub const AUTH_PATH: &str = "/auth";

pub fn routes(sign_in: Arc<SignIn>) -> Router {
    Router::new()
        .route("/sign-in", get(begin))
        .route("/callback", get(callback))
        .route("/sign-out", post(sign_out))
        .route("/signed-out", get(signed_out))
        .route("/signed-in", get(signed_in))
        .with_state(sign_in)
}

#[derive(Debug, Deserialize)]
pub struct BeginQuery {
    return_to: Option<String>,
}

async fn begin(
    State(sign_in): State<Arc<SignIn>>,
    Query(query): Query<BeginQuery>,
    headers: HeaderMap,
) -> Response {
    match sign_in.begin(query.return_to.as_deref()).await {
        Ok(begun) => {
            let cookie = sessions::cookie(
                &sign_in_cookie(&begun.state),
                &begun.state,
                &auth_path(&sign_in),
                sign_in.config().secure_cookies,
                SIGN_IN_PATIENCE,
            );
            redirect(&begun.authorize_url, Some(cookie))
        }
        Err(failure) => failed(&sign_in, &headers, &failure),
    }
}

#[derive(Debug, Deserialize)]
pub struct CallbackQuery {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
    error_description: Option<String>,
}

async fn callback(
    State(sign_in): State<Arc<SignIn>>,
    Query(query): Query<CallbackQuery>,
    request: Request,
) -> Response {
    let headers = request.headers();
    let outcome = match (query.code, query.state, query.error) {
        (_, _, Some(error)) => Err(SignInFailure::Refused(
            query.error_description.unwrap_or(error),
        )),
        (Some(code), Some(state), None) => {
            let browser_state = request_cookie(headers, &sign_in_cookie(&state));
            let peer = sign_in::peer(request.extensions());
            sign_in
                .finish(&state, &code, browser_state, peer)
                .await
                .map(|finished| (finished, state))
        }
        (None, _, None) | (_, None, None) => Err(SignInFailure::Expired),
    };
    match outcome {
        Ok((finished, state)) => {
            let session = sessions::cookie(
                SESSION_COOKIE,
                &finished.token,
                cookie_path(&sign_in),
                sign_in.config().secure_cookies,
                sign_in.config().lifetimes.absolute,
            );
            let mut response = redirect(&finished.return_to, Some(session));
            append_cookie(
                &mut response,
                forget(&sign_in, &sign_in_cookie(&state), &auth_path(&sign_in)),
            );
            response
        }
        // An answer used already (the back button, a second tab) while signed in: nothing to say.
        Err(SignInFailure::Expired)
            if sign_in
                .identify(sign_in::peer(request.extensions()), headers, false)
                .await
                .is_ok() =>
        {
            redirect(&format!("{}/", sign_in.base_path()), None)
        }
        Err(failure) => failed(&sign_in, headers, &failure),
    }
}

async fn sign_out(State(sign_in): State<Arc<SignIn>>, request: Request) -> Response {
    let headers = request.headers();
    if !request_origin::from_own_origin(headers) {
        let refused = request_origin::Refused::Origin;
        return (refused.status(), refused.reason()).into_response();
    }
    let peer = sign_in::peer(request.extensions());
    let next = sign_in.sign_out(peer, headers).await;
    let path = cookie_path(&sign_in).to_owned();
    redirect(&next, Some(forget(&sign_in, SESSION_COOKIE, &path)))
}

async fn signed_out(State(sign_in): State<Arc<SignIn>>, headers: HeaderMap) -> Response {
    let words = Words::of(&headers);
    page(
        StatusCode::OK,
        words,
        words.signed_out,
        "",
        &sign_in_path(&sign_in),
        words.sign_in,
    )
}

async fn signed_in(State(sign_in): State<Arc<SignIn>>, headers: HeaderMap) -> Response {
    let words = Words::of(&headers);
    let home = format!("{}/", sign_in.base_path());
    page(
        StatusCode::OK,
        words,
        words.signed_in,
        words.close_tab,
        &home,
        words.open_app,
    )
}

/// Sends a page opened without a live session to sign in, and back to it afterwards. Only pages
/// (what a browser asks for as HTML) are sent; the app's code and files are served to anyone.
pub async fn guard(State(sign_in): State<Arc<SignIn>>, request: Request, next: Next) -> Response {
    let wants_page = request.method() == Method::GET
        && request
            .headers()
            .get(header::ACCEPT)
            .and_then(|accept| accept.to_str().ok())
            .is_some_and(|accept| accept.contains("text/html"));
    if !wants_page {
        return next.run(request).await;
    }
    let peer = sign_in::peer(request.extensions());
    if sign_in
        .identify(peer, request.headers(), true)
        .await
        .is_ok()
    {
        return next.run(request).await;
    }
    // Nested under the base path, the URI here lacks it.
    let asked = request
        .uri()
        .path_and_query()
        .map_or("/", |path| path.as_str());
    let return_to = format!("{}{asked}", sign_in.base_path());
    let mut target = format!("{}?", sign_in_path(&sign_in));
    target.push_str(
        &openidconnect::url::form_urlencoded::Serializer::new(String::new())
            .append_pair("return_to", &return_to)
            .finish(),
    );
    redirect(&target, None)
}

/// The cookie keeping a sign-in's state: one per sign-in, so that two begun in two tabs both end.
fn sign_in_cookie(state: &str) -> String {
    let key: String = state
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .take(16)
        .collect();
    format!("{SIGN_IN_COOKIE}_{key}")
}

fn sign_in_path(sign_in: &SignIn) -> String {
    format!("{}/sign-in", auth_path(sign_in))
}

fn auth_path(sign_in: &SignIn) -> String {
    format!("{}{AUTH_PATH}", sign_in.base_path())
}

fn cookie_path(sign_in: &SignIn) -> &str {
    match sign_in.base_path() {
        "" => "/",
        path => path,
    }
}

fn forget(sign_in: &SignIn, name: &str, path: &str) -> String {
    sessions::cookie(
        name,
        "",
        path,
        sign_in.config().secure_cookies,
        chrono::Duration::zero(),
    )
}

fn redirect(location: &str, cookie: Option<String>) -> Response {
    let mut response = Response::builder()
        .status(StatusCode::SEE_OTHER)
        .header(header::LOCATION, location)
        .header(header::CACHE_CONTROL, "no-store")
        .body(Body::empty())
        .expect("a redirect to a valid URL");
    if let Some(cookie) = cookie {
        append_cookie(&mut response, cookie);
    }
    response
}

fn append_cookie(response: &mut Response, cookie: String) {
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
}

fn failed(sign_in: &SignIn, headers: &HeaderMap, failure: &SignInFailure) -> Response {
    let status = match failure {
        SignInFailure::Expired | SignInFailure::Refused(_) => StatusCode::BAD_REQUEST,
        SignInFailure::NoRole(_) | SignInFailure::NameTaken(_) => StatusCode::FORBIDDEN,
        SignInFailure::Provider { .. } | SignInFailure::Answer(_) => StatusCode::BAD_GATEWAY,
        SignInFailure::Store(_) | SignInFailure::Busy => StatusCode::SERVICE_UNAVAILABLE,
    };
    tracing::warn!(%failure, "sign-in failed");
    let words = Words::of(headers);
    // What went wrong inside (the database's or the network's words) is for the log only.
    let why = match failure {
        SignInFailure::Provider { issuer, .. } => format!(
            "the identity provider at {issuer} could not be reached or read: try again in a moment"
        ),
        SignInFailure::Answer(_) => {
            "the identity provider's answer could not be checked: try again".to_owned()
        }
        SignInFailure::Store(_) => {
            "the app could not record the sign-in: try again in a moment".to_owned()
        }
        SignInFailure::Expired
        | SignInFailure::Refused(_)
        | SignInFailure::NoRole(_)
        | SignInFailure::NameTaken(_)
        | SignInFailure::Busy => failure.to_string(),
    };
    page(
        status,
        words,
        words.not_signed_in,
        &why,
        &sign_in_path(sign_in),
        words.sign_in,
    )
}

/// The words of these pages, in the browser's first language when it is French.
#[derive(Clone, Copy)]
struct Words {
    lang: &'static str,
    title: &'static str,
    signed_out: &'static str,
    signed_in: &'static str,
    close_tab: &'static str,
    not_signed_in: &'static str,
    sign_in: &'static str,
    open_app: &'static str,
}

impl Words {
    fn of(headers: &HeaderMap) -> Self {
        let french = headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|value| value.to_str().ok())
            .is_some_and(|languages| {
                languages
                    .trim_start()
                    .to_ascii_lowercase()
                    .starts_with("fr")
            });
        if french {
            Words {
                lang: "fr",
                title: "Planificateur de SMS",
                signed_out: "Vous êtes déconnecté.",
                signed_in: "Vous êtes de nouveau connecté.",
                close_tab: "Revenez à l’onglet où vous travailliez : ce que vous y avez saisi est resté. Cet onglet peut être fermé.",
                not_signed_in: "La connexion n’a pas abouti.",
                sign_in: "Se connecter",
                open_app: "Ouvrir l’application",
            }
        } else {
            Words {
                lang: "en",
                title: "SMS scheduler",
                signed_out: "You are signed out.",
                signed_in: "You are signed in again.",
                close_tab: "Go back to the tab you were working in: what you typed there is still there. This tab can be closed.",
                not_signed_in: "Signing in did not work.",
                sign_in: "Sign in",
                open_app: "Open the app",
            }
        }
    }
}

fn page(
    status: StatusCode,
    words: Words,
    heading: &str,
    text: &str,
    link: &str,
    link_text: &str,
) -> Response {
    let escape = |text: &str| {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    let body = format!(
        "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title></head><body><main><h1>{heading}</h1><p>{text}</p>\
         <p><a href=\"{link}\">{link_text}</a></p></main></body></html>",
        lang = words.lang,
        title = escape(words.title),
        heading = escape(heading),
        text = escape(text),
        link = escape(link),
        link_text = escape(link_text),
    );
    let mut response = (status, Html(body)).into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}
