//! The trail and the participant's rights: the history of a record.

use serde::{Deserialize, Serialize};

use crate::ids::UserId;

/// One field a change touched: its value before and after, as text (`None`: no value).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldChange {
    pub field: String,
    pub old: Option<String>,
    pub new: Option<String>,
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
