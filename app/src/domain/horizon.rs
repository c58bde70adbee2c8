//! How far ahead a send time may be, for the server's check and the browser's date field.

/// No provider is asked to hold a campaign longer than this, and no date the server computes
/// with can overflow.
pub const MAX_DAYS_AHEAD: u32 = 366;
