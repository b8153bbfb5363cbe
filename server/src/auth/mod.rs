//! Accounts and sessions: who is signed in, from where.

pub mod password;
pub mod rate_limit;
pub mod session_store;
pub mod totp;

use std::net::{IpAddr, SocketAddr};

use axum::{
    extract::{ConnectInfo, FromRef, FromRequestParts},
    http::request::Parts,
};
use shared::{
    Violation, ViolationKind,
    api::{Me, SecondFactor},
    ids::{MunicipalityId, OrganisationId, ParticipantId, UserId},
    roles::Role,
    values::{Email, InterfaceLanguage},
};
use tower_sessions::{Expiry, Session, SessionManagerLayer, cookie::SameSite};

use crate::{AppError, AppState, db};

/// The session's keys.
pub const USER_ID_KEY: &str = "user_id";
pub const LOGIN_AT_KEY: &str = "login_at";
/// The account's version when the session started: a later change of its password (or
/// disabling) ends the session, even one stored after that change.
pub const ACCOUNT_VERSION_KEY: &str = "account_version";
/// A login half done: the account whose password was right and whose code is awaited, when the
/// password was checked (unix seconds) and the account's version then (a change of password or
/// a disabling in between voids the step).
pub const PENDING_USER_KEY: &str = "pending_user_id";
pub const PENDING_AT_KEY: &str = "pending_at";
pub const PENDING_VERSION_KEY: &str = "pending_version";
/// How long the second step of a login may wait for its code.
pub const PENDING_SECONDS: i64 = 5 * 60;

/// When a request last extended the session's idle expiry (unix seconds).
pub const TOUCHED_AT_KEY: &str = "touched_at";
/// A request extends the idle expiry at most this often, so a read does not write: the session
/// is saved (and its cookie sent again) only when it changes.
pub const TOUCH_EVERY_SECONDS: i64 = 60;

/// The session cookie's name: `__Host-` binds it to this host, over HTTPS, for the whole site.
pub const COOKIE_NAME: &str = "__Host-vip_session";

/// The session layer: cookie `__Host-vip_session`, Secure, HttpOnly, SameSite=Strict, Path=/,
/// ending after `idle_minutes` without a request. Browsers accept a Secure cookie from
/// `http://localhost` and `http://127.0.0.1`, so local development over plain HTTP works.
pub fn session_layer(
    store: session_store::SqlSessionStore,
    idle_minutes: u32,
) -> SessionManagerLayer<session_store::SqlSessionStore> {
    SessionManagerLayer::new(store)
        .with_name(COOKIE_NAME)
        .with_secure(true)
        .with_http_only(true)
        .with_same_site(SameSite::Strict)
        .with_path("/")
        .with_expiry(Expiry::OnInactivity(time::Duration::minutes(i64::from(
            idle_minutes,
        ))))
        .with_always_save(false)
}

/// The signed-in account, loaded afresh on every request: a disabled account or a session past
/// its absolute lifetime answers 401 and the session ends.
#[derive(Debug, Clone)]
pub struct CurrentUser {
    pub id: UserId,
    pub role: Role,
    pub email: Email,
    pub first_name: Option<String>,
    pub participant_id: Option<ParticipantId>,
    pub organisation_id: Option<OrganisationId>,
    pub municipality_ids: Vec<MunicipalityId>,
    pub second_factor: SecondFactor,
    pub interface_language: Option<InterfaceLanguage>,
}

impl CurrentUser {
    pub fn me(&self, today: chrono::NaiveDate) -> Me {
        Me {
            user_id: self.id.clone(),
            role: self.role,
            email: self.email.clone(),
            first_name: self.first_name.clone(),
            participant_id: self.participant_id.clone(),
            organisation_id: self.organisation_id.clone(),
            municipality_ids: self.municipality_ids.clone(),
            today,
            second_factor: self.second_factor,
            interface_language: self.interface_language,
        }
    }

    /// Who asks for a list, and how the records must relate to them.
    pub fn scope(&self, relation: crate::scope::Relation) -> db::Scope<'_> {
        db::Scope {
            relation,
            user_id: self.id.as_str(),
            participant_id: self.participant_id.as_ref().map_or("", |p| p.as_str()),
            organisation_id: self.organisation_id.as_ref().map_or("", |o| o.as_str()),
        }
    }

    /// Whether a municipality is in the account's region.
    pub fn holds(&self, municipality: &MunicipalityId) -> bool {
        self.municipality_ids.contains(municipality)
    }
}

/// Loads the account of a session, or `None` when there is none (or it must end).
pub async fn load_user(
    state: &AppState,
    session: &Session,
) -> Result<Option<CurrentUser>, AppError> {
    let session_error = |_| AppError::Internal("session store".to_owned());
    let Some(user_id) = session
        .get::<UserId>(USER_ID_KEY)
        .await
        .map_err(session_error)?
    else {
        return Ok(None);
    };
    let login_at = session
        .get::<i64>(LOGIN_AT_KEY)
        .await
        .map_err(session_error)?
        .unwrap_or(0);
    let absolute = i64::from(state.settings.session_absolute_hours) * 3600;
    let now = chrono::Utc::now().timestamp();
    if now - login_at >= absolute {
        session.flush().await.map_err(session_error)?;
        return Ok(None);
    }
    // Activity keeps the session: at most once a minute the touch changes it, and the change is
    // what saves it with a new idle expiry.
    let touched_at = session
        .get::<i64>(TOUCHED_AT_KEY)
        .await
        .map_err(session_error)?
        .unwrap_or(login_at);
    if now - touched_at >= TOUCH_EVERY_SECONDS {
        session
            .insert(TOUCHED_AT_KEY, now)
            .await
            .map_err(session_error)?;
    }
    let version = session
        .get::<i64>(ACCOUNT_VERSION_KEY)
        .await
        .map_err(session_error)?;
    let row = db::users::signed_in(&state.db, &user_id).await?;
    let Some(row) = row.filter(|r| r.usable && Some(r.version) == version) else {
        session.flush().await.map_err(session_error)?;
        return Ok(None);
    };
    Ok(Some(CurrentUser {
        id: row.id,
        role: row.role,
        email: row.email,
        first_name: row.first_name,
        participant_id: row.participant_id,
        organisation_id: row.organisation_id,
        municipality_ids: row.municipality_ids,
        second_factor: SecondFactor::of(row.role, row.enrolled),
        interface_language: row.interface_language,
    }))
}

/// The signed-in account of a request, whatever its second factor: for `GET /auth/me`, logout
/// and enrolling a factor, the only endpoints an account that must enrol one may use.
#[derive(Debug, Clone)]
pub struct SignedIn(pub CurrentUser);

impl<S> FromRequestParts<S> for SignedIn
where
    AppState: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let state = AppState::from_ref(state);
        let session = Session::from_request_parts(parts, &state)
            .await
            .map_err(|_| AppError::Internal("session layer missing".to_owned()))?;
        load_user(&state, &session)
            .await?
            .map(SignedIn)
            .ok_or(AppError::Unauthenticated)
    }
}

/// The signed-in account of a request that may use the API: an account whose role requires a
/// second factor and has none answers 403 `second_factor_enrolment_required` until it enrols one.
impl<S> FromRequestParts<S> for CurrentUser
where
    AppState: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let SignedIn(user) = SignedIn::from_request_parts(parts, state).await?;
        if user.second_factor == SecondFactor::Required {
            return Err(AppError::ForbiddenBecause(
                Violation::new("", ViolationKind::SecondFactorEnrolmentRequired {}).into(),
            ));
        }
        Ok(user)
    }
}

/// The client's address, for rate limits and the audit log: the TCP peer, or, when the peer is a
/// proxy named with `--trusted-proxy`, the right-most address in `X-Forwarded-For` that is not a
/// trusted proxy (the left part of that header is whatever the client wrote).
#[derive(Debug, Clone)]
pub struct ClientAddress(pub String);

impl ClientAddress {
    /// The address as rate limits count it: an IPv6 client by its /64 (one household or phone
    /// owns a whole /64), an IPv4 client by its address.
    pub fn limit_key(&self) -> String {
        match self.0.parse::<IpAddr>() {
            Ok(IpAddr::V6(v6)) if v6.to_ipv4_mapped().is_none() => {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
            Ok(IpAddr::V6(v6)) => v6
                .to_ipv4_mapped()
                .map_or_else(|| self.0.clone(), |v4| v4.to_string()),
            Ok(IpAddr::V4(_)) | Err(_) => self.0.clone(),
        }
    }

    /// The client behind `peer`, given the request's `X-Forwarded-For` and the trusted proxies.
    pub fn resolve(peer: IpAddr, forwarded_for: Option<&str>, trusted: &[IpAddr]) -> IpAddr {
        if !trusted.contains(&peer) {
            return peer;
        }
        let Some(header) = forwarded_for else {
            return peer;
        };
        let mut client = peer;
        for entry in header.rsplit(',') {
            match entry.trim().parse::<IpAddr>() {
                Ok(ip) if trusted.contains(&ip) => client = ip,
                Ok(ip) => return ip,
                // Whatever cannot be read ends the walk: what lies left of it is not to be trusted.
                Err(_) => return client,
            }
        }
        client
    }
}

impl<S: Send + Sync> FromRequestParts<S> for ClientAddress
where
    AppState: FromRef<S>,
{
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let state = AppState::from_ref(state);
        let Some(ConnectInfo(peer)) = parts.extensions.get::<ConnectInfo<SocketAddr>>() else {
            return Ok(ClientAddress("unknown".to_owned()));
        };
        let forwarded = parts
            .headers
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok());
        let client = ClientAddress::resolve(peer.ip(), forwarded, &state.trusted_proxies);
        Ok(ClientAddress(client.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn without_a_trusted_proxy_the_peer_is_the_client_whatever_the_header_says() {
        assert_eq!(
            ClientAddress::resolve(ip("198.51.100.7"), Some("203.0.113.9"), &[]),
            ip("198.51.100.7")
        );
    }

    #[test]
    fn behind_a_trusted_proxy_the_right_most_untrusted_entry_is_the_client() {
        let proxy = ip("10.0.0.2");
        assert_eq!(
            ClientAddress::resolve(proxy, Some("1.2.3.4, 203.0.113.9"), &[proxy]),
            ip("203.0.113.9"),
            "the left part was written by the client"
        );
        assert_eq!(
            ClientAddress::resolve(
                proxy,
                Some("203.0.113.9, 10.0.0.3"),
                &[proxy, ip("10.0.0.3")]
            ),
            ip("203.0.113.9"),
            "a chain of trusted proxies is walked"
        );
        assert_eq!(ClientAddress::resolve(proxy, None, &[proxy]), proxy);
        assert_eq!(
            ClientAddress::resolve(proxy, Some("not an address"), &[proxy]),
            proxy
        );
    }

    #[test]
    fn an_ipv6_client_is_limited_by_its_64_and_an_ipv4_one_by_its_address() {
        let a = ClientAddress("2001:db8:1:2:aaaa::1".to_owned());
        let b = ClientAddress("2001:db8:1:2:bbbb::9".to_owned());
        assert_eq!(a.limit_key(), "2001:db8:1:2::/64");
        assert_eq!(a.limit_key(), b.limit_key());
        assert_eq!(
            ClientAddress("192.0.2.1".to_owned()).limit_key(),
            "192.0.2.1"
        );
        assert_eq!(
            ClientAddress("::ffff:192.0.2.1".to_owned()).limit_key(),
            "192.0.2.1"
        );
    }
}
