//! Organisations, their openings, and registrations for company visits.

use axum::{
    Router,
    extract::State,
    http::StatusCode,
    routing::{get, post},
};
use shared::{
    Violation, ViolationKind,
    api::{
        CreateOrganisation, OpeningCandidate, OpeningDetail, OpeningInput, OpeningPatch,
        OrganisationDetail, OrganisationPatch, Page, PageQuery, RegistrationDetail,
        RegistrationInput, paths,
    },
    ids::{OpeningId, OrganisationId, ParticipantId, RegistrationId},
    rules::{
        openings::{
            OpeningDetails, OpeningKind, OpeningStatus, OrganisationKind, ValidOpening,
            ValidOrganisation, opening_transition,
        },
        versions::check_version,
        visits::{check_registration, places_left},
    },
    values::{Capacity, DutchLevel, KvkNumber, Postcode},
};

use super::{Change, date, name_of, page, parse_name, participants::participant_for, stale, write};
use crate::{
    AppError, AppState,
    access::{self, Action, Relation, Resource, Ties},
    auth::{ClientAddress, CurrentUser},
    db::{
        self, Scope, openings::NewOpening, openings::OpeningRow, organisations::NewOrganisation,
        organisations::OrganisationRow,
    },
    error::Path,
    error::{ApiResult, Json, Query},
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            paths::ORGANISATIONS,
            get(list_organisations).post(create_organisation),
        )
        .route(
            paths::ORGANISATION_PATTERN,
            get(get_organisation).patch(update_organisation),
        )
        .route(
            paths::ORGANISATION_OPENINGS_PATTERN,
            get(list_organisation_openings).post(create_opening),
        )
        .route(paths::OPENINGS, get(list_openings))
        .route(
            paths::OPENING_PATTERN,
            get(get_opening).patch(update_opening),
        )
        .route(paths::REGISTRATIONS_PATTERN, post(register_for_visit))
}

fn stored(what: &str) -> AppError {
    AppError::Internal(format!("stored {what}"))
}

fn organisation(row: OrganisationRow) -> Result<OrganisationDetail, AppError> {
    Ok(OrganisationDetail {
        id: OrganisationId::parse(row.id).map_err(|_| stored("organisation id"))?,
        version: row.version,
        kind: parse_name::<OrganisationKind>(&row.kind)?,
        name: row.name,
        sector: row.sector,
        street: row.street,
        postcode: Postcode::parse(&row.postcode).map_err(|_| stored("postcode"))?,
        city: row.city,
        kvk_number: row
            .kvk_number
            .as_deref()
            .map(KvkNumber::parse)
            .transpose()
            .map_err(|_| stored("kvk number"))?,
    })
}

fn opening(row: OpeningRow) -> Result<OpeningDetail, AppError> {
    let capacity = row
        .capacity
        .map(u8::try_from)
        .transpose()
        .map_err(|_| stored("capacity"))?;
    Ok(OpeningDetail {
        id: OpeningId::parse(row.id).map_err(|_| stored("opening id"))?,
        version: row.version,
        organisation_id: OrganisationId::parse(row.organisation_id)
            .map_err(|_| stored("organisation id"))?,
        organisation_name: row.organisation_name,
        kind: parse_name::<OpeningKind>(&row.kind)?,
        status: parse_name::<OpeningStatus>(&row.status)?,
        title: row.title,
        description: row.description,
        date: date(row.date.as_deref())?,
        place: row.place,
        capacity,
        places_left: capacity.map(u32::from),
        start_date: date(row.start_date.as_deref())?,
        end_date: date(row.end_date.as_deref())?,
        hours_per_week: row
            .hours_per_week
            .map(u32::try_from)
            .transpose()
            .map_err(|_| stored("hours"))?,
        dutch_level: row
            .dutch_level
            .as_deref()
            .map(DutchLevel::parse)
            .transpose()
            .map_err(|_| stored("level"))?,
        candidates: Vec::new(),
    })
}

async fn list_organisations(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Query(query): Query<PageQuery>,
) -> ApiResult<Page<OrganisationDetail>> {
    let relation = access::require(
        &state,
        &user,
        &address,
        Resource::Organisation,
        Action::Read,
    )
    .await?;
    let limit = query.limit();
    let rows = db::organisations::list(
        &state.db,
        Scope::of(&user, relation),
        query.cursor.as_deref().unwrap_or(""),
        limit,
    )
    .await?;
    page(rows, limit, |r| r.id.clone(), organisation).map(Json)
}

/// Loads an organisation the account may see, or 404.
async fn visible_organisation(
    state: &AppState,
    user: &CurrentUser,
    address: &ClientAddress,
    id: &str,
    relation: Relation,
) -> Result<OrganisationRow, AppError> {
    let row = db::organisations::by_id(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let municipality = [row.municipality_id.clone()];
    access::check(
        state,
        user,
        address,
        Resource::Organisation,
        &row.id,
        relation,
        &Ties {
            municipality_ids: &municipality,
            organisation_id: Some(&row.id),
            ..Ties::default()
        },
    )
    .await?;
    Ok(row)
}

async fn get_organisation(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<OrganisationId>,
) -> ApiResult<OrganisationDetail> {
    let relation = access::require(
        &state,
        &user,
        &address,
        Resource::Organisation,
        Action::Read,
    )
    .await?;
    let row = visible_organisation(&state, &user, &address, id.as_str(), relation).await?;
    organisation(row).map(Json)
}

async fn list_organisation_openings(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<OrganisationId>,
    Query(query): Query<PageQuery>,
) -> ApiResult<Page<OpeningDetail>> {
    let relation = access::require(
        &state,
        &user,
        &address,
        Resource::Organisation,
        Action::Read,
    )
    .await?;
    let row = visible_organisation(&state, &user, &address, id.as_str(), relation).await?;
    let opening_relation =
        access::require(&state, &user, &address, Resource::Opening, Action::Read).await?;
    let limit = query.limit();
    let rows = db::openings::list(
        &state.db,
        Scope::of(&user, opening_relation),
        Some(&row.id),
        query.cursor.as_deref().unwrap_or(""),
        limit,
    )
    .await?;
    let next_cursor = (rows.len() == limit as usize)
        .then(|| rows.last().map(|r| r.id.clone()))
        .flatten();
    let mut items = Vec::new();
    for row in rows {
        items.push(opening_for(&state, &user, row).await?);
    }
    Ok(Json(Page { items, next_cursor }))
}

async fn list_openings(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Query(query): Query<PageQuery>,
) -> ApiResult<Page<OpeningDetail>> {
    let relation =
        access::require(&state, &user, &address, Resource::Opening, Action::Read).await?;
    let limit = query.limit();
    let rows = db::openings::list(
        &state.db,
        Scope::of(&user, relation),
        None,
        query.cursor.as_deref().unwrap_or(""),
        limit,
    )
    .await?;
    page(rows, limit, |r| r.id.clone(), opening).map(Json)
}

async fn get_opening(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<OpeningId>,
) -> ApiResult<OpeningDetail> {
    let relation =
        access::require(&state, &user, &address, Resource::Opening, Action::Read).await?;
    let row = db::openings::by_id(&state.db, id.as_str())
        .await?
        .ok_or(AppError::NotFound)?;
    let municipality = [row.municipality_id.clone()];
    access::check(
        &state,
        &user,
        &address,
        Resource::Opening,
        &row.id,
        relation,
        &Ties {
            municipality_ids: &municipality,
            organisation_id: Some(&row.organisation_id),
            open: row.status == "open",
            ..Ties::default()
        },
    )
    .await?;
    opening_for(&state, &user, row).await.map(Json)
}

fn new_organisation<'a>(
    valid: &'a ValidOrganisation,
    kind: &'a str,
    municipality_id: &'a str,
) -> NewOrganisation<'a> {
    NewOrganisation {
        municipality_id,
        kind,
        name: valid.name.as_str(),
        sector: valid.sector.as_str(),
        street: valid.street.as_str(),
        postcode: valid.postcode.as_str(),
        city: valid.city.as_str(),
        kvk_number: valid.kvk_number.as_ref().map(|k| k.as_str()),
    }
}

/// A coordinator registers an organisation in one of their municipalities.
async fn create_organisation(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Json(input): Json<CreateOrganisation>,
) -> Result<(StatusCode, Json<OrganisationDetail>), AppError> {
    access::require(
        &state,
        &user,
        &address,
        Resource::Organisation,
        Action::Create,
    )
    .await?;
    let checked = input.organisation.validate();
    let mut violations = match &checked {
        Ok(_) => shared::Violations::new(),
        Err(v) => v.clone(),
    };
    let municipality = input
        .municipality_id
        .as_ref()
        .map(|m| m.as_str().to_owned());
    match &municipality {
        None => violations.push("municipality_id", ViolationKind::Required {}),
        Some(m) if !user.municipality_ids.contains(m) => {
            violations.push("municipality_id", ViolationKind::UnknownRecord {})
        }
        Some(_) => {}
    }
    let (Ok(valid), Some(municipality)) = (checked, municipality) else {
        return Err(AppError::Validation(violations));
    };
    if !violations.is_empty() {
        return Err(AppError::Validation(violations));
    }
    let kind = name_of(&valid.kind)?;
    let id =
        write(
            &state,
            Change::new(&user, &address, "organisation.create", "organisation"),
            async |tx| {
                Ok(db::organisations::insert(
                    &mut *tx,
                    &new_organisation(&valid, &kind, &municipality),
                )
                .await?)
            },
        )
        .await?;
    let row = db::organisations::by_id(&state.db, &id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((StatusCode::CREATED, Json(organisation(row)?)))
}

/// The company contact edits their own organisation; a coordinator any in their region.
async fn update_organisation(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<OrganisationId>,
    Json(patch): Json<OrganisationPatch>,
) -> ApiResult<OrganisationDetail> {
    let relation = access::require(
        &state,
        &user,
        &address,
        Resource::Organisation,
        Action::Update,
    )
    .await?;
    let row = visible_organisation(&state, &user, &address, id.as_str(), relation).await?;
    let valid = patch
        .organisation
        .validate()
        .map_err(AppError::Validation)?;
    check_version(row.version, patch.version).map_err(|v| AppError::Conflict(v.into()))?;
    let kind = name_of(&valid.kind)?;
    write(
        &state,
        Change::new(&user, &address, "organisation.update", "organisation"),
        async |tx| {
            let new = new_organisation(&valid, &kind, &row.municipality_id);
            if db::organisations::update(&mut *tx, &row.id, patch.version, &new).await? {
                Ok(row.id.clone())
            } else {
                Err(stale(tx, "organisations", &row.id, patch.version).await)
            }
        },
    )
    .await?;
    let row = db::organisations::by_id(&state.db, &row.id)
        .await?
        .ok_or(AppError::NotFound)?;
    organisation(row).map(Json)
}

/// The stored columns of a valid opening.
#[derive(Default)]
struct OpeningColumns {
    kind: &'static str,
    date: Option<String>,
    place: Option<String>,
    capacity: Option<i64>,
    start_date: Option<String>,
    end_date: Option<String>,
    hours_per_week: Option<i64>,
    dutch_level: Option<String>,
}

fn columns(valid: &ValidOpening) -> OpeningColumns {
    match &valid.details {
        OpeningDetails::CompanyVisit {
            date,
            place,
            capacity,
        } => OpeningColumns {
            kind: "company_visit",
            date: Some(date.to_string()),
            place: Some(place.as_str().to_owned()),
            capacity: Some(i64::from(capacity.get())),
            ..OpeningColumns::default()
        },
        OpeningDetails::Internship {
            start_date,
            end_date,
            hours_per_week,
            dutch_level,
        } => OpeningColumns {
            kind: "internship",
            start_date: Some(start_date.to_string()),
            end_date: Some(end_date.to_string()),
            hours_per_week: Some(i64::from(*hours_per_week)),
            dutch_level: Some(dutch_level.as_str().to_owned()),
            ..OpeningColumns::default()
        },
        OpeningDetails::Job => OpeningColumns {
            kind: "job",
            ..OpeningColumns::default()
        },
        OpeningDetails::Volunteer => OpeningColumns {
            kind: "volunteer",
            ..OpeningColumns::default()
        },
        OpeningDetails::Education => OpeningColumns {
            kind: "education",
            ..OpeningColumns::default()
        },
    }
}

fn new_opening<'a>(
    organisation_id: &'a str,
    status: &'a str,
    valid: &'a ValidOpening,
    c: &'a OpeningColumns,
) -> NewOpening<'a> {
    NewOpening {
        organisation_id,
        kind: c.kind,
        status,
        title: valid.title.as_str(),
        description: valid.description.as_str(),
        date: c.date.as_deref(),
        place: c.place.as_deref(),
        capacity: c.capacity,
        start_date: c.start_date.as_deref(),
        end_date: c.end_date.as_deref(),
        hours_per_week: c.hours_per_week,
        dutch_level: c.dutch_level.as_deref(),
    }
}

/// A company contact (or coordinator) registers an opening; it starts as a draft.
async fn create_opening(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<OrganisationId>,
    Json(input): Json<OpeningInput>,
) -> Result<(StatusCode, Json<OpeningDetail>), AppError> {
    let relation =
        access::require(&state, &user, &address, Resource::Opening, Action::Create).await?;
    let org = visible_organisation(&state, &user, &address, id.as_str(), relation).await?;
    let valid = input
        .validate(&state.settings, state.clock.today())
        .map_err(AppError::Validation)?;
    let c = columns(&valid);
    let opening_id = write(
        &state,
        Change::new(&user, &address, "opening.create", "opening"),
        async |tx| {
            Ok(db::openings::insert(&mut *tx, &new_opening(&org.id, "draft", &valid, &c)).await?)
        },
    )
    .await?;
    let row = db::openings::by_id(&state.db, &opening_id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((
        StatusCode::CREATED,
        Json(opening_for(&state, &user, row).await?),
    ))
}

/// Changes the state (draft → open → filled or closed) and/or edits the opening.
async fn update_opening(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<OpeningId>,
    Json(patch): Json<OpeningPatch>,
) -> ApiResult<OpeningDetail> {
    let relation =
        access::require(&state, &user, &address, Resource::Opening, Action::Update).await?;
    let row = db::openings::by_id(&state.db, id.as_str())
        .await?
        .ok_or(AppError::NotFound)?;
    visible_opening(&state, &user, &address, &row, relation).await?;
    let current: OpeningStatus = parse_name(&row.status)?;
    let status = match patch.status {
        Some(to) if to != current => {
            opening_transition(current, to)
                .map_err(|kind| AppError::Validation(Violation::new("status", kind).into()))?;
            to
        }
        Some(_) | None => current,
    };
    let edited = match &patch.opening {
        Some(input) => Some(
            input
                .validate(&state.settings, state.clock.today())
                .map_err(AppError::Validation)?,
        ),
        None => None,
    };
    check_version(row.version, patch.version).map_err(|v| AppError::Conflict(v.into()))?;
    let status_name = name_of(&status)?;
    let edited_columns = edited.as_ref().map(|valid| (valid, columns(valid)));
    let new = match &edited_columns {
        Some((valid, c)) => new_opening(&row.organisation_id, &status_name, valid, c),
        None => NewOpening {
            organisation_id: &row.organisation_id,
            kind: &row.kind,
            status: &status_name,
            title: &row.title,
            description: &row.description,
            date: row.date.as_deref(),
            place: row.place.as_deref(),
            capacity: row.capacity,
            start_date: row.start_date.as_deref(),
            end_date: row.end_date.as_deref(),
            hours_per_week: row.hours_per_week,
            dutch_level: row.dutch_level.as_deref(),
        },
    };
    write(
        &state,
        Change::new(&user, &address, "opening.update", "opening"),
        async |tx| {
            if db::openings::update(&mut *tx, &row.id, patch.version, &new).await? {
                Ok(row.id.clone())
            } else {
                Err(stale(tx, "openings", &row.id, patch.version).await)
            }
        },
    )
    .await?;
    let row = db::openings::by_id(&state.db, &row.id)
        .await?
        .ok_or(AppError::NotFound)?;
    opening_for(&state, &user, row).await.map(Json)
}

/// A coach or coordinator registers a participant for an open company visit.
async fn register_for_visit(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<OpeningId>,
    Json(input): Json<RegistrationInput>,
) -> Result<(StatusCode, Json<RegistrationDetail>), AppError> {
    let participant = participant_for(
        &state,
        &user,
        &address,
        input.participant_id.as_str(),
        Resource::Registration,
        Action::Create,
    )
    .await?;
    let row = db::openings::by_id(&state.db, id.as_str())
        .await?
        .ok_or(AppError::NotFound)?;
    let in_region = user.municipality_ids.contains(&row.municipality_id);
    if !in_region || row.status != "open" || row.kind != "company_visit" {
        return Err(AppError::NotFound);
    }
    let capacity = Capacity::new(row.capacity.unwrap_or(0))
        .map_err(|_| AppError::Internal("stored capacity".to_owned()))?;
    let participant_id = ParticipantId::parse(participant.id.clone())
        .map_err(|_| AppError::Internal("stored participant id".to_owned()))?;
    let registration = write(
        &state,
        Change::new(&user, &address, "registration.create", "registration"),
        async |tx| {
            let ids: Vec<ParticipantId> = db::openings::registered(&mut *tx, &row.id)
                .await?
                .into_iter()
                .filter_map(|p| ParticipantId::parse(p).ok())
                .collect();
            check_registration(capacity, &ids, &participant_id).map_err(|kind| {
                AppError::Conflict(Violation::new("participant_id", kind).into())
            })?;
            Ok(db::openings::register(&mut *tx, &row.id, &participant.id).await?)
        },
    )
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(RegistrationDetail {
            id: RegistrationId::parse(registration)
                .map_err(|_| AppError::Internal("new id".to_owned()))?,
            version: 1,
            opening_id: OpeningId::parse(row.id)
                .map_err(|_| AppError::Internal("stored id".to_owned()))?,
            participant_id,
        }),
    ))
}

/// `Ok` when the account may see the opening in the relation; 404 otherwise.
async fn visible_opening(
    state: &AppState,
    user: &CurrentUser,
    address: &ClientAddress,
    row: &OpeningRow,
    relation: Relation,
) -> Result<(), AppError> {
    let municipality = [row.municipality_id.clone()];
    access::check(
        state,
        user,
        address,
        Resource::Opening,
        &row.id,
        relation,
        &Ties {
            municipality_ids: &municipality,
            organisation_id: Some(&row.organisation_id),
            open: row.status == "open",
            ..Ties::default()
        },
    )
    .await
}

/// An opening with its places left and, for its organisation and coordinators, the people
/// registered or introduced (first names only where the participant consented).
async fn opening_for(
    state: &AppState,
    user: &CurrentUser,
    row: OpeningRow,
) -> Result<OpeningDetail, AppError> {
    let registered = db::openings::registered(&state.db, &row.id).await?;
    let introduced: Vec<String> =
        db::introductions::of_organisation(&state.db, &row.organisation_id)
            .await?
            .into_iter()
            .filter(|n| n.opening_id.as_deref() == Some(row.id.as_str()) && n.status != "declined")
            .map(|n| n.participant_id)
            .collect();
    let sees_people = user.organisation_id.as_deref() == Some(row.organisation_id.as_str())
        || user.role == shared::roles::Role::Coordinator;
    let mut candidates = Vec::new();
    if sees_people {
        for participant_id in registered.iter().chain(introduced.iter()) {
            let consented = db::introductions::shares_profile_with(
                &state.db,
                participant_id,
                &row.organisation_id,
            )
            .await?;
            let first_name = if consented {
                db::participants::by_id(&state.db, participant_id)
                    .await?
                    .map(|p| p.first_name)
            } else {
                None
            };
            candidates.push(OpeningCandidate { first_name });
        }
    }
    let mut detail = opening(row)?;
    if let Some(capacity) = detail
        .capacity
        .and_then(|c| Capacity::new(i64::from(c)).ok())
    {
        detail.places_left = Some(places_left(capacity, registered.len()));
    }
    detail.candidates = candidates;
    Ok(detail)
}
