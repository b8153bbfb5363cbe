//! The facts a municipality report is computed from, by participant of the municipality.

use std::collections::HashMap;

use chrono::NaiveDate;
use shared::{
    ids::{MunicipalityId, ParticipantId},
    rules::{
        budget::ExpenseCategory,
        introduction::IntroductionStatus,
        outcome::OutcomeKind,
        reports::{OutcomeFact, ParticipantFacts},
        training::AttendanceStatus,
    },
    values::{LadderRung, Money},
};
use sqlx::SqliteConnection;

/// Every participant of `municipality` with what the report counts of them, read in one
/// transaction's snapshot; whether they are ready for the MAP's final interview is left to
/// [`crate::routes::map::ready_on`].
pub async fn facts(
    db: &mut SqliteConnection,
    municipality: &MunicipalityId,
) -> Result<HashMap<ParticipantId, ParticipantFacts>, sqlx::Error> {
    let people = sqlx::query!(
        r#"SELECT p.id AS "id!: ParticipantId", p.ladder_rung_at_intake AS "rung!: LadderRung",
               EXISTS (SELECT 1 FROM consents c WHERE c.participant_id = p.id
                         AND c.purpose = 'municipality_results'
                         AND c.municipality_id = p.municipality_id AND c.given = 1) AS "consent!: bool"
           FROM participants p WHERE p.municipality_id = $1"#,
        municipality,
    )
    .fetch_all(&mut *db)
    .await?;
    let mut by_id: HashMap<ParticipantId, ParticipantFacts> = people
        .into_iter()
        .map(|p| {
            (
                p.id,
                ParticipantFacts {
                    results_consent: p.consent,
                    intake_rung: p.rung,
                    meetings: Vec::new(),
                    visits: Vec::new(),
                    internships: Vec::new(),
                    introductions: Vec::new(),
                    outcome: None,
                    expenses: Vec::new(),
                    ready_on: None,
                },
            )
        })
        .collect();

    let meetings = sqlx::query!(
        r#"SELECT p.id AS "id!: ParticipantId", m.date AS "date!: NaiveDate",
               a.status AS "status?: AttendanceStatus"
           FROM participants p
           JOIN meetings m ON m.cohort_id = p.cohort_id
           LEFT JOIN attendance a ON a.cohort_id = m.cohort_id AND a.number = m.number
                                 AND a.participant_id = p.id
           WHERE p.municipality_id = $1"#,
        municipality,
    )
    .fetch_all(&mut *db)
    .await?;
    for m in meetings {
        if let Some(p) = by_id.get_mut(&m.id) {
            p.meetings.push((m.date, m.status));
        }
    }

    let visits = sqlx::query!(
        r#"SELECT r.participant_id AS "id!: ParticipantId", o.date AS "date!: NaiveDate"
           FROM registrations r
           JOIN openings o ON o.id = r.opening_id
           JOIN participants p ON p.id = r.participant_id
           WHERE p.municipality_id = $1 AND o.kind = 'company_visit' AND o.date IS NOT NULL"#,
        municipality,
    )
    .fetch_all(&mut *db)
    .await?;
    for v in visits {
        if let Some(p) = by_id.get_mut(&v.id) {
            p.visits.push(v.date);
        }
    }

    let internships = sqlx::query!(
        r#"SELECT i.participant_id AS "id!: ParticipantId", i.start_date AS "start!: NaiveDate",
               i.end_date AS "end!: NaiveDate"
           FROM internships i JOIN participants p ON p.id = i.participant_id
           WHERE p.municipality_id = $1 AND i.cancelled = 0"#,
        municipality,
    )
    .fetch_all(&mut *db)
    .await?;
    for i in internships {
        if let Some(p) = by_id.get_mut(&i.id) {
            p.internships.push((i.start, i.end));
        }
    }

    let introductions = sqlx::query!(
        r#"SELECT i.participant_id AS "id!: ParticipantId", substr(i.created_at, 1, 10) AS "day!: NaiveDate",
               i.status AS "status!: IntroductionStatus"
           FROM introductions i JOIN participants p ON p.id = i.participant_id
           WHERE p.municipality_id = $1"#,
        municipality,
    )
    .fetch_all(&mut *db)
    .await?;
    for i in introductions {
        if let Some(p) = by_id.get_mut(&i.id) {
            p.introductions.push((i.day, i.status));
        }
    }

    // The first outcome of each participant counts.
    let outcomes = sqlx::query!(
        r#"SELECT o.participant_id AS "id!: ParticipantId", o.kind AS "kind!: OutcomeKind",
               o.date AS "date!: NaiveDate", o.exit_rung AS "exit_rung?: LadderRung",
               o.follow_up_rung AS "follow_up_rung?: LadderRung"
           FROM outcomes o JOIN participants p ON p.id = o.participant_id
           WHERE p.municipality_id = $1
           ORDER BY o.date DESC, o.created_at DESC, o.id DESC"#,
        municipality,
    )
    .fetch_all(&mut *db)
    .await?;
    for o in outcomes {
        if let Some(p) = by_id.get_mut(&o.id) {
            p.outcome = Some(OutcomeFact {
                kind: o.kind,
                date: o.date,
                exit_rung: o.exit_rung,
                follow_up_rung: o.follow_up_rung,
            });
        }
    }

    let expenses = sqlx::query!(
        r#"SELECT e.participant_id AS "id!: ParticipantId", e.category AS "category!: ExpenseCategory",
               e.requested_on AS "day!: NaiveDate", e.amount_cents
           FROM expenses e JOIN participants p ON p.id = e.participant_id
           WHERE p.municipality_id = $1 AND e.status IN ('approved', 'paid')"#,
        municipality,
    )
    .fetch_all(&mut *db)
    .await?;
    for e in expenses {
        if let Some(p) = by_id.get_mut(&e.id) {
            p.expenses
                .push((e.category, e.day, Money::from_cents(e.amount_cents)));
        }
    }

    Ok(by_id)
}

/// Participants of the whole programme whose cohort's first meeting is on or before `day`.
pub async fn programme_started(
    db: &mut SqliteConnection,
    day: NaiveDate,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar!(
        r#"SELECT COUNT(*) AS "n!: i64" FROM participants p
           WHERE EXISTS (SELECT 1 FROM meetings m WHERE m.cohort_id = p.cohort_id AND m.number = 1
                           AND m.date <= $1)"#,
        day,
    )
    .fetch_one(db)
    .await
}
