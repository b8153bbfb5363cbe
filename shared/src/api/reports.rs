//! `GET /reports/municipalities/{id}?from=&to=`: aggregated figures, small cells hidden.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{ids::MunicipalityId, rules::reports::ReportCount};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportQuery {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutcomeCounts {
    pub paid_job: ReportCount,
    pub education: ReportCount,
    pub volunteering: ReportCount,
    pub none: ReportCount,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MunicipalityReport {
    pub municipality_id: MunicipalityId,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub contracted: u32,
    pub started: ReportCount,
    pub in_training: ReportCount,
    pub training_completed: ReportCount,
    pub visits: ReportCount,
    pub internships_started: ReportCount,
    pub internships_completed: ReportCount,
    pub introductions: ReportCount,
    pub outcomes: OutcomeCounts,
    pub median_days_to_outcome: Option<i64>,
    /// Started in the whole programme, towards the aim of 1,500.
    pub programme_started: u32,
    pub programme_aim: u32,
}
