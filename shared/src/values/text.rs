use serde::{Deserialize, Serialize};
use std::fmt;

use crate::violation::ViolationKind;

fn has_control_characters(text: &str) -> bool {
    text.chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
}

/// Free text of `MIN..=MAX` characters (counted as Unicode scalar values), trimmed. With `MIN` 0
/// it may be empty.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
#[cfg_attr(feature = "sqlx", derive(sqlx::Type), sqlx(transparent))]
pub struct BoundedText<const MIN: u32, const MAX: u32>(String);

impl<const MIN: u32, const MAX: u32> BoundedText<MIN, MAX> {
    pub fn parse(text: &str) -> Result<Self, ViolationKind> {
        let text = text.trim();
        let length = text.chars().count();
        if length == 0 && MIN > 0 {
            return Err(ViolationKind::Required {});
        }
        if length < MIN as usize {
            return Err(ViolationKind::TooShort { min: MIN });
        }
        if length > MAX as usize {
            return Err(ViolationKind::TooLong { max: MAX });
        }
        if has_control_characters(text) {
            return Err(ViolationKind::InvalidFormat {});
        }
        Ok(BoundedText(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<const MIN: u32, const MAX: u32> TryFrom<String> for BoundedText<MIN, MAX> {
    type Error = ViolationKind;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        Self::parse(&text)
    }
}

impl<const MIN: u32, const MAX: u32> From<BoundedText<MIN, MAX>> for String {
    fn from(value: BoundedText<MIN, MAX>) -> String {
        value.0
    }
}

impl<const MIN: u32, const MAX: u32> std::str::FromStr for BoundedText<MIN, MAX> {
    type Err = ViolationKind;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Self::parse(text)
    }
}

impl<const MIN: u32, const MAX: u32> fmt::Display for BoundedText<MIN, MAX> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A goal's title: 3..=120 characters.
pub type Title = BoundedText<3, 120>;
/// An action of the plan: 3..=200 characters.
pub type ActionText = BoundedText<3, 200>;
/// A description (of an opening, an expense, a motivation): 0..=2000 characters.
pub type Description = BoundedText<0, 2000>;
/// A note only coaches and coordinators see: 0..=4000 characters.
pub type Note = BoundedText<0, 4000>;
/// A short text the participant may see: 0..=500 characters.
pub type Summary = BoundedText<0, 500>;

/// A first or last name: 1..=100 characters with at least one letter and no digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
#[cfg_attr(feature = "sqlx", derive(sqlx::Type), sqlx(transparent))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PersonName(String);

impl PersonName {
    pub const MAX: u32 = 100;

    pub fn parse(text: &str) -> Result<Self, ViolationKind> {
        let text = text.trim();
        if text.is_empty() {
            return Err(ViolationKind::Required {});
        }
        if text.chars().count() > Self::MAX as usize {
            return Err(ViolationKind::TooLong { max: Self::MAX });
        }
        if has_control_characters(text)
            || text.contains(['\n', '\t'])
            || text.chars().any(|c| c.is_numeric())
            || !text.chars().any(char::is_alphabetic)
        {
            return Err(ViolationKind::InvalidFormat {});
        }
        Ok(PersonName(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

super::string_value!(PersonName);

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_title_of_two_characters_is_too_short_and_of_three_is_accepted() {
        assert_eq!(Title::parse("ab"), Err(ViolationKind::TooShort { min: 3 }));
        assert!(Title::parse("abc").is_ok());
    }

    #[test]
    fn a_title_of_120_characters_is_accepted_and_of_121_is_too_long() {
        assert!(Title::parse(&"x".repeat(120)).is_ok());
        assert_eq!(
            Title::parse(&"x".repeat(121)),
            Err(ViolationKind::TooLong { max: 120 })
        );
    }

    #[test]
    fn length_counts_characters_not_bytes() {
        // Three Arabic letters are six bytes.
        assert!(Title::parse("عمل").is_ok());
    }

    #[test]
    fn an_empty_or_blank_title_is_required() {
        assert_eq!(Title::parse("   "), Err(ViolationKind::Required {}));
    }

    #[test]
    fn an_optional_text_may_be_empty() {
        assert!(Description::parse("").is_ok());
    }

    #[test]
    fn text_is_trimmed() {
        assert_eq!(Title::parse("  Leren  ").unwrap().as_str(), "Leren");
    }

    #[test]
    fn a_control_character_is_refused_but_a_newline_is_not() {
        assert_eq!(
            Description::parse("a\u{7}b"),
            Err(ViolationKind::InvalidFormat {})
        );
        assert!(Description::parse("line one\nline two").is_ok());
    }

    #[test]
    fn names_in_many_scripts_are_accepted() {
        for name in ["Amira", "Ḥasan", "أمل", "ሰላም", "De Vries-Öztürk", "O'Neil"] {
            assert!(PersonName::parse(name).is_ok(), "{name}");
        }
    }

    #[test]
    fn a_name_with_digits_or_no_letters_is_refused() {
        for name in ["R2D2", "---", "a\nb"] {
            assert_eq!(
                PersonName::parse(name),
                Err(ViolationKind::InvalidFormat {}),
                "{name}"
            );
        }
        assert_eq!(PersonName::parse(""), Err(ViolationKind::Required {}));
    }

    #[test]
    fn a_name_deserialises_through_the_same_check() {
        assert!(serde_json::from_str::<PersonName>("\"Amal\"").is_ok());
        assert!(serde_json::from_str::<PersonName>("\"42\"").is_err());
    }

    proptest! {
        #[test]
        fn a_title_is_accepted_exactly_when_its_length_is_in_range(text in "[a-z]{0,130}") {
            let ok = (3..=120).contains(&text.chars().count());
            prop_assert_eq!(Title::parse(&text).is_ok(), ok);
        }

        #[test]
        fn a_title_survives_display_and_parse(text in "[a-zA-Z][a-zA-Z ]{1,100}[a-z]") {
            let title = Title::parse(&text).unwrap();
            prop_assert_eq!(title.to_string().parse::<Title>().unwrap(), title);
        }
    }
}
