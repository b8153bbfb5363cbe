use std::collections::BTreeSet;

use shared::{Violation, ViolationKind, api::ErrorKind};

use super::*;

/// The file of a language; outside the browser every one is compiled in.
fn source(lang: Lang) -> &'static str {
    lang.source()
        .expect("every language file is at hand in the tests")
}

/// The message keys of a `.ftl` source, in order, duplicates included.
fn keys_of(source: &str) -> Vec<String> {
    source
        .lines()
        .filter(|line| line.starts_with(|c: char| c.is_ascii_alphabetic()))
        .filter_map(|line| line.split_once(" =").map(|(key, _)| key.trim().to_owned()))
        .collect()
}

#[test]
fn every_language_file_parses_without_errors() {
    for lang in Lang::ALL {
        let parsed = fluent_bundle::FluentResource::try_new(source(lang).to_owned());
        assert!(parsed.is_ok(), "{} has syntax errors", lang.code());
    }
}

#[test]
fn no_language_file_defines_a_key_twice() {
    for lang in Lang::ALL {
        let keys = keys_of(source(lang));
        let unique: BTreeSet<_> = keys.iter().collect();
        assert_eq!(unique.len(), keys.len(), "{} repeats a key", lang.code());
    }
}

#[test]
fn every_language_has_exactly_the_keys_of_dutch() {
    let dutch: BTreeSet<String> = keys_of(source(Lang::Nl)).into_iter().collect();
    assert!(dutch.len() > 10, "the key scan found too little");
    for lang in Lang::ALL {
        let keys: BTreeSet<String> = keys_of(source(lang)).into_iter().collect();
        let missing: Vec<_> = dutch.difference(&keys).collect();
        let extra: Vec<_> = keys.difference(&dutch).collect();
        assert!(missing.is_empty(), "{} lacks {missing:?}", lang.code());
        assert!(
            extra.is_empty(),
            "{} has unknown keys {extra:?}",
            lang.code()
        );
        for key in &dutch {
            assert!(
                with_catalog(lang, |c| c.has(key)),
                "{} does not load {key}",
                lang.code()
            );
        }
    }
}

#[test]
fn every_violation_code_has_a_text_in_every_language_with_its_parameters_filled_in() {
    for lang in Lang::ALL {
        for (code, params) in ViolationKind::ALL {
            let args: Vec<(&str, String)> = params.iter().map(|p| (*p, "7".to_owned())).collect();
            let text = with_catalog(lang, |c| c.try_format(&format!("violation-{code}"), &args));
            let text = text.unwrap_or_else(|()| panic!("{}: violation-{code}", lang.code()));
            assert!(
                !text.contains('{'),
                "{}: {code} left a placeholder",
                lang.code()
            );
        }
    }
}

#[test]
fn every_error_kind_has_a_text_in_every_language() {
    for lang in Lang::ALL {
        for kind in ErrorKind::ALL {
            let key = error_key(*kind);
            assert!(
                with_catalog(lang, |c| c.try_format(key, &[]).is_ok()),
                "{}: {key}",
                lang.code()
            );
        }
        for key in ["error-network", "error-decode"] {
            assert!(with_catalog(lang, |c| c.has(key)), "{}: {key}", lang.code());
        }
    }
}

/// String literals passed to `.t(` and `.t_with(` in the app's sources.
fn keys_used_in(dir: &std::path::Path, found: &mut BTreeSet<String>) {
    for entry in std::fs::read_dir(dir).expect("the source folder is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            keys_used_in(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).expect("a source file is readable");
            for marker in [".t(\"", ".t_with(\""] {
                for (at, _) in text.match_indices(marker) {
                    let rest = &text[at + marker.len()..];
                    if let Some(end) = rest.find('"') {
                        found.insert(rest[..end].to_owned());
                    }
                }
            }
        }
    }
}

#[test]
fn every_key_the_app_asks_for_exists_in_dutch() {
    let mut used = BTreeSet::new();
    keys_used_in(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut used,
    );
    assert!(used.contains("home-title"), "the key scan found too little");
    let missing: Vec<_> = used
        .iter()
        .filter(|k| !with_catalog(Lang::Nl, |c| c.has(k)))
        .collect();
    assert!(missing.is_empty(), "keys without a text: {missing:?}");
}

#[test]
fn a_budget_violation_shows_the_remaining_amount_as_money() {
    let v = Violation::new(
        "amount_cents",
        ViolationKind::BudgetExceeded {
            remaining_cents: 12_50,
        },
    );
    assert_eq!(
        violation_text(Lang::Nl, &v),
        "Dit past niet in het budget: er is nog € 12,50 over."
    );
    assert_eq!(
        violation_text(Lang::En, &v),
        "This does not fit the budget: €12.50 is left."
    );
}

#[test]
fn a_plural_is_chosen_by_the_number() {
    let one = Violation::new("date", ViolationKind::MeetingsTooClose { min_days: 1 });
    let two = Violation::new("date", ViolationKind::MeetingsTooClose { min_days: 2 });
    assert!(violation_text(Lang::En, &one).contains("1 day apart"));
    assert!(violation_text(Lang::En, &two).contains("2 days apart"));
}

#[test]
fn arabic_and_dari_are_right_to_left_and_the_others_left_to_right() {
    assert_eq!(Lang::Ar.dir(), "rtl");
    assert_eq!(Lang::FaAf.dir(), "rtl");
    assert_eq!(Lang::Nl.dir(), "ltr");
    assert_eq!(Lang::En.dir(), "ltr");
    assert_eq!(Lang::Ti.dir(), "ltr");
    assert_eq!(Lang::Uk.dir(), "ltr");
}

#[test]
fn every_language_is_found_by_its_code_and_has_its_own_name() {
    for lang in Lang::ALL {
        assert_eq!(Lang::from_code(lang.code()), Some(lang));
        assert!(!lang.own_name().is_empty());
    }
    assert_eq!(Lang::from_code("fa-AF"), Some(Lang::FaAf));
    assert_eq!(Lang::from_code("fa"), None);
}

/// `key` with `count` in `lang`, without the isolation marks around right-to-left parameters.
fn counted(lang: Lang, key: &str, count: u32) -> String {
    with_catalog(lang, |c| c.try_format(key, &[("count", count.to_string())]))
        .unwrap_or_else(|()| panic!("{}: {key}", lang.code()))
        .replace(['\u{2068}', '\u{2069}'], "")
}

const COUNTS: [u32; 6] = [0, 1, 2, 5, 11, 21];

#[test]
fn ukrainian_counts_in_its_four_forms() {
    let shown: Vec<String> = COUNTS
        .iter()
        .map(|n| counted(Lang::Uk, "cohort-participants", *n))
        .collect();
    assert_eq!(
        shown,
        [
            "0 учасників",
            "1 учасник",
            "2 учасники",
            "5 учасників",
            "11 учасників",
            "21 учасник"
        ]
    );
    let places: Vec<String> = COUNTS
        .iter()
        .map(|n| counted(Lang::Uk, "opening-places-left", *n))
        .collect();
    assert_eq!(
        places,
        [
            "Залишилося 0 місць",
            "Залишилося 1 місце",
            "Залишилося 2 місця",
            "Залишилося 5 місць",
            "Залишилося 11 місць",
            "Залишилося 21 місце"
        ]
    );
}

#[test]
fn arabic_counts_in_its_six_forms() {
    let shown: Vec<String> = COUNTS
        .iter()
        .map(|n| counted(Lang::Ar, "cohort-participants", *n))
        .collect();
    assert_eq!(
        shown,
        [
            "لا مشاركين",
            "مشارك واحد",
            "مشاركان",
            "5 مشاركين",
            "11 مشاركًا",
            "21 مشاركًا"
        ]
    );
    let places: Vec<String> = COUNTS
        .iter()
        .map(|n| counted(Lang::Ar, "opening-places-left", *n))
        .collect();
    assert_eq!(
        places,
        [
            "لم يبقَ أي مكان",
            "بقي مكان واحد",
            "بقي مكانان",
            "بقيت 5 أماكن",
            "بقي 11 مكانًا",
            "بقي 21 مكانًا"
        ]
    );
}

#[test]
fn tigrinya_counts_zero_and_one_alike_by_its_own_rules_not_english_ones() {
    // Tigrinya's rule puts 0 with 1; English's (the fallback when a language's rules are missing)
    // would not.
    assert_eq!(counted(Lang::Ti, "cohort-participants", 0), "0 ተሳታፊ");
    assert_eq!(counted(Lang::Ti, "cohort-participants", 1), "1 ተሳታፊ");
    assert_eq!(counted(Lang::Ti, "cohort-participants", 2), "2 ተሳተፍቲ");
    assert_eq!(counted(Lang::Ti, "cohort-participants", 21), "21 ተሳተፍቲ");
}

#[test]
fn every_count_shows_in_every_language_without_placeholders() {
    for lang in Lang::ALL {
        for key in ["cohort-participants", "opening-places-left"] {
            for n in COUNTS {
                let text = counted(lang, key, n);
                assert!(!text.contains('{'), "{}: {key} {n}", lang.code());
            }
        }
    }
}

#[test]
fn money_is_written_as_each_language_does() {
    let amounts: Vec<String> = Lang::ALL
        .into_iter()
        .map(|lang| format_euros(-123_450, lang))
        .collect();
    assert_eq!(
        amounts,
        [
            "-€ 1234,50",
            "-€1234.50",
            "-€ 1234,50",
            "-€1234.50",
            "-€ 1234,50",
            "-1234,50\u{a0}€"
        ]
    );
}

#[test]
fn dari_dates_are_gregorian_with_western_digits() {
    assert_eq!(Lang::FaAf.intl_locale(), "fa-AF-u-ca-gregory-nu-latn");
    for lang in [Lang::Nl, Lang::En, Lang::Ar, Lang::Ti, Lang::Uk] {
        assert_eq!(lang.intl_locale(), lang.code());
    }
}

#[test]
fn a_missing_key_is_reported_not_hidden() {
    assert!(with_catalog(Lang::En, |c| c.try_format("no-such-key", &[])).is_err());
}

#[test]
fn every_role_and_rung_has_a_name_in_every_language() {
    for lang in Lang::ALL {
        for role in shared::roles::Role::ALL {
            assert!(
                with_catalog(lang, |c| c.has(role_key(role))),
                "{}: {role}",
                lang.code()
            );
        }
        for n in 1..=6 {
            let rung = shared::values::LadderRung::new(n).expect("1..=6 is a rung");
            let key = ladder_key(rung);
            assert!(
                with_catalog(lang, |c| c.has(&key)),
                "{}: {key}",
                lang.code()
            );
        }
    }
}

#[test]
fn the_kinds_and_states_of_openings_and_organisations_have_names() {
    use shared::rules::openings::{OpeningKind, OpeningStatus, OrganisationKind};
    let keys = [
        opening_kind_key(OpeningKind::CompanyVisit),
        opening_kind_key(OpeningKind::Internship),
        opening_kind_key(OpeningKind::Job),
        opening_kind_key(OpeningKind::Volunteer),
        opening_kind_key(OpeningKind::Education),
        opening_status_key(OpeningStatus::Draft),
        opening_status_key(OpeningStatus::Open),
        opening_status_key(OpeningStatus::Filled),
        opening_status_key(OpeningStatus::Closed),
        organisation_kind_key(OrganisationKind::Company),
        organisation_kind_key(OrganisationKind::School),
        organisation_kind_key(OrganisationKind::VolunteerOrganisation),
    ];
    for lang in Lang::ALL {
        for key in keys {
            assert!(with_catalog(lang, |c| c.has(key)), "{}: {key}", lang.code());
        }
    }
}

#[test]
fn a_welcome_names_the_participant_and_a_group_counts_in_the_plural() {
    let welcome = with_catalog(Lang::Nl, |c| {
        c.try_format("participant-home-title", &[("name", "Amal".to_owned())])
    });
    assert_eq!(welcome, Ok("Welkom, Amal".to_owned()));
    let one = with_catalog(Lang::En, |c| {
        c.try_format("cohort-participants", &[("count", "1".to_owned())])
    });
    assert_eq!(one, Ok("1 participant".to_owned()));
}

#[test]
fn every_language_is_stored_on_the_account_under_its_own_tag() {
    for lang in Lang::ALL {
        assert_eq!(lang.interface().as_str(), lang.code());
        assert_eq!(Lang::of_interface(lang.interface()), lang);
    }
    assert_eq!(
        shared::values::InterfaceLanguage::ALL.len(),
        Lang::ALL.len(),
        "the account can store every language the app speaks, and no other"
    );
}

#[test]
fn each_language_s_own_name_is_the_same_in_its_file_the_switch_and_the_spoken_languages() {
    for lang in Lang::ALL {
        let in_file = with_catalog(lang, |c| c.try_format("language-own-name", &[]));
        assert_eq!(in_file.as_deref(), Ok(lang.own_name()), "{}", lang.code());
        let spoken = shared::values::LanguageCode::parse(lang.spoken_tag())
            .expect("every interface language is a spoken one");
        assert_eq!(spoken.own_name(), Some(lang.own_name()), "{}", lang.code());
    }
}

/// The first of each month of 2026, `2026-01-01` to `2026-12-01`.
fn firsts() -> Vec<String> {
    (1..=12).map(|m| format!("2026-{m:02}-01")).collect()
}

#[test]
fn tigrinya_names_the_months_in_ge_ez_script() {
    let months: Vec<String> = firsts()
        .iter()
        .map(|d| format::month(d, Lang::Ti))
        .collect();
    assert_eq!(
        months,
        [
            "ጥሪ 2026",
            "ለካቲት 2026",
            "መጋቢት 2026",
            "ሚያዝያ 2026",
            "ግንቦት 2026",
            "ሰነ 2026",
            "ሓምለ 2026",
            "ነሓሰ 2026",
            "መስከረም 2026",
            "ጥቅምቲ 2026",
            "ሕዳር 2026",
            "ታሕሳስ 2026"
        ]
    );
    assert_eq!(format::date("2026-03-01", Lang::Ti), "መጋቢት 1, 2026");
    assert_eq!(format::date("2026-12-24", Lang::Ti), "ታሕሳስ 24, 2026");
    for date in firsts() {
        let text = format::date(&date, Lang::Ti);
        assert!(
            !text.chars().any(|c| c.is_ascii_alphabetic()),
            "{text}: no Latin month name"
        );
    }
}

#[test]
fn dari_names_the_months_as_afghanistan_does_with_western_digits() {
    let months: Vec<String> = firsts()
        .iter()
        .map(|d| format::month(d, Lang::FaAf))
        .collect();
    assert_eq!(
        months,
        [
            "جنوری 2026",
            "فبروری 2026",
            "مارچ 2026",
            "اپریل 2026",
            "می 2026",
            "جون 2026",
            "جولای 2026",
            "اگست 2026",
            "سپتمبر 2026",
            "اکتوبر 2026",
            "نومبر 2026",
            "دسمبر 2026"
        ]
    );
    assert_eq!(format::date("2026-03-06", Lang::FaAf), "6 مارچ 2026");
}

#[test]
fn ukrainian_puts_a_month_in_a_date_in_the_genitive() {
    let dates: Vec<String> = firsts().iter().map(|d| format::date(d, Lang::Uk)).collect();
    assert_eq!(
        dates,
        [
            "1 січня 2026 р.",
            "1 лютого 2026 р.",
            "1 березня 2026 р.",
            "1 квітня 2026 р.",
            "1 травня 2026 р.",
            "1 червня 2026 р.",
            "1 липня 2026 р.",
            "1 серпня 2026 р.",
            "1 вересня 2026 р.",
            "1 жовтня 2026 р.",
            "1 листопада 2026 р.",
            "1 грудня 2026 р."
        ]
    );
    let months: Vec<String> = firsts()
        .iter()
        .map(|d| format::month(d, Lang::Uk))
        .collect();
    assert_eq!(
        months,
        [
            "січень 2026 р.",
            "лютий 2026 р.",
            "березень 2026 р.",
            "квітень 2026 р.",
            "травень 2026 р.",
            "червень 2026 р.",
            "липень 2026 р.",
            "серпень 2026 р.",
            "вересень 2026 р.",
            "жовтень 2026 р.",
            "листопад 2026 р.",
            "грудень 2026 р."
        ]
    );
}

#[test]
fn arabic_names_the_gregorian_months() {
    let months: Vec<String> = firsts()
        .iter()
        .map(|d| format::month(d, Lang::Ar))
        .collect();
    assert_eq!(
        months,
        [
            "يناير 2026",
            "فبراير 2026",
            "مارس 2026",
            "أبريل 2026",
            "مايو 2026",
            "يونيو 2026",
            "يوليو 2026",
            "أغسطس 2026",
            "سبتمبر 2026",
            "أكتوبر 2026",
            "نوفمبر 2026",
            "ديسمبر 2026"
        ]
    );
    assert_eq!(format::date("2026-08-16", Lang::Ar), "16 أغسطس 2026");
}

#[test]
fn dutch_and_english_dates_read_as_the_browsers_write_them() {
    assert_eq!(format::date("2026-03-01", Lang::Nl), "1 maart 2026");
    assert_eq!(format::month("2026-05-10", Lang::Nl), "mei 2026");
    assert_eq!(format::date("2026-03-01", Lang::En), "March 1, 2026");
    assert_eq!(format::month("2026-12-24", Lang::En), "December 2026");
}

#[test]
fn a_moment_in_tigrinya_has_its_month_in_ge_ez_script_and_the_time_on_24_hours() {
    assert_eq!(
        format::local_date_time(2026, 9, 7, 14, 5, Lang::Ti),
        "መስከረም 7, 2026, 14:05"
    );
}

#[test]
fn what_is_not_a_calendar_date_stays_as_it_came() {
    for text in [
        "",
        "2026",
        "2026-13-01",
        "2026-00-10",
        "2026/03/01",
        "maart",
    ] {
        for lang in Lang::ALL {
            assert_eq!(format::date(text, lang), text);
            assert_eq!(format::month(text, lang), text);
        }
    }
    // A moment's date part is a date.
    assert_eq!(
        format::date("2026-03-01T10:00:00Z", Lang::Ti),
        "መጋቢት 1, 2026"
    );
}

#[test]
fn an_erased_participant_is_named_by_one_label_in_every_language() {
    use shared::rules::erasure::ERASED_NAME;
    let mut labels = BTreeSet::new();
    for lang in Lang::ALL {
        let label = participant_name(lang, ERASED_NAME, ERASED_NAME);
        assert!(!label.contains(ERASED_NAME), "{}: {label}", lang.code());
        assert_eq!(
            label,
            with_catalog(lang, |c| c.try_format("participant-erased", &[])).unwrap(),
            "{}",
            lang.code()
        );
        labels.insert(label);
        assert_eq!(participant_name(lang, "Amal", "Haddad"), "Amal Haddad");
        assert_eq!(
            participant_name(lang, ERASED_NAME, "Haddad"),
            "Gewist Haddad"
        );
    }
    assert_eq!(labels.len(), Lang::ALL.len(), "each language its own words");
}
