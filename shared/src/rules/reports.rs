//! Municipality reports: aggregated figures with small cells hidden.

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::{
    api::{
        AgreementProgress, BudgetLine, IntroductionCounts, LadderMovement, MonthCount, Movement,
        MunicipalityReport, OutcomeCounts,
    },
    ids::MunicipalityId,
    rules::{
        budget::ExpenseCategory,
        introduction::IntroductionStatus,
        ladder::movement,
        outcome::OutcomeKind,
        training::{AttendanceStatus, training_complete},
    },
    settings::ProgrammeSettings,
    values::{LadderRung, Money},
};

/// The programme's aim: prepare this many refugees to find work.
pub const PROGRAMME_AIM: u32 = 1_500;

/// Counts below this are hidden in a group smaller than the whole.
pub const SMALL_CELL: u32 = 5;

/// A count as a report may show it: exact, or `<5`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportCount {
    Exact(u32),
    FewerThanFive,
}

impl Serialize for ReportCount {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            ReportCount::Exact(n) => serializer.serialize_u32(*n),
            ReportCount::FewerThanFive => serializer.serialize_str("<5"),
        }
    }
}

impl<'de> Deserialize<'de> for ReportCount {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Number(u32),
            Text(String),
        }
        match Raw::deserialize(deserializer)? {
            Raw::Number(n) => Ok(ReportCount::Exact(n)),
            Raw::Text(t) if t == "<5" => Ok(ReportCount::FewerThanFive),
            Raw::Text(_) => Err(serde::de::Error::custom("expected a count or \"<5\"")),
        }
    }
}

#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for ReportCount {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, OneOfBuilder, Type};
        OneOfBuilder::new()
            .item(
                ObjectBuilder::new()
                    .schema_type(Type::Integer)
                    .minimum(Some(5)),
            )
            .item(
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .enum_values(Some(["<5"])),
            )
            .description(Some("A count of 5 or more, or `<5`"))
            .into()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for ReportCount {}

impl std::fmt::Display for ReportCount {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReportCount::Exact(n) => write!(f, "{n}"),
            ReportCount::FewerThanFive => f.write_str("<5"),
        }
    }
}

/// The small-cell rule: in a group smaller than the whole, a count below 5 (zero included, so a
/// hidden count cannot be told apart from none) is shown as `<5`.
pub fn small_cell(count: u32, group_is_whole: bool) -> ReportCount {
    if !group_is_whole && count < SMALL_CELL {
        ReportCount::FewerThanFive
    } else {
        ReportCount::Exact(count)
    }
}

/// The median of a list of day counts, halves rounded down; `None` when empty.
pub fn median_days(mut days: Vec<i64>) -> Option<i64> {
    if days.is_empty() {
        return None;
    }
    days.sort_unstable();
    let mid = days.len() / 2;
    if days.len() % 2 == 1 {
        Some(days[mid])
    } else {
        Some((days[mid - 1] + days[mid]).div_euclid(2))
    }
}

/// Progress towards the aim, in whole per mille (0..=1000, capped).
pub fn aim_per_mille(started: u32) -> u32 {
    (u64::from(started) * 1000 / u64::from(PROGRAMME_AIM)).min(1000) as u32
}

/// The inclusive range of days a report covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Period {
    pub fn contains(self, day: NaiveDate) -> bool {
        self.from <= day && day <= self.to
    }

    /// The first day of each calendar month the period touches, oldest first.
    pub fn months(self) -> Vec<NaiveDate> {
        let mut months = Vec::new();
        let mut month = self.from.with_day(1);
        while let Some(first) = month.filter(|m| *m <= self.to) {
            months.push(first);
            month = first.checked_add_months(Months::new(1));
        }
        months
    }
}

/// The outcome of one participant's route, as a report reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutcomeFact {
    pub kind: OutcomeKind,
    pub date: NaiveDate,
    pub exit_rung: Option<LadderRung>,
    pub follow_up_rung: Option<LadderRung>,
}

/// What the report needs to know of one participant of the municipality.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParticipantFacts {
    /// Whether the participant consents to their results being counted for the municipality.
    /// Without it, nothing of them reaches the report.
    pub results_consent: bool,
    pub intake_rung: LadderRung,
    /// Every scheduled meeting of their cohort: its date and the participant's attendance.
    pub meetings: Vec<(NaiveDate, Option<AttendanceStatus>)>,
    /// The dates of the company visits they registered for.
    pub visits: Vec<NaiveDate>,
    /// Start and end of each internship that was not cancelled.
    pub internships: Vec<(NaiveDate, NaiveDate)>,
    /// The day each introduction was proposed, and where it stands.
    pub introductions: Vec<(NaiveDate, IntroductionStatus)>,
    /// The first outcome recorded.
    pub outcome: Option<OutcomeFact>,
    /// Granted budget requests (approved or paid): category, day requested, amount.
    pub expenses: Vec<(ExpenseCategory, NaiveDate, Money)>,
    /// The day they became ready for the final interview of the MAP, if they are (never on the
    /// education route).
    pub ready_on: Option<NaiveDate>,
}

impl ParticipantFacts {
    /// The start of the route: the first meeting of their cohort.
    pub fn started_on(&self) -> Option<NaiveDate> {
        self.meetings.iter().map(|(d, _)| *d).min()
    }

    /// The day the training became complete: the meeting at which the attended meetings reached
    /// the number required.
    pub fn training_completed_on(&self, settings: &ProgrammeSettings) -> Option<NaiveDate> {
        let mut held: Vec<_> = self.meetings.clone();
        held.sort_by_key(|(d, _)| *d);
        let mut attended = 0;
        for (date, status) in held {
            if status.is_some_and(AttendanceStatus::counts_as_attended) {
                attended += 1;
                if training_complete(attended, settings) {
                    return Some(date);
                }
            }
        }
        None
    }

    /// The last meeting of their cohort.
    fn training_ends_on(&self) -> Option<NaiveDate> {
        self.meetings.iter().map(|(d, _)| *d).max()
    }
}

/// The agreement of the municipality, as the report measures it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AgreementFacts {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub contracted: u32,
}

/// Counts a group of people with the small-cell rule: a municipality is always a part of the
/// whole programme.
fn part(count: usize) -> ReportCount {
    small_cell(u32::try_from(count).unwrap_or(u32::MAX), false)
}

fn movement_of(pairs: &[(LadderRung, LadderRung)]) -> Movement {
    let up = pairs.iter().filter(|(a, b)| movement(*a, *b) > 0).count();
    let down = pairs.iter().filter(|(a, b)| movement(*a, *b) < 0).count();
    Movement {
        participants: part(pairs.len()),
        up: part(up),
        same: part(pairs.len() - up - down),
        down: part(down),
    }
}

/// The report of one municipality over `period`, from the facts of its participants. Those
/// without results consent are left out; every count passes the small-cell rule, and the median
/// and budget amounts are given only when they rest on at least 5 people.
pub fn municipality_report(
    municipality_id: MunicipalityId,
    period: Period,
    participants: &[ParticipantFacts],
    agreement: Option<AgreementFacts>,
    programme_started: u32,
    settings: &ProgrammeSettings,
) -> MunicipalityReport {
    let counted: Vec<&ParticipantFacts> =
        participants.iter().filter(|p| p.results_consent).collect();
    let count =
        |f: &dyn Fn(&ParticipantFacts) -> bool| part(counted.iter().filter(|p| f(p)).count());

    let started = count(&|p| p.started_on().is_some_and(|d| period.contains(d)));
    let in_training = count(&|p| match (p.started_on(), p.training_ends_on()) {
        (Some(first), Some(last)) => first <= period.to && last >= period.from,
        _ => false,
    });
    let training_completed = count(&|p| {
        p.training_completed_on(settings)
            .is_some_and(|d| period.contains(d))
    });
    let ready_on: Vec<NaiveDate> = counted
        .iter()
        .filter_map(|p| p.ready_on)
        .filter(|d| period.contains(*d))
        .collect();
    let ready_for_final_interview = part(ready_on.len());
    let ready_per_month = period
        .months()
        .into_iter()
        .map(|month| MonthCount {
            month,
            count: part(
                ready_on
                    .iter()
                    .filter(|d| (d.year(), d.month()) == (month.year(), month.month()))
                    .count(),
            ),
        })
        .collect();
    let visits = part(
        counted
            .iter()
            .flat_map(|p| &p.visits)
            .filter(|d| period.contains(**d))
            .count(),
    );
    let internships_started = part(
        counted
            .iter()
            .flat_map(|p| &p.internships)
            .filter(|(start, _)| period.contains(*start))
            .count(),
    );
    let internships_completed = part(
        counted
            .iter()
            .flat_map(|p| &p.internships)
            .filter(|(_, end)| period.contains(*end))
            .count(),
    );
    let introduced: Vec<IntroductionStatus> = counted
        .iter()
        .flat_map(|p| &p.introductions)
        .filter(|(d, _)| period.contains(*d))
        .map(|(_, s)| *s)
        .collect();
    let by_status =
        |f: &dyn Fn(IntroductionStatus) -> bool| part(introduced.iter().filter(|s| f(**s)).count());
    let introductions = IntroductionCounts {
        total: part(introduced.len()),
        hired: by_status(&|s| s == IntroductionStatus::Hired),
        enrolled: by_status(&|s| s == IntroductionStatus::Enrolled),
        volunteering: by_status(&|s| s == IntroductionStatus::Volunteering),
        not_chosen: by_status(&|s| s == IntroductionStatus::NotChosen),
        declined: by_status(&|s| s == IntroductionStatus::Declined),
        open: by_status(&|s| {
            matches!(
                s,
                IntroductionStatus::Proposed
                    | IntroductionStatus::Accepted
                    | IntroductionStatus::MeetingHeld
            )
        }),
    };

    let outcomes_in: Vec<(&ParticipantFacts, &OutcomeFact)> = counted
        .iter()
        .filter_map(|p| p.outcome.as_ref().map(|o| (*p, o)))
        .filter(|(_, o)| period.contains(o.date))
        .collect();
    let of_kind = |k: OutcomeKind| part(outcomes_in.iter().filter(|(_, o)| o.kind == k).count());
    let outcomes = OutcomeCounts {
        total: part(outcomes_in.len()),
        paid_job: of_kind(OutcomeKind::PaidJob),
        education: of_kind(OutcomeKind::Education),
        volunteering: of_kind(OutcomeKind::Volunteering),
        none: of_kind(OutcomeKind::None),
    };
    let days: Vec<i64> = outcomes_in
        .iter()
        .filter_map(|(p, o)| p.started_on().map(|s| (o.date - s).num_days().max(0)))
        .collect();
    let median_days_to_outcome = if days.len() >= SMALL_CELL as usize {
        median_days(days)
    } else {
        None
    };

    let intake_exit: Vec<_> = outcomes_in
        .iter()
        .filter_map(|(p, o)| o.exit_rung.map(|e| (p.intake_rung, e)))
        .collect();
    let exit_follow_up: Vec<_> = outcomes_in
        .iter()
        .filter_map(|(_, o)| o.exit_rung.zip(o.follow_up_rung))
        .collect();
    let ladder = LadderMovement {
        intake_to_exit: movement_of(&intake_exit),
        exit_to_follow_up: movement_of(&exit_follow_up),
    };

    let budget = ExpenseCategory::ALL
        .iter()
        .map(|&category| {
            let spent: Vec<(usize, Money)> = counted
                .iter()
                .enumerate()
                .flat_map(|(i, p)| {
                    p.expenses
                        .iter()
                        .filter(move |(c, d, _)| *c == category && period.contains(*d))
                        .map(move |(_, _, m)| (i, *m))
                })
                .collect();
            let mut people: Vec<usize> = spent.iter().map(|(i, _)| *i).collect();
            people.dedup();
            let amount = spent.iter().map(|(_, m)| m.cents()).sum::<i64>();
            BudgetLine {
                category,
                participants: part(people.len()),
                amount_cents: (people.len() >= SMALL_CELL as usize).then_some(amount),
            }
        })
        .collect();

    let agreement = agreement.map(|a| {
        let within = Period {
            from: a.start,
            to: a.end,
        };
        AgreementProgress {
            start: a.start,
            end: a.end,
            contracted: a.contracted,
            started: count(&|p| p.started_on().is_some_and(|d| within.contains(d))),
        }
    });

    MunicipalityReport {
        municipality_id,
        from: period.from,
        to: period.to,
        started,
        in_training,
        training_completed,
        ready_for_final_interview,
        ready_per_month,
        visits,
        internships_started,
        internships_completed,
        introductions,
        outcomes,
        median_days_to_outcome,
        ladder,
        budget,
        agreement,
        programme_started,
        programme_aim: PROGRAMME_AIM,
        programme_per_mille: aim_per_mille(programme_started),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_count_of_4_in_a_part_is_hidden_and_5_is_shown() {
        assert_eq!(small_cell(4, false), ReportCount::FewerThanFive);
        assert_eq!(small_cell(5, false), ReportCount::Exact(5));
    }

    #[test]
    fn zero_in_a_part_is_hidden_too() {
        assert_eq!(small_cell(0, false), ReportCount::FewerThanFive);
    }

    #[test]
    fn the_whole_shows_small_counts() {
        assert_eq!(small_cell(3, true), ReportCount::Exact(3));
    }

    #[test]
    fn a_hidden_count_is_the_text_lt5_in_json() {
        assert_eq!(
            serde_json::to_string(&ReportCount::FewerThanFive).unwrap(),
            "\"<5\""
        );
        assert_eq!(
            serde_json::to_string(&ReportCount::Exact(12)).unwrap(),
            "12"
        );
        assert_eq!(
            serde_json::from_str::<ReportCount>("\"<5\"").unwrap(),
            ReportCount::FewerThanFive
        );
        assert!(serde_json::from_str::<ReportCount>("\"<6\"").is_err());
    }

    #[test]
    fn the_median_of_an_odd_and_an_even_list() {
        assert_eq!(median_days(vec![30, 10, 20]), Some(20));
        assert_eq!(median_days(vec![10, 20, 30, 41]), Some(25));
        assert_eq!(median_days(vec![]), None);
    }

    #[test]
    fn progress_towards_the_aim_of_1500() {
        assert_eq!(aim_per_mille(0), 0);
        assert_eq!(aim_per_mille(675), 450);
        assert_eq!(aim_per_mille(1500), 1000);
        assert_eq!(aim_per_mille(3000), 1000);
    }

    fn d(offset: i64) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 1, 1).unwrap() + chrono::Duration::days(offset)
    }

    fn rung(n: i64) -> LadderRung {
        LadderRung::new(n).unwrap()
    }

    /// A participant of a cohort whose 8 meetings are a week apart from `first`, all attended.
    fn trained(first: i64) -> ParticipantFacts {
        ParticipantFacts {
            results_consent: true,
            intake_rung: rung(2),
            meetings: (0..8)
                .map(|n| (d(first + 7 * n), Some(AttendanceStatus::Present)))
                .collect(),
            visits: vec![],
            internships: vec![],
            introductions: vec![],
            outcome: None,
            expenses: vec![],
            ready_on: None,
        }
    }

    fn year() -> Period {
        Period {
            from: d(0),
            to: d(364),
        }
    }

    fn report(facts: &[ParticipantFacts]) -> MunicipalityReport {
        municipality_report(
            MunicipalityId::parse("m").unwrap(),
            year(),
            facts,
            Some(AgreementFacts {
                start: d(0),
                end: d(364),
                contracted: 40,
            }),
            120,
            &ProgrammeSettings::default(),
        )
    }

    #[test]
    fn seven_started_are_counted_and_three_with_a_job_come_out_as_lt5() {
        let mut facts: Vec<_> = (0..7).map(|_| trained(10)).collect();
        for p in facts.iter_mut().take(3) {
            p.outcome = Some(OutcomeFact {
                kind: OutcomeKind::PaidJob,
                date: d(100),
                exit_rung: Some(rung(6)),
                follow_up_rung: None,
            });
        }
        let r = report(&facts);
        assert_eq!(r.started, ReportCount::Exact(7));
        assert_eq!(r.training_completed, ReportCount::Exact(7));
        assert_eq!(r.outcomes.paid_job, ReportCount::FewerThanFive);
        assert_eq!(r.median_days_to_outcome, None);
        assert_eq!(
            r.agreement.map(|a| (a.contracted, a.started)),
            Some((40, ReportCount::Exact(7)))
        );
        assert_eq!(r.programme_per_mille, 80);
    }

    #[test]
    fn those_ready_for_the_final_interview_are_counted_in_their_month() {
        // d(0) is 1 January 2025: six ready in February (days 31..=58), one in March, one
        // after the period, one without results consent.
        let mut facts: Vec<_> = (0..9).map(|_| trained(0)).collect();
        for (p, day) in facts.iter_mut().zip([31, 40, 45, 50, 58, 58, 59, 400, 35]) {
            p.ready_on = Some(d(day));
        }
        facts[8].results_consent = false;
        let r = report(&facts);
        assert_eq!(r.ready_for_final_interview, ReportCount::Exact(7));
        assert_eq!(r.ready_per_month.len(), 12);
        assert_eq!(r.ready_per_month[0].month, d(0));
        assert_eq!(r.ready_per_month[1].month, d(31));
        assert_eq!(r.ready_per_month[1].count, ReportCount::Exact(6));
        assert_eq!(r.ready_per_month[2].count, ReportCount::FewerThanFive);
        assert_eq!(r.ready_per_month[11].month, d(334));
    }

    #[test]
    fn a_period_within_one_month_has_that_month_only() {
        let period = Period {
            from: d(40),
            to: d(45),
        };
        assert_eq!(period.months(), vec![d(31)]);
        let across_the_year = Period {
            from: d(-1),
            to: d(0),
        };
        assert_eq!(across_the_year.months(), vec![d(-31), d(0)]);
    }

    #[test]
    fn a_participant_without_results_consent_is_left_out() {
        let mut facts: Vec<_> = (0..6).map(|_| trained(10)).collect();
        assert_eq!(report(&facts).started, ReportCount::Exact(6));
        facts[0].results_consent = false;
        assert_eq!(report(&facts).started, ReportCount::Exact(5));
        facts[1].results_consent = false;
        assert_eq!(report(&facts).started, ReportCount::FewerThanFive);
    }

    #[test]
    fn the_median_and_the_ladder_show_from_5_outcomes() {
        let facts: Vec<_> = (0..5)
            .map(|n| {
                let mut p = trained(0);
                p.outcome = Some(OutcomeFact {
                    kind: OutcomeKind::Education,
                    date: d(100 + n),
                    exit_rung: Some(rung(4)),
                    follow_up_rung: Some(rung(4)),
                });
                p
            })
            .collect();
        let r = report(&facts);
        assert_eq!(r.median_days_to_outcome, Some(102));
        assert_eq!(r.ladder.intake_to_exit.up, ReportCount::Exact(5));
        assert_eq!(r.ladder.exit_to_follow_up.same, ReportCount::Exact(5));
        assert_eq!(r.ladder.exit_to_follow_up.down, ReportCount::FewerThanFive);
    }

    #[test]
    fn a_budget_amount_shows_only_when_5_people_share_it() {
        let mut facts: Vec<_> = (0..5).map(|_| trained(0)).collect();
        for p in &mut facts {
            p.expenses = vec![
                (ExpenseCategory::Course, d(5), Money::from_cents(10_000)),
                (ExpenseCategory::Course, d(6), Money::from_cents(5_000)),
            ];
        }
        facts[0]
            .expenses
            .push((ExpenseCategory::Travel, d(5), Money::from_cents(1_000)));
        let r = report(&facts);
        let line = |c| r.budget.iter().find(|l| l.category == c).unwrap().clone();
        assert_eq!(line(ExpenseCategory::Course).amount_cents, Some(75_000));
        assert_eq!(
            line(ExpenseCategory::Course).participants,
            ReportCount::Exact(5)
        );
        assert_eq!(line(ExpenseCategory::Travel).amount_cents, None);
    }

    /// The fields of a report that are not counts of people.
    const NOT_COUNTS: [&str; 5] = [
        "contracted",
        "programme_started",
        "programme_aim",
        "programme_per_mille",
        "median_days_to_outcome",
    ];

    /// Every number in `value` outside [`NOT_COUNTS`] and `amount_cents`, with its key.
    fn numbers(value: &serde_json::Value, key: &str, out: &mut Vec<(String, u64)>) {
        match value {
            serde_json::Value::Number(n) if !NOT_COUNTS.contains(&key) && key != "amount_cents" => {
                out.push((key.to_owned(), n.as_u64().unwrap_or(u64::MAX)))
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| numbers(v, key, out)),
            serde_json::Value::Object(map) => map.iter().for_each(|(k, v)| numbers(v, k, out)),
            serde_json::Value::Number(_)
            | serde_json::Value::Null
            | serde_json::Value::Bool(_)
            | serde_json::Value::String(_) => {}
        }
    }

    fn arb_status() -> impl Strategy<Value = Option<AttendanceStatus>> {
        prop_oneof![
            Just(None),
            Just(Some(AttendanceStatus::Present)),
            Just(Some(AttendanceStatus::Absent)),
            Just(Some(AttendanceStatus::Excused)),
            Just(Some(AttendanceStatus::MadeUp)),
        ]
    }

    fn arb_facts() -> impl Strategy<Value = ParticipantFacts> {
        let intro = prop_oneof![
            Just(IntroductionStatus::Proposed),
            Just(IntroductionStatus::Hired),
            Just(IntroductionStatus::Enrolled),
            Just(IntroductionStatus::Volunteering),
            Just(IntroductionStatus::NotChosen),
            Just(IntroductionStatus::Declined),
        ];
        let kind = prop_oneof![
            Just(OutcomeKind::PaidJob),
            Just(OutcomeKind::Education),
            Just(OutcomeKind::Volunteering),
            Just(OutcomeKind::None),
        ];
        let category = proptest::sample::select(ExpenseCategory::ALL.to_vec());
        (
            any::<bool>(),
            1i64..=6,
            -30i64..400,
            proptest::collection::vec(arb_status(), 0..=8),
            proptest::collection::vec(-30i64..400, 0..3),
            proptest::collection::vec((-30i64..400, 42i64..70), 0..2),
            proptest::collection::vec((-30i64..400, intro), 0..3),
            proptest::option::of((kind, -30i64..400, 1i64..=6, proptest::option::of(1i64..=6))),
            proptest::collection::vec((category, -30i64..400, 1i64..100_000), 0..3),
            proptest::option::of(-30i64..400),
        )
            .prop_map(
                |(
                    consent,
                    intake,
                    first,
                    statuses,
                    visits,
                    internships,
                    intros,
                    outcome,
                    expenses,
                    ready,
                )| {
                    ParticipantFacts {
                        results_consent: consent,
                        intake_rung: rung(intake),
                        meetings: statuses
                            .into_iter()
                            .enumerate()
                            .map(|(n, s)| (d(first + 7 * n as i64), s))
                            .collect(),
                        visits: visits.into_iter().map(d).collect(),
                        internships: internships
                            .into_iter()
                            .map(|(start, len)| (d(start), d(start + len)))
                            .collect(),
                        introductions: intros.into_iter().map(|(day, s)| (d(day), s)).collect(),
                        outcome: outcome.map(|(kind, day, exit, follow_up)| OutcomeFact {
                            kind,
                            date: d(day),
                            exit_rung: Some(rung(exit)),
                            follow_up_rung: follow_up.map(rung),
                        }),
                        expenses: expenses
                            .into_iter()
                            .map(|(c, day, cents)| (c, d(day), Money::from_cents(cents)))
                            .collect(),
                        ready_on: ready.map(d),
                    }
                },
            )
    }

    proptest! {
        #[test]
        fn no_report_ever_shows_a_count_of_1_to_4(
            facts in proptest::collection::vec(arb_facts(), 0..40),
            from in -30i64..200,
            len in 0i64..400,
        ) {
            let r = municipality_report(
                MunicipalityId::parse("m").unwrap(),
                Period { from: d(from), to: d(from + len) },
                &facts,
                Some(AgreementFacts { start: d(0), end: d(300), contracted: 3 }),
                2,
                &ProgrammeSettings::default(),
            );
            let json = serde_json::to_value(&r).unwrap();
            let mut found = Vec::new();
            numbers(&json, "", &mut found);
            for (key, n) in &found {
                prop_assert!(*n >= 5, "{} shows {}", key, n);
            }
            let people = facts.iter().filter(|p| p.results_consent).count();
            if r.median_days_to_outcome.is_some() {
                prop_assert!(people >= 5);
            }
            for line in &r.budget {
                prop_assert_eq!(line.amount_cents.is_some(), line.participants != ReportCount::FewerThanFive);
            }
        }

        #[test]
        fn no_count_below_5_ever_shows_in_a_part(count in 0u32..1000) {
            let shown = small_cell(count, false);
            prop_assert_eq!(shown == ReportCount::FewerThanFive, count < 5);
        }

        #[test]
        fn a_report_count_survives_json(count in 5u32..100_000) {
            let c = ReportCount::Exact(count);
            let back: ReportCount = serde_json::from_str(&serde_json::to_string(&c).unwrap()).unwrap();
            prop_assert_eq!(back, c);
        }
    }
}
