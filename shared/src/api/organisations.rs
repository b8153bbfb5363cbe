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

/// `PATCH /organisations/{id}`: the fields to change; a field left out (or `null`) keeps its
/// stored value.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrganisationPatch {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<OrganisationKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sector: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postcode: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// An empty text removes the number (an organisation other than a company).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kvk_number: Option<String>,
    pub version: i64,
}

impl OrganisationPatch {
    /// The whole organisation as edited in a form: every field is sent.
    pub fn whole(input: OrganisationInput, version: i64) -> Self {
        OrganisationPatch {
            kind: input.kind,
            name: Some(input.name),
            sector: Some(input.sector),
            street: Some(input.street),
            postcode: Some(input.postcode),
            city: Some(input.city),
            kvk_number: Some(input.kvk_number),
            version,
        }
    }

    /// The stored organisation with this patch's fields in place of its own.
    pub fn merge_over(self, stored: OrganisationInput) -> OrganisationInput {
        OrganisationInput {
            kind: self.kind.or(stored.kind),
            name: self.name.unwrap_or(stored.name),
            sector: self.sector.unwrap_or(stored.sector),
            street: self.street.unwrap_or(stored.street),
            postcode: self.postcode.unwrap_or(stored.postcode),
            city: self.city.unwrap_or(stored.city),
            kvk_number: self.kvk_number.unwrap_or(stored.kvk_number),
        }
    }
}

impl From<&OrganisationDetail> for OrganisationInput {
    fn from(d: &OrganisationDetail) -> Self {
        OrganisationInput {
            kind: Some(d.kind),
            name: d.name.clone(),
            sector: d.sector.clone(),
            street: d.street.clone(),
            postcode: d.postcode.as_str().to_owned(),
            city: d.city.clone(),
            kvk_number: d
                .kvk_number
                .as_ref()
                .map(|k| k.as_str().to_owned())
                .unwrap_or_default(),
        }
    }
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

/// `PATCH /openings/{id}`: a change of state, a change of the opening's fields, or both.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OpeningPatch {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<OpeningStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opening: Option<OpeningChanges>,
    pub version: i64,
}

/// The fields of an opening to change; a field left out (or `null`, unless said otherwise) keeps
/// its stored value. The fields of one kind only (visit, internship) may be cleared with `null`,
/// so a change of kind can leave the other kind's fields empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OpeningChanges {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<OpeningKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Company visit; `null` clears it.
    #[serde(
        default,
        deserialize_with = "super::nullable",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<NaiveDate>))]
    pub date: Option<Option<NaiveDate>>,
    /// Company visit; an empty text clears it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Company visit; `null` clears it.
    #[serde(
        default,
        deserialize_with = "super::nullable",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<i64>))]
    pub capacity: Option<Option<i64>>,
    /// Internship; `null` clears it.
    #[serde(
        default,
        deserialize_with = "super::nullable",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<NaiveDate>))]
    pub start_date: Option<Option<NaiveDate>>,
    /// Internship; `null` clears it.
    #[serde(
        default,
        deserialize_with = "super::nullable",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<NaiveDate>))]
    pub end_date: Option<Option<NaiveDate>>,
    /// Internship; `null` clears it.
    #[serde(
        default,
        deserialize_with = "super::nullable",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<u32>))]
    pub hours_per_week: Option<Option<u32>>,
    /// Internship: the Dutch level asked for; `null` asks for none.
    #[serde(
        default,
        deserialize_with = "super::nullable",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<DutchLevel>))]
    pub dutch_level: Option<Option<DutchLevel>>,
}

impl From<OpeningInput> for OpeningChanges {
    /// The whole opening as edited in a form: every field is sent, so the opening becomes `input`.
    fn from(input: OpeningInput) -> Self {
        OpeningChanges {
            kind: input.kind,
            title: Some(input.title),
            description: Some(input.description),
            date: Some(input.date),
            place: Some(input.place),
            capacity: Some(input.capacity),
            start_date: Some(input.start_date),
            end_date: Some(input.end_date),
            hours_per_week: Some(input.hours_per_week),
            dutch_level: Some(input.dutch_level),
        }
    }
}

impl OpeningChanges {
    /// The stored opening with these fields in place of its own.
    pub fn merge_over(self, stored: OpeningInput) -> OpeningInput {
        OpeningInput {
            kind: self.kind.or(stored.kind),
            title: self.title.unwrap_or(stored.title),
            description: self.description.unwrap_or(stored.description),
            date: self.date.unwrap_or(stored.date),
            place: self.place.unwrap_or(stored.place),
            capacity: self.capacity.unwrap_or(stored.capacity),
            start_date: self.start_date.unwrap_or(stored.start_date),
            end_date: self.end_date.unwrap_or(stored.end_date),
            hours_per_week: self.hours_per_week.unwrap_or(stored.hours_per_week),
            dutch_level: self.dutch_level.unwrap_or(stored.dutch_level),
        }
    }
}

impl From<&OpeningDetail> for OpeningInput {
    fn from(d: &OpeningDetail) -> Self {
        OpeningInput {
            kind: Some(d.kind),
            title: d.title.clone(),
            description: d.description.clone(),
            date: d.date,
            place: d.place.clone().unwrap_or_default(),
            capacity: d.capacity.map(i64::from),
            start_date: d.start_date,
            end_date: d.end_date,
            hours_per_week: d.hours_per_week,
            dutch_level: d.dutch_level,
        }
    }
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
