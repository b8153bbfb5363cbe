use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};
use leptos_router::components::A;
use shared::{
    ProgrammeSettings, Violation,
    api::{CohortDetail, MeetingDetail, ScheduleMeetingInput},
    ids::CohortId,
    roles::Role,
    rules::training::{MeetingNumber, Schedule, check_meeting_date},
};

use super::keys;
use crate::{
    api::{self, ApiError},
    auth::use_auth,
    components::{
        Date, FieldCheck, Form, FormAlert, Glyph, Icon, LatestVersion, Loaded, TextField,
        api_resource, focus_soon, parse_opt, path_param, set_page_title, today, unreadable,
        with_format_errors,
    },
    i18n::use_i18n,
};

const FIELDS: &[(&str, &str)] = &[
    ("date", "meeting-date"),
    ("start_time", "meeting-time"),
    ("place", "meeting-place"),
    ("duration_minutes", "meeting-duration"),
];

/// `/cohorts/{id}` (coordinator, coach): the cohort with its 8 meetings and their themes, in
/// order; a coordinator schedules each, and held meetings lead to their attendance.
#[component]
pub fn CohortPage() -> impl IntoView {
    let i18n = use_i18n();
    set_page_title(move || i18n.t("cohort-title"));
    let id = path_param::<CohortId>("id");
    let cohort = api_resource(move || {
        let id = id.get();
        async move {
            match id {
                Some(id) => api::cohorts::cohort(&id).await,
                None => Err(ApiError::not_found()),
            }
        }
    });
    view! {
        <Loaded resource=cohort children=move |c| view! { <Cohort cohort=c /> } />
    }
}

#[component]
fn Cohort(cohort: CohortDetail) -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let coordinator = auth.role() == Some(Role::Coordinator);
    let count = cohort.participants;
    let small = cohort.small;
    let name = cohort.name.clone();
    let location = cohort.location.clone();
    let attendance_csv = coordinator.then(|| {
        let href = api::rights::attendance_csv(&cohort.id);
        view! {
            <p>
                <a class="button button-secondary" href=href download="">
                    <Icon glyph=Glyph::Download />
                    {move || i18n.t("csv-attendance")}
                </a>
            </p>
        }
    });
    let cohort = RwSignal::new(cohort);
    // The meeting whose form is open: one at a time.
    let open = RwSignal::new(None::<MeetingNumber>);
    let meetings = MeetingNumber::all()
        .map(|number| {
            view! { <Meeting cohort=cohort number=number open=open coordinator=coordinator /> }
        })
        .collect_view();
    view! {
        <section class="page" aria-labelledby="cohort-name">
            <p class="eyebrow">{move || i18n.t("cohort-title")}</p>
            <h1 id="cohort-name">{name}</h1>
            <p class="meta">
                <Icon glyph=Glyph::Place />
                {location}
                " · "
                <Icon glyph=Glyph::Group />
                {move || i18n.t_with("cohort-participants", &[("count", count.to_string())])}
            </p>
            {small
                .then(|| {
                    view! { <p class="badge badge-warning">{move || i18n.t("cohort-small")}</p> }
                })}
            <p>
                <A href="/cohorts">{move || i18n.t("cohorts-back")}</A>
            </p>
            {attendance_csv}
            <h2 id="meetings-title">{move || i18n.t("meetings-title")}</h2>
            <ol class="meetings" aria-labelledby="meetings-title">
                {meetings}
            </ol>
        </section>
    }
}

/// One meeting: its number, theme and schedule, the way to schedule it, and once held the way
/// to its attendance.
#[component]
fn Meeting(
    cohort: RwSignal<CohortDetail>,
    number: MeetingNumber,
    open: RwSignal<Option<MeetingNumber>>,
    coordinator: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let meeting = Memo::new(move |_| {
        cohort.with(|c| c.meetings.iter().find(|m| m.number == number).cloned())
    });
    let today: Date = today();
    let theme = move || {
        meeting
            .get()
            .map(|m| i18n.t(&keys::theme(m.theme)))
            .unwrap_or_default()
    };
    let heading_id = format!("meeting-{number}");
    let when = move || {
        let Some(m) = meeting.get() else {
            return ().into_any();
        };
        match m.date {
            Some(date) => view! {
                <p class="meeting-when">
                    <span>
                        <Icon glyph=Glyph::Calendar />
                        {i18n.date(&date)}
                    </span>
                    {m.start_time.map(|t| view! { <span><Icon glyph=Glyph::Clock />{t}</span> })}
                    {m.place.map(|p| view! { <span><Icon glyph=Glyph::Place />{p}</span> })}
                    {m
                        .duration_minutes
                        .map(|minutes| {
                            view! {
                                <span>
                                    {move || {
                                        i18n.t_with(
                                            "meeting-duration-shown",
                                            &[("minutes", minutes.to_string())],
                                        )
                                    }}
                                </span>
                            }
                        })}
                </p>
            }
            .into_any(),
            None => {
                view! { <p class="meta">{move || i18n.t("meeting-not-scheduled")}</p> }.into_any()
            }
        }
    };
    let held = move || {
        meeting
            .get()
            .and_then(|m| m.date)
            .is_some_and(|date| date <= today)
    };
    let cohort_id = cohort.with_untracked(|c| c.id.clone());
    let attendance_href = format!("/cohorts/{cohort_id}/meetings/{number}/attendance");
    let schedule_button = coordinator.then(|| {
        view! {
            <button
                type="button"
                class="button button-secondary button-small"
                aria-expanded=move || if open.get() == Some(number) { "true" } else { "false" }
                on:click=move |_| {
                    if open.get_untracked() == Some(number) {
                        open.set(None);
                    } else {
                        open.set(Some(number));
                        focus_soon("meeting-date");
                    }
                }
            >
                <Icon glyph=Glyph::Edit />
                {move || {
                    let key = if meeting.with(|m| m.as_ref().is_some_and(|m| m.date.is_some())) {
                        "meeting-reschedule"
                    } else {
                        "meeting-schedule"
                    };
                    i18n.t_with(key, &[("number", number.to_string())])
                }}
            </button>
        }
    });
    view! {
        <li class="card meeting">
            <span class="meeting-number" aria-hidden="true">
                {number.to_string()}
            </span>
            <div class="meeting-body">
                <h3 id=heading_id tabindex="-1">
                    {move || {
                        i18n.t_with(
                            "meeting-title",
                            &[("number", number.to_string()), ("theme", theme())],
                        )
                    }}
                </h3>
                {when}
                <div class="actions">
                    {schedule_button}
                    {move || {
                        held()
                            .then(|| {
                                let href = attendance_href.clone();
                                view! {
                                    <A href=href attr:class="button button-small">
                                        <Icon glyph=Glyph::Check />
                                        {move || {
                                            i18n.t_with(
                                                "meeting-attendance",
                                                &[("number", number.to_string())],
                                            )
                                        }}
                                    </A>
                                }
                            })
                    }}
                </div>
                {move || {
                    (open.get() == Some(number))
                        .then(|| view! { <MeetingForm cohort=cohort number=number open=open /> })
                }}
            </div>
        </li>
    }
}

/// The dates of the cohort's meetings.
fn schedule_of(meetings: &[MeetingDetail]) -> Schedule {
    let mut schedule: Schedule = Default::default();
    for m in meetings {
        schedule[m.number.index()] = m.date;
    }
    schedule
}

/// What the form proposes for a meeting not scheduled yet: a week after the previous one, at
/// its time and place (or the cohort's location).
fn proposal(cohort: &CohortDetail, number: MeetingNumber) -> (String, String, String) {
    let previous = cohort
        .meetings
        .iter()
        .filter(|m| m.number < number && m.date.is_some())
        .max_by_key(|m| m.number);
    let date = previous
        .and_then(|m| m.date)
        .filter(|_| previous.is_some_and(|p| p.number.get() + 1 == number.get()))
        .and_then(|d| (0..7).try_fold(d, |d, _| d.succ_opt()))
        .map(|d| d.to_string())
        .unwrap_or_default();
    let time = previous
        .and_then(|m| m.start_time.clone())
        .unwrap_or_default();
    let place = previous
        .and_then(|m| m.place.clone())
        .unwrap_or_else(|| cohort.location.clone());
    (date, time, place)
}

/// Schedules one meeting: `ScheduleMeetingInput::validate` and
/// `rules::training::check_meeting_date` against the other meetings, as the user types and on
/// sending.
#[component]
fn MeetingForm(
    cohort: RwSignal<CohortDetail>,
    number: MeetingNumber,
    open: RwSignal<Option<MeetingNumber>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let form = Form::new("meeting-form", FIELDS);
    let (stored, (date, time, place)) = cohort.with_untracked(|c| {
        let stored = c.meetings.iter().find(|m| m.number == number).cloned();
        let values = match &stored {
            Some(MeetingDetail {
                date: Some(date),
                start_time,
                place,
                ..
            }) => (
                date.to_string(),
                start_time.clone().unwrap_or_default(),
                place.clone().unwrap_or_default(),
            ),
            Some(_) | None => proposal(c, number),
        };
        (stored, values)
    });
    let date = RwSignal::new(date);
    let time = RwSignal::new(time);
    let place = RwSignal::new(place);
    let duration = RwSignal::new(
        stored
            .as_ref()
            .and_then(|m| m.duration_minutes)
            .map(|m| m.to_string())
            .unwrap_or_default(),
    );
    let version = RwSignal::new(stored.map_or(0, |m| m.version));
    let latest = RwSignal::new(None::<MeetingDetail>);
    let input = move || ScheduleMeetingInput {
        date: parse_opt(&date.get()),
        start_time: time.get(),
        place: place.get(),
        duration_minutes: parse_opt(&duration.get()),
        version: Some(version.get()),
    };
    let live = move || {
        let input = input();
        let mut found: Vec<Violation> = with_format_errors(
            input.validate().err().map(|v| v.0).unwrap_or_default(),
            &[("duration_minutes", unreadable::<i64>(&duration.get()))],
        );
        if let Some(day) = input.date {
            let schedule = cohort.with(|c| schedule_of(&c.meetings));
            if let Err(order) =
                check_meeting_date(number, day, &schedule, &ProgrammeSettings::default())
            {
                found.extend(order);
            }
        }
        found
    };
    let shown = form.shown(live);
    let check = move |field, errors| FieldCheck::new(shown, field, errors);
    let cohort_id = cohort.with_untracked(|c| c.id.clone());

    let on_submit = {
        let cohort_id = cohort_id.clone();
        move |ev: SubmitEvent| {
            ev.prevent_default();
            let input = input();
            let cohort_id = cohort_id.clone();
            form.submit(
                live(),
                move || async move { api::cohorts::schedule_meeting(&cohort_id, number, &input).await },
                move |saved: CohortDetail| {
                    cohort.set(saved);
                    open.set(None);
                    focus_soon_meeting(number);
                },
            );
        }
    };

    let reload = Callback::new(move |()| {
        let cohort_id = cohort_id.clone();
        spawn_local(async move {
            if let Ok(fresh) = auth.check(api::cohorts::cohort(&cohort_id).await) {
                let stored = fresh.meetings.iter().find(|m| m.number == number).cloned();
                if let Some(m) = &stored {
                    version.set(m.version);
                }
                latest.set(stored);
                cohort.set(fresh);
            }
        });
    });

    let t = move |key: &'static str| Signal::derive(move || i18n.t(key));
    let gaps = Signal::derive(move || {
        let settings = ProgrammeSettings::default();
        i18n.t_with(
            "meeting-date-hint",
            &[
                ("min", settings.meeting_min_gap_days.to_string()),
                ("max", settings.meeting_max_gap_days.to_string()),
            ],
        )
    });
    view! {
        <form
            id="meeting-form"
            class="form meeting-form"
            novalidate
            aria-labelledby=format!("meeting-{number}")
            on:submit=on_submit
            on:input=move |ev| form.changed(&ev)
            aria-busy=move || form.busy().then_some("true")
        >
            <FormAlert form=form shown=shown errors_id="meeting-errors" on_reload=Some(reload) />
            {move || {
                latest
                    .get()
                    .map(|m| {
                        let summary = [
                            m.date.map(|d| i18n.date(&d)),
                            m.start_time.clone(),
                            m.place.clone(),
                        ]
                            .into_iter()
                            .flatten()
                            .collect::<Vec<_>>()
                            .join(" · ");
                        let take = Callback::new(move |()| {
                            date.set(m.date.map(|d| d.to_string()).unwrap_or_default());
                            time.set(m.start_time.clone().unwrap_or_default());
                            place.set(m.place.clone().unwrap_or_default());
                            duration
                                .set(m.duration_minutes.map(|d| d.to_string()).unwrap_or_default());
                            latest.set(None);
                        });
                        view! { <LatestVersion summary=summary take=take /> }
                    })
            }}
            <TextField
                id="meeting-date"
                label=t("meeting-date")
                value=date
                check=check("date", "meeting-date-errors").with_hint("meeting-date-hint")
                hint=gaps
                input_type="date"
            />
            <TextField
                id="meeting-time"
                label=t("meeting-time")
                value=time
                check=check("start_time", "meeting-time-errors")
                input_type="time"
            />
            <TextField
                id="meeting-place"
                label=t("meeting-place")
                value=place
                check=check("place", "meeting-place-errors")
            />
            <TextField
                id="meeting-duration"
                label=t("meeting-duration")
                value=duration
                check=check("duration_minutes", "meeting-duration-errors")
                    .with_hint("meeting-duration-hint")
                hint=t("meeting-duration-hint")
                inputmode="numeric"
            />
            <div class="actions">
                <button type="submit" class="button">
                    {move || if form.busy() { i18n.t("edit-saving") } else { i18n.t("meeting-save") }}
                </button>
                <button
                    type="button"
                    class="button button-secondary"
                    on:click=move |_| open.set(None)
                >
                    {move || i18n.t("edit-cancel")}
                </button>
            </div>
        </form>
    }
}

/// Puts the keyboard back on the meeting's heading after its form closed.
fn focus_soon_meeting(number: MeetingNumber) {
    request_animation_frame(move || {
        crate::components::focus_by_id(&format!("meeting-{number}"));
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::{ids::MunicipalityId, rules::training::Theme};

    fn cohort(dates: &[Option<&str>]) -> CohortDetail {
        CohortDetail {
            id: CohortId::parse("c1").expect("an id"),
            version: 1,
            municipality_id: MunicipalityId::parse("m1").expect("an id"),
            name: "Utrecht voorjaar".into(),
            location: "Wijkcentrum Oost".into(),
            meetings: MeetingNumber::all()
                .map(|number| {
                    let date = dates
                        .get(number.index())
                        .copied()
                        .flatten()
                        .map(|d| d.parse().expect("a date"));
                    MeetingDetail {
                        number,
                        theme: Theme::of(number),
                        date,
                        start_time: date.map(|_| "13:30".to_owned()),
                        place: date.map(|_| "Zaal 2".to_owned()),
                        duration_minutes: None,
                        version: i64::from(date.is_some()),
                    }
                })
                .collect(),
            participants: 8,
            small: false,
        }
    }

    fn n(number: u8) -> MeetingNumber {
        MeetingNumber::new(number).expect("a meeting")
    }

    #[test]
    fn the_next_meeting_is_proposed_a_week_later_at_the_same_time_and_place() {
        let c = cohort(&[Some("2026-03-02")]);
        assert_eq!(
            proposal(&c, n(2)),
            ("2026-03-09".into(), "13:30".into(), "Zaal 2".into())
        );
    }

    #[test]
    fn the_first_meeting_is_proposed_at_the_cohort_s_location_without_a_date() {
        let c = cohort(&[]);
        assert_eq!(
            proposal(&c, n(1)),
            (String::new(), String::new(), "Wijkcentrum Oost".into())
        );
    }

    #[test]
    fn a_meeting_after_a_gap_gets_no_proposed_date() {
        let c = cohort(&[Some("2026-03-02")]);
        assert_eq!(proposal(&c, n(3)).0, "");
    }

    #[test]
    fn the_schedule_holds_each_meeting_s_date_at_its_place() {
        let c = cohort(&[Some("2026-03-02"), None, Some("2026-03-16")]);
        let schedule = schedule_of(&c.meetings);
        assert!(schedule[0].is_some() && schedule[1].is_none() && schedule[2].is_some());
    }
}
