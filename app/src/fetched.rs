//! Answers from the server that views read like signals. Lighter in the wasm than Leptos's
//! resources: the composer's first screen, which reads four of them, is kilobytes smaller; and
//! each answer is [`Held`], in a signal of one type whatever the answer's.

use leptos::prelude::*;
use leptos::task::spawn_local;
use std::future::Future;

use crate::held::Held;

/// The latest answer of a server call; `None` until the first one has come.
pub struct Fetched<T: Send + Sync + 'static> {
    answer: Held<T>,
    calls: RwSignal<u64>,
}

impl<T: Send + Sync + 'static> Clone for Fetched<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Fetched<T> {}

impl<T: Clone + Send + Sync + 'static> Fetched<T> {
    /// Calls `fetch` at once, again whenever a signal it reads before its future starts changes,
    /// and on [`Fetched::refetch`]. An answer overtaken by a newer call is dropped, so a slow
    /// answer to an old question never replaces the answer to the current one.
    pub fn new<Call>(fetch: impl Fn() -> Call + 'static) -> Self
    where
        Call: Future<Output = T> + 'static,
    {
        let answer = Held::new();
        let calls = RwSignal::new(0_u64);
        Effect::new(move |_| {
            let call = fetch();
            let ticket = calls.get_untracked() + 1;
            calls.update_untracked(|calls| *calls = ticket);
            // Tracked after the update above, so that it does not run this effect again.
            calls.track();
            spawn_local(async move {
                let value = call.await;
                // `try_`: the page may have been left meanwhile.
                if calls.try_get_untracked() == Some(ticket) {
                    answer.try_set(Some(value));
                }
            });
        });
        Self { answer, calls }
    }

    /// The latest answer, tracked.
    pub fn get(&self) -> Option<T> {
        self.answer.get()
    }

    /// The latest answer, untracked.
    pub fn get_untracked(&self) -> Option<T> {
        self.answer.get_untracked()
    }

    /// Asks again, keeping the last answer until the new one comes.
    pub fn refetch(&self) {
        self.calls.update(|calls| *calls += 1);
    }
}
