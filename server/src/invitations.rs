//! One-time invitation links: a random 256-bit token in the link's fragment, only its SHA-256
//! stored, valid for 7 days, used once.

use sha2::{Digest, Sha256};
use shared::{
    api::{ACCEPT_INVITATION_PAGE, InvitationCreated},
    ids::UserId,
};
use sqlx::SqliteConnection;

use crate::db::{self, users::NewUser};

/// How long a link works.
pub const VALID_DAYS: i64 = 7;

pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).expect("the operating system's random source is available");
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The stored form of a token.
pub fn token_hash(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Creates the account (or reuses one that was invited but never set a password) and a new
/// link for it, inside the caller's write; an earlier unused link of the account stops working.
/// Answers the account's id and the link.
pub async fn invite(
    tx: &mut SqliteConnection,
    user: &NewUser<'_>,
    existing_user_id: Option<&UserId>,
    invited_by: Option<&UserId>,
    public_url: &str,
) -> Result<(UserId, InvitationCreated), sqlx::Error> {
    let token = new_token();
    let expires = chrono::Utc::now() + chrono::Duration::days(VALID_DAYS);
    let expires_at = expires.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let user_id = match existing_user_id {
        Some(id) => id.clone(),
        None => db::users::insert(&mut *tx, user, None).await?,
    };
    db::invitations::insert(
        &mut *tx,
        &token_hash(&token),
        &user_id,
        invited_by,
        &expires_at,
    )
    .await?;
    let created = InvitationCreated {
        link: format!(
            "{}{ACCEPT_INVITATION_PAGE}#{token}",
            public_url.trim_end_matches('/')
        ),
        expires_at,
    };
    Ok((user_id, created))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_has_256_bits_and_is_new_each_time() {
        let a = new_token();
        assert_eq!(a.len(), 64);
        assert_ne!(a, new_token());
    }

    #[test]
    fn the_stored_hash_is_not_the_token() {
        let t = new_token();
        assert_ne!(token_hash(&t), t);
        assert_eq!(token_hash(&t), token_hash(&t));
    }
}
