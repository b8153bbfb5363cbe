use shared::ids::{OrganisationId, ParticipantId, UserId};
use shared::roles::Role;
use shared::{
    ids::MunicipalityId,
    values::{Email, InterfaceLanguage, Phone},
};
use sqlx::SqliteExecutor;

#[derive(Debug, Clone)]
pub struct UserRow {
    pub id: UserId,
    pub email: Email,
    pub role: Role,
    pub password_hash: Option<String>,
    pub participant_id: Option<ParticipantId>,
    pub organisation_id: Option<OrganisationId>,
    pub disabled: bool,
    pub version: i64,
}

pub async fn by_id(
    db: impl SqliteExecutor<'_>,
    id: &UserId,
) -> Result<Option<UserRow>, sqlx::Error> {
    sqlx::query_as!(UserRow, r#"SELECT id AS "id!: UserId", email AS "email!: Email", role AS "role!: Role",
               password_hash AS "password_hash?",
               participant_id AS "participant_id?: ParticipantId",
               organisation_id AS "organisation_id?: OrganisationId", disabled AS "disabled!: bool", version
           FROM users WHERE id = $1"#, id)
        .fetch_optional(db)
    .await
}

pub async fn by_email(
    db: impl SqliteExecutor<'_>,
    email: &str,
) -> Result<Option<UserRow>, sqlx::Error> {
    sqlx::query_as!(UserRow, r#"SELECT id AS "id!: UserId", email AS "email!: Email", role AS "role!: Role",
               password_hash AS "password_hash?",
               participant_id AS "participant_id?: ParticipantId",
               organisation_id AS "organisation_id?: OrganisationId", disabled AS "disabled!: bool", version
           FROM users WHERE email = $1"#, email)
        .fetch_optional(db)
    .await
}

/// The municipalities the account belongs to.
pub async fn municipalities(
    db: impl SqliteExecutor<'_>,
    user_id: &UserId,
) -> Result<Vec<MunicipalityId>, sqlx::Error> {
    sqlx::query_scalar!(
        r#"SELECT municipality_id AS "municipality_id!: MunicipalityId" FROM user_municipalities
           WHERE user_id = $1 ORDER BY municipality_id"#,
        user_id,
    )
    .fetch_all(db)
    .await
}

/// An account as each signed-in request needs it, read in one query: the account, whether it can
/// still sign in, whether it has a confirmed second factor, and its municipalities.
#[derive(Debug, Clone)]
pub struct SignedInRow {
    pub id: UserId,
    pub email: Email,
    pub role: Role,
    pub first_name: Option<String>,
    pub participant_id: Option<ParticipantId>,
    pub organisation_id: Option<OrganisationId>,
    /// Neither disabled nor waiting for its password.
    pub usable: bool,
    pub enrolled: bool,
    pub municipality_ids: Vec<MunicipalityId>,
    /// The interface language chosen on the account (an unknown stored tag reads as none).
    pub interface_language: Option<InterfaceLanguage>,
    /// Raised by every change of the password and of disabling: a session started before it
    /// ends.
    pub version: i64,
}

pub async fn signed_in(
    db: impl SqliteExecutor<'_>,
    id: &UserId,
) -> Result<Option<SignedInRow>, sqlx::Error> {
    let rows = sqlx::query!(
        r#"SELECT u.id AS "id!: UserId", u.email AS "email!: Email", u.role AS "role!: Role",
               u.first_name AS "first_name?",
               u.participant_id AS "participant_id?: ParticipantId",
               u.organisation_id AS "organisation_id?: OrganisationId",
               (u.disabled = 0 AND u.password_hash IS NOT NULL) AS "usable!: bool",
               u.interface_language AS "interface_language?", u.version,
               EXISTS (SELECT 1 FROM totp_factors f
                       WHERE f.user_id = u.id AND f.confirmed_at IS NOT NULL) AS "enrolled!: bool",
               m.municipality_id AS "municipality_id?: MunicipalityId"
           FROM users u LEFT JOIN user_municipalities m ON m.user_id = u.id
           WHERE u.id = $1
           ORDER BY m.municipality_id"#,
        id,
    )
    .fetch_all(db)
    .await?;
    let mut rows = rows.into_iter();
    Ok(rows.next().map(|first| {
        let municipality_ids = first
            .municipality_id
            .into_iter()
            .chain(rows.filter_map(|r| r.municipality_id))
            .collect();
        SignedInRow {
            id: first.id,
            email: first.email,
            role: first.role,
            first_name: first.first_name,
            participant_id: first.participant_id,
            organisation_id: first.organisation_id,
            usable: first.usable,
            enrolled: first.enrolled,
            municipality_ids,
            interface_language: first
                .interface_language
                .and_then(|tag| InterfaceLanguage::parse(&tag).ok()),
            version: first.version,
        }
    }))
}

/// A new account without a password (it is set when the invitation is accepted).
#[derive(Debug, Clone)]
pub struct NewUser<'a> {
    pub email: &'a str,
    pub role: Role,
    pub first_name: Option<&'a str>,
    pub phone: Option<&'a str>,
    pub participant_id: Option<&'a ParticipantId>,
    pub organisation_id: Option<&'a OrganisationId>,
    pub municipality_ids: &'a [MunicipalityId],
}

pub async fn insert(
    tx: &mut sqlx::SqliteConnection,
    user: &NewUser<'_>,
    password_hash: Option<&str>,
) -> Result<UserId, sqlx::Error> {
    let id: UserId = super::new_id();
    sqlx::query!(
        "INSERT INTO users (id, email, role, first_name, phone, password_hash, participant_id, organisation_id) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        &id,
        user.email,
        user.role.as_str(),
        user.first_name,
        user.phone,
        password_hash,
        user.participant_id,
        user.organisation_id,
    )
    .execute(&mut *tx)
    .await?;
    for m in user.municipality_ids {
        sqlx::query!(
            "INSERT INTO user_municipalities (user_id, municipality_id) VALUES ($1, $2)",
            &id,
            m,
        )
        .execute(&mut *tx)
        .await?;
    }
    Ok(id)
}

/// Stores the language of the account's interface. The account's version stays: it guards the
/// account's access (a password, a disabling), which a language does not change.
pub async fn set_interface_language(
    tx: &mut sqlx::SqliteConnection,
    user_id: &UserId,
    language: InterfaceLanguage,
) -> Result<(), sqlx::Error> {
    let tag = language.as_str();
    sqlx::query!(
        "UPDATE users SET interface_language = $1 WHERE id = $2",
        tag,
        user_id,
    )
    .execute(tx)
    .await
    .map(|_| ())
}

/// Sets the password whatever it was (an invitation or a reset link); answers the account's new
/// version.
pub async fn set_password(
    tx: &mut sqlx::SqliteConnection,
    user_id: &UserId,
    hash: &str,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar!(
        "UPDATE users SET password_hash = $1, version = version + 1 WHERE id = $2 RETURNING version",
        hash,
        user_id,
    )
    .fetch_one(tx)
    .await
}

/// Replaces the password checked at `version`; answers the new version, or `None` when the
/// account changed since (its password was no longer the one checked).
pub async fn replace_password(
    tx: &mut sqlx::SqliteConnection,
    user_id: &UserId,
    version: i64,
    hash: &str,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar!(
        "UPDATE users SET password_hash = $1, version = version + 1 \
         WHERE id = $2 AND version = $3 RETURNING version",
        hash,
        user_id,
        version,
    )
    .fetch_optional(tx)
    .await
}

/// Disables an account when `version` is current; answers whether it did.
/// Disables or enables an account when `version` is current; answers whether it did.
pub async fn set_disabled(
    db: impl SqliteExecutor<'_>,
    user_id: &UserId,
    version: i64,
    disabled: bool,
) -> Result<bool, sqlx::Error> {
    sqlx::query!(
        "UPDATE users SET disabled = $1, version = version + 1 WHERE id = $2 AND version = $3",
        disabled,
        user_id,
        version,
    )
    .execute(db)
    .await
    .map(|r| r.rows_affected() == 1)
}

/// The accounts in the municipalities of `coordinator_id`, by id, after `cursor`.
pub async fn list_in_region(
    db: impl SqliteExecutor<'_>,
    coordinator_id: &UserId,
    cursor: Option<&str>,
    limit: u32,
) -> Result<Vec<UserRow>, sqlx::Error> {
    let cursor = cursor.unwrap_or("");
    let limit = i64::from(limit);
    sqlx::query_as!(
        UserRow,
        r#"SELECT id AS "id!: UserId", email AS "email!: Email", role AS "role!: Role",
               password_hash AS "password_hash?",
               participant_id AS "participant_id?: ParticipantId",
               organisation_id AS "organisation_id?: OrganisationId", disabled AS "disabled!: bool", version
           FROM users
           WHERE id IN (
               SELECT um.user_id FROM user_municipalities um
               JOIN user_municipalities mine ON mine.municipality_id = um.municipality_id
               WHERE mine.user_id = $1)
             AND id > $2 ORDER BY id LIMIT $3"#,
        coordinator_id,
        cursor,
        limit,
    )
    .fetch_all(db)
    .await
}

/// A coach's first name, email and phone, as their participants see them.
pub async fn contact_of(
    db: impl SqliteExecutor<'_>,
    user_id: &UserId,
) -> Result<Option<(Option<String>, Email, Option<Phone>)>, sqlx::Error> {
    let row = sqlx::query!(
        r#"SELECT first_name AS "first_name?", email AS "email!: Email", phone AS "phone?: Phone"
           FROM users WHERE id = $1 AND disabled = 0"#,
        user_id,
    )
    .fetch_optional(db)
    .await?;
    Ok(row.map(|r| (r.first_name, r.email, r.phone)))
}
