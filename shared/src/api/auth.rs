use serde::{Deserialize, Serialize};

use crate::{
    ids::{MunicipalityId, OrganisationId, ParticipantId, UserId},
    roles::Role,
    values::Email,
    violation::{ViolationKind, Violations},
};

/// `POST /auth/login`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LoginInput {
    pub email: String,
    pub password: String,
}

/// `GET /auth/me` and the answer to a login: who is signed in, and what the account is bound to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
}

/// `POST /invitations`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
pub struct InvitationCreated {
    pub link: String,
    /// RFC 3339, UTC.
    pub expires_at: String,
}

/// The path of the page that accepts an invitation; the token follows after `#`.
pub const ACCEPT_INVITATION_PAGE: &str = "/accept-invitation";

/// An account, as a coordinator lists them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
    fn coordinators_and_viewers_need_a_municipality() {
        for role in [Role::Coordinator, Role::MunicipalityViewer] {
            assert_eq!(
                invite(role).validate().unwrap_err().0[0].field,
                "municipality_id"
            );
        }
    }
}
