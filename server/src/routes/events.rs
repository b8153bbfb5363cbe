//! Expert meetings and trainings for organisations: published by a coordinator or hosted by an
//! organisation, for the organisations of some municipalities; their contacts register colleagues
//! by name and role, and the host marks who attended.

use axum::{
    Router,
    extract::State,
    http::StatusCode,
    routing::{get, post, put},
};
use shared::{
    Violation, ViolationKind, Violations,
    api::{
        EventAttendanceLine, EventDetail, EventInput, EventRegistrationDetail,
        EventRegistrationInput, paths,
    },
    ids::{EventId, EventRegistrationId},
    roles::Role,
    rules::events::check_event_registration,
};

use super::{Change, write};
use crate::{
    AppError, AppState,
    access::{self, Action, Relation, Resource, Ties},
    auth::{ClientAddress, CurrentUser},
    db::{self, events::EventRow},
    error::{ApiResult, Json, Path},
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route(paths::EVENTS, get(list_events).post(create_event))
        .route(paths::EVENT_PATTERN, get(get_event))
        .route(paths::EVENT_REGISTRATIONS_PATTERN, post(register_for_event))
        .route(
            paths::EVENT_REGISTRATION_CANCEL_PATTERN,
            post(cancel_event_registration),
        )
        .route(paths::EVENT_ATTENDANCE_PATTERN, put(mark_event_attendance))
}

/// The event as `user` sees it: the host and coordinators see every registration, another
/// organisation only its own.
async fn detail(
    state: &AppState,
    user: &CurrentUser,
    row: EventRow,
) -> Result<EventDetail, AppError> {
    let municipality_ids = db::events::municipalities_of(&state.db, &row.id).await?;
    let all = db::events::registrations_of(&state.db, &row.id).await?;
    let capacity = u32::try_from(row.capacity).map_err(|_| AppError::stored("event capacity"))?;
    let taken = u32::try_from(all.len()).unwrap_or(u32::MAX);
    let sees_all = user.role == Role::Coordinator
        || (row.host_organisation_id.is_some() && row.host_organisation_id == user.organisation_id);
    let registrations = all
        .into_iter()
        .filter(|r| sees_all || Some(&r.organisation_id) == user.organisation_id.as_ref())
        .map(|r| EventRegistrationDetail {
            id: r.id,
            version: r.version,
            organisation_id: r.organisation_id,
            organisation_name: r.organisation_name,
            name: r.name,
            role: r.role,
            attended: r.attended,
        })
        .collect();
    Ok(EventDetail {
        id: row.id,
        version: row.version,
        kind: row.kind,
        title: row.title,
        date: row.date,
        start_time: row.start_time,
        place: row.place,
        online_link: row.online_link,
        capacity,
        places_left: capacity.saturating_sub(taken),
        municipality_ids,
        host_organisation_id: row.host_organisation_id,
        host_name: row.host_name,
        registrations,
    })
}

/// The event, when it stands in the relationship the account needs for `resource` and
/// `action` (through its municipalities, or its host), or 404.
async fn event_for(
    state: &AppState,
    user: &CurrentUser,
    address: &ClientAddress,
    id: &EventId,
    resource: Resource,
    action: Action,
) -> Result<EventRow, AppError> {
    let relation = access::require(state, user, address, resource, action).await?;
    let row = db::events::by_id(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let municipalities = db::events::municipalities_of(&state.db, &row.id).await?;
    // The host always reaches its own event.
    let hosted = row.host_organisation_id.is_some()
        && row.host_organisation_id == user.organisation_id
        && relation == Relation::Region;
    if hosted {
        return Ok(row);
    }
    access::check(
        state,
        user,
        address,
        resource,
        &row.id,
        relation,
        &Ties {
            municipality_ids: &municipalities,
            organisation_id: row.host_organisation_id.as_ref(),
            ..Ties::default()
        },
    )
    .await?;
    Ok(row)
}

async fn list_events(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
) -> ApiResult<Vec<EventDetail>> {
    access::require(&state, &user, &address, Resource::Event, Action::Read).await?;
    let rows = db::events::list_for(
        &state.db,
        &user.id,
        user.organisation_id.as_ref(),
        state.clock.today(),
    )
    .await?;
    let mut items = Vec::with_capacity(rows.len());
    for row in rows {
        items.push(detail(&state, &user, row).await?);
    }
    Ok(Json(items))
}

/// A coordinator publishes an event for municipalities of their region; a company contact hosts
/// one as their organisation, for their own municipalities.
async fn create_event(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Json(input): Json<EventInput>,
) -> Result<(StatusCode, Json<EventDetail>), AppError> {
    let relation =
        access::require(&state, &user, &address, Resource::Event, Action::Create).await?;
    let host = match relation {
        Relation::OwnOrganisation => Some(user.organisation_id.clone().ok_or(AppError::Forbidden)?),
        Relation::Region | Relation::Assigned | Relation::Own | Relation::OpenInRegion => None,
    };
    let valid = input
        .validate(state.clock.today())
        .map_err(AppError::Validation)?;
    if let Some(outside) = valid.municipality_ids.iter().find(|m| !user.holds(m)) {
        return Err(access::unknown_in_region(
            &state,
            &user,
            &address,
            Resource::Municipality,
            Some(outside.as_str()),
            "municipality_ids",
        )
        .await);
    }
    let id = write(
        &state,
        Change::new(&user, &address, "event.create", "event"),
        async |tx| Ok(db::events::insert(tx, &valid, host.as_ref()).await?),
    )
    .await?;
    let row = db::events::by_id(&state.db, &id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((StatusCode::CREATED, Json(detail(&state, &user, row).await?)))
}

async fn get_event(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<EventId>,
) -> ApiResult<EventDetail> {
    let row = event_for(&state, &user, &address, &id, Resource::Event, Action::Read).await?;
    detail(&state, &user, row).await.map(Json)
}

/// A company contact registers a colleague of their organisation: within capacity, a name once.
async fn register_for_event(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<EventId>,
    Json(input): Json<EventRegistrationInput>,
) -> Result<(StatusCode, Json<EventDetail>), AppError> {
    let row = event_for(
        &state,
        &user,
        &address,
        &id,
        Resource::EventRegistration,
        Action::Create,
    )
    .await?;
    let organisation = user.organisation_id.clone().ok_or(AppError::Forbidden)?;
    let (name, role) = input.validate().map_err(AppError::Validation)?;
    let capacity = u32::try_from(row.capacity).map_err(|_| AppError::stored("event capacity"))?;
    write(
        &state,
        Change::new(&user, &address, "event.register", "event"),
        async |tx| {
            let registered: Vec<_> = db::events::registrations_of(&mut *tx, &row.id)
                .await?
                .into_iter()
                .map(|r| (r.organisation_id, r.name))
                .collect();
            check_event_registration(capacity, &registered, &organisation, name.as_str()).map_err(
                |kind| {
                    // A repeat names the person; a full event is about the event as a whole.
                    let field = if kind == (ViolationKind::AlreadyRegistered {}) {
                        "name"
                    } else {
                        ""
                    };
                    AppError::Conflict(Violation::new(field, kind).into())
                },
            )?;
            db::events::register(
                &mut *tx,
                &row.id,
                &organisation,
                name.as_str(),
                role.as_str(),
            )
            .await?;
            Ok(row.id.clone())
        },
    )
    .await?;
    let row = db::events::by_id(&state.db, &id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((StatusCode::CREATED, Json(detail(&state, &user, row).await?)))
}

/// A company contact cancels a registration of their own organisation.
async fn cancel_event_registration(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<EventRegistrationId>,
) -> ApiResult<EventDetail> {
    let relation = access::require(
        &state,
        &user,
        &address,
        Resource::EventRegistration,
        Action::Update,
    )
    .await?;
    let registration = db::events::registration_by_id(&state.db, &id)
        .await?
        .ok_or(AppError::NotFound)?;
    access::check(
        &state,
        &user,
        &address,
        Resource::EventRegistration,
        &registration.id,
        relation,
        &Ties {
            organisation_id: Some(&registration.organisation_id),
            ..Ties::default()
        },
    )
    .await?;
    write(
        &state,
        Change::new(&user, &address, "event.cancel_registration", "event"),
        async |tx| {
            if db::events::cancel(&mut *tx, &registration.id).await? {
                Ok(registration.event_id.clone())
            } else {
                Err(AppError::NotFound)
            }
        },
    )
    .await?;
    let row = db::events::by_id(&state.db, &registration.event_id)
        .await?
        .ok_or(AppError::NotFound)?;
    detail(&state, &user, row).await.map(Json)
}

/// The host (or a coordinator of its region) marks who attended, on the day or after it.
async fn mark_event_attendance(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<EventId>,
    Json(lines): Json<Vec<EventAttendanceLine>>,
) -> ApiResult<EventDetail> {
    let row = event_for(
        &state,
        &user,
        &address,
        &id,
        Resource::EventAttendance,
        Action::Update,
    )
    .await?;
    if row.date > state.clock.today() {
        return Err(AppError::Validation(
            Violation::new("", ViolationKind::AttendanceInTheFuture {}).into(),
        ));
    }
    write(
        &state,
        Change::new(&user, &address, "event.attendance", "event"),
        async |tx| {
            let mut unknown = Violations::new();
            for (i, line) in lines.iter().enumerate() {
                if !db::events::mark_attended(
                    &mut *tx,
                    &row.id,
                    &line.registration_id,
                    line.attended,
                )
                .await?
                {
                    unknown.push(
                        format!("{i}.registration_id"),
                        ViolationKind::UnknownRecord {},
                    );
                }
            }
            if unknown.is_empty() {
                Ok(row.id.clone())
            } else {
                Err(AppError::Validation(unknown))
            }
        },
    )
    .await?;
    let row = db::events::by_id(&state.db, &id)
        .await?
        .ok_or(AppError::NotFound)?;
    detail(&state, &user, row).await.map(Json)
}
