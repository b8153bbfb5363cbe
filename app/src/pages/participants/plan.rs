use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};
use shared::{
    api::{ActionDetail, ActionInput, GoalDetail, GoalInput, GoalPatch, ParticipantDetail},
    ids::{GoalId, ParticipantId},
    roles::Role,
    rules::plan::{ActionOwner, GoalStatus, may_tick},
};

use super::actions::ActionItem;
use crate::{
    api::{self, ApiError},
    auth::use_auth,
    components::{
        Date, FieldCheck, Form, FormAlert, Glyph, Icon, LatestVersion, Loaded, ParticipantTabs,
        SelectField, TextField, api_resource, focus_soon, parse_opt, path_param, set_page_title,
        today,
    },
    i18n::use_i18n,
    pages::training::keys,
};

const FIELDS: &[(&str, &str)] = &[
    ("title", "goal-title"),
    ("target_date", "goal-target"),
    ("status", "goal-status"),
];

const ACTION_FIELDS: &[(&str, &str)] = &[
    ("text", "action-text"),
    ("due_date", "action-due"),
    ("owner", "action-owner"),
];

/// The form open on the page: one at a time, so every field has its own id.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Open {
    NewGoal,
    EditGoal(GoalId),
    NewAction(GoalId),
}

/// `/participants/{id}/plan`: the goals with their actions. A coach or coordinator adds and
/// changes them; everyone ticks off the actions they may (a participant their own).
#[component]
pub fn ParticipantPlanPage() -> impl IntoView {
    let i18n = use_i18n();
    set_page_title(move || i18n.t("plan-title"));
    let id = path_param::<ParticipantId>("id");
    let plan = api_resource(move || {
        let id = id.get();
        async move {
            let Some(id) = id else {
                return Err(ApiError::not_found());
            };
            let participant = api::participants::participant(&id).await?;
            let goals = api::participants::goals(&id).await?;
            Ok::<_, ApiError>((participant, goals))
        }
    });
    let reload = Callback::new(move |()| plan.refetch());
    view! {
        <Loaded resource=plan children=move |(participant, goals)| {
            view! { <Plan participant=participant goals=goals reload=reload /> }
        } />
    }
}

#[component]
fn Plan(
    participant: ParticipantDetail,
    goals: Vec<GoalDetail>,
    reload: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let role = use_auth().role();
    let staff = matches!(role, Some(Role::Coach | Role::Coordinator));
    let id = participant.id.clone();
    let goals = RwSignal::new(goals);
    let open = RwSignal::new(None::<Open>);
    let ids = move || goals.with(|g| g.iter().map(|g| g.id.clone()).collect::<Vec<_>>());
    let new_goal = {
        let id = id.clone();
        staff.then(move || {
            let id = id.clone();
            move || {
                if open.get() == Some(Open::NewGoal) {
                    let done = Callback::new(move |goal: GoalDetail| {
                        let focus = format!("goal-{}", goal.id);
                        goals.update(|g| g.push(goal));
                        open.set(None);
                        request_animation_frame(move || crate::components::focus_by_id(&focus));
                    });
                    view! {
                        <section class="card" aria-labelledby="goal-new-title">
                            <h2 id="goal-new-title">{move || i18n.t("goal-new-title")}</h2>
                            <GoalForm participant=id.clone() done=done open=open />
                        </section>
                    }
                    .into_any()
                } else {
                    view! {
                        <p>
                            <button
                                type="button"
                                class="button"
                                on:click=move |_| {
                                    open.set(Some(Open::NewGoal));
                                    focus_soon("goal-title");
                                }
                            >
                                <Icon glyph=Glyph::Plus />
                                {move || i18n.t("goal-new")}
                            </button>
                        </p>
                    }
                    .into_any()
                }
            }
        })
    };
    let empty = move || {
        goals
            .with(Vec::is_empty)
            .then(|| view! { <p class="card">{move || i18n.t("plan-none")}</p> })
    };
    view! {
        <section class="page" aria-labelledby="plan-title">
            <p class="eyebrow">
                {
                    let (first, last) = (participant.first_name.clone(), participant.last_name.clone());
                    move || i18n.participant_name(&first, &last)
                }
            </p>
            <h1 id="plan-title">{move || i18n.t("plan-title")}</h1>
            <ParticipantTabs id=id.clone() />
            <p class="hint">{move || i18n.t(if staff { "plan-intro-staff" } else { "plan-intro" })}</p>
            {empty}
            <ul class="goal-list">
                <For each=ids key=|id| id.clone() let:goal_id>
                    <GoalCard
                        participant=id.clone()
                        goal_id=goal_id
                        goals=goals
                        open=open
                        staff=staff
                        reload=reload
                    />
                </For>
            </ul>
            {new_goal}
        </section>
    }
}

#[component]
fn GoalCard(
    participant: ParticipantId,
    goal_id: GoalId,
    goals: RwSignal<Vec<GoalDetail>>,
    open: RwSignal<Option<Open>>,
    staff: bool,
    reload: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let role = use_auth().role();
    let goal = {
        let goal_id = goal_id.clone();
        Memo::new(move |_| goals.with(|list| list.iter().find(|g| g.id == goal_id).cloned()))
    };
    let title = move || goal.with(|g| g.as_ref().map(|g| g.title.clone()).unwrap_or_default());
    let heading_id = format!("goal-{goal_id}");
    let labelled_by = heading_id.clone();
    let status = move || goal.with(|g| g.as_ref().map(|g| g.status));
    let target = move || goal.with(|g| g.as_ref().and_then(|g| g.target_date));
    let action_ids = move || {
        goal.with(|g| {
            g.as_ref()
                .map(|g| g.actions.iter().map(|a| a.id.clone()).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };
    let action_of = move |id: &shared::ids::ActionId| {
        goal.with_untracked(|g| {
            g.as_ref()
                .and_then(|g| g.actions.iter().find(|a| a.id == *id).cloned())
        })
    };
    let buttons = staff.then(|| {
        let edit = Open::EditGoal(goal_id.clone());
        let add = Open::NewAction(goal_id.clone());
        view! {
            <div class="actions">
                <button
                    type="button"
                    class="button button-secondary button-small"
                    on:click=move |_| {
                        open.set(Some(edit.clone()));
                        focus_soon("goal-title");
                    }
                >
                    <Icon glyph=Glyph::Edit />
                    {move || i18n.t("goal-edit")}
                    <span class="visually-hidden">": " {title}</span>
                </button>
                <button
                    type="button"
                    class="button button-secondary button-small"
                    on:click=move |_| {
                        open.set(Some(add.clone()));
                        focus_soon("action-text");
                    }
                >
                    <Icon glyph=Glyph::Plus />
                    {move || i18n.t("action-new")}
                    <span class="visually-hidden">": " {title}</span>
                </button>
            </div>
        }
    });
    let form = {
        let goal_id = goal_id.clone();
        move || {
            let current = open.get();
            match current {
                Some(Open::EditGoal(id)) if id == goal_id => {
                    let Some(existing) = goal.get_untracked() else {
                        return ().into_any();
                    };
                    let done = Callback::new(move |saved: GoalDetail| {
                        goals.update(|list| {
                            if let Some(g) = list.iter_mut().find(|g| g.id == saved.id) {
                                *g = saved;
                            }
                        });
                        open.set(None);
                    });
                    view! {
                        <GoalForm
                            participant=participant.clone()
                            existing=existing
                            done=done
                            open=open
                        />
                    }
                    .into_any()
                }
                Some(Open::NewAction(id)) if id == goal_id => {
                    let done = Callback::new(move |action: ActionDetail| {
                        goals.update(|list| {
                            if let Some(g) = list.iter_mut().find(|g| g.id == action.goal_id) {
                                g.actions.push(action);
                            }
                        });
                        open.set(None);
                    });
                    view! { <ActionForm goal=id done=done open=open /> }.into_any()
                }
                Some(Open::EditGoal(_) | Open::NewAction(_) | Open::NewGoal) | None => {
                    ().into_any()
                }
            }
        }
    };
    view! {
        <li class="card goal" aria-labelledby=labelled_by>
            <h2 id=heading_id tabindex="-1">
                <Icon glyph=Glyph::Goal />
                {title}
            </h2>
            <p class="meta goal-meta">
                {move || {
                    status()
                        .map(|s| {
                            view! {
                                <span class=format!("badge goal-{}", keys::goal_status_value(s))>
                                    {move || i18n.t(keys::goal_status(s))}
                                </span>
                            }
                        })
                }}
                {move || {
                    target()
                        .map(|d| {
                            view! {
                                <span>
                                    <Icon glyph=Glyph::Calendar />
                                    {move || i18n.t_with("goal-target-value", &[("date", i18n.date(&d))])}
                                </span>
                            }
                        })
                }}
            </p>
            <ul class="action-list">
                <For each=action_ids key=|id| id.clone() let:action_id>
                    {action_of(&action_id)
                        .map(|action| {
                            let tick = role.is_some_and(|r| may_tick(r, action.owner).is_ok());
                            view! { <ActionItem action=action may_tick=tick reload=reload /> }
                        })}
                </For>
            </ul>
            {buttons}
            {form}
        </li>
    }
}

fn goal_status_of(text: &str) -> Option<GoalStatus> {
    keys::GOAL_STATUSES
        .into_iter()
        .find(|s| keys::goal_status_value(*s) == text)
}

fn owner_of(text: &str) -> Option<ActionOwner> {
    keys::OWNERS
        .into_iter()
        .find(|o| keys::owner_value(*o) == text)
}

/// A new goal, or the changes to one: `GoalInput::validate` with today's date as the user types
/// and on sending (a target date that has passed may stay as it was).
#[component]
fn GoalForm(
    participant: ParticipantId,
    #[prop(optional)] existing: Option<GoalDetail>,
    done: Callback<GoalDetail>,
    open: RwSignal<Option<Open>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let form = Form::new("goal-form", FIELDS);
    let title = RwSignal::new(
        existing
            .as_ref()
            .map(|g| g.title.clone())
            .unwrap_or_default(),
    );
    let target = RwSignal::new(
        existing
            .as_ref()
            .and_then(|g| g.target_date)
            .map(|d| d.to_string())
            .unwrap_or_default(),
    );
    let status = RwSignal::new(
        existing
            .as_ref()
            .map(|g| keys::goal_status_value(g.status).to_owned())
            .unwrap_or_default(),
    );
    let stored_target = existing.as_ref().and_then(|g| g.target_date);
    let editing = existing.as_ref().map(|g| g.id.clone());
    let version = RwSignal::new(existing.as_ref().map_or(0, |g| g.version));
    let latest = RwSignal::new(None::<GoalDetail>);
    let today: Date = today();
    let input = move || GoalInput {
        title: title.get(),
        target_date: parse_opt(&target.get()),
        status: goal_status_of(&status.get()),
    };
    let live = move || {
        input()
            .validate(today, stored_target)
            .err()
            .map(|v| v.0)
            .unwrap_or_default()
    };
    let shown = form.shown(live);
    let check = move |field, errors| FieldCheck::new(shown, field, errors);
    let on_submit = {
        let editing = editing.clone();
        let participant = participant.clone();
        move |ev: SubmitEvent| {
            ev.prevent_default();
            let input = input();
            let editing = editing.clone();
            let participant = participant.clone();
            form.submit(
                live(),
                move || async move {
                    match editing {
                        Some(id) => {
                            let patch = GoalPatch::whole(input, version.get_untracked());
                            api::goals::update_goal(&id, &patch).await
                        }
                        None => api::participants::create_goal(&participant, &input).await,
                    }
                },
                move |saved: GoalDetail| done.run(saved),
            );
        }
    };
    let reload = editing.clone().map(|goal_id| {
        Callback::new(move |()| {
            let participant = participant.clone();
            let goal_id = goal_id.clone();
            spawn_local(async move {
                if let Ok(all) = auth.check(api::participants::goals(&participant).await)
                    && let Some(fresh) = all.into_iter().find(|g| g.id == goal_id)
                {
                    version.set(fresh.version);
                    latest.set(Some(fresh));
                }
            });
        })
    });
    let statuses = Signal::derive(move || {
        keys::GOAL_STATUSES
            .into_iter()
            .map(|s| {
                (
                    keys::goal_status_value(s).to_owned(),
                    i18n.t(keys::goal_status(s)),
                )
            })
            .collect::<Vec<_>>()
    });
    let t = move |key: &'static str| Signal::derive(move || i18n.t(key));
    let status_field = editing.is_some().then(|| {
        view! {
            <SelectField
                id="goal-status"
                label=t("goal-status")
                value=status
                check=check("status", "goal-status-errors")
                options=statuses
            />
        }
    });
    view! {
        <form
            id="goal-form"
            class="form"
            novalidate
            on:submit=on_submit
            on:input=move |ev| form.changed(&ev)
            aria-busy=move || form.busy().then_some("true")
        >
            <FormAlert form=form shown=shown errors_id="goal-errors" on_reload=reload />
            {move || {
                latest
                    .get()
                    .map(|g| {
                        let summary = format!("{} ({})", g.title, i18n.t(keys::goal_status(g.status)));
                        let take = Callback::new(move |()| {
                            title.set(g.title.clone());
                            target.set(g.target_date.map(|d| d.to_string()).unwrap_or_default());
                            status.set(keys::goal_status_value(g.status).to_owned());
                            latest.set(None);
                        });
                        view! { <LatestVersion summary=summary take=take /> }
                    })
            }}
            <TextField
                id="goal-title"
                label=t("goal-title")
                value=title
                check=check("title", "goal-title-errors")
            />
            <TextField
                id="goal-target"
                label=t("goal-target")
                value=target
                check=check("target_date", "goal-target-errors")
                input_type="date"
            />
            {status_field}
            <FormButtons form=form open=open save="goal-save" />
        </form>
    }
}

/// A new action of a goal: `ActionInput::validate` with today's date as the user types and on
/// sending.
#[component]
fn ActionForm(
    goal: GoalId,
    done: Callback<ActionDetail>,
    open: RwSignal<Option<Open>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let form = Form::new("action-form", ACTION_FIELDS);
    let text = RwSignal::new(String::new());
    let due = RwSignal::new(String::new());
    let owner = RwSignal::new(keys::owner_value(ActionOwner::Participant).to_owned());
    let today: Date = today();
    let input = move || ActionInput {
        text: text.get(),
        due_date: parse_opt(&due.get()),
        owner: owner_of(&owner.get()),
    };
    let live = move || {
        input()
            .validate(today)
            .err()
            .map(|v| v.0)
            .unwrap_or_default()
    };
    let shown = form.shown(live);
    let check = move |field, errors| FieldCheck::new(shown, field, errors);
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let input = input();
        let goal = goal.clone();
        form.submit(
            live(),
            move || async move { api::goals::create_action(&goal, &input).await },
            move |saved: ActionDetail| done.run(saved),
        );
    };
    let owners = Signal::derive(move || {
        keys::OWNERS
            .into_iter()
            .map(|o| (keys::owner_value(o).to_owned(), i18n.t(keys::owner(o))))
            .collect::<Vec<_>>()
    });
    let t = move |key: &'static str| Signal::derive(move || i18n.t(key));
    view! {
        <form
            id="action-form"
            class="form"
            novalidate
            on:submit=on_submit
            on:input=move |ev| form.changed(&ev)
            aria-busy=move || form.busy().then_some("true")
        >
            <FormAlert form=form shown=shown errors_id="action-errors" />
            <TextField
                id="action-text"
                label=t("action-text")
                value=text
                check=check("text", "action-text-errors")
            />
            <TextField
                id="action-due"
                label=t("action-due")
                value=due
                check=check("due_date", "action-due-errors")
                input_type="date"
            />
            <SelectField
                id="action-owner"
                label=t("action-owner")
                value=owner
                check=check("owner", "action-owner-errors")
                options=owners
            />
            <FormButtons form=form open=open save="action-save" />
        </form>
    }
}

/// Save and cancel.
#[component]
fn FormButtons(
    form: Form,
    open: RwSignal<Option<Open>>,
    /// The key of the save button's text.
    save: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="actions">
            <button type="submit" class="button">
                {move || if form.busy() { i18n.t("edit-saving") } else { i18n.t(save) }}
            </button>
            <button type="button" class="button button-secondary" on:click=move |_| open.set(None)>
                {move || i18n.t("edit-cancel")}
            </button>
        </div>
    }
}
