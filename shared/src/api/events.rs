//! Expert meetings and trainings for organisations, and the registrations of their people.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{
    ids::{EventId, EventRegistrationId, MunicipalityId, OrganisationId},
    rules::events::EventKind,
};

pub use crate::rules::events::{EventInput, EventRegistrationInput};

/// One person an organisation registered for an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EventRegistrationDetail {
    pub id: EventRegistrationId,
    pub version: i64,
    pub organisation_id: OrganisationId,
    pub organisation_name: String,
    pub name: String,
    pub role: String,
    /// Marked by the host after the event; `None` until then.
    pub attended: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EventDetail {
    pub id: EventId,
    pub version: i64,
    pub kind: EventKind,
    pub title: String,
    pub date: NaiveDate,
    pub start_time: String,
    pub place: String,
    pub online_link: Option<String>,
    pub capacity: u32,
    pub places_left: u32,
    pub municipality_ids: Vec<MunicipalityId>,
    /// The organisation that hosts it; `None` for the programme's own events.
    pub host_organisation_id: Option<OrganisationId>,
    pub host_name: Option<String>,
    /// The host and coordinators see every registration; another organisation only its own.
    pub registrations: Vec<EventRegistrationDetail>,
}

/// One line of `PUT /events/{id}/attendance`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EventAttendanceLine {
    pub registration_id: EventRegistrationId,
    pub attended: bool,
}
