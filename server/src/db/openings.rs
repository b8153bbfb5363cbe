//! Openings (company visits, internships, jobs, volunteer and education places) and the
//! registrations for company visits.

use chrono::NaiveDate;
use shared::{
    api::{OpeningCandidate, OpeningDetail, OpeningQuery},
    ids::{MunicipalityId, OpeningId, OrganisationId, ParticipantId, RegistrationId},
    rules::{
        openings::{OpeningDetails, OpeningKind, OpeningStatus, ValidOpening},
        visits::places_left,
    },
    values::{Capacity, DutchLevel},
};
use sqlx::SqliteExecutor;

use super::Scope;
use crate::{AppError, scope::Relation};

#[derive(Debug, Clone)]
pub struct OpeningRow {
    pub id: OpeningId,
    pub organisation_id: OrganisationId,
    pub organisation_name: String,
    pub municipality_id: MunicipalityId,
    pub kind: OpeningKind,
    pub status: OpeningStatus,
    pub title: String,
    pub description: String,
    pub date: Option<NaiveDate>,
    pub place: Option<String>,
    pub capacity: Option<i64>,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub hours_per_week: Option<i64>,
    pub dutch_level: Option<DutchLevel>,
    pub version: i64,
    /// How many participants are registered (company visits).
    pub registered: i64,
}

impl OpeningRow {
    /// The opening with its places left; `candidates` are those the viewer may see.
    pub fn detail(self, candidates: Vec<OpeningCandidate>) -> Result<OpeningDetail, AppError> {
        let capacity = self
            .capacity
            .map(u8::try_from)
            .transpose()
            .map_err(|_| AppError::stored("opening capacity"))?;
        let places_left = capacity
            .and_then(|c| Capacity::new(i64::from(c)).ok())
            .map(|c| places_left(c, usize::try_from(self.registered).unwrap_or(usize::MAX)));
        Ok(OpeningDetail {
            id: self.id,
            version: self.version,
            organisation_id: self.organisation_id,
            organisation_name: self.organisation_name,
            kind: self.kind,
            status: self.status,
            title: self.title,
            description: self.description,
            date: self.date,
            place: self.place,
            capacity,
            places_left,
            start_date: self.start_date,
            end_date: self.end_date,
            hours_per_week: self
                .hours_per_week
                .map(u32::try_from)
                .transpose()
                .map_err(|_| AppError::stored("opening hours"))?,
            dutch_level: self.dutch_level,
            candidates,
        })
    }
}

#[derive(Debug, Clone)]
pub struct NewOpening<'a> {
    pub organisation_id: &'a OrganisationId,
    pub kind: OpeningKind,
    pub status: OpeningStatus,
    pub title: &'a str,
    pub description: &'a str,
    pub date: Option<NaiveDate>,
    pub place: Option<&'a str>,
    pub capacity: Option<i64>,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub hours_per_week: Option<i64>,
    pub dutch_level: Option<DutchLevel>,
}

impl<'a> NewOpening<'a> {
    /// An opening of `organisation` with nothing but its kind and status (a draft job) set.
    pub fn empty(organisation_id: &'a OrganisationId) -> Self {
        NewOpening {
            organisation_id,
            kind: OpeningKind::Job,
            status: OpeningStatus::Draft,
            title: "",
            description: "",
            date: None,
            place: None,
            capacity: None,
            start_date: None,
            end_date: None,
            hours_per_week: None,
            dutch_level: None,
        }
    }

    /// The stored form of a valid opening.
    pub fn of(
        organisation_id: &'a OrganisationId,
        status: OpeningStatus,
        valid: &'a ValidOpening,
    ) -> Self {
        let base = NewOpening {
            status,
            title: valid.title.as_str(),
            description: valid.description.as_str(),
            ..NewOpening::empty(organisation_id)
        };
        match &valid.details {
            OpeningDetails::CompanyVisit {
                date,
                place,
                capacity,
            } => NewOpening {
                kind: OpeningKind::CompanyVisit,
                date: Some(*date),
                place: Some(place.as_str()),
                capacity: Some(i64::from(capacity.get())),
                ..base
            },
            OpeningDetails::Internship {
                start_date,
                end_date,
                hours_per_week,
                dutch_level,
            } => NewOpening {
                kind: OpeningKind::Internship,
                start_date: Some(*start_date),
                end_date: Some(*end_date),
                hours_per_week: Some(i64::from(*hours_per_week)),
                dutch_level: Some(*dutch_level),
                ..base
            },
            OpeningDetails::Job => NewOpening {
                kind: OpeningKind::Job,
                ..base
            },
            OpeningDetails::Volunteer => NewOpening {
                kind: OpeningKind::Volunteer,
                ..base
            },
            OpeningDetails::Education => NewOpening {
                kind: OpeningKind::Education,
                ..base
            },
        }
    }

    /// The stored opening as it is, with another status.
    pub fn keep(row: &'a OpeningRow, status: OpeningStatus) -> Self {
        NewOpening {
            organisation_id: &row.organisation_id,
            kind: row.kind,
            status,
            title: &row.title,
            description: &row.description,
            date: row.date,
            place: row.place.as_deref(),
            capacity: row.capacity,
            start_date: row.start_date,
            end_date: row.end_date,
            hours_per_week: row.hours_per_week,
            dutch_level: row.dutch_level,
        }
    }
}

pub async fn insert(
    db: impl SqliteExecutor<'_>,
    o: &NewOpening<'_>,
) -> Result<OpeningId, sqlx::Error> {
    let id: OpeningId = super::new_id();
    sqlx::query!(
        "INSERT INTO openings (id, organisation_id, kind, status, title, description, date, place, \
         capacity, start_date, end_date, hours_per_week, dutch_level) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
        &id,
        o.organisation_id,
        o.kind,
        o.status,
        o.title,
        o.description,
        o.date,
        o.place,
        o.capacity,
        o.start_date,
        o.end_date,
        o.hours_per_week,
        o.dutch_level,
    )
    .execute(db)
    .await?;
    Ok(id)
}

pub async fn by_id(
    db: impl SqliteExecutor<'_>,
    id: &OpeningId,
) -> Result<Option<OpeningRow>, sqlx::Error> {
    sqlx::query_as!(OpeningRow, r#"SELECT o.id AS "id!: OpeningId", o.organisation_id AS "organisation_id!: OrganisationId",
               g.name AS organisation_name, g.municipality_id AS "municipality_id!: MunicipalityId",
               o.kind AS "kind!: OpeningKind", o.status AS "status!: OpeningStatus", o.title, o.description,
               o.date AS "date?: NaiveDate", o.place AS "place?", o.capacity AS "capacity?",
               o.start_date AS "start_date?: NaiveDate", o.end_date AS "end_date?: NaiveDate",
               o.hours_per_week AS "hours_per_week?", o.dutch_level AS "dutch_level?: DutchLevel", o.version,
               (SELECT COUNT(*) FROM registrations r WHERE r.opening_id = o.id) AS "registered!: i64"
           FROM openings o JOIN organisations g ON g.id = o.organisation_id WHERE o.id = $1"#, id)
        .fetch_optional(db)
        .await
}

/// The openings the scope may see, optionally of one organisation and of one kind and status,
/// by id, after `cursor`.
pub async fn list(
    db: impl SqliteExecutor<'_>,
    scope: Scope<'_>,
    organisation_id: Option<&OrganisationId>,
    filter: &OpeningQuery,
    cursor: &str,
    limit: u32,
) -> Result<Vec<OpeningRow>, sqlx::Error> {
    let limit = i64::from(limit);
    let organisation_id = organisation_id.map_or("", |o| o.as_str());
    match scope.relation {
        Relation::Region => {
            sqlx::query_as!(
                OpeningRow,
                r#"SELECT o.id AS "id!: OpeningId", o.organisation_id AS "organisation_id!: OrganisationId",
               g.name AS organisation_name, g.municipality_id AS "municipality_id!: MunicipalityId",
               o.kind AS "kind!: OpeningKind", o.status AS "status!: OpeningStatus", o.title, o.description,
               o.date AS "date?: NaiveDate", o.place AS "place?", o.capacity AS "capacity?",
               o.start_date AS "start_date?: NaiveDate", o.end_date AS "end_date?: NaiveDate",
               o.hours_per_week AS "hours_per_week?", o.dutch_level AS "dutch_level?: DutchLevel", o.version,
               (SELECT COUNT(*) FROM registrations r WHERE r.opening_id = o.id) AS "registered!: i64"
           FROM openings o JOIN organisations g ON g.id = o.organisation_id
                   WHERE g.municipality_id IN
                       (SELECT municipality_id FROM user_municipalities WHERE user_id = $1)
                     AND ($4 = '' OR o.organisation_id = $4) AND ($5 IS NULL OR o.kind = $5)
                     AND ($6 IS NULL OR o.status = $6) AND o.id > $2
                   ORDER BY o.id LIMIT $3"#,
                scope.user_id,
                cursor,
                limit,
                organisation_id,
                filter.kind,
                filter.status,
            )
            .fetch_all(db)
            .await
        }
        Relation::OpenInRegion => {
            sqlx::query_as!(
                OpeningRow,
                r#"SELECT o.id AS "id!: OpeningId", o.organisation_id AS "organisation_id!: OrganisationId",
               g.name AS organisation_name, g.municipality_id AS "municipality_id!: MunicipalityId",
               o.kind AS "kind!: OpeningKind", o.status AS "status!: OpeningStatus", o.title, o.description,
               o.date AS "date?: NaiveDate", o.place AS "place?", o.capacity AS "capacity?",
               o.start_date AS "start_date?: NaiveDate", o.end_date AS "end_date?: NaiveDate",
               o.hours_per_week AS "hours_per_week?", o.dutch_level AS "dutch_level?: DutchLevel", o.version,
               (SELECT COUNT(*) FROM registrations r WHERE r.opening_id = o.id) AS "registered!: i64"
           FROM openings o JOIN organisations g ON g.id = o.organisation_id
                   WHERE g.municipality_id IN
                       (SELECT municipality_id FROM user_municipalities WHERE user_id = $1)
                     AND o.status = 'open'
                     AND ($4 = '' OR o.organisation_id = $4) AND ($5 IS NULL OR o.kind = $5)
                     AND ($6 IS NULL OR o.status = $6) AND o.id > $2
                   ORDER BY o.id LIMIT $3"#,
                scope.user_id,
                cursor,
                limit,
                organisation_id,
                filter.kind,
                filter.status,
            )
            .fetch_all(db)
            .await
        }
        Relation::OwnOrganisation => {
            sqlx::query_as!(
                OpeningRow,
                r#"SELECT o.id AS "id!: OpeningId", o.organisation_id AS "organisation_id!: OrganisationId",
               g.name AS organisation_name, g.municipality_id AS "municipality_id!: MunicipalityId",
               o.kind AS "kind!: OpeningKind", o.status AS "status!: OpeningStatus", o.title, o.description,
               o.date AS "date?: NaiveDate", o.place AS "place?", o.capacity AS "capacity?",
               o.start_date AS "start_date?: NaiveDate", o.end_date AS "end_date?: NaiveDate",
               o.hours_per_week AS "hours_per_week?", o.dutch_level AS "dutch_level?: DutchLevel", o.version,
               (SELECT COUNT(*) FROM registrations r WHERE r.opening_id = o.id) AS "registered!: i64"
           FROM openings o JOIN organisations g ON g.id = o.organisation_id
                   WHERE o.organisation_id = $1
                     AND ($4 = '' OR o.organisation_id = $4) AND ($5 IS NULL OR o.kind = $5)
                     AND ($6 IS NULL OR o.status = $6) AND o.id > $2
                   ORDER BY o.id LIMIT $3"#,
                scope.organisation_id,
                cursor,
                limit,
                organisation_id,
                filter.kind,
                filter.status,
            )
            .fetch_all(db)
            .await
        }
        Relation::Assigned | Relation::Own => Ok(Vec::new()),
    }
}

/// Updates an opening when `version` is current; answers whether it did.
pub async fn update(
    db: impl SqliteExecutor<'_>,
    id: &OpeningId,
    version: i64,
    o: &NewOpening<'_>,
) -> Result<bool, sqlx::Error> {
    sqlx::query!(
        "UPDATE openings SET kind = $1, status = $2, title = $3, description = $4, date = $5, place = $6, \
         capacity = $7, start_date = $8, end_date = $9, hours_per_week = $10, dutch_level = $11, \
         version = version + 1 WHERE id = $12 AND version = $13",
        o.kind,
        o.status,
        o.title,
        o.description,
        o.date,
        o.place,
        o.capacity,
        o.start_date,
        o.end_date,
        o.hours_per_week,
        o.dutch_level,
        id,
        version,
    )
    .execute(db)
    .await
    .map(|r| r.rows_affected() == 1)
}

/// The participants registered for an opening (a company visit).
pub async fn registered(
    db: impl SqliteExecutor<'_>,
    opening_id: &OpeningId,
) -> Result<Vec<ParticipantId>, sqlx::Error> {
    sqlx::query_scalar!(
        r#"SELECT participant_id AS "participant_id!: ParticipantId" FROM registrations
           WHERE opening_id = $1 ORDER BY id"#,
        opening_id,
    )
    .fetch_all(db)
    .await
}

/// A person registered for or introduced to an opening, with their first name only where they
/// consented to share their profile with the opening's organisation.
#[derive(Debug, Clone)]
pub struct CandidateRow {
    pub opening_id: OpeningId,
    pub first_name: Option<String>,
}

impl From<CandidateRow> for OpeningCandidate {
    fn from(row: CandidateRow) -> Self {
        OpeningCandidate {
            first_name: row.first_name,
        }
    }
}

/// The candidates of the openings of one organisation (or of one opening), in one query:
/// registered for a visit first, then introduced (not declined).
pub async fn candidates(
    db: impl SqliteExecutor<'_>,
    organisation_id: &OrganisationId,
    opening_id: Option<&OpeningId>,
) -> Result<Vec<CandidateRow>, sqlx::Error> {
    sqlx::query_as!(
        CandidateRow,
        r#"SELECT x.opening_id AS "opening_id!: OpeningId",
               CASE WHEN EXISTS (SELECT 1 FROM consents c
                   WHERE c.participant_id = x.participant_id AND c.organisation_id = $1
                   AND c.purpose = 'introduction_profile' AND c.given = 1)
               THEN p.first_name END AS "first_name?: String"
           FROM (SELECT 0 AS source, r.id AS position, r.opening_id, r.participant_id FROM registrations r
                 UNION ALL SELECT 1, n.created_at, n.opening_id, n.participant_id FROM introductions n
                 WHERE n.status <> 'declined' AND n.opening_id IS NOT NULL) x
           JOIN openings o ON o.id = x.opening_id JOIN participants p ON p.id = x.participant_id
           WHERE o.organisation_id = $1 AND ($2 = '' OR o.id = $2)
           ORDER BY x.opening_id, x.source, x.position"#,
        organisation_id,
        opening_id.map_or("", |o| o.as_str()),
    )
    .fetch_all(db)
    .await
}

/// Registers a participant for a visit; the caller's write transaction checked the capacity.
pub async fn register(
    db: impl SqliteExecutor<'_>,
    opening_id: &OpeningId,
    participant_id: &ParticipantId,
) -> Result<RegistrationId, sqlx::Error> {
    let id: RegistrationId = super::new_id();
    sqlx::query!(
        "INSERT INTO registrations (id, opening_id, participant_id) VALUES ($1, $2, $3)",
        &id,
        opening_id,
        participant_id,
    )
    .execute(db)
    .await?;
    Ok(id)
}

/// The dates of the company visits a participant is registered for.
pub async fn visit_dates_of(
    db: impl SqliteExecutor<'_>,
    participant_id: &ParticipantId,
) -> Result<Vec<NaiveDate>, sqlx::Error> {
    sqlx::query_scalar!(
        r#"SELECT o.date AS "date!: NaiveDate" FROM registrations r JOIN openings o ON o.id = r.opening_id
           WHERE r.participant_id = $1 AND o.date IS NOT NULL ORDER BY o.date"#,
        participant_id,
    )
    .fetch_all(db)
    .await
}
