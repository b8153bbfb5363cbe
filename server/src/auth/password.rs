//! Password hashing with Argon2id (the `argon2` crate's defaults), at most as many at once as
//! there are cores, so a flood of logins cannot exhaust memory; and the list of common passwords.
//!
//! Each hash works in 19 MiB of memory. Allocated the usual way, glibc serves it from the arena of
//! whichever blocking thread runs the hash and keeps it there after it is freed (it raises its
//! mmap threshold to the size of the first such block it frees), so every thread that ever hashed
//! holds 19 MiB for good: a server that had seen a few dozen logins held 350 MiB. [`Hasher`] asks
//! for the memory with a capacity above the largest threshold glibc ever uses (32 MiB on 64-bit);
//! such a block is always a mapping of its own, and freeing it gives it back to the system. Only
//! the part Argon2 uses is ever written, so only that part is resident.

use std::{collections::HashSet, sync::Arc};

use argon2::{
    Algorithm, Argon2, Block, Params, PasswordHash, PasswordHasher, PasswordVerifier as _, Version,
    password_hash::{Decimal, Ident, Output, ParamsString, Salt, SaltString},
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
                .map(|parsed| Hasher.verify_password(password.as_bytes(), &parsed).is_ok())
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
    Hasher
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|_| HashError)
}

/// Argon2 (the crate's default algorithm, version and parameters unless a stored hash names
/// others), hashing in memory of its own mapping (see the module's notes).
struct Hasher;

/// 1 KiB blocks: 33 MiB, past glibc's largest mmap threshold (`DEFAULT_MMAP_THRESHOLD_MAX`).
const OWN_MAPPING_BLOCKS: usize = 33 * 1024;

impl PasswordHasher for Hasher {
    type Params = Params;

    fn hash_password<'a>(
        &self,
        password: &[u8],
        salt: impl Into<Salt<'a>>,
    ) -> argon2::password_hash::Result<PasswordHash<'a>> {
        self.hash_password_customized(password, None, None, Params::default(), salt)
    }

    fn hash_password_customized<'a>(
        &self,
        password: &[u8],
        algorithm: Option<Ident<'a>>,
        version: Option<Decimal>,
        params: Params,
        salt: impl Into<Salt<'a>>,
    ) -> argon2::password_hash::Result<PasswordHash<'a>> {
        let algorithm = algorithm
            .map(Algorithm::try_from)
            .transpose()?
            .unwrap_or_default();
        let version = version
            .map(Version::try_from)
            .transpose()?
            .unwrap_or_default();
        let salt = salt.into();
        let mut salt_bytes = [0u8; 64];
        let salt_bytes = salt.decode_b64(&mut salt_bytes)?;
        let argon2 = Argon2::new(algorithm, version, params.clone());
        let mut memory = Vec::with_capacity(params.block_count().max(OWN_MAPPING_BLOCKS));
        memory.resize(params.block_count(), Block::default());
        let output_len = params.output_len().unwrap_or(Params::DEFAULT_OUTPUT_LEN);
        let hash = Output::init_with(output_len, |out| {
            Ok(argon2.hash_password_into_with_memory(password, salt_bytes, out, &mut memory)?)
        })?;
        Ok(PasswordHash {
            algorithm: algorithm.ident(),
            version: Some(version.into()),
            params: ParamsString::try_from(&params)?,
            salt: Some(salt),
            hash: Some(hash),
        })
    }
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

    #[test]
    fn hashes_are_those_of_the_argon2_crate_both_ways() {
        use argon2::PasswordVerifier as _;
        let salt = SaltString::encode_b64(b"sixteen bytes!!!").unwrap();
        let ours = Hasher.hash_password(b"correct horse", &salt).unwrap();
        let theirs = Argon2::default()
            .hash_password(b"correct horse", &salt)
            .unwrap();
        assert_eq!(ours.to_string(), theirs.to_string());
        assert!(
            Argon2::default()
                .verify_password(b"correct horse", &ours)
                .is_ok()
        );
        let weaker = Argon2::new(
            Algorithm::Argon2i,
            Version::V0x10,
            Params::new(1024, 3, 2, Some(24)).unwrap(),
        )
        .hash_password(b"battery staple", &salt)
        .unwrap();
        assert!(Hasher.verify_password(b"battery staple", &weaker).is_ok());
        assert!(Hasher.verify_password(b"battery stapler", &weaker).is_err());
    }

    #[tokio::test]
    async fn a_missing_account_never_verifies() {
        let p = Passwords::new();
        assert!(!p.verify("a password nobody has".into(), None).await);
    }
}
