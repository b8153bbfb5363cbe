//! Competences and wishes on a participant's profile, and the suggestions that match people to
//! openings.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{
    ids::{OpeningId, OrganisationId, ParticipantId},
    rules::{
        competences::Competences,
        matching::{MatchConcern, MatchReason},
        openings::{OpeningKind, OrganisationKind},
    },
    values::DutchLevel,
};

pub use crate::rules::competences::CompetencesInput;

/// `GET /participants/{id}/competences`: version 0 while nothing is stored yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CompetencesDetail {
    pub participant_id: ParticipantId,
    pub version: i64,
    pub competences: Competences,
}

/// One opening suggested for a participant, with why it fits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OpeningSuggestion {
    pub opening_id: OpeningId,
    pub organisation_id: OrganisationId,
    pub organisation_name: String,
    pub organisation_kind: OrganisationKind,
    pub kind: OpeningKind,
    pub title: String,
    pub date: Option<NaiveDate>,
    pub start_date: Option<NaiveDate>,
    pub dutch_level: Option<DutchLevel>,
    pub score: i32,
    pub reasons: Vec<MatchReason>,
    pub concerns: Vec<MatchConcern>,
}

/// One participant suggested for an opening, with why they fit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ParticipantSuggestion {
    pub participant_id: ParticipantId,
    pub first_name: String,
    pub last_name: String,
    pub dutch_level: DutchLevel,
    pub score: i32,
    pub reasons: Vec<MatchReason>,
    pub concerns: Vec<MatchConcern>,
}

/// `GET /participants/{id}/suggestions`: the open openings in the participant's municipality,
/// best fit first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OpeningSuggestions {
    pub items: Vec<OpeningSuggestion>,
}

/// `GET /openings/{id}/suggestions`: the participants of the opening's municipality, best fit
/// first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ParticipantSuggestions {
    pub items: Vec<ParticipantSuggestion>,
}

/// One of the organisation's current or upcoming interns, as its contact sees them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InternOverview {
    pub internship_id: crate::ids::InternshipId,
    /// Only when the participant consented to share their profile with the organisation.
    pub first_name: Option<String>,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub progress: crate::rules::internship::InternshipProgress,
    pub supervisor_name: String,
    /// The supervisor's evaluations due now.
    pub evaluations_due: Vec<crate::rules::internship::EvaluationMoment>,
}

/// One of the organisation's upcoming visits, with how many are registered (never who).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VisitOverview {
    pub opening_id: OpeningId,
    pub title: String,
    pub date: Option<NaiveDate>,
    pub place: Option<String>,
    pub capacity: Option<u8>,
    pub registered: u32,
}

/// `GET /organisations/{id}/people`: the organisation's own interns and upcoming visits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrganisationPeople {
    pub interns: Vec<InternOverview>,
    pub visits: Vec<VisitOverview>,
}
