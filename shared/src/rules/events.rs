//! Expert meetings and trainings for organisations: who publishes them, for which municipalities,
//! and registrations of an organisation's people within capacity, nobody twice.

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::{
    api::parse_start_time,
    ids::MunicipalityId,
    values::{BoundedText, PersonName, Title},
    violation::{ViolationKind, Violations},
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "sqlx", derive(sqlx::Type), sqlx(rename_all = "snake_case"))]
pub enum EventKind {
    ExpertMeeting,
    SupervisorTraining,
    GoodPracticeSession,
}

/// The place of an event: 0..=160 characters (empty when online only).
pub type EventPlace = BoundedText<0, 160>;
/// A registered person's role at their organisation: 0..=80 characters.
pub type PersonRole = BoundedText<0, 80>;

/// Most places an event offers.
pub const CAPACITY_MAX: i64 = 200;
/// Longest online link.
pub const LINK_MAX: u32 = 300;
/// Most municipalities one event is for.
pub const MAX_MUNICIPALITIES: u32 = 20;

/// `POST /events`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct EventInput {
    pub kind: Option<EventKind>,
    pub title: String,
    pub date: Option<NaiveDate>,
    /// `HH:MM`, 24 hours.
    pub start_time: String,
    /// A place, an online link, or both.
    pub place: String,
    /// `https://...`
    pub online_link: String,
    pub capacity: Option<i64>,
    /// For which municipalities' organisations, at least one.
    pub municipality_ids: Vec<MunicipalityId>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidEvent {
    pub kind: EventKind,
    pub title: Title,
    pub date: NaiveDate,
    pub start_time: NaiveTime,
    pub place: EventPlace,
    pub online_link: Option<String>,
    pub capacity: u32,
    pub municipality_ids: Vec<MunicipalityId>,
}

fn parse_link(text: &str) -> Result<String, ViolationKind> {
    let link = BoundedText::<0, LINK_MAX>::parse(text)?;
    let rest = link.as_str().strip_prefix("https://").unwrap_or("");
    if rest.is_empty() || rest.contains(char::is_whitespace) {
        return Err(ViolationKind::InvalidFormat {});
    }
    Ok(link.as_str().to_owned())
}

impl EventInput {
    /// A kind, a title, a date not in the past and a start time, a place or an `https` link,
    /// a capacity of 1..=200 and at least one municipality.
    pub fn validate(&self, today: NaiveDate) -> Result<ValidEvent, Violations> {
        let mut v = Violations::new();
        if self.kind.is_none() {
            v.push("kind", ViolationKind::Required {});
        }
        let title = v.check("title", Title::parse(&self.title));
        match self.date {
            None => v.push("date", ViolationKind::Required {}),
            Some(d) if d < today => v.push("date", ViolationKind::InThePast {}),
            Some(_) => {}
        }
        let start_time = v.check("start_time", parse_start_time(&self.start_time));
        let place = v.check("place", EventPlace::parse(&self.place));
        let online_link = if self.online_link.trim().is_empty() {
            Some(None)
        } else {
            v.check("online_link", parse_link(&self.online_link))
                .map(Some)
        };
        if place.as_ref().is_some_and(EventPlace::is_empty) && online_link == Some(None) {
            v.push("place", ViolationKind::Required {});
        }
        let capacity = match self.capacity {
            None => {
                v.push("capacity", ViolationKind::Required {});
                None
            }
            Some(c) if !(1..=CAPACITY_MAX).contains(&c) => {
                v.push(
                    "capacity",
                    ViolationKind::OutOfRange {
                        min: 1,
                        max: CAPACITY_MAX,
                    },
                );
                None
            }
            Some(c) => u32::try_from(c).ok(),
        };
        let mut municipality_ids = self.municipality_ids.clone();
        municipality_ids.sort();
        municipality_ids.dedup();
        if municipality_ids.is_empty() {
            v.push("municipality_ids", ViolationKind::Required {});
        } else if municipality_ids.len() > MAX_MUNICIPALITIES as usize {
            v.push(
                "municipality_ids",
                ViolationKind::TooLong {
                    max: MAX_MUNICIPALITIES,
                },
            );
        }
        match (
            self.kind,
            title,
            self.date,
            start_time,
            place,
            online_link,
            capacity,
        ) {
            (
                Some(kind),
                Some(title),
                Some(date),
                Some(start_time),
                Some(place),
                Some(online_link),
                Some(capacity),
            ) if v.is_empty() => Ok(ValidEvent {
                kind,
                title,
                date,
                start_time,
                place,
                online_link,
                capacity,
                municipality_ids,
            }),
            _ => Err(v),
        }
    }
}

/// `POST /events/{id}/registrations`: a colleague of the company contact's organisation, by name
/// and role; no account needed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct EventRegistrationInput {
    pub name: String,
    pub role: String,
}

impl EventRegistrationInput {
    pub fn validate(&self) -> Result<(PersonName, PersonRole), Violations> {
        let mut v = Violations::new();
        let name = v.check("name", PersonName::parse(&self.name));
        let role = v.check("role", PersonRole::parse(&self.role));
        match (name, role) {
            (Some(n), Some(r)) if v.is_empty() => Ok((n, r)),
            _ => Err(v),
        }
    }
}

/// Whether `name` may register for an event with `capacity` places whose registrations are
/// `registered`: the same organisation never registers one name twice (ignoring case), and a
/// full event takes nobody more. Someone already registered is told so even when it is full.
pub fn check_event_registration(
    capacity: u32,
    registered: &[(crate::ids::OrganisationId, String)],
    organisation: &crate::ids::OrganisationId,
    name: &str,
) -> Result<(), ViolationKind> {
    let name = name.trim().to_lowercase();
    if registered
        .iter()
        .any(|(o, n)| o == organisation && n.trim().to_lowercase() == name)
    {
        return Err(ViolationKind::AlreadyRegistered {});
    }
    if u32::try_from(registered.len()).unwrap_or(u32::MAX) >= capacity {
        return Err(ViolationKind::CapacityFull { capacity });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::OrganisationId;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
    }

    fn meeting() -> EventInput {
        EventInput {
            kind: Some(EventKind::ExpertMeeting),
            title: "Begeleiden van nieuwkomers".into(),
            date: Some(today()),
            start_time: "14:00".into(),
            place: "Stadskantoor, Utrecht".into(),
            online_link: String::new(),
            capacity: Some(20),
            municipality_ids: vec![MunicipalityId::parse("m1").unwrap()],
        }
    }

    fn codes(input: &EventInput) -> Vec<(String, &'static str)> {
        input.validate(today()).err().map_or_else(Vec::new, |v| {
            v.iter().map(|v| (v.field.clone(), v.kind.code())).collect()
        })
    }

    #[test]
    fn an_expert_meeting_with_a_place_is_valid() {
        let valid = meeting().validate(today()).unwrap();
        assert_eq!(valid.capacity, 20);
        assert_eq!(valid.online_link, None);
    }

    #[test]
    fn an_online_event_needs_no_place_but_an_https_link() {
        let mut online = EventInput {
            place: String::new(),
            online_link: "http://example.org/meet".into(),
            ..meeting()
        };
        assert_eq!(codes(&online), [("online_link".into(), "invalid_format")]);
        online.online_link = "https://example.org/meet".into();
        assert!(online.validate(today()).is_ok());
        online.online_link = String::new();
        assert_eq!(codes(&online), [("place".into(), "required")]);
    }

    #[test]
    fn every_broken_rule_of_an_event_is_listed() {
        let input = EventInput {
            kind: None,
            title: "x".into(),
            date: today().pred_opt(),
            start_time: "25:00".into(),
            capacity: Some(0),
            municipality_ids: Vec::new(),
            ..meeting()
        };
        assert_eq!(
            codes(&input),
            [
                ("kind".into(), "required"),
                ("title".into(), "too_short"),
                ("date".into(), "in_the_past"),
                ("start_time".into(), "invalid_format"),
                ("capacity".into(), "out_of_range"),
                ("municipality_ids".into(), "required"),
            ]
        );
    }

    #[test]
    fn a_name_is_registered_once_per_organisation_within_capacity() {
        let bakery = OrganisationId::parse("o1").unwrap();
        let care = OrganisationId::parse("o2").unwrap();
        let registered = vec![(bakery.clone(), "Henk de Bakker".to_owned())];
        assert_eq!(
            check_event_registration(2, &registered, &bakery, " henk de bakker "),
            Err(ViolationKind::AlreadyRegistered {})
        );
        assert_eq!(
            check_event_registration(2, &registered, &care, "Henk de Bakker"),
            Ok(())
        );
        assert_eq!(
            check_event_registration(1, &registered, &care, "Els Jansen"),
            Err(ViolationKind::CapacityFull { capacity: 1 })
        );
    }
}
