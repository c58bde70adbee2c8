//! Scheduling from the composer, step by step: a fresh check of the form, the confirm step, the
//! hand-over, its receipt; and the form filled with a campaign's refused recipients to schedule
//! again. Signals of its own rather than a `ServerAction` (kilobytes of wasm).

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::calls::{fetch_draft, fetch_preview, send_schedule, DraftOf};
use super::form::ComposerForm;
use crate::client::{focus_first_invalid, new_campaign_id};
use crate::components::CreditSpent;
use crate::fetched::Fetched;
use crate::held::Held;
use crate::models::{
    AppError, Balance, CampaignPreview, Field, FieldError, Problem, ProviderId, ScheduleReceipt,
    ScheduleRequest,
};

/// The provider's balance as the composer reads it.
pub type BalanceFetch = Fetched<Result<Balance, AppError>>;

#[derive(Clone, Copy)]
pub struct ScheduleFlow {
    /// A fresh check of the form is under way (before the confirm step).
    pub checking: RwSignal<bool>,
    /// The request awaiting confirmation, with what it would do.
    pub confirming: Held<(ScheduleRequest, CampaignPreview)>,
    /// A campaign is being handed over.
    pub pending: RwSignal<bool>,
    /// The campaign being handed over (its id, chosen here so its hand-over can be followed).
    pub scheduling: Held<(String, ProviderId)>,
    /// The receipt of the last campaign scheduled.
    pub receipt: Held<ScheduleReceipt>,
    /// The form as it stands was just scheduled: scheduling it again is a deliberate act
    /// ("schedule again"), never a second tap on the button that was under the user's finger.
    pub just_scheduled: RwSignal<bool>,
    /// The form's errors: from the check before the confirm step, or from scheduling itself.
    pub error: Held<AppError>,
    /// The form holds a campaign loaded again, or its refused recipients: how many, the
    /// campaign's provider, and which of the two.
    pub again: Held<(u64, ProviderId, DraftOf)>,
    /// Counts the form's changes: a check whose answer comes after one is about a form no longer
    /// there, and is dropped (its errors would stick to fixed lines; its confirm step would
    /// confirm the old form).
    edits: RwSignal<u64>,
    /// Taken when the page is made: the context is out of reach once the hand-over's answer comes.
    spent: Option<CreditSpent>,
}

impl ScheduleFlow {
    /// Nothing checked or scheduled yet; `request` is the form's, and a change to it makes a
    /// confirmation stale.
    pub fn new(request: impl Fn() -> ScheduleRequest + 'static) -> Self {
        let flow = Self {
            checking: RwSignal::new(false),
            confirming: Held::new(),
            pending: RwSignal::new(false),
            scheduling: Held::new(),
            receipt: Held::new(),
            just_scheduled: RwSignal::new(false),
            error: Held::new(),
            again: Held::new(),
            edits: RwSignal::new(0),
            spent: CreditSpent::from_context(),
        };
        Effect::new(move |before: Option<ScheduleRequest>| {
            let current = request();
            let stale = flow
                .confirming
                .with_untracked(|c| c.is_some_and(|(r, _)| *r != current));
            if stale {
                flow.confirming.set(None);
            }
            if before.as_ref().is_some_and(|before| *before != current) {
                flow.edits.update(|n| *n += 1);
            }
            // The errors were the form's as it was: once it changes, the live preview says what
            // is still wrong, and a fixed line no longer shows its old error.
            if before.is_some_and(|before| before != current) && flow.error.is_some_untracked() {
                flow.error.set(None);
            }
            current
        });
        flow
    }

    /// Checks `request` afresh; the confirm step shows what it would do, or the form its errors.
    pub fn check(self, request: ScheduleRequest, balance: BalanceFetch) {
        self.checking.set(true);
        let edits = self.edits.get_untracked();
        spawn_local(async move {
            let checked = fetch_preview(request.clone()).await;
            self.checking.set(false);
            if self.edits.get_untracked() != edits {
                return;
            }
            match checked {
                // A preview of the right lines only: the others are to be fixed first.
                Ok(preview) if !preview.lines_to_fix.is_empty() => {
                    self.refuse(AppError::Invalid(preview.lines_to_fix));
                }
                Ok(preview) => match shortfall_of(&request, &preview, balance.get_untracked()) {
                    Some(problem) => {
                        let problem = FieldError::new(Field::Provider, problem);
                        self.refuse(AppError::Invalid(vec![problem]));
                    }
                    None => {
                        self.error.set(None);
                        self.confirming.set(Some((request, preview)));
                    }
                },
                Err(problem) => self.refuse(problem),
            }
        });
    }

    /// Shows the form's errors, the first field in error (in the form's order) focused: after
    /// Schedule, the user (and a screen reader) lands on what to fix rather than on the button.
    fn refuse(self, error: AppError) {
        let mut first = None;
        if let AppError::Invalid(errors) = &error {
            first = errors.first().map(|e| e.field.id());
        }
        self.error.set(Some(error));
        if let Some(id) = first {
            focus_first_invalid("form.composer", id);
        }
    }

    /// Hands over the confirmed request; the balance is read again once it is.
    pub fn confirm(self, balance: BalanceFetch) {
        let Some((request, _)) = self.confirming.get_untracked() else {
            return;
        };
        self.confirming.set(None);
        let campaign_id = new_campaign_id();
        self.scheduling
            .set(campaign_id.clone().map(|id| (id, request.provider)));
        self.pending.set(true);
        spawn_local(async move {
            let outcome = send_schedule(request, campaign_id).await;
            self.pending.set(false);
            match outcome {
                Ok(scheduled) => {
                    self.error.set(None);
                    // The note said what the form held; it is scheduled now.
                    self.again.set(None);
                    self.just_scheduled.set(true);
                    self.receipt.set(Some(scheduled));
                    // What the campaign spent shows at once.
                    balance.refetch();
                    if let Some(spent) = self.spent {
                        spent.record();
                    }
                }
                Err(problem) => {
                    self.receipt.set(None);
                    self.refuse(problem);
                }
            }
        });
    }

    /// Fills `form` with campaign `id`'s settings and list, or only its refused recipients, to
    /// be checked and confirmed like any other.
    pub fn load_again(self, id: String, of: DraftOf, form: ComposerForm) {
        spawn_local(async move {
            match fetch_draft(id, of).await {
                Ok(draft) => {
                    let provider = draft.request.provider;
                    self.again.set(Some((draft.recipients, provider, of)));
                    form.fill(draft.request);
                    self.receipt.set(None);
                    self.just_scheduled.set(false);
                }
                Err(problem) => self.error.set(Some(problem)),
            }
        });
    }

    /// Ready for a new campaign: the last one's receipt and notes go.
    pub fn start_new(self) {
        self.again.set(None);
        self.receipt.set(None);
        self.just_scheduled.set(false);
    }

    /// The messages about `field`, in the user's language.
    pub fn errors_for(self, field: Field) -> Signal<Vec<String>> {
        let i18n = crate::i18n::use_i18n();
        let error = self.error;
        Signal::derive(move || {
            error
                .get()
                .map(|e| i18n.t().field_errors(&e, field))
                .unwrap_or_default()
        })
    }
}

/// What keeps the campaign from going out whole: an estimate over the provider's balance (a
/// simulation costs nothing).
pub fn shortfall_of(
    request: &ScheduleRequest,
    preview: &CampaignPreview,
    balance: Option<Result<Balance, AppError>>,
) -> Option<Problem> {
    if request.options.simulation {
        return None;
    }
    balance?
        .ok()?
        .shortfall(preview.cost?, preview.currency.as_deref()?)
}
