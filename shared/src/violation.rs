//! Refusals as data: a field, a stable snake_case code and its parameters.
//!
//! The codes are the contract with every client (see the design's list of stable codes): add new
//! ones, never rename one. The macro below defines the enum together with the list of every code
//! and its parameter names, so the translations can be checked against the full list.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A parameter of a violation, as shown in the translated text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParamValue {
    Number(i64),
    Text(String),
}

impl fmt::Display for ParamValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParamValue::Number(n) => write!(f, "{n}"),
            ParamValue::Text(t) => f.write_str(t),
        }
    }
}

trait ToParam {
    fn to_param(&self) -> ParamValue;
}
impl ToParam for i64 {
    fn to_param(&self) -> ParamValue {
        ParamValue::Number(*self)
    }
}
impl ToParam for u32 {
    fn to_param(&self) -> ParamValue {
        ParamValue::Number(i64::from(*self))
    }
}
impl ToParam for String {
    fn to_param(&self) -> ParamValue {
        ParamValue::Text(self.clone())
    }
}

macro_rules! violation_kinds {
    ($( $(#[$doc:meta])* $code:literal => $variant:ident { $($param:ident : $ty:ty),* } ),+ $(,)?) => {
        /// Why a value or a change was refused. Serialised as `{"code": ..., "params": {...}}`.
        #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
        #[serde(tag = "code", content = "params")]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        pub enum ViolationKind {
            $(
                $(#[$doc])*
                #[serde(rename = $code)]
                #[cfg_attr(feature = "openapi", schema(rename = $code))]
                $variant { $($param: $ty),* }
            ),+
        }

        impl ViolationKind {
            /// Every code with the names of its parameters, in declaration order.
            pub const ALL: &'static [(&'static str, &'static [&'static str])] = &[
                $( ($code, &[$(stringify!($param)),*]) ),+
            ];

            /// The stable machine code.
            pub fn code(&self) -> &'static str {
                match self {
                    $( ViolationKind::$variant { .. } => $code ),+
                }
            }

            /// The parameters with their names, for translated texts.
            pub fn params(&self) -> Vec<(&'static str, ParamValue)> {
                match self {
                    $( ViolationKind::$variant { $($param),* } => vec![$((stringify!($param), ToParam::to_param($param))),*] ),+
                }
            }
        }
    };
}

violation_kinds! {
    // any field
    "required" => Required {},
    "too_short" => TooShort { min: u32 },
    "too_long" => TooLong { max: u32 },
    "invalid_format" => InvalidFormat {},
    /// A value that is not one of a fixed set: `allowed` lists the set as text (`open, done_ok`).
    "invalid_choice" => InvalidChoice { allowed: String },
    "out_of_range" => OutOfRange { min: i64, max: i64 },
    "in_the_past" => InThePast {},
    "in_the_future" => InTheFuture {},
    "unknown_record" => UnknownRecord {},
    // meetings
    "meeting_number_out_of_range" => MeetingNumberOutOfRange {},
    "meetings_out_of_order" => MeetingsOutOfOrder {},
    "meetings_too_close" => MeetingsTooClose { min_days: u32 },
    "meetings_too_far_apart" => MeetingsTooFarApart { max_days: u32 },
    "meeting_not_scheduled" => MeetingNotScheduled {},
    "attendance_in_the_future" => AttendanceInTheFuture {},
    "not_in_cohort" => NotInCohort {},
    // cohort, coach
    "cohort_full" => CohortFull { max: u32 },
    "caseload_full" => CaseloadFull { max: u32 },
    // visits
    "capacity_full" => CapacityFull { capacity: u32 },
    "already_registered" => AlreadyRegistered {},
    // internship
    "internship_too_short" => InternshipTooShort { min_weeks: u32 },
    "internship_too_long" => InternshipTooLong { max_weeks: u32 },
    "extension_too_long" => ExtensionTooLong { max_weeks: u32 },
    "extension_already_used" => ExtensionAlreadyUsed {},
    "extension_not_later" => ExtensionNotLater { current_end: String },
    "hours_out_of_range" => HoursOutOfRange { min: u32, max: u32 },
    "internship_overlap" => InternshipOverlap {},
    "training_not_complete" => TrainingNotComplete { attended: u32, required: u32 },
    // budget
    "budget_exceeded" => BudgetExceeded { remaining_cents: i64 },
    "amount_not_positive" => AmountNotPositive {},
    // state changes
    "invalid_transition" => InvalidTransition { from: String, to: String },
    "stale_version" => StaleVersion { current_version: i64 },
    "not_allowed_for_role" => NotAllowedForRole {},
    // identifiers
    "invalid_postcode" => InvalidPostcode {},
    "invalid_kvk_number" => InvalidKvkNumber {},
    "invalid_municipality_code" => InvalidMunicipalityCode {},
    "invalid_email" => InvalidEmail {},
    "invalid_phone" => InvalidPhone {},
    // outcome
    "follow_up_too_early" => FollowUpTooEarly { due_date: String },
    // consent
    "consent_missing" => ConsentMissing {},
    // passwords
    "password_too_short" => PasswordTooShort { min: u32 },
    "password_too_long" => PasswordTooLong { max: u32 },
    "password_too_common" => PasswordTooCommon {},
    // invitations
    "invitation_invalid" => InvitationInvalid {},
    // second factor and passwords
    /// A TOTP or recovery code that does not match.
    "code_invalid" => CodeInvalid {},
    /// A TOTP code that was accepted before: wait for the next one.
    "code_already_used" => CodeAlreadyUsed {},
    /// The role needs a second factor: until one is enrolled, only enrolment is allowed.
    "second_factor_enrolment_required" => SecondFactorEnrolmentRequired {},
    "second_factor_already_enrolled" => SecondFactorAlreadyEnrolled {},
    /// A confirmation without an enrolment started.
    "enrolment_not_started" => EnrolmentNotStarted {},
    /// The current password given with a change is not the account's.
    "password_incorrect" => PasswordIncorrect {},
    /// A reset link that is unknown, expired or used.
    "password_reset_invalid" => PasswordResetInvalid {},
    /// A reset for an account that has not accepted its invitation yet.
    "password_not_set" => PasswordNotSet {},
    // placements (their kinds and legal limits)
    /// A stage without learning goals in the plan or without a supervisor.
    "learning_plan_missing" => LearningPlanMissing {},
    /// A stage paid more than an expense allowance (monthly, in cents).
    "stage_paid" => StagePaid { max_cents: i64 },
    /// A proefplaats without the municipality's recorded consent.
    "municipal_consent_missing" => MunicipalConsentMissing {},
    /// A proefplaats longer than 2 months without an extension, or 6 in total.
    "placement_too_long" => PlacementTooLong { max_months: u32 },
    /// A participatieplaats for someone under the minimum age on the start date.
    "participant_too_young" => ParticipantTooYoung { min_age: u32 },
    /// All placements with benefit together longer than the maximum.
    "placement_total_exceeded" => PlacementTotalExceeded { max_months: u32 },
    /// More hours per week than the municipality's setting.
    "placement_hours_exceeded" => PlacementHoursExceeded { max: u32 },
    /// Warning: no midterm evaluation from this week on.
    "midterm_evaluation_missing" => MidtermEvaluationMissing { week: u32 },
    /// Warning: the review of a participatieplaats is due (ISO date).
    "participatieplaats_review_due" => ParticipatieplaatsReviewDue { due_date: String },
    // reports
    /// A period whose end comes before its start.
    "end_before_start" => EndBeforeStart {},
    /// The name typed to confirm an erasure is not the participant's.
    "confirmation_mismatch" => ConfirmationMismatch {},
    // audit log
    /// An action the audit log does not know.
    "unknown_action" => UnknownAction {},
}

/// One refusal: which field, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Violation {
    /// The input field, in the request's own names (`end_date`, `meetings.3.date`); empty for the
    /// record as a whole.
    pub field: String,
    #[serde(flatten)]
    pub kind: ViolationKind,
}

impl Violation {
    pub fn new(field: impl Into<String>, kind: ViolationKind) -> Self {
        Violation {
            field: field.into(),
            kind,
        }
    }
}

/// Every refusal of one input, collected so a form can show them all at once.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(transparent)]
pub struct Violations(pub Vec<Violation>);

impl Violations {
    pub fn new() -> Self {
        Violations(Vec::new())
    }

    pub fn push(&mut self, field: impl Into<String>, kind: ViolationKind) {
        self.0.push(Violation::new(field, kind));
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn iter(&self) -> std::slice::Iter<'_, Violation> {
        self.0.iter()
    }

    /// The violations of one field.
    pub fn for_field<'a>(&'a self, field: &'a str) -> impl Iterator<Item = &'a Violation> + 'a {
        self.0.iter().filter(move |v| v.field == field)
    }

    /// Adds the violations of a nested value under a prefix (`meetings.3`).
    pub fn extend_prefixed(&mut self, prefix: &str, other: Violations) {
        for mut v in other.0 {
            v.field = if v.field.is_empty() {
                prefix.to_owned()
            } else {
                format!("{prefix}.{}", v.field)
            };
            self.0.push(v);
        }
    }

    /// Collects the error of a parse into this list, returning the value when there was none.
    pub fn check<T>(&mut self, field: &str, result: Result<T, ViolationKind>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(kind) => {
                self.push(field, kind);
                None
            }
        }
    }

    /// `Ok(value)` when nothing was refused.
    pub fn into_result<T>(self, value: T) -> Result<T, Violations> {
        if self.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }
}

impl From<Violation> for Violations {
    fn from(v: Violation) -> Self {
        Violations(vec![v])
    }
}

impl IntoIterator for Violations {
    type Item = Violation;
    type IntoIter = std::vec::IntoIter<Violation>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_violation_serialises_as_field_code_and_params() {
        let v = Violation::new(
            "end_date",
            ViolationKind::InternshipTooLong { max_weeks: 10 },
        );
        assert_eq!(
            serde_json::to_value(&v).unwrap(),
            json!({"field": "end_date", "code": "internship_too_long", "params": {"max_weeks": 10}})
        );
    }

    #[test]
    fn a_code_without_parameters_still_carries_an_empty_params_object() {
        let v = Violation::new("email", ViolationKind::InvalidEmail {});
        assert_eq!(
            serde_json::to_value(&v).unwrap(),
            json!({"field": "email", "code": "invalid_email", "params": {}})
        );
    }

    #[test]
    fn a_violation_reads_back_from_its_json() {
        let text = r#"{"field":"","code":"budget_exceeded","params":{"remaining_cents":1250}}"#;
        let v: Violation = serde_json::from_str(text).unwrap();
        assert_eq!(
            v.kind,
            ViolationKind::BudgetExceeded {
                remaining_cents: 1250
            }
        );
    }

    #[test]
    fn every_code_is_listed_once_in_snake_case() {
        let mut seen = std::collections::BTreeSet::new();
        for (code, _) in ViolationKind::ALL {
            assert!(seen.insert(*code), "{code} listed twice");
            assert!(
                code.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
                "{code} is not snake_case"
            );
        }
        assert_eq!(seen.len(), ViolationKind::ALL.len());
    }

    #[test]
    fn an_invalid_choice_names_the_allowed_values_as_text() {
        let v = Violation::new(
            "status",
            ViolationKind::InvalidChoice {
                allowed: "open, done_ok".to_owned(),
            },
        );
        assert_eq!(
            serde_json::to_value(&v).unwrap(),
            json!({"field": "status", "code": "invalid_choice", "params": {"allowed": "open, done_ok"}})
        );
        assert_eq!(v.kind.code(), "invalid_choice");
        assert_eq!(
            v.kind.params(),
            vec![("allowed", ParamValue::Text("open, done_ok".to_owned()))]
        );
        assert!(ViolationKind::ALL.contains(&("invalid_choice", &["allowed"][..])));
    }

    #[test]
    fn an_invalid_choice_reads_back_from_its_json() {
        let text =
            r#"{"field":"kind","code":"invalid_choice","params":{"allowed":"call, meeting"}}"#;
        let v: Violation = serde_json::from_str(text).unwrap();
        assert_eq!(v.field, "kind");
        assert_eq!(
            v.kind,
            ViolationKind::InvalidChoice {
                allowed: "call, meeting".to_owned()
            }
        );
    }

    #[test]
    fn the_code_and_params_of_a_value_match_its_json() {
        let kind = ViolationKind::TrainingNotComplete {
            attended: 4,
            required: 6,
        };
        let json = serde_json::to_value(&kind).unwrap();
        assert_eq!(json["code"], kind.code());
        for (name, value) in kind.params() {
            assert_eq!(json["params"][name].to_string(), value.to_string());
        }
    }
}
