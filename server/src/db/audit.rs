//! The append-only audit log.

use sqlx::SqliteExecutor;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Success,
    Failure,
    Refused,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Success => "success",
            Outcome::Failure => "failure",
            Outcome::Refused => "refused",
        }
    }
}

/// One entry: ids only, never names or other personal data.
#[derive(Debug, Clone, Copy)]
pub struct Entry<'a> {
    pub actor: Option<&'a shared::ids::UserId>,
    pub action: &'a str,
    pub record_type: Option<&'a str>,
    pub record_id: Option<&'a str>,
    pub address: Option<&'a str>,
    pub outcome: Outcome,
}

/// Appends an entry, made at `at` (RFC 3339).
pub async fn insert(
    db: impl SqliteExecutor<'_>,
    entry: &Entry<'_>,
    at: &str,
) -> Result<(), sqlx::Error> {
    let id = super::new_id::<String>();
    let outcome = entry.outcome.as_str();
    sqlx::query!(
        "INSERT INTO audit_log (id, at, actor_user_id, action, record_type, record_id, address, outcome) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        id,
        at,
        entry.actor,
        entry.action,
        entry.record_type,
        entry.record_id,
        entry.address,
        outcome,
    )
    .execute(db)
    .await
    .map(|_| ())
}

/// One entry as listed: its place in the log (the order of writing) and what it stores, without
/// the address.
#[derive(Debug, Clone)]
pub struct AuditRow {
    pub seq: i64,
    pub id: String,
    pub at: String,
    pub actor_id: Option<shared::ids::UserId>,
    pub action: String,
    pub record_type: Option<String>,
    pub record_id: Option<String>,
    pub outcome: String,
}

/// A page of the entries a coordinator (`viewer`) may read, newest first, filtered.
///
/// An entry is the region's when the record it names lies in one of the viewer's municipalities
/// (a participant, or anything in a participant's file; an organisation or its openings; a
/// cohort, an event, an account bound there), or when the acting account is one of the
/// region's people (bound to one of its municipalities, a participant of it, a contact of one of
/// its organisations); entries naming neither an account nor a record (logins turned away for an
/// unknown address) are every coordinator's. Ids are 128 random bits, unique across tables, so a
/// record is found by its id whatever kind the entry gives it.
///
/// The log is ordered by the row's place (`rowid`, the order in which entries were written, as
/// the log is append-only): the cursor is the place of the last entry of the page before, so an
/// entry written while paging comes before the first page and never shifts a later one.
pub async fn list(
    db: impl SqliteExecutor<'_>,
    viewer: &shared::ids::UserId,
    filter: &shared::api::AuditFilter,
) -> Result<Vec<AuditRow>, sqlx::Error> {
    let cursor = filter.after_cursor;
    let from = filter.from.map(|d| d.to_string());
    let before = filter.before.map(|d| d.to_string());
    let limit = i64::from(filter.limit);
    sqlx::query_as!(
        AuditRow,
        r#"WITH region (municipality_id) AS (
               SELECT municipality_id FROM user_municipalities WHERE user_id = $1
           ),
           region_participants (id) AS (
               SELECT id FROM participants WHERE municipality_id IN region
           ),
           region_organisations (id) AS (
               SELECT id FROM organisations WHERE municipality_id IN region
           ),
           region_people (id) AS (
               SELECT user_id FROM user_municipalities WHERE municipality_id IN region
               UNION SELECT id FROM users WHERE participant_id IN region_participants
               UNION SELECT id FROM users WHERE organisation_id IN region_organisations
           ),
           region_records (id) AS (
               SELECT municipality_id FROM region
               UNION ALL SELECT id FROM region_participants
               UNION ALL SELECT id FROM region_organisations
               UNION ALL SELECT id FROM region_people
               UNION ALL SELECT id FROM cohorts WHERE municipality_id IN region
               UNION ALL SELECT id FROM openings WHERE organisation_id IN region_organisations
               UNION ALL SELECT id FROM internships WHERE participant_id IN region_participants
               UNION ALL SELECT id FROM introductions WHERE participant_id IN region_participants
               UNION ALL SELECT id FROM expenses WHERE participant_id IN region_participants
               UNION ALL SELECT id FROM contacts WHERE participant_id IN region_participants
               UNION ALL SELECT id FROM goals WHERE participant_id IN region_participants
               UNION ALL SELECT id FROM outcomes WHERE participant_id IN region_participants
               UNION ALL SELECT id FROM consents WHERE participant_id IN region_participants
               UNION ALL SELECT id FROM registrations WHERE participant_id IN region_participants
               UNION ALL SELECT a.id FROM actions a JOIN goals g ON g.id = a.goal_id
                   WHERE g.participant_id IN region_participants
               UNION ALL SELECT e.id FROM evaluations e JOIN internships i ON i.id = e.internship_id
                   WHERE i.participant_id IN region_participants
               UNION ALL SELECT event_id FROM event_municipalities WHERE municipality_id IN region
               UNION ALL SELECT id FROM event_registrations WHERE organisation_id IN region_organisations
               UNION ALL SELECT id FROM calendar_feeds WHERE user_id IN region_people
           )
           SELECT a.rowid AS "seq!: i64", a.id AS "id!", a.at AS "at!",
                  a.actor_user_id AS "actor_id?: shared::ids::UserId", a.action AS "action!",
                  a.record_type, a.record_id, a.outcome AS "outcome!"
           FROM audit_log a
           WHERE ($2 IS NULL OR a.rowid < $2)
             AND ($3 IS NULL OR a.at >= $3)
             AND ($4 IS NULL OR a.at < $4)
             AND ($5 IS NULL OR a.action = $5)
             AND ($6 IS NULL OR a.actor_user_id = $6)
             AND ($7 IS NULL OR a.record_type = $7)
             AND ($8 IS NULL OR a.record_id = $8)
             AND (a.record_id IN region_records
                  OR a.actor_user_id IN region_people
                  OR (a.actor_user_id IS NULL AND a.record_id IS NULL))
           ORDER BY a.rowid DESC
           LIMIT $9"#,
        viewer,
        cursor,
        from,
        before,
        filter.action,
        filter.actor_id,
        filter.record_type,
        filter.record_id,
        limit,
    )
    .fetch_all(db)
    .await
}
