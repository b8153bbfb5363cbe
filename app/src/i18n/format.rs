//! Dates and language names through the browser's `Intl`, which knows every language's month
//! names, digits and language names. Outside a browser (the unit tests) the input is returned as
//! it came.

use super::Lang;

#[cfg(target_arch = "wasm32")]
mod intl {
    use web_sys::{
        js_sys::{Array, Date, Intl, Object, Reflect},
        wasm_bindgen::JsValue,
    };

    fn options(pairs: &[(&str, &str)]) -> Object {
        let object = Object::new();
        for (key, value) in pairs {
            // Setting a property of a fresh plain object cannot fail.
            let _ = Reflect::set(&object, &JsValue::from_str(key), &JsValue::from_str(value));
        }
        object
    }

    pub fn format(moment: &str, locale: &str, pairs: &[(&str, &str)]) -> Option<String> {
        let date = Date::new(&JsValue::from_str(moment));
        if date.get_time().is_nan() {
            return None;
        }
        Some(String::from(date.to_locale_string(locale, &options(pairs))))
    }

    pub fn language_name(code: &str, locale: &str) -> Option<String> {
        let locales = Array::of1(&JsValue::from_str(locale));
        let names = Intl::DisplayNames::new(&locales, &options(&[("type", "language")]));
        names.of(code).map(String::from)
    }
}

/// `YYYY-MM-DD` as a long date (`1 maart 2026`).
pub fn date(iso: &str, lang: Lang) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        let options = [
            ("timeZone", "UTC"),
            ("day", "numeric"),
            ("month", "long"),
            ("year", "numeric"),
        ];
        if let Some(text) = intl::format(iso, lang.intl_locale(), &options) {
            return text;
        }
    }
    let _ = lang;
    iso.to_owned()
}

/// `YYYY-MM-DD` as its month and year (`maart 2026`).
pub fn month(iso: &str, lang: Lang) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        let options = [("timeZone", "UTC"), ("month", "long"), ("year", "numeric")];
        if let Some(text) = intl::format(iso, lang.intl_locale(), &options) {
            return text;
        }
    }
    let _ = lang;
    iso.get(..7).unwrap_or(iso).to_owned()
}

/// An RFC 3339 moment as a date and a time of the device's zone.
pub fn date_time(rfc3339: &str, lang: Lang) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        let options = [("dateStyle", "long"), ("timeStyle", "short")];
        if let Some(text) = intl::format(rfc3339, lang.intl_locale(), &options) {
            return text;
        }
    }
    let _ = lang;
    rfc3339.to_owned()
}

/// An ISO 639-1 code's language name.
pub fn language_name(code: &str, lang: Lang) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        if let Some(name) = intl::language_name(code, lang.code()) {
            return name;
        }
    }
    let _ = lang;
    code.to_owned()
}
