//! Languages: the ones the app's interface speaks, and the ones a participant speaks.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::violation::ViolationKind;

/// A language of the app's interface, stored on the account: its BCP 47 tag (`fa-AF` for Dari).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum InterfaceLanguage {
    #[serde(rename = "nl")]
    Dutch,
    #[serde(rename = "en")]
    English,
    #[serde(rename = "ar")]
    Arabic,
    #[serde(rename = "ti")]
    Tigrinya,
    #[serde(rename = "fa-AF")]
    Dari,
    #[serde(rename = "uk")]
    Ukrainian,
}

impl InterfaceLanguage {
    /// Every one, Dutch (the default) first.
    pub const ALL: [InterfaceLanguage; 6] = [
        InterfaceLanguage::Dutch,
        InterfaceLanguage::English,
        InterfaceLanguage::Arabic,
        InterfaceLanguage::Tigrinya,
        InterfaceLanguage::Dari,
        InterfaceLanguage::Ukrainian,
    ];

    /// The BCP 47 tag, as stored and as in `<html lang>`.
    pub fn as_str(self) -> &'static str {
        match self {
            InterfaceLanguage::Dutch => "nl",
            InterfaceLanguage::English => "en",
            InterfaceLanguage::Arabic => "ar",
            InterfaceLanguage::Tigrinya => "ti",
            InterfaceLanguage::Dari => "fa-AF",
            InterfaceLanguage::Ukrainian => "uk",
        }
    }

    /// The exact tag; BCP 47 tags compare without regard to case (`fa-af` is Dari).
    pub fn parse(text: &str) -> Result<Self, ViolationKind> {
        let text = text.trim();
        if text.is_empty() {
            return Err(ViolationKind::Required {});
        }
        InterfaceLanguage::ALL
            .into_iter()
            .find(|l| l.as_str().eq_ignore_ascii_case(text))
            .ok_or_else(|| ViolationKind::InvalidChoice {
                allowed: InterfaceLanguage::ALL
                    .map(InterfaceLanguage::as_str)
                    .join(", "),
            })
    }

    /// The first of a browser's preferred languages (`navigator.languages`, or the tags of an
    /// `Accept-Language` header in order) that the interface speaks: an exact tag first, else its
    /// primary language (`uk-UA` is Ukrainian, `fa-IR` and `prs` are read as Dari, the Persian
    /// the app has). `None` when none is spoken.
    pub fn from_preferences<'a>(tags: impl IntoIterator<Item = &'a str>) -> Option<Self> {
        tags.into_iter().find_map(|tag| {
            let tag = tag.trim();
            InterfaceLanguage::parse(tag).ok().or_else(|| {
                let primary = tag
                    .split(['-', '_'])
                    .next()
                    .unwrap_or("")
                    .to_ascii_lowercase();
                match primary.as_str() {
                    "fa" | "prs" => Some(InterfaceLanguage::Dari),
                    "tir" => Some(InterfaceLanguage::Tigrinya),
                    other => InterfaceLanguage::ALL
                        .into_iter()
                        .find(|l| l.as_str() == other),
                }
            })
        })
    }
}

impl fmt::Display for InterfaceLanguage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for InterfaceLanguage {
    type Err = ViolationKind;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        InterfaceLanguage::parse(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_interface_language_reads_back_from_its_tag_and_its_json() {
        for lang in InterfaceLanguage::ALL {
            assert_eq!(InterfaceLanguage::parse(lang.as_str()), Ok(lang));
            let json = serde_json::to_string(&lang).unwrap();
            assert_eq!(json, format!("\"{}\"", lang.as_str()));
            assert_eq!(
                serde_json::from_str::<InterfaceLanguage>(&json).unwrap(),
                lang
            );
        }
        assert_eq!(
            InterfaceLanguage::parse("FA-af"),
            Ok(InterfaceLanguage::Dari)
        );
    }

    #[test]
    fn a_language_the_interface_does_not_speak_is_refused_with_the_choices() {
        assert_eq!(
            InterfaceLanguage::parse("de"),
            Err(ViolationKind::InvalidChoice {
                allowed: "nl, en, ar, ti, fa-AF, uk".to_owned()
            })
        );
        assert_eq!(
            InterfaceLanguage::parse(" "),
            Err(ViolationKind::Required {})
        );
        assert!(serde_json::from_str::<InterfaceLanguage>("\"fa\"").is_err());
    }

    #[test]
    fn the_browser_s_first_spoken_preference_is_chosen() {
        let pick = |tags: &[&str]| InterfaceLanguage::from_preferences(tags.iter().copied());
        assert_eq!(
            pick(&["de-DE", "uk-UA", "en"]),
            Some(InterfaceLanguage::Ukrainian)
        );
        assert_eq!(pick(&["fa-IR"]), Some(InterfaceLanguage::Dari));
        assert_eq!(pick(&["prs"]), Some(InterfaceLanguage::Dari));
        assert_eq!(pick(&["ti-ER", "nl"]), Some(InterfaceLanguage::Tigrinya));
        assert_eq!(pick(&["ar-SY"]), Some(InterfaceLanguage::Arabic));
        assert_eq!(pick(&["en-GB", "nl-NL"]), Some(InterfaceLanguage::English));
        assert_eq!(pick(&["de", "fr"]), None);
        assert_eq!(pick(&[]), None);
    }
}
