use leptos::prelude::*;
use std::time::Duration;

use crate::access::Access;
use crate::client::base_path;
use crate::i18n::use_i18n;
use crate::polling::refresh_while;

/// How often an open page checks that the app's own sign-in still holds (asking does not keep
/// the session alive).
const SESSION_CHECK: Duration = Duration::from_secs(15);

/// Who is signed in, and their role; nothing without sign-in (everyone is the local operator
/// then). With the app's own sign-in, a sign-out button, and once the session has ended, a link
/// that signs in again in a new tab, so that this page and what was typed in it stay.
#[component]
pub fn SignedInAs() -> impl IntoView {
    let i18n = use_i18n();
    let access = Access::from_context();
    refresh_while(
        SESSION_CHECK,
        move || access.watches_session(),
        move || access.recheck(),
    );
    move || {
        let t = i18n.t();
        let auth = format!("{}/auth", base_path());
        if access.signed_out() {
            let again = format!(
                "{auth}/sign-in?return_to={}",
                encode_path(&format!("{auth}/signed-in"))
            );
            return Some(
                view! {
                    <p class="signed-in signed-out" role="alert" data-testid="signed-out">
                        {t.session_ended} " "
                        <a href=again target="_blank">{t.sign_in_again}</a>
                    </p>
                }
                .into_any(),
            );
        }
        let who = access.signed_in().filter(|who| who.from_sign_in)?;
        let role = (t.role_name)(who.role);
        let sign_out = who.can_sign_out.then(|| {
            view! {
                <form class="sign-out" method="post" action=format!("{auth}/sign-out")>
                    <button type="submit">{t.sign_out}</button>
                </form>
            }
        });
        Some(
            view! {
                <p class="signed-in" data-testid="signed-in">{who.name} " · " {role}</p>
                {sign_out}
            }
            .into_any(),
        )
    }
}

/// A path as a query value: what is not a letter, digit or `/-_.~` is percent-encoded.
fn encode_path(path: &str) -> String {
    path.bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => {
                char::from(byte).to_string()
            }
            other => format!("%{other:02X}"),
        })
        .collect()
}
