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

/// A language someone speaks, as a BCP 47 language tag: the ISO 639-1 code where the language has
/// one (`ar`, `ti`, `so`, `ps`, `uk`), else its ISO 639-3 code (`prs` Dari, `kmr` Kurmanji, `ckb`
/// Sorani), lower case. Valid are the tags of [`SPOKEN_LANGUAGES`] and every ISO 639-1 code (so
/// the two-letter codes stored before stay valid); a three-letter code of a language that has a
/// two-letter one (`ara`, `tir`) is refused, as BCP 47 asks for the shortest.
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
        let listed = SPOKEN_LANGUAGES.iter().any(|(tag, _)| *tag == text);
        let iso_639_1 = text.len() == 2 && ISO_639_1.split(' ').any(|code| code == text);
        if !listed && !iso_639_1 {
            return Err(ViolationKind::InvalidFormat {});
        }
        Ok(LanguageCode(text))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The language's name in its own language and script, when it is in [`SPOKEN_LANGUAGES`].
    pub fn own_name(&self) -> Option<&'static str> {
        SPOKEN_LANGUAGES
            .iter()
            .find(|(tag, _)| *tag == self.0)
            .map(|(_, name)| *name)
    }
}

/// The languages offered when recording what a participant speaks: each BCP 47 tag with the
/// language's name in its own script. Those of the programme's participants first (the languages
/// of Eritrea, Syria, Afghanistan, Somalia, Ethiopia, Sudan, Iraq, Iran, Türkiye and Ukraine), then
/// the Netherlands' own and others widely spoken. The interface's languages are among them, under
/// the names of the language switch (Dari as `prs`).
pub const SPOKEN_LANGUAGES: &[(&str, &str)] = &[
    ("ar", "العربية"),
    ("ti", "ትግርኛ"),
    ("prs", "دری"),
    ("fa", "فارسی"),
    ("uk", "Українська"),
    ("ru", "Русский"),
    ("tr", "Türkçe"),
    ("ku", "Kurdî"),
    ("kmr", "Kurmancî"),
    ("ckb", "کوردیی ناوەندی"),
    ("so", "Soomaali"),
    ("ps", "پښتو"),
    ("haz", "هزارگی"),
    ("am", "አማርኛ"),
    ("om", "Afaan Oromoo"),
    ("tig", "ትግረ"),
    ("byn", "ብሊን"),
    ("ssy", "Saho"),
    ("aa", "Qafaraf"),
    ("kun", "Kunama"),
    ("bej", "Bidhaawyeet"),
    ("aii", "ܣܘܪܬ"),
    ("bal", "بلوچی"),
    ("uz", "Oʻzbekcha"),
    ("tk", "Türkmençe"),
    ("ur", "اردو"),
    ("nus", "Thok Naath"),
    ("din", "Thuɔŋjäŋ"),
    ("zgh", "ⵜⴰⵎⴰⵣⵉⵖⵜ"),
    ("kab", "Taqbaylit"),
    ("nl", "Nederlands"),
    ("fy", "Frysk"),
    ("pap", "Papiamentu"),
    ("srn", "Sranantongo"),
    ("en", "English"),
    ("fr", "Français"),
    ("de", "Deutsch"),
    ("es", "Español"),
    ("pt", "Português"),
    ("it", "Italiano"),
    ("pl", "Polski"),
    ("ro", "Română"),
    ("bg", "Български"),
    ("hu", "Magyar"),
    ("cs", "Čeština"),
    ("sk", "Slovenčina"),
    ("hr", "Hrvatski"),
    ("sr", "Српски"),
    ("bs", "Bosanski"),
    ("sq", "Shqip"),
    ("mk", "Македонски"),
    ("el", "Ελληνικά"),
    ("hy", "Հայերեն"),
    ("ka", "ქართული"),
    ("az", "Azərbaycanca"),
    ("be", "Беларуская"),
    ("he", "עברית"),
    ("hi", "हिन्दी"),
    ("bn", "বাংলা"),
    ("pa", "ਪੰਜਾਬੀ"),
    ("ne", "नेपाली"),
    ("ta", "தமிழ்"),
    ("zh", "中文"),
    ("vi", "Tiếng Việt"),
    ("th", "ไทย"),
    ("id", "Bahasa Indonesia"),
    ("tl", "Tagalog"),
    ("sw", "Kiswahili"),
    ("ha", "Hausa"),
    ("yo", "Yorùbá"),
    ("ig", "Igbo"),
    ("ln", "Lingála"),
    ("rw", "Ikinyarwanda"),
    ("rn", "Ikirundi"),
    ("ff", "Fulfulde"),
    ("rom", "Romani čhib"),
];

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
    fn languages_without_a_two_letter_code_are_tagged_with_their_three_letter_one() {
        for code in [
            "prs", "kmr", "ckb", "tig", "byn", "haz", "aii", "PRS", " kmr ",
        ] {
            assert!(LanguageCode::parse(code).is_ok(), "{code}");
        }
        assert_eq!(LanguageCode::parse(" CKB ").unwrap().as_str(), "ckb");
    }

    #[test]
    fn a_three_letter_code_of_a_language_with_a_two_letter_one_is_refused() {
        // Arabic, Tigrinya, Somali, Pashto, Persian, Ukrainian, Kurdish, Dutch: BCP 47 takes the
        // shortest code.
        for code in [
            "ara", "tir", "som", "pus", "fas", "per", "ukr", "kur", "nld", "dut",
        ] {
            assert_eq!(
                LanguageCode::parse(code),
                Err(ViolationKind::InvalidFormat {}),
                "{code}"
            );
        }
    }

    #[test]
    fn a_tag_with_a_region_or_script_or_of_another_shape_is_refused() {
        for code in [
            "fa-AF",
            "ar_SY",
            "zh-Hans",
            "p",
            "prsx",
            "12",
            "ti ER",
            "x-klingon",
        ] {
            assert_eq!(
                LanguageCode::parse(code),
                Err(ViolationKind::InvalidFormat {}),
                "{code}"
            );
        }
        assert_eq!(LanguageCode::parse("  "), Err(ViolationKind::Required {}));
    }

    #[test]
    fn every_two_letter_code_stored_before_stays_valid() {
        for code in ISO_639_1.split(' ') {
            let parsed = LanguageCode::parse(code).expect("an ISO 639-1 code");
            assert_eq!(parsed.to_string().parse::<LanguageCode>().unwrap(), parsed);
        }
    }

    #[test]
    fn the_list_of_spoken_languages_is_well_formed() {
        let mut seen = std::collections::BTreeSet::new();
        for (tag, name) in SPOKEN_LANGUAGES {
            assert!(seen.insert(*tag), "{tag} twice");
            let shape = (tag.len() == 2 && ISO_639_1.split(' ').any(|c| c == *tag))
                || (tag.len() == 3 && tag.bytes().all(|b| b.is_ascii_lowercase()));
            assert!(shape, "{tag}: ISO 639-1, else three lower-case letters");
            assert!(!name.trim().is_empty(), "{tag} has a name");
            assert_eq!(
                LanguageCode::parse(tag).unwrap().own_name(),
                Some(*name),
                "{tag}"
            );
        }
        assert!(seen.len() > 50);
        // The programme's languages in their own script.
        let own = |tag: &str| LanguageCode::parse(tag).unwrap().own_name();
        assert_eq!(own("ti"), Some("ትግርኛ"));
        assert_eq!(own("prs"), Some("دری"));
        assert_eq!(own("uk"), Some("Українська"));
        assert_eq!(own("ab"), None, "valid, but not offered");
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
