use chrono::NaiveDate;
use leptos::{ev::SubmitEvent, prelude::*};
use shared::{
    api::{FollowUpPatch, OutcomeDetail, OutcomeInput},
    ids::ParticipantId,
    roles::Role,
    rules::outcome::{ContractKind, FollowUpInput, OutcomeKind},
    values::LadderRung,
};

use crate::{
    api,
    components::{
        FieldCheck, Form, FormAlert, Loaded, ParticipantFrame, SelectField, TextAreaField,
        TextField, api_resource, id_param, missing, parse_opt, role, set_page_title, text, today,
    },
    i18n::{I18n, use_i18n},
    pages::{NotFoundPage, training::keys::outcome_kind},
};

const KINDS: [(OutcomeKind, &str); 4] = [
    (OutcomeKind::PaidJob, "paid_job"),
    (OutcomeKind::Education, "education"),
    (OutcomeKind::Volunteering, "volunteering"),
    (OutcomeKind::None, "none"),
];

const CONTRACTS: [(ContractKind, &str, &str); 2] = [
    (
        ContractKind::Temporary,
        "temporary",
        "outcome-contract-temporary",
    ),
    (
        ContractKind::Permanent,
        "permanent",
        "outcome-contract-permanent",
    ),
];

/// A recorded outcome in plain words: what, since when, and the rung at exit; then the
/// follow-up, done or due.
pub fn outcome_words(o: &OutcomeDetail, i18n: I18n) -> Vec<String> {
    let mut lines = Vec::new();
    let kind = i18n.t(outcome_kind(o.kind));
    let date = i18n.date(&o.date);
    lines.push(match (o.kind, o.hours_per_week, o.contract) {
        (OutcomeKind::PaidJob, Some(hours), Some(contract)) => i18n.t_with(
            "outcome-words-job",
            &[
                ("date", date),
                ("hours", hours.to_string()),
                (
                    "contract",
                    i18n.t(match contract {
                        ContractKind::Temporary => "outcome-contract-temporary",
                        ContractKind::Permanent => "outcome-contract-permanent",
                    }),
                ),
            ],
        ),
        (OutcomeKind::None, _, _) => i18n.t_with(
            "outcome-words-none",
            &[
                ("date", date),
                ("reason", o.reason.clone().unwrap_or_default()),
            ],
        ),
        _ => i18n.t_with("outcome-words", &[("kind", kind), ("date", date)]),
    });
    if let Some(rung) = o.ladder_rung {
        lines.push(i18n.t_with(
            "outcome-words-rung",
            &[
                ("rung", rung.get().to_string()),
                ("name", i18n.ladder_rung(rung)),
            ],
        ));
    }
    lines.push(match &o.follow_up {
        Some(f) => i18n.t_with(
            if f.lasted {
                "outcome-words-follow-up-lasted"
            } else {
                "outcome-words-follow-up-ended"
            },
            &[
                ("date", i18n.date(&f.date)),
                ("rung", f.ladder_rung.get().to_string()),
                ("name", i18n.ladder_rung(f.ladder_rung)),
            ],
        ),
        None => i18n.t_with(
            "outcome-words-follow-up-due",
            &[("date", i18n.date(&o.follow_up_due))],
        ),
    });
    lines
}

/// `/participants/{id}/outcome`: the outcome and its follow-up; a coordinator records them.
#[component]
pub fn ParticipantOutcomePage() -> impl IntoView {
    set_page_title(text("outcome-title"));
    let id = id_param::<ParticipantId>();
    move || match id.get() {
        Some(id) => view! { <Outcomes id=id /> }.into_any(),
        None => view! { <NotFoundPage /> }.into_any(),
    }
}

#[component]
fn Outcomes(id: ParticipantId) -> impl IntoView {
    let outcomes = {
        let id = id.clone();
        api_resource(move || {
            let id = id.clone();
            async move { api::reports::outcomes(&id).await }
        })
    };
    let records = role() == Some(Role::Coordinator);
    let missing = missing(outcomes);
    let changed = Callback::new(move |()| outcomes.refetch());
    let recorded = RwSignal::new(false);
    move || {
        if missing.get() {
            return view! { <NotFoundPage /> }.into_any();
        }
        let id = id.clone();
        view! {
            <ParticipantFrame id=id.clone() title="outcome-title">
                <p role="status" class="status-line">
                    {move || recorded.get().then(|| use_i18n().t("outcome-recorded"))}
                </p>
                <Loaded resource=outcomes part=true children=move |list| {
                    view! { <OutcomeList outcomes=list records=records changed=changed /> }
                } />
                {records
                    .then(|| {
                        view! {
                            <OutcomeForm
                                participant=id.clone()
                                done=Callback::new(move |()| {
                                    recorded.set(true);
                                    outcomes.refetch();
                                })
                            />
                        }
                    })}
            </ParticipantFrame>
        }
        .into_any()
    }
}

#[component]
fn OutcomeList(
    outcomes: Vec<OutcomeDetail>,
    records: bool,
    changed: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    if outcomes.is_empty() {
        return view! { <p>{text("outcome-none-yet")}</p> }.into_any();
    }
    view! {
        <ul class="item-list outcome-list">
            {outcomes
                .into_iter()
                .map(|o| {
                    let kind = o.kind;
                    let due = o.follow_up_due;
                    let open = o.follow_up.is_none();
                    let words = o.clone();
                    view! {
                        <li class="outcome">
                            <h2>{move || i18n.t(outcome_kind(kind))}</h2>
                            {move || {
                                outcome_words(&words, i18n)
                                    .into_iter()
                                    .map(|line| view! { <p>{line}</p> })
                                    .collect_view()
                            }}
                            {(records && open && today::<NaiveDate>() >= due)
                                .then(|| view! { <FollowUpForm outcome=o.clone() done=changed /> })}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}

fn rungs(i18n: I18n) -> Vec<(String, String)> {
    (1..=6)
        .filter_map(|n| LadderRung::new(n).ok())
        .map(|r| {
            (
                r.get().to_string(),
                i18n.t_with(
                    "profile-ladder-value",
                    &[("rung", r.get().to_string()), ("name", i18n.ladder_rung(r))],
                ),
            )
        })
        .collect()
}

const FIELDS: &[(&str, &str)] = &[
    ("kind", "outcome-kind"),
    ("date", "outcome-date"),
    ("hours_per_week", "outcome-hours"),
    ("contract", "outcome-contract"),
    ("reason", "outcome-reason"),
    ("ladder_rung", "outcome-rung"),
];

/// A coordinator records the outcome: `OutcomeInput::validate` as they type and on sending.
#[component]
fn OutcomeForm(participant: ParticipantId, done: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let form = Form::new("outcome-form", FIELDS);
    let kind = RwSignal::new(String::new());
    let date = RwSignal::new(today::<NaiveDate>().to_string());
    let hours = RwSignal::new(String::new());
    let contract = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let rung = RwSignal::new(String::new());
    let chosen = move || {
        KINDS
            .iter()
            .find(|(_, k)| kind.with(|v| v == k))
            .map(|(k, _)| *k)
    };
    let input = move || OutcomeInput {
        kind: chosen(),
        date: parse_opt(&date.get()),
        hours_per_week: parse_opt(&hours.get()),
        contract: CONTRACTS
            .iter()
            .find(|(_, c, _)| contract.with(|v| v == c))
            .map(|(c, _, _)| *c),
        reason: reason.get(),
        ladder_rung: parse_opt(&rung.get()),
    };
    let live = move || {
        input()
            .validate(today())
            .err()
            .map(|v| v.0)
            .unwrap_or_default()
    };
    let shown = form.shown(live);
    let check =
        move |field: &'static str, errors: &'static str| FieldCheck::new(shown, field, errors);
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let participant = participant.clone();
        let input = input();
        form.submit(
            live(),
            move || async move { api::reports::record_outcome(&participant, &input).await },
            move |_| {
                for value in [kind, hours, contract, reason, rung] {
                    value.set(String::new());
                }
                done.run(());
            },
        );
    };
    let t = move |key: &'static str| Signal::derive(move || i18n.t(key));
    let kinds = Signal::derive(move || {
        KINDS
            .iter()
            .map(|(k, v)| ((*v).to_owned(), i18n.t(outcome_kind(*k))))
            .collect::<Vec<_>>()
    });
    let contracts = Signal::derive(move || {
        CONTRACTS
            .iter()
            .map(|(_, v, key)| ((*v).to_owned(), i18n.t(key)))
            .collect::<Vec<_>>()
    });
    let rung_options = Signal::derive(move || rungs(i18n));
    view! {
        <section class="card" aria-labelledby="outcome-form-title">
            <h2 id="outcome-form-title">{text("outcome-form-title")}</h2>
            <form
                id="outcome-form"
                class="form"
                novalidate
                on:submit=on_submit
                on:input=move |ev| form.changed(&ev)
                aria-busy=move || form.busy().then_some("true")
            >
                <FormAlert form=form shown=shown errors_id="outcome-errors" />
                <SelectField
                    id="outcome-kind"
                    label=t("outcome-kind")
                    value=kind
                    check=check("kind", "outcome-kind-errors")
                    options=kinds
                    empty=t("form-choose")
                />
                <TextField
                    id="outcome-date"
                    label=t("outcome-date")
                    value=date
                    check=check("date", "outcome-date-errors")
                    input_type="date"
                />
                <Show when=move || chosen() == Some(OutcomeKind::PaidJob)>
                    <TextField
                        id="outcome-hours"
                        label=t("outcome-hours")
                        value=hours
                        check=check("hours_per_week", "outcome-hours-errors")
                        inputmode="numeric"
                    />
                    <SelectField
                        id="outcome-contract"
                        label=t("outcome-contract")
                        value=contract
                        check=check("contract", "outcome-contract-errors")
                        options=contracts
                        empty=t("form-choose")
                    />
                </Show>
                <Show when=move || chosen() == Some(OutcomeKind::None)>
                    <TextAreaField
                        id="outcome-reason"
                        label=t("outcome-reason")
                        value=reason
                        check=check("reason", "outcome-reason-errors")
                        rows=3
                    />
                </Show>
                <SelectField
                    id="outcome-rung"
                    label=t("outcome-rung")
                    value=rung
                    check=check("ladder_rung", "outcome-rung-errors")
                    options=rung_options
                    empty=t("form-choose")
                />
                <button type="submit" class="button">
                    {move || if form.busy() { i18n.t("form-saving") } else { i18n.t("outcome-submit") }}
                </button>
            </form>
        </section>
    }
}

const FOLLOW_UP_FIELDS: &[(&str, &str)] = &[
    ("date", "follow-up-date"),
    ("lasted", "follow-up-lasted"),
    ("ladder_rung", "outcome-rung"),
];

/// The follow-up six months later: whether it lasted, and the rung.
#[component]
fn FollowUpForm(outcome: OutcomeDetail, done: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let form = Form::new("follow-up-form", FOLLOW_UP_FIELDS);
    let date = RwSignal::new(today::<NaiveDate>().to_string());
    let lasted = RwSignal::new(String::new());
    let rung = RwSignal::new(String::new());
    let (id, version, outcome_date) = (outcome.id.clone(), outcome.version, outcome.date);
    let input = move || FollowUpInput {
        date: parse_opt(&date.get()),
        lasted: match lasted.get().as_str() {
            "yes" => Some(true),
            "no" => Some(false),
            _ => None,
        },
        ladder_rung: parse_opt(&rung.get()),
    };
    let live = move || {
        input()
            .validate(outcome_date, today())
            .err()
            .map(|v| v.0)
            .unwrap_or_default()
    };
    let shown = form.shown(live);
    let check =
        move |field: &'static str, errors: &'static str| FieldCheck::new(shown, field, errors);
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let id = id.clone();
        let patch = FollowUpPatch {
            follow_up: input(),
            version,
        };
        form.submit(
            live(),
            move || async move { api::reports::follow_up(&id, &patch).await },
            move |_| done.run(()),
        );
    };
    let t = move |key: &'static str| Signal::derive(move || i18n.t(key));
    let answers = Signal::derive(move || {
        vec![
            ("yes".to_owned(), i18n.t("follow-up-lasted-yes")),
            ("no".to_owned(), i18n.t("follow-up-lasted-no")),
        ]
    });
    view! {
        <form
            id="follow-up-form"
            class="form"
            novalidate
            on:submit=on_submit
            on:input=move |ev| form.changed(&ev)
            aria-busy=move || form.busy().then_some("true")
        >
            <h3>{text("follow-up-title")}</h3>
            <FormAlert form=form shown=shown errors_id="follow-up-errors" on_reload=Some(done) />
            <TextField
                id="follow-up-date"
                label=t("follow-up-date")
                value=date
                check=check("date", "follow-up-date-errors")
                input_type="date"
            />
            <SelectField
                id="follow-up-lasted"
                label=t("follow-up-lasted")
                value=lasted
                check=check("lasted", "follow-up-lasted-errors")
                options=answers
                empty=t("form-choose")
            />
            <SelectField
                id="follow-up-rung"
                label=t("outcome-rung")
                value=rung
                check=check("ladder_rung", "follow-up-rung-errors")
                options=Signal::derive(move || rungs(i18n))
                empty=t("form-choose")
            />
            <button type="submit" class="button">
                {move || if form.busy() { i18n.t("form-saving") } else { i18n.t("follow-up-submit") }}
            </button>
        </form>
    }
}
