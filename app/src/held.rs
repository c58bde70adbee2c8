//! Values that views read whole (a step of the composer's flow, a server's answer), kept in a
//! signal of one type: the value behind `dyn Any`, handed out as its own type on reading.
//!
//! Leptos compiles a signal's code once per type of value, about a kilobyte of gzip in the wasm
//! for each. The composer's first screen holds a dozen such values of types of their own; kept
//! here, their signals share one copy of that code (see the README's Measurements).

use leptos::prelude::*;
use std::any::Any;
use std::marker::PhantomData;
use std::sync::Arc;

/// A value of any type, as kept.
type Kept = Arc<dyn Any + Send + Sync>;

/// A value of type `T`, or none; read and written whole, like `RwSignal<Option<T>>`.
pub struct Held<T> {
    value: RwSignal<Option<Kept>>,
    kind: PhantomData<fn() -> T>,
}

impl<T> Clone for Held<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Held<T> {}

impl<T: Clone + Send + Sync + 'static> Default for Held<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T: Clone + Send + Sync + 'static> Held<T> {
    /// Holding nothing yet.
    pub fn new() -> Self {
        Self {
            value: RwSignal::new(None),
            kind: PhantomData,
        }
    }

    /// The value, tracked.
    pub fn get(self) -> Option<T> {
        Self::typed(self.value.get())
    }

    /// The value, untracked.
    pub fn get_untracked(self) -> Option<T> {
        Self::typed(self.value.get_untracked())
    }

    /// Reads the value in place, tracked.
    pub fn with<R>(self, read: impl FnOnce(Option<&T>) -> R) -> R {
        self.value
            .with(|kept| read(kept.as_ref().and_then(|kept| kept.downcast_ref())))
    }

    /// Subscribes the running effect to the value's changes.
    pub fn track(self) {
        self.value.track();
    }

    /// Reads the value in place, untracked.
    pub fn with_untracked<R>(self, read: impl FnOnce(Option<&T>) -> R) -> R {
        self.value
            .with_untracked(|kept| read(kept.as_ref().and_then(|kept| kept.downcast_ref())))
    }

    /// Whether there is a value, tracked.
    pub fn is_some(self) -> bool {
        self.value.with(Option::is_some)
    }

    /// Whether there is a value, untracked.
    pub fn is_some_untracked(self) -> bool {
        self.value.with_untracked(Option::is_some)
    }

    pub fn set(self, value: Option<T>) {
        self.value.set(Self::kept(value));
    }

    /// Sets the value unless the signal is gone (the page it belonged to was left).
    pub fn try_set(self, value: Option<T>) {
        let _ = self.value.try_set(Self::kept(value));
    }

    fn kept(value: Option<T>) -> Option<Kept> {
        value.map(|value| Arc::new(value) as Kept)
    }

    /// The value as its own type: only this handle writes it, so it is always a `T`.
    fn typed(kept: Option<Kept>) -> Option<T> {
        let value = kept.as_ref().map(|kept| kept.downcast_ref::<T>());
        debug_assert!(!matches!(value, Some(None)), "a Held value of another type");
        value.flatten().cloned()
    }
}
