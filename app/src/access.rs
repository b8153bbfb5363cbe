//! Which role may use which screen: the navigation shows only these, and a protected route shows
//! the not-found page to any other role. The server checks every request on its own; this only
//! keeps the app from offering what would be refused.

use shared::roles::Role;

/// A screen of the app that needs a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// `/`: each role's own home page.
    Home,
    /// `/accounts`: invitations and accounts.
    Accounts,
    /// `/participants/{id}`: a participant's profile.
    ParticipantProfile,
}

impl Screen {
    /// The roles that may use the screen.
    pub fn roles(self) -> &'static [Role] {
        match self {
            Screen::Home => &Role::ALL,
            Screen::Accounts => &[Role::Coordinator],
            Screen::ParticipantProfile => &[Role::Participant, Role::Coach, Role::Coordinator],
        }
    }

    pub fn allows(self, role: Role) -> bool {
        self.roles().contains(&role)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_has_a_home_page() {
        for role in Role::ALL {
            assert!(Screen::Home.allows(role), "{role}");
        }
    }

    #[test]
    fn only_a_coordinator_manages_accounts() {
        for role in Role::ALL {
            assert_eq!(
                Screen::Accounts.allows(role),
                role == Role::Coordinator,
                "{role}"
            );
        }
    }

    #[test]
    fn companies_and_municipalities_do_not_open_a_participant_file() {
        assert!(!Screen::ParticipantProfile.allows(Role::CompanyContact));
        assert!(!Screen::ParticipantProfile.allows(Role::MunicipalityViewer));
        assert!(Screen::ParticipantProfile.allows(Role::Participant));
    }
}
