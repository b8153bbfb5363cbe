use serde::{Deserialize, Serialize};

use crate::{
    ids::{MunicipalityId, OrganisationId, ParticipantId, UserId},
    roles::Role,
    values::{Email, InterfaceLanguage},
    violation::{ViolationKind, Violations},
};

/// `POST /auth/login`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct LoginInput {
    pub email: String,
    pub password: String,
}

/// `GET /auth/me` and the answer to a login: who is signed in, and what the account is bound to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Me {
    pub user_id: UserId,
    pub role: Role,
    pub email: Email,
    pub first_name: Option<String>,
    pub participant_id: Option<ParticipantId>,
    pub organisation_id: Option<OrganisationId>,
    /// The municipalities of a coordinator or municipality viewer.
    pub municipality_ids: Vec<MunicipalityId>,
    /// The programme's calendar day (in its time zone), for the app's as-you-type checks.
    pub today: chrono::NaiveDate,
    /// Whether the account has a second factor, and whether its role requires one.
    pub second_factor: SecondFactor,
    /// The language of the account's interface; `None` until it is first set, which the app does
    /// at the first login, from the browser's languages (`PUT /auth/me/language`).
    pub interface_language: Option<InterfaceLanguage>,
}

/// `PUT /auth/me/language`: the language of the signed-in account's interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InterfaceLanguageInput {
    pub language: InterfaceLanguage,
}

/// The second factor of an account (TOTP, RFC 6238, with recovery codes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SecondFactor {
    /// Enrolled: every login asks for a code after the password.
    Enrolled,
    /// None, and the role may go without: it is offered, never required.
    Offered,
    /// None, and the role requires one: until it is enrolled, every endpoint but `GET /auth/me`,
    /// logout and the enrolment answers 403 with `second_factor_enrolment_required`.
    Required,
}

impl SecondFactor {
    /// Whether a role must have a second factor: a coordinator sees a whole region's files.
    /// Everyone else is offered one; participants in particular often share a phone within a
    /// family or find an authenticator app hard to use, so it is never forced on them.
    pub fn is_required_for(role: Role) -> bool {
        role == Role::Coordinator
    }

    /// The state of an account of `role` that has (or has not) enrolled a factor.
    pub fn of(role: Role, enrolled: bool) -> SecondFactor {
        match (enrolled, SecondFactor::is_required_for(role)) {
            (true, _) => SecondFactor::Enrolled,
            (false, true) => SecondFactor::Required,
            (false, false) => SecondFactor::Offered,
        }
    }
}

/// The answer to `POST /auth/login`: signed in, or one step to go. Tagged by `status`; a
/// signed-in answer carries the fields of [`Me`] beside it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum LoginAnswer {
    /// Signed in. An account whose role requires a second factor and has none is signed in to
    /// enrol one only ([`SecondFactor::Required`]).
    SignedIn(Me),
    /// The password was right; the session is signed in once `POST /auth/login/second-factor`
    /// accepts a code (within 5 minutes).
    SecondFactorRequired,
}

/// `POST /auth/login/second-factor` and `POST /auth/totp/confirmation`: a 6-digit code of the
/// authenticator app or, at login, one of the recovery codes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct CodeInput {
    pub code: String,
}

/// What a code the user typed is: six digits of the authenticator app, or a recovery code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TypedCode {
    Totp(String),
    Recovery(String),
}

/// Reads a typed code: spaces and dashes are left out and letters lower-cased, so `123 456` and
/// `ABCD-EFGH-JKLM` read as they were meant.
pub fn read_code(typed: &str) -> TypedCode {
    let plain: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .flat_map(char::to_lowercase)
        .collect();
    if plain.len() == TOTP_DIGITS && plain.chars().all(|c| c.is_ascii_digit()) {
        TypedCode::Totp(plain)
    } else {
        TypedCode::Recovery(plain)
    }
}

/// The digits of a TOTP code.
pub const TOTP_DIGITS: usize = 6;
/// How many recovery codes an enrolment gives.
pub const RECOVERY_CODES: usize = 10;

/// The answer to `POST /auth/totp/enrolment`, given until the enrolment is confirmed and never
/// after: the `otpauth://` URI for the QR code, and its secret (base32) for typing in by hand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TotpEnrolment {
    pub otpauth_uri: String,
    pub secret: String,
}

/// The answer to a confirmed enrolment: single-use recovery codes, shown this once (only their
/// hashes are stored).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RecoveryCodes {
    pub codes: Vec<String>,
}

/// `POST /auth/password`: the signed-in account changes its password. Every other session of
/// the account ends; this one stays.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct PasswordChangeInput {
    pub current_password: String,
    pub new_password: String,
}

/// The answer to `POST /users/{id}/password-reset`: a one-time link, shown once to the
/// coordinator (who passes it on). Like an invitation, the token is in the link's fragment and
/// only its hash is stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PasswordResetCreated {
    pub link: String,
    /// RFC 3339, UTC.
    #[cfg_attr(feature = "openapi", schema(format = DateTime))]
    pub expires_at: String,
}

/// The path of the page that sets a new password; the token follows after `#`.
pub const RESET_PASSWORD_PAGE: &str = "/reset-password";

/// `POST /auth/reset-password`: the token of a reset link and the new password. The old
/// password stops working and every session of the account ends.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct ResetPasswordInput {
    pub token: String,
    pub password: String,
}

/// `POST /invitations`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InvitationInput {
    pub email: String,
    pub role: Role,
    pub participant_id: Option<ParticipantId>,
    pub organisation_id: Option<OrganisationId>,
    pub municipality_id: Option<MunicipalityId>,
}

impl InvitationInput {
    /// A valid email, and the record the role needs: a participant account belongs to a
    /// participant, a company contact to an organisation; a coordinator, municipality viewer or
    /// coach to a municipality (a coach volunteers in one).
    pub fn validate(&self) -> Result<Email, Violations> {
        let mut v = Violations::new();
        let email = v.check("email", Email::parse(&self.email));
        let needed = match self.role {
            Role::Participant => Some(("participant_id", self.participant_id.is_some())),
            Role::CompanyContact => Some(("organisation_id", self.organisation_id.is_some())),
            Role::Coordinator | Role::MunicipalityViewer | Role::Coach => {
                Some(("municipality_id", self.municipality_id.is_some()))
            }
        };
        if let Some((field, false)) = needed {
            v.push(field, ViolationKind::Required {});
        }
        match email {
            Some(email) if v.is_empty() => Ok(email),
            Some(_) | None => Err(v),
        }
    }
}

/// The answer to an invitation: the one-time link, shown once to the coordinator who invites (who
/// passes it on); only a hash of its token is stored. The token is in the link's fragment, so it is
/// never sent to a server or written to a log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InvitationCreated {
    pub link: String,
    /// RFC 3339, UTC.
    #[cfg_attr(feature = "openapi", schema(format = DateTime))]
    pub expires_at: String,
}

/// The path of the page that accepts an invitation; the token follows after `#`.
pub const ACCEPT_INVITATION_PAGE: &str = "/accept-invitation";

/// An account, as a coordinator lists them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UserSummary {
    pub id: UserId,
    pub version: i64,
    pub email: Email,
    pub role: Role,
    pub disabled: bool,
    /// False while the invitation has not been accepted.
    pub password_set: bool,
}

/// `POST /auth/accept-invitation`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct AcceptInvitationInput {
    pub token: String,
    pub password: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn invite(role: Role) -> InvitationInput {
        InvitationInput {
            email: "new@example.org".into(),
            role,
            participant_id: None,
            organisation_id: None,
            municipality_id: None,
        }
    }

    #[test]
    fn a_coach_is_invited_into_a_municipality() {
        assert_eq!(
            invite(Role::Coach).validate().unwrap_err().0[0].field,
            "municipality_id"
        );
        let ok = InvitationInput {
            municipality_id: Some(MunicipalityId::parse("m1").unwrap()),
            ..invite(Role::Coach)
        };
        assert!(ok.validate().is_ok());
    }

    #[test]
    fn a_company_contact_needs_an_organisation() {
        let err = invite(Role::CompanyContact).validate().unwrap_err();
        assert_eq!(err.0[0].field, "organisation_id");
        let ok = InvitationInput {
            organisation_id: Some(OrganisationId::parse("o1").unwrap()),
            ..invite(Role::CompanyContact)
        };
        assert!(ok.validate().is_ok());
    }

    #[test]
    fn a_participant_account_needs_its_participant_and_a_valid_email() {
        let err = InvitationInput {
            email: "nope".into(),
            ..invite(Role::Participant)
        }
        .validate()
        .unwrap_err();
        let fields: Vec<&str> = err.iter().map(|v| v.field.as_str()).collect();
        assert_eq!(fields, ["email", "participant_id"]);
    }

    #[test]
    fn only_a_coordinator_must_have_a_second_factor() {
        for role in Role::ALL {
            assert_eq!(
                SecondFactor::of(role, false) == SecondFactor::Required,
                role == Role::Coordinator,
                "{role}"
            );
            assert_eq!(SecondFactor::of(role, true), SecondFactor::Enrolled);
        }
    }

    #[test]
    fn a_typed_code_reads_as_totp_digits_or_a_recovery_code() {
        assert_eq!(read_code(" 123 456 "), TypedCode::Totp("123456".into()));
        assert_eq!(
            read_code("ABCD-efgh-2345"),
            TypedCode::Recovery("abcdefgh2345".into())
        );
        assert_eq!(read_code("12345"), TypedCode::Recovery("12345".into()));
    }

    #[test]
    fn a_signed_in_login_answer_carries_the_account_beside_its_status() {
        let me = Me {
            user_id: UserId::parse("u1").unwrap(),
            role: Role::Coach,
            email: Email::parse("coach@example.org").unwrap(),
            first_name: None,
            participant_id: None,
            organisation_id: None,
            municipality_ids: Vec::new(),
            today: chrono::NaiveDate::from_ymd_opt(2026, 7, 1).unwrap(),
            second_factor: SecondFactor::Offered,
            interface_language: Some(InterfaceLanguage::Dari),
        };
        let json = serde_json::to_value(LoginAnswer::SignedIn(me.clone())).unwrap();
        assert_eq!(json["status"], "signed_in");
        assert_eq!(json["role"], "coach");
        assert_eq!(json["second_factor"], "offered");
        assert_eq!(json["interface_language"], "fa-AF");
        assert_eq!(
            serde_json::from_value::<LoginAnswer>(json).unwrap(),
            LoginAnswer::SignedIn(me)
        );
        assert_eq!(
            serde_json::to_value(LoginAnswer::SecondFactorRequired).unwrap(),
            serde_json::json!({"status": "second_factor_required"})
        );
    }

    #[test]
    fn coordinators_and_viewers_need_a_municipality() {
        for role in [Role::Coordinator, Role::MunicipalityViewer] {
            assert_eq!(
                invite(role).validate().unwrap_err().0[0].field,
                "municipality_id"
            );
        }
    }
}
