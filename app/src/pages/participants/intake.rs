use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};
use leptos_router::{NavigateOptions, hooks::use_navigate};
use shared::{
    ProgrammeSettings, Violation,
    api::{
        CohortSummary, MunicipalityDetail, ParticipantDetail, ParticipantInput, ParticipantPatch,
        ParticipantSummary, UserSummary,
    },
    ids::{CohortId, MunicipalityId, ParticipantId, UserId},
    roles::Role,
    rules::{coach::check_caseload, training::check_cohort_capacity},
    values::{DutchLevel, LadderRung, LanguageCode},
};

use crate::{
    api::{self, ApiError},
    auth::use_auth,
    components::{
        FieldCheck, Form, FormAlert, LanguagePicker, LatestVersion, SelectField, TextField,
        api_resource, parse_opt, set_page_title, unreadable, with_format_errors,
    },
    i18n::use_i18n,
};

const FIELDS: &[(&str, &str)] = &[
    ("first_name", "participant-first-name"),
    ("last_name", "participant-last-name"),
    ("email", "participant-email"),
    ("phone", "participant-phone"),
    ("languages", "participant-languages"),
    ("dutch_level", "participant-dutch-level"),
    ("ladder_rung_at_intake", "participant-ladder"),
    ("municipality_id", "participant-municipality"),
    ("cohort_id", "participant-cohort"),
    ("coach_id", "participant-coach"),
];

/// The typed values of the form.
#[derive(Debug, Clone, Copy)]
struct Values {
    first_name: RwSignal<String>,
    last_name: RwSignal<String>,
    email: RwSignal<String>,
    phone: RwSignal<String>,
    languages: RwSignal<String>,
    dutch_level: RwSignal<String>,
    rung: RwSignal<String>,
    municipality: RwSignal<String>,
    cohort: RwSignal<String>,
    coach: RwSignal<String>,
}

/// Language codes as typed: separated by commas or spaces.
fn language_list(text: &str) -> Vec<String> {
    text.split([',', ' ', ';'])
        .map(|code| code.trim().to_lowercase())
        .filter(|code| !code.is_empty())
        .collect()
}

impl Values {
    fn new() -> Values {
        let empty = || RwSignal::new(String::new());
        Values {
            first_name: empty(),
            last_name: empty(),
            email: empty(),
            phone: empty(),
            languages: empty(),
            dutch_level: empty(),
            rung: empty(),
            municipality: empty(),
            cohort: empty(),
            coach: empty(),
        }
    }

    fn set(self, p: &ParticipantDetail) {
        self.first_name.set(p.first_name.clone());
        self.last_name.set(p.last_name.clone());
        self.email.set(p.email.to_string());
        self.phone.set(
            p.phone
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
        );
        self.languages.set(
            p.languages
                .iter()
                .map(LanguageCode::as_str)
                .collect::<Vec<_>>()
                .join(", "),
        );
        self.dutch_level.set(p.dutch_level.as_str().to_owned());
        self.rung.set(p.ladder_rung_at_intake.to_string());
        self.municipality.set(p.municipality_id.to_string());
        self.cohort.set(
            p.cohort_id
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
        );
        self.coach.set(
            p.coach_id
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
        );
    }

    fn input(self) -> ParticipantInput {
        ParticipantInput {
            first_name: self.first_name.get(),
            last_name: self.last_name.get(),
            email: self.email.get(),
            phone: self.phone.get(),
            languages: language_list(&self.languages.get()),
            dutch_level: parse_opt(&self.dutch_level.get()),
            municipality_id: MunicipalityId::parse(self.municipality.get()).ok(),
            cohort_id: CohortId::parse(self.cohort.get()).ok(),
            coach_id: UserId::parse(self.coach.get()).ok(),
            ladder_rung_at_intake: parse_opt(&self.rung.get()),
        }
    }
}

/// What the coordinator chooses from: municipalities, cohorts, coaches, and the participants
/// already placed (for the sizes of the cohorts and the coaches' caseloads).
#[derive(Debug, Clone, Default, PartialEq)]
struct Placement {
    municipalities: Vec<MunicipalityDetail>,
    cohorts: Vec<CohortSummary>,
    coaches: Vec<UserSummary>,
    participants: Vec<ParticipantSummary>,
}

impl Placement {
    async fn load() -> Result<Placement, ApiError> {
        Ok(Placement {
            municipalities: api::municipalities::municipalities().await?.items,
            cohorts: api::cohorts::cohorts().await?.items,
            coaches: api::users::users()
                .await?
                .items
                .into_iter()
                .filter(|u| u.role == Role::Coach && !u.disabled)
                .collect(),
            participants: api::participants::participants().await?.items,
        })
    }

    /// How many participants the coach has, this one left out.
    fn caseload(&self, coach: &UserId, this: Option<&ParticipantId>) -> u32 {
        let count = self
            .participants
            .iter()
            .filter(|p| p.coach_id.as_ref() == Some(coach) && Some(&p.id) != this)
            .count();
        u32::try_from(count).unwrap_or(u32::MAX)
    }

    /// The caseload rule for a new coach and the cohort's room for a new member, by the shared
    /// rules; what stays as it was is not checked again.
    fn violations(
        &self,
        input: &ParticipantInput,
        before: Option<&ParticipantDetail>,
        this: Option<&ParticipantId>,
    ) -> Vec<Violation> {
        let settings = ProgrammeSettings::default();
        let mut found = Vec::new();
        if let Some(coach) = &input.coach_id
            && before.and_then(|b| b.coach_id.as_ref()) != Some(coach)
            && let Err(kind) = check_caseload(self.caseload(coach, this), &settings)
        {
            found.push(Violation::new("coach_id", kind));
        }
        if let Some(cohort) = &input.cohort_id
            && before.and_then(|b| b.cohort_id.as_ref()) != Some(cohort)
            && let Some(summary) = self.cohorts.iter().find(|c| &c.id == cohort)
            && let Err(kind) = check_cohort_capacity(summary.participants, 1, &settings)
        {
            found.push(Violation::new("cohort_id", kind));
        }
        found
    }
}

/// The profile's violations: `ParticipantInput::validate` (a language at its position shows at
/// the languages field) and what could not be read.
fn profile_violations(values: Values) -> Vec<Violation> {
    let found = values
        .input()
        .validate()
        .err()
        .map(|v| v.0)
        .unwrap_or_default()
        .into_iter()
        .map(|mut v| {
            if v.field.starts_with("languages.") {
                v.field = "languages".to_owned();
            }
            v
        })
        .collect();
    with_format_errors(
        found,
        &[
            (
                "dutch_level",
                unreadable::<DutchLevel>(&values.dutch_level.get()),
            ),
            (
                "ladder_rung_at_intake",
                unreadable::<LadderRung>(&values.rung.get()),
            ),
        ],
    )
}

/// A participant's profile, new (a coordinator) or as it is (`existing`, a coach or a
/// coordinator): `ParticipantInput::validate` as the user types and on sending, and for a
/// coordinator the caseload rule and the cohort's size. A coach does not move a participant to
/// another municipality, cohort or coach.
#[component]
pub fn ParticipantForm(
    #[prop(optional)] existing: Option<ParticipantDetail>,
    /// Takes the participant as saved.
    done: Callback<ParticipantDetail>,
) -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let coordinator = auth.role() == Some(Role::Coordinator);
    let form = Form::new("participant-form", FIELDS);
    let values = Values::new();
    if let Some(p) = &existing {
        values.set(p);
    }
    let editing = existing.as_ref().map(|p| p.id.clone());
    let version = RwSignal::new(existing.as_ref().map_or(0, |p| p.version));
    let before = StoredValue::new(existing);
    let latest = RwSignal::new(None::<ParticipantDetail>);
    let placement = RwSignal::new(Placement::default());
    if coordinator {
        let loaded = api_resource(Placement::load);
        Effect::new(move |_| {
            if let Some(Ok(found)) = loaded.get() {
                if let [only] = found.municipalities.as_slice()
                    && values.municipality.with_untracked(String::is_empty)
                {
                    values.municipality.set(only.id.to_string());
                }
                placement.set(found);
            }
        });
    }
    let this = StoredValue::new(editing.clone());
    let live = move || {
        let mut found = profile_violations(values);
        let input = values.input();
        before.with_value(|before| {
            this.with_value(|this| {
                placement
                    .with(|p| found.extend(p.violations(&input, before.as_ref(), this.as_ref())));
            });
        });
        found
    };
    let shown = form.shown(live);
    let check = move |field, errors| FieldCheck::new(shown, field, errors);

    let navigate = use_navigate();
    let on_submit = {
        let editing = editing.clone();
        move |ev: SubmitEvent| {
            ev.prevent_default();
            let input = values.input();
            let editing = editing.clone();
            let navigate = navigate.clone();
            form.submit(
                live(),
                move || async move {
                    match editing {
                        Some(id) => {
                            let patch = ParticipantPatch::whole(input, version.get_untracked());
                            api::participants::update_participant(&id, &patch).await
                        }
                        None => api::participants::create_participant(&input).await,
                    }
                },
                move |saved: ParticipantDetail| {
                    latest.set(None);
                    version.set(saved.version);
                    if before.with_value(Option::is_none) {
                        navigate(
                            &format!("/participants/{}", saved.id),
                            NavigateOptions::default(),
                        );
                    }
                    done.run(saved);
                },
            );
        }
    };

    let reload = editing.map(|id| {
        Callback::new(move |()| {
            let id = id.clone();
            spawn_local(async move {
                if let Ok(p) = auth.check(api::participants::participant(&id).await) {
                    version.set(p.version);
                    latest.set(Some(p));
                }
            });
        })
    });

    let t = move |key: &'static str| Signal::derive(move || i18n.t(key));
    let levels = Signal::derive(|| {
        DutchLevel::ALL
            .into_iter()
            .map(|l| (l.as_str().to_owned(), l.as_str().to_owned()))
            .collect::<Vec<_>>()
    });
    let rungs = Signal::derive(move || {
        (1..=6)
            .filter_map(|n| LadderRung::new(n).ok())
            .map(|rung| {
                let text = i18n.t_with(
                    "profile-ladder-value",
                    &[
                        ("rung", rung.get().to_string()),
                        ("name", i18n.ladder_rung(rung)),
                    ],
                );
                (rung.get().to_string(), text)
            })
            .collect::<Vec<_>>()
    });
    let language_names = Signal::derive(move || {
        let names: Vec<String> = language_list(&values.languages.get())
            .iter()
            .filter_map(|code| LanguageCode::parse(code).ok())
            .map(|code| i18n.language_name(&code))
            .collect();
        if names.is_empty() {
            i18n.t("participant-languages-hint")
        } else {
            names.join(", ")
        }
    });
    let placement_fields = coordinator.then(|| {
        view! { <PlacementFields values=values placement=placement shown=shown this=this /> }
    });

    view! {
        <form
            id="participant-form"
            class="form"
            novalidate
            on:submit=on_submit
            on:input=move |ev| form.changed(&ev)
            aria-busy=move || form.busy().then_some("true")
        >
            <FormAlert form=form shown=shown errors_id="participant-errors" on_reload=reload />
            {move || {
                latest
                    .get()
                    .map(|p| {
                        let summary = format!(
                            "{} {}, {}, {}",
                            p.first_name,
                            p.last_name,
                            p.email,
                            p.dutch_level,
                        );
                        let take = Callback::new(move |()| {
                            values.set(&p);
                            latest.set(None);
                        });
                        view! { <LatestVersion summary=summary take=take /> }
                    })
            }}
            <TextField
                id="participant-first-name"
                label=t("participant-first-name")
                value=values.first_name
                check=check("first_name", "participant-first-name-errors")
                autocomplete="off"
            />
            <TextField
                id="participant-last-name"
                label=t("participant-last-name")
                value=values.last_name
                check=check("last_name", "participant-last-name-errors")
            />
            <TextField
                id="participant-email"
                label=t("participant-email")
                value=values.email
                check=check("email", "participant-email-errors")
                input_type="email"
                dir="ltr"
            />
            <TextField
                id="participant-phone"
                label=t("participant-phone")
                value=values.phone
                check=check("phone", "participant-phone-errors").with_hint("participant-phone-hint")
                hint=t("participant-phone-hint")
                input_type="tel"
                dir="ltr"
            />
            <TextField
                id="participant-languages"
                label=t("participant-languages")
                value=values.languages
                check=check("languages", "participant-languages-errors")
                    .with_hint("participant-languages-hint")
                hint=language_names
                dir="ltr"
            />
            <LanguagePicker id="participant-languages-search" languages=values.languages />
            <SelectField
                id="participant-dutch-level"
                label=t("participant-dutch-level")
                value=values.dutch_level
                check=check("dutch_level", "participant-dutch-level-errors")
                options=levels
                empty=t("edit-choose")
            />
            <SelectField
                id="participant-ladder"
                label=t("participant-ladder")
                value=values.rung
                check=check("ladder_rung_at_intake", "participant-ladder-errors")
                options=rungs
                empty=t("edit-choose")
            />
            {placement_fields}
            <button type="submit" class="button">
                {move || {
                    if form.busy() {
                        i18n.t("edit-saving")
                    } else if before.with_value(Option::is_none) {
                        i18n.t("participant-create")
                    } else {
                        i18n.t("profile-save")
                    }
                }}
            </button>
        </form>
    }
}

/// The coordinator's choices of municipality, cohort (of that municipality) and coach (with
/// their caseload).
#[component]
fn PlacementFields(
    values: Values,
    placement: RwSignal<Placement>,
    shown: Signal<Vec<Violation>>,
    this: StoredValue<Option<ParticipantId>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let check = move |field, errors| FieldCheck::new(shown, field, errors);
    let t = move |key: &'static str| Signal::derive(move || i18n.t(key));
    let municipalities = Signal::derive(move || {
        placement.with(|p| {
            p.municipalities
                .iter()
                .map(|m| (m.id.to_string(), m.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let cohorts = Signal::derive(move || {
        let municipality = values.municipality.get();
        placement.with(|p| {
            p.cohorts
                .iter()
                .filter(|c| c.municipality_id.as_str() == municipality)
                .map(|c| {
                    let text = i18n.t_with(
                        "participant-cohort-option",
                        &[
                            ("name", c.name.clone()),
                            ("count", c.participants.to_string()),
                        ],
                    );
                    (c.id.to_string(), text)
                })
                .collect::<Vec<_>>()
        })
    });
    let coaches = Signal::derive(move || {
        let max = ProgrammeSettings::default().coach_max_caseload;
        this.with_value(|this| {
            placement.with(|p| {
                p.coaches
                    .iter()
                    .map(|c| {
                        let text = i18n.t_with(
                            "participant-coach-option",
                            &[
                                ("email", c.email.to_string()),
                                ("count", p.caseload(&c.id, this.as_ref()).to_string()),
                                ("max", max.to_string()),
                            ],
                        );
                        (c.id.to_string(), text)
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    view! {
        <SelectField
            id="participant-municipality"
            label=t("participant-municipality")
            value=values.municipality
            check=check("municipality_id", "participant-municipality-errors")
            options=municipalities
            empty=t("edit-choose")
        />
        <SelectField
            id="participant-cohort"
            label=t("participant-cohort")
            value=values.cohort
            check=check("cohort_id", "participant-cohort-errors")
            options=cohorts
            empty=t("participant-no-cohort")
        />
        <SelectField
            id="participant-coach"
            label=t("participant-coach")
            value=values.coach
            check=check("coach_id", "participant-coach-errors").with_hint("participant-coach-hint")
            options=coaches
            empty=t("participant-no-coach")
            hint=t("participant-coach-hint")
        />
    }
}

/// `/participants/new` (coordinator): the intake; afterwards the new participant's profile.
#[component]
pub fn NewParticipantPage() -> impl IntoView {
    let i18n = use_i18n();
    set_page_title(move || i18n.t("participant-new-title"));
    let done = Callback::new(|_: ParticipantDetail| {});
    view! {
        <section class="page" aria-labelledby="participant-new-title">
            <h1 id="participant-new-title">{move || i18n.t("participant-new-title")}</h1>
            <p>{move || i18n.t("participant-new-intro")}</p>
            <div class="card">
                <ParticipantForm done=done />
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::ViolationKind;

    fn summary(id: &str, coach: Option<&str>) -> ParticipantSummary {
        ParticipantSummary {
            id: ParticipantId::parse(id).expect("an id"),
            version: 1,
            first_name: "Amal".into(),
            last_name: "Haddad".into(),
            cohort_id: None,
            coach_id: coach.map(|c| UserId::parse(c).expect("an id")),
        }
    }

    fn input(coach: &str) -> ParticipantInput {
        ParticipantInput {
            coach_id: Some(UserId::parse(coach).expect("an id")),
            ..ParticipantInput::default()
        }
    }

    #[test]
    fn languages_are_read_as_codes_separated_by_commas_or_spaces() {
        assert_eq!(language_list("ar, EN ti"), ["ar", "en", "ti"]);
        assert!(language_list(" , ").is_empty());
    }

    #[test]
    fn a_coach_with_three_participants_is_full_for_a_fourth() {
        let placement = Placement {
            participants: vec![
                summary("p1", Some("c1")),
                summary("p2", Some("c1")),
                summary("p3", Some("c1")),
                summary("p4", Some("c2")),
            ],
            ..Placement::default()
        };
        assert_eq!(
            placement.violations(&input("c1"), None, None),
            vec![Violation::new(
                "coach_id",
                ViolationKind::CaseloadFull { max: 3 }
            )]
        );
        assert!(placement.violations(&input("c2"), None, None).is_empty());
    }

    #[test]
    fn a_participant_is_not_counted_in_their_own_coach_s_caseload() {
        let placement = Placement {
            participants: vec![
                summary("p1", Some("c1")),
                summary("p2", Some("c1")),
                summary("p3", Some("c1")),
            ],
            ..Placement::default()
        };
        let me = ParticipantId::parse("p1").expect("an id");
        assert!(
            placement
                .violations(&input("c1"), None, Some(&me))
                .is_empty()
        );
    }
}
