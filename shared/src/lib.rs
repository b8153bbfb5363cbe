//! The VIP programme's domain, written once and compiled into both the browser app and the server.
//!
//! Nothing here does I/O, runs async code or reads a clock: every rule that depends on the date takes
//! `today` as an argument.

pub mod api;
pub mod violation;

pub use violation::{ParamValue, Violation, ViolationKind, Violations};
