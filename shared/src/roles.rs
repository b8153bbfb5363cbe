//! The roles of accounts.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "sqlx", derive(sqlx::Type), sqlx(rename_all = "snake_case"))]
pub enum Role {
    /// A refugee following the programme: sees their own file only.
    Participant,
    /// A volunteer job coach: sees the participants assigned to them.
    Coach,
    /// A contact person of a company, school or volunteer organisation.
    CompanyContact,
    /// Programme staff, bound to one or more municipalities.
    Coordinator,
    /// Follows the aggregated results of one municipality.
    MunicipalityViewer,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Participant,
        Role::Coach,
        Role::CompanyContact,
        Role::Coordinator,
        Role::MunicipalityViewer,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Participant => "participant",
            Role::Coach => "coach",
            Role::CompanyContact => "company_contact",
            Role::Coordinator => "coordinator",
            Role::MunicipalityViewer => "municipality_viewer",
        }
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
