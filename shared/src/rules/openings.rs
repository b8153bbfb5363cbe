//! Organisations (company, school, volunteer organisation) and their openings.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{
    rules::internship,
    settings::ProgrammeSettings,
    values::{BoundedText, Capacity, Description, DutchLevel, KvkNumber, Postcode, Title},
    violation::{ViolationKind, Violations},
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "sqlx", derive(sqlx::Type), sqlx(rename_all = "snake_case"))]
pub enum OrganisationKind {
    Company,
    School,
    VolunteerOrganisation,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "sqlx", derive(sqlx::Type), sqlx(rename_all = "snake_case"))]
pub enum OpeningKind {
    CompanyVisit,
    Internship,
    Job,
    Volunteer,
    Education,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "sqlx", derive(sqlx::Type), sqlx(rename_all = "snake_case"))]
pub enum OpeningStatus {
    Draft,
    Open,
    Filled,
    Closed,
}

impl OpeningStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            OpeningStatus::Draft => "draft",
            OpeningStatus::Open => "open",
            OpeningStatus::Filled => "filled",
            OpeningStatus::Closed => "closed",
        }
    }
}

/// draft → open → filled or closed; a draft may be closed; a filled opening may be closed.
pub fn opening_transition(from: OpeningStatus, to: OpeningStatus) -> Result<(), ViolationKind> {
    use OpeningStatus as S;
    if matches!(
        (from, to),
        (S::Draft, S::Open | S::Closed) | (S::Open, S::Filled | S::Closed) | (S::Filled, S::Closed)
    ) {
        Ok(())
    } else {
        Err(ViolationKind::InvalidTransition {
            from: from.as_str().to_owned(),
            to: to.as_str().to_owned(),
        })
    }
}

pub type OrganisationName = BoundedText<2, 120>;
pub type Sector = BoundedText<0, 80>;
pub type Street = BoundedText<2, 120>;
pub type City = BoundedText<2, 80>;
pub type Place = BoundedText<2, 160>;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct OrganisationInput {
    pub kind: Option<OrganisationKind>,
    pub name: String,
    pub sector: String,
    pub street: String,
    pub postcode: String,
    pub city: String,
    /// Companies only.
    pub kvk_number: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidOrganisation {
    pub kind: OrganisationKind,
    pub name: OrganisationName,
    pub sector: Sector,
    pub street: Street,
    pub postcode: Postcode,
    pub city: City,
    pub kvk_number: Option<KvkNumber>,
}

impl OrganisationInput {
    /// A kind, a name, an address with a Dutch postcode; a company has a KvK number of 8 digits
    /// (other kinds may give one).
    pub fn validate(&self) -> Result<ValidOrganisation, Violations> {
        let mut v = Violations::new();
        if self.kind.is_none() {
            v.push("kind", ViolationKind::Required {});
        }
        let name = v.check("name", OrganisationName::parse(&self.name));
        let sector = v.check("sector", Sector::parse(&self.sector));
        let street = v.check("street", Street::parse(&self.street));
        let postcode = v.check("postcode", Postcode::parse(&self.postcode));
        let city = v.check("city", City::parse(&self.city));
        let kvk_number =
            if self.kvk_number.trim().is_empty() && self.kind != Some(OrganisationKind::Company) {
                Some(None)
            } else {
                v.check("kvk_number", KvkNumber::parse(&self.kvk_number))
                    .map(Some)
            };
        match (self.kind, name, sector, street, postcode, city, kvk_number) {
            (
                Some(kind),
                Some(name),
                Some(sector),
                Some(street),
                Some(postcode),
                Some(city),
                Some(kvk_number),
            ) if v.is_empty() => Ok(ValidOrganisation {
                kind,
                name,
                sector,
                street,
                postcode,
                city,
                kvk_number,
            }),
            _ => Err(v),
        }
    }
}

/// An opening as typed in a form; which fields count depends on the kind.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct OpeningInput {
    pub kind: Option<OpeningKind>,
    pub title: String,
    pub description: String,
    /// Company visit.
    pub date: Option<NaiveDate>,
    /// Company visit.
    pub place: String,
    /// Company visit.
    pub capacity: Option<i64>,
    /// Internship.
    pub start_date: Option<NaiveDate>,
    /// Internship.
    pub end_date: Option<NaiveDate>,
    /// Internship.
    pub hours_per_week: Option<u32>,
    /// Internship: the Dutch level asked for.
    pub dutch_level: Option<DutchLevel>,
}

/// What an opening of each kind holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpeningDetails {
    CompanyVisit {
        date: NaiveDate,
        place: Place,
        capacity: Capacity,
    },
    Internship {
        start_date: NaiveDate,
        end_date: NaiveDate,
        hours_per_week: u32,
        dutch_level: DutchLevel,
    },
    Job,
    Volunteer,
    Education,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidOpening {
    pub title: Title,
    pub description: Description,
    pub details: OpeningDetails,
}

impl OpeningInput {
    /// Title 3..=120 characters, a description of at most 2000; a company visit has a date not in
    /// the past, a place and a capacity of 1..=25; an internship obeys the internship window and
    /// hours and names the Dutch level it asks for.
    pub fn validate(
        &self,
        settings: &ProgrammeSettings,
        today: NaiveDate,
    ) -> Result<ValidOpening, Violations> {
        let mut v = Violations::new();
        let title = v.check("title", Title::parse(&self.title));
        let description = v.check("description", Description::parse(&self.description));
        let Some(kind) = self.kind else {
            v.push("kind", ViolationKind::Required {});
            return Err(v);
        };
        let details = match kind {
            OpeningKind::CompanyVisit => {
                match self.date {
                    None => v.push("date", ViolationKind::Required {}),
                    Some(d) if d < today => v.push("date", ViolationKind::InThePast {}),
                    Some(_) => {}
                }
                let place = v.check("place", Place::parse(&self.place));
                let capacity = match self.capacity {
                    None => {
                        v.push("capacity", ViolationKind::Required {});
                        None
                    }
                    Some(n) => v.check("capacity", Capacity::new(n)),
                };
                match (self.date, place, capacity) {
                    (Some(date), Some(place), Some(capacity)) => {
                        Some(OpeningDetails::CompanyVisit {
                            date,
                            place,
                            capacity,
                        })
                    }
                    _ => None,
                }
            }
            OpeningKind::Internship => {
                let window = internship::validate_window(
                    self.start_date,
                    self.end_date,
                    self.hours_per_week,
                    settings,
                );
                let window_ok = window.is_empty();
                v.0.extend(window);
                if self.dutch_level.is_none() {
                    v.push("dutch_level", ViolationKind::Required {});
                }
                match (
                    window_ok,
                    self.start_date,
                    self.end_date,
                    self.hours_per_week,
                    self.dutch_level,
                ) {
                    (true, Some(start_date), Some(end_date), Some(hours_per_week), Some(level)) => {
                        Some(OpeningDetails::Internship {
                            start_date,
                            end_date,
                            hours_per_week,
                            dutch_level: level,
                        })
                    }
                    _ => None,
                }
            }
            OpeningKind::Job => Some(OpeningDetails::Job),
            OpeningKind::Volunteer => Some(OpeningDetails::Volunteer),
            OpeningKind::Education => Some(OpeningDetails::Education),
        };
        match (title, description, details) {
            (Some(title), Some(description), Some(details)) if v.is_empty() => Ok(ValidOpening {
                title,
                description,
                details,
            }),
            _ => Err(v),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn company() -> OrganisationInput {
        OrganisationInput {
            kind: Some(OrganisationKind::Company),
            name: "Bakkerij De Korenbloem".into(),
            sector: "Food".into(),
            street: "Oudegracht 1".into(),
            postcode: "3511ab".into(),
            city: "Utrecht".into(),
            kvk_number: "12345678".into(),
        }
    }

    #[test]
    fn a_company_with_a_kvk_number_and_postcode_is_accepted_and_normalised() {
        let valid = company().validate().unwrap();
        assert_eq!(valid.postcode.as_str(), "3511 AB");
        assert_eq!(valid.kvk_number.unwrap().as_str(), "12345678");
    }

    #[test]
    fn a_company_without_a_kvk_number_is_refused() {
        let input = OrganisationInput {
            kvk_number: String::new(),
            ..company()
        };
        let err = input.validate().unwrap_err();
        assert_eq!(err.0[0].field, "kvk_number");
        assert_eq!(err.0[0].kind, ViolationKind::Required {});
    }

    #[test]
    fn a_school_needs_no_kvk_number_but_a_wrong_one_is_refused() {
        let school = OrganisationInput {
            kind: Some(OrganisationKind::School),
            kvk_number: String::new(),
            ..company()
        };
        assert!(school.validate().unwrap().kvk_number.is_none());
        let wrong = OrganisationInput {
            kvk_number: "123".into(),
            ..school
        };
        assert_eq!(
            wrong.validate().unwrap_err().0[0].kind,
            ViolationKind::InvalidKvkNumber {}
        );
    }

    #[test]
    fn an_organisation_reports_every_broken_field() {
        let err = OrganisationInput {
            postcode: "0123 AB".into(),
            kvk_number: "1234567".into(),
            name: "X".into(),
            ..company()
        }
        .validate()
        .unwrap_err();
        let fields: Vec<&str> = err.iter().map(|v| v.field.as_str()).collect();
        assert_eq!(fields, ["name", "postcode", "kvk_number"]);
    }

    fn visit(capacity: i64, date: NaiveDate) -> OpeningInput {
        OpeningInput {
            kind: Some(OpeningKind::CompanyVisit),
            title: "Open day at the bakery".into(),
            date: Some(date),
            place: "Oudegracht 1, Utrecht".into(),
            capacity: Some(capacity),
            ..OpeningInput::default()
        }
    }

    #[test]
    fn a_company_visit_takes_1_to_25_people() {
        let s = ProgrammeSettings::default();
        let today = day(3, 1);
        assert!(visit(1, day(3, 10)).validate(&s, today).is_ok());
        assert!(visit(25, day(3, 10)).validate(&s, today).is_ok());
        for capacity in [0, 26] {
            let err = visit(capacity, day(3, 10)).validate(&s, today).unwrap_err();
            assert_eq!(err.0[0].kind, ViolationKind::OutOfRange { min: 1, max: 25 });
        }
    }

    #[test]
    fn a_company_visit_in_the_past_is_refused() {
        let err = visit(5, day(2, 28))
            .validate(&ProgrammeSettings::default(), day(3, 1))
            .unwrap_err();
        assert_eq!(err.0[0].kind, ViolationKind::InThePast {});
    }

    fn internship_opening(end: NaiveDate) -> OpeningInput {
        OpeningInput {
            kind: Some(OpeningKind::Internship),
            title: "Internship in the bakery".into(),
            start_date: Some(day(4, 6)),
            end_date: Some(end),
            hours_per_week: Some(24),
            dutch_level: Some(DutchLevel::A2),
            ..OpeningInput::default()
        }
    }

    #[test]
    fn an_internship_opening_obeys_the_internship_window() {
        let s = ProgrammeSettings::default();
        // 6 April + 55 days = 31 May: 8 weeks.
        assert!(
            internship_opening(day(5, 31))
                .validate(&s, day(3, 1))
                .is_ok()
        );
        // 6 April to 16 June inclusive is 72 days: too long.
        let err = internship_opening(day(6, 16))
            .validate(&s, day(3, 1))
            .unwrap_err();
        assert_eq!(
            err.0[0].kind,
            ViolationKind::InternshipTooLong { max_weeks: 10 }
        );
    }

    #[test]
    fn a_job_opening_needs_only_a_title() {
        let job = OpeningInput {
            kind: Some(OpeningKind::Job),
            title: "Baker's assistant".into(),
            ..OpeningInput::default()
        };
        assert_eq!(
            job.validate(&ProgrammeSettings::default(), day(3, 1))
                .unwrap()
                .details,
            OpeningDetails::Job
        );
    }

    #[test]
    fn openings_move_from_draft_to_open_to_filled_or_closed() {
        use OpeningStatus as S;
        assert!(opening_transition(S::Draft, S::Open).is_ok());
        assert!(opening_transition(S::Open, S::Filled).is_ok());
        assert!(opening_transition(S::Open, S::Closed).is_ok());
        assert!(opening_transition(S::Filled, S::Closed).is_ok());
        assert_eq!(
            opening_transition(S::Closed, S::Open),
            Err(ViolationKind::InvalidTransition {
                from: "closed".into(),
                to: "open".into()
            })
        );
        assert!(opening_transition(S::Draft, S::Filled).is_err());
    }
}
