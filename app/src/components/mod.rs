//! Reusable pieces of the pages, one per module.

mod balance_panel;
mod field_errors;
mod message_counter;
mod outside_window_choice;
mod receipt;

pub use balance_panel::BalancePanel;
pub use field_errors::FieldErrors;
pub use message_counter::MessageCounter;
pub use outside_window_choice::OutsideWindowChoice;
pub use receipt::ReceiptPanel;
