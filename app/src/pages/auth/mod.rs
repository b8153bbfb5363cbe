//! Logging in and accepting an invitation.

mod accept_invitation;
mod login;

pub use accept_invitation::AcceptInvitationPage;
pub use login::LoginPage;
