//! The programme's rules as pure functions: facts and `today` in, a value or violations out.

pub mod budget;
pub mod coach;
pub mod company_home;
pub mod competences;
pub mod contact;
pub mod erasure;
pub mod events;
pub mod internship;
pub mod introduction;
pub mod ladder;
pub mod map;
pub mod matching;
pub mod openings;
pub mod outcome;
pub mod password;
pub mod placement;
pub mod plan;
pub mod reports;
pub mod training;
pub mod versions;
pub mod visits;
