//! A participant's file.

mod profile;

pub use profile::ParticipantPage;
