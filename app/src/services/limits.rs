//! How often each person may ask for what costs the server work or money.

use super::Actor;
use crate::models::{AppError, LimitedAction};

pub trait RequestLimits: Send + Sync + 'static {
    /// Counts one `action` of `actor`'s; refused (`AppError::Throttled`, with how long to wait)
    /// once they have used up their allowance for the minute.
    fn admit(&self, actor: &Actor, action: LimitedAction) -> Result<(), AppError>;
}
