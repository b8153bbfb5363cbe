//! Organisations, their openings, and registrations for company visits.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{
    ids::{OpeningId, OrganisationId, ParticipantId, RegistrationId},
    rules::openings::{OpeningKind, OpeningStatus, OrganisationKind},
    values::{DutchLevel, KvkNumber, Postcode},
};

pub use crate::rules::openings::{OpeningInput, OrganisationInput};

/// `POST /organisations`: the organisation and the municipality it joins the programme in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreateOrganisation {
    pub municipality_id: Option<crate::ids::MunicipalityId>,
    #[serde(flatten)]
    pub organisation: OrganisationInput,
}

/// `PATCH /organisations/{id}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrganisationPatch {
    #[serde(flatten)]
    pub organisation: OrganisationInput,
    pub version: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrganisationDetail {
    pub id: OrganisationId,
    pub version: i64,
    pub kind: OrganisationKind,
    pub name: String,
    pub sector: String,
    pub street: String,
    pub postcode: Postcode,
    pub city: String,
    pub kvk_number: Option<KvkNumber>,
}

/// `PATCH /openings/{id}`: a change of state, or the opening as edited.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OpeningPatch {
    pub status: Option<OpeningStatus>,
    pub opening: Option<OpeningInput>,
    pub version: i64,
}

/// The query of `GET /openings?kind=&status=`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
pub struct OpeningQuery {
    pub kind: Option<OpeningKind>,
    pub status: Option<OpeningStatus>,
}

/// A person registered for a visit or introduced for an opening, as the organisation sees them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OpeningCandidate {
    /// Only when the participant consented to share it with this organisation.
    pub first_name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OpeningDetail {
    pub id: OpeningId,
    pub version: i64,
    pub organisation_id: OrganisationId,
    pub organisation_name: String,
    pub kind: OpeningKind,
    pub status: OpeningStatus,
    pub title: String,
    pub description: String,
    pub date: Option<NaiveDate>,
    pub place: Option<String>,
    pub capacity: Option<u8>,
    pub places_left: Option<u32>,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub hours_per_week: Option<u32>,
    pub dutch_level: Option<DutchLevel>,
    pub candidates: Vec<OpeningCandidate>,
}

/// `POST /openings/{id}/registrations`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RegistrationInput {
    pub participant_id: ParticipantId,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RegistrationDetail {
    pub id: RegistrationId,
    pub version: i64,
    pub opening_id: OpeningId,
    pub participant_id: ParticipantId,
}
