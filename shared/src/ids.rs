//! One id type per entity, so a participant's id can never be passed where a cohort's is meant.
//!
//! Ids are opaque strings (the server makes 128-bit random hex ids): 1..=64 characters of ASCII
//! letters, digits, `-` and `_`, so they are safe in paths and logs.

use serde::{Deserialize, Serialize};
use std::{fmt, str::FromStr};

use crate::violation::ViolationKind;

/// Longest id accepted.
pub const MAX_ID_LEN: usize = 64;

fn check_id(text: &str) -> Result<(), ViolationKind> {
    if text.is_empty() {
        return Err(ViolationKind::Required {});
    }
    if text.len() > MAX_ID_LEN
        || !text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return Err(ViolationKind::InvalidFormat {});
    }
    Ok(())
}

/// An id the server makes for a new record: 128 random bits, as 32 hex digits (always a valid id).
pub trait RecordId {
    fn from_random(bytes: [u8; 16]) -> Self;
}

/// An id without an entity type (an audit entry's).
impl RecordId for String {
    fn from_random(bytes: [u8; 16]) -> Self {
        hex(bytes)
    }
}

fn hex(bytes: [u8; 16]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut text = String::with_capacity(32);
    for b in bytes {
        text.push(char::from(DIGITS[usize::from(b >> 4)]));
        text.push(char::from(DIGITS[usize::from(b & 0x0f)]));
    }
    text
}

macro_rules! id_types {
    ($($(#[$doc:meta])* $name:ident),+ $(,)?) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        #[cfg_attr(feature = "sqlx", derive(sqlx::Type), sqlx(transparent))]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(pattern = "^[A-Za-z0-9_-]{1,64}$"))]
        pub struct $name(String);

        impl $name {
            /// Checks the form of an id.
            pub fn parse(text: impl Into<String>) -> Result<Self, ViolationKind> {
                let text = text.into();
                check_id(&text)?;
                Ok($name(text))
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl RecordId for $name {
            fn from_random(bytes: [u8; 16]) -> Self {
                $name(hex(bytes))
            }
        }

        impl TryFrom<String> for $name {
            type Error = ViolationKind;
            fn try_from(text: String) -> Result<Self, Self::Error> {
                $name::parse(text)
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0
            }
        }

        impl FromStr for $name {
            type Err = ViolationKind;
            fn from_str(text: &str) -> Result<Self, Self::Err> {
                $name::parse(text)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    )+};
}

id_types! {
    /// An account (of any role; a coach is an account).
    UserId,
    MunicipalityId,
    CohortId,
    ParticipantId,
    GoalId,
    ActionId,
    ContactId,
    OrganisationId,
    OpeningId,
    RegistrationId,
    InternshipId,
    EvaluationId,
    ExpenseId,
    IntroductionId,
    OutcomeId,
    ConsentId,
    InvitationId,
    EventId,
    EventRegistrationId,
}

impl fmt::Display for ViolationKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_new_record_id_is_32_hex_digits_that_parse_back() {
        let id = ParticipantId::from_random([0xab; 16]);
        assert_eq!(id.as_str(), "ab".repeat(16));
        assert_eq!(ParticipantId::parse(id.as_str()), Ok(id));
    }

    #[test]
    fn a_hex_id_is_accepted() {
        assert!(ParticipantId::parse("0f3a9c").is_ok());
    }

    #[test]
    fn an_empty_id_is_required() {
        assert_eq!(ParticipantId::parse(""), Err(ViolationKind::Required {}));
    }

    #[test]
    fn an_id_with_a_slash_or_space_is_refused() {
        for bad in ["a/b", "a b", "../x", "é"] {
            assert_eq!(
                CohortId::parse(bad),
                Err(ViolationKind::InvalidFormat {}),
                "{bad}"
            );
        }
    }

    #[test]
    fn an_id_of_64_characters_is_accepted_and_of_65_refused() {
        assert!(CohortId::parse("a".repeat(64)).is_ok());
        assert!(CohortId::parse("a".repeat(65)).is_err());
    }

    #[test]
    fn an_id_deserialises_through_the_same_check() {
        assert!(serde_json::from_str::<CohortId>("\"ab-1\"").is_ok());
        assert!(serde_json::from_str::<CohortId>("\"a/b\"").is_err());
    }

    proptest! {
        #[test]
        fn an_id_survives_display_and_parse(text in "[a-zA-Z0-9_-]{1,64}") {
            let id = OpeningId::parse(text.clone()).unwrap();
            prop_assert_eq!(id.to_string().parse::<OpeningId>().unwrap(), id);
        }
    }
}
