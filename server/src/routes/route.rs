//! `GET /participants/{id}/route`: the route derived by the shared rules from the stored facts.

use axum::{Router, extract::State, routing::get};
use shared::{
    api::{ActionDetail, CoachContact, NextMeeting, RouteResponse, paths::ParticipantSub},
    ids::ParticipantId,
    route::{InternshipFact, MeetingFact, ParticipantFile, route},
    rules::{
        plan::{ActionOwner, GoalStatus},
        training::{MeetingNumber, Theme},
    },
};

use crate::{
    AppState,
    access::{Action, Resource, participant_for},
    auth::{ClientAddress, CurrentUser},
    db,
    error::{ApiResult, Json, Path},
};

pub fn router() -> Router<AppState> {
    Router::new().route(&ParticipantSub::Route.pattern(), get(get_route))
}

async fn get_route(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<ParticipantId>,
) -> ApiResult<RouteResponse> {
    let participant =
        participant_for(&state, &user, &address, &id, Resource::Route, Action::Read).await?;
    let today = state.clock.today();
    // One connection for the dozen reads below, taken from the pool once.
    let mut db = state.db.acquire().await?;

    let scheduled = match &participant.cohort_id {
        Some(cohort) => db::cohorts::meetings(&mut *db, cohort).await?,
        None => Vec::new(),
    };
    let attendance = db::cohorts::attendance_of(&mut *db, &participant.id).await?;
    let meetings: Vec<MeetingFact> = MeetingNumber::all()
        .map(|number| MeetingFact {
            number,
            date: scheduled
                .iter()
                .find(|m| m.number == number)
                .map(|m| m.date),
            attendance: attendance
                .iter()
                .find(|(m, _)| *m == number)
                .map(|(_, s)| *s),
        })
        .collect();
    let next_meeting = meetings
        .iter()
        .filter_map(|m| m.date.filter(|d| *d >= today).map(|d| (m.number, d)))
        .min_by_key(|(_, d)| *d)
        .map(|(number, date)| {
            let stored = scheduled.iter().find(|m| m.number == number);
            NextMeeting {
                number,
                theme: Theme::of(number),
                date,
                start_time: stored.map(|m| m.start_time.clone()),
                place: stored.map(|m| m.place.clone()),
            }
        });

    let goals: Vec<GoalStatus> = db::plan::goals_of(&mut *db, &participant.id)
        .await?
        .iter()
        .map(|g| g.status)
        .collect();
    let open_actions: Vec<ActionDetail> = db::plan::actions_of(&mut *db, &participant.id)
        .await?
        .into_iter()
        .filter(|a| a.owner == ActionOwner::Participant && !a.done)
        .map(Into::into)
        .collect();

    let coach =
        match &participant.coach_id {
            Some(coach_id) => db::users::contact_of(&mut *db, coach_id).await?.map(
                |(first_name, email, phone)| CoachContact {
                    first_name: first_name.unwrap_or_default(),
                    email: Some(email),
                    phone,
                },
            ),
            None => None,
        };
    let visits = db::openings::visit_dates_of(&mut *db, &participant.id).await?;
    let internships = db::internships::planned_of(&mut *db, &participant.id)
        .await?
        .into_iter()
        .map(|(_, p)| InternshipFact {
            start: p.start,
            end: p.end,
            cancelled: p.cancelled,
        })
        .collect();
    let introductions = db::introductions::of_participant(&mut *db, &participant.id)
        .await?
        .iter()
        .map(|n| n.status)
        .collect();
    let expenses = db::expenses::amounts(&db::expenses::of(&mut *db, &participant.id).await?);
    let agreement_cap =
        db::municipalities::agreement_cap(&mut *db, &participant.municipality_id).await?;

    let file = ParticipantFile {
        meetings_required: state.settings.meetings_required,
        meetings,
        has_coach: coach.is_some(),
        goals,
        visits,
        internships,
        introductions,
        budget_cap: state.settings.budget_cap_for(agreement_cap),
        expenses,
        outcome: db::outcomes::of(&mut *db, &participant.id)
            .await?
            .last()
            .map(|o| o.kind),
    };
    Ok(Json(RouteResponse {
        participant_id: participant.id,
        first_name: participant.first_name.into(),
        route: route(&file, today),
        next_meeting,
        coach,
        open_actions,
    }))
}
