//! A participant's file: profile, plan, contacts, route, internships, budget, introductions,
//! outcomes and consent.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{
    ids::{
        ActionId, CohortId, ConsentId, ContactId, ExpenseId, GoalId, InternshipId, IntroductionId,
        MunicipalityId, OpeningId, OrganisationId, OutcomeId, ParticipantId, UserId,
    },
    route::Route,
    rules::{
        budget::{ExpenseCategory, ExpenseDecision, ExpenseStatus},
        contact::ContactKind,
        internship::{self, EvaluationMoment, Evaluator, InternshipProgress},
        introduction::IntroductionStatus,
        outcome::{ContractKind, OutcomeKind},
        placement::{self, PlacementKind, PlacementLimits},
        plan::{ActionOwner, GoalStatus},
    },
    settings::ProgrammeSettings,
    values::{BoundedText, DutchLevel, Email, LadderRung, LanguageCode, PersonName, Phone},
    violation::{ViolationKind, Violations},
};

pub use crate::rules::{
    budget::ExpenseInput, contact::ContactInput, internship::EvaluationInput,
    outcome::FollowUpInput, outcome::OutcomeInput, plan::ActionInput, plan::GoalInput,
};

/// `POST /participants`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct ParticipantInput {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    /// Optional.
    pub phone: String,
    /// ISO 639-1 codes, at least one.
    pub languages: Vec<String>,
    pub dutch_level: Option<DutchLevel>,
    pub municipality_id: Option<MunicipalityId>,
    pub cohort_id: Option<CohortId>,
    pub coach_id: Option<UserId>,
    pub ladder_rung_at_intake: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidParticipant {
    pub first_name: PersonName,
    pub last_name: PersonName,
    pub email: Email,
    pub phone: Option<Phone>,
    pub languages: Vec<LanguageCode>,
    pub dutch_level: DutchLevel,
    pub municipality_id: MunicipalityId,
    pub cohort_id: Option<CohortId>,
    pub coach_id: Option<UserId>,
    pub ladder_rung_at_intake: LadderRung,
}

/// Most languages one participant lists.
pub const MAX_LANGUAGES: u32 = 10;

impl ParticipantInput {
    pub fn validate(&self) -> Result<ValidParticipant, Violations> {
        let mut v = Violations::new();
        let first_name = v.check("first_name", PersonName::parse(&self.first_name));
        let last_name = v.check("last_name", PersonName::parse(&self.last_name));
        let email = v.check("email", Email::parse(&self.email));
        let phone = if self.phone.trim().is_empty() {
            Some(None)
        } else {
            v.check("phone", Phone::parse(&self.phone)).map(Some)
        };
        let mut languages = Vec::new();
        if self.languages.is_empty() {
            v.push("languages", ViolationKind::Required {});
        } else if self.languages.len() > MAX_LANGUAGES as usize {
            v.push("languages", ViolationKind::TooLong { max: MAX_LANGUAGES });
        }
        for (i, code) in self.languages.iter().enumerate() {
            if let Some(code) = v.check(&format!("languages.{i}"), LanguageCode::parse(code))
                && !languages.contains(&code)
            {
                languages.push(code);
            }
        }
        if self.dutch_level.is_none() {
            v.push("dutch_level", ViolationKind::Required {});
        }
        if self.municipality_id.is_none() {
            v.push("municipality_id", ViolationKind::Required {});
        }
        let rung = match self.ladder_rung_at_intake {
            None => {
                v.push("ladder_rung_at_intake", ViolationKind::Required {});
                None
            }
            Some(n) => v.check("ladder_rung_at_intake", LadderRung::new(n)),
        };
        match (
            first_name,
            last_name,
            email,
            phone,
            self.dutch_level,
            self.municipality_id.clone(),
            rung,
        ) {
            (
                Some(first_name),
                Some(last_name),
                Some(email),
                Some(phone),
                Some(dutch_level),
                Some(municipality_id),
                Some(ladder_rung_at_intake),
            ) if v.is_empty() => Ok(ValidParticipant {
                first_name,
                last_name,
                email,
                phone,
                languages,
                dutch_level,
                municipality_id,
                cohort_id: self.cohort_id.clone(),
                coach_id: self.coach_id.clone(),
                ladder_rung_at_intake,
            }),
            _ => Err(v),
        }
    }
}

/// `PATCH /participants/{id}`: the fields to change, with the version the change started from.
/// A field left out (or `null`, unless said otherwise) keeps its stored value.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ParticipantPatch {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// An empty text removes the phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// The whole list, replacing the stored one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub languages: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dutch_level: Option<DutchLevel>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub municipality_id: Option<MunicipalityId>,
    /// `null` takes the participant out of their cohort.
    #[serde(
        default,
        deserialize_with = "super::nullable",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<CohortId>))]
    pub cohort_id: Option<Option<CohortId>>,
    /// `null` leaves the participant without a coach.
    #[serde(
        default,
        deserialize_with = "super::nullable",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<UserId>))]
    pub coach_id: Option<Option<UserId>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ladder_rung_at_intake: Option<i64>,
    pub version: i64,
}

impl ParticipantPatch {
    /// The whole profile as edited in a form: every field is sent, so the profile becomes `input`.
    pub fn whole(input: ParticipantInput, version: i64) -> Self {
        ParticipantPatch {
            first_name: Some(input.first_name),
            last_name: Some(input.last_name),
            email: Some(input.email),
            phone: Some(input.phone),
            languages: Some(input.languages),
            dutch_level: input.dutch_level,
            municipality_id: input.municipality_id,
            cohort_id: Some(input.cohort_id),
            coach_id: Some(input.coach_id),
            ladder_rung_at_intake: input.ladder_rung_at_intake,
            version,
        }
    }

    /// The stored profile with this patch's fields in place of its own.
    pub fn merge_over(self, stored: ParticipantInput) -> ParticipantInput {
        ParticipantInput {
            first_name: self.first_name.unwrap_or(stored.first_name),
            last_name: self.last_name.unwrap_or(stored.last_name),
            email: self.email.unwrap_or(stored.email),
            phone: self.phone.unwrap_or(stored.phone),
            languages: self.languages.unwrap_or(stored.languages),
            dutch_level: self.dutch_level.or(stored.dutch_level),
            municipality_id: self.municipality_id.or(stored.municipality_id),
            cohort_id: self.cohort_id.unwrap_or(stored.cohort_id),
            coach_id: self.coach_id.unwrap_or(stored.coach_id),
            ladder_rung_at_intake: self.ladder_rung_at_intake.or(stored.ladder_rung_at_intake),
        }
    }
}

impl From<&ParticipantDetail> for ParticipantInput {
    /// The stored profile as a form would send it.
    fn from(d: &ParticipantDetail) -> Self {
        ParticipantInput {
            first_name: d.first_name.clone(),
            last_name: d.last_name.clone(),
            email: d.email.as_str().to_owned(),
            phone: d
                .phone
                .as_ref()
                .map(|p| p.as_str().to_owned())
                .unwrap_or_default(),
            languages: d.languages.iter().map(|l| l.as_str().to_owned()).collect(),
            dutch_level: Some(d.dutch_level),
            municipality_id: Some(d.municipality_id.clone()),
            cohort_id: d.cohort_id.clone(),
            coach_id: d.coach_id.clone(),
            ladder_rung_at_intake: Some(i64::from(d.ladder_rung_at_intake.get())),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ParticipantSummary {
    pub id: ParticipantId,
    pub version: i64,
    pub first_name: String,
    pub last_name: String,
    pub cohort_id: Option<CohortId>,
    pub coach_id: Option<UserId>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ParticipantDetail {
    pub id: ParticipantId,
    pub version: i64,
    pub first_name: String,
    pub last_name: String,
    pub email: Email,
    pub phone: Option<Phone>,
    pub languages: Vec<LanguageCode>,
    pub dutch_level: DutchLevel,
    pub municipality_id: MunicipalityId,
    pub cohort_id: Option<CohortId>,
    pub coach_id: Option<UserId>,
    pub ladder_rung_at_intake: LadderRung,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActionDetail {
    pub id: ActionId,
    pub version: i64,
    pub goal_id: GoalId,
    pub text: String,
    pub due_date: Option<NaiveDate>,
    pub owner: ActionOwner,
    pub done: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GoalDetail {
    pub id: GoalId,
    pub version: i64,
    pub title: String,
    pub target_date: Option<NaiveDate>,
    pub status: GoalStatus,
    pub actions: Vec<ActionDetail>,
}

/// `PATCH /goals/{id}`: the fields to change; a field left out (or `null`, unless said
/// otherwise) keeps its stored value.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GoalPatch {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// `null` removes the target date.
    #[serde(
        default,
        deserialize_with = "super::nullable",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<NaiveDate>))]
    pub target_date: Option<Option<NaiveDate>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<GoalStatus>,
    pub version: i64,
}

impl GoalPatch {
    /// The whole goal as edited in a form: the goal becomes `input` (a status left empty keeps
    /// the stored one).
    pub fn whole(input: GoalInput, version: i64) -> Self {
        GoalPatch {
            title: Some(input.title),
            target_date: Some(input.target_date),
            status: input.status,
            version,
        }
    }

    /// The stored goal with this patch's fields in place of its own.
    pub fn merge_over(self, stored: GoalInput) -> GoalInput {
        GoalInput {
            title: self.title.unwrap_or(stored.title),
            target_date: self.target_date.unwrap_or(stored.target_date),
            status: self.status.or(stored.status),
        }
    }
}

impl From<&GoalDetail> for GoalInput {
    fn from(d: &GoalDetail) -> Self {
        GoalInput {
            title: d.title.clone(),
            target_date: d.target_date,
            status: Some(d.status),
        }
    }
}

/// `PATCH /actions/{id}`: a participant sends only `done`; a coach may change the rest too. A
/// field left out (or `null`, unless said otherwise) keeps its stored value.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActionPatch {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// `null` removes the due date.
    #[serde(
        default,
        deserialize_with = "super::nullable",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<NaiveDate>))]
    pub due_date: Option<Option<NaiveDate>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<ActionOwner>,
    pub version: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ContactDetail {
    pub id: ContactId,
    pub version: i64,
    pub date: NaiveDate,
    pub kind: ContactKind,
    pub minutes: u32,
    /// Coaches and coordinators only: absent for anyone else.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub summary: String,
}

/// How the participant reaches their coach.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CoachContact {
    pub first_name: String,
    pub email: Option<Email>,
    pub phone: Option<Phone>,
}

/// The next meeting of the participant's cohort.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NextMeeting {
    pub number: crate::rules::training::MeetingNumber,
    pub theme: crate::rules::training::Theme,
    pub date: NaiveDate,
    pub start_time: Option<String>,
    pub place: Option<String>,
}

/// `GET /participants/{id}/route`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RouteResponse {
    pub participant_id: ParticipantId,
    pub first_name: String,
    pub route: Route,
    pub next_meeting: Option<NextMeeting>,
    pub coach: Option<CoachContact>,
    /// Open actions the participant may tick off.
    pub open_actions: Vec<ActionDetail>,
}

/// `POST /participants/{id}/internships`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct InternshipInput {
    pub organisation_id: Option<OrganisationId>,
    pub opening_id: Option<OpeningId>,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub hours_per_week: Option<u32>,
    pub supervisor_name: String,
    /// The legal kind; a stage when left out.
    pub kind: PlacementKind,
    /// A proefplaats needs the municipality's consent.
    pub municipal_consent: bool,
    /// Monthly expense allowance or pay, in cents; a stage gets at most the allowance.
    pub monthly_allowance_cents: i64,
}

/// What the placement rules need from the participant's file and the municipality.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlacementContext {
    pub limits: PlacementLimits,
    /// Learning goals of the plan that are not dropped.
    pub learning_goals: u32,
    pub date_of_birth: Option<NaiveDate>,
    /// Days of the participant's other placements with benefit, cancelled ones aside.
    pub earlier_benefit_days: i64,
}

impl InternshipInput {
    /// The placement rules of the kind (`rules::placement::check_placement`), once the dates and
    /// hours are there; nothing otherwise (those are refused by [`InternshipInput::validate`]).
    pub fn check_placement(&self, context: &PlacementContext) -> Violations {
        let (Some(start), Some(end), Some(hours)) =
            (self.start_date, self.end_date, self.hours_per_week)
        else {
            return Violations::new();
        };
        placement::check_placement(
            &placement::PlacementFacts {
                kind: self.kind,
                start,
                end,
                extended: false,
                hours_per_week: hours,
                learning_goals: context.learning_goals,
                supervisor_named: !self.supervisor_name.trim().is_empty(),
                municipal_consent: self.municipal_consent,
                monthly_allowance_cents: self.monthly_allowance_cents,
                date_of_birth: context.date_of_birth,
                earlier_benefit_days: context.earlier_benefit_days,
            },
            &context.limits,
        )
    }

    /// An organisation, the internship window and hours, and a supervisor's name. Whether the
    /// training is complete and the period is free is checked against stored state with
    /// `rules::internship::check_plan`.
    pub fn validate(&self, settings: &ProgrammeSettings) -> Result<(), Violations> {
        let mut v = Violations::new();
        if self.organisation_id.is_none() {
            v.push("organisation_id", ViolationKind::Required {});
        }
        v.0.extend(internship::validate_window(
            self.start_date,
            self.end_date,
            self.hours_per_week,
            settings,
        ));
        v.check("supervisor_name", PersonName::parse(&self.supervisor_name));
        v.into_result(())
    }
}

/// `POST /internships/{id}/absence`: hours of absence to add to the internship's record.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct AbsenceInput {
    /// Whole hours, 1..=200.
    pub hours: Option<i64>,
    pub version: Option<i64>,
}

/// `PATCH /internships/{id}`: extend (coordinator) or cancel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum InternshipPatch {
    Extend { end_date: NaiveDate, version: i64 },
    Cancel { version: i64 },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EvaluationDetail {
    pub moment: EvaluationMoment,
    pub evaluator: Evaluator,
    pub punctuality: u8,
    pub cooperation: u8,
    pub dutch_at_work: u8,
    pub professional_skills: u8,
    pub remarks: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InternshipDetail {
    pub id: InternshipId,
    pub version: i64,
    pub participant_id: ParticipantId,
    /// For the agreement: the intern's name.
    pub participant_first_name: String,
    pub participant_last_name: String,
    /// For the agreement: the goals of the action plan that are not dropped.
    pub learning_goals: Vec<String>,
    pub organisation_id: OrganisationId,
    pub organisation_name: String,
    pub opening_id: Option<OpeningId>,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub original_end_date: NaiveDate,
    pub hours_per_week: u32,
    pub supervisor_name: String,
    pub extended: bool,
    pub cancelled: bool,
    pub progress: InternshipProgress,
    pub kind: PlacementKind,
    pub municipal_consent: bool,
    pub monthly_allowance_cents: i64,
    /// Recorded absence, in whole hours.
    pub absence_hours: u32,
    /// Warnings where the law leaves room (a missing midterm evaluation, a review due).
    pub warnings: Violations,
    pub evaluations: Vec<EvaluationDetail>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ExpenseDetail {
    pub id: ExpenseId,
    pub version: i64,
    pub category: ExpenseCategory,
    pub amount_cents: i64,
    pub description: String,
    pub status: ExpenseStatus,
    pub requested_on: NaiveDate,
}

/// `GET /participants/{id}/expenses`: the requests and the bar above them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BudgetOverview {
    pub cap_cents: i64,
    pub used_cents: i64,
    pub remaining_cents: i64,
    pub expenses: Vec<ExpenseDetail>,
}

/// `POST /expenses/{id}/decision`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ExpenseDecisionInput {
    pub decision: ExpenseDecision,
    pub version: i64,
}

/// A motivation for an introduction: 10..=1000 characters.
pub type Motivation = BoundedText<10, 1000>;

/// `POST /participants/{id}/introductions`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct IntroductionInput {
    pub organisation_id: Option<OrganisationId>,
    pub opening_id: Option<OpeningId>,
    pub motivation: String,
}

impl IntroductionInput {
    pub fn validate(&self) -> Result<Motivation, Violations> {
        let mut v = Violations::new();
        if self.organisation_id.is_none() {
            v.push("organisation_id", ViolationKind::Required {});
        }
        let motivation = v.check("motivation", Motivation::parse(&self.motivation));
        match motivation {
            Some(m) if v.is_empty() => Ok(m),
            Some(_) | None => Err(v),
        }
    }
}

/// `PATCH /introductions/{id}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IntroductionPatch {
    pub status: IntroductionStatus,
    pub version: i64,
}

/// What an organisation sees of an introduced participant: only what was consented to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SharedProfile {
    pub first_name: String,
    pub languages: Vec<LanguageCode>,
    pub dutch_level: DutchLevel,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IntroductionDetail {
    pub id: IntroductionId,
    pub version: i64,
    pub organisation_id: OrganisationId,
    pub organisation_name: String,
    pub opening_id: Option<OpeningId>,
    pub motivation: String,
    pub status: IntroductionStatus,
    /// For the organisation: the consented profile. `None` when consent was withdrawn.
    pub participant: Option<SharedProfile>,
    /// For the coach, coordinator and the participant themself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub participant_id: Option<ParticipantId>,
    /// The proposal waits for the participant's consent to share their profile with the
    /// organisation; until then the organisation does not see it.
    #[serde(default)]
    pub waiting_for_consent: bool,
}

/// `POST /outcomes/{id}/follow-up`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FollowUpPatch {
    #[serde(flatten)]
    pub follow_up: FollowUpInput,
    pub version: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FollowUpDetail {
    pub date: NaiveDate,
    pub lasted: bool,
    pub ladder_rung: LadderRung,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OutcomeDetail {
    pub id: OutcomeId,
    pub version: i64,
    pub kind: OutcomeKind,
    pub date: NaiveDate,
    pub hours_per_week: Option<u32>,
    pub contract: Option<ContractKind>,
    pub reason: Option<String>,
    /// The participation-ladder rung at exit (absent for outcomes recorded before it was asked).
    pub ladder_rung: Option<LadderRung>,
    pub follow_up_due: NaiveDate,
    pub follow_up: Option<FollowUpDetail>,
}

/// What a consent is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "sqlx", derive(sqlx::Type), sqlx(rename_all = "snake_case"))]
pub enum ConsentPurpose {
    /// Share first name, languages, Dutch level and the motivation with an organisation for an
    /// introduction.
    IntroductionProfile,
    /// Count the participant's results in the municipality's reports.
    MunicipalityResults,
}

/// `POST /participants/{id}/consents`: give or withdraw.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ConsentInput {
    pub purpose: ConsentPurpose,
    /// The organisation, for an introduction profile.
    pub organisation_id: Option<OrganisationId>,
    /// The municipality, for results.
    pub municipality_id: Option<MunicipalityId>,
    pub given: bool,
}

impl ConsentInput {
    /// The recipient the purpose needs.
    pub fn validate(&self) -> Result<(), Violations> {
        let mut v = Violations::new();
        match self.purpose {
            ConsentPurpose::IntroductionProfile if self.organisation_id.is_none() => {
                v.push("organisation_id", ViolationKind::Required {})
            }
            ConsentPurpose::MunicipalityResults if self.municipality_id.is_none() => {
                v.push("municipality_id", ViolationKind::Required {})
            }
            ConsentPurpose::IntroductionProfile | ConsentPurpose::MunicipalityResults => {}
        }
        v.into_result(())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ConsentDetail {
    pub id: ConsentId,
    pub version: i64,
    pub purpose: ConsentPurpose,
    pub organisation_id: Option<OrganisationId>,
    pub municipality_id: Option<MunicipalityId>,
    pub recipient_name: String,
    pub given: bool,
    pub changed_on: NaiveDate,
    /// Who gave or withdrew it last.
    #[serde(default)]
    pub given_by: ConsentGiver,
    /// Given by the coach on the participant's behalf: the participant is asked to confirm it.
    #[serde(default)]
    pub needs_confirmation: bool,
}

/// Who changed a consent: the participant, or their coach on their behalf.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "sqlx", derive(sqlx::Type), sqlx(rename_all = "snake_case"))]
pub enum ConsentGiver {
    #[default]
    Participant,
    Coach,
}

impl ConsentGiver {
    /// A consent given by a coach waits for the participant's confirmation.
    pub fn needs_confirmation(self, given: bool) -> bool {
        given && self == ConsentGiver::Coach
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn participant() -> ParticipantInput {
        ParticipantInput {
            first_name: "Amal".into(),
            last_name: "Haddad".into(),
            email: "amal@example.org".into(),
            phone: String::new(),
            languages: vec!["ar".into(), "en".into()],
            dutch_level: Some(DutchLevel::A2),
            municipality_id: Some(MunicipalityId::parse("m1").unwrap()),
            cohort_id: None,
            coach_id: None,
            ladder_rung_at_intake: Some(2),
        }
    }

    #[test]
    fn a_participant_with_every_required_field_is_accepted() {
        let valid = participant().validate().unwrap();
        assert_eq!(valid.languages.len(), 2);
        assert!(valid.phone.is_none());
    }

    #[test]
    fn an_empty_participant_lists_every_required_field() {
        let err = ParticipantInput::default().validate().unwrap_err();
        let fields: Vec<&str> = err.iter().map(|v| v.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "first_name",
                "last_name",
                "email",
                "languages",
                "dutch_level",
                "municipality_id",
                "ladder_rung_at_intake"
            ]
        );
    }

    #[test]
    fn an_unknown_language_is_reported_at_its_position() {
        let err = ParticipantInput {
            languages: vec!["ar".into(), "xx".into()],
            ..participant()
        }
        .validate()
        .unwrap_err();
        assert_eq!(err.0[0].field, "languages.1");
    }

    #[test]
    fn a_ladder_rung_of_7_is_out_of_range() {
        let err = ParticipantInput {
            ladder_rung_at_intake: Some(7),
            ..participant()
        }
        .validate()
        .unwrap_err();
        assert_eq!(err.0[0].kind, ViolationKind::OutOfRange { min: 1, max: 6 });
    }

    #[test]
    fn a_patch_carries_the_profile_and_its_version_side_by_side() {
        let patch: ParticipantPatch = serde_json::from_value(serde_json::json!({
            "first_name": "Amal", "last_name": "Haddad", "email": "amal@example.org", "phone": "",
            "languages": ["ar"], "dutch_level": "B1", "municipality_id": "m1", "cohort_id": null,
            "coach_id": null, "ladder_rung_at_intake": 3, "version": 4
        }))
        .unwrap();
        assert_eq!(patch.version, 4);
        assert_eq!(patch.dutch_level, Some(DutchLevel::B1));
        // A `null` cohort and coach are sent, so they clear; a whole profile reads back whole.
        assert_eq!(patch.cohort_id, Some(None));
        assert_eq!(patch.coach_id, Some(None));
    }

    #[test]
    fn a_patch_of_one_field_keeps_every_other_field_of_the_stored_profile() {
        let patch: ParticipantPatch =
            serde_json::from_value(serde_json::json!({"phone": "0612345678", "version": 2}))
                .unwrap();
        let stored = ParticipantInput {
            cohort_id: Some(CohortId::parse("c1").unwrap()),
            coach_id: Some(UserId::parse("u1").unwrap()),
            ..participant()
        };
        let merged = patch.merge_over(stored.clone());
        assert_eq!(
            merged,
            ParticipantInput {
                phone: "0612345678".into(),
                ..stored
            }
        );
    }

    #[test]
    fn null_clears_a_cohort_but_is_as_if_left_out_for_a_dutch_level() {
        let patch: ParticipantPatch = serde_json::from_value(serde_json::json!({
            "cohort_id": null, "dutch_level": null, "version": 2
        }))
        .unwrap();
        let stored = ParticipantInput {
            cohort_id: Some(CohortId::parse("c1").unwrap()),
            ..participant()
        };
        let merged = patch.merge_over(stored.clone());
        assert_eq!(merged.cohort_id, None);
        assert_eq!(merged.dutch_level, stored.dutch_level);
    }

    #[test]
    fn a_whole_profile_sent_as_a_patch_becomes_the_profile() {
        let input = ParticipantInput {
            phone: String::new(),
            cohort_id: None,
            ..participant()
        };
        let stored = ParticipantInput {
            phone: "0612345678".into(),
            cohort_id: Some(CohortId::parse("c1").unwrap()),
            first_name: "Other".into(),
            ..participant()
        };
        let patch = ParticipantPatch::whole(input.clone(), 3);
        let json = serde_json::to_value(&patch).unwrap();
        assert_eq!(json["cohort_id"], serde_json::Value::Null);
        let read: ParticipantPatch = serde_json::from_value(json).unwrap();
        assert_eq!(read, patch);
        assert_eq!(read.merge_over(stored), input);
    }

    #[test]
    fn a_goal_patch_of_only_a_status_keeps_the_title_and_null_clears_the_target_date() {
        let stored = GoalInput {
            title: "Taal leren".into(),
            target_date: NaiveDate::from_ymd_opt(2026, 6, 1),
            status: Some(GoalStatus::Open),
        };
        let only_status: GoalPatch =
            serde_json::from_value(serde_json::json!({"status": "reached", "version": 1})).unwrap();
        assert_eq!(
            only_status.merge_over(stored.clone()),
            GoalInput {
                status: Some(GoalStatus::Reached),
                ..stored.clone()
            }
        );
        let cleared: GoalPatch =
            serde_json::from_value(serde_json::json!({"target_date": null, "version": 1})).unwrap();
        assert_eq!(cleared.merge_over(stored.clone()).target_date, None);
        let left_out = GoalPatch {
            version: 1,
            ..GoalPatch::default()
        };
        assert_eq!(
            serde_json::to_value(&left_out).unwrap(),
            serde_json::json!({"version": 1})
        );
        assert_eq!(left_out.merge_over(stored.clone()), stored);
    }

    #[test]
    fn a_contact_note_is_left_out_of_the_json_when_not_shared() {
        let c = ContactDetail {
            id: ContactId::parse("c1").unwrap(),
            version: 1,
            date: NaiveDate::from_ymd_opt(2026, 1, 5).unwrap(),
            kind: ContactKind::Call,
            minutes: 10,
            note: None,
            summary: "Planned a visit".into(),
        };
        let json = serde_json::to_value(&c).unwrap();
        assert!(json.get("note").is_none());
    }

    #[test]
    fn an_introduction_needs_an_organisation_and_a_motivation_of_10_characters() {
        let err = IntroductionInput {
            organisation_id: None,
            opening_id: None,
            motivation: "Too short".into(),
        }
        .validate()
        .unwrap_err();
        assert_eq!(err.0[0].field, "organisation_id");
        assert_eq!(err.0[1].kind, ViolationKind::TooShort { min: 10 });
    }

    #[test]
    fn an_internship_extension_is_tagged_by_its_action() {
        let patch: InternshipPatch =
            serde_json::from_str(r#"{"action":"extend","end_date":"2026-07-01","version":2}"#)
                .unwrap();
        assert!(matches!(patch, InternshipPatch::Extend { version: 2, .. }));
    }

    #[test]
    fn consent_for_an_introduction_names_the_organisation() {
        let input = ConsentInput {
            purpose: ConsentPurpose::IntroductionProfile,
            organisation_id: None,
            municipality_id: None,
            given: true,
        };
        assert_eq!(input.validate().unwrap_err().0[0].field, "organisation_id");
    }
}
