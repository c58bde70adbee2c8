//! The configuration in force, the time-zone table, and the sandboxes' clock.

use crate::models::{AppError, SandboxClockView, ServerSettings, ZoneChoice};

pub trait SettingsService: Send + Sync + 'static {
    /// The configuration in force, without secrets.
    fn settings(&self) -> ServerSettings;

    /// The time zones of countries (no alias), with their countries: the table stays on the server.
    fn time_zones(&self) -> Vec<ZoneChoice>;

    /// The sandboxes' clock; refused when no sandbox is mounted.
    fn sandbox_clock(&self) -> Result<SandboxClockView, AppError>;

    /// Moves the sandboxes' clock `seconds` forward (at most a year).
    fn advance_sandbox_clock(&self, seconds: i64) -> Result<SandboxClockView, AppError>;
}
