//! Matching people to openings: a pure ranking with the reasons for each suggestion.
//!
//! An opening is offered only when the participant is ready for its kind of step (a company
//! visit, then an internship or another placement, then a job, following the route) and their
//! Dutch meets the level the opening asks for. Among those, the fit is a score built from the next
//! step on the route, the sectors they want and know, the languages they speak, the hours they
//! have and the distance between the postcode areas. Each part that counts is named as a reason
//! (or a concern) by a stable code the app translates.

use serde::{Deserialize, Serialize};

use crate::{
    rules::{
        competences::{Competences, KnownSector, PostcodeArea},
        openings::OpeningKind,
    },
    values::{DutchLevel, LanguageCode},
};

/// The steps of the route an opening belongs to, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RouteStage {
    /// Looking around: company visits.
    Visit,
    /// A placement to learn in: internship, volunteer position, education place.
    Placement,
    /// Paid work.
    Job,
}

impl RouteStage {
    pub fn of(kind: OpeningKind) -> Self {
        match kind {
            OpeningKind::CompanyVisit => RouteStage::Visit,
            OpeningKind::Internship | OpeningKind::Volunteer | OpeningKind::Education => {
                RouteStage::Placement
            }
            OpeningKind::Job => RouteStage::Job,
        }
    }

    /// How far a participant is: visits from the start; a placement once the training is
    /// complete; a job once an internship is completed.
    pub fn ready_for(training_complete: bool, internship_completed: bool) -> Self {
        match (training_complete, internship_completed) {
            (true, true) => RouteStage::Job,
            (true, false) => RouteStage::Placement,
            (false, _) => RouteStage::Visit,
        }
    }
}

/// Why a suggestion fits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum MatchReason {
    /// The opening is the next step on the participant's route.
    NextStepOnRoute,
    /// The organisation's sector is one the participant wants to work in.
    SectorOfInterest,
    /// The participant has worked in the organisation's sector.
    ExperienceInSector,
    /// The opening asks for a Dutch level, and the participant has it.
    DutchLevelMet,
    /// The participant speaks English too, which helps while the Dutch grows.
    SpeaksEnglish,
    /// The opening's hours fit the hours the participant has.
    HoursFit,
    /// The organisation is in the participant's own postcode area.
    SamePostcodeArea,
    /// The organisation is within the distance the participant will travel.
    WithinTravelDistance,
}

/// What speaks against a suggestion, without ruling it out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum MatchConcern {
    MoreHoursThanAvailable,
    BeyondTravelDistance,
}

/// What the ranking knows of a participant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatchProfile {
    pub ready_for: RouteStage,
    pub dutch_level: DutchLevel,
    pub languages: Vec<LanguageCode>,
    pub competences: Competences,
}

/// What the ranking knows of an opening and its organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatchOpening {
    pub kind: OpeningKind,
    pub dutch_level: Option<DutchLevel>,
    /// The organisation's sector, when it names a known one.
    pub sector: Option<KnownSector>,
    pub hours_per_week: Option<u32>,
    pub postcode_area: Option<PostcodeArea>,
}

/// How well one participant fits one opening.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Fit {
    pub score: i32,
    pub reasons: Vec<MatchReason>,
    pub concerns: Vec<MatchConcern>,
}

const NEXT_STEP: i32 = 40;
const SECTOR_OF_INTEREST: i32 = 25;
const EXPERIENCE_IN_SECTOR: i32 = 10;
const DUTCH_LEVEL_MET: i32 = 10;
const SPEAKS_ENGLISH: i32 = 5;
const HOURS_FIT: i32 = 10;
const SAME_AREA: i32 = 15;
const WITHIN_DISTANCE: i32 = 10;
const CONCERN: i32 = -15;

/// A rough distance in kilometres between two postcode areas: 0 within one area, about 10 within
/// one region (the same first two digits), about 40 within one first digit, else about 100.
pub fn estimated_km(a: &PostcodeArea, b: &PostcodeArea) -> u32 {
    let (a, b) = (a.as_str().as_bytes(), b.as_str().as_bytes());
    if a == b {
        0
    } else if a[..2] == b[..2] {
        10
    } else if a[0] == b[0] {
        40
    } else {
        100
    }
}

/// The fit of `participant` for `opening`; `None` when it is not offered at all: a step the
/// participant is not ready for, or a Dutch level they do not have yet.
pub fn fit(participant: &MatchProfile, opening: &MatchOpening) -> Option<Fit> {
    let stage = RouteStage::of(opening.kind);
    if stage > participant.ready_for {
        return None;
    }
    if opening
        .dutch_level
        .is_some_and(|required| participant.dutch_level < required)
    {
        return None;
    }
    let c = &participant.competences;
    let mut score = 0;
    let mut reasons = Vec::new();
    let mut concerns = Vec::new();
    let mut add = |reason: MatchReason, points: i32| {
        score += points;
        reasons.push(reason);
    };
    if stage == participant.ready_for {
        add(MatchReason::NextStepOnRoute, NEXT_STEP);
    }
    if let Some(sector) = opening.sector {
        if c.sectors_of_interest.contains(&sector) {
            add(MatchReason::SectorOfInterest, SECTOR_OF_INTEREST);
        }
        if c.work_sector == Some(sector) {
            add(MatchReason::ExperienceInSector, EXPERIENCE_IN_SECTOR);
        }
    }
    if opening.dutch_level.is_some() {
        add(MatchReason::DutchLevelMet, DUTCH_LEVEL_MET);
    }
    if participant.languages.iter().any(|l| l.as_str() == "en") {
        add(MatchReason::SpeaksEnglish, SPEAKS_ENGLISH);
    }
    let mut penalty = 0;
    if let (Some(hours), Some(available)) = (opening.hours_per_week, c.hours_available) {
        if hours <= u32::from(available) {
            add(MatchReason::HoursFit, HOURS_FIT);
        } else {
            concerns.push(MatchConcern::MoreHoursThanAvailable);
            penalty += CONCERN;
        }
    }
    if let (Some(there), Some(home)) = (&opening.postcode_area, &c.postcode_area) {
        let km = estimated_km(home, there);
        if km == 0 {
            add(MatchReason::SamePostcodeArea, SAME_AREA);
        } else if c.travel_km.is_none_or(|max| km <= u32::from(max)) {
            add(MatchReason::WithinTravelDistance, WITHIN_DISTANCE);
        } else {
            concerns.push(MatchConcern::BeyondTravelDistance);
            penalty += CONCERN;
        }
    }
    Some(Fit {
        score: score + penalty,
        reasons,
        concerns,
    })
}

/// The pairs that are offered, best fit first; equal fits in the order of their keys.
pub fn rank<'a, K: Ord + Clone + 'a>(
    pairs: impl IntoIterator<Item = (K, &'a MatchProfile, &'a MatchOpening)>,
) -> Vec<(K, Fit)> {
    let mut ranked: Vec<(K, Fit)> = pairs
        .into_iter()
        .filter_map(|(key, p, o)| fit(p, o).map(|f| (key, f)))
        .collect();
    ranked.sort_by(|(ka, a), (kb, b)| b.score.cmp(&a.score).then_with(|| ka.cmp(kb)));
    ranked
}

/// The openings for one participant, best fit first.
pub fn rank_openings<'a, K: Ord + Clone + 'a>(
    participant: &'a MatchProfile,
    openings: &'a [(K, MatchOpening)],
) -> Vec<(K, Fit)> {
    rank(openings.iter().map(|(k, o)| (k.clone(), participant, o)))
}

/// The participants for one opening, best fit first.
pub fn rank_participants<'a, K: Ord + Clone + 'a>(
    opening: &'a MatchOpening,
    participants: &'a [(K, MatchProfile)],
) -> Vec<(K, Fit)> {
    rank(participants.iter().map(|(k, p)| (k.clone(), p, opening)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn area(text: &str) -> Option<PostcodeArea> {
        Some(PostcodeArea::parse(text).unwrap())
    }

    fn profile(ready_for: RouteStage, dutch: DutchLevel) -> MatchProfile {
        MatchProfile {
            ready_for,
            dutch_level: dutch,
            languages: vec![LanguageCode::parse("ar").unwrap()],
            competences: Competences {
                sectors_of_interest: vec![KnownSector::Care],
                work_sector: Some(KnownSector::Hospitality),
                hours_available: Some(24),
                travel_km: Some(20),
                postcode_area: area("3511"),
                ..Competences::default()
            },
        }
    }

    fn opening(kind: OpeningKind, sector: Option<KnownSector>) -> MatchOpening {
        MatchOpening {
            kind,
            dutch_level: None,
            sector,
            hours_per_week: None,
            postcode_area: area("3511"),
        }
    }

    #[test]
    fn a_participant_still_in_training_is_offered_visits_only() {
        let p = profile(RouteStage::Visit, DutchLevel::B1);
        let openings = [
            ("a-job", opening(OpeningKind::Job, Some(KnownSector::Care))),
            (
                "b-internship",
                opening(OpeningKind::Internship, Some(KnownSector::Care)),
            ),
            ("c-visit", opening(OpeningKind::CompanyVisit, None)),
        ];
        let ranked = rank_openings(&p, &openings);
        assert_eq!(
            ranked.iter().map(|(k, _)| *k).collect::<Vec<_>>(),
            ["c-visit"]
        );
        assert!(ranked[0].1.reasons.contains(&MatchReason::NextStepOnRoute));
    }

    #[test]
    fn a_participant_below_the_dutch_level_asked_for_is_never_offered_it() {
        let p = profile(RouteStage::Job, DutchLevel::A2);
        let mut asks_b1 = opening(OpeningKind::Internship, Some(KnownSector::Care));
        asks_b1.dutch_level = Some(DutchLevel::B1);
        assert_eq!(fit(&p, &asks_b1), None);
        let mut asks_a2 = asks_b1.clone();
        asks_a2.dutch_level = Some(DutchLevel::A2);
        assert!(
            fit(&p, &asks_a2)
                .unwrap()
                .reasons
                .contains(&MatchReason::DutchLevelMet)
        );
    }

    #[test]
    fn the_next_step_in_a_sector_of_interest_ranks_first() {
        let p = profile(RouteStage::Placement, DutchLevel::B1);
        let mut far = opening(OpeningKind::Internship, Some(KnownSector::Care));
        far.postcode_area = area("9711");
        let mut too_many_hours = opening(OpeningKind::Internship, Some(KnownSector::Care));
        too_many_hours.hours_per_week = Some(36);
        let mut fitting = opening(OpeningKind::Internship, Some(KnownSector::Care));
        fitting.hours_per_week = Some(24);
        let openings = [
            (
                "1-visit-care",
                opening(OpeningKind::CompanyVisit, Some(KnownSector::Care)),
            ),
            (
                "2-internship-retail",
                opening(OpeningKind::Internship, Some(KnownSector::Retail)),
            ),
            ("3-internship-care-far", far),
            ("4-internship-care-hours", too_many_hours),
            ("5-internship-care-fitting", fitting),
            (
                "6-job-care",
                opening(OpeningKind::Job, Some(KnownSector::Care)),
            ),
        ];
        let ranked = rank_openings(&p, &openings);
        let order: Vec<&str> = ranked.iter().map(|(k, _)| *k).collect();
        assert_eq!(
            order,
            [
                "5-internship-care-fitting",
                "4-internship-care-hours",
                "2-internship-retail",
                "3-internship-care-far",
                "1-visit-care",
            ]
        );
        let best = &ranked[0].1;
        assert_eq!(
            best.reasons,
            vec![
                MatchReason::NextStepOnRoute,
                MatchReason::SectorOfInterest,
                MatchReason::HoursFit,
                MatchReason::SamePostcodeArea,
            ]
        );
        assert!(best.concerns.is_empty());
        assert_eq!(
            ranked[1].1.concerns,
            vec![MatchConcern::MoreHoursThanAvailable]
        );
        assert_eq!(
            ranked[3].1.concerns,
            vec![MatchConcern::BeyondTravelDistance]
        );
        assert_eq!(ranked[0].1.score, 90);
    }

    #[test]
    fn experience_and_english_add_to_the_fit() {
        let mut p = profile(RouteStage::Job, DutchLevel::B2);
        let o = opening(OpeningKind::Job, Some(KnownSector::Hospitality));
        let before = fit(&p, &o).unwrap();
        assert!(before.reasons.contains(&MatchReason::ExperienceInSector));
        p.languages.push(LanguageCode::parse("en").unwrap());
        let after = fit(&p, &o).unwrap();
        assert!(after.reasons.contains(&MatchReason::SpeaksEnglish));
        assert!(after.score > before.score);
    }

    #[test]
    fn participants_for_an_opening_rank_by_the_same_fit() {
        let mut o = opening(OpeningKind::Internship, Some(KnownSector::Care));
        o.dutch_level = Some(DutchLevel::A2);
        let mut other_interest = profile(RouteStage::Placement, DutchLevel::B1);
        other_interest.competences.sectors_of_interest = vec![KnownSector::Retail];
        let participants = [
            ("p1-in-training", profile(RouteStage::Visit, DutchLevel::B1)),
            (
                "p2-no-dutch",
                profile(RouteStage::Placement, DutchLevel::A1),
            ),
            ("p3-other-interest", other_interest),
            ("p4-care", profile(RouteStage::Placement, DutchLevel::B1)),
        ];
        let ranked = rank_participants(&o, &participants);
        assert_eq!(
            ranked.iter().map(|(k, _)| *k).collect::<Vec<_>>(),
            ["p4-care", "p3-other-interest"]
        );
    }

    #[test]
    fn a_distance_is_estimated_from_the_postcode_areas() {
        let utrecht = area("3511").unwrap();
        assert_eq!(estimated_km(&utrecht, &utrecht), 0);
        assert_eq!(estimated_km(&utrecht, &area("3582").unwrap()), 10);
        assert_eq!(estimated_km(&utrecht, &area("3811").unwrap()), 40);
        assert_eq!(estimated_km(&utrecht, &area("9711").unwrap()), 100);
    }

    #[test]
    fn a_participant_ready_for_a_job_has_completed_training_and_an_internship() {
        assert_eq!(RouteStage::ready_for(false, false), RouteStage::Visit);
        assert_eq!(RouteStage::ready_for(false, true), RouteStage::Visit);
        assert_eq!(RouteStage::ready_for(true, false), RouteStage::Placement);
        assert_eq!(RouteStage::ready_for(true, true), RouteStage::Job);
    }
}
