//! The translation keys of the states and kinds shown on the company, internship, budget and
//! introduction screens: exhaustive matches, so a new state will not compile until it has a text.

use shared::{
    api::ConsentPurpose,
    rules::{
        budget::{ExpenseCategory, ExpenseDecision, ExpenseStatus},
        competences::{EducationLevel, KnownSector},
        events::EventKind,
        internship::{EvaluationMoment, Evaluator},
        introduction::IntroductionStatus,
        matching::{MatchConcern, MatchReason},
        openings::{OpeningKind, OpeningStatus, OrganisationKind},
    },
};

pub fn expense_category(category: ExpenseCategory) -> &'static str {
    match category {
        ExpenseCategory::Course => "expense-category-course",
        ExpenseCategory::Exam => "expense-category-exam",
        ExpenseCategory::Materials => "expense-category-materials",
        ExpenseCategory::Travel => "expense-category-travel",
        ExpenseCategory::Other => "expense-category-other",
    }
}

pub fn expense_status(status: ExpenseStatus) -> &'static str {
    match status {
        ExpenseStatus::Pending => "expense-status-pending",
        ExpenseStatus::Approved => "expense-status-approved",
        ExpenseStatus::Rejected => "expense-status-rejected",
        ExpenseStatus::Paid => "expense-status-paid",
    }
}

pub fn expense_decision(decision: ExpenseDecision) -> &'static str {
    match decision {
        ExpenseDecision::Approve => "expense-decision-approve",
        ExpenseDecision::Reject => "expense-decision-reject",
        ExpenseDecision::MarkPaid => "expense-decision-mark_paid",
    }
}

pub fn introduction_status(status: IntroductionStatus) -> &'static str {
    match status {
        IntroductionStatus::Proposed => "introduction-status-proposed",
        IntroductionStatus::Accepted => "introduction-status-accepted",
        IntroductionStatus::Declined => "introduction-status-declined",
        IntroductionStatus::MeetingHeld => "introduction-status-meeting_held",
        IntroductionStatus::Hired => "introduction-status-hired",
        IntroductionStatus::Enrolled => "introduction-status-enrolled",
        IntroductionStatus::Volunteering => "introduction-status-volunteering",
        IntroductionStatus::NotChosen => "introduction-status-not_chosen",
    }
}

/// The button that moves an introduction to the state.
pub fn introduction_action(status: IntroductionStatus) -> &'static str {
    match status {
        IntroductionStatus::Proposed => "introduction-to-proposed",
        IntroductionStatus::Accepted => "introduction-to-accepted",
        IntroductionStatus::Declined => "introduction-to-declined",
        IntroductionStatus::MeetingHeld => "introduction-to-meeting_held",
        IntroductionStatus::Hired => "introduction-to-hired",
        IntroductionStatus::Enrolled => "introduction-to-enrolled",
        IntroductionStatus::Volunteering => "introduction-to-volunteering",
        IntroductionStatus::NotChosen => "introduction-to-not_chosen",
    }
}

pub fn evaluation_moment(moment: EvaluationMoment) -> &'static str {
    match moment {
        EvaluationMoment::Midterm => "evaluation-moment-midterm",
        EvaluationMoment::Final => "evaluation-moment-final",
    }
}

pub fn evaluator(evaluator: Evaluator) -> &'static str {
    match evaluator {
        Evaluator::Supervisor => "evaluator-supervisor",
        Evaluator::Coach => "evaluator-coach",
    }
}

pub fn consent_purpose(purpose: ConsentPurpose) -> &'static str {
    match purpose {
        ConsentPurpose::IntroductionProfile => "consent-purpose-introduction_profile",
        ConsentPurpose::MunicipalityResults => "consent-purpose-municipality_results",
    }
}

/// A value chosen in a form by its stable name, as in JSON.
pub fn pick<T: Copy>(table: &[(T, &'static str)], name: &str) -> Option<T> {
    table
        .iter()
        .find(|(_, n)| *n == name)
        .map(|(value, _)| *value)
}

/// The stable name of a value of `table`.
pub fn name_in<T: Copy + PartialEq>(table: &[(T, &'static str)], value: T) -> &'static str {
    table
        .iter()
        .find(|(v, _)| *v == value)
        .map_or("", |(_, name)| *name)
}

pub const ORGANISATION_KINDS: [(OrganisationKind, &str); 3] = [
    (OrganisationKind::Company, "company"),
    (OrganisationKind::School, "school"),
    (
        OrganisationKind::VolunteerOrganisation,
        "volunteer_organisation",
    ),
];

pub const OPENING_KINDS: [(OpeningKind, &str); 5] = [
    (OpeningKind::CompanyVisit, "company_visit"),
    (OpeningKind::Internship, "internship"),
    (OpeningKind::Job, "job"),
    (OpeningKind::Volunteer, "volunteer"),
    (OpeningKind::Education, "education"),
];

pub const OPENING_STATUSES: [OpeningStatus; 4] = [
    OpeningStatus::Draft,
    OpeningStatus::Open,
    OpeningStatus::Filled,
    OpeningStatus::Closed,
];

pub const CONSENT_PURPOSES: [(ConsentPurpose, &str); 2] = [
    (ConsentPurpose::IntroductionProfile, "introduction_profile"),
    (ConsentPurpose::MunicipalityResults, "municipality_results"),
];

pub const EVALUATION_MOMENTS: [(EvaluationMoment, &str); 2] = [
    (EvaluationMoment::Midterm, "midterm"),
    (EvaluationMoment::Final, "final"),
];

/// The button that moves an opening to the state.
pub fn opening_action(status: OpeningStatus) -> &'static str {
    match status {
        OpeningStatus::Draft => "opening-to-draft",
        OpeningStatus::Open => "opening-to-open",
        OpeningStatus::Filled => "opening-to-filled",
        OpeningStatus::Closed => "opening-to-closed",
    }
}

pub fn event_kind(kind: EventKind) -> &'static str {
    match kind {
        EventKind::ExpertMeeting => "event-kind-expert_meeting",
        EventKind::SupervisorTraining => "event-kind-supervisor_training",
        EventKind::GoodPracticeSession => "event-kind-good_practice_session",
    }
}

pub const EVENT_KINDS: [(EventKind, &str); 3] = [
    (EventKind::ExpertMeeting, "expert_meeting"),
    (EventKind::SupervisorTraining, "supervisor_training"),
    (EventKind::GoodPracticeSession, "good_practice_session"),
];

/// Why a suggestion fits, in words.
pub fn match_reason(reason: MatchReason) -> &'static str {
    match reason {
        MatchReason::NextStepOnRoute => "match-reason-next_step_on_route",
        MatchReason::SectorOfInterest => "match-reason-sector_of_interest",
        MatchReason::ExperienceInSector => "match-reason-experience_in_sector",
        MatchReason::DutchLevelMet => "match-reason-dutch_level_met",
        MatchReason::SpeaksEnglish => "match-reason-speaks_english",
        MatchReason::HoursFit => "match-reason-hours_fit",
        MatchReason::SamePostcodeArea => "match-reason-same_postcode_area",
        MatchReason::WithinTravelDistance => "match-reason-within_travel_distance",
    }
}

/// What speaks against a suggestion, in words.
pub fn match_concern(concern: MatchConcern) -> &'static str {
    match concern {
        MatchConcern::MoreHoursThanAvailable => "match-concern-more_hours_than_available",
        MatchConcern::BeyondTravelDistance => "match-concern-beyond_travel_distance",
    }
}

pub fn education_level(level: EducationLevel) -> &'static str {
    match level {
        EducationLevel::None => "education-level-none",
        EducationLevel::Primary => "education-level-primary",
        EducationLevel::Secondary => "education-level-secondary",
        EducationLevel::Vocational => "education-level-vocational",
        EducationLevel::Bachelor => "education-level-bachelor",
        EducationLevel::Master => "education-level-master",
        EducationLevel::Doctorate => "education-level-doctorate",
    }
}

pub const EDUCATION_LEVELS: [(EducationLevel, &str); 7] = [
    (EducationLevel::None, "none"),
    (EducationLevel::Primary, "primary"),
    (EducationLevel::Secondary, "secondary"),
    (EducationLevel::Vocational, "vocational"),
    (EducationLevel::Bachelor, "bachelor"),
    (EducationLevel::Master, "master"),
    (EducationLevel::Doctorate, "doctorate"),
];

pub fn sector(sector: KnownSector) -> &'static str {
    match sector {
        KnownSector::Agriculture => "sector-agriculture",
        KnownSector::Care => "sector-care",
        KnownSector::Cleaning => "sector-cleaning",
        KnownSector::Construction => "sector-construction",
        KnownSector::Creative => "sector-creative",
        KnownSector::Education => "sector-education",
        KnownSector::FinanceAndAdministration => "sector-finance_and_administration",
        KnownSector::Hospitality => "sector-hospitality",
        KnownSector::Ict => "sector-ict",
        KnownSector::Logistics => "sector-logistics",
        KnownSector::Manufacturing => "sector-manufacturing",
        KnownSector::PublicService => "sector-public_service",
        KnownSector::Retail => "sector-retail",
        KnownSector::Technical => "sector-technical",
        KnownSector::Transport => "sector-transport",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, with_catalog};

    #[test]
    fn the_names_of_the_choices_are_those_of_the_json() {
        for (kind, name) in OPENING_KINDS {
            assert_eq!(serde_json::to_value(kind).unwrap(), name);
            assert_eq!(pick(&OPENING_KINDS, name), Some(kind));
        }
        for (kind, name) in ORGANISATION_KINDS {
            assert_eq!(serde_json::to_value(kind).unwrap(), name);
        }
        for (purpose, name) in CONSENT_PURPOSES {
            assert_eq!(serde_json::to_value(purpose).unwrap(), name);
        }
        for (moment, name) in EVALUATION_MOMENTS {
            assert_eq!(serde_json::to_value(moment).unwrap(), name);
            assert_eq!(name_in(&EVALUATION_MOMENTS, moment), name);
        }
        for (kind, name) in EVENT_KINDS {
            assert_eq!(serde_json::to_value(kind).unwrap(), name);
            assert_eq!(pick(&EVENT_KINDS, name), Some(kind));
        }
        for (level, name) in EDUCATION_LEVELS {
            assert_eq!(serde_json::to_value(level).unwrap(), name);
        }
        assert_eq!(EDUCATION_LEVELS.len(), EducationLevel::ALL.len());
        assert_eq!(pick(&OPENING_KINDS, "nothing"), None);
    }

    /// The keys these screens name other than as the argument of `I18n::t` (which the i18n
    /// tests scan): through a local helper `t`, a page's `title`, or a notice passed on with
    /// `run`.
    #[test]
    fn every_key_named_by_these_screens_has_a_text_in_every_language() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let files = [
            "pages/companies/agreement.rs",
            "pages/companies/event.rs",
            "pages/companies/events.rs",
            "pages/companies/people.rs",
            "pages/companies/suggested.rs",
            "pages/companies/internship.rs",
            "pages/companies/introductions.rs",
            "pages/companies/mod.rs",
            "pages/companies/opening.rs",
            "pages/companies/opening_form.rs",
            "pages/companies/openings.rs",
            "pages/companies/organisation.rs",
            "pages/companies/organisation_form.rs",
            "pages/companies/organisations.rs",
            "pages/participants/budget.rs",
            "pages/participants/competences.rs",
            "pages/participants/suggestions.rs",
            "pages/participants/consent.rs",
            "pages/participants/internships.rs",
            "pages/participants/introductions.rs",
            "components/form.rs",
        ];
        let mut found = 0;
        for file in files {
            let source = std::fs::read_to_string(root.join(file)).expect("a source file");
            for marker in [
                "t(\"",
                "text(\"",
                "title=\"",
                "run(\"",
                "Some(\"",
                "(\"agreement-sign-",
                "(\"evaluation-",
            ] {
                for (at, _) in source.match_indices(marker) {
                    let before = source[..at].chars().next_back().unwrap_or(' ');
                    if before.is_alphanumeric() || before == '_' {
                        continue;
                    }
                    let start = at + marker.len();
                    let rest = &source[start..];
                    let Some(end) = rest.find('"') else { continue };
                    let prefix = marker
                        .strip_prefix('(')
                        .map_or("", |m| m.trim_start_matches('"'));
                    let key = format!("{prefix}{}", &rest[..end]);
                    let key = key.trim_start_matches('"');
                    if key.is_empty() || !key.contains('-') || key.contains(' ') {
                        continue;
                    }
                    found += 1;
                    for lang in Lang::ALL {
                        assert!(
                            with_catalog(lang, |c| c.has(key)),
                            "{}: {key} ({file})",
                            lang.code()
                        );
                    }
                }
            }
        }
        assert!(found > 100, "the key scan found too little: {found}");
    }

    #[test]
    fn every_state_and_kind_of_these_screens_has_a_text_in_every_language() {
        let mut keys: Vec<&str> = Vec::new();
        keys.extend(ExpenseCategory::ALL.map(expense_category));
        keys.extend(ExpenseStatus::ALL.map(expense_status));
        keys.extend(ExpenseDecision::ALL.map(expense_decision));
        keys.extend(IntroductionStatus::ALL.map(introduction_status));
        keys.extend(IntroductionStatus::ALL.map(introduction_action));
        keys.extend(EVALUATION_MOMENTS.map(|(m, _)| evaluation_moment(m)));
        keys.extend([Evaluator::Supervisor, Evaluator::Coach].map(evaluator));
        keys.extend(CONSENT_PURPOSES.map(|(p, _)| consent_purpose(p)));
        keys.extend(OPENING_STATUSES.map(opening_action));
        keys.extend(EVENT_KINDS.map(|(k, _)| event_kind(k)));
        keys.extend(EDUCATION_LEVELS.map(|(l, _)| education_level(l)));
        keys.extend(KnownSector::ALL.map(sector));
        keys.extend(
            [
                MatchReason::NextStepOnRoute,
                MatchReason::SectorOfInterest,
                MatchReason::ExperienceInSector,
                MatchReason::DutchLevelMet,
                MatchReason::SpeaksEnglish,
                MatchReason::HoursFit,
                MatchReason::SamePostcodeArea,
                MatchReason::WithinTravelDistance,
            ]
            .map(match_reason),
        );
        keys.extend(
            [
                MatchConcern::MoreHoursThanAvailable,
                MatchConcern::BeyondTravelDistance,
            ]
            .map(match_concern),
        );
        for lang in Lang::ALL {
            for key in &keys {
                assert!(with_catalog(lang, |c| c.has(key)), "{}: {key}", lang.code());
            }
        }
    }
}
