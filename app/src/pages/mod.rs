//! One module per page.

mod composer;

pub use composer::ComposerPage;
