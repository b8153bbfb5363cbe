//! The trail and the participant's rights: the history of a record, the download of one's data.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{
    BudgetOverview, CivicIntegrationDetail, ConsentDetail, GoalDetail, InternshipDetail,
    IntroductionDetail, OutcomeDetail, ParticipantDetail,
};
use crate::{
    ids::{CohortId, ContactId, OpeningId, UserId},
    rules::{
        competences::Competences,
        contact::ContactKind,
        training::{AttendanceStatus, MeetingNumber},
    },
};

/// One field a change touched: its value before and after, as text (`None`: no value).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldChange {
    pub field: String,
    pub old: Option<String>,
    pub new: Option<String>,
    /// For a field that holds an id (`coach_id`, `cohort_id`, `municipality_id`): the name of
    /// the old value's record, when it exists and the reader may see it.
    #[serde(default)]
    pub old_name: Option<String>,
    /// The same for the new value.
    #[serde(default)]
    pub new_name: Option<String>,
}

/// One change to a record, newest first in a history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HistoryEntry {
    /// `participant`, `goal`, `action`, `internship`, `organisation`, `opening`, `expense` or
    /// `consent`.
    pub record_type: String,
    pub record_id: String,
    /// When, RFC 3339 (UTC).
    pub at: String,
    /// Who made the change; `None` for a change the system made.
    pub actor_id: Option<UserId>,
    pub actor_name: Option<String>,
    /// What the change was (`participant.update`, ...); `None` for a change the system made.
    pub action: Option<String>,
    /// Whether this entry is the record's creation.
    pub created: bool,
    pub changes: Vec<FieldChange>,
}

/// `GET /participants/{id}/export`: everything stored about a participant, as one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ParticipantExport {
    /// When the document was made, RFC 3339 (UTC).
    pub generated_at: String,
    /// Whether the coaches' own notes on contacts are in it (a coordinator's export), each as
    /// `coach_only_note`.
    pub includes_coach_notes: bool,
    pub profile: ParticipantDetail,
    pub attendance: Vec<ExportedAttendance>,
    /// The action plan: goals with their actions.
    pub plan: Vec<GoalDetail>,
    pub contacts: Vec<ExportedContact>,
    /// The company visits the participant registered for.
    pub visits: Vec<ExportedVisit>,
    /// Internships with their evaluations.
    pub internships: Vec<InternshipDetail>,
    pub introductions: Vec<IntroductionDetail>,
    pub consents: Vec<ConsentDetail>,
    /// Every change to a consent: given, withdrawn, when and by whom.
    pub consent_history: Vec<HistoryEntry>,
    pub budget: BudgetOverview,
    pub outcomes: Vec<OutcomeDetail>,
    /// Competences and wishes (empty until first saved).
    pub competences: Competences,
    /// The integration route, the date of birth and the coach's remarks for the MAP statement.
    pub civic_integration: CivicIntegrationDetail,
}

/// The attendance at one meeting of a cohort.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ExportedAttendance {
    pub cohort_id: CohortId,
    pub meeting: MeetingNumber,
    pub date: Option<NaiveDate>,
    pub status: AttendanceStatus,
}

/// A contact with the coach.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ExportedContact {
    pub id: ContactId,
    pub date: NaiveDate,
    pub kind: ContactKind,
    pub minutes: u32,
    pub summary: String,
    /// The coach's own note: only in a coordinator's export.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coach_only_note: Option<String>,
}

/// A registration for a company visit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ExportedVisit {
    pub opening_id: OpeningId,
    pub title: String,
    pub organisation_name: String,
    pub date: Option<NaiveDate>,
    pub place: Option<String>,
}

/// The query of `GET /exports/expenses?status=`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
pub struct ExpenseQuery {
    pub status: Option<crate::rules::budget::ExpenseStatus>,
}

/// `POST /calendar-feed`: the account's personal calendar feed, shown once. Anyone with the link
/// reads the feed (no session), until it is revoked or replaced by a new one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CalendarFeedCreated {
    /// `https://.../api/v1/calendar?token=...`
    pub url: String,
    /// The same feed as a `webcal://` link, which calendar apps subscribe to.
    pub webcal_url: String,
}

/// `GET /calendar-feed`: whether the signed-in account has a live feed link, and since when. The
/// link itself is shown only once, when it is made: only its hash is stored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CalendarFeedStatus {
    pub active: bool,
    /// When the live link was made (RFC 3339 UTC); `null` without one.
    pub created_at: Option<String>,
}

/// The query of `GET /calendar?token=`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
pub struct CalendarQuery {
    /// The secret of the feed's link.
    pub token: Option<String>,
}

/// `POST /participants/{id}/erasure`: the participant's full name (first and last, as stored),
/// typed to confirm.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErasureInput {
    pub confirm_name: String,
}
