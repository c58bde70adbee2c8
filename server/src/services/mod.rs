//! The server's implementation of the app's service interface.

mod scheduler;

pub use scheduler::SchedulerService;
