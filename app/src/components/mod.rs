//! Reusable pieces of the pages, one per module.

mod balance_panel;
mod campaign_actions;
mod campaign_filters;
mod column_heads;
mod confirm_panel;
mod field_errors;
mod file_button;
mod message_counter;
mod outside_window_choice;
mod page_buttons;
mod placeholder_buttons;
mod preview_panel;
mod receipt;
mod recipient_history;
mod recipients_file;
mod sandbox_panel;
mod status_counts;
mod time;

pub use balance_panel::BalancePanel;
pub use campaign_actions::CampaignActions;
pub use campaign_filters::CampaignFilters;
pub use column_heads::ColumnHeads;
pub use confirm_panel::ConfirmPanel;
pub use field_errors::FieldErrors;
pub use file_button::FileButton;
pub use message_counter::MessageCounter;
pub use outside_window_choice::OutsideWindowChoice;
pub use page_buttons::PageButtons;
pub use placeholder_buttons::PlaceholderButtons;
pub use preview_panel::PreviewPanel;
pub use receipt::ReceiptPanel;
pub use recipient_history::RecipientHistory;
pub use recipients_file::RecipientsFile;
pub use sandbox_panel::SandboxPanel;
pub use status_counts::StatusCounts;
pub use time::Time;
