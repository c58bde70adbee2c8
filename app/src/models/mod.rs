//! Types that cross the wire between the browser and the server functions.

mod access;
mod approval;
mod audit;
pub(crate) mod calendar_date;
mod campaign;
mod error;
mod notice;
mod opt_out;
mod preview;
mod problem;
mod provider;
mod recipient_file;
mod refusal;
mod refusal_code;
mod schedule;
mod settings;
mod status;

pub use access::{LimitedAction, NotLetIn, Right, Role, SignedIn};
pub use approval::{
    Approval, ApprovalDecision, ApprovalReason, DecisionAvailability, DecisionKind,
    MAX_REJECTION_REASON,
};
pub use audit::{AuditAction, AuditEntry, AuditFilter, AuditOutcome, AuditPage, AuditSubject};
pub use campaign::{
    CampaignAction, CampaignActionKind, CampaignDetail, CampaignFilter, CampaignOperation,
    CampaignPage, CampaignState, CampaignSummary, OperationAvailability, OperationKind,
    OperationReport, RecipientEvent, RecipientView, SendSpan, StatusCount,
};
pub use error::{AppError, Field, FieldError};
pub use notice::{
    ClockChange, Closed, Notice, NumberKind, Reconciliation, ResendBlocked, Then, UndeliveredCause,
};
pub use opt_out::{OptOutEntry, OptOutImport, OptOutPage, StillScheduled};
pub use preview::{CampaignPreview, PreviewRecipient, SwitchedToUcs2};
pub use problem::{Problem, RuleBreak};
pub use provider::{
    Amount, Balance, CancelLimits, Capabilities, LowBalance, ProductCredit, ProviderId,
    ProviderInfo, Support,
};
pub use recipient_file::{RecipientFileSummary, RECIPIENT_FILES_PATH};
pub use refusal::Refusal;
pub use refusal_code::RefusalCode;
pub use schedule::{
    CampaignDraft, DuplicateRecipient, ExcludedRecipient, ProviderOption, ProviderOptions,
    RecipientWarning, RejectedRecipient, ScheduleProgress, ScheduleReceipt, ScheduleRequest,
    SubmissionOutcome, SubmissionReceipt,
};
pub use settings::{
    ApprovalRuleTerms, ApprovalTerms, CapTerms, Enforcement, PolicyInfo, SandboxClockView,
    ServerSettings, WindowTerms, ZoneChoice,
};
pub use status::{EventSource, RecipientStatus};
