use serde::{Deserialize, Serialize};

use crate::violation::ViolationKind;

/// An email address, lower-cased: one `@`, a local part of 1..=64 characters, a domain with a dot,
/// no spaces, at most 254 characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
#[cfg_attr(feature = "sqlx", derive(sqlx::Type), sqlx(transparent))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(format = Email))]
pub struct Email(String);

impl Email {
    pub fn parse(text: &str) -> Result<Self, ViolationKind> {
        let text = text.trim().to_lowercase();
        if text.is_empty() {
            return Err(ViolationKind::Required {});
        }
        let valid = text.len() <= 254
            && !text.chars().any(|c| c.is_whitespace() || c.is_control())
            && match text.split_once('@') {
                Some((local, domain)) => {
                    (1..=64).contains(&local.len())
                        && !domain.contains('@')
                        && domain.contains('.')
                        && !domain.starts_with('.')
                        && !domain.ends_with('.')
                        && !domain.contains("..")
                }
                None => false,
            };
        if !valid {
            return Err(ViolationKind::InvalidEmail {});
        }
        Ok(Email(text))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

super::string_value!(Email);

/// A phone number, stored in international form (`+31612345678`). Accepts Dutch numbers starting
/// with 0, `00` or `+` prefixes, and spaces, dashes, dots and brackets between the digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
#[cfg_attr(feature = "sqlx", derive(sqlx::Type), sqlx(transparent))]
#[cfg_attr(
    feature = "openapi",
    derive(utoipa::ToSchema),
    schema(pattern = "^\\+[1-9][0-9]{7,14}$")
)]
pub struct Phone(String);

impl Phone {
    pub fn parse(text: &str) -> Result<Self, ViolationKind> {
        let text = text.trim();
        if text.is_empty() {
            return Err(ViolationKind::Required {});
        }
        if !text
            .chars()
            .all(|c| c.is_ascii_digit() || " -.()+".contains(c))
            || text.chars().skip(1).any(|c| c == '+')
        {
            return Err(ViolationKind::InvalidPhone {});
        }
        let digits: String = text.chars().filter(char::is_ascii_digit).collect();
        let international = if text.starts_with('+') {
            digits
        } else if let Some(rest) = digits.strip_prefix("00") {
            rest.to_owned()
        } else if let Some(rest) = digits.strip_prefix('0') {
            format!("31{rest}")
        } else {
            return Err(ViolationKind::InvalidPhone {});
        };
        // E.164: at most 15 digits; a Dutch number has 11 with its country code.
        let dutch_ok = !international.starts_with("31") || international.len() == 11;
        if !(8..=15).contains(&international.len()) || international.starts_with('0') || !dutch_ok {
            return Err(ViolationKind::InvalidPhone {});
        }
        Ok(Phone(format!("+{international}")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

super::string_value!(Phone);

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn an_email_is_lower_cased_and_trimmed() {
        assert_eq!(
            Email::parse(" Coach@Example.ORG ").unwrap().as_str(),
            "coach@example.org"
        );
    }

    #[test]
    fn malformed_emails_are_refused() {
        for input in [
            "no-at", "a@b", "a@@b.nl", "@b.nl", "a b@c.nl", "a@.nl", "a@b..nl", "a@b.nl.",
        ] {
            assert_eq!(
                Email::parse(input),
                Err(ViolationKind::InvalidEmail {}),
                "{input}"
            );
        }
        assert_eq!(Email::parse(""), Err(ViolationKind::Required {}));
    }

    #[test]
    fn a_local_part_of_64_is_accepted_and_of_65_refused() {
        assert!(Email::parse(&format!("{}@x.nl", "a".repeat(64))).is_ok());
        assert!(Email::parse(&format!("{}@x.nl", "a".repeat(65))).is_err());
    }

    #[test]
    fn dutch_phone_numbers_become_international() {
        for input in [
            "06 12345678",
            "06-1234 5678",
            "+31 6 12345678",
            "0031612345678",
            "(06) 12.34.56.78",
        ] {
            assert_eq!(
                Phone::parse(input).unwrap().as_str(),
                "+31612345678",
                "{input}"
            );
        }
        assert_eq!(
            Phone::parse("+32 470 12 34 56").unwrap().as_str(),
            "+32470123456"
        );
    }

    #[test]
    fn malformed_phone_numbers_are_refused() {
        for input in [
            "12345",
            "06 1234",
            "061234567890",
            "phone",
            "+31+6",
            "612345678",
        ] {
            assert_eq!(
                Phone::parse(input),
                Err(ViolationKind::InvalidPhone {}),
                "{input}"
            );
        }
    }

    proptest! {
        #[test]
        fn an_email_survives_display_and_parse(local in "[a-z0-9._]{1,20}", domain in "[a-z]{1,10}\\.[a-z]{2,5}") {
            let email = Email::parse(&format!("{local}@{domain}")).unwrap();
            prop_assert_eq!(email.to_string().parse::<Email>().unwrap(), email);
        }

        #[test]
        fn a_dutch_mobile_number_survives_display_and_parse(rest in "[0-9]{8}") {
            let phone = Phone::parse(&format!("06{rest}")).unwrap();
            prop_assert_eq!(phone.to_string().parse::<Phone>().unwrap(), phone);
        }
    }
}
