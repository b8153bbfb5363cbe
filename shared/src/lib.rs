//! The VIP programme's domain, written once and compiled into both the browser app and the server.
//!
//! Nothing here does I/O, runs async code or reads a clock: every rule that depends on the date takes
//! `today` as an argument.

pub mod access;
pub mod api;
pub mod csv;
pub mod ids;
pub mod roles;
pub mod route;
pub mod rules;
pub mod settings;
pub mod values;
pub mod violation;

pub use settings::ProgrammeSettings;
pub use violation::{ParamValue, Violation, ViolationKind, Violations};
