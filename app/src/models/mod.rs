//! Types that cross the wire between the browser and the server functions.

mod error;
mod provider;
mod schedule;
mod status;

pub use error::{AppError, Field, FieldError};
pub use provider::{Balance, Capabilities, ProviderId, ProviderInfo, Support};
pub use schedule::{
    DuplicateRecipient, ExcludedRecipient, RecipientWarning, RejectedRecipient, ScheduleReceipt,
    ScheduleRequest, SubmissionOutcome, SubmissionReceipt,
};
pub use status::RecipientStatus;
