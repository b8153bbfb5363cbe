//! Pieces shared by the pages.

mod language_switch;
mod layout;

pub use language_switch::LanguageSwitch;
pub use layout::Layout;
