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

    /// Why the user may not use `right` (tracked); `None` while the server has not said, so
    /// that nothing the user may use blinks out and back.
    pub fn refusal(self, right: Right) -> Option<Refusal> {
        self.signed_in()?.role.refusal(right)
    }
}
