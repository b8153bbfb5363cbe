use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};
use shared::{
    Violation,
    api::{InvitationCreated, InvitationInput, UserSummary},
    ids::{MunicipalityId, OrganisationId, ParticipantId},
    roles::Role,
};
use wasm_bindgen::JsCast;

use crate::{
    api::{self, ApiError},
    auth::use_auth,
    components::{
        ErrorAlert, FieldCheck, FieldErrors, Loaded, TextField, api_resource, focus_by_id,
        focus_soon, set_page_title,
    },
    i18n::use_i18n,
    pages::PasswordResetButton,
};

/// The record an invitation binds the new account to, by role (as `InvitationInput::validate`
/// asks for it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Binding {
    Municipality,
    Participant,
    Organisation,
}

fn binding(role: Role) -> Binding {
    match role {
        Role::Participant => Binding::Participant,
        Role::CompanyContact => Binding::Organisation,
        Role::Coordinator | Role::MunicipalityViewer | Role::Coach => Binding::Municipality,
    }
}

/// The form's field ids by the request's field names, in the order of the form.
const FIELD_IDS: [(&str, &str); 5] = [
    ("email", "invite-email"),
    ("role", "invite-role"),
    ("municipality_id", "invite-municipality"),
    ("participant_id", "invite-participant"),
    ("organisation_id", "invite-organisation"),
];

/// Moves the focus to the first field with a violation.
fn focus_first_invalid(violations: &[Violation]) {
    if let Some((_, id)) = FIELD_IDS
        .iter()
        .find(|(field, _)| violations.iter().any(|v| v.field == *field))
    {
        focus_by_id(id);
    }
}

/// The invitation as typed: only the record the role needs is sent.
fn invitation(
    email: &str,
    role: Role,
    municipality: &str,
    participant: &str,
    organisation: &str,
) -> InvitationInput {
    let needs = binding(role);
    InvitationInput {
        email: email.trim().to_owned(),
        role,
        municipality_id: (needs == Binding::Municipality)
            .then(|| MunicipalityId::parse(municipality).ok())
            .flatten(),
        participant_id: (needs == Binding::Participant)
            .then(|| ParticipantId::parse(participant).ok())
            .flatten(),
        organisation_id: (needs == Binding::Organisation)
            .then(|| OrganisationId::parse(organisation).ok())
            .flatten(),
    }
}

/// `/accounts`: invite someone, and see and disable accounts.
#[component]
pub fn AccountsPage() -> impl IntoView {
    let i18n = use_i18n();
    set_page_title(move || i18n.t("accounts-title"));
    view! {
        <section class="page" aria-labelledby="accounts-title">
            <h1 id="accounts-title">{move || i18n.t("accounts-title")}</h1>
            <Invite />
            <AccountList />
        </section>
    }
}

/// The invitation form, and once sent the link to pass on.
#[component]
fn Invite() -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let email = RwSignal::new(String::new());
    let role = RwSignal::new(Role::Coach);
    let municipality = RwSignal::new(String::new());
    let participant = RwSignal::new(String::new());
    let organisation = RwSignal::new(String::new());
    let violations = RwSignal::new(Vec::<Violation>::new());
    let failure = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);
    let created = RwSignal::new(None::<InvitationCreated>);

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let input = invitation(
            &email.get_untracked(),
            role.get_untracked(),
            &municipality.get_untracked(),
            &participant.get_untracked(),
            &organisation.get_untracked(),
        );
        failure.set(None);
        if let Err(found) = input.validate() {
            focus_first_invalid(&found.0);
            violations.set(found.0);
            return;
        }
        violations.set(Vec::new());
        busy.set(true);
        spawn_local(async move {
            let result = auth.check(api::users::create_invitation(&input).await);
            busy.set(false);
            match result {
                Ok(invitation) => {
                    created.set(Some(invitation));
                    email.set(String::new());
                    focus_soon("invite-link");
                }
                Err(err) => {
                    let theirs = err.violations();
                    focus_first_invalid(&theirs);
                    violations.set(theirs);
                    failure.set(Some(err));
                }
            }
        });
    };

    let message = Signal::derive(move || failure.get().map(|err| err.text(i18n)));
    let email_check = FieldCheck::new(violations, "email", "invite-email-errors");
    let role_check = FieldCheck::new(violations, "role", "invite-role-errors");
    let municipality_check =
        FieldCheck::new(violations, "municipality_id", "invite-municipality-errors");
    let participant_check =
        FieldCheck::new(violations, "participant_id", "invite-participant-errors");
    let organisation_check =
        FieldCheck::new(violations, "organisation_id", "invite-organisation-errors");

    let record = move || match binding(role.get()) {
        Binding::Municipality => {
            view! { <MunicipalityChoice value=municipality check=municipality_check /> }.into_any()
        }
        Binding::Participant => {
            view! { <ParticipantChoice value=participant check=participant_check /> }.into_any()
        }
        Binding::Organisation => {
            view! { <OrganisationChoice value=organisation check=organisation_check /> }.into_any()
        }
    };

    let form = view! {
        <form
            class="form"
            novalidate
            on:submit=on_submit
            aria-busy=move || busy.get().then_some("true")
        >
            <ErrorAlert message=message />
            <TextField
                id="invite-email"
                label=Signal::derive(move || i18n.t("invite-email"))
                value=email
                check=email_check
                input_type="email"
                dir="ltr"
            />
            <div class="field">
                <label for="invite-role">{move || i18n.t("invite-role")}</label>
                <select
                    id="invite-role"
                    aria-invalid=move || role_check.aria_invalid()
                    aria-describedby=move || role_check.aria_describedby()
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        if let Some(chosen) = Role::ALL.into_iter().find(|r| r.as_str() == value) {
                            role.set(chosen);
                        }
                    }
                >
                    {Role::ALL
                        .into_iter()
                        .map(|r| {
                            view! {
                                <option value=r.as_str() selected=move || role.get() == r>
                                    {move || i18n.role(r)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
                <FieldErrors check=role_check />
            </div>
            {record}
            <button type="submit" class="button">
                {move || if busy.get() { i18n.t("invite-busy") } else { i18n.t("invite-submit") }}
            </button>
        </form>
    };

    view! {
        <section class="card" aria-labelledby="invite-title">
            <h2 id="invite-title">{move || i18n.t("invite-title")}</h2>
            <p>{move || i18n.t("invite-intro")}</p>
            <div hidden=move || created.with(Option::is_some)>{form}</div>
            {move || {
                created
                    .get()
                    .map(|invitation| {
                        view! { <InvitationLink invitation=invitation created=created /> }
                    })
            }}
        </section>
    }
}

/// The one-time link of a new invitation, shown once, in a read-only field that selects its
/// whole text when it gets the focus, ready to copy.
#[component]
fn InvitationLink(
    invitation: InvitationCreated,
    created: RwSignal<Option<InvitationCreated>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let InvitationCreated { link, expires_at } = invitation;
    view! {
        <div class="alert alert-success">
            <p role="status">{move || i18n.t("invite-created")}</p>
            <div class="field">
                <label for="invite-link">{move || i18n.t("invite-link")}</label>
                <input
                    id="invite-link"
                    type="text"
                    readonly
                    dir="ltr"
                    value=link
                    aria-describedby="invite-link-hint"
                    on:focus=move |ev| {
                        if let Some(input) = ev
                            .target()
                            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                        {
                            input.select();
                        }
                    }
                />
                <p class="hint" id="invite-link-hint">
                    {move || {
                        i18n.t_with("invite-link-hint", &[("expires", i18n.date_time(&expires_at))])
                    }}
                </p>
            </div>
            <button
                type="button"
                class="button button-secondary"
                on:click=move |_| {
                    created.set(None);
                    focus_soon("invite-email");
                }
            >
                {move || i18n.t("invite-another")}
            </button>
        </div>
    }
}

/// A labelled choice of records, with a first empty choice and the field's violations.
#[component]
fn ChoiceField(
    id: &'static str,
    label: Signal<String>,
    value: RwSignal<String>,
    check: FieldCheck,
    /// `(id, shown text)`.
    options: Vec<(String, String)>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select
                id=id
                aria-invalid=move || check.aria_invalid()
                aria-describedby=move || check.aria_describedby()
                on:change=move |ev| value.set(event_target_value(&ev))
            >
                <option value="" selected=move || value.with(String::is_empty)>
                    {move || i18n.t("invite-choose")}
                </option>
                {options
                    .into_iter()
                    .map(|(key, text)| {
                        let selected = {
                            let key = key.clone();
                            move || value.with(|v| *v == key)
                        };
                        view! {
                            <option value=key selected=selected>
                                {text}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            <FieldErrors check=check />
        </div>
    }
}

/// The municipalities of the coordinator; the only one is chosen already.
#[component]
fn MunicipalityChoice(value: RwSignal<String>, check: FieldCheck) -> impl IntoView {
    let i18n = use_i18n();
    let municipalities = api_resource(api::municipalities::municipalities);
    Effect::new(move |_| {
        if let Some(Ok(page)) = municipalities.get()
            && let [only] = page.items.as_slice()
            && value.with_untracked(String::is_empty)
        {
            value.set(only.id.to_string());
        }
    });
    view! {
        <Loaded resource=municipalities part=true children=move |page| {
            let options = page
                .items
                .into_iter()
                .map(|m| (m.id.to_string(), m.name))
                .collect();
            view! {
                <ChoiceField
                    id="invite-municipality"
                    label=Signal::derive(move || i18n.t("invite-municipality"))
                    value=value
                    check=check
                    options=options
                />
            }
        } />
    }
}

/// The participants the new account will belong to.
#[component]
fn ParticipantChoice(value: RwSignal<String>, check: FieldCheck) -> impl IntoView {
    let i18n = use_i18n();
    let participants = api_resource(api::participants::participants);
    view! {
        <Loaded resource=participants part=true children=move |page| {
            let options = page
                .items
                .into_iter()
                .map(|p| {
                    (
                        p.id.to_string(),
                        i18n.participant_name(&p.first_name, &p.last_name),
                    )
                })
                .collect();
            view! {
                <ChoiceField
                    id="invite-participant"
                    label=Signal::derive(move || i18n.t("invite-participant"))
                    value=value
                    check=check
                    options=options
                />
            }
        } />
    }
}

/// The organisations a company contact can belong to.
#[component]
fn OrganisationChoice(value: RwSignal<String>, check: FieldCheck) -> impl IntoView {
    let i18n = use_i18n();
    let organisations = api_resource(api::organisations::organisations);
    view! {
        <Loaded resource=organisations part=true children=move |page| {
            let options = page
                .items
                .into_iter()
                .map(|o| (o.id.to_string(), o.name))
                .collect();
            view! {
                <ChoiceField
                    id="invite-organisation"
                    label=Signal::derive(move || i18n.t("invite-organisation"))
                    value=value
                    check=check
                    options=options
                />
            }
        } />
    }
}

/// Every account the coordinator may see, with a way to disable each.
#[component]
fn AccountList() -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let own_id = auth.me().map(|me| me.user_id);
    let users = api_resource(api::users::users);
    view! {
        <section class="card" aria-labelledby="accounts-list-title">
            <h2 id="accounts-list-title">{move || i18n.t("accounts-list-title")}</h2>
            <Loaded resource=users part=true children=move |page| {
                if page.items.is_empty() {
                    return view! { <p>{move || i18n.t("accounts-none")}</p> }.into_any();
                }
                view! {
                    <ul class="item-list">
                        {page
                            .items
                            .into_iter()
                            .map(|user| {
                                let own = own_id.as_ref() == Some(&user.id);
                                view! { <AccountRow user=user own=own /> }
                            })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            } />
        </section>
    }
}

/// One account: address, role, whether it is active, and the buttons that disable it and give a
/// link for a new password (not for one's own account).
#[component]
fn AccountRow(user: UserSummary, own: bool) -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let user = RwSignal::new(user);
    let busy = RwSignal::new(false);
    let failure = RwSignal::new(None::<ApiError>);
    let disable = move |_| {
        if busy.get_untracked() {
            return;
        }
        let UserSummary {
            id, version, email, ..
        } = user.get_untracked();
        let question = i18n.t_with("accounts-disable-confirm", &[("email", email.to_string())]);
        if !window().confirm_with_message(&question).unwrap_or(false) {
            return;
        }
        busy.set(true);
        failure.set(None);
        spawn_local(async move {
            let result = auth.check(api::users::disable_user(&id, version).await);
            busy.set(false);
            match result {
                Ok(updated) => user.set(updated),
                Err(err) => failure.set(Some(err)),
            }
        });
    };
    let message = Signal::derive(move || failure.get().map(|err| err.text(i18n)));
    let email = move || user.with(|u| u.email.to_string());
    view! {
        <li>
            <p class="account-email">
                <span dir="ltr">{email}</span>
            </p>
            <p class="meta">
                {move || user.with(|u| i18n.role(u.role))} " · "
                {move || {
                    if user.with(|u| u.disabled) {
                        i18n.t("accounts-disabled")
                    } else if !user.with(|u| u.password_set) {
                        i18n.t("accounts-invited")
                    } else {
                        i18n.t("accounts-active")
                    }
                }}
                {own.then(|| view! { " · " {move || i18n.t("accounts-you")} })}
            </p>
            {move || {
                let show = !own && !user.with(|u| u.disabled);
                show.then(|| {
                    view! {
                        <button
                            type="button"
                            class="button button-secondary button-small"
                            aria-disabled=move || busy.get().then_some("true")
                            on:click=disable
                        >
                            {move || i18n.t("accounts-disable")}
                            <span class="visually-hidden">" " {email}</span>
                        </button>
                    }
                })
            }}
            <ErrorAlert message=message />
            {move || {
                let (id, email, disabled, password_set) = user
                    .with(|u| (u.id.clone(), u.email.to_string(), u.disabled, u.password_set));
                (!own && !disabled && password_set)
                    .then(|| view! { <PasswordResetButton id=id email=email /> })
            }}
        </li>
    }
}
