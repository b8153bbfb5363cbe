//! Expert meetings and trainings for organisations, and their registrations.

use chrono::NaiveDate;
use shared::{
    ids::{EventId, EventRegistrationId, MunicipalityId, OrganisationId, UserId},
    rules::events::{EventKind, ValidEvent},
};
use sqlx::SqliteExecutor;

#[derive(Debug, Clone)]
pub struct EventRow {
    pub id: EventId,
    pub kind: EventKind,
    pub title: String,
    pub date: NaiveDate,
    pub start_time: String,
    pub place: String,
    pub online_link: Option<String>,
    pub capacity: i64,
    pub host_organisation_id: Option<OrganisationId>,
    pub host_name: Option<String>,
    pub version: i64,
}

#[derive(Debug, Clone)]
pub struct RegistrationRow {
    pub id: EventRegistrationId,
    pub event_id: EventId,
    pub organisation_id: OrganisationId,
    pub organisation_name: String,
    pub name: String,
    pub role: String,
    pub attended: Option<bool>,
    pub version: i64,
}

pub async fn insert(
    db: &mut sqlx::SqliteConnection,
    e: &ValidEvent,
    host: Option<&OrganisationId>,
) -> Result<EventId, sqlx::Error> {
    let id: EventId = super::new_id();
    let start_time = e.start_time.format("%H:%M").to_string();
    sqlx::query!(
        "INSERT INTO events (id, kind, title, date, start_time, place, online_link, capacity, \
         host_organisation_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        id,
        e.kind,
        e.title,
        e.date,
        start_time,
        e.place,
        e.online_link,
        e.capacity,
        host,
    )
    .execute(&mut *db)
    .await?;
    for m in &e.municipality_ids {
        sqlx::query!(
            "INSERT INTO event_municipalities (event_id, municipality_id) VALUES ($1, $2)",
            id,
            m,
        )
        .execute(&mut *db)
        .await?;
    }
    Ok(id)
}

pub async fn by_id(
    db: impl SqliteExecutor<'_>,
    id: &EventId,
) -> Result<Option<EventRow>, sqlx::Error> {
    sqlx::query_as!(
        EventRow,
        r#"SELECT e.id AS "id!: EventId", e.kind AS "kind!: EventKind", e.title,
               e.date AS "date!: NaiveDate", e.start_time, e.place, e.online_link, e.capacity,
               e.host_organisation_id AS "host_organisation_id?: OrganisationId",
               g.name AS "host_name?: String", e.version
           FROM events e LEFT JOIN organisations g ON g.id = e.host_organisation_id
           WHERE e.id = $1"#,
        id,
    )
    .fetch_optional(db)
    .await
}

/// The events for any of the account's municipalities, or hosted by its organisation, from
/// `from` on, by date.
pub async fn list_for(
    db: impl SqliteExecutor<'_>,
    user: &UserId,
    organisation: Option<&OrganisationId>,
    from: NaiveDate,
) -> Result<Vec<EventRow>, sqlx::Error> {
    sqlx::query_as!(
        EventRow,
        r#"SELECT e.id AS "id!: EventId", e.kind AS "kind!: EventKind", e.title,
               e.date AS "date!: NaiveDate", e.start_time, e.place, e.online_link, e.capacity,
               e.host_organisation_id AS "host_organisation_id?: OrganisationId",
               g.name AS "host_name?: String", e.version
           FROM events e LEFT JOIN organisations g ON g.id = e.host_organisation_id
           WHERE e.date >= $3
             AND (e.host_organisation_id = $2 OR EXISTS (
                 SELECT 1 FROM event_municipalities em
                 JOIN user_municipalities um ON um.municipality_id = em.municipality_id
                 WHERE em.event_id = e.id AND um.user_id = $1))
           ORDER BY e.date, e.start_time, e.id"#,
        user,
        organisation,
        from,
    )
    .fetch_all(db)
    .await
}

pub async fn municipalities_of(
    db: impl SqliteExecutor<'_>,
    event: &EventId,
) -> Result<Vec<MunicipalityId>, sqlx::Error> {
    sqlx::query_scalar!(
        r#"SELECT municipality_id AS "m!: MunicipalityId" FROM event_municipalities
           WHERE event_id = $1 ORDER BY municipality_id"#,
        event,
    )
    .fetch_all(db)
    .await
}

pub async fn registrations_of(
    db: impl SqliteExecutor<'_>,
    event: &EventId,
) -> Result<Vec<RegistrationRow>, sqlx::Error> {
    sqlx::query_as!(
        RegistrationRow,
        r#"SELECT r.id AS "id!: EventRegistrationId", r.event_id AS "event_id!: EventId",
               r.organisation_id AS "organisation_id!: OrganisationId",
               g.name AS organisation_name, r.name, r.role,
               r.attended AS "attended?: bool", r.version
           FROM event_registrations r JOIN organisations g ON g.id = r.organisation_id
           WHERE r.event_id = $1 ORDER BY r.rowid"#,
        event,
    )
    .fetch_all(db)
    .await
}

pub async fn registration_by_id(
    db: impl SqliteExecutor<'_>,
    id: &EventRegistrationId,
) -> Result<Option<RegistrationRow>, sqlx::Error> {
    sqlx::query_as!(
        RegistrationRow,
        r#"SELECT r.id AS "id!: EventRegistrationId", r.event_id AS "event_id!: EventId",
               r.organisation_id AS "organisation_id!: OrganisationId",
               g.name AS organisation_name, r.name, r.role,
               r.attended AS "attended?: bool", r.version
           FROM event_registrations r JOIN organisations g ON g.id = r.organisation_id
           WHERE r.id = $1"#,
        id,
    )
    .fetch_optional(db)
    .await
}

pub async fn register(
    db: impl SqliteExecutor<'_>,
    event: &EventId,
    organisation: &OrganisationId,
    name: &str,
    role: &str,
) -> Result<EventRegistrationId, sqlx::Error> {
    let id: EventRegistrationId = super::new_id();
    sqlx::query!(
        "INSERT INTO event_registrations (id, event_id, organisation_id, name, role) \
         VALUES ($1, $2, $3, $4, $5)",
        id,
        event,
        organisation,
        name,
        role,
    )
    .execute(db)
    .await?;
    Ok(id)
}

pub async fn cancel(
    db: impl SqliteExecutor<'_>,
    id: &EventRegistrationId,
) -> Result<bool, sqlx::Error> {
    sqlx::query!("DELETE FROM event_registrations WHERE id = $1", id)
        .execute(db)
        .await
        .map(|r| r.rows_affected() == 1)
}

pub async fn mark_attended(
    db: impl SqliteExecutor<'_>,
    event: &EventId,
    id: &EventRegistrationId,
    attended: bool,
) -> Result<bool, sqlx::Error> {
    sqlx::query!(
        "UPDATE event_registrations SET attended = $1, version = version + 1 \
         WHERE id = $2 AND event_id = $3",
        attended,
        id,
        event,
    )
    .execute(db)
    .await
    .map(|r| r.rows_affected() == 1)
}

/// The events an organisation hosts or registered someone for (its contacts' calendar feed).
pub async fn of_organisation(
    db: impl SqliteExecutor<'_>,
    organisation_id: &OrganisationId,
) -> Result<Vec<EventRow>, sqlx::Error> {
    sqlx::query_as!(
        EventRow,
        r#"SELECT e.id AS "id!: EventId", e.kind AS "kind!: EventKind", e.title,
               e.date AS "date!: NaiveDate", e.start_time, e.place, e.online_link, e.capacity,
               e.host_organisation_id AS "host_organisation_id?: OrganisationId",
               g.name AS "host_name?: String", e.version
           FROM events e LEFT JOIN organisations g ON g.id = e.host_organisation_id
           WHERE e.host_organisation_id = $1 OR EXISTS (
               SELECT 1 FROM event_registrations r
               WHERE r.event_id = e.id AND r.organisation_id = $1)
           ORDER BY e.date, e.start_time, e.id"#,
        organisation_id,
    )
    .fetch_all(db)
    .await
}
