//! Translations with Fluent: one `.ftl` file per language under `app/locales/`, Dutch first.
//!
//! Tests (below) prove every language has every key, every violation code and every error kind
//! has a text whose parameters fill in, and every key the code asks for exists.

mod catalog;
mod format;

pub use catalog::Catalog;

use leptos::{prelude::*, task::spawn_local};
use shared::{
    ParamValue, Violation,
    api::ErrorKind,
    roles::Role,
    rules::{
        ladder::rung_key,
        openings::{OpeningKind, OpeningStatus, OrganisationKind},
    },
    values::{InterfaceLanguage, LadderRung, LanguageCode},
};

/// A language the app speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Nl,
    En,
    Ar,
    /// Tigrinya, in Ethiopic script.
    Ti,
    /// Dari, the Persian of Afghanistan.
    FaAf,
    Uk,
}

impl Lang {
    /// Every shipped language, the default first.
    pub const ALL: [Lang; 6] = [Lang::Nl, Lang::En, Lang::Ar, Lang::Ti, Lang::FaAf, Lang::Uk];

    /// The BCP 47 code, as in `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
            Lang::Ar => "ar",
            Lang::Ti => "ti",
            Lang::FaAf => "fa-AF",
            Lang::Uk => "uk",
        }
    }

    /// The locale handed to the browser's `Intl` for dates: Dari with the Gregorian calendar
    /// (the one of every appointment and letter in the Netherlands, not the Solar Hijri one that
    /// is `fa-AF`'s default) and Western digits, as in the rest of its texts.
    pub fn intl_locale(self) -> &'static str {
        match self {
            Lang::FaAf => "fa-AF-u-ca-gregory-nu-latn",
            Lang::Nl | Lang::En | Lang::Ar | Lang::Ti | Lang::Uk => self.code(),
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The tag of the language among the spoken ones (`shared::values::SPOKEN_LANGUAGES`): Dari
    /// is `prs` there, as ISO 639-3 names it.
    pub fn spoken_tag(self) -> &'static str {
        match self {
            Lang::FaAf => "prs",
            Lang::Nl | Lang::En | Lang::Ar | Lang::Ti | Lang::Uk => self.code(),
        }
    }

    /// The language as the account stores it.
    pub fn interface(self) -> InterfaceLanguage {
        match self {
            Lang::Nl => InterfaceLanguage::Dutch,
            Lang::En => InterfaceLanguage::English,
            Lang::Ar => InterfaceLanguage::Arabic,
            Lang::Ti => InterfaceLanguage::Tigrinya,
            Lang::FaAf => InterfaceLanguage::Dari,
            Lang::Uk => InterfaceLanguage::Ukrainian,
        }
    }

    /// The language an account stores.
    pub fn of_interface(language: InterfaceLanguage) -> Lang {
        match language {
            InterfaceLanguage::Dutch => Lang::Nl,
            InterfaceLanguage::English => Lang::En,
            InterfaceLanguage::Arabic => Lang::Ar,
            InterfaceLanguage::Tigrinya => Lang::Ti,
            InterfaceLanguage::Dari => Lang::FaAf,
            InterfaceLanguage::Ukrainian => Lang::Uk,
        }
    }

    /// Writing direction, as in `<html dir>`.
    pub fn dir(self) -> &'static str {
        match self {
            Lang::Ar | Lang::FaAf => "rtl",
            Lang::Nl | Lang::En | Lang::Ti | Lang::Uk => "ltr",
        }
    }

    /// The language's own name, shown in the language switch.
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::Nl => "Nederlands",
            Lang::En => "English",
            Lang::Ar => "العربية",
            Lang::Ti => "ትግርኛ",
            Lang::FaAf => "دری",
            Lang::Uk => "Українська",
        }
    }

    /// The text of the language's file, when it is at hand. In the browser, every language but
    /// Dutch is in a module of its own, fetched by [`load`] the first time they are chosen;
    /// elsewhere, as in the tests, every file is compiled in.
    fn source(self) -> Option<&'static str> {
        match self {
            Lang::Nl => Some(include_str!("../../locales/nl.ftl")),
            #[cfg(not(target_family = "wasm"))]
            Lang::En => Some(include_str!("../../locales/en.ftl")),
            #[cfg(not(target_family = "wasm"))]
            Lang::Ar => Some(include_str!("../../locales/ar.ftl")),
            #[cfg(not(target_family = "wasm"))]
            Lang::Ti => Some(include_str!("../../locales/ti.ftl")),
            #[cfg(not(target_family = "wasm"))]
            Lang::FaAf => Some(include_str!("../../locales/fa-AF.ftl")),
            #[cfg(not(target_family = "wasm"))]
            Lang::Uk => Some(include_str!("../../locales/uk.ftl")),
            #[cfg(target_family = "wasm")]
            Lang::En | Lang::Ar | Lang::Ti | Lang::FaAf | Lang::Uk => {
                split::LOADED.with(|loaded| loaded[self.index()].get().copied())
            }
        }
    }

    fn index(self) -> usize {
        match self {
            Lang::Nl => 0,
            Lang::En => 1,
            Lang::Ar => 2,
            Lang::Ti => 3,
            Lang::FaAf => 4,
            Lang::Uk => 5,
        }
    }
}

thread_local! {
    static CATALOGS: [std::cell::OnceCell<Catalog>; 6] = const {
        [const { std::cell::OnceCell::new() }; 6]
    };
}

/// Runs `f` with the (lazily built) catalog of `lang`, or of Dutch while the file of `lang` is
/// not loaded (see [`load`]).
pub fn with_catalog<R>(lang: Lang, f: impl FnOnce(&Catalog) -> R) -> R {
    let lang = if lang.source().is_some() {
        lang
    } else {
        Lang::Nl
    };
    CATALOGS.with(|all| f(all[lang.index()].get_or_init(|| Catalog::new(lang))))
}

/// Makes the texts of `lang` available: in the browser, the module with its file is fetched the
/// first time. `false` when that failed; the texts then stay in the language they were in.
pub async fn load(lang: Lang) -> bool {
    if lang.source().is_some() {
        return true;
    }
    #[cfg(target_family = "wasm")]
    {
        let fetched = match lang {
            Lang::En => split::english().await,
            Lang::Ar => split::arabic().await,
            Lang::Ti => split::tigrinya().await,
            Lang::FaAf => split::dari().await,
            Lang::Uk => split::ukrainian().await,
            Lang::Nl => return true,
        };
        if let Ok(source) = fetched {
            split::LOADED.with(|loaded| {
                let _ = loaded[lang.index()].set(source);
            });
            return true;
        }
    }
    false
}

/// The files of the languages other than Dutch, each split off into a module of its own by the
/// bundle, so that nobody downloads the texts of languages they do not read.
#[cfg(target_family = "wasm")]
mod split {
    use std::cell::OnceCell;

    use leptos::wasm_split::{SplitLoaderError, wasm_split};

    thread_local! {
        /// The files fetched so far, by [`super::Lang::index`].
        pub static LOADED: [OnceCell<&'static str>; 6] = const {
            [const { OnceCell::new() }; 6]
        };
    }

    #[wasm_split(lang_en, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub fn english() -> Result<&'static str, SplitLoaderError> {
        Ok(include_str!("../../locales/en.ftl"))
    }

    #[wasm_split(lang_ar, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub fn arabic() -> Result<&'static str, SplitLoaderError> {
        Ok(include_str!("../../locales/ar.ftl"))
    }

    #[wasm_split(lang_ti, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub fn tigrinya() -> Result<&'static str, SplitLoaderError> {
        Ok(include_str!("../../locales/ti.ftl"))
    }

    #[wasm_split(lang_fa_af, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub fn dari() -> Result<&'static str, SplitLoaderError> {
        Ok(include_str!("../../locales/fa-AF.ftl"))
    }

    #[wasm_split(lang_uk, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub fn ukrainian() -> Result<&'static str, SplitLoaderError> {
        Ok(include_str!("../../locales/uk.ftl"))
    }
}

/// The key of the text for an API error kind.
pub fn error_key(kind: ErrorKind) -> &'static str {
    match kind {
        ErrorKind::BadRequest => "error-bad_request",
        ErrorKind::Unauthenticated => "error-unauthenticated",
        ErrorKind::Forbidden => "error-forbidden",
        ErrorKind::NotFound => "error-not_found",
        ErrorKind::MethodNotAllowed => "error-method_not_allowed",
        ErrorKind::Conflict => "error-conflict",
        ErrorKind::PayloadTooLarge => "error-payload_too_large",
        ErrorKind::Validation => "error-validation",
        ErrorKind::TooManyRequests => "error-too_many_requests",
        ErrorKind::Internal => "error-internal",
        ErrorKind::Unavailable => "error-unavailable",
    }
}

/// The key of a role's name.
pub fn role_key(role: Role) -> &'static str {
    match role {
        Role::Participant => "role-participant",
        Role::Coach => "role-coach",
        Role::CompanyContact => "role-company_contact",
        Role::Coordinator => "role-coordinator",
        Role::MunicipalityViewer => "role-municipality_viewer",
    }
}

/// The key of a rung of the participation ladder's name.
pub fn ladder_key(rung: LadderRung) -> String {
    format!("ladder-{}", rung_key(rung))
}

/// The key of a kind of opening.
pub fn opening_kind_key(kind: OpeningKind) -> &'static str {
    match kind {
        OpeningKind::CompanyVisit => "opening-kind-company_visit",
        OpeningKind::Internship => "opening-kind-internship",
        OpeningKind::Job => "opening-kind-job",
        OpeningKind::Volunteer => "opening-kind-volunteer",
        OpeningKind::Education => "opening-kind-education",
    }
}

/// The key of the state of an opening.
pub fn opening_status_key(status: OpeningStatus) -> &'static str {
    match status {
        OpeningStatus::Draft => "opening-status-draft",
        OpeningStatus::Open => "opening-status-open",
        OpeningStatus::Filled => "opening-status-filled",
        OpeningStatus::Closed => "opening-status-closed",
    }
}

/// The key of a kind of organisation.
pub fn organisation_kind_key(kind: OrganisationKind) -> &'static str {
    match kind {
        OrganisationKind::Company => "organisation-kind-company",
        OrganisationKind::School => "organisation-kind-school",
        OrganisationKind::VolunteerOrganisation => "organisation-kind-volunteer_organisation",
    }
}

/// Money for people: `€ 12,50` in Dutch, Arabic and Dari (the form of the amounts on Dutch
/// letters), `€12.50` in English and Tigrinya, `12,50 €` in Ukrainian (a no-break space before the
/// sign).
pub fn format_euros(cents: i64, lang: Lang) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    let (euros, rest) = (abs / 100, abs % 100);
    match lang {
        Lang::En | Lang::Ti => format!("{sign}€{euros}.{rest:02}"),
        Lang::Nl | Lang::Ar | Lang::FaAf => format!("{sign}€ {euros},{rest:02}"),
        Lang::Uk => format!("{sign}{euros},{rest:02}\u{a0}€"),
    }
}

/// The translated text of a violation, with its parameters filled in.
pub fn violation_text(lang: Lang, violation: &Violation) -> String {
    let key = format!("violation-{}", violation.kind.code());
    let params: Vec<(&str, String)> = violation
        .kind
        .params()
        .into_iter()
        .map(|(name, value)| {
            let shown = match (&value, name.ends_with("_cents")) {
                (ParamValue::Number(cents), true) => format_euros(*cents, lang),
                (ParamValue::Number(_) | ParamValue::Text(_), _) => value.to_string(),
            };
            (name, shown)
        })
        .collect();
    with_catalog(lang, |c| c.format(&key, &params))
}

/// The language in use, shared by every component through the context.
#[derive(Debug, Clone, Copy)]
pub struct I18n {
    lang: RwSignal<Lang>,
    /// Whether the language remembered on this device is loaded (or failed to load).
    ready: RwSignal<bool>,
}

const STORAGE_KEY: &str = "vip.lang";

impl I18n {
    /// Provides the context, with the language remembered on this device (else the first of the
    /// browser's languages the app speaks, else Dutch), and
    /// keeps `<html lang dir>` in step. Until the remembered language is loaded, [`I18n::ready`]
    /// is false.
    pub fn provide() -> I18n {
        let stored = window()
            .local_storage()
            .ok()
            .flatten()
            .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
            .and_then(|code| Lang::from_code(&code))
            .or_else(browser_language)
            .unwrap_or(Lang::Nl);
        let at_hand = stored.source().is_some();
        let i18n = I18n {
            lang: RwSignal::new(if at_hand { stored } else { Lang::Nl }),
            ready: RwSignal::new(at_hand),
        };
        provide_context(i18n);
        Effect::new(move |_| {
            let lang = i18n.lang.get();
            if let Some(html) = document().document_element() {
                let _ = html.set_attribute("lang", lang.code());
                let _ = html.set_attribute("dir", lang.dir());
            }
        });
        if !at_hand {
            spawn_local(async move {
                if load(stored).await {
                    i18n.lang.set(stored);
                }
                i18n.ready.set(true);
            });
        }
        i18n
    }

    /// Whether the texts can be shown: the language remembered on this device is loaded.
    pub fn ready(&self) -> bool {
        self.ready.get()
    }

    pub fn lang(&self) -> Lang {
        self.lang.get()
    }

    /// Switches to `lang` once its texts are loaded, and remembers it on this device.
    pub fn set_lang(&self, lang: Lang) {
        let i18n = *self;
        spawn_local(async move {
            if !load(lang).await {
                return;
            }
            if let Some(storage) = window().local_storage().ok().flatten() {
                let _ = storage.set_item(STORAGE_KEY, lang.code());
            }
            i18n.lang.set(lang);
        });
    }

    /// The text of `key` in the current language (reactive).
    pub fn t(&self, key: &str) -> String {
        with_catalog(self.lang.get(), |c| c.format(key, &[]))
    }

    /// The text of `key` with named parameters (reactive).
    pub fn t_with(&self, key: &str, params: &[(&str, String)]) -> String {
        with_catalog(self.lang.get(), |c| c.format(key, params))
    }

    /// The text of an API error kind (reactive).
    pub fn error(&self, kind: ErrorKind) -> String {
        self.t(error_key(kind))
    }

    /// The text of a violation (reactive).
    pub fn violation(&self, violation: &Violation) -> String {
        violation_text(self.lang.get(), violation)
    }

    /// A participant's name as shown: first and last name, or for an erased participant one
    /// label (reactive).
    pub fn participant_name(&self, first_name: &str, last_name: &str) -> String {
        participant_name(self.lang.get(), first_name, last_name)
    }

    /// A participant's first name, shown without the last, or for an erased participant the
    /// same one label (reactive).
    pub fn participant_first_name(&self, first_name: &str) -> String {
        if shared::rules::erasure::is_erased_first_name(first_name) {
            self.t("participant-erased")
        } else {
            first_name.to_owned()
        }
    }

    /// The name of a role (reactive).
    pub fn role(&self, role: Role) -> String {
        self.t(role_key(role))
    }

    /// The name of a rung of the participation ladder (reactive).
    pub fn ladder_rung(&self, rung: LadderRung) -> String {
        self.t(&ladder_key(rung))
    }

    /// An amount of money (reactive).
    pub fn euros(&self, cents: i64) -> String {
        format_euros(cents, self.lang.get())
    }

    /// A calendar date such as `2026-03-01`, written out in the current language (reactive).
    pub fn date(&self, date: &impl std::fmt::Display) -> String {
        format::date(&date.to_string(), self.lang.get())
    }

    /// The month and year of a calendar date, written out in the current language (reactive).
    pub fn month(&self, date: &impl std::fmt::Display) -> String {
        format::month(&date.to_string(), self.lang.get())
    }

    /// A moment in RFC 3339, as a date and time of the device's time zone (reactive).
    pub fn date_time(&self, rfc3339: &str) -> String {
        format::date_time(rfc3339, self.lang.get())
    }

    /// A language's name in the current language, or its code when the browser does not know it
    /// (reactive).
    pub fn language_name(&self, code: &LanguageCode) -> String {
        format::language_name(code.as_str(), self.lang.get())
    }
}

/// A participant's name in `lang`: first and last name, or the label of an erased participant
/// (whose stored names are overwritten).
pub fn participant_name(lang: Lang, first_name: &str, last_name: &str) -> String {
    if shared::rules::erasure::is_erased(first_name, last_name) {
        with_catalog(lang, |c| c.format("participant-erased", &[]))
    } else {
        shared::rules::erasure::full_name(first_name, last_name)
    }
}

/// The first of the browser's preferred languages (`navigator.languages`) that the app speaks.
fn browser_language() -> Option<Lang> {
    use leptos::wasm_bindgen::JsCast;
    use web_sys::js_sys::{Array, Reflect};
    let navigator = Reflect::get(&window(), &"navigator".into()).ok()?;
    let languages = Reflect::get(&navigator, &"languages".into())
        .ok()?
        .dyn_into::<Array>()
        .ok()?;
    let tags: Vec<String> = languages.iter().filter_map(|t| t.as_string()).collect();
    InterfaceLanguage::from_preferences(tags.iter().map(String::as_str)).map(Lang::of_interface)
}

/// Keeps the interface in the language of the account: once someone is signed in, the language
/// stored on their account is shown on every page, whichever browser they use; an account without
/// one (its first login) gets the language shown now, which came from the browser's languages
/// or was just chosen on this device.
pub fn follow_account(i18n: I18n, auth: crate::auth::Auth) {
    Effect::new(move |_| {
        let Some(me) = auth.me() else {
            return;
        };
        match me.interface_language {
            Some(stored) => {
                let lang = Lang::of_interface(stored);
                if lang != i18n.lang.get_untracked() {
                    i18n.set_lang(lang);
                }
            }
            None => store_on_account(i18n.lang.get_untracked(), auth),
        }
    });
}

/// Stores `lang` on the signed-in account; the answer updates who is signed in. A failure leaves
/// the language on this device as it is: the next login tries again.
pub fn store_on_account(lang: Lang, auth: crate::auth::Auth) {
    spawn_local(async move {
        let input = shared::api::InterfaceLanguageInput {
            language: lang.interface(),
        };
        if let Ok(me) = auth.check(crate::api::auth::set_interface_language(&input).await) {
            auth.signed_in(me);
        }
    });
}

/// The i18n context of the app.
pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

#[cfg(test)]
mod tests;
