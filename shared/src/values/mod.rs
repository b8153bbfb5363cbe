//! Value types that cannot hold invalid data: each has a private field, a parsing constructor, and
//! `serde`, `Display` and `FromStr` that run the same check ("parse, don't validate").

mod codes;
mod contact;
mod languages;
mod numbers;
mod text;

pub use codes::{
    DutchLevel, KvkNumber, LanguageCode, MunicipalityCode, Postcode, SPOKEN_LANGUAGES,
};
pub use contact::{Email, Phone};
pub use languages::InterfaceLanguage;
pub use numbers::{Capacity, LadderRung, Money, Score};
pub use text::{ActionText, BoundedText, Description, Note, PersonName, Summary, Title};

/// Implements `TryFrom<String>`, `From<T> for String`, `FromStr` and `Display` for a type with
/// `fn parse(&str) -> Result<Self, ViolationKind>` and `fn as_str(&self) -> &str`.
macro_rules! string_value {
    ($name:ident) => {
        impl TryFrom<String> for $name {
            type Error = $crate::violation::ViolationKind;
            fn try_from(text: String) -> Result<Self, Self::Error> {
                $name::parse(&text)
            }
        }

        impl From<$name> for String {
            fn from(value: $name) -> String {
                value.as_str().to_owned()
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::violation::ViolationKind;
            fn from_str(text: &str) -> Result<Self, Self::Err> {
                $name::parse(text)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
pub(crate) use string_value;
