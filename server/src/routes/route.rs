//! `GET /participants/{id}/route`: the route derived by the shared rules from the stored facts.

use axum::{Router, extract::State, routing::get};
use shared::{
    api::{CoachContact, NextMeeting, RouteResponse, paths::ParticipantSub},
    ids::ParticipantId,
    route::{InternshipFact, MeetingFact, ParticipantFile, route},
    rules::{
        plan::{ActionOwner, GoalStatus},
        training::{MeetingNumber, Theme},
    },
    values::{Email, Phone},
};

use super::{
    cohorts::parse_status, date, parse_name, participants::participant_for, plan::action_detail,
};
use crate::error::{ApiResult, Json};
use crate::{
    AppError, AppState,
    access::{Action, Resource},
    auth::{ClientAddress, CurrentUser},
    db,
    error::Path,
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
    let participant = participant_for(
        &state,
        &user,
        &address,
        id.as_str(),
        Resource::Route,
        Action::Read,
    )
    .await?;
    let today = state.clock.today();

    let scheduled = match &participant.cohort_id {
        Some(cohort) => db::cohorts::meetings(&state.db, cohort).await?,
        None => Vec::new(),
    };
    let attendance = db::cohorts::attendance_of(&state.db, &participant.id).await?;
    let mut meetings = Vec::new();
    for number in MeetingNumber::all() {
        let n = i64::from(number.get());
        let stored = scheduled.iter().find(|m| m.number == n);
        meetings.push(MeetingFact {
            number,
            date: date(stored.map(|m| m.date.as_str()))?,
            attendance: attendance
                .iter()
                .find(|(m, _)| *m == n)
                .map(|(_, s)| parse_status(s))
                .transpose()?,
        });
    }
    let next_meeting = meetings
        .iter()
        .filter_map(|m| m.date.filter(|d| *d >= today).map(|d| (m.number, d)))
        .min_by_key(|(_, d)| *d)
        .map(|(number, date)| {
            let stored = scheduled
                .iter()
                .find(|m| m.number == i64::from(number.get()));
            NextMeeting {
                number,
                theme: Theme::of(number),
                date,
                start_time: stored.map(|m| m.start_time.clone()),
                place: stored.map(|m| m.place.clone()),
            }
        });

    let goals: Vec<GoalStatus> = db::plan::goals_of(&state.db, &participant.id)
        .await?
        .iter()
        .map(|g| parse_name(&g.status))
        .collect::<Result<_, _>>()?;
    let actions = db::plan::actions_of(&state.db, &participant.id).await?;
    let mut open_actions = Vec::new();
    for action in actions {
        let owner: ActionOwner = parse_name(&action.owner)?;
        if owner == ActionOwner::Participant && !action.done {
            open_actions.push(action_detail(action)?);
        }
    }

    let coach =
        match &participant.coach_id {
            Some(coach_id) => db::users::contact_of(&state.db, coach_id).await?.map(
                |(first_name, email, phone)| CoachContact {
                    first_name: first_name.unwrap_or_default(),
                    email: Email::parse(&email).ok(),
                    phone: phone.as_deref().and_then(|p| Phone::parse(p).ok()),
                },
            ),
            None => None,
        };
    let visits = db::openings::visit_dates_of(&state.db, &participant.id)
        .await?
        .iter()
        .map(|d| date(Some(d))?.ok_or_else(|| AppError::Internal("stored date".to_owned())))
        .collect::<Result<_, _>>()?;
    let internships = super::internships::planned_of(&state.db, &participant.id)
        .await?
        .into_iter()
        .map(|(_, p)| InternshipFact {
            start: p.start,
            end: p.end,
            cancelled: p.cancelled,
        })
        .collect();
    let introductions = db::introductions::of_participant(&state.db, &participant.id)
        .await?
        .iter()
        .map(|n| parse_name(&n.status))
        .collect::<Result<_, _>>()?;
    let expenses = super::budget::amounts(&db::expenses::of(&state.db, &participant.id).await?)?;

    let file = ParticipantFile {
        meetings_required: state.settings.meetings_required,
        meetings,
        has_coach: coach.is_some(),
        goals,
        visits,
        internships,
        introductions,
        budget_cap: super::budget::cap_of(&state, &participant).await?,
        expenses,
        outcome: db::outcomes::of(&state.db, &participant.id)
            .await?
            .last()
            .map(|o| parse_name(&o.kind))
            .transpose()?,
    };
    Ok(Json(RouteResponse {
        participant_id: ParticipantId::parse(participant.id)
            .map_err(|_| AppError::Internal("stored participant id".to_owned()))?,
        first_name: participant.first_name,
        route: route(&file, today),
        next_meeting,
        coach,
        open_actions,
    }))
}
