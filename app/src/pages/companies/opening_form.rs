use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};
use shared::{
    ProgrammeSettings, Violation,
    api::{OpeningDetail, OpeningInput, OpeningPatch},
    ids::{OpeningId, OrganisationId},
    rules::{internship, openings::OpeningKind},
    values::DutchLevel,
};

use super::keys::{OPENING_KINDS, name_in, pick};
use crate::{
    api,
    auth::use_auth,
    components::{
        FieldCheck, Form, FormAlert, SelectField, TextAreaField, TextField, parse_opt, text, today,
        unreadable, with_format_errors,
    },
    i18n::{opening_kind_key, use_i18n},
};

const FIELDS: &[(&str, &str)] = &[
    ("kind", "opening-kind"),
    ("title", "opening-title"),
    ("description", "opening-description"),
    ("date", "opening-date"),
    ("place", "opening-place"),
    ("capacity", "opening-capacity"),
    ("start_date", "window-start"),
    ("end_date", "window-end"),
    ("hours_per_week", "window-hours"),
    ("dutch_level", "opening-level"),
];

#[derive(Debug, Clone, Copy)]
struct Values {
    kind: RwSignal<String>,
    title: RwSignal<String>,
    description: RwSignal<String>,
    date: RwSignal<String>,
    place: RwSignal<String>,
    capacity: RwSignal<String>,
    window: Window,
    level: RwSignal<String>,
}

impl Values {
    fn new() -> Values {
        let blank = || RwSignal::new(String::new());
        Values {
            kind: blank(),
            title: blank(),
            description: blank(),
            date: blank(),
            place: blank(),
            capacity: blank(),
            window: Window::new(),
            level: blank(),
        }
    }

    fn set(self, o: &OpeningDetail) {
        let opt = |v: Option<String>| v.unwrap_or_default();
        self.kind.set(name_in(&OPENING_KINDS, o.kind).to_owned());
        self.title.set(o.title.clone());
        self.description.set(o.description.clone());
        self.date.set(opt(o.date.map(|d| d.to_string())));
        self.place.set(opt(o.place.clone()));
        self.capacity.set(opt(o.capacity.map(|c| c.to_string())));
        self.window
            .start
            .set(opt(o.start_date.map(|d| d.to_string())));
        self.window.end.set(opt(o.end_date.map(|d| d.to_string())));
        self.window
            .hours
            .set(opt(o.hours_per_week.map(|h| h.to_string())));
        self.level
            .set(opt(o.dutch_level.map(|l| l.as_str().to_owned())));
    }

    fn input(self) -> OpeningInput {
        OpeningInput {
            kind: pick(&OPENING_KINDS, &self.kind.get()),
            title: self.title.get(),
            description: self.description.get(),
            date: parse_opt(&self.date.get()),
            place: self.place.get(),
            capacity: parse_opt(&self.capacity.get()),
            start_date: parse_opt(&self.window.start.get()),
            end_date: parse_opt(&self.window.end.get()),
            hours_per_week: parse_opt(&self.window.hours.get()),
            dutch_level: parse_opt(&self.level.get()),
        }
    }

    /// `OpeningInput::validate` on what is typed, and the numbers that could not be read.
    fn violations(self) -> Vec<Violation> {
        let found = self
            .input()
            .validate(&ProgrammeSettings::default(), today())
            .err()
            .map(|v| v.0)
            .unwrap_or_default();
        with_format_errors(
            found,
            &[
                ("capacity", unreadable::<i64>(&self.capacity.get())),
                (
                    "hours_per_week",
                    unreadable::<u32>(&self.window.hours.get()),
                ),
            ],
        )
    }
}

/// The dates and hours of an internship as typed.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Window {
    pub start: RwSignal<String>,
    pub end: RwSignal<String>,
    pub hours: RwSignal<String>,
}

impl Window {
    pub fn new() -> Window {
        Window {
            start: RwSignal::new(String::new()),
            end: RwSignal::new(String::new()),
            hours: RwSignal::new(String::new()),
        }
    }
}

/// Start, end and hours of an internship (ids `window-start`, `window-end`, `window-hours`).
/// Choosing a start proposes the programme's default length (8 weeks) as the end, as long as
/// the user has not chosen another end.
#[component]
pub(crate) fn WindowFields(window: Window, shown: Signal<Vec<Violation>>) -> impl IntoView {
    let i18n = use_i18n();
    let ProgrammeSettings {
        internship_min_weeks: min,
        internship_max_weeks: max,
        internship_default_weeks: default,
        ..
    } = ProgrammeSettings::default();
    let proposed = RwSignal::new(String::new());
    Effect::new(move |_| {
        let start = window.start.get();
        let Some(start) = parse_opt(&start) else {
            return;
        };
        let end = internship::default_end(start, &ProgrammeSettings::default()).to_string();
        let current = window.end.get_untracked();
        if current.is_empty() || current == proposed.get_untracked() {
            window.end.set(end.clone());
        }
        proposed.set(end);
    });
    let hint = Signal::derive(move || {
        i18n.t_with(
            "internship-window-hint",
            &[
                ("min", min.to_string()),
                ("max", max.to_string()),
                ("default", default.to_string()),
            ],
        )
    });
    let hours_hint = Signal::derive(move || {
        i18n.t_with(
            "internship-hours-hint",
            &[
                ("min", internship::HOURS_PER_WEEK.start().to_string()),
                ("max", internship::HOURS_PER_WEEK.end().to_string()),
            ],
        )
    });
    let check =
        move |field: &'static str, errors: &'static str| FieldCheck::new(shown, field, errors);
    view! {
        <TextField
            id="window-start"
            label=Signal::derive(text("internship-start"))
            value=window.start
            check=check("start_date", "window-start-errors")
            input_type="date"
        />
        <TextField
            id="window-end"
            label=Signal::derive(text("internship-end"))
            value=window.end
            check=check("end_date", "window-end-errors").with_hint("window-end-hint")
            input_type="date"
            hint=hint
        />
        <TextField
            id="window-hours"
            label=Signal::derive(text("internship-hours"))
            value=window.hours
            check=check("hours_per_week", "window-hours-errors").with_hint("window-hours-hint")
            inputmode="numeric"
            hint=hours_hint
        />
    }
}

/// A new opening of an organisation, or the changes to one (`existing`):
/// `OpeningInput::validate` as the user types and on sending. The fields follow the kind.
#[component]
pub fn OpeningForm(
    organisation: OrganisationId,
    #[prop(optional)] existing: Option<OpeningDetail>,
    done: Callback<OpeningDetail>,
) -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let form = Form::new("opening-form", FIELDS);
    let values = Values::new();
    let editing: Option<OpeningId> = existing.as_ref().map(|o| o.id.clone());
    let version = RwSignal::new(existing.as_ref().map_or(0, |o| o.version));
    let latest = RwSignal::new(None::<OpeningDetail>);
    let creating = existing.is_none();
    if let Some(o) = &existing {
        values.set(o);
    }
    let shown = form.shown(move || values.violations());
    let check =
        move |field: &'static str, errors: &'static str| FieldCheck::new(shown, field, errors);
    let kind = Memo::new(move |_| pick(&OPENING_KINDS, &values.kind.get()));

    let on_submit = {
        let editing = editing.clone();
        move |ev: SubmitEvent| {
            ev.prevent_default();
            let input = values.input();
            let editing = editing.clone();
            let organisation = organisation.clone();
            form.submit(
                values.violations(),
                move || async move {
                    match editing {
                        Some(id) => {
                            let patch = OpeningPatch {
                                status: None,
                                opening: Some(input.into()),
                                version: version.get_untracked(),
                            };
                            api::openings::update_opening(&id, &patch).await
                        }
                        None => api::organisations::create_opening(&organisation, &input).await,
                    }
                },
                move |saved: OpeningDetail| {
                    latest.set(None);
                    if creating {
                        values.set(&blank(&saved));
                    }
                    done.run(saved);
                },
            );
        }
    };

    let reload = editing.clone().map(|id| {
        Callback::new(move |()| {
            let id = id.clone();
            spawn_local(async move {
                if let Ok(o) = auth.check(api::openings::opening(&id).await) {
                    version.set(o.version);
                    latest.set(Some(o));
                }
            });
        })
    });

    let t = move |key: &'static str| Signal::derive(move || i18n.t(key));
    let kinds = Signal::derive(move || {
        OPENING_KINDS
            .iter()
            .map(|(kind, name)| ((*name).to_owned(), i18n.t(opening_kind_key(*kind))))
            .collect::<Vec<_>>()
    });
    let levels = Signal::derive(|| {
        DutchLevel::ALL
            .iter()
            .map(|l| (l.as_str().to_owned(), l.as_str().to_owned()))
            .collect::<Vec<_>>()
    });
    let per_kind = move || {
        match kind.get() {
        Some(OpeningKind::CompanyVisit) => view! {
            <TextField id="opening-date" label=t("opening-date") value=values.date check=check("date", "opening-date-errors") input_type="date" />
            <TextField id="opening-place" label=t("opening-place") value=values.place check=check("place", "opening-place-errors") />
            <TextField
                id="opening-capacity"
                label=t("opening-capacity")
                value=values.capacity
                check=check("capacity", "opening-capacity-errors").with_hint("opening-capacity-hint")
                hint=t("opening-capacity-hint")
                inputmode="numeric"
            />
        }
        .into_any(),
        Some(OpeningKind::Internship) => view! {
            <WindowFields window=values.window shown=shown />
            <SelectField
                id="opening-level"
                label=t("opening-level")
                value=values.level
                check=check("dutch_level", "opening-level-errors")
                options=levels
                empty=t("form-choose")
            />
        }
        .into_any(),
        Some(OpeningKind::Job | OpeningKind::Volunteer | OpeningKind::Education) | None => {
            ().into_any()
        }
    }
    };

    view! {
        <form
            id="opening-form"
            class="form"
            novalidate
            on:submit=on_submit
            on:input=move |ev| form.changed(&ev)
            aria-busy=move || form.busy().then_some("true")
        >
            <FormAlert form=form shown=shown errors_id="opening-errors" on_reload=reload />
            {move || {
                latest
                    .get()
                    .map(|o| {
                        let take = o.clone();
                        view! {
                            <div class="alert alert-info" role="status">
                                <p>{text("form-latest-loaded")}</p>
                                <p class="meta">{o.title}</p>
                                <button
                                    type="button"
                                    class="button button-secondary button-small"
                                    on:click=move |_| {
                                        values.set(&take);
                                        latest.set(None);
                                    }
                                >
                                    {text("form-take-latest")}
                                </button>
                            </div>
                        }
                    })
            }}
            <SelectField
                id="opening-kind"
                label=t("opening-kind")
                value=values.kind
                check=check("kind", "opening-kind-errors")
                options=kinds
                empty=t("form-choose")
            />
            <TextField id="opening-title" label=t("opening-title") value=values.title check=check("title", "opening-title-errors") />
            <TextAreaField
                id="opening-description"
                label=t("opening-description")
                value=values.description
                check=check("description", "opening-description-errors")
            />
            {per_kind}
            <button type="submit" class="button">
                {move || {
                    if form.busy() {
                        i18n.t("form-saving")
                    } else if editing.is_some() {
                        i18n.t("form-save")
                    } else {
                        i18n.t("opening-create")
                    }
                }}
            </button>
        </form>
    }
}

/// An empty form of the same kind, for the next opening.
fn blank(saved: &OpeningDetail) -> OpeningDetail {
    OpeningDetail {
        title: String::new(),
        description: String::new(),
        date: None,
        place: None,
        capacity: None,
        start_date: None,
        end_date: None,
        hours_per_week: None,
        dutch_level: None,
        ..saved.clone()
    }
}
