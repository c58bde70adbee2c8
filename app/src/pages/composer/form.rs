//! The composer's fields, one signal each, and the request they make together; filled from a
//! request when the user schedules a campaign's refused recipients again.

use leptos::prelude::*;

use crate::client::browser_time_zone;
use crate::domain::{CampaignType, OutsideWindowKind, Purpose};
use crate::held::Held;
use crate::models::{ProviderId, ProviderOptions, ScheduleRequest};

#[derive(Clone, Copy)]
pub struct ComposerForm {
    pub name: RwSignal<String>,
    pub provider: RwSignal<ProviderId>,
    pub text: RwSignal<String>,
    pub recipients: RwSignal<String>,
    /// An uploaded list in place of `recipients`: its id.
    pub recipients_file: Held<String>,
    /// How many times the form was cleared or filled: an upload under way is then forgotten.
    pub resets: RwSignal<u64>,
    pub campaign_type: RwSignal<CampaignType>,
    pub sender: RwSignal<String>,
    pub send_at: RwSignal<String>,
    pub send_now: RwSignal<bool>,
    /// The time field shows something that is not a whole time yet.
    pub send_at_incomplete: RwSignal<bool>,
    /// Schedule was pressed while it did: the field says so from then on. Said as soon as the
    /// field was left, the message moved the button down under the pointer pressing it, and
    /// the press was lost.
    pub send_at_incomplete_said: RwSignal<bool>,
    pub time_zone: RwSignal<String>,
    pub purpose: RwSignal<Purpose>,
    /// The outside-window choice; an override's reason apart.
    pub outside_choice: RwSignal<OutsideWindowKind>,
    pub override_reason: RwSignal<String>,
    pub local_time: RwSignal<bool>,
    pub simulation: RwSignal<bool>,
    pub with_replies: RwSignal<bool>,
    pub remove_blacklisted: RwSignal<bool>,
    pub flash: RwSignal<bool>,
    pub validity: RwSignal<String>,
}

impl ComposerForm {
    /// An empty form, on the browser's time zone.
    pub fn new() -> Self {
        Self {
            name: RwSignal::new(String::new()),
            provider: RwSignal::new(ProviderId::Octopush),
            text: RwSignal::new(String::new()),
            recipients: RwSignal::new(String::new()),
            recipients_file: Held::new(),
            resets: RwSignal::new(0),
            campaign_type: RwSignal::new(CampaignType::Premium),
            sender: RwSignal::new(String::new()),
            send_at: RwSignal::new(String::new()),
            send_now: RwSignal::new(false),
            send_at_incomplete: RwSignal::new(false),
            send_at_incomplete_said: RwSignal::new(false),
            time_zone: RwSignal::new(browser_time_zone().unwrap_or_else(|| "UTC".to_owned())),
            purpose: RwSignal::new(Purpose::Alert),
            outside_choice: RwSignal::new(OutsideWindowKind::Defer),
            override_reason: RwSignal::new(String::new()),
            local_time: RwSignal::new(false),
            simulation: RwSignal::new(false),
            with_replies: RwSignal::new(false),
            remove_blacklisted: RwSignal::new(false),
            flash: RwSignal::new(false),
            validity: RwSignal::new(String::new()),
        }
    }

    /// The request the form makes (tracked: a closure over it follows every field).
    pub fn request(&self) -> ScheduleRequest {
        let provider = self.provider.get();
        let outside_window = self
            .outside_choice
            .get()
            .with_reason(self.override_reason.get());
        ScheduleRequest {
            name: self.name.get(),
            provider,
            text: self.text.get(),
            recipients: self.recipients.get(),
            recipients_file: self.recipients_file.get(),
            campaign_type: self.campaign_type.get(),
            sender: self.sender.get(),
            // The date field keeps what was typed while "now" is chosen, but it is not sent.
            send_at: if self.send_now.get() {
                String::new()
            } else {
                self.send_at.get()
            },
            send_now: self.send_now.get(),
            time_zone: self.time_zone.get(),
            purpose: self.purpose.get(),
            outside_window,
            local_time: self.local_time.get(),
            options: ProviderOptions {
                simulation: self.simulation.get(),
                with_replies: self.with_replies.get(),
                remove_blacklisted: self.remove_blacklisted.get(),
                flash: self.flash.get(),
                validity_minutes: self.validity.get(),
            }
            .for_provider(provider),
        }
    }

    /// Every field as `request` has it.
    pub fn fill(&self, request: ScheduleRequest) {
        self.name.set(request.name);
        self.provider.set(request.provider);
        self.text.set(request.text);
        self.recipients.set(request.recipients);
        // Only typed lists are filled in (a campaign, or its refused recipients, loaded again).
        self.recipients_file.set(None);
        self.resets.update(|n| *n += 1);
        self.campaign_type.set(request.campaign_type);
        self.sender.set(request.sender);
        self.send_at.set(request.send_at);
        self.send_now.set(request.send_now);
        self.send_at_incomplete.set(false);
        self.send_at_incomplete_said.set(false);
        self.time_zone.set(request.time_zone);
        self.purpose.set(request.purpose);
        self.outside_choice.set(request.outside_window.kind());
        let reason = request.outside_window.override_reason().unwrap_or_default();
        self.override_reason.set(reason.to_owned());
        self.local_time.set(request.local_time);
        self.simulation.set(request.options.simulation);
        self.with_replies.set(request.options.with_replies);
        self.remove_blacklisted
            .set(request.options.remove_blacklisted);
        self.flash.set(request.options.flash);
        self.validity.set(request.options.validity_minutes);
    }

    /// Ready for a new campaign: the name, the message, the recipients and the time are cleared;
    /// the choices stay.
    pub fn clear_for_new(&self) {
        self.name.set(String::new());
        self.text.set(String::new());
        self.recipients.set(String::new());
        self.recipients_file.set(None);
        self.resets.update(|n| *n += 1);
        self.send_at.set(String::new());
        self.send_at_incomplete.set(false);
        self.send_at_incomplete_said.set(false);
    }
}
