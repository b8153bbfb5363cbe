//! The MAP evidence statement, the civic-integration facts of a participant and the programme
//! settings of a municipality's agreement.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::programme::{MEETING_MINUTES_DEFAULT, MEETING_MINUTES_MAX, MEETING_MINUTES_MIN};
use crate::{
    ids::{InternshipId, MunicipalityId, ParticipantId},
    rules::{
        map::{IntegrationRoute, MapStatus, PRACTICE_HOURS_MIN},
        placement::{PlacementKind, PlacementLimits},
        training::Theme,
    },
    values::{Description, Summary},
    violation::{ViolationKind, Violations},
};

/// The programme settings that differ per municipality; a municipality without stored settings
/// has the defaults, with version 0.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProgrammeSettingsDetail {
    pub municipality_id: MunicipalityId,
    /// 0 while the defaults hold.
    pub version: i64,
    /// Practice hours for the MAP statement; the law asks for at least 40.
    pub practice_hours_required: u32,
    /// Duration of a meeting unless it records its own (default 2 h 30).
    pub meeting_minutes: u32,
    /// Duration a company visit counts as orientation.
    pub visit_minutes: u32,
    /// Most hours per week of a placement.
    pub placement_max_hours_per_week: u32,
    /// Highest monthly expense allowance of a stage, in cents.
    pub stage_max_allowance_cents: i64,
    /// How participants are insured during placements, as the municipality arranged it.
    pub insurance_note: String,
}

impl ProgrammeSettingsDetail {
    pub fn defaults(municipality_id: MunicipalityId) -> Self {
        let limits = PlacementLimits::default();
        ProgrammeSettingsDetail {
            municipality_id,
            version: 0,
            practice_hours_required: PRACTICE_HOURS_MIN,
            meeting_minutes: MEETING_MINUTES_DEFAULT,
            visit_minutes: 120,
            placement_max_hours_per_week: limits.max_hours_per_week,
            stage_max_allowance_cents: limits.max_allowance_cents,
            insurance_note: String::new(),
        }
    }

    /// The limits the placement rules take from these settings.
    pub fn placement_limits(&self) -> PlacementLimits {
        PlacementLimits {
            max_hours_per_week: self.placement_max_hours_per_week,
            max_allowance_cents: self.stage_max_allowance_cents,
        }
    }
}

/// `PUT /municipalities/{id}/programme-settings`: every setting, with the version the edit started
/// from (0 while the defaults hold).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct ProgrammeSettingsInput {
    pub practice_hours_required: Option<i64>,
    pub meeting_minutes: Option<i64>,
    pub visit_minutes: Option<i64>,
    pub placement_max_hours_per_week: Option<i64>,
    pub stage_max_allowance_cents: Option<i64>,
    pub insurance_note: String,
    pub version: Option<i64>,
}

/// Valid programme settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidProgrammeSettings {
    pub practice_hours_required: u32,
    pub meeting_minutes: u32,
    pub visit_minutes: u32,
    pub placement_max_hours_per_week: u32,
    pub stage_max_allowance_cents: i64,
    pub insurance_note: Summary,
}

fn in_range(
    v: &mut Violations,
    field: &str,
    value: Option<i64>,
    min: i64,
    max: i64,
) -> Option<i64> {
    match value {
        None => {
            v.push(field, ViolationKind::Required {});
            None
        }
        Some(n) if !(min..=max).contains(&n) => {
            v.push(field, ViolationKind::OutOfRange { min, max });
            None
        }
        Some(n) => Some(n),
    }
}

impl ProgrammeSettingsInput {
    /// Practice hours 40..=400, meetings and visits 30..=480 minutes, placements 8..=40 hours a
    /// week, the allowance 0..=EUR 1,000 a month, the insurance note at most 500 characters.
    pub fn validate(&self) -> Result<ValidProgrammeSettings, Violations> {
        let mut v = Violations::new();
        let practice = in_range(
            &mut v,
            "practice_hours_required",
            self.practice_hours_required,
            i64::from(PRACTICE_HOURS_MIN),
            400,
        );
        let meeting = in_range(
            &mut v,
            "meeting_minutes",
            self.meeting_minutes,
            i64::from(MEETING_MINUTES_MIN),
            i64::from(MEETING_MINUTES_MAX),
        );
        let visit = in_range(&mut v, "visit_minutes", self.visit_minutes, 30, 480);
        let hours = in_range(
            &mut v,
            "placement_max_hours_per_week",
            self.placement_max_hours_per_week,
            8,
            40,
        );
        let allowance = in_range(
            &mut v,
            "stage_max_allowance_cents",
            self.stage_max_allowance_cents,
            0,
            100_000,
        );
        let note = v.check("insurance_note", Summary::parse(&self.insurance_note));
        let small = |n: i64| u32::try_from(n).unwrap_or(0);
        match (practice, meeting, visit, hours, allowance, note) {
            (Some(p), Some(m), Some(vi), Some(h), Some(a), Some(note)) if v.is_empty() => {
                Ok(ValidProgrammeSettings {
                    practice_hours_required: small(p),
                    meeting_minutes: small(m),
                    visit_minutes: small(vi),
                    placement_max_hours_per_week: small(h),
                    stage_max_allowance_cents: a,
                    insurance_note: note,
                })
            }
            _ => Err(v),
        }
    }
}

impl From<&ProgrammeSettingsDetail> for ProgrammeSettingsInput {
    /// The stored settings as the form sends them.
    fn from(d: &ProgrammeSettingsDetail) -> Self {
        ProgrammeSettingsInput {
            practice_hours_required: Some(i64::from(d.practice_hours_required)),
            meeting_minutes: Some(i64::from(d.meeting_minutes)),
            visit_minutes: Some(i64::from(d.visit_minutes)),
            placement_max_hours_per_week: Some(i64::from(d.placement_max_hours_per_week)),
            stage_max_allowance_cents: Some(d.stage_max_allowance_cents),
            insurance_note: d.insurance_note.clone(),
            version: Some(d.version),
        }
    }
}

/// A participant's civic-integration facts. The date of birth is optional, and required only for
/// a participatieplaats.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CivicIntegrationDetail {
    pub participant_id: ParticipantId,
    /// The participant's version: these facts are part of the profile.
    pub version: i64,
    pub route: Option<IntegrationRoute>,
    pub date_of_birth: Option<NaiveDate>,
    /// The coach's remarks for the MAP statement.
    pub coach_remarks: String,
}

/// `PUT /participants/{id}/civic-integration` (coordinator, the coach).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct CivicIntegrationInput {
    pub route: Option<IntegrationRoute>,
    pub date_of_birth: Option<NaiveDate>,
    pub coach_remarks: String,
    pub version: Option<i64>,
}

/// Valid civic-integration facts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidCivicIntegration {
    pub route: Option<IntegrationRoute>,
    pub date_of_birth: Option<NaiveDate>,
    pub coach_remarks: Description,
}

impl CivicIntegrationInput {
    /// A date of birth is not after `today` nor more than 120 years before it; the remarks are
    /// at most 2000 characters.
    pub fn validate(&self, today: NaiveDate) -> Result<ValidCivicIntegration, Violations> {
        let mut v = Violations::new();
        if let Some(birth) = self.date_of_birth {
            if birth > today {
                v.push("date_of_birth", ViolationKind::InTheFuture {});
            } else if today.years_since(birth).is_none_or(|years| years > 120) {
                v.push(
                    "date_of_birth",
                    ViolationKind::OutOfRange { min: 0, max: 120 },
                );
            }
        }
        let remarks = v.check("coach_remarks", Description::parse(&self.coach_remarks));
        match remarks {
            Some(coach_remarks) if v.is_empty() => Ok(ValidCivicIntegration {
                route: self.route,
                date_of_birth: self.date_of_birth,
                coach_remarks,
            }),
            _ => Err(v),
        }
    }
}

/// How an activity counts towards a theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum MapActivityKind {
    /// A meeting attended.
    Attended,
    /// A meeting missed and made up with the coach.
    MadeUp,
    /// A company visit, as orientation.
    CompanyVisit,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MapActivity {
    pub kind: MapActivityKind,
    pub date: NaiveDate,
    pub minutes: u32,
    /// The meeting's number, for meetings.
    pub meeting_number: Option<u8>,
    /// The visited organisation, for company visits.
    pub organisation_name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MapThemeEvidence {
    pub theme: Theme,
    pub minutes: u32,
    pub covered: bool,
    pub activities: Vec<MapActivity>,
}

/// One internship's practice hours, with its host and supervisor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MapPractice {
    pub internship_id: InternshipId,
    pub kind: PlacementKind,
    pub organisation_name: String,
    pub supervisor_name: String,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub hours_per_week: u32,
    pub absence_hours: u32,
    pub minutes: u32,
}

/// `GET /participants/{id}/map-evidence`: what the participant has done towards the MAP, for the
/// municipality's final interview. It says "ready for the final interview", never "passed".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MapEvidence {
    pub participant_id: ParticipantId,
    pub first_name: String,
    pub last_name: String,
    pub route: Option<IntegrationRoute>,
    /// The day the statement was drawn up.
    pub as_of: NaiveDate,
    pub status: MapStatus,
    /// The 8 themes in meeting order.
    pub themes: Vec<MapThemeEvidence>,
    pub practice: Vec<MapPractice>,
    pub practice_minutes: u32,
    pub practice_minutes_required: u32,
    pub missing_themes: Vec<Theme>,
    pub missing_practice_minutes: u32,
    /// The first day everything was covered, when ready.
    pub ready_on: Option<NaiveDate>,
    pub coach_remarks: String,
    /// How the municipality insures participants during placements.
    pub insurance_note: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings_input() -> ProgrammeSettingsInput {
        ProgrammeSettingsInput::from(&ProgrammeSettingsDetail::defaults(
            MunicipalityId::parse("m1").unwrap(),
        ))
    }

    #[test]
    fn the_defaults_are_40_hours_and_meetings_of_2_hours_30() {
        let d = ProgrammeSettingsDetail::defaults("m1".parse::<MunicipalityId>().unwrap());
        assert_eq!((d.practice_hours_required, d.meeting_minutes), (40, 150));
        assert_eq!(d.version, 0);
        assert!(settings_input().validate().is_ok());
    }

    #[test]
    fn fewer_than_40_practice_hours_are_out_of_range() {
        let input = ProgrammeSettingsInput {
            practice_hours_required: Some(39),
            meeting_minutes: None,
            ..settings_input()
        };
        let codes: Vec<_> = input
            .validate()
            .unwrap_err()
            .iter()
            .map(|v| (v.field.clone(), v.kind.code()))
            .collect();
        assert_eq!(
            codes,
            vec![
                ("practice_hours_required".to_owned(), "out_of_range"),
                ("meeting_minutes".to_owned(), "required"),
            ]
        );
    }

    #[test]
    fn a_date_of_birth_in_the_future_is_refused() {
        let today = NaiveDate::from_ymd_opt(2025, 3, 3).unwrap();
        let input = CivicIntegrationInput {
            date_of_birth: Some(NaiveDate::from_ymd_opt(2025, 3, 4).unwrap()),
            ..CivicIntegrationInput::default()
        };
        assert_eq!(
            input.validate(today).unwrap_err().0[0].kind,
            ViolationKind::InTheFuture {}
        );
        let none = CivicIntegrationInput::default().validate(today).unwrap();
        assert_eq!(none.date_of_birth, None);
    }
}
