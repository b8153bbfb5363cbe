//! Competences and wishes on a participant's profile: education, work experience, skills, the
//! sectors they would like to work in, the hours they have and how far they will travel. Every
//! field is optional; what is given must fit the ranges below.

use serde::{Deserialize, Serialize};

use crate::{
    values::{BoundedText, Postcode},
    violation::{ViolationKind, Violations},
};

/// The sectors the programme knows, for interests, work experience and matching.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum KnownSector {
    Agriculture,
    Care,
    Cleaning,
    Construction,
    Creative,
    Education,
    FinanceAndAdministration,
    Hospitality,
    Ict,
    Logistics,
    Manufacturing,
    PublicService,
    Retail,
    Technical,
    Transport,
}

impl KnownSector {
    pub const ALL: [KnownSector; 15] = [
        KnownSector::Agriculture,
        KnownSector::Care,
        KnownSector::Cleaning,
        KnownSector::Construction,
        KnownSector::Creative,
        KnownSector::Education,
        KnownSector::FinanceAndAdministration,
        KnownSector::Hospitality,
        KnownSector::Ict,
        KnownSector::Logistics,
        KnownSector::Manufacturing,
        KnownSector::PublicService,
        KnownSector::Retail,
        KnownSector::Technical,
        KnownSector::Transport,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            KnownSector::Agriculture => "agriculture",
            KnownSector::Care => "care",
            KnownSector::Cleaning => "cleaning",
            KnownSector::Construction => "construction",
            KnownSector::Creative => "creative",
            KnownSector::Education => "education",
            KnownSector::FinanceAndAdministration => "finance_and_administration",
            KnownSector::Hospitality => "hospitality",
            KnownSector::Ict => "ict",
            KnownSector::Logistics => "logistics",
            KnownSector::Manufacturing => "manufacturing",
            KnownSector::PublicService => "public_service",
            KnownSector::Retail => "retail",
            KnownSector::Technical => "technical",
            KnownSector::Transport => "transport",
        }
    }

    /// Words (Dutch and English) by which an organisation's free-text sector names this one.
    fn words(self) -> &'static [&'static str] {
        match self {
            KnownSector::Agriculture => &["agri", "landbouw", "tuinbouw", "farm", "horticult"],
            KnownSector::Care => &["care", "zorg", "health", "welzijn", "nursing"],
            KnownSector::Cleaning => &["clean", "schoonmaak"],
            KnownSector::Construction => &["construct", "bouw", "building"],
            KnownSector::Creative => &["creative", "creatie", "design", "media", "art"],
            KnownSector::Education => &["education", "onderwijs", "school", "training"],
            KnownSector::FinanceAndAdministration => {
                &["financ", "administrat", "office", "kantoor", "accounting"]
            }
            KnownSector::Hospitality => &[
                "hospitality",
                "horeca",
                "food",
                "catering",
                "restaurant",
                "hotel",
            ],
            KnownSector::Ict => &["ict", "software", "it services"],
            KnownSector::Logistics => &["logisti", "warehouse", "magazijn", "distribut"],
            KnownSector::Manufacturing => &["manufactur", "productie", "production", "industr"],
            KnownSector::PublicService => &["public", "overheid", "gemeente", "government"],
            KnownSector::Retail => &["retail", "winkel", "shop", "detailhandel", "supermarkt"],
            KnownSector::Technical => &["technical", "techniek", "installat", "metal", "engineer"],
            KnownSector::Transport => &["transport", "vervoer", "driving", "chauffeur"],
        }
    }

    /// A known sector from its code (`care`).
    pub fn parse(text: &str) -> Result<Self, ViolationKind> {
        let text = text.trim();
        if text.is_empty() {
            return Err(ViolationKind::Required {});
        }
        KnownSector::ALL
            .into_iter()
            .find(|s| s.as_str() == text)
            .ok_or_else(|| ViolationKind::InvalidChoice {
                allowed: KnownSector::ALL
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            })
    }

    /// The known sector an organisation's free-text sector (`Zorg en welzijn`, `Food`) names, if
    /// any: its code, or the first sector one of whose words it contains.
    pub fn recognise(text: &str) -> Option<Self> {
        let text = text.trim().to_lowercase();
        if text.is_empty() {
            return None;
        }
        if let Ok(sector) = KnownSector::parse(&text) {
            return Some(sector);
        }
        KnownSector::ALL
            .into_iter()
            .find(|s| s.words().iter().any(|w| text.contains(w)))
    }
}

/// The highest education completed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "sqlx", derive(sqlx::Type), sqlx(rename_all = "snake_case"))]
pub enum EducationLevel {
    None,
    Primary,
    Secondary,
    Vocational,
    Bachelor,
    Master,
    Doctorate,
}

impl EducationLevel {
    pub const ALL: [EducationLevel; 7] = [
        EducationLevel::None,
        EducationLevel::Primary,
        EducationLevel::Secondary,
        EducationLevel::Vocational,
        EducationLevel::Bachelor,
        EducationLevel::Master,
        EducationLevel::Doctorate,
    ];
}

/// The field of study: 0..=80 characters.
pub type EducationField = BoundedText<0, 80>;

/// Most skill tags on one profile.
pub const MAX_SKILLS: u32 = 20;
/// Shortest and longest skill tag.
pub const SKILL_MIN: u32 = 2;
pub const SKILL_MAX: u32 = 40;
/// Most sectors of interest.
pub const MAX_SECTORS_OF_INTEREST: u32 = 5;
/// Years of work experience.
pub const WORK_YEARS_MAX: i64 = 50;
/// Hours a week a participant can work.
pub const HOURS_MIN: i64 = 4;
pub const HOURS_MAX: i64 = 40;
/// How far a participant will travel, in kilometres.
pub const TRAVEL_KM_MIN: i64 = 1;
pub const TRAVEL_KM_MAX: i64 = 150;

/// A skill as a free tag: 2..=40 characters, one line, no comma (commas separate tags).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(value_type = String))]
pub struct SkillTag(String);

impl SkillTag {
    pub fn parse(text: &str) -> Result<Self, ViolationKind> {
        let tag = BoundedText::<SKILL_MIN, SKILL_MAX>::parse(text)?;
        if tag.as_str().contains([',', '\n', '\t']) {
            return Err(ViolationKind::InvalidFormat {});
        }
        Ok(SkillTag(tag.as_str().to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

crate::values::string_value!(SkillTag);

/// A country as its ISO 3166-1 alpha-2 code (`SY`, `ER`): two letters, stored in capitals.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(value_type = String))]
pub struct CountryCode(String);

impl CountryCode {
    pub fn parse(text: &str) -> Result<Self, ViolationKind> {
        let text = text.trim();
        if text.is_empty() {
            return Err(ViolationKind::Required {});
        }
        if text.len() != 2 || !text.bytes().all(|b| b.is_ascii_alphabetic()) {
            return Err(ViolationKind::InvalidFormat {});
        }
        Ok(CountryCode(text.to_ascii_uppercase()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

crate::values::string_value!(CountryCode);

/// The area of a Dutch postcode: its four digits (`3511`), for distances without an address.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(value_type = String))]
pub struct PostcodeArea(String);

impl PostcodeArea {
    /// Four digits not starting with 0; a whole postcode (`3511 AB`) gives its area.
    pub fn parse(text: &str) -> Result<Self, ViolationKind> {
        let compact: String = text.split_whitespace().collect();
        if compact.is_empty() {
            return Err(ViolationKind::Required {});
        }
        let digits = if compact.len() == 6 {
            Postcode::parse(&compact)
                .map_err(|_| ViolationKind::InvalidPostcode {})?
                .as_str()[..4]
                .to_owned()
        } else {
            compact
        };
        let bytes = digits.as_bytes();
        if bytes.len() != 4 || bytes[0] == b'0' || !bytes.iter().all(u8::is_ascii_digit) {
            return Err(ViolationKind::InvalidPostcode {});
        }
        Ok(PostcodeArea(digits))
    }

    pub fn of(postcode: &Postcode) -> Self {
        PostcodeArea(postcode.as_str()[..4].to_owned())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

crate::values::string_value!(PostcodeArea);

/// `PUT /participants/{id}/competences`: the whole set, with the version it started from (0 when
/// none was stored yet). Every field may be left empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct CompetencesInput {
    pub education_level: Option<EducationLevel>,
    pub education_field: String,
    /// ISO 3166-1 alpha-2 code of the country of the education.
    pub education_country: String,
    pub diploma_recognised: Option<bool>,
    /// A known sector's code.
    pub work_sector: String,
    pub work_years: Option<i64>,
    pub skills: Vec<String>,
    /// Known sectors' codes, at most 5.
    pub sectors_of_interest: Vec<String>,
    pub hours_available: Option<i64>,
    pub travel_km: Option<i64>,
    /// The four digits of the participant's postcode, for distances.
    pub postcode_area: String,
    pub version: i64,
}

/// Competences that passed the rules.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Competences {
    pub education_level: Option<EducationLevel>,
    pub education_field: String,
    pub education_country: Option<CountryCode>,
    pub diploma_recognised: Option<bool>,
    pub work_sector: Option<KnownSector>,
    pub work_years: Option<u8>,
    pub skills: Vec<SkillTag>,
    pub sectors_of_interest: Vec<KnownSector>,
    pub hours_available: Option<u8>,
    pub travel_km: Option<u8>,
    pub postcode_area: Option<PostcodeArea>,
}

fn in_range(v: &mut Violations, field: &str, value: Option<i64>, min: i64, max: i64) -> Option<u8> {
    let value = value?;
    if (min..=max).contains(&value) {
        u8::try_from(value).ok()
    } else {
        v.push(field, ViolationKind::OutOfRange { min, max });
        None
    }
}

fn optional<T>(
    v: &mut Violations,
    field: &str,
    text: &str,
    parse: impl Fn(&str) -> Result<T, ViolationKind>,
) -> Option<T> {
    if text.trim().is_empty() {
        None
    } else {
        v.check(field, parse(text))
    }
}

impl CompetencesInput {
    /// Every field optional; given ones within their ranges and lengths, sectors known, tags
    /// and sectors without repeats (a repeat is dropped).
    pub fn validate(&self) -> Result<Competences, Violations> {
        let mut v = Violations::new();
        let education_field = v
            .check(
                "education_field",
                EducationField::parse(&self.education_field),
            )
            .map(|f| f.as_str().to_owned())
            .unwrap_or_default();
        let education_country = optional(
            &mut v,
            "education_country",
            &self.education_country,
            CountryCode::parse,
        );
        let work_sector = optional(&mut v, "work_sector", &self.work_sector, KnownSector::parse);
        let work_years = in_range(&mut v, "work_years", self.work_years, 0, WORK_YEARS_MAX);
        let mut skills: Vec<SkillTag> = Vec::new();
        if self.skills.len() > MAX_SKILLS as usize {
            v.push("skills", ViolationKind::TooLong { max: MAX_SKILLS });
        }
        for (i, tag) in self.skills.iter().enumerate() {
            if let Some(tag) = v.check(&format!("skills.{i}"), SkillTag::parse(tag))
                && !skills
                    .iter()
                    .any(|s| s.as_str().to_lowercase() == tag.as_str().to_lowercase())
            {
                skills.push(tag);
            }
        }
        let mut sectors_of_interest = Vec::new();
        if self.sectors_of_interest.len() > MAX_SECTORS_OF_INTEREST as usize {
            v.push(
                "sectors_of_interest",
                ViolationKind::TooLong {
                    max: MAX_SECTORS_OF_INTEREST,
                },
            );
        }
        for (i, code) in self.sectors_of_interest.iter().enumerate() {
            if let Some(sector) = v.check(
                &format!("sectors_of_interest.{i}"),
                KnownSector::parse(code),
            ) && !sectors_of_interest.contains(&sector)
            {
                sectors_of_interest.push(sector);
            }
        }
        let hours_available = in_range(
            &mut v,
            "hours_available",
            self.hours_available,
            HOURS_MIN,
            HOURS_MAX,
        );
        let travel_km = in_range(
            &mut v,
            "travel_km",
            self.travel_km,
            TRAVEL_KM_MIN,
            TRAVEL_KM_MAX,
        );
        let postcode_area = optional(
            &mut v,
            "postcode_area",
            &self.postcode_area,
            PostcodeArea::parse,
        );
        v.into_result(Competences {
            education_level: self.education_level,
            education_field,
            education_country,
            diploma_recognised: self.diploma_recognised,
            work_sector,
            work_years,
            skills,
            sectors_of_interest,
            hours_available,
            travel_km,
            postcode_area,
        })
    }
}

impl Competences {
    /// The set as a form sends it back.
    pub fn to_input(&self, version: i64) -> CompetencesInput {
        CompetencesInput {
            education_level: self.education_level,
            education_field: self.education_field.clone(),
            education_country: self
                .education_country
                .as_ref()
                .map(|c| c.as_str().to_owned())
                .unwrap_or_default(),
            diploma_recognised: self.diploma_recognised,
            work_sector: self
                .work_sector
                .map(|s| s.as_str().to_owned())
                .unwrap_or_default(),
            work_years: self.work_years.map(i64::from),
            skills: self.skills.iter().map(|s| s.as_str().to_owned()).collect(),
            sectors_of_interest: self
                .sectors_of_interest
                .iter()
                .map(|s| s.as_str().to_owned())
                .collect(),
            hours_available: self.hours_available.map(i64::from),
            travel_km: self.travel_km.map(i64::from),
            postcode_area: self
                .postcode_area
                .as_ref()
                .map(|p| p.as_str().to_owned())
                .unwrap_or_default(),
            version,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn codes(result: Result<Competences, Violations>) -> Vec<(String, &'static str)> {
        match result {
            Ok(_) => Vec::new(),
            Err(v) => v.iter().map(|v| (v.field.clone(), v.kind.code())).collect(),
        }
    }

    #[test]
    fn an_empty_set_of_competences_is_valid() {
        assert_eq!(
            CompetencesInput::default().validate(),
            Ok(Competences::default())
        );
    }

    #[test]
    fn a_full_set_reads_into_typed_values() {
        let input = CompetencesInput {
            education_level: Some(EducationLevel::Bachelor),
            education_field: " Civil engineering ".into(),
            education_country: "sy".into(),
            diploma_recognised: Some(false),
            work_sector: "construction".into(),
            work_years: Some(6),
            skills: vec![
                "welding".into(),
                "Welding".into(),
                "forklift licence".into(),
            ],
            sectors_of_interest: vec!["technical".into(), "construction".into()],
            hours_available: Some(32),
            travel_km: Some(25),
            postcode_area: "3511 AB".into(),
            version: 0,
        };
        let valid = input.validate().unwrap();
        assert_eq!(valid.education_field, "Civil engineering");
        assert_eq!(valid.education_country.unwrap().as_str(), "SY");
        assert_eq!(valid.work_sector, Some(KnownSector::Construction));
        assert_eq!(valid.skills.len(), 2, "a repeated tag is dropped");
        assert_eq!(
            valid.sectors_of_interest,
            vec![KnownSector::Technical, KnownSector::Construction]
        );
        assert_eq!(valid.postcode_area.unwrap().as_str(), "3511");
    }

    #[test]
    fn an_unknown_sector_is_refused_with_the_known_ones() {
        let input = CompetencesInput {
            sectors_of_interest: vec!["care".into(), "astronaut".into()],
            work_sector: "piracy".into(),
            ..CompetencesInput::default()
        };
        let err = input.validate().unwrap_err();
        let unknown = err.for_field("sectors_of_interest.1").next().unwrap();
        let ViolationKind::InvalidChoice { allowed } = &unknown.kind else {
            panic!("unexpected {unknown:?}");
        };
        assert!(allowed.contains("hospitality"));
        assert_eq!(err.for_field("work_sector").count(), 1);
    }

    #[test]
    fn every_broken_rule_is_listed_at_once() {
        let input = CompetencesInput {
            education_field: "x".repeat(81),
            education_country: "Syria".into(),
            work_years: Some(51),
            skills: vec!["a".into(), "one, two".into()],
            sectors_of_interest: vec!["care".into(); 6],
            hours_available: Some(2),
            travel_km: Some(0),
            postcode_area: "0123".into(),
            ..CompetencesInput::default()
        };
        let mut found = codes(input.validate());
        found.sort();
        assert_eq!(
            found,
            vec![
                ("education_country".into(), "invalid_format"),
                ("education_field".into(), "too_long"),
                ("hours_available".into(), "out_of_range"),
                ("postcode_area".into(), "invalid_postcode"),
                ("sectors_of_interest".into(), "too_long"),
                ("skills.0".into(), "too_short"),
                ("skills.1".into(), "invalid_format"),
                ("travel_km".into(), "out_of_range"),
                ("work_years".into(), "out_of_range"),
            ]
        );
    }

    #[test]
    fn more_than_twenty_skills_are_too_many() {
        let input = CompetencesInput {
            skills: (0..21).map(|i| format!("skill {i}")).collect(),
            ..CompetencesInput::default()
        };
        assert_eq!(codes(input.validate()), vec![("skills".into(), "too_long")]);
    }

    #[test]
    fn a_stored_set_goes_back_to_the_same_input() {
        let input = CompetencesInput {
            education_level: Some(EducationLevel::Vocational),
            education_country: "ER".into(),
            work_sector: "care".into(),
            skills: vec!["cooking".into()],
            sectors_of_interest: vec!["hospitality".into()],
            hours_available: Some(24),
            travel_km: Some(10),
            postcode_area: "1012".into(),
            version: 3,
            ..CompetencesInput::default()
        };
        assert_eq!(input.validate().unwrap().to_input(3), input);
    }

    #[test]
    fn an_organisations_sector_text_is_recognised() {
        assert_eq!(
            KnownSector::recognise("Zorg en welzijn"),
            Some(KnownSector::Care)
        );
        assert_eq!(
            KnownSector::recognise("Food"),
            Some(KnownSector::Hospitality)
        );
        assert_eq!(KnownSector::recognise("ict"), Some(KnownSector::Ict));
        assert_eq!(KnownSector::recognise("Quantum widgets"), None);
        assert_eq!(KnownSector::recognise(""), None);
    }

    proptest! {
        #[test]
        fn hours_available_are_valid_exactly_within_their_range(h in -10i64..60) {
            let input = CompetencesInput { hours_available: Some(h), ..CompetencesInput::default() };
            prop_assert_eq!(input.validate().is_ok(), (HOURS_MIN..=HOURS_MAX).contains(&h));
        }

        #[test]
        fn travel_distance_is_valid_exactly_within_its_range(km in -10i64..200) {
            let input = CompetencesInput { travel_km: Some(km), ..CompetencesInput::default() };
            prop_assert_eq!(input.validate().is_ok(), (TRAVEL_KM_MIN..=TRAVEL_KM_MAX).contains(&km));
        }
    }
}
