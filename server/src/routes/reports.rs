//! `GET /reports/municipalities/{id}`: a municipality's figures, computed by the shared report
//! rules with small cells hidden; `GET /nudges`: what the coordinator (their region) or the coach
//! (their participants) should look at, computed by the shared coach rules.

use std::collections::HashMap;

use axum::{Router, extract::State, routing::get};
use chrono::{Datelike, Days, NaiveDate};
use shared::{
    api::{MunicipalityReport, NudgeItem, ReportQuery, paths},
    ids::{MunicipalityId, ParticipantId},
    rules::{
        budget::ExpenseStatus,
        coach::{
            INTERNSHIP_ENDING_NUDGE_DAYS, budget_nudge, caseload_nudge, follow_up_nudge,
            internship_nudge, nudges,
        },
        reports::{AgreementFacts, municipality_report},
    },
};

use crate::{
    AppError, AppState,
    access::{self, Action, Relation, Resource},
    auth::{ClientAddress, CurrentUser},
    db::{self, nudges::NudgeScope},
    error::{ApiResult, Json, Path, Query},
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route(paths::MUNICIPALITY_REPORT_PATTERN, get(get_report))
        .route(paths::NUDGES, get(list_nudges))
}

/// Reaching a report is reaching the municipality: its coordinators and its viewers; any other
/// municipality answers 404 like a missing one.
async fn get_report(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<MunicipalityId>,
    Query(query): Query<ReportQuery>,
) -> ApiResult<MunicipalityReport> {
    let municipality = access::municipality_for(&state, &user, &address, &id, Action::Read).await?;
    let today = state.clock.today();
    let start_of_year = NaiveDate::from_ymd_opt(today.year(), 1, 1).unwrap_or(today);
    let period = query
        .period(municipality.agreement_start.unwrap_or(start_of_year), today)
        .map_err(AppError::Validation)?;
    let agreement = match (
        municipality.agreement_start,
        municipality.agreement_end,
        municipality.contracted_participants,
    ) {
        (Some(start), Some(end), Some(contracted)) => Some(AgreementFacts {
            start,
            end,
            contracted: u32::try_from(contracted)
                .map_err(|_| AppError::stored("contracted participants"))?,
        }),
        _ => None,
    };
    // One read transaction: every figure comes from the same snapshot.
    let mut tx = state.db.begin().await?;
    let mut facts = db::reports::facts(&mut tx, &municipality.id).await?;
    for (id, counted) in facts.iter_mut().filter(|(_, f)| f.results_consent) {
        if let Some(participant) = db::participants::by_id(&mut *tx, id).await? {
            counted.ready_on = super::map::ready_on(&mut tx, &participant, today).await?;
        }
    }
    let facts: Vec<_> = facts.into_values().collect();
    let programme_started = db::reports::programme_started(&mut tx, today).await?;
    tx.commit().await?;
    Ok(Json(municipality_report(
        municipality.id,
        period,
        &facts,
        agreement,
        u32::try_from(programme_started).unwrap_or(u32::MAX),
        &state.settings,
    )))
}

/// A coordinator's nudges cover their region, a coach's their own participants; other roles may
/// not ask.
async fn list_nudges(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
) -> ApiResult<Vec<NudgeItem>> {
    let relation =
        access::require(&state, &user, &address, Resource::Participant, Action::Read).await?;
    let region = match relation {
        Relation::Region => true,
        Relation::Assigned => false,
        Relation::Own | Relation::OwnOrganisation | Relation::OpenInRegion => {
            return Err(AppError::Forbidden);
        }
    };
    let scope = NudgeScope {
        user_id: &user.id,
        region,
    };
    let today = state.clock.today();
    let name = |first: &str, last: &str| format!("{first} {last}");
    let mut items = Vec::new();

    let mut tx = state.db.begin().await?;
    let coached = db::nudges::coached(&mut tx, scope).await?;
    let mut held: HashMap<ParticipantId, Vec<_>> = HashMap::new();
    for m in db::nudges::held_meetings(&mut tx, scope, today).await? {
        held.entry(m.participant_id).or_default().push(m.status);
    }
    for p in &coached {
        let attendance = held.get(&p.id).map(Vec::as_slice).unwrap_or_default();
        let found = match p.coached_since {
            Some(since) => nudges(p.last_contact, since, attendance, today, &state.settings),
            // Without a cohort the coaching has no start yet: only absences could count, and
            // there are no meetings.
            None => Vec::new(),
        };
        for nudge in found {
            items.push(NudgeItem {
                nudge,
                participant_id: Some(p.id.clone()),
                name: name(&p.first_name, &p.last_name),
                coach_id: None,
            });
        }
    }

    let week = today
        .checked_add_days(Days::new(INTERNSHIP_ENDING_NUDGE_DAYS.unsigned_abs()))
        .unwrap_or(NaiveDate::MAX);
    for i in db::nudges::internships_ending(&mut tx, scope, today, week).await? {
        if let Some(nudge) = internship_nudge(i.day, i.done, today) {
            items.push(NudgeItem {
                nudge,
                participant_id: Some(i.participant_id),
                name: name(&i.first_name, &i.last_name),
                coach_id: None,
            });
        }
    }
    for e in db::nudges::expenses_in(&mut tx, scope, ExpenseStatus::Pending).await? {
        if let Some(nudge) = budget_nudge(ExpenseStatus::Pending, e.day) {
            items.push(NudgeItem {
                nudge,
                participant_id: Some(e.participant_id),
                name: name(&e.first_name, &e.last_name),
                coach_id: None,
            });
        }
    }
    for o in db::nudges::outcomes_to_follow_up(&mut tx, scope).await? {
        if let Some(nudge) = follow_up_nudge(o.day, o.done, today) {
            items.push(NudgeItem {
                nudge,
                participant_id: Some(o.participant_id),
                name: name(&o.first_name, &o.last_name),
                coach_id: None,
            });
        }
    }
    if region {
        for c in db::nudges::coach_loads(&mut tx, &user.id).await? {
            let active = u32::try_from(c.active).unwrap_or(u32::MAX);
            if let Some(nudge) = caseload_nudge(active, &state.settings) {
                items.push(NudgeItem {
                    nudge,
                    participant_id: None,
                    name: c.first_name.unwrap_or_default(),
                    coach_id: Some(c.id),
                });
            }
        }
    }
    tx.commit().await?;
    Ok(Json(items))
}
