//! What the signed-in user may do, as the page reads it: asked of the server once when the app
//! opens, to leave out controls the server would refuse. The server checks every request anyway.

use leptos::prelude::*;

use crate::api::settings::who_am_i;
use crate::fetched::Fetched;
use crate::models::{AppError, Refusal, Right, SignedIn};

#[derive(Clone, Copy)]
pub struct Access(Fetched<Result<SignedIn, AppError>>);

impl Access {
    /// Asks the server who the user is, for the whole app.
    pub fn provide() {
        provide_context(Access(Fetched::new(who_am_i)));
    }

    pub fn from_context() -> Self {
        expect_context::<Access>()
    }

    /// Who the server sees, once it has said.
    pub fn signed_in(self) -> Option<SignedIn> {
        self.0.get().and_then(Result::ok)
    }

    /// Whether the app's own sign-in has ended (tracked).
    pub fn signed_out(self) -> bool {
        matches!(self.0.get(), Some(Err(AppError::SignedOut)))
    }

    /// Whether the server should be asked now and then whether the session still holds: with
    /// the app's own sign-in, or once it has ended (to see it back).
    pub fn watches_session(self) -> bool {
        self.signed_out() || self.signed_in().is_some_and(|who| who.can_sign_out)
    }

    /// Asks again at once when `error` says the sign-in has ended, so that the page offers to
    /// sign in again beside the error.
    /// Untracked: an effect calling this reruns only when its error changes.
    pub fn heed(self, error: Option<&AppError>) {
        let known = matches!(self.0.get_untracked(), Some(Err(AppError::SignedOut)));
        if matches!(error, Some(AppError::SignedOut)) && !known {
            self.recheck();
        }
    }

    /// Asks the server again who the user is.
    pub fn recheck(self) {
        self.0.refetch();
    }

    /// Why the user may not use `right` (tracked); `None` while the server has not said, so
    /// that nothing the user may use blinks out and back.
    pub fn refusal(self, right: Right) -> Option<Refusal> {
        self.signed_in()?.role.refusal(right)
    }
}
