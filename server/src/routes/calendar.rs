//! Personal calendar feeds: an account makes (or replaces) its feed link and revokes it; the
//! feed itself is read with the link's token, without a session, and shows only what the
//! account sees: a participant's meetings, visits, internship and own actions' due dates; a
//! coach's, for their participants; a company contact's visits and internships at their
//! organisation, and the expert meetings and trainings it hosts or registered someone for. The token is in the query, which the logs never hold.

use axum::{
    Router,
    extract::State,
    http::{StatusCode, header},
    response::{IntoResponse, Response},
    routing::get,
};
use shared::{
    api::{CalendarFeedCreated, CalendarFeedStatus, CalendarQuery, meeting_length, paths},
    roles::Role,
};

use super::{Change, write};
use crate::{
    AppError, AppState,
    access::{self, Action, Resource},
    auth::{ClientAddress, CurrentUser},
    calendar::{self, Event, Titles, When},
    db::{self, calendar::DatedLine},
    error::{Json, Query},
    invitations::{new_token, token_hash},
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            paths::CALENDAR_FEED,
            get(feed_status).post(create_feed).delete(revoke_feed),
        )
        .route(paths::CALENDAR, get(read_feed))
}

fn now_text(state: &AppState) -> String {
    state
        .clock
        .now()
        .to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// Whether the account has a live feed link, and since when; whoever may make a link may ask.
async fn feed_status(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
) -> Result<Json<CalendarFeedStatus>, AppError> {
    access::require(
        &state,
        &user,
        &address,
        Resource::CalendarFeed,
        Action::Create,
    )
    .await?;
    let created_at = db::calendar::live_since(&state.db, &user.id).await?;
    Ok(Json(CalendarFeedStatus {
        active: created_at.is_some(),
        created_at,
    }))
}

/// A new feed link, shown once; the account's earlier link stops working.
async fn create_feed(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
) -> Result<(StatusCode, Json<CalendarFeedCreated>), AppError> {
    access::require(
        &state,
        &user,
        &address,
        Resource::CalendarFeed,
        Action::Create,
    )
    .await?;
    let token = new_token();
    let hash = token_hash(&token);
    let now = now_text(&state);
    write(
        &state,
        Change::new(&user, &address, "calendar_feed.create", "calendar_feed"),
        async |tx| Ok(db::calendar::replace(tx, &user.id, &hash, &now).await?),
    )
    .await?;
    let url = format!(
        "{}{}?token={token}",
        state.public_url.trim_end_matches('/'),
        paths::url(paths::CALENDAR)
    );
    let webcal_url = match url.split_once("://") {
        Some((_, rest)) => format!("webcal://{rest}"),
        None => url.clone(),
    };
    Ok((
        StatusCode::CREATED,
        Json(CalendarFeedCreated { url, webcal_url }),
    ))
}

/// Revokes the account's feed link: it answers 404 from now on.
async fn revoke_feed(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
) -> Result<StatusCode, AppError> {
    access::require(
        &state,
        &user,
        &address,
        Resource::CalendarFeed,
        Action::Create,
    )
    .await?;
    let now = now_text(&state);
    write(
        &state,
        Change::new(&user, &address, "calendar_feed.revoke", "calendar_feed"),
        async |tx| {
            db::calendar::revoke(&mut *tx, &user.id, &now).await?;
            Ok(user.id.to_string())
        },
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

fn days(kind: &str, line: DatedLine, summary: String) -> Event {
    Event {
        uid: format!("{kind}-{}", line.id),
        summary,
        location: line.place,
        when: When::Days {
            first: line.start,
            last: line.end,
        },
        sequence: line.version - 1,
    }
}

/// `who: what` in a coach's feed (their participants; a list of first names for a visit), `what`
/// in a participant's own.
fn whose(titles: &Titles, who: &str, what: String) -> String {
    if who.is_empty() {
        return what;
    }
    let names: Vec<&str> = who.split(", ").map(|n| titles.first_name(n)).collect();
    format!("{}: {what}", names.join(", "))
}

/// The feed of the token's account; 404 for a token unknown, revoked or of a disabled account.
async fn read_feed(
    State(state): State<AppState>,
    Query(query): Query<CalendarQuery>,
) -> Result<Response, AppError> {
    let token = query
        .token
        .filter(|t| !t.is_empty())
        .ok_or(AppError::NotFound)?;
    let user_id = db::calendar::account_of(&state.db, &token_hash(&token))
        .await?
        .ok_or(AppError::NotFound)?;
    let account = db::users::signed_in(&state.db, &user_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let titles = Titles::of(account.interface_language);
    let (participant, coach) = match account.role {
        Role::Participant => (
            account
                .participant_id
                .as_ref()
                .map_or(String::new(), ToString::to_string),
            String::new(),
        ),
        Role::Coach => (String::new(), account.id.to_string()),
        Role::CompanyContact | Role::Coordinator | Role::MunicipalityViewer => {
            (String::new(), String::new())
        }
    };
    let own = account.role == Role::Participant;
    let mut events = Vec::new();
    if !participant.is_empty() || !coach.is_empty() {
        for m in db::calendar::meetings(&state.db, &participant, &coach).await? {
            let Some(start) = calendar::start_time(&m.start_time) else {
                continue;
            };
            events.push(Event {
                uid: format!("meeting-{}-{}", m.cohort_id, m.number),
                summary: titles.meeting(m.number),
                location: Some(m.place),
                when: When::Timed {
                    date: m.date,
                    start,
                    minutes: meeting_length(
                        m.own_minutes.and_then(|n| u32::try_from(n).ok()),
                        m.municipality_minutes.and_then(|n| u32::try_from(n).ok()),
                    ),
                },
                sequence: m.version - 1,
            });
        }
        for v in db::calendar::visits(&state.db, &participant, &coach).await? {
            let who = if own { String::new() } else { v.who.clone() };
            let summary = whose(&titles, &who, titles.visit(&v.what));
            events.push(days("visit", v, summary));
        }
        for i in db::calendar::internships(&state.db, &participant, &coach).await? {
            let who = if own { String::new() } else { i.who.clone() };
            let summary = whose(&titles, &who, titles.internship_at(&i.what));
            events.push(days("internship", i, summary));
        }
        for a in db::calendar::actions(&state.db, &participant, &coach).await? {
            let who = if own { String::new() } else { a.who.clone() };
            let summary = whose(&titles, &who, titles.action(&a.what));
            events.push(days("action", a, summary));
        }
    }
    if let (Role::CompanyContact, Some(organisation)) = (account.role, &account.organisation_id) {
        for v in db::calendar::organisation_visits(&state.db, organisation).await? {
            let summary = titles.visit(&v.what);
            events.push(days("visit", v, summary));
        }
        for i in db::calendar::organisation_internships(&state.db, organisation).await? {
            let summary = titles.internship_of(&i.who);
            events.push(days("internship", i, summary));
        }
        for e in db::events::of_organisation(&state.db, organisation).await? {
            let Some(start) = calendar::start_time(&e.start_time) else {
                continue;
            };
            events.push(Event {
                uid: format!("event-{}", e.id),
                summary: titles.event(e.kind, &e.title),
                location: Some(e.place).filter(|p| !p.is_empty()).or(e.online_link),
                when: When::Timed {
                    date: e.date,
                    start,
                    minutes: calendar::EVENT_MINUTES,
                },
                sequence: e.version - 1,
            });
        }
    }
    let text = calendar::render("VIP route", &events, state.clock.now());
    Ok((
        [(header::CONTENT_TYPE, "text/calendar; charset=utf-8")],
        text,
    )
        .into_response())
}
