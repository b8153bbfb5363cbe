//! The second factor: TOTP (RFC 6238) through the `totp-rs` crate, HMAC-SHA1 with 6 digits and
//! 30-second steps, the kind every authenticator app reads from an `otpauth://` URI; a code of
//! the step before or after is accepted too, for a phone's clock that drifts. Time comes from
//! the server's clock, so tests fix it. And single-use recovery codes, stored as SHA-256 hashes:
//! 60 random bits each, so a fast hash is enough (and guesses are rate-limited like passwords).

use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};
use shared::api::{RECOVERY_CODES, TOTP_DIGITS};
use totp_rs::{Algorithm, Builder, Secret, Totp};

/// The name an authenticator app shows above the account.
pub const ISSUER: &str = "VIP route";
/// Seconds per step.
pub const STEP_SECONDS: u64 = 30;
/// Steps of drift accepted either way.
const SKEW: u16 = 1;

/// The secret of a demonstration account, printed by `--demo` next to its logins. Never the
/// secret of a real account: `--demo` refuses a database with real data.
pub const DEMO_SECRET: &str = "KZEVAIDSN52XIZJAMRSW23ZAGIYDENRB";

#[derive(Debug)]
pub struct TotpFailure;

/// A new secret of 160 random bits (RFC 4226's advice), base32.
pub fn new_secret() -> Result<String, TotpFailure> {
    let mut bytes = [0u8; 20];
    getrandom::fill(&mut bytes).map_err(|_| TotpFailure)?;
    Ok(Secret::new_stack(bytes).to_base32())
}

fn totp(secret: &str, account: &str) -> Result<Totp, TotpFailure> {
    let secret = Secret::try_from_base32(secret).map_err(|_| TotpFailure)?;
    Builder::new()
        .with_algorithm(Algorithm::SHA1)
        .with_digits(TOTP_DIGITS as u8)
        .with_skew(SKEW)
        .with_step_duration(STEP_SECONDS)
        .with_secret(secret)
        .with_issuer(Some(ISSUER))
        .with_account_name(account)
        .build()
        .map_err(|_| TotpFailure)
}

/// The `otpauth://totp/...` URI of a secret, for the QR code an authenticator app scans.
pub fn otpauth_uri(secret: &str, account: &str) -> Result<String, TotpFailure> {
    totp(secret, account)?.to_url().map_err(|_| TotpFailure)
}

/// Seconds since 1970 (none before).
fn unix_seconds(now: DateTime<Utc>) -> u64 {
    u64::try_from(now.timestamp()).unwrap_or(0)
}

/// The time step of `code` when it is a code of `secret` at `now`, one step of drift either way.
/// Whether that step was used before is for the caller to check.
pub fn check(secret: &str, code: &str, now: DateTime<Utc>) -> Result<Option<i64>, TotpFailure> {
    let totp = totp(secret, "")?;
    Ok(totp
        .check(code, unix_seconds(now))
        .and_then(|step| i64::try_from(step).ok()))
}

/// The code of `secret` at `now`.
#[cfg(test)]
fn code_at(secret: &str, now: DateTime<Utc>) -> Result<String, TotpFailure> {
    Ok(totp(secret, "")?.generate(unix_seconds(now)).to_string())
}

/// Letters and digits that cannot be mistaken for one another (no i, l, o or 0): 32 of them.
const RECOVERY_ALPHABET: &[u8; 32] = b"abcdefghjkmnpqrstuvwxyz123456789";

/// New recovery codes, `abcd-efgh-jkmn`: 12 characters of 5 bits each.
pub fn new_recovery_codes() -> Result<Vec<String>, TotpFailure> {
    (0..RECOVERY_CODES)
        .map(|_| {
            let mut bytes = [0u8; 12];
            getrandom::fill(&mut bytes).map_err(|_| TotpFailure)?;
            let chars: Vec<char> = bytes
                .iter()
                .map(|b| char::from(RECOVERY_ALPHABET[usize::from(b & 31)]))
                .collect();
            Ok(chars
                .chunks(4)
                .map(|c| c.iter().collect::<String>())
                .collect::<Vec<_>>()
                .join("-"))
        })
        .collect()
}

/// The stored form of a recovery code as [`shared::api::read_code`] reads it (without dashes or
/// spaces, lower case).
pub fn recovery_code_hash(plain: &str) -> String {
    Sha256::digest(plain.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::api::{TypedCode, read_code};

    fn at(seconds: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(seconds, 0).unwrap()
    }

    /// RFC 6238, appendix B: the SHA-1 secret is the ASCII of "12345678901234567890"; the
    /// 8-digit codes there end in these 6 digits.
    #[test]
    fn the_codes_of_rfc_6238_appendix_b_are_generated() {
        let secret = Secret::from(b"12345678901234567890".to_vec()).to_base32();
        for (time, code) in [
            (59, "287082"),
            (1_111_111_109, "081804"),
            (1_234_567_890, "005924"),
            (2_000_000_000, "279037"),
        ] {
            assert_eq!(code_at(&secret, at(time)).unwrap(), code, "at {time}");
        }
    }

    #[test]
    fn a_code_is_accepted_one_step_early_or_late_and_no_further() {
        let secret = new_secret().unwrap();
        let now = at(1_800_000_000);
        let code = code_at(&secret, now).unwrap();
        let step = 1_800_000_000 / 30;
        assert_eq!(check(&secret, &code, now).unwrap(), Some(step));
        assert_eq!(
            check(&secret, &code, at(1_800_000_030)).unwrap(),
            Some(step)
        );
        assert_eq!(
            check(&secret, &code, at(1_799_999_970)).unwrap(),
            Some(step)
        );
        assert_eq!(check(&secret, &code, at(1_800_000_060)).unwrap(), None);
        assert_eq!(check(&secret, "not a code", now).unwrap(), None);
        assert_eq!(check(&secret, "", now).unwrap(), None);
    }

    #[test]
    fn the_uri_names_the_issuer_and_the_account_and_holds_the_secret() {
        let secret = new_secret().unwrap();
        assert_eq!(secret.len(), 32, "160 bits in base32");
        let uri = otpauth_uri(&secret, "coordinator@example.org").unwrap();
        assert!(
            uri.starts_with("otpauth://totp/VIP%20route:coordinator%40example.org?"),
            "{uri}"
        );
        assert!(uri.contains(&format!("secret={secret}")), "{uri}");
        assert!(uri.contains("issuer=VIP%20route"), "{uri}");
    }

    #[test]
    fn the_demo_secret_reads() {
        assert!(code_at(DEMO_SECRET, at(1_800_000_000)).is_ok());
    }

    #[test]
    fn recovery_codes_are_ten_new_ones_that_read_as_recovery_codes() {
        let codes = new_recovery_codes().unwrap();
        assert_eq!(codes.len(), 10);
        let unique: std::collections::BTreeSet<_> = codes.iter().collect();
        assert_eq!(unique.len(), 10);
        for code in &codes {
            assert_eq!(code.len(), 14, "{code}");
            let TypedCode::Recovery(plain) = read_code(&code.to_uppercase()) else {
                panic!("{code} reads as a TOTP code");
            };
            assert_eq!(
                recovery_code_hash(&plain),
                recovery_code_hash(&code.replace('-', ""))
            );
        }
    }
}
