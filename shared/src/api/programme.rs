//! Municipalities with their agreements, cohorts, their 8 meetings and attendance.

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::{
    ids::{CohortId, MunicipalityId, ParticipantId},
    rules::training::{AttendanceStatus, MeetingNumber, Theme},
    values::{BoundedText, Money, MunicipalityCode},
    violation::{ViolationKind, Violations},
};

pub type MunicipalityName = BoundedText<2, 80>;
pub type CohortName = BoundedText<2, 80>;
pub type Location = BoundedText<2, 160>;

/// The agreement with a municipality.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct AgreementInput {
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub contracted_participants: Option<u32>,
    /// Overrides the programme's budget cap when set.
    pub budget_cap_cents: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Agreement {
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub contracted_participants: u32,
    pub budget_cap_cents: Option<i64>,
}

/// Most participants one agreement can contract.
pub const MAX_CONTRACTED: u32 = 10_000;

impl AgreementInput {
    /// A period whose end is not before its start, 1..=10000 contracted participants, a positive
    /// budget cap when one is set. Field names are prefixed with `agreement.`.
    pub fn validate(&self) -> Result<Agreement, Violations> {
        let mut v = Violations::new();
        if self.start_date.is_none() {
            v.push("agreement.start_date", ViolationKind::Required {});
        }
        match (self.start_date, self.end_date) {
            (_, None) => v.push("agreement.end_date", ViolationKind::Required {}),
            (Some(start), Some(end)) if end < start => {
                v.push("agreement.end_date", ViolationKind::InvalidFormat {})
            }
            (Some(_) | None, Some(_)) => {}
        }
        match self.contracted_participants {
            None => v.push(
                "agreement.contracted_participants",
                ViolationKind::Required {},
            ),
            Some(n) if !(1..=MAX_CONTRACTED).contains(&n) => v.push(
                "agreement.contracted_participants",
                ViolationKind::OutOfRange {
                    min: 1,
                    max: i64::from(MAX_CONTRACTED),
                },
            ),
            Some(_) => {}
        }
        if self.budget_cap_cents.is_some_and(|c| c <= 0) {
            v.push(
                "agreement.budget_cap_cents",
                ViolationKind::AmountNotPositive {},
            );
        }
        match (self.start_date, self.end_date, self.contracted_participants) {
            (Some(start_date), Some(end_date), Some(contracted_participants)) if v.is_empty() => {
                Ok(Agreement {
                    start_date,
                    end_date,
                    contracted_participants,
                    budget_cap_cents: self.budget_cap_cents,
                })
            }
            _ => Err(v),
        }
    }
}

impl Agreement {
    pub fn budget_cap(&self) -> Option<Money> {
        self.budget_cap_cents.map(Money::from_cents)
    }
}

/// `POST /municipalities`; `PUT /municipalities/{id}` adds `version`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct MunicipalityInput {
    pub cbs_code: String,
    pub name: String,
    pub agreement: AgreementInput,
    /// Only for an update: the version it started from.
    pub version: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidMunicipality {
    pub cbs_code: MunicipalityCode,
    pub name: MunicipalityName,
    pub agreement: Agreement,
}

impl MunicipalityInput {
    pub fn validate(&self) -> Result<ValidMunicipality, Violations> {
        let mut v = Violations::new();
        let cbs_code = v.check("cbs_code", MunicipalityCode::parse(&self.cbs_code));
        let name = v.check("name", MunicipalityName::parse(&self.name));
        let agreement = match self.agreement.validate() {
            Ok(a) => Some(a),
            Err(e) => {
                v.0.extend(e);
                None
            }
        };
        match (cbs_code, name, agreement) {
            (Some(cbs_code), Some(name), Some(agreement)) if v.is_empty() => {
                Ok(ValidMunicipality {
                    cbs_code,
                    name,
                    agreement,
                })
            }
            _ => Err(v),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MunicipalityDetail {
    pub id: MunicipalityId,
    pub version: i64,
    pub cbs_code: MunicipalityCode,
    pub name: String,
    pub agreement: Agreement,
}

/// `POST /cohorts`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct CohortInput {
    pub municipality_id: Option<MunicipalityId>,
    pub name: String,
    pub location: String,
}

impl CohortInput {
    pub fn validate(&self) -> Result<(MunicipalityId, CohortName, Location), Violations> {
        let mut v = Violations::new();
        if self.municipality_id.is_none() {
            v.push("municipality_id", ViolationKind::Required {});
        }
        let name = v.check("name", CohortName::parse(&self.name));
        let location = v.check("location", Location::parse(&self.location));
        match (self.municipality_id.clone(), name, location) {
            (Some(m), Some(n), Some(l)) if v.is_empty() => Ok((m, n, l)),
            _ => Err(v),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CohortSummary {
    pub id: CohortId,
    pub version: i64,
    pub municipality_id: MunicipalityId,
    pub name: String,
    pub location: String,
    pub participants: u32,
    /// Fewer than 6 participants: a warning for the coordinator, nothing is refused.
    pub small: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MeetingDetail {
    pub number: MeetingNumber,
    pub theme: Theme,
    pub date: Option<NaiveDate>,
    pub start_time: Option<String>,
    pub place: Option<String>,
    /// The meeting's own duration in minutes; `None`: the municipality's setting applies.
    pub duration_minutes: Option<u32>,
    pub version: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CohortDetail {
    pub id: CohortId,
    pub version: i64,
    pub municipality_id: MunicipalityId,
    pub name: String,
    pub location: String,
    /// Always 8, in order.
    pub meetings: Vec<MeetingDetail>,
    pub participants: u32,
    pub small: bool,
}

/// `PUT /cohorts/{id}/meetings/{n}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct ScheduleMeetingInput {
    pub date: Option<NaiveDate>,
    /// `HH:MM`, 24 hours.
    pub start_time: String,
    pub place: String,
    /// Minutes, 30..=480; absent or `null`: the municipality's setting applies.
    pub duration_minutes: Option<i64>,
    pub version: Option<i64>,
}

/// A meeting as `ScheduleMeetingInput::validate` accepts it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidMeeting {
    pub date: NaiveDate,
    pub start_time: NaiveTime,
    pub place: Location,
    /// `None`: the municipality's setting applies.
    pub duration_minutes: Option<u32>,
}

/// A start time of a meeting, `HH:MM`.
pub fn parse_start_time(text: &str) -> Result<NaiveTime, ViolationKind> {
    let text = text.trim();
    if text.is_empty() {
        return Err(ViolationKind::Required {});
    }
    if text.len() != 5 {
        return Err(ViolationKind::InvalidFormat {});
    }
    NaiveTime::parse_from_str(text, "%H:%M").map_err(|_| ViolationKind::InvalidFormat {})
}

impl ScheduleMeetingInput {
    /// A date, a start time, a place and, when given, a duration within
    /// `MEETING_MINUTES_MIN..=MEETING_MINUTES_MAX`; the order and gaps of the dates are checked
    /// against the cohort's other meetings with `rules::training::check_meeting_date`.
    pub fn validate(&self) -> Result<ValidMeeting, Violations> {
        let mut v = Violations::new();
        if self.date.is_none() {
            v.push("date", ViolationKind::Required {});
        }
        let time = v.check("start_time", parse_start_time(&self.start_time));
        let place = v.check("place", Location::parse(&self.place));
        let duration = match self.duration_minutes {
            None => Some(None),
            Some(n) => v.check("duration_minutes", meeting_minutes(n)).map(Some),
        };
        match (self.date, time, place, duration) {
            (Some(date), Some(start_time), Some(place), Some(duration_minutes)) if v.is_empty() => {
                Ok(ValidMeeting {
                    date,
                    start_time,
                    place,
                    duration_minutes,
                })
            }
            _ => Err(v),
        }
    }
}

/// The shortest and the longest meeting, in minutes: a meeting's own duration and the
/// municipality's setting.
pub const MEETING_MINUTES_MIN: u32 = 30;
pub const MEETING_MINUTES_MAX: u32 = 480;
/// A meeting's duration where neither the meeting nor its municipality sets one: 2 h 30.
pub const MEETING_MINUTES_DEFAULT: u32 = 150;

/// How long a meeting lasts, in minutes: its own duration, else its municipality's setting,
/// else [`MEETING_MINUTES_DEFAULT`]. The calendar feed and the MAP statement both count by it.
pub fn meeting_length(own: Option<u32>, municipality: Option<u32>) -> u32 {
    own.or(municipality).unwrap_or(MEETING_MINUTES_DEFAULT)
}

/// A meeting's duration in minutes, within `MEETING_MINUTES_MIN..=MEETING_MINUTES_MAX`.
pub fn meeting_minutes(n: i64) -> Result<u32, ViolationKind> {
    u32::try_from(n)
        .ok()
        .filter(|m| (MEETING_MINUTES_MIN..=MEETING_MINUTES_MAX).contains(m))
        .ok_or(ViolationKind::OutOfRange {
            min: i64::from(MEETING_MINUTES_MIN),
            max: i64::from(MEETING_MINUTES_MAX),
        })
}

/// One line of `PUT /cohorts/{id}/meetings/{n}/attendance`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AttendanceLine {
    pub participant_id: ParticipantId,
    pub status: AttendanceStatus,
}

/// The body of the attendance update: the whole list is saved in one request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(transparent)]
pub struct AttendanceInput(pub Vec<AttendanceLine>);

impl AttendanceInput {
    /// Nobody twice in one list (`lines.{i}.participant_id`).
    pub fn validate(&self) -> Result<(), Violations> {
        let mut v = Violations::new();
        let mut seen = std::collections::BTreeSet::new();
        for (i, line) in self.0.iter().enumerate() {
            if !seen.insert(&line.participant_id) {
                v.push(
                    format!("lines.{i}.participant_id"),
                    ViolationKind::AlreadyRegistered {},
                );
            }
        }
        v.into_result(())
    }
}

/// The attendance of a meeting, as the screen lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AttendanceRow {
    pub participant_id: ParticipantId,
    pub first_name: String,
    pub last_name: String,
    pub status: Option<AttendanceStatus>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_meeting_lasts_its_own_duration_else_its_municipality_s_else_two_and_a_half_hours() {
        assert_eq!(meeting_length(Some(90), Some(180)), 90);
        assert_eq!(meeting_length(None, Some(180)), 180);
        assert_eq!(meeting_length(None, None), 150);
        assert_eq!(meeting_length(Some(45), None), 45);
    }

    fn date(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn municipality() -> MunicipalityInput {
        MunicipalityInput {
            cbs_code: "GM0344".into(),
            name: "Utrecht".into(),
            agreement: AgreementInput {
                start_date: Some(date(1, 1)),
                end_date: Some(date(12, 31)),
                contracted_participants: Some(40),
                budget_cap_cents: None,
            },
            version: None,
        }
    }

    #[test]
    fn a_municipality_with_an_agreement_is_accepted() {
        assert!(municipality().validate().is_ok());
    }

    #[test]
    fn an_agreement_ending_before_it_starts_or_with_no_participants_is_refused() {
        let input = MunicipalityInput {
            agreement: AgreementInput {
                start_date: Some(date(6, 1)),
                end_date: Some(date(5, 31)),
                contracted_participants: Some(0),
                budget_cap_cents: Some(0),
            },
            ..municipality()
        };
        let err = input.validate().unwrap_err();
        let fields: Vec<&str> = err.iter().map(|v| v.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "agreement.end_date",
                "agreement.contracted_participants",
                "agreement.budget_cap_cents"
            ]
        );
    }

    #[test]
    fn an_agreement_of_one_day_is_accepted() {
        let input = AgreementInput {
            start_date: Some(date(6, 1)),
            end_date: Some(date(6, 1)),
            contracted_participants: Some(1),
            budget_cap_cents: Some(1),
        };
        assert!(input.validate().is_ok());
    }

    #[test]
    fn a_wrong_cbs_code_is_reported_with_its_code() {
        let err = MunicipalityInput {
            cbs_code: "0344".into(),
            ..municipality()
        }
        .validate()
        .unwrap_err();
        assert_eq!(err.0[0].kind, ViolationKind::InvalidMunicipalityCode {});
    }

    #[test]
    fn a_start_time_is_hours_and_minutes() {
        assert_eq!(
            parse_start_time("09:30"),
            Ok(NaiveTime::from_hms_opt(9, 30, 0).unwrap())
        );
        for bad in ["9:30", "24:00", "09:60", "0930", "09:30:00"] {
            assert_eq!(
                parse_start_time(bad),
                Err(ViolationKind::InvalidFormat {}),
                "{bad}"
            );
        }
        assert_eq!(parse_start_time(""), Err(ViolationKind::Required {}));
    }

    #[test]
    fn a_meeting_needs_a_date_a_time_and_a_place() {
        let err = ScheduleMeetingInput::default().validate().unwrap_err();
        let fields: Vec<&str> = err.iter().map(|v| v.field.as_str()).collect();
        assert_eq!(fields, ["date", "start_time", "place"]);
    }

    #[test]
    fn a_meeting_lasts_30_to_480_minutes_or_the_municipality_s_setting() {
        let at = |duration_minutes| ScheduleMeetingInput {
            date: NaiveDate::from_ymd_opt(2026, 3, 2),
            start_time: "09:30".to_owned(),
            place: "Stadhuis".to_owned(),
            duration_minutes,
            version: None,
        };
        assert_eq!(at(None).validate().map(|m| m.duration_minutes), Ok(None));
        for ok in [30, 120, 480] {
            assert_eq!(
                at(Some(ok)).validate().map(|m| m.duration_minutes),
                Ok(Some(u32::try_from(ok).unwrap())),
                "{ok}"
            );
        }
        for bad in [29, 481, 0, -150, i64::MAX] {
            let err = at(Some(bad)).validate().unwrap_err();
            let found: Vec<(&str, &ViolationKind)> =
                err.iter().map(|v| (v.field.as_str(), &v.kind)).collect();
            assert_eq!(
                found,
                [(
                    "duration_minutes",
                    &ViolationKind::OutOfRange { min: 30, max: 480 }
                )],
                "{bad}"
            );
        }
    }

    #[test]
    fn a_participant_twice_in_one_attendance_list_is_refused() {
        let p = ParticipantId::parse("p1").unwrap();
        let line = |status| AttendanceLine {
            participant_id: p.clone(),
            status,
        };
        let input = AttendanceInput(vec![
            line(AttendanceStatus::Present),
            line(AttendanceStatus::Absent),
        ]);
        let err = input.validate().unwrap_err();
        assert_eq!(err.0[0].field, "lines.1.participant_id");
    }

    #[test]
    fn attendance_is_sent_as_a_plain_list() {
        let input: AttendanceInput =
            serde_json::from_str(r#"[{"participant_id":"p1","status":"made_up"}]"#).unwrap();
        assert_eq!(input.0[0].status, AttendanceStatus::MadeUp);
    }
}
