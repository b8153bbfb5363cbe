//! The coach's contact log: a note for coaches and coordinators, a summary the participant sees.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{
    values::{Note, Summary},
    violation::{ViolationKind, Violations},
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "sqlx", derive(sqlx::Type), sqlx(rename_all = "snake_case"))]
pub enum ContactKind {
    Meeting,
    Call,
    Message,
}

/// Longest contact that can be logged, in minutes.
pub const MAX_MINUTES: u32 = 600;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct ContactInput {
    pub date: Option<NaiveDate>,
    pub kind: Option<ContactKind>,
    pub minutes: Option<u32>,
    pub note: String,
    pub summary: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidContact {
    pub date: NaiveDate,
    pub kind: ContactKind,
    pub minutes: u32,
    pub note: Note,
    pub summary: Summary,
}

impl ContactInput {
    /// A date not in the future, a kind, 1..=600 minutes, a note of at most 4000 and a summary of
    /// at most 500 characters.
    pub fn validate(&self, today: NaiveDate) -> Result<ValidContact, Violations> {
        let mut v = Violations::new();
        match self.date {
            None => v.push("date", ViolationKind::Required {}),
            Some(date) if date > today => v.push("date", ViolationKind::InTheFuture {}),
            Some(_) => {}
        }
        if self.kind.is_none() {
            v.push("kind", ViolationKind::Required {});
        }
        match self.minutes {
            None => v.push("minutes", ViolationKind::Required {}),
            Some(m) if !(1..=MAX_MINUTES).contains(&m) => v.push(
                "minutes",
                ViolationKind::OutOfRange {
                    min: 1,
                    max: i64::from(MAX_MINUTES),
                },
            ),
            Some(_) => {}
        }
        let note = v.check("note", Note::parse(&self.note));
        let summary = v.check("summary", Summary::parse(&self.summary));
        match (self.date, self.kind, self.minutes, note, summary) {
            (Some(date), Some(kind), Some(minutes), Some(note), Some(summary)) if v.is_empty() => {
                Ok(ValidContact {
                    date,
                    kind,
                    minutes,
                    note,
                    summary,
                })
            }
            _ => Err(v),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 5, d).unwrap()
    }

    fn input() -> ContactInput {
        ContactInput {
            date: Some(day(4)),
            kind: Some(ContactKind::Call),
            minutes: Some(20),
            note: "Worried about housing.".into(),
            summary: "We planned the company visit.".into(),
        }
    }

    #[test]
    fn a_contact_today_is_accepted() {
        assert!(input().validate(day(4)).is_ok());
    }

    #[test]
    fn a_contact_tomorrow_is_in_the_future() {
        let err = input().validate(day(3)).unwrap_err();
        assert_eq!(err.0[0].kind, ViolationKind::InTheFuture {});
    }

    #[test]
    fn minutes_0_and_601_are_out_of_range_and_1_and_600_accepted() {
        for (minutes, ok) in [(0, false), (1, true), (600, true), (601, false)] {
            let c = ContactInput {
                minutes: Some(minutes),
                ..input()
            };
            assert_eq!(c.validate(day(4)).is_ok(), ok, "{minutes}");
        }
    }

    #[test]
    fn an_empty_contact_lists_every_missing_field() {
        let err = ContactInput::default().validate(day(4)).unwrap_err();
        let fields: Vec<&str> = err.iter().map(|v| v.field.as_str()).collect();
        assert_eq!(fields, ["date", "kind", "minutes"]);
    }

    #[test]
    fn a_summary_over_500_characters_is_too_long() {
        let c = ContactInput {
            summary: "x".repeat(501),
            ..input()
        };
        let err = c.validate(day(4)).unwrap_err();
        assert_eq!(err.0[0].kind, ViolationKind::TooLong { max: 500 });
    }
}
