//! Who is signed in: a context loaded with `GET /auth/me` at start, updated by login, logout and
//! any answer of 401 (the session ended on the server).

use leptos::{prelude::*, task::spawn_local};
use shared::{api::Me, roles::Role};

use crate::api::{self, ApiError};

/// What the app knows about the session.
#[derive(Debug, Clone, PartialEq)]
pub enum AuthState {
    /// `GET /auth/me` has not answered yet.
    Loading,
    /// Nobody is signed in.
    SignedOut(SignedOutBy),
    /// Signed in as this account.
    SignedIn(Me),
    /// The server could not be asked (no network, server down).
    Unknown(ApiError),
}

/// How the app came to be signed out; it decides where the login page sends the user afterwards.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignedOutBy {
    /// There was no session when the app started.
    NoSession,
    /// The user logged out: the next person to log in starts at their own home page.
    Logout,
    /// The server answered 401 to a call: the session expired or was ended.
    Expiry,
}

/// The shared context.
#[derive(Debug, Clone, Copy)]
pub struct Auth {
    state: RwSignal<AuthState>,
}

impl Auth {
    /// Provides the context and asks the server who is signed in.
    pub fn provide() -> Auth {
        let auth = Auth {
            state: RwSignal::new(AuthState::Loading),
        };
        provide_context(auth);
        auth.reload();
        auth
    }

    /// Asks the server again who is signed in.
    pub fn reload(self) {
        self.state.set(AuthState::Loading);
        spawn_local(async move {
            let state = match api::auth::me().await {
                Ok(me) => {
                    crate::components::set_programme_today(me.today);
                    AuthState::SignedIn(me)
                }
                Err(err) if err.is_unauthenticated() => {
                    AuthState::SignedOut(SignedOutBy::NoSession)
                }
                Err(err) => AuthState::Unknown(err),
            };
            self.state.set(state);
        });
    }

    /// The state (reactive).
    pub fn state(self) -> AuthState {
        self.state.get()
    }

    /// The state, without tracking it.
    pub fn state_untracked(self) -> AuthState {
        self.state.get_untracked()
    }

    /// The account signed in, if any (reactive).
    pub fn me(self) -> Option<Me> {
        self.state.with(|state| match state {
            AuthState::SignedIn(me) => Some(me.clone()),
            AuthState::Loading | AuthState::SignedOut(_) | AuthState::Unknown(_) => None,
        })
    }

    /// The role signed in, if any (reactive).
    pub fn role(self) -> Option<Role> {
        self.state.with(|state| match state {
            AuthState::SignedIn(me) => Some(me.role),
            AuthState::Loading | AuthState::SignedOut(_) | AuthState::Unknown(_) => None,
        })
    }

    /// After a login or an accepted invitation.
    pub fn signed_in(self, me: Me) {
        crate::components::set_programme_today(me.today);
        self.state.set(AuthState::SignedIn(me));
    }

    /// After a logout.
    pub fn signed_out(self) {
        self.state.set(AuthState::SignedOut(SignedOutBy::Logout));
    }

    /// Passes a call's result through, noting an ended session: on 401 the state becomes
    /// signed out by expiry, and the protected page the user is on sends them to the login page.
    pub fn check<T>(self, result: Result<T, ApiError>) -> Result<T, ApiError> {
        if let Err(err) = &result
            && err.is_unauthenticated()
            && self
                .state
                .with_untracked(|state| !matches!(state, AuthState::SignedOut(_)))
        {
            self.state.set(AuthState::SignedOut(SignedOutBy::Expiry));
        }
        result
    }
}

/// The auth context of the app.
pub fn use_auth() -> Auth {
    expect_context::<Auth>()
}

/// The login page's path, with the page to return to afterwards. Only the path is kept: it holds
/// ids, never personal data, and a query could.
pub fn login_path(next: &str) -> String {
    match safe_next(Some(next)) {
        Some(next) => format!("/login?next={}", encode_path(next)),
        None => "/login".to_owned(),
    }
}

/// Where to go after logging in: `next` when it is a path of this app (so a crafted link cannot
/// send the user elsewhere), not the login page itself, and not the start page (the default).
pub fn safe_next(next: Option<&str>) -> Option<&str> {
    let next = next?;
    let own_path = next.starts_with('/')
        && !next.starts_with("//")
        && !next.contains('\\')
        && !next.chars().any(char::is_control);
    let pointless = next == "/" || next == "/login" || next.starts_with("/login?");
    (own_path && !pointless).then_some(next)
}

/// Percent-encodes a path for a query value; `/` and the unreserved characters stay as they are.
fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'/' | b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_login_path_carries_the_page_to_return_to() {
        assert_eq!(login_path("/accounts"), "/login?next=/accounts");
        assert_eq!(
            login_path("/participants/p-1_a"),
            "/login?next=/participants/p-1_a"
        );
    }

    #[test]
    fn the_start_page_and_the_login_page_need_no_return() {
        assert_eq!(login_path("/"), "/login");
        assert_eq!(login_path("/login"), "/login");
    }

    #[test]
    fn odd_characters_in_the_path_are_encoded() {
        assert_eq!(login_path("/a b&c=d"), "/login?next=/a%20b%26c%3Dd");
    }

    #[test]
    fn the_route_of_the_invitation_page_is_the_one_the_links_point_to() {
        assert_eq!(shared::api::ACCEPT_INVITATION_PAGE, "/accept-invitation");
    }

    #[test]
    fn only_a_path_of_this_app_is_a_place_to_return_to() {
        for bad in [
            "https://evil.example/",
            "//evil.example/x",
            "/\\evil.example",
            "javascript:alert(1)",
            "accounts",
            "",
        ] {
            assert_eq!(safe_next(Some(bad)), None, "{bad}");
        }
        assert_eq!(safe_next(Some("/accounts")), Some("/accounts"));
        assert_eq!(safe_next(None), None);
    }
}
