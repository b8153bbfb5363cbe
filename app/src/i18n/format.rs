//! Dates and language names. Calendar dates are written out here, with each language's month
//! names (see [`Months`]); a moment with its time of day and a language's name come from the
//! browser's `Intl`, which knows the device's time zone and every language's name. Outside a
//! browser (the unit tests) those two are returned as they came.

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

/// The Gregorian months of a language, January first, as a date names them (`1 maart`) and as
/// they stand alone (`maart 2026`): only Ukrainian tells the two apart (genitive `березня`,
/// nominative `березень`). Written out here rather than asked of the browser's `Intl`, whose data
/// lacks Tigrinya in Chromium (it answers `March 1, 2026`) and, on cheap phones, more languages.
/// The names are CLDR's: Tigrinya's are Eritrea's Ge'ez-script Gregorian months, Dari's those
/// of Afghanistan (not the Iranian Persian ones), Arabic's the Egyptian-Gulf series the browsers
/// show.
struct Months {
    in_date: [&'static str; 12],
    alone: [&'static str; 12],
}

const fn same(names: [&'static str; 12]) -> Months {
    Months {
        in_date: names,
        alone: names,
    }
}

fn months(lang: Lang) -> &'static Months {
    const NL: Months = same([
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ]);
    const EN: Months = same([
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ]);
    const AR: Months = same([
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "مايو",
        "يونيو",
        "يوليو",
        "أغسطس",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
    ]);
    const TI: Months = same([
        "ጥሪ",
        "ለካቲት",
        "መጋቢት",
        "ሚያዝያ",
        "ግንቦት",
        "ሰነ",
        "ሓምለ",
        "ነሓሰ",
        "መስከረም",
        "ጥቅምቲ",
        "ሕዳር",
        "ታሕሳስ",
    ]);
    const FA_AF: Months = same([
        "جنوری",
        "فبروری",
        "مارچ",
        "اپریل",
        "می",
        "جون",
        "جولای",
        "اگست",
        "سپتمبر",
        "اکتوبر",
        "نومبر",
        "دسمبر",
    ]);
    const UK: Months = Months {
        in_date: [
            "січня",
            "лютого",
            "березня",
            "квітня",
            "травня",
            "червня",
            "липня",
            "серпня",
            "вересня",
            "жовтня",
            "листопада",
            "грудня",
        ],
        alone: [
            "січень",
            "лютий",
            "березень",
            "квітень",
            "травень",
            "червень",
            "липень",
            "серпень",
            "вересень",
            "жовтень",
            "листопад",
            "грудень",
        ],
    };
    match lang {
        Lang::Nl => &NL,
        Lang::En => &EN,
        Lang::Ar => &AR,
        Lang::Ti => &TI,
        Lang::FaAf => &FA_AF,
        Lang::Uk => &UK,
    }
}

/// Year, month (1 to 12) and day of `YYYY-MM-DD` (anything after the day is ignored).
fn parts(iso: &str) -> Option<(u32, usize, u32)> {
    let year = iso.get(..4)?.parse().ok()?;
    if iso.get(4..5)? != "-" || iso.get(7..8)? != "-" {
        return None;
    }
    let month: usize = iso.get(5..7)?.parse().ok()?;
    let day: u32 = iso.get(8..10)?.parse().ok()?;
    ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some((year, month, day))
}

/// A day of a month of a year, in the order and words of the language (CLDR's long date).
fn long_date(year: u32, month: usize, day: u32, lang: Lang) -> String {
    let name = months(lang).in_date[month - 1];
    match lang {
        Lang::En | Lang::Ti => format!("{name} {day}, {year}"),
        Lang::Uk => format!("{day} {name} {year} р."),
        Lang::Nl | Lang::Ar | Lang::FaAf => format!("{day} {name} {year}"),
    }
}

/// `YYYY-MM-DD` as a long date (`1 maart 2026`); anything else as it came.
pub fn date(iso: &str, lang: Lang) -> String {
    match parts(iso) {
        Some((year, month, day)) => long_date(year, month, day, lang),
        None => iso.to_owned(),
    }
}

/// `YYYY-MM-DD` as its month and year (`maart 2026`); anything else as it came.
pub fn month(iso: &str, lang: Lang) -> String {
    let Some((year, month, _)) = parts(iso) else {
        return iso.to_owned();
    };
    let name = months(lang).alone[month - 1];
    match lang {
        Lang::Uk => format!("{name} {year} р."),
        Lang::Nl | Lang::En | Lang::Ar | Lang::Ti | Lang::FaAf => format!("{name} {year}"),
    }
}

/// An RFC 3339 moment as a date and a time of the device's zone. The browser's `Intl` writes
/// it, except in Tigrinya, which Chromium's `Intl` does not know: there the date is written as
/// [`date`] writes it, with the time on 24 hours.
pub fn date_time(rfc3339: &str, lang: Lang) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        if lang == Lang::Ti {
            use web_sys::{js_sys::Date, wasm_bindgen::JsValue};
            let moment = Date::new(&JsValue::from_str(rfc3339));
            if !moment.get_time().is_nan() {
                return local_date_time(
                    moment.get_full_year(),
                    moment.get_month() as usize + 1,
                    moment.get_date(),
                    moment.get_hours(),
                    moment.get_minutes(),
                    lang,
                );
            }
        }
        let options = [("dateStyle", "long"), ("timeStyle", "short")];
        if let Some(text) = intl::format(rfc3339, lang.intl_locale(), &options) {
            return text;
        }
    }
    let _ = lang;
    rfc3339.to_owned()
}

/// A date and a time of day as [`date_time`] writes them without `Intl`.
#[cfg(any(target_arch = "wasm32", test))]
pub(super) fn local_date_time(
    year: u32,
    month: usize,
    day: u32,
    hours: u32,
    minutes: u32,
    lang: Lang,
) -> String {
    format!(
        "{}, {hours:02}:{minutes:02}",
        long_date(year, month, day, lang)
    )
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
