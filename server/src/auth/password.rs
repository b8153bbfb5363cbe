//! Password hashing with Argon2id (the `argon2` crate's defaults), at most as many at once as
//! there are cores, so a flood of logins cannot exhaust memory; and the list of common passwords.

use std::{collections::HashSet, sync::Arc};

use argon2::{
    Argon2, PasswordHash, PasswordHasher as _, PasswordVerifier as _, password_hash::SaltString,
};
use tokio::sync::Semaphore;

/// The 10,000 most common passwords, lower case, most common first.
const COMMON: &str = include_str!("../../data/common-passwords.txt");

#[derive(Debug, Clone)]
pub struct Passwords {
    permits: Arc<Semaphore>,
    common: Arc<HashSet<&'static str>>,
    /// Verified against when an account does not exist, so the answer takes as long.
    dummy_hash: Arc<String>,
}

#[derive(Debug)]
pub struct HashError;

impl Passwords {
    pub fn new() -> Passwords {
        let cores = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
        let dummy_hash = hash_now("a password nobody has").unwrap_or_default();
        Passwords {
            permits: Arc::new(Semaphore::new(cores)),
            common: Arc::new(
                COMMON
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .collect(),
            ),
            dummy_hash: Arc::new(dummy_hash),
        }
    }

    /// Whether the (lower-cased) password is on the list.
    pub fn is_common(&self, lowercase: &str) -> bool {
        self.common.contains(lowercase)
    }

    pub async fn hash(&self, password: String) -> Result<String, HashError> {
        let _permit = self.permits.acquire().await.map_err(|_| HashError)?;
        tokio::task::spawn_blocking(move || hash_now(&password))
            .await
            .map_err(|_| HashError)?
    }

    /// Checks a password against a stored hash; with `None` it checks against a dummy hash and
    /// answers false, taking the same time.
    pub async fn verify(&self, password: String, stored: Option<String>) -> bool {
        let Ok(_permit) = self.permits.acquire().await else {
            return false;
        };
        let exists = stored.is_some();
        let hash = stored.unwrap_or_else(|| self.dummy_hash.as_str().to_owned());
        let ok = tokio::task::spawn_blocking(move || {
            PasswordHash::new(&hash)
                .map(|parsed| {
                    Argon2::default()
                        .verify_password(password.as_bytes(), &parsed)
                        .is_ok()
                })
                .unwrap_or(false)
        })
        .await
        .unwrap_or(false);
        ok && exists
    }
}

fn hash_now(password: &str) -> Result<String, HashError> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|_| HashError)?;
    let salt = SaltString::encode_b64(&bytes).map_err(|_| HashError)?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|_| HashError)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_holds_ten_thousand_passwords() {
        let p = Passwords::new();
        assert_eq!(p.common.len(), 10_000);
        assert!(p.is_common("password"));
        assert!(p.is_common("iloveyou"));
        assert!(!p.is_common("vip-demo-2026"));
    }

    #[tokio::test]
    async fn a_hash_verifies_its_password_and_no_other() {
        let p = Passwords::new();
        let hash = p.hash("correct horse".into()).await.unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(p.verify("correct horse".into(), Some(hash.clone())).await);
        assert!(!p.verify("wrong horse".into(), Some(hash)).await);
    }

    #[tokio::test]
    async fn a_missing_account_never_verifies() {
        let p = Passwords::new();
        assert!(!p.verify("a password nobody has".into(), None).await);
    }
}
