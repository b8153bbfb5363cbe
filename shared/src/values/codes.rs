use serde::{Deserialize, Serialize};
use std::fmt;

use crate::violation::ViolationKind;

/// A Dutch postcode, stored as `1234 AB`: four digits not starting with 0, a space, two capital
/// letters other than SA, SD and SS. Accepts lower case and a missing space.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
#[cfg_attr(feature = "sqlx", derive(sqlx::Type), sqlx(transparent))]
#[cfg_attr(
    feature = "openapi",
    derive(utoipa::ToSchema),
    schema(pattern = "^[1-9][0-9]{3} [A-Z]{2}$")
)]
pub struct Postcode(String);

impl Postcode {
    pub fn parse(text: &str) -> Result<Self, ViolationKind> {
        let compact: String = text.split_whitespace().collect::<String>().to_uppercase();
        if compact.is_empty() {
            return Err(ViolationKind::Required {});
        }
        let bytes = compact.as_bytes();
        let valid = bytes.len() == 6
            && bytes[0] != b'0'
            && bytes[..4].iter().all(u8::is_ascii_digit)
            && bytes[4..].iter().all(u8::is_ascii_uppercase)
            && !matches!(&compact[4..], "SA" | "SD" | "SS");
        if !valid {
            return Err(ViolationKind::InvalidPostcode {});
        }
        Ok(Postcode(format!("{} {}", &compact[..4], &compact[4..])))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

super::string_value!(Postcode);

/// A Dutch Chamber of Commerce (KvK) number: exactly 8 digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
#[cfg_attr(feature = "sqlx", derive(sqlx::Type), sqlx(transparent))]
#[cfg_attr(
    feature = "openapi",
    derive(utoipa::ToSchema),
    schema(pattern = "^[0-9]{8}$")
)]
pub struct KvkNumber(String);

impl KvkNumber {
    pub fn parse(text: &str) -> Result<Self, ViolationKind> {
        let text = text.trim();
        if text.is_empty() {
            return Err(ViolationKind::Required {});
        }
        if text.len() != 8 || !text.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ViolationKind::InvalidKvkNumber {});
        }
        Ok(KvkNumber(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

super::string_value!(KvkNumber);

/// A municipality's CBS code: `GM` and 4 digits (accepts lower case).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
#[cfg_attr(feature = "sqlx", derive(sqlx::Type), sqlx(transparent))]
#[cfg_attr(
    feature = "openapi",
    derive(utoipa::ToSchema),
    schema(pattern = "^GM[0-9]{4}$")
)]
pub struct MunicipalityCode(String);

impl MunicipalityCode {
    pub fn parse(text: &str) -> Result<Self, ViolationKind> {
        let text = text.trim().to_uppercase();
        if text.is_empty() {
            return Err(ViolationKind::Required {});
        }
        let valid = text.len() == 6
            && text.starts_with("GM")
            && text.as_bytes()[2..].iter().all(u8::is_ascii_digit);
        if !valid {
            return Err(ViolationKind::InvalidMunicipalityCode {});
        }
        Ok(MunicipalityCode(text))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

super::string_value!(MunicipalityCode);

/// Dutch language level on the CEFR scale, A0 (none yet) to C2.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "sqlx", derive(sqlx::Type))]
pub enum DutchLevel {
    A0,
    A1,
    A2,
    B1,
    B2,
    C1,
    C2,
}

impl DutchLevel {
    pub const ALL: [DutchLevel; 7] = [
        DutchLevel::A0,
        DutchLevel::A1,
        DutchLevel::A2,
        DutchLevel::B1,
        DutchLevel::B2,
        DutchLevel::C1,
        DutchLevel::C2,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DutchLevel::A0 => "A0",
            DutchLevel::A1 => "A1",
            DutchLevel::A2 => "A2",
            DutchLevel::B1 => "B1",
            DutchLevel::B2 => "B2",
            DutchLevel::C1 => "C1",
            DutchLevel::C2 => "C2",
        }
    }

    pub fn parse(text: &str) -> Result<Self, ViolationKind> {
        let text = text.trim();
        if text.is_empty() {
            return Err(ViolationKind::Required {});
        }
        DutchLevel::ALL
            .into_iter()
            .find(|l| l.as_str().eq_ignore_ascii_case(text))
            .ok_or(ViolationKind::InvalidFormat {})
    }
}

impl fmt::Display for DutchLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for DutchLevel {
    type Err = ViolationKind;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        DutchLevel::parse(text)
    }
}

/// The two-letter codes of ISO 639-1.
const ISO_639_1: &str = "aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch \
co cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi \
ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky \
la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om \
or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te \
tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu";

/// A language as an ISO 639-1 code (`ar`, `ti`, `fa`, `nl`), lower case.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
#[cfg_attr(feature = "sqlx", derive(sqlx::Type), sqlx(transparent))]
#[cfg_attr(
    feature = "openapi",
    derive(utoipa::ToSchema),
    schema(pattern = "^[a-z]{2,3}$")
)]
pub struct LanguageCode(String);

impl LanguageCode {
    pub fn parse(text: &str) -> Result<Self, ViolationKind> {
        let text = text.trim().to_lowercase();
        if text.is_empty() {
            return Err(ViolationKind::Required {});
        }
        if text.len() != 2 || !ISO_639_1.split(' ').any(|code| code == text) {
            return Err(ViolationKind::InvalidFormat {});
        }
        Ok(LanguageCode(text))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

super::string_value!(LanguageCode);

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_postcode_is_normalised_to_four_digits_a_space_and_two_capitals() {
        for input in ["1234 AB", "1234ab", " 1234  ab ", "1234Ab"] {
            assert_eq!(
                Postcode::parse(input).unwrap().as_str(),
                "1234 AB",
                "{input}"
            );
        }
    }

    #[test]
    fn a_postcode_starting_with_zero_is_refused() {
        assert_eq!(
            Postcode::parse("0123 AB"),
            Err(ViolationKind::InvalidPostcode {})
        );
        assert!(Postcode::parse("1000 AA").is_ok());
    }

    #[test]
    fn the_letter_pairs_sa_sd_and_ss_are_refused() {
        for letters in ["SA", "SD", "SS"] {
            assert_eq!(
                Postcode::parse(&format!("1234 {letters}")),
                Err(ViolationKind::InvalidPostcode {}),
                "{letters}"
            );
        }
        assert!(Postcode::parse("1234 SB").is_ok());
    }

    #[test]
    fn a_postcode_of_the_wrong_length_or_shape_is_refused() {
        for input in [
            "123 AB", "12345 AB", "1234 A", "1234 ABC", "ABCD 12", "1234 1B",
        ] {
            assert_eq!(
                Postcode::parse(input),
                Err(ViolationKind::InvalidPostcode {}),
                "{input}"
            );
        }
        assert_eq!(Postcode::parse(""), Err(ViolationKind::Required {}));
    }

    #[test]
    fn a_kvk_number_has_exactly_eight_digits() {
        assert!(KvkNumber::parse("12345678").is_ok());
        for input in ["1234567", "123456789", "1234567a", "1234 5678"] {
            assert_eq!(
                KvkNumber::parse(input),
                Err(ViolationKind::InvalidKvkNumber {}),
                "{input}"
            );
        }
    }

    #[test]
    fn a_municipality_code_is_gm_and_four_digits() {
        assert_eq!(
            MunicipalityCode::parse("gm0344").unwrap().as_str(),
            "GM0344"
        );
        for input in ["GM344", "GM03445", "XX0344", "GMabcd"] {
            assert_eq!(
                MunicipalityCode::parse(input),
                Err(ViolationKind::InvalidMunicipalityCode {}),
                "{input}"
            );
        }
    }

    #[test]
    fn dutch_levels_are_ordered_from_a0_to_c2() {
        assert!(DutchLevel::A0 < DutchLevel::A2);
        assert!(DutchLevel::B1 < DutchLevel::C2);
        assert_eq!(DutchLevel::parse("b1"), Ok(DutchLevel::B1));
        assert_eq!(
            DutchLevel::parse("D1"),
            Err(ViolationKind::InvalidFormat {})
        );
        assert_eq!(serde_json::to_string(&DutchLevel::B2).unwrap(), "\"B2\"");
    }

    #[test]
    fn languages_of_the_programme_are_known_codes() {
        for code in ["ar", "ti", "fa", "nl", "en", "so", "ps", "ku", "tr", "uk"] {
            assert!(LanguageCode::parse(code).is_ok(), "{code}");
        }
        for code in ["xx", "ara", "a", "q1"] {
            assert_eq!(
                LanguageCode::parse(code),
                Err(ViolationKind::InvalidFormat {}),
                "{code}"
            );
        }
    }

    proptest! {
        #[test]
        fn a_postcode_survives_display_and_parse(digits in 1000u32..=9999, a in b'A'..=b'Z', b in b'A'..=b'Z') {
            let text = format!("{digits}{}{}", a as char, b as char);
            if let Ok(code) = Postcode::parse(&text) {
                prop_assert_eq!(code.to_string().parse::<Postcode>().unwrap(), code);
            } else {
                prop_assert!(matches!(&text[4..], "SA" | "SD" | "SS"));
            }
        }

        #[test]
        fn any_eight_digits_are_a_kvk_number(digits in "[0-9]{8}") {
            let kvk = KvkNumber::parse(&digits).unwrap();
            prop_assert_eq!(kvk.to_string().parse::<KvkNumber>().unwrap(), kvk);
        }

        #[test]
        fn a_municipality_code_survives_display_and_parse(n in 0u32..=9999) {
            let code = MunicipalityCode::parse(&format!("GM{n:04}")).unwrap();
            prop_assert_eq!(code.to_string().parse::<MunicipalityCode>().unwrap(), code);
        }
    }
}
