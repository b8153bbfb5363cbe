//! The kind of an unpaid placement and the legal limits that keep it what it says it is.
//!
//! - A *stage* (internship) is mainly learning: a learning plan with goals and a supervisor, and at
//!   most an expense allowance; otherwise it is employment.
//! - A *proefplaats* (trial placement, with social assistance) needs the municipality's consent and
//!   lasts at most 2 months, extendable to at most 6 months in total.
//! - A *werkervaringsplaats* (work-experience placement, with benefit) has the general limits only.
//! - A *participatieplaats* (with benefit) is not for anyone under 27; its 9-month review is a
//!   warning, not a refusal.
//! - All placements with benefit together last at most 24 months.
//! - Hours per week stay within the municipality's setting.
//!
//! Months are calendar months counted inclusively: a placement of exactly 2 months from 3 March
//! ends on 2 May; one ending on 3 May lasts 2 months and a day.

use chrono::{Datelike, Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::violation::{ViolationKind, Violations};

/// Longest proefplaats without an extension, in months.
pub const PROEFPLAATS_MONTHS: u32 = 2;
/// Longest proefplaats including its extension, in months.
pub const PROEFPLAATS_TOTAL_MONTHS: u32 = 6;
/// Youngest age for a participatieplaats, on its start date.
pub const PARTICIPATIEPLAATS_MIN_AGE: u32 = 27;
/// Longest total of all placements with benefit, in months.
pub const BENEFIT_PLACEMENTS_MAX_MONTHS: u32 = 24;
/// The week from which a midterm evaluation is expected.
pub const MIDTERM_WEEK: u32 = 5;
/// Months after its start when a participatieplaats is reviewed.
pub const PARTICIPATIEPLAATS_REVIEW_MONTHS: u32 = 9;

/// The legal kind of a placement.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "sqlx", derive(sqlx::Type), sqlx(rename_all = "snake_case"))]
pub enum PlacementKind {
    /// An internship: mainly learning, no benefit.
    #[default]
    Stage,
    /// A trial placement with social assistance, with the municipality's consent.
    Proefplaats,
    /// A work-experience placement with benefit.
    Werkervaringsplaats,
    /// A participation placement with benefit, for people of 27 and over.
    Participatieplaats,
}

impl PlacementKind {
    pub const ALL: [PlacementKind; 4] = [
        PlacementKind::Stage,
        PlacementKind::Proefplaats,
        PlacementKind::Werkervaringsplaats,
        PlacementKind::Participatieplaats,
    ];

    /// The snake_case name, the same as in JSON; translations use `placement-<key>`.
    pub fn key(self) -> &'static str {
        match self {
            PlacementKind::Stage => "stage",
            PlacementKind::Proefplaats => "proefplaats",
            PlacementKind::Werkervaringsplaats => "werkervaringsplaats",
            PlacementKind::Participatieplaats => "participatieplaats",
        }
    }

    /// Reads a key back (`stage`, `proefplaats`, ...).
    pub fn from_key(key: &str) -> Option<PlacementKind> {
        PlacementKind::ALL.into_iter().find(|k| k.key() == key)
    }

    /// Whether the participant keeps a benefit during the placement; those count towards the
    /// 24 months of [`BENEFIT_PLACEMENTS_MAX_MONTHS`].
    pub fn with_benefit(self) -> bool {
        !matches!(self, PlacementKind::Stage)
    }
}

/// The municipal settings the placement rules depend on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlacementLimits {
    /// Most hours per week of any placement.
    pub max_hours_per_week: u32,
    /// Highest monthly expense allowance of a stage, in cents; more is pay.
    pub max_allowance_cents: i64,
}

impl Default for PlacementLimits {
    fn default() -> Self {
        PlacementLimits {
            max_hours_per_week: 40,
            max_allowance_cents: 21_000,
        }
    }
}

/// Everything the rules look at for one placement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlacementFacts {
    pub kind: PlacementKind,
    pub start: NaiveDate,
    /// The last day, including an extension.
    pub end: NaiveDate,
    /// Whether the placement was extended (a proefplaats may then last up to 6 months).
    pub extended: bool,
    pub hours_per_week: u32,
    /// Learning goals of the plan (goals that are not dropped).
    pub learning_goals: u32,
    /// Whether a supervisor is named.
    pub supervisor_named: bool,
    /// Whether the municipality's consent is recorded (a proefplaats needs it).
    pub municipal_consent: bool,
    /// Monthly allowance or pay, in cents.
    pub monthly_allowance_cents: i64,
    /// The participant's date of birth, when recorded.
    pub date_of_birth: Option<NaiveDate>,
    /// Days of the participant's other placements with benefit (cancelled ones aside).
    pub earlier_benefit_days: i64,
}

/// The last day of a period of `months` calendar months starting on `start`.
pub fn last_day_of_months(start: NaiveDate, months: u32) -> NaiveDate {
    start
        .checked_add_months(Months::new(months))
        .and_then(|d| d.checked_sub_days(Days::new(1)))
        .unwrap_or(NaiveDate::MAX)
}

/// Whole years of age on `on` of someone born on `birth`.
pub fn age_on(birth: NaiveDate, on: NaiveDate) -> i32 {
    let mut age = on.year() - birth.year();
    if (on.month(), on.day()) < (birth.month(), birth.day()) {
        age -= 1;
    }
    age
}

/// Checks a placement against the rules of its kind and the general limits. Every refusal found
/// is returned (empty when the placement may go ahead):
/// - `learning_plan_missing` (`learning_goals`): a stage without learning goals or supervisor;
/// - `stage_paid` (`monthly_allowance_cents`, `max_cents`): a stage paid above the allowance;
/// - `municipal_consent_missing` (`municipal_consent`): a proefplaats without consent;
/// - `placement_too_long` (`end_date`, `max_months`): a proefplaats over 2 months unextended or
///   over 6 in total;
/// - `required` (`date_of_birth`) or `participant_too_young` (`date_of_birth`, `min_age`) for a
///   participatieplaats;
/// - `placement_total_exceeded` (`end_date`, `max_months`): placements with benefit over 24 months;
/// - `placement_hours_exceeded` (`hours_per_week`, `max`): above the municipality's setting.
pub fn check_placement(facts: &PlacementFacts, limits: &PlacementLimits) -> Violations {
    let mut v = Violations::new();
    match facts.kind {
        PlacementKind::Stage => {
            if facts.learning_goals == 0 || !facts.supervisor_named {
                v.push("learning_goals", ViolationKind::LearningPlanMissing {});
            }
            if facts.monthly_allowance_cents > limits.max_allowance_cents {
                v.push(
                    "monthly_allowance_cents",
                    ViolationKind::StagePaid {
                        max_cents: limits.max_allowance_cents,
                    },
                );
            }
        }
        PlacementKind::Proefplaats => {
            if !facts.municipal_consent {
                v.push(
                    "municipal_consent",
                    ViolationKind::MunicipalConsentMissing {},
                );
            }
            let max_months = if facts.extended {
                PROEFPLAATS_TOTAL_MONTHS
            } else {
                PROEFPLAATS_MONTHS
            };
            if facts.end > last_day_of_months(facts.start, max_months) {
                v.push("end_date", ViolationKind::PlacementTooLong { max_months });
            }
        }
        PlacementKind::Werkervaringsplaats => {}
        PlacementKind::Participatieplaats => match facts.date_of_birth {
            None => v.push("date_of_birth", ViolationKind::Required {}),
            Some(birth) => {
                if age_on(birth, facts.start) < PARTICIPATIEPLAATS_MIN_AGE as i32 {
                    v.push(
                        "date_of_birth",
                        ViolationKind::ParticipantTooYoung {
                            min_age: PARTICIPATIEPLAATS_MIN_AGE,
                        },
                    );
                }
            }
        },
    }
    if facts.kind.with_benefit() {
        // The earlier placements count as if they came right before this one.
        let earlier = u64::try_from(facts.earlier_benefit_days.max(0)).unwrap_or(u64::MAX);
        let virtual_start = facts
            .start
            .checked_sub_days(Days::new(earlier))
            .unwrap_or(NaiveDate::MIN);
        if facts.end > last_day_of_months(virtual_start, BENEFIT_PLACEMENTS_MAX_MONTHS) {
            v.push(
                "end_date",
                ViolationKind::PlacementTotalExceeded {
                    max_months: BENEFIT_PLACEMENTS_MAX_MONTHS,
                },
            );
        }
    }
    if facts.hours_per_week > limits.max_hours_per_week {
        v.push(
            "hours_per_week",
            ViolationKind::PlacementHoursExceeded {
                max: limits.max_hours_per_week,
            },
        );
    }
    v
}

/// Warnings where the law leaves room; they never refuse anything:
/// - `midterm_evaluation_missing` (`week`): from week 5 of a running or finished placement
///   without a midterm evaluation;
/// - `participatieplaats_review_due` (`due_date`): a participatieplaats still running 9 months
///   after its start.
pub fn placement_warnings(
    kind: PlacementKind,
    start: NaiveDate,
    end: NaiveDate,
    midterm_evaluated: bool,
    today: NaiveDate,
) -> Violations {
    let mut w = Violations::new();
    let week_5 = start
        .checked_add_days(Days::new(u64::from(MIDTERM_WEEK - 1) * 7))
        .unwrap_or(NaiveDate::MAX);
    if !midterm_evaluated && today >= week_5 && end >= week_5 {
        w.push(
            "evaluations",
            ViolationKind::MidtermEvaluationMissing { week: MIDTERM_WEEK },
        );
    }
    if kind == PlacementKind::Participatieplaats {
        let due = start
            .checked_add_months(Months::new(PARTICIPATIEPLAATS_REVIEW_MONTHS))
            .unwrap_or(NaiveDate::MAX);
        if today >= due && end >= due {
            w.push(
                "",
                ViolationKind::ParticipatieplaatsReviewDue {
                    due_date: due.to_string(),
                },
            );
        }
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn start() -> NaiveDate {
        day(2025, 3, 3)
    }

    /// A valid placement of the kind: 8 weeks, 24 hours, a plan, a supervisor, consent, aged 30.
    fn facts(kind: PlacementKind) -> PlacementFacts {
        PlacementFacts {
            kind,
            start: start(),
            end: day(2025, 4, 27),
            extended: false,
            hours_per_week: 24,
            learning_goals: 2,
            supervisor_named: true,
            municipal_consent: true,
            monthly_allowance_cents: 0,
            date_of_birth: Some(day(1995, 1, 1)),
            earlier_benefit_days: 0,
        }
    }

    fn codes(facts: &PlacementFacts) -> Vec<(String, &'static str)> {
        check_placement(facts, &PlacementLimits::default())
            .iter()
            .map(|v| (v.field.clone(), v.kind.code()))
            .collect()
    }

    fn one(field: &str, code: &'static str) -> Vec<(String, &'static str)> {
        vec![(field.to_owned(), code)]
    }

    #[test]
    fn a_valid_placement_of_every_kind_is_accepted() {
        for kind in PlacementKind::ALL {
            assert_eq!(codes(&facts(kind)), vec![], "{kind:?}");
        }
    }

    #[test]
    fn exactly_two_months_from_3_march_ends_on_2_may() {
        assert_eq!(last_day_of_months(start(), 2), day(2025, 5, 2));
        assert_eq!(last_day_of_months(day(2025, 1, 31), 1), day(2025, 2, 27));
    }

    #[test]
    fn a_stage_without_learning_goals_is_refused() {
        let f = PlacementFacts {
            learning_goals: 0,
            ..facts(PlacementKind::Stage)
        };
        assert_eq!(codes(&f), one("learning_goals", "learning_plan_missing"));
    }

    #[test]
    fn a_stage_without_a_supervisor_is_refused() {
        let f = PlacementFacts {
            supervisor_named: false,
            ..facts(PlacementKind::Stage)
        };
        assert_eq!(codes(&f), one("learning_goals", "learning_plan_missing"));
    }

    #[test]
    fn a_stage_needs_no_consent_and_no_date_of_birth() {
        let f = PlacementFacts {
            municipal_consent: false,
            date_of_birth: None,
            ..facts(PlacementKind::Stage)
        };
        assert_eq!(codes(&f), vec![]);
    }

    #[test]
    fn a_stage_paid_the_allowance_is_accepted_and_a_cent_more_is_pay() {
        let at = |cents| PlacementFacts {
            monthly_allowance_cents: cents,
            ..facts(PlacementKind::Stage)
        };
        assert_eq!(codes(&at(21_000)), vec![]);
        assert_eq!(
            check_placement(&at(21_001), &PlacementLimits::default()).0,
            vec![crate::Violation::new(
                "monthly_allowance_cents",
                ViolationKind::StagePaid { max_cents: 21_000 }
            )]
        );
    }

    #[test]
    fn pay_on_other_kinds_is_not_a_stage_rule() {
        let f = PlacementFacts {
            monthly_allowance_cents: 100_000,
            ..facts(PlacementKind::Werkervaringsplaats)
        };
        assert_eq!(codes(&f), vec![]);
    }

    #[test]
    fn a_proefplaats_without_consent_is_refused() {
        let f = PlacementFacts {
            municipal_consent: false,
            ..facts(PlacementKind::Proefplaats)
        };
        assert_eq!(
            codes(&f),
            one("municipal_consent", "municipal_consent_missing")
        );
    }

    #[test]
    fn a_proefplaats_of_exactly_two_months_is_accepted() {
        let f = PlacementFacts {
            end: day(2025, 5, 2),
            ..facts(PlacementKind::Proefplaats)
        };
        assert_eq!(codes(&f), vec![]);
    }

    #[test]
    fn a_proefplaats_of_two_months_and_a_day_is_too_long() {
        let f = PlacementFacts {
            end: day(2025, 5, 3),
            ..facts(PlacementKind::Proefplaats)
        };
        assert_eq!(
            check_placement(&f, &PlacementLimits::default()).0,
            vec![crate::Violation::new(
                "end_date",
                ViolationKind::PlacementTooLong { max_months: 2 }
            )]
        );
    }

    #[test]
    fn a_proefplaats_of_three_months_is_too_long() {
        let f = PlacementFacts {
            end: day(2025, 6, 2),
            ..facts(PlacementKind::Proefplaats)
        };
        assert_eq!(codes(&f), one("end_date", "placement_too_long"));
    }

    #[test]
    fn an_extended_proefplaats_of_exactly_six_months_is_accepted() {
        let f = PlacementFacts {
            end: day(2025, 9, 2),
            extended: true,
            ..facts(PlacementKind::Proefplaats)
        };
        assert_eq!(codes(&f), vec![]);
    }

    #[test]
    fn an_extended_proefplaats_of_six_months_and_a_day_is_too_long() {
        let f = PlacementFacts {
            end: day(2025, 9, 3),
            extended: true,
            ..facts(PlacementKind::Proefplaats)
        };
        assert_eq!(
            check_placement(&f, &PlacementLimits::default()).0,
            vec![crate::Violation::new(
                "end_date",
                ViolationKind::PlacementTooLong { max_months: 6 }
            )]
        );
    }

    #[test]
    fn a_participatieplaats_needs_a_date_of_birth() {
        let f = PlacementFacts {
            date_of_birth: None,
            ..facts(PlacementKind::Participatieplaats)
        };
        assert_eq!(codes(&f), one("date_of_birth", "required"));
    }

    #[test]
    fn someone_of_26_on_the_start_date_is_too_young_for_a_participatieplaats() {
        // 27 the day after the start.
        let f = PlacementFacts {
            date_of_birth: Some(day(1998, 3, 4)),
            ..facts(PlacementKind::Participatieplaats)
        };
        assert_eq!(age_on(day(1998, 3, 4), start()), 26);
        assert_eq!(
            check_placement(&f, &PlacementLimits::default()).0,
            vec![crate::Violation::new(
                "date_of_birth",
                ViolationKind::ParticipantTooYoung { min_age: 27 }
            )]
        );
    }

    #[test]
    fn someone_turning_27_on_the_start_date_may_have_a_participatieplaats() {
        let f = PlacementFacts {
            date_of_birth: Some(day(1998, 3, 3)),
            ..facts(PlacementKind::Participatieplaats)
        };
        assert_eq!(age_on(day(1998, 3, 3), start()), 27);
        assert_eq!(codes(&f), vec![]);
    }

    #[test]
    fn the_age_limit_is_only_for_a_participatieplaats() {
        for kind in [
            PlacementKind::Stage,
            PlacementKind::Proefplaats,
            PlacementKind::Werkervaringsplaats,
        ] {
            let f = PlacementFacts {
                date_of_birth: Some(day(2005, 1, 1)),
                ..facts(kind)
            };
            assert_eq!(codes(&f), vec![], "{kind:?}");
        }
    }

    #[test]
    fn placements_with_benefit_of_exactly_24_months_together_are_accepted() {
        // Earlier: 3 March 2023 up to 2 March 2025 less the 8 weeks of this one.
        let this_days = crate::rules::internship::duration_days(start(), day(2025, 4, 27));
        let total_days =
            crate::rules::internship::duration_days(day(2023, 4, 28), day(2025, 4, 27));
        let f = PlacementFacts {
            earlier_benefit_days: total_days - this_days,
            ..facts(PlacementKind::Werkervaringsplaats)
        };
        assert_eq!(codes(&f), vec![]);
        let over = PlacementFacts {
            earlier_benefit_days: total_days - this_days + 1,
            ..f
        };
        assert_eq!(
            check_placement(&over, &PlacementLimits::default()).0,
            vec![crate::Violation::new(
                "end_date",
                ViolationKind::PlacementTotalExceeded { max_months: 24 }
            )]
        );
    }

    #[test]
    fn a_stage_does_not_count_towards_the_benefit_total() {
        let f = PlacementFacts {
            earlier_benefit_days: 10_000,
            ..facts(PlacementKind::Stage)
        };
        assert_eq!(codes(&f), vec![]);
    }

    #[test]
    fn hours_at_the_setting_are_accepted_and_one_more_is_refused() {
        let limits = PlacementLimits {
            max_hours_per_week: 40,
            ..PlacementLimits::default()
        };
        let at = |hours| PlacementFacts {
            hours_per_week: hours,
            ..facts(PlacementKind::Werkervaringsplaats)
        };
        assert!(check_placement(&at(40), &limits).is_empty());
        assert_eq!(
            check_placement(&at(41), &limits).0,
            vec![crate::Violation::new(
                "hours_per_week",
                ViolationKind::PlacementHoursExceeded { max: 40 }
            )]
        );
    }

    #[test]
    fn every_refusal_of_one_placement_is_reported() {
        let f = PlacementFacts {
            municipal_consent: false,
            end: day(2025, 6, 2),
            hours_per_week: 41,
            earlier_benefit_days: 800,
            ..facts(PlacementKind::Proefplaats)
        };
        assert_eq!(
            codes(&f),
            vec![
                ("municipal_consent".to_owned(), "municipal_consent_missing"),
                ("end_date".to_owned(), "placement_too_long"),
                ("end_date".to_owned(), "placement_total_exceeded"),
                ("hours_per_week".to_owned(), "placement_hours_exceeded"),
            ]
        );
    }

    #[test]
    fn no_midterm_evaluation_by_week_5_is_a_warning() {
        let end = day(2025, 4, 27);
        let week_5 = day(2025, 3, 31);
        let warn = |today, evaluated| {
            placement_warnings(PlacementKind::Stage, start(), end, evaluated, today)
                .iter()
                .map(|v| v.kind.code())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            warn(week_5 - chrono::TimeDelta::days(1), false),
            Vec::<&str>::new()
        );
        assert_eq!(warn(week_5, false), vec!["midterm_evaluation_missing"]);
        assert_eq!(warn(week_5, true), Vec::<&str>::new());
    }

    #[test]
    fn the_review_of_a_participatieplaats_is_due_after_nine_months() {
        let end = day(2026, 3, 2);
        let due = day(2025, 12, 3);
        let warn = |kind, today| placement_warnings(kind, start(), end, true, today).0;
        assert_eq!(
            warn(
                PlacementKind::Participatieplaats,
                due - chrono::TimeDelta::days(1)
            ),
            vec![]
        );
        assert_eq!(
            warn(PlacementKind::Participatieplaats, due),
            vec![crate::Violation::new(
                "",
                ViolationKind::ParticipatieplaatsReviewDue {
                    due_date: "2025-12-03".to_owned()
                }
            )]
        );
        assert_eq!(warn(PlacementKind::Werkervaringsplaats, due), vec![]);
    }

    #[test]
    fn kinds_read_back_from_their_keys_and_json() {
        for kind in PlacementKind::ALL {
            assert_eq!(PlacementKind::from_key(kind.key()), Some(kind));
            assert_eq!(
                serde_json::to_value(kind).unwrap(),
                serde_json::json!(kind.key())
            );
        }
        assert_eq!(PlacementKind::from_key("baan"), None);
    }

    proptest! {
        #[test]
        fn a_proefplaats_is_too_long_exactly_after_its_months(
            offset in 0i64..3650, days in 1i64..250, extended in any::<bool>(),
        ) {
            let s = day(2020, 1, 1) + chrono::TimeDelta::days(offset);
            let f = PlacementFacts {
                start: s,
                end: s + chrono::TimeDelta::days(days - 1),
                extended,
                ..facts(PlacementKind::Proefplaats)
            };
            let months = if extended { 6 } else { 2 };
            let limit = s.checked_add_months(Months::new(months)).unwrap();
            let too_long = f.end >= limit;
            prop_assert_eq!(codes(&f).iter().any(|(_, c)| *c == "placement_too_long"), too_long);
        }

        #[test]
        fn a_participatieplaats_is_refused_exactly_before_the_27th_birthday(
            birth_offset in 0i64..20_000, start_offset in 0i64..20_000,
        ) {
            let birth = day(1960, 1, 1) + chrono::TimeDelta::days(birth_offset);
            let s = day(1960, 1, 1) + chrono::TimeDelta::days(start_offset);
            let f = PlacementFacts {
                start: s,
                end: s + chrono::TimeDelta::days(30),
                date_of_birth: Some(birth),
                ..facts(PlacementKind::Participatieplaats)
            };
            // Born on 29 February: 27 on 1 March in a year without one.
            let birthday_27 = birth
                .with_year(birth.year() + 27)
                .unwrap_or_else(|| day(birth.year() + 27, 3, 1));
            let too_young = s < birthday_27;
            prop_assert_eq!(codes(&f).iter().any(|(_, c)| *c == "participant_too_young"), too_young);
        }

        #[test]
        fn hours_are_refused_exactly_above_the_setting(hours in 0u32..80, max in 8u32..=40) {
            let limits = PlacementLimits { max_hours_per_week: max, ..PlacementLimits::default() };
            let f = PlacementFacts { hours_per_week: hours, ..facts(PlacementKind::Stage) };
            prop_assert_eq!(!check_placement(&f, &limits).is_empty(), hours > max);
        }
    }
}
