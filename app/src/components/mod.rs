//! Reusable pieces of the pages, one per module.

mod approval_panel;
mod balance_panel;
mod campaign_actions;
mod campaign_filters;
mod campaign_kind_fields;
mod campaign_send_time;
mod column_heads;
mod confirm_panel;
mod field_errors;
mod file_button;
mod form_summary;
mod handover_progress;
mod language_switch;
mod large_recipients_file;
mod low_balance_warning;
mod message_counter;
mod outside_window_choice;
mod page_buttons;
mod page_title;
mod placeholder_buttons;
mod preview_panel;
mod provider_field;
mod provider_options_fields;
mod receipt;
mod recipient_history;
mod recipients_file;
mod sandbox_panel;
mod schedule_buttons;
mod send_time_fields;
mod signed_in;
mod status_counts;
mod still_scheduled;
mod stop_mention_hint;
mod table_scroll;
mod text_field;
mod time;
mod time_zone_field;

pub use approval_panel::ApprovalPanel;
pub use balance_panel::BalancePanel;
pub use campaign_actions::CampaignActions;
pub use campaign_filters::{one_of, CampaignFilters};
pub use campaign_kind_fields::CampaignKindFields;
pub use campaign_send_time::CampaignSendTime;
pub use column_heads::ColumnHeads;
pub use confirm_panel::confirm_panel_view;
pub use field_errors::FieldErrors;
pub use file_button::FileButton;
pub use form_summary::FormSummary;
pub use handover_progress::handover_progress_view;
pub use language_switch::LanguageSwitch;
pub use low_balance_warning::{CreditSpent, LowBalanceWarning};
pub use message_counter::MessageCounter;
pub use outside_window_choice::OutsideWindowChoice;
pub use page_buttons::PageButtons;
pub use page_title::PageTitle;
pub use placeholder_buttons::PlaceholderButtons;
pub use preview_panel::{preview_panel_view, PreviewPlaceholder};
pub use provider_field::{ProviderField, ProvidersAnswer};
pub use provider_options_fields::ProviderOptionsFields;
pub use receipt::receipt_panel_view;
pub use recipient_history::RecipientHistory;
pub use recipients_file::{large_file_shown, RecipientsFile};
pub use sandbox_panel::SandboxPanel;
pub use schedule_buttons::ScheduleButtons;
pub use send_time_fields::SendTimeFields;
pub use signed_in::SignedInAs;
pub use status_counts::StatusCounts;
pub use still_scheduled::StillScheduledNote;
pub use stop_mention_hint::{PromotionHint, StopMentionHint};
pub use table_scroll::TableScroll;
pub use text_field::TextField;
pub use time::{instant_in_words, Time, ZonedTime};
pub use time_zone_field::TimeZoneField;

/// Fetches the composer's parts that come in chunks of their own (its `_view` functions).
/// (Leptos's `lazy_preload!` preloads only in hydrate builds; the `#[lazy]` functions' own
/// preload functions work in this client-side build.)
pub async fn preload_composer_parts() {
    #[cfg(feature = "csr")]
    {
        confirm_panel::__preload_confirm_panel_view().await;
        handover_progress::__preload_handover_progress_view().await;
        preview_panel::__preload_preview_panel_view().await;
        receipt::__preload_receipt_panel_view().await;
        recipients_file::__preload_column_mapping_view().await;
        large_recipients_file::__preload_large_file_view().await;
        crate::recipient_upload::__preload_upload_recipient_file().await;
        crate::picked_file::preload_reading().await;
        recipients_file::preload_examining().await;
    }
}
