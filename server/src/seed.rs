//! `vip-server seed --scale vip`: a fresh database filled at the programme's full size, for the
//! benchmark (`cargo xtask bench`) and for trying the screens with realistic lists.
//!
//! 50 municipalities, 180 organisations with openings, 100 cohorts spread over the past year with
//! their 8 weekly meetings and the attendance of every meeting held, 1,500 participants (15 per
//! cohort) with plans, a contact every two weeks, internships, introductions, budget requests and
//! registrations for company visits; logins for coordinators, municipality viewers, coaches (three
//! participants each), company contacts and participants, all with [`PASSWORD`]; the
//! coordinators, whose role requires a second factor, with the TOTP secret [`TOTP_SECRET`].
//!
//! The content is deterministic (a seeded generator of our own); the record ids are random as
//! always. Everything goes through the `db` functions, in a few large write transactions, so it
//! takes seconds. Only into a database without data.

use std::time::{Duration, Instant};

use chrono::{Days, NaiveDate};
use shared::{
    api::{ConsentPurpose, ValidParticipant},
    ids::{CohortId, MunicipalityId, OpeningId, OrganisationId, ParticipantId, UserId},
    roles::Role,
    rules::{
        budget::{ExpenseCategory, ExpenseStatus},
        contact::ContactKind,
        introduction::IntroductionStatus,
        openings::{OpeningKind, OpeningStatus, OrganisationKind},
        plan::{ActionOwner, GoalStatus},
        training::{AttendanceStatus, MeetingNumber},
    },
    values::{
        DutchLevel, Email, KvkNumber, LadderRung, LanguageCode, Money, MunicipalityCode,
        PersonName, Postcode,
    },
};
use sqlx::{SqliteConnection, SqlitePool};

use crate::{
    auth::password::Passwords,
    db::{
        self, contacts::NewContact, internships::NewInternship, municipalities::NewMunicipality,
        openings::NewOpening, organisations::NewOrganisation, users::NewUser,
    },
};

/// The password of every seeded login.
pub const PASSWORD: &str = "vip-seed-2026";
/// The TOTP secret (base32) of every seeded coordinator, whose role requires a second factor:
/// printed with the logins, like the demo's.
pub const TOTP_SECRET: &str = "VIPSEEDBENCHMARKTOTPSECRET234567";
/// The domain of every seeded email address.
pub const DOMAIN: &str = "seed.example.org";

/// How much data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Scale {
    /// The programme at full size: 1,500 participants in 50 municipalities.
    Vip,
}

/// The sizes of a scale.
#[derive(Debug, Clone, Copy)]
struct Sizes {
    municipalities: usize,
    organisations: usize,
    cohorts: usize,
    participants_per_cohort: usize,
    participants_per_coach: usize,
}

impl Scale {
    fn sizes(self) -> Sizes {
        match self {
            Scale::Vip => Sizes {
                municipalities: 50,
                organisations: 180,
                cohorts: 100,
                participants_per_cohort: 15,
                participants_per_coach: 3,
            },
        }
    }
}

/// What was added.
#[derive(Debug, Default, Clone)]
pub struct Summary {
    pub municipalities: usize,
    pub organisations: usize,
    pub openings: usize,
    pub cohorts: usize,
    pub meetings: usize,
    pub participants: usize,
    pub attendance: usize,
    pub goals: usize,
    pub actions: usize,
    pub contacts: usize,
    pub internships: usize,
    pub introductions: usize,
    pub expenses: usize,
    pub registrations: usize,
    pub coordinators: usize,
    pub municipality_viewers: usize,
    pub coaches: usize,
    pub company_contacts: usize,
    pub participant_logins: usize,
    pub elapsed: Duration,
}

impl Summary {
    /// The lines printed after seeding: counts, then the logins by role.
    pub fn lines(&self) -> Vec<String> {
        vec![
            format!(
                "VIP-scale data added in {:.1} s: {} municipalities, {} organisations ({} openings), \
                 {} cohorts ({} meetings), {} participants ({} attendance lines, {} goals, {} actions, \
                 {} contacts, {} internships, {} introductions, {} budget requests, {} registrations)",
                self.elapsed.as_secs_f64(),
                self.municipalities,
                self.organisations,
                self.openings,
                self.cohorts,
                self.meetings,
                self.participants,
                self.attendance,
                self.goals,
                self.actions,
                self.contacts,
                self.internships,
                self.introductions,
                self.expenses,
                self.registrations,
            ),
            format!("Logins, each with the password {PASSWORD}:"),
            format!(
                "  coordinator1..{}@{DOMAIN}   coordinator of one municipality each; also a code \
                 of the TOTP secret {TOTP_SECRET}",
                self.coordinators
            ),
            format!(
                "  municipality1..{}@{DOMAIN}  municipality viewer, one per municipality",
                self.municipality_viewers
            ),
            format!(
                "  coach1..{}@{DOMAIN}        volunteer coach of at most 3 participants (coach1: participant1..3)",
                self.coaches
            ),
            format!(
                "  company1..{}@{DOMAIN}      contact of one organisation each",
                self.company_contacts
            ),
            format!(
                "  participant1..{}@{DOMAIN} participant (participant1 is in the oldest cohort, of municipality 1)",
                self.participant_logins
            ),
        ]
    }
}

/// Why nothing was seeded.
#[derive(Debug)]
pub enum SeedError {
    /// The database already holds data.
    NotEmpty,
    Password,
    /// A seeded value that its own rule refuses: a bug in this module.
    Rule(&'static str),
    Database(sqlx::Error),
}

impl std::fmt::Display for SeedError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SeedError::NotEmpty => write!(
                f,
                "seed fills a fresh database only, and this one already holds data"
            ),
            SeedError::Password => write!(f, "hashing the password failed"),
            SeedError::Rule(what) => write!(f, "seeded {what} breaks its rule"),
            SeedError::Database(err) => write!(f, "database: {err}"),
        }
    }
}

impl From<sqlx::Error> for SeedError {
    fn from(err: sqlx::Error) -> Self {
        SeedError::Database(err)
    }
}

fn value<T, E>(what: &'static str, checked: Result<T, E>) -> Result<T, SeedError> {
    checked.map_err(|_| SeedError::Rule(what))
}

fn email(prefix: &str, n: usize) -> String {
    format!("{prefix}{n}@{DOMAIN}")
}

/// SplitMix64: small, fast and the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    /// A number in `low..=high`.
    fn between(&mut self, low: i64, high: i64) -> i64 {
        low + self.below((high - low + 1) as u64) as i64
    }

    /// True `percent` times in 100.
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len() as u64) as usize]
    }
}

const FIRST_NAMES: &[&str] = &[
    "Amal", "Yonas", "Farid", "Rasha", "Senait", "Omid", "Lina", "Dawit", "Maryam", "Hassan",
    "Mehari", "Zahra", "Ahmad", "Nour", "Tesfay", "Samira", "Olena", "Dmytro", "Hamid", "Fatima",
    "Abdi", "Hodan", "Mustafa", "Yasmin", "Kidane", "Leila", "Reza", "Aster", "Bilal", "Iryna",
];
const LAST_NAMES: &[&str] = &[
    "Haddad",
    "Tesfay",
    "Ahmadi",
    "Khalil",
    "Gebremedhin",
    "Rahimi",
    "Saleh",
    "Berhane",
    "Karimi",
    "Nour",
    "Kidane",
    "Hosseini",
    "Mohammed",
    "Yusuf",
    "Abdullah",
    "Kovalenko",
    "Shevchenko",
    "Hashemi",
    "Ali",
    "Ibrahim",
    "Osman",
    "Hailu",
    "Rezaei",
    "Mahmoud",
    "Bondarenko",
];
const LANGUAGES: &[&[&str]] = &[
    &["ar"],
    &["ar", "en"],
    &["ti"],
    &["ti", "en"],
    &["fa"],
    &["fa", "ps"],
    &["so"],
    &["uk", "ru"],
    &["tr"],
    &["ar", "fr"],
];
const LEVELS: &[DutchLevel] = &[
    DutchLevel::A0,
    DutchLevel::A1,
    DutchLevel::A1,
    DutchLevel::A2,
    DutchLevel::A2,
    DutchLevel::A2,
    DutchLevel::B1,
    DutchLevel::B1,
    DutchLevel::B2,
];
const COACH_NAMES: &[&str] = &[
    "Marieke", "Joost", "Fatima", "Sanne", "Pieter", "Anouk", "Bram", "Ingrid", "Kees", "Lotte",
    "Ruud", "Esther", "Wim", "Noor", "Hanneke",
];
const TOWNS: &[&str] = &[
    "Utrecht",
    "Rotterdam",
    "Amersfoort",
    "Zwolle",
    "Arnhem",
    "Nijmegen",
    "Tilburg",
    "Breda",
    "Eindhoven",
    "Groningen",
    "Leeuwarden",
    "Assen",
    "Enschede",
    "Deventer",
    "Apeldoorn",
    "Haarlem",
    "Leiden",
    "Delft",
    "Dordrecht",
    "Gouda",
    "Alkmaar",
    "Hoorn",
    "Almere",
    "Lelystad",
    "Zaanstad",
    "Hilversum",
    "Ede",
    "Venlo",
    "Maastricht",
    "Heerlen",
    "Roermond",
    "Den Bosch",
    "Oss",
    "Helmond",
    "Roosendaal",
    "Bergen op Zoom",
    "Middelburg",
    "Vlissingen",
    "Goes",
    "Emmen",
    "Hoogeveen",
    "Meppel",
    "Kampen",
    "Harderwijk",
    "Zeist",
    "Nieuwegein",
    "Woerden",
    "Alphen aan den Rijn",
    "Schiedam",
    "Vlaardingen",
];
const SECTORS: &[&str] = &[
    "Care",
    "Food",
    "Logistics",
    "Construction",
    "Retail",
    "Hospitality",
    "Cleaning",
    "Technology",
    "Education",
];
const GOALS: &[&str] = &[
    "Stage in de zorg vinden",
    "Werk in de logistiek",
    "Nederlands naar niveau B1",
    "Diploma laten erkennen",
    "Opleiding tot kok beginnen",
    "Vrijwilligerswerk in de buurt",
    "Rijbewijs halen",
    "Een baan in de bouw",
];
const ACTIONS: &[&str] = &[
    "Cv maken met de coach",
    "Drie bedrijven zoeken voor een bezoek",
    "Inschrijven bij het ROC",
    "Taalcafé op dinsdag bezoeken",
    "Diploma's laten vertalen",
    "Sollicitatiebrief schrijven",
    "Oefengesprek met de coach",
    "Informatie opvragen bij het UWV",
];
const NOTES: &[&str] = &[
    "Gaat goed met de taal; wil meer oefenen in gesprekken.",
    "Zorgen over kinderopvang; samen naar opties gekeken.",
    "Motivatie hoog, planning nog lastig.",
    "Afspraak gemist door ziekte, nieuwe afspraak gemaakt.",
    "Bezoek aan het bedrijf besproken; enthousiast.",
];
const SUMMARIES: &[&str] = &[
    "Cv bijgewerkt. Volgende keer de sollicitatiebrief.",
    "Doel bijgesteld. Over twee weken weer bellen.",
    "Stageplek besproken. Coach zoekt contactpersoon.",
    "Taaloefening gedaan. Volgende keer bedrijfsbezoek voorbereiden.",
];
const SUPERVISORS: &[&str] = &["Henk", "Ilse", "Mohamed", "Karin", "Jeroen", "Sevda"];

/// Fills an empty database at `scale`; `today` anchors the year of data.
pub async fn fill(
    pool: &SqlitePool,
    passwords: &Passwords,
    scale: Scale,
    today: NaiveDate,
) -> Result<Summary, SeedError> {
    let started = Instant::now();
    if db::municipalities::count(pool).await? > 0 {
        return Err(SeedError::NotEmpty);
    }
    let hash = passwords
        .hash(PASSWORD.to_owned())
        .await
        .map_err(|_| SeedError::Password)?;
    let mut seed = Seeder {
        today,
        sizes: scale.sizes(),
        hash,
        rng: Rng(0x5eed_2026_0000_0001),
        summary: Summary::default(),
    };

    // The organisation of the programme: municipalities, organisations, cohorts, staff logins.
    let mut tx = db::begin_write(pool).await?;
    let places = seed.municipalities(&mut tx).await?;
    let organisations = seed.organisations(&mut tx, &places).await?;
    let cohorts = seed.cohorts(&mut tx, &places).await?;
    let coaches = seed
        .staff(&mut tx, &places, &organisations, &cohorts)
        .await?;
    tx.commit().await?;

    // The participants and their logins.
    let mut tx = db::begin_write(pool).await?;
    let participants = seed
        .participants(&mut tx, &places, &cohorts, &coaches)
        .await?;
    tx.commit().await?;

    // A year of the programme: attendance, plans and the contact log.
    let mut tx = db::begin_write(pool).await?;
    seed.attendance(&mut tx, &cohorts, &participants).await?;
    seed.plans(&mut tx, &participants).await?;
    seed.contact_log(&mut tx, &participants).await?;
    tx.commit().await?;

    // What follows the training: visits, internships, introductions, budget.
    let mut tx = db::begin_write(pool).await?;
    seed.afterwards(&mut tx, &participants, &organisations)
        .await?;
    tx.commit().await?;

    let mut summary = seed.summary;
    summary.elapsed = started.elapsed();
    Ok(summary)
}

struct Cohort {
    id: CohortId,
    municipality: usize,
    /// The date of the first meeting; the others follow weekly.
    first: NaiveDate,
}

impl Cohort {
    fn meeting_date(&self, number: MeetingNumber) -> NaiveDate {
        self.first + Days::new(7 * number.index() as u64)
    }
}

struct Organisation {
    id: OrganisationId,
    municipality: usize,
    kind: OrganisationKind,
    visits: Vec<(OpeningId, NaiveDate, i64)>,
}

/// What the steps share.
struct Seeder {
    today: NaiveDate,
    sizes: Sizes,
    hash: String,
    rng: Rng,
    summary: Summary,
}

struct Participant {
    id: ParticipantId,
    cohort: usize,
    municipality: usize,
    coach: Option<UserId>,
    first: NaiveDate,
}

impl Seeder {
    async fn municipalities(
        &mut self,
        tx: &mut SqliteConnection,
    ) -> Result<Vec<MunicipalityId>, SeedError> {
        let mut ids = Vec::with_capacity(self.sizes.municipalities);
        for m in 0..self.sizes.municipalities {
            let code = value(
                "municipality code",
                MunicipalityCode::parse(&format!("GM{:04}", 1001 + m)),
            )?;
            let name = TOWNS[m % TOWNS.len()];
            ids.push(
                db::municipalities::insert(
                    &mut *tx,
                    &NewMunicipality {
                        cbs_code: &code,
                        name,
                        agreement_start: self.today - Days::new(365),
                        agreement_end: self.today + Days::new(365),
                        contracted_participants: 40,
                        budget_cap_cents: (m % 3 == 0).then_some(150_000),
                    },
                )
                .await?,
            );
        }
        self.summary.municipalities = ids.len();
        Ok(ids)
    }

    async fn organisations(
        &mut self,
        tx: &mut SqliteConnection,
        places: &[MunicipalityId],
    ) -> Result<Vec<Organisation>, SeedError> {
        let mut organisations = Vec::with_capacity(self.sizes.organisations);
        for o in 0..self.sizes.organisations {
            let municipality = o % places.len();
            let kind = match o % 7 {
                5 => OrganisationKind::School,
                6 => OrganisationKind::VolunteerOrganisation,
                _ => OrganisationKind::Company,
            };
            let sector = self.rng.pick(SECTORS);
            let name = match kind {
                OrganisationKind::Company => {
                    format!("{sector} {} {}", TOWNS[municipality % TOWNS.len()], o + 1)
                }
                OrganisationKind::School => {
                    format!("ROC {} {}", TOWNS[municipality % TOWNS.len()], o + 1)
                }
                OrganisationKind::VolunteerOrganisation => {
                    format!(
                        "Vrijwilligerscentrale {} {}",
                        TOWNS[municipality % TOWNS.len()],
                        o + 1
                    )
                }
            };
            let postcode = value(
                "postcode",
                Postcode::parse(&format!("{} AB", 1000 + self.rng.below(8999))),
            )?;
            let kvk = match kind {
                OrganisationKind::Company => Some(value(
                    "KvK number",
                    KvkNumber::parse(&format!("{:08}", 10_000_000 + o * 7919)),
                )?),
                OrganisationKind::School | OrganisationKind::VolunteerOrganisation => None,
            };
            let street = format!("Industrieweg {}", 1 + self.rng.below(200));
            let town = TOWNS[municipality % TOWNS.len()];
            let id = db::organisations::insert(
                &mut *tx,
                &NewOrganisation {
                    municipality_id: &places[municipality],
                    kind,
                    name: &name,
                    sector,
                    street: &street,
                    postcode: &postcode,
                    city: town,
                    kvk_number: kvk.as_ref(),
                },
            )
            .await?;
            // Openings: a company has a visit and an internship (some a job); a school a place in
            // education; a volunteer organisation a volunteer place.
            let mut visits = Vec::new();
            let mut openings: Vec<NewOpening<'_>> = Vec::new();
            let visit_day = self.today - Days::new(60) + Days::new(self.rng.below(120));
            let internship_start = self.today + Days::new(14 + self.rng.below(60));
            let place = format!("{street}, {town}");
            match kind {
                OrganisationKind::Company => {
                    openings.push(NewOpening {
                        kind: OpeningKind::CompanyVisit,
                        status: OpeningStatus::Open,
                        title: "Kijkje in het bedrijf",
                        description: "Een ochtend meekijken op de werkvloer.",
                        date: Some(visit_day),
                        place: Some(&place),
                        capacity: Some(10),
                        ..NewOpening::empty(&id)
                    });
                    openings.push(NewOpening {
                        kind: OpeningKind::Internship,
                        status: OpeningStatus::Open,
                        title: "Stage van acht weken",
                        description: "Acht weken meedraaien in het team.",
                        start_date: Some(internship_start),
                        end_date: Some(internship_start + Days::new(55)),
                        hours_per_week: Some(24),
                        dutch_level: Some(DutchLevel::A2),
                        ..NewOpening::empty(&id)
                    });
                    if self.rng.chance(40) {
                        openings.push(NewOpening {
                            kind: OpeningKind::Job,
                            status: OpeningStatus::Open,
                            title: "Medewerker",
                            description: "Een baan voor 24 tot 32 uur per week.",
                            ..NewOpening::empty(&id)
                        });
                    }
                }
                OrganisationKind::School => openings.push(NewOpening {
                    kind: OpeningKind::Education,
                    status: OpeningStatus::Open,
                    title: "Opleiding op niveau 2",
                    description: "Een plek in een beroepsopleiding.",
                    ..NewOpening::empty(&id)
                }),
                OrganisationKind::VolunteerOrganisation => openings.push(NewOpening {
                    kind: OpeningKind::Volunteer,
                    status: OpeningStatus::Open,
                    title: "Vrijwilliger in de buurt",
                    description: "Twee dagdelen per week helpen in de buurt.",
                    ..NewOpening::empty(&id)
                }),
            }
            for opening in &openings {
                let opening_id = db::openings::insert(&mut *tx, opening).await?;
                if let (OpeningKind::CompanyVisit, Some(date), Some(capacity)) =
                    (opening.kind, opening.date, opening.capacity)
                {
                    visits.push((opening_id, date, capacity));
                }
            }
            self.summary.openings += openings.len();
            organisations.push(Organisation {
                id,
                municipality,
                kind,
                visits,
            });
        }
        self.summary.organisations = organisations.len();
        Ok(organisations)
    }

    /// Cohort `k` meets in municipality `k mod 50`; first meetings every 3.5 days from 50 weeks ago,
    /// so the oldest cohorts finished long ago and the youngest are half-way.
    async fn cohorts(
        &mut self,
        tx: &mut SqliteConnection,
        places: &[MunicipalityId],
    ) -> Result<Vec<Cohort>, SeedError> {
        let mut cohorts = Vec::with_capacity(self.sizes.cohorts);
        for k in 0..self.sizes.cohorts {
            let municipality = k % places.len();
            let town = TOWNS[municipality % TOWNS.len()];
            let first = self.today - Days::new(350) + Days::new((k as u64 * 7) / 2);
            let name = format!("{town} groep {}", k / places.len() + 1);
            let location = format!("Wijkcentrum {town}");
            let id = db::cohorts::insert(&mut *tx, &places[municipality], &name, &location).await?;
            let cohort = Cohort {
                id,
                municipality,
                first,
            };
            for number in MeetingNumber::all() {
                db::cohorts::insert_meeting(
                    &mut *tx,
                    &cohort.id,
                    number,
                    cohort.meeting_date(number),
                    "13:30",
                    &location,
                )
                .await?;
                self.summary.meetings += 1;
            }
            cohorts.push(cohort);
        }
        self.summary.cohorts = cohorts.len();
        Ok(cohorts)
    }

    async fn staff(
        &mut self,
        tx: &mut SqliteConnection,
        places: &[MunicipalityId],
        organisations: &[Organisation],
        cohorts: &[Cohort],
    ) -> Result<Vec<Vec<UserId>>, SeedError> {
        let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        for (m, place) in places.iter().enumerate() {
            let region = [place.clone()];
            let coordinator = db::users::insert(
                tx,
                &NewUser {
                    email: &email("coordinator", m + 1),
                    role: Role::Coordinator,
                    first_name: Some(self.rng.pick(COACH_NAMES)),
                    phone: Some("+31612345678"),
                    participant_id: None,
                    organisation_id: None,
                    municipality_ids: &region,
                },
                Some(&self.hash),
            )
            .await?;
            db::factors::enrol_confirmed(&mut *tx, &coordinator, TOTP_SECRET, &now).await?;
            db::users::insert(
                tx,
                &NewUser {
                    email: &email("municipality", m + 1),
                    role: Role::MunicipalityViewer,
                    first_name: Some(self.rng.pick(COACH_NAMES)),
                    phone: None,
                    participant_id: None,
                    organisation_id: None,
                    municipality_ids: &region,
                },
                Some(&self.hash),
            )
            .await?;
        }
        self.summary.coordinators = places.len();
        self.summary.municipality_viewers = places.len();
        for (o, organisation) in organisations.iter().enumerate() {
            db::users::insert(
                tx,
                &NewUser {
                    email: &email("company", o + 1),
                    role: Role::CompanyContact,
                    first_name: Some(self.rng.pick(COACH_NAMES)),
                    phone: None,
                    participant_id: None,
                    organisation_id: Some(&organisation.id),
                    municipality_ids: &[places[organisation.municipality].clone()],
                },
                Some(&self.hash),
            )
            .await?;
        }
        self.summary.company_contacts = organisations.len();
        // Coaches numbered in cohort order: coach n has participants 3n-2..3n.
        let per_cohort = self
            .sizes
            .participants_per_cohort
            .div_ceil(self.sizes.participants_per_coach);
        let mut coaches = Vec::with_capacity(cohorts.len());
        let mut n = 0;
        for cohort in cohorts {
            let region = [places[cohort.municipality].clone()];
            let mut of_cohort = Vec::with_capacity(per_cohort);
            for _ in 0..per_cohort {
                n += 1;
                of_cohort.push(
                    db::users::insert(
                        tx,
                        &NewUser {
                            email: &email("coach", n),
                            role: Role::Coach,
                            first_name: Some(self.rng.pick(COACH_NAMES)),
                            phone: Some("+31687654321"),
                            participant_id: None,
                            organisation_id: None,
                            municipality_ids: &region,
                        },
                        Some(&self.hash),
                    )
                    .await?,
                );
            }
            coaches.push(of_cohort);
        }
        self.summary.coaches = n;
        Ok(coaches)
    }

    async fn participants(
        &mut self,
        tx: &mut SqliteConnection,
        places: &[MunicipalityId],
        cohorts: &[Cohort],
        coaches: &[Vec<UserId>],
    ) -> Result<Vec<Participant>, SeedError> {
        let mut participants =
            Vec::with_capacity(cohorts.len() * self.sizes.participants_per_cohort);
        for (k, cohort) in cohorts.iter().enumerate() {
            let municipality_id = &places[cohort.municipality];
            for j in 0..self.sizes.participants_per_cohort {
                let n = participants.len() + 1;
                let coach = coaches[k]
                    .get(j / self.sizes.participants_per_coach)
                    .cloned();
                let languages = self
                    .rng
                    .pick(LANGUAGES)
                    .iter()
                    .map(|l| value("language", LanguageCode::parse(l)))
                    .collect::<Result<Vec<_>, _>>()?;
                let first_name = self.rng.pick(FIRST_NAMES);
                let address = email("participant", n);
                let id = db::participants::insert(
                    &mut *tx,
                    &ValidParticipant {
                        first_name: value("first name", PersonName::parse(first_name))?,
                        last_name: value(
                            "last name",
                            PersonName::parse(self.rng.pick(LAST_NAMES)),
                        )?,
                        email: value("email", Email::parse(&address))?,
                        phone: None,
                        languages,
                        dutch_level: self.rng.pick(LEVELS),
                        municipality_id: municipality_id.clone(),
                        cohort_id: Some(cohort.id.clone()),
                        coach_id: coach.clone(),
                        ladder_rung_at_intake: value(
                            "ladder rung",
                            LadderRung::new(self.rng.between(1, 4)),
                        )?,
                    },
                )
                .await?;
                db::users::insert(
                    tx,
                    &NewUser {
                        email: &address,
                        role: Role::Participant,
                        first_name: Some(first_name),
                        phone: None,
                        participant_id: Some(&id),
                        organisation_id: None,
                        municipality_ids: std::slice::from_ref(municipality_id),
                    },
                    Some(&self.hash),
                )
                .await?;
                participants.push(Participant {
                    id,
                    cohort: k,
                    municipality: cohort.municipality,
                    coach,
                    first: cohort.first,
                });
            }
        }
        self.summary.participants = participants.len();
        self.summary.participant_logins = participants.len();
        Ok(participants)
    }

    /// Every meeting held (before self.today) has its attendance: mostly present, a few absent or
    /// excused, sometimes made up with the coach.
    async fn attendance(
        &mut self,
        tx: &mut SqliteConnection,
        cohorts: &[Cohort],
        participants: &[Participant],
    ) -> Result<(), SeedError> {
        for (k, cohort) in cohorts.iter().enumerate() {
            let members: Vec<&Participant> =
                participants.iter().filter(|p| p.cohort == k).collect();
            for number in MeetingNumber::all() {
                if cohort.meeting_date(number) >= self.today {
                    break;
                }
                let lines: Vec<(ParticipantId, AttendanceStatus)> = members
                    .iter()
                    .map(|p| {
                        let status = match self.rng.below(100) {
                            0..=84 => AttendanceStatus::Present,
                            85..=89 => AttendanceStatus::Excused,
                            90..=96 => AttendanceStatus::Absent,
                            _ => AttendanceStatus::MadeUp,
                        };
                        (p.id.clone(), status)
                    })
                    .collect();
                db::cohorts::save_attendance(tx, &cohort.id, number, &lines).await?;
                self.summary.attendance += lines.len();
            }
        }
        Ok(())
    }

    /// One to three goals with one to three actions each; about half the actions are done.
    async fn plans(
        &mut self,
        tx: &mut SqliteConnection,
        participants: &[Participant],
    ) -> Result<(), SeedError> {
        for p in participants {
            if p.first > self.today {
                continue;
            }
            let finished_long_ago = p.first + Days::new(200) < self.today;
            for _ in 0..self.rng.between(1, 3) {
                let status = if finished_long_ago && self.rng.chance(50) {
                    GoalStatus::Reached
                } else if self.rng.chance(5) {
                    GoalStatus::Dropped
                } else {
                    GoalStatus::Open
                };
                let target = p.first + Days::new(60 + self.rng.below(140));
                let goal = db::plan::insert_goal(
                    &mut *tx,
                    &p.id,
                    self.rng.pick(GOALS),
                    Some(target),
                    status,
                )
                .await?;
                self.summary.goals += 1;
                for _ in 0..self.rng.between(1, 3) {
                    let owner = if self.rng.chance(60) {
                        ActionOwner::Participant
                    } else {
                        ActionOwner::Coach
                    };
                    let text = self.rng.pick(ACTIONS);
                    let due = p.first + Days::new(14 + self.rng.below(120));
                    let action =
                        db::plan::insert_action(&mut *tx, &goal, text, Some(due), owner).await?;
                    self.summary.actions += 1;
                    if due < self.today && self.rng.chance(60) {
                        db::plan::update_action(&mut *tx, &action, 1, text, Some(due), owner, true)
                            .await?;
                    }
                }
            }
        }
        Ok(())
    }

    /// A contact with the coach about every two weeks from the first meeting on.
    async fn contact_log(
        &mut self,
        tx: &mut SqliteConnection,
        participants: &[Participant],
    ) -> Result<(), SeedError> {
        for p in participants {
            let Some(coach) = &p.coach else { continue };
            let mut date = p.first + Days::new(self.rng.below(7));
            while date < self.today {
                let kind = match self.rng.below(3) {
                    0 => ContactKind::Meeting,
                    1 => ContactKind::Call,
                    _ => ContactKind::Message,
                };
                db::contacts::insert(
                    &mut *tx,
                    &NewContact {
                        participant_id: &p.id,
                        coach_id: coach,
                        date,
                        kind,
                        minutes: self.rng.between(10, 90),
                        note: self.rng.pick(NOTES),
                        summary: self.rng.pick(SUMMARIES),
                    },
                )
                .await?;
                self.summary.contacts += 1;
                date = date + Days::new(10 + self.rng.below(9));
            }
        }
        Ok(())
    }

    /// Registrations for company visits, internships after the training, introductions with the
    /// consent to share the profile, and budget requests.
    async fn afterwards(
        &mut self,
        tx: &mut SqliteConnection,
        participants: &[Participant],
        organisations: &[Organisation],
    ) -> Result<(), SeedError> {
        let hosts = |municipality: usize, kinds: &[OrganisationKind]| -> Vec<&Organisation> {
            organisations
                .iter()
                .filter(|o| o.municipality == municipality && kinds.contains(&o.kind))
                .collect()
        };
        // Company visits: a handful of the municipality's participants each.
        for organisation in organisations {
            for (opening, _, capacity) in &organisation.visits {
                let candidates: Vec<&Participant> = participants
                    .iter()
                    .filter(|p| {
                        p.municipality == organisation.municipality && p.first <= self.today
                    })
                    .collect();
                let wanted = self.rng.between(2, (*capacity).min(8)) as usize;
                let start = self.rng.below(candidates.len().max(1) as u64) as usize;
                for p in candidates
                    .iter()
                    .cycle()
                    .skip(start)
                    .take(wanted.min(candidates.len()))
                {
                    db::openings::register(&mut *tx, opening, &p.id).await?;
                    self.summary.registrations += 1;
                }
            }
        }
        for p in participants {
            let training_done = p.first + Days::new(56);
            let companies = hosts(p.municipality, &[OrganisationKind::Company]);
            // An internship for 40 % of those who finished the training a month ago.
            if training_done + Days::new(30) < self.today
                && self.rng.chance(40)
                && !companies.is_empty()
            {
                let host = self.rng.pick(&companies);
                let start = training_done + Days::new(14 + self.rng.below(30));
                db::internships::insert(
                    &mut *tx,
                    &NewInternship {
                        participant_id: &p.id,
                        organisation_id: &host.id,
                        opening_id: None,
                        start_date: start,
                        end_date: start + Days::new(55),
                        hours_per_week: self.rng.between(16, 32),
                        supervisor_name: self.rng.pick(SUPERVISORS),
                        kind: shared::rules::placement::PlacementKind::Stage,
                        municipal_consent: false,
                        monthly_allowance_cents: 0,
                    },
                )
                .await?;
                self.summary.internships += 1;
            }
            // An introduction for a quarter of those who finished two months ago.
            let all = hosts(
                p.municipality,
                &[
                    OrganisationKind::Company,
                    OrganisationKind::School,
                    OrganisationKind::VolunteerOrganisation,
                ],
            );
            if training_done + Days::new(60) < self.today && self.rng.chance(25) && !all.is_empty()
            {
                let host = self.rng.pick(&all);
                db::introductions::set_consent(
                    tx,
                    &p.id,
                    ConsentPurpose::IntroductionProfile,
                    Some(&host.id),
                    None,
                    true,
                    training_done,
                )
                .await?;
                let introduction = db::introductions::insert(
                    &mut *tx,
                    &p.id,
                    &host.id,
                    None,
                    "Past goed bij de ervaring en de wensen van de deelnemer.",
                )
                .await?;
                let result = match host.kind {
                    OrganisationKind::Company => IntroductionStatus::Hired,
                    OrganisationKind::School => IntroductionStatus::Enrolled,
                    OrganisationKind::VolunteerOrganisation => IntroductionStatus::Volunteering,
                };
                let status = self.rng.pick(&[
                    IntroductionStatus::Proposed,
                    IntroductionStatus::Accepted,
                    IntroductionStatus::MeetingHeld,
                    IntroductionStatus::Declined,
                    result,
                    result,
                ]);
                if status != IntroductionStatus::Proposed {
                    db::introductions::set_status(&mut *tx, &introduction, 1, status).await?;
                }
                self.summary.introductions += 1;
            }
            // Budget requests for 30 %: a course, an exam, travel.
            if p.first < self.today && self.rng.chance(30) {
                for _ in 0..self.rng.between(1, 2) {
                    let category = self.rng.pick(&ExpenseCategory::ALL);
                    let requested = (p.first + Days::new(self.rng.below(120))).min(self.today);
                    let expense = db::expenses::insert(
                        &mut *tx,
                        &p.id,
                        category,
                        Money::from_cents(self.rng.between(25, 450) * 100),
                        "Aangevraagd met de coach.",
                        requested,
                    )
                    .await?;
                    let status = if requested + Days::new(14) > self.today {
                        ExpenseStatus::Pending
                    } else {
                        self.rng.pick(&[
                            ExpenseStatus::Approved,
                            ExpenseStatus::Paid,
                            ExpenseStatus::Paid,
                            ExpenseStatus::Rejected,
                        ])
                    };
                    if status != ExpenseStatus::Pending {
                        db::expenses::set_status(&mut *tx, &expense, 1, status).await?;
                    }
                    self.summary.expenses += 1;
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_generator_gives_the_same_numbers_every_time() {
        let mut a = Rng(42);
        let mut b = Rng(42);
        let first: Vec<u64> = (0..5).map(|_| a.next()).collect();
        let second: Vec<u64> = (0..5).map(|_| b.next()).collect();
        assert_eq!(first, second);
        assert!((0..1000).all(|_| a.below(7) < 7));
        assert!((0..1000).all(|_| (3..=5).contains(&a.between(3, 5))));
    }

    #[tokio::test]
    async fn the_vip_scale_fills_a_fresh_database_once() {
        let dir = tempfile::tempdir().unwrap();
        let pool = db::connect(&dir.path().join("vip.sqlite")).await.unwrap();
        let passwords = Passwords::new();
        let today = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        let summary = fill(&pool, &passwords, Scale::Vip, today).await.unwrap();
        assert_eq!(summary.municipalities, 50);
        assert_eq!(summary.organisations, 180);
        assert_eq!(summary.cohorts, 100);
        assert_eq!(summary.meetings, 800);
        assert_eq!(summary.participants, 1500);
        assert_eq!(summary.coaches, 500);
        assert!(summary.contacts > 0 && summary.internships > 0 && summary.introductions > 0);
        assert!(summary.expenses > 0 && summary.registrations > 0 && summary.goals > 0);
        let coach = db::users::by_email(&pool, &email("coach", 1))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            db::participants::count_of_coach(&pool, &coach.id)
                .await
                .unwrap(),
            3
        );
        let coordinator = db::users::by_email(&pool, &email("coordinator", 1))
            .await
            .unwrap()
            .unwrap();
        assert!(
            db::factors::is_enrolled(&pool, &coordinator.id)
                .await
                .unwrap()
        );
        assert!(matches!(
            fill(&pool, &passwords, Scale::Vip, today).await,
            Err(SeedError::NotEmpty)
        ));
    }
}
