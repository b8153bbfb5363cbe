//! Demonstration data for `--demo`, only into an empty database: two municipalities with
//! agreements, a cohort of 10 participants with its 8 meetings, 3 coaches, 4 organisations with
//! openings, 2 participants in a second cohort elsewhere, and one login per role (plus a
//! coordinator of the second municipality, `coordinator.rotterdam@example.org`).

use chrono::{Datelike, Days, NaiveDate};
use shared::{
    api::ValidParticipant,
    ids::MunicipalityId,
    roles::Role,
    rules::{
        contact::ContactKind,
        openings::{OpeningKind, OpeningStatus, OrganisationKind},
        plan::{ActionOwner, GoalStatus},
        training::{AttendanceStatus, MeetingNumber},
    },
    values::{
        DutchLevel, Email, KvkNumber, LadderRung, LanguageCode, MunicipalityCode, PersonName,
        Postcode,
    },
};
use sqlx::SqlitePool;

use crate::{
    auth::password::Passwords,
    db::{
        self, cohorts, municipalities::NewMunicipality, openings::NewOpening,
        organisations::NewOrganisation, users::NewUser,
    },
};

/// The password of every demo login.
pub const PASSWORD: &str = "vip-demo-2026";

/// One login per role.
pub const LOGINS: &[&str] = &[
    "coordinator@example.org",
    "coach@example.org",
    "company@example.org",
    "municipality@example.org",
    "participant@example.org",
];

const PEOPLE: [(&str, &str, &str, &str); 12] = [
    ("Amal", "Haddad", "ar,en", "A2"),
    ("Yonas", "Tesfay", "ti,en", "A1"),
    ("Farid", "Ahmadi", "fa,ps", "A2"),
    ("Rasha", "Khalil", "ar", "B1"),
    ("Senait", "Gebremedhin", "ti,ar", "A2"),
    ("Omid", "Rahimi", "fa,en", "B1"),
    ("Lina", "Saleh", "ar,fr", "A1"),
    ("Dawit", "Berhane", "ti", "A0"),
    ("Maryam", "Karimi", "fa", "A2"),
    ("Hassan", "Nour", "ar,en", "B2"),
    ("Mehari", "Kidane", "ti,en", "A2"),
    ("Zahra", "Hosseini", "fa", "A1"),
];

/// A demo value that its own rules accept.
fn value<T>(checked: Result<T, shared::ViolationKind>) -> Result<T, sqlx::Error> {
    checked.map_err(|_| sqlx::Error::Protocol("demo data breaks a rule".into()))
}

/// Why the demo data was not added.
#[derive(Debug)]
pub enum DemoError {
    /// The database holds data that is not demonstration data: `--demo` never mixes the two.
    RealData,
    Database(sqlx::Error),
}

impl From<sqlx::Error> for DemoError {
    fn from(err: sqlx::Error) -> Self {
        DemoError::Database(err)
    }
}

/// The demo logins that have a second factor (their role requires one), each with the TOTP
/// secret [`crate::auth::totp::DEMO_SECRET`], printed next to the logins.
pub const SECOND_FACTOR_LOGINS: &[&str] = &[
    "coordinator@example.org",
    "coordinator.rotterdam@example.org",
];

/// Gives the demo coordinators their second factor, unless they have one (a demo database made
/// before second factors existed gets it too).
async fn enrol_second_factors(pool: &SqlitePool) -> Result<(), sqlx::Error> {
    let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    for email in SECOND_FACTOR_LOGINS {
        if let Some(user) = db::users::by_email(pool, email).await? {
            db::factors::enrol_confirmed(pool, &user.id, crate::auth::totp::DEMO_SECRET, &now)
                .await?;
        }
    }
    Ok(())
}

/// Fills an empty database; leaves a demo database as it is; refuses one with real data.
pub async fn fill(
    pool: &SqlitePool,
    passwords: &Passwords,
    today: NaiveDate,
) -> Result<(), DemoError> {
    if db::municipalities::count(pool).await? > 0 {
        if db::installation::is_demo(pool).await? {
            tracing::info!("demo database holds data; demo data not added again");
            enrol_second_factors(pool).await?;
            return Ok(());
        }
        return Err(DemoError::RealData);
    }
    db::installation::mark_demo(pool).await?;
    let year_start = NaiveDate::from_ymd_opt(today.year(), 1, 1).unwrap_or(today);
    let year_end = NaiveDate::from_ymd_opt(today.year(), 12, 31).unwrap_or(today);
    let utrecht = db::municipalities::insert(
        pool,
        &NewMunicipality {
            cbs_code: &value(MunicipalityCode::parse("GM0344"))?,
            name: "Utrecht",
            agreement_start: year_start,
            agreement_end: year_end,
            contracted_participants: 40,
            budget_cap_cents: None,
        },
    )
    .await?;
    let rotterdam = db::municipalities::insert(
        pool,
        &NewMunicipality {
            cbs_code: &value(MunicipalityCode::parse("GM0599"))?,
            name: "Rotterdam",
            agreement_start: year_start,
            agreement_end: year_end,
            contracted_participants: 60,
            budget_cap_cents: Some(120_000),
        },
    )
    .await?;

    // The cohort began three weeks ago and meets weekly: three meetings have been held.
    let cohort = cohorts::insert(pool, &utrecht, "Utrecht voorjaar", "Wijkcentrum Oost").await?;
    let first = today - Days::new(21);
    for n in 0..8u64 {
        let date = first + Days::new(7 * n);
        cohorts::insert_meeting(
            pool,
            &cohort,
            value(MeetingNumber::new(n as u8 + 1))?,
            date,
            "13:30",
            "Wijkcentrum Oost, zaal 2",
        )
        .await?;
    }

    let rotterdam_cohort =
        cohorts::insert(pool, &rotterdam, "Rotterdam najaar", "Bibliotheek Zuid").await?;

    let hash = passwords
        .hash(PASSWORD.to_owned())
        .await
        .map_err(|_| sqlx::Error::Protocol("hashing the demo password failed".into()))?;
    let utrecht_only = [utrecht.clone()];
    let rotterdam_only = [rotterdam.clone()];
    let mut tx = pool.begin().await?;
    let mut add_user = async |email: &str, role, first: Option<&str>, places: &[MunicipalityId]| {
        db::users::insert(
            &mut tx,
            &NewUser {
                email,
                role,
                first_name: first,
                phone: Some("+31612345678"),
                participant_id: None,
                organisation_id: None,
                municipality_ids: places,
            },
            Some(&hash),
        )
        .await
    };
    add_user(
        "coordinator@example.org",
        Role::Coordinator,
        Some("Sanne"),
        &utrecht_only,
    )
    .await?;
    add_user(
        "municipality@example.org",
        Role::MunicipalityViewer,
        Some("Pieter"),
        &utrecht_only,
    )
    .await?;
    let coach = add_user(
        "coach@example.org",
        Role::Coach,
        Some("Marieke"),
        &utrecht_only,
    )
    .await?;
    let coach2 = add_user(
        "coach2@example.org",
        Role::Coach,
        Some("Joost"),
        &utrecht_only,
    )
    .await?;
    let coach3 = add_user(
        "coach3@example.org",
        Role::Coach,
        Some("Fatima"),
        &utrecht_only,
    )
    .await?;
    add_user(
        "coordinator.rotterdam@example.org",
        Role::Coordinator,
        Some("Kees"),
        &rotterdam_only,
    )
    .await?;
    tx.commit().await?;
    enrol_second_factors(pool).await?;

    let mut participant_ids = Vec::new();
    for (i, (first_name, last_name, languages, level)) in PEOPLE.iter().enumerate() {
        let in_utrecht = i < 10;
        // Three participants per coach, the tenth waits for one.
        let coach_id = match i {
            0..=2 => Some(coach.clone()),
            3..=5 => Some(coach2.clone()),
            6..=8 => Some(coach3.clone()),
            _ => None,
        };
        let email = format!("{}.{}@example.org", first_name, last_name).to_lowercase();
        let id = db::participants::insert(
            pool,
            &ValidParticipant {
                first_name: value(PersonName::parse(first_name))?,
                last_name: value(PersonName::parse(last_name))?,
                email: value(Email::parse(&email))?,
                phone: None,
                languages: languages
                    .split(',')
                    .map(|l| value(LanguageCode::parse(l)))
                    .collect::<Result<_, _>>()?,
                dutch_level: value(DutchLevel::parse(level))?,
                municipality_id: if in_utrecht {
                    utrecht.clone()
                } else {
                    rotterdam.clone()
                },
                cohort_id: Some(if in_utrecht {
                    cohort.clone()
                } else {
                    rotterdam_cohort.clone()
                }),
                coach_id: if in_utrecht { coach_id } else { None },
                ladder_rung_at_intake: value(LadderRung::new(2 + (i as i64 % 2)))?,
            },
        )
        .await?;
        participant_ids.push(id);
    }

    // The three meetings held: everyone came, with a few absences; Hassan (the tenth, without a
    // coach yet) joined after them.
    for number in MeetingNumber::all().take(3) {
        let mut lines = Vec::new();
        for (i, id) in participant_ids.iter().enumerate().take(9) {
            let status = match (i, number.get()) {
                (0, 3) => AttendanceStatus::MadeUp,
                (1, 2) | (1, 3) => AttendanceStatus::Absent,
                (4, 1) => AttendanceStatus::Excused,
                _ => AttendanceStatus::Present,
            };
            lines.push((id.clone(), status));
        }
        cohorts::save_attendance(&mut *pool.acquire().await?, &cohort, number, &lines).await?;
    }

    // Amal's plan with her coach, and their last contact.
    let goal = db::plan::insert_goal(
        pool,
        &participant_ids[0],
        "Stage in de zorg vinden",
        Some(today + Days::new(90)),
        GoalStatus::Open,
    )
    .await?;
    db::plan::insert_action(
        pool,
        &goal,
        "Cv maken met de coach",
        Some(today + Days::new(7)),
        ActionOwner::Participant,
    )
    .await?;
    db::plan::insert_action(
        pool,
        &goal,
        "Zorgbedrijven zoeken voor een bezoek",
        None,
        ActionOwner::Coach,
    )
    .await?;
    db::contacts::insert(
        pool,
        &db::contacts::NewContact {
            participant_id: &participant_ids[0],
            coach_id: &coach,
            date: today - Days::new(4),
            kind: ContactKind::Meeting,
            minutes: 45,
            note: "Wil graag in de zorg werken; zorgen over kinderopvang.",
            summary: "Doel gekozen: stage in de zorg. Volgende keer het cv.",
        },
    )
    .await?;

    let organisations = [
        (
            &utrecht,
            OrganisationKind::Company,
            "Bakkerij De Korenbloem",
            "Food",
            "Oudegracht 112",
            "3511 AX",
            "Utrecht",
            Some("12345678"),
        ),
        (
            &utrecht,
            OrganisationKind::Company,
            "Zorggroep Het Anker",
            "Care",
            "Vleutenseweg 40",
            "3532 HJ",
            "Utrecht",
            Some("23456789"),
        ),
        (
            &utrecht,
            OrganisationKind::School,
            "ROC Midden Nederland",
            "Education",
            "Australiëlaan 25",
            "3526 AB",
            "Utrecht",
            None,
        ),
        (
            &rotterdam,
            OrganisationKind::Company,
            "Haven Logistiek",
            "Logistics",
            "Waalhaven 10",
            "3089 JH",
            "Rotterdam",
            Some("34567890"),
        ),
    ];
    let mut organisation_ids = Vec::new();
    for (municipality_id, kind, name, sector, street, postcode, city, kvk) in organisations {
        organisation_ids.push(
            db::organisations::insert(
                pool,
                &NewOrganisation {
                    municipality_id,
                    kind,
                    name,
                    sector,
                    street,
                    postcode: &value(Postcode::parse(postcode))?,
                    city,
                    kvk_number: kvk
                        .map(KvkNumber::parse)
                        .transpose()
                        .map_err(|_| sqlx::Error::Protocol("demo data breaks a rule".into()))?
                        .as_ref(),
                },
            )
            .await?,
        );
    }
    let visit_day = today + Days::new(10);
    let internship_start = today + Days::new(35);
    let internship_end = internship_start + Days::new(55);
    let openings = [
        NewOpening {
            organisation_id: &organisation_ids[0],
            kind: OpeningKind::CompanyVisit,
            status: OpeningStatus::Open,
            title: "Kijkje in de bakkerij",
            description: "Een ochtend meekijken in de bakkerij.",
            date: Some(visit_day),
            place: Some("Oudegracht 112, Utrecht"),
            capacity: Some(8),
            ..NewOpening::empty(&organisation_ids[0])
        },
        NewOpening {
            organisation_id: &organisation_ids[0],
            kind: OpeningKind::Internship,
            status: OpeningStatus::Open,
            title: "Stage bakkerij",
            description: "Acht weken meedraaien in de bakkerij.",
            start_date: Some(internship_start),
            end_date: Some(internship_end),
            hours_per_week: Some(24),
            dutch_level: Some(DutchLevel::A2),
            ..NewOpening::empty(&organisation_ids[0])
        },
        NewOpening {
            organisation_id: &organisation_ids[1],
            kind: OpeningKind::Job,
            status: OpeningStatus::Open,
            title: "Helpende zorg",
            description: "Een baan als helpende in de zorg.",
            ..NewOpening::empty(&organisation_ids[0])
        },
        NewOpening {
            organisation_id: &organisation_ids[2],
            kind: OpeningKind::Education,
            status: OpeningStatus::Draft,
            title: "Opleiding logistiek medewerker",
            description: "Een plek in de opleiding logistiek.",
            ..NewOpening::empty(&organisation_ids[0])
        },
        NewOpening {
            organisation_id: &organisation_ids[3],
            kind: OpeningKind::CompanyVisit,
            status: OpeningStatus::Open,
            title: "Rondleiding haven",
            description: "Een rondleiding door het havenbedrijf.",
            date: Some(visit_day),
            place: Some("Waalhaven 10, Rotterdam"),
            capacity: Some(12),
            ..NewOpening::empty(&organisation_ids[0])
        },
    ];
    for opening in &openings {
        db::openings::insert(pool, opening).await?;
    }

    // The company and participant logins belong to their records.
    let mut tx = pool.begin().await?;
    db::users::insert(
        &mut tx,
        &NewUser {
            email: "company@example.org",
            role: Role::CompanyContact,
            first_name: Some("Henk"),
            phone: None,
            participant_id: None,
            organisation_id: Some(&organisation_ids[0]),
            municipality_ids: &utrecht_only,
        },
        Some(&hash),
    )
    .await?;
    db::users::insert(
        &mut tx,
        &NewUser {
            email: "participant@example.org",
            role: Role::Participant,
            first_name: Some(PEOPLE[0].0),
            phone: None,
            participant_id: Some(&participant_ids[0]),
            organisation_id: None,
            municipality_ids: &utrecht_only,
        },
        Some(&hash),
    )
    .await?;
    tx.commit().await?;
    tracing::info!("demo data added");
    Ok(())
}
