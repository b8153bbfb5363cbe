use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};
use shared::{
    Violation, ViolationKind,
    api::{CreateOrganisation, OrganisationDetail, OrganisationInput, OrganisationPatch},
    ids::MunicipalityId,
};

use super::keys::{ORGANISATION_KINDS, name_in, pick};
use crate::{
    api,
    auth::use_auth,
    components::{FieldCheck, Form, FormAlert, SelectField, TextField, api_resource, text},
    i18n::{organisation_kind_key, use_i18n},
};

const FIELDS: &[(&str, &str)] = &[
    ("kind", "org-kind"),
    ("name", "org-name"),
    ("sector", "org-sector"),
    ("street", "org-street"),
    ("postcode", "org-postcode"),
    ("city", "org-city"),
    ("kvk_number", "org-kvk"),
    ("municipality_id", "org-municipality"),
];

/// The typed values of the form.
#[derive(Debug, Clone, Copy)]
struct Values {
    kind: RwSignal<String>,
    name: RwSignal<String>,
    sector: RwSignal<String>,
    street: RwSignal<String>,
    postcode: RwSignal<String>,
    city: RwSignal<String>,
    kvk: RwSignal<String>,
}

impl Values {
    fn new() -> Values {
        Values {
            kind: RwSignal::new(String::new()),
            name: RwSignal::new(String::new()),
            sector: RwSignal::new(String::new()),
            street: RwSignal::new(String::new()),
            postcode: RwSignal::new(String::new()),
            city: RwSignal::new(String::new()),
            kvk: RwSignal::new(String::new()),
        }
    }

    fn clear(self) {
        for value in [
            self.kind,
            self.name,
            self.sector,
            self.street,
            self.postcode,
            self.city,
            self.kvk,
        ] {
            value.set(String::new());
        }
    }

    fn set(self, o: &OrganisationDetail) {
        self.kind
            .set(name_in(&ORGANISATION_KINDS, o.kind).to_owned());
        self.name.set(o.name.clone());
        self.sector.set(o.sector.clone());
        self.street.set(o.street.clone());
        self.postcode.set(o.postcode.to_string());
        self.city.set(o.city.clone());
        self.kvk.set(
            o.kvk_number
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
        );
    }

    fn input(self) -> OrganisationInput {
        OrganisationInput {
            kind: pick(&ORGANISATION_KINDS, &self.kind.get()),
            name: self.name.get(),
            sector: self.sector.get(),
            street: self.street.get(),
            postcode: self.postcode.get(),
            city: self.city.get(),
            kvk_number: self.kvk.get(),
        }
    }
}

/// A new organisation (a coordinator, in one of their municipalities), or the changes to one
/// (`existing`): `OrganisationInput::validate` as the user types and on sending.
#[component]
pub fn OrganisationForm(
    #[prop(optional)] existing: Option<OrganisationDetail>,
    /// Takes the organisation as saved.
    done: Callback<OrganisationDetail>,
) -> impl IntoView {
    let i18n = use_i18n();
    let form = Form::new("organisation-form", FIELDS);
    let values = Values::new();
    let municipality = RwSignal::new(String::new());
    let editing = existing.as_ref().map(|o| o.id.clone());
    let version = RwSignal::new(existing.as_ref().map_or(0, |o| o.version));
    // The version someone else saved, once loaded after a refusal.
    let latest = RwSignal::new(None::<OrganisationDetail>);
    if let Some(o) = &existing {
        values.set(o);
    }
    let creating = editing.is_none();
    let live = move || {
        let mut found = values
            .input()
            .validate()
            .err()
            .map(|v| v.0)
            .unwrap_or_default();
        if creating && municipality.with(String::is_empty) {
            found.push(Violation::new(
                "municipality_id",
                ViolationKind::Required {},
            ));
        }
        found
    };
    let shown = form.shown(live);
    let check =
        move |field: &'static str, errors: &'static str| FieldCheck::new(shown, field, errors);

    let on_submit = {
        let editing = editing.clone();
        move |ev: SubmitEvent| {
            ev.prevent_default();
            let organisation = values.input();
            let editing = editing.clone();
            let municipality_id = MunicipalityId::parse(municipality.get_untracked()).ok();
            form.submit(
                live(),
                move || async move {
                    match editing {
                        Some(id) => {
                            let patch =
                                OrganisationPatch::whole(organisation, version.get_untracked());
                            api::organisations::update_organisation(&id, &patch).await
                        }
                        None => {
                            let create = CreateOrganisation {
                                municipality_id,
                                organisation,
                            };
                            api::organisations::create_organisation(&create).await
                        }
                    }
                },
                move |saved: OrganisationDetail| {
                    latest.set(None);
                    if creating {
                        values.clear();
                    }
                    done.run(saved);
                },
            );
        }
    };

    let auth = use_auth();
    let reload = editing.clone().map(|id| {
        Callback::new(move |()| {
            let id = id.clone();
            spawn_local(async move {
                if let Ok(o) = auth.check(api::organisations::organisation(&id).await) {
                    version.set(o.version);
                    latest.set(Some(o));
                }
            });
        })
    });

    let kinds = Signal::derive(move || {
        ORGANISATION_KINDS
            .iter()
            .map(|(kind, name)| ((*name).to_owned(), i18n.t(organisation_kind_key(*kind))))
            .collect::<Vec<_>>()
    });
    let t = move |key: &'static str| Signal::derive(move || i18n.t(key));

    view! {
        <form
            id="organisation-form"
            class="form"
            novalidate
            on:submit=on_submit
            on:input=move |ev| form.changed(&ev)
            aria-busy=move || form.busy().then_some("true")
        >
            <FormAlert form=form shown=shown errors_id="org-errors" on_reload=reload />
            {move || latest.get().map(|o| view! { <LatestVersion organisation=o values=values latest=latest /> })}
            <SelectField
                id="org-kind"
                label=t("organisation-kind")
                value=values.kind
                check=check("kind", "org-kind-errors")
                options=kinds
                empty=t("form-choose")
            />
            <TextField id="org-name" label=t("organisation-name") value=values.name check=check("name", "org-name-errors") autocomplete="organization" />
            <TextField id="org-sector" label=t("organisation-sector") value=values.sector check=check("sector", "org-sector-errors") />
            <TextField id="org-street" label=t("organisation-street") value=values.street check=check("street", "org-street-errors") autocomplete="street-address" />
            <TextField
                id="org-postcode"
                label=t("organisation-postcode")
                value=values.postcode
                check=check("postcode", "org-postcode-errors").with_hint("org-postcode-hint")
                hint=t("organisation-postcode-hint")
                autocomplete="postal-code"
                dir="ltr"
            />
            <TextField id="org-city" label=t("organisation-city") value=values.city check=check("city", "org-city-errors") autocomplete="address-level2" />
            <TextField
                id="org-kvk"
                label=t("organisation-kvk")
                value=values.kvk
                check=check("kvk_number", "org-kvk-errors").with_hint("org-kvk-hint")
                hint=t("organisation-kvk-hint")
                inputmode="numeric"
                dir="ltr"
            />
            {creating.then(|| view! { <MunicipalityChoice value=municipality shown=shown /> })}
            <button type="submit" class="button">
                {move || {
                    if form.busy() {
                        i18n.t("form-saving")
                    } else if creating {
                        i18n.t("organisation-create")
                    } else {
                        i18n.t("form-save")
                    }
                }}
            </button>
        </form>
    }
}

/// The coordinator's municipalities; the only one is chosen already.
#[component]
fn MunicipalityChoice(value: RwSignal<String>, shown: Signal<Vec<Violation>>) -> impl IntoView {
    let municipalities = api_resource(api::municipalities::municipalities);
    Effect::new(move |_| {
        if let Some(Ok(page)) = municipalities.get()
            && let [only] = page.items.as_slice()
            && value.with_untracked(String::is_empty)
        {
            value.set(only.id.to_string());
        }
    });
    let options = Signal::derive(move || {
        municipalities
            .get()
            .and_then(Result::ok)
            .map(|page| {
                page.items
                    .into_iter()
                    .map(|m| (m.id.to_string(), m.name))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    view! {
        <SelectField
            id="org-municipality"
            label=Signal::derive(text("organisation-municipality"))
            value=value
            check=FieldCheck::new(shown, "municipality_id", "org-municipality-errors")
            options=options
            empty=Signal::derive(text("form-choose"))
        />
    }
}

/// What someone else saved, next to what the user typed, with the way to take it over.
#[component]
fn LatestVersion(
    organisation: OrganisationDetail,
    values: Values,
    latest: RwSignal<Option<OrganisationDetail>>,
) -> impl IntoView {
    let take = organisation.clone();
    view! {
        <div class="alert alert-info latest-version" role="status">
            <p>{text("form-latest-loaded")}</p>
            <p class="meta">
                {organisation.name} ", " {organisation.street} ", "
                {organisation.postcode.to_string()} " " {organisation.city}
            </p>
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
}
