//! The facts the nudges are computed from, for the participants in an account's scope: those of
//! the coordinator's region, or those assigned to the coach.

use chrono::NaiveDate;
use shared::{
    ids::{ParticipantId, UserId},
    rules::{budget::ExpenseStatus, training::AttendanceStatus},
};
use sqlx::SqliteConnection;

/// Which participants: the region of `user_id`, or the ones assigned to `user_id`.
#[derive(Debug, Clone, Copy)]
pub struct NudgeScope<'a> {
    pub user_id: &'a UserId,
    pub region: bool,
}

#[derive(Debug, Clone)]
pub struct Coached {
    pub id: ParticipantId,
    pub first_name: String,
    pub last_name: String,
    /// The first meeting of the cohort: coaching runs from the start of the training.
    pub coached_since: Option<NaiveDate>,
    pub last_contact: Option<NaiveDate>,
}

/// Participants with a coach and without an outcome, with their last contact with that coach.
pub async fn coached(
    db: &mut SqliteConnection,
    scope: NudgeScope<'_>,
) -> Result<Vec<Coached>, sqlx::Error> {
    sqlx::query_as!(
        Coached,
        r#"SELECT p.id AS "id!: ParticipantId", p.first_name, p.last_name,
               (SELECT m.date FROM meetings m WHERE m.cohort_id = p.cohort_id AND m.number = 1)
                   AS "coached_since?: NaiveDate",
               (SELECT MAX(c.date) FROM contacts c WHERE c.participant_id = p.id AND c.coach_id = p.coach_id)
                   AS "last_contact?: NaiveDate"
           FROM participants p
           WHERE p.coach_id IS NOT NULL
             AND NOT EXISTS (SELECT 1 FROM outcomes o WHERE o.participant_id = p.id)
             AND CASE WHEN $2 THEN p.municipality_id IN
                        (SELECT municipality_id FROM user_municipalities WHERE user_id = $1)
                      ELSE p.coach_id = $1 END
           ORDER BY p.last_name, p.first_name, p.id"#,
        scope.user_id,
        scope.region,
    )
    .fetch_all(db)
    .await
}

#[derive(Debug, Clone)]
pub struct HeldMeeting {
    pub participant_id: ParticipantId,
    pub status: Option<AttendanceStatus>,
}

/// The meetings held by `today` of the cohorts of the participants in scope, in meeting order.
pub async fn held_meetings(
    db: &mut SqliteConnection,
    scope: NudgeScope<'_>,
    today: NaiveDate,
) -> Result<Vec<HeldMeeting>, sqlx::Error> {
    sqlx::query_as!(
        HeldMeeting,
        r#"SELECT p.id AS "participant_id!: ParticipantId", a.status AS "status?: AttendanceStatus"
           FROM participants p
           JOIN meetings m ON m.cohort_id = p.cohort_id
           LEFT JOIN attendance a ON a.cohort_id = m.cohort_id AND a.number = m.number
                                 AND a.participant_id = p.id
           WHERE m.date <= $3
             AND CASE WHEN $2 THEN p.municipality_id IN
                        (SELECT municipality_id FROM user_municipalities WHERE user_id = $1)
                      ELSE p.coach_id = $1 END
           ORDER BY p.id, m.number"#,
        scope.user_id,
        scope.region,
        today,
    )
    .fetch_all(db)
    .await
}

/// A record about a participant, with a day: an internship's end, an expense's request, an
/// outcome's date.
#[derive(Debug, Clone)]
pub struct Dated {
    pub participant_id: ParticipantId,
    pub first_name: String,
    pub last_name: String,
    pub day: NaiveDate,
    /// Internship: has a final evaluation; outcome: the follow-up is recorded.
    pub done: bool,
}

/// Internships not cancelled that end from `from` to `to`.
pub async fn internships_ending(
    db: &mut SqliteConnection,
    scope: NudgeScope<'_>,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<Dated>, sqlx::Error> {
    sqlx::query_as!(
        Dated,
        r#"SELECT p.id AS "participant_id!: ParticipantId", p.first_name, p.last_name,
               i.end_date AS "day!: NaiveDate",
               EXISTS (SELECT 1 FROM evaluations e WHERE e.internship_id = i.id AND e.moment = 'final')
                   AS "done!: bool"
           FROM internships i JOIN participants p ON p.id = i.participant_id
           WHERE i.cancelled = 0 AND i.end_date BETWEEN $3 AND $4
             AND CASE WHEN $2 THEN p.municipality_id IN
                        (SELECT municipality_id FROM user_municipalities WHERE user_id = $1)
                      ELSE p.coach_id = $1 END
           ORDER BY i.end_date, p.id"#,
        scope.user_id,
        scope.region,
        from,
        to,
    )
    .fetch_all(db)
    .await
}

/// Budget requests in `status`, oldest first.
pub async fn expenses_in(
    db: &mut SqliteConnection,
    scope: NudgeScope<'_>,
    status: ExpenseStatus,
) -> Result<Vec<Dated>, sqlx::Error> {
    sqlx::query_as!(
        Dated,
        r#"SELECT p.id AS "participant_id!: ParticipantId", p.first_name, p.last_name,
               e.requested_on AS "day!: NaiveDate", 0 AS "done!: bool"
           FROM expenses e JOIN participants p ON p.id = e.participant_id
           WHERE e.status = $3
             AND CASE WHEN $2 THEN p.municipality_id IN
                        (SELECT municipality_id FROM user_municipalities WHERE user_id = $1)
                      ELSE p.coach_id = $1 END
           ORDER BY e.requested_on, e.id"#,
        scope.user_id,
        scope.region,
        status,
    )
    .fetch_all(db)
    .await
}

/// Outcomes without a recorded follow-up.
pub async fn outcomes_to_follow_up(
    db: &mut SqliteConnection,
    scope: NudgeScope<'_>,
) -> Result<Vec<Dated>, sqlx::Error> {
    sqlx::query_as!(
        Dated,
        r#"SELECT p.id AS "participant_id!: ParticipantId", p.first_name, p.last_name,
               o.date AS "day!: NaiveDate", 0 AS "done!: bool"
           FROM outcomes o JOIN participants p ON p.id = o.participant_id
           WHERE o.follow_up_date IS NULL
             AND CASE WHEN $2 THEN p.municipality_id IN
                        (SELECT municipality_id FROM user_municipalities WHERE user_id = $1)
                      ELSE p.coach_id = $1 END
           ORDER BY o.date, o.id"#,
        scope.user_id,
        scope.region,
    )
    .fetch_all(db)
    .await
}

#[derive(Debug, Clone)]
pub struct CoachLoad {
    pub id: UserId,
    pub first_name: Option<String>,
    pub active: i64,
}

/// The coaches of the region's participants with how many participants each has.
pub async fn coach_loads(
    db: &mut SqliteConnection,
    user_id: &UserId,
) -> Result<Vec<CoachLoad>, sqlx::Error> {
    sqlx::query_as!(
        CoachLoad,
        r#"SELECT u.id AS "id!: UserId", u.first_name AS "first_name?",
               (SELECT COUNT(*) FROM participants q WHERE q.coach_id = u.id) AS "active!: i64"
           FROM users u
           WHERE u.role = 'coach' AND EXISTS (
               SELECT 1 FROM participants p WHERE p.coach_id = u.id AND p.municipality_id IN
                   (SELECT municipality_id FROM user_municipalities WHERE user_id = $1))
           ORDER BY u.id"#,
        user_id,
    )
    .fetch_all(db)
    .await
}
