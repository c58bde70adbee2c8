use leptos::prelude::*;

use crate::i18n::{use_i18n, word};

/// The form's submit button; once the form was scheduled, a deliberate choice instead: schedule
/// the same form again, or start a new campaign.
#[component]
pub fn ScheduleButtons(
    /// A campaign is being handed over.
    #[prop(into)]
    pending: Signal<bool>,
    /// The form is being checked before the confirm step.
    #[prop(into)]
    checking: Signal<bool>,
    just_scheduled: RwSignal<bool>,
    on_new_campaign: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        if just_scheduled.get() {
            view! {
                <div class="pager">
                    <button type="button" class="secondary" on:click=move |_| just_scheduled.set(false)>
                        {word(|t| t.schedule_again)}
                    </button>
                    <button type="button" class="secondary" on:click=move |_| on_new_campaign.run(())>
                        {word(|t| t.new_campaign)}
                    </button>
                </div>
            }
            .into_any()
        } else {
            view! {
                <button type="submit" class="primary" disabled=move || pending.get() || checking.get()>
                    {move || {
                        let t = i18n.t();
                        if pending.get() {
                            t.scheduling
                        } else if checking.get() {
                            t.checking
                        } else {
                            t.schedule
                        }
                    }}
                </button>
            }
            .into_any()
        }
    }
}
