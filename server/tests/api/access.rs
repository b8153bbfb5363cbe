//! Walks the whole access table against the running server with one demo account of each role:
//! allowed records answer 200, records outside the account's scope 404 exactly like missing ones,
//! and roles without a row 403. (ASVS 8.2.1, 8.2.2, 8.3.1, 8.4.1)

use std::collections::BTreeSet;

use reqwest::StatusCode;
use serde_json::{Value, json};
use server::access::{Action, Relation, Resource, TABLE};
use shared::roles::Role;

use crate::helpers::{TestApp, spawn_app_with};

fn login_of(role: Role) -> &'static str {
    match role {
        Role::Participant => "participant@example.org",
        Role::Coach => "coach@example.org",
        Role::CompanyContact => "company@example.org",
        Role::Coordinator => "coordinator@example.org",
        Role::MunicipalityViewer => "municipality@example.org",
    }
}

async fn id(app: &TestApp, sql: &str) -> String {
    sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_owned()))
        .fetch_one(&app.db)
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

/// The demo records, each in or out of some account's scope.
struct Fixture {
    utrecht: String,
    rotterdam: String,
    utrecht_cohort: String,
    rotterdam_cohort: String,
    amal: String,
    rasha: String,
    mehari: String,
    bakery: String,
    care: String,
    harbour: String,
    bakery_visit: String,
    care_job: String,
    school_draft: String,
    harbour_visit: String,
}

impl Fixture {
    async fn load(app: &TestApp) -> Fixture {
        let municipality =
            |code: &str| format!("SELECT id FROM municipalities WHERE cbs_code = '{code}'");
        let participant =
            |first: &str| format!("SELECT id FROM participants WHERE first_name = '{first}'");
        let organisation =
            |name: &str| format!("SELECT id FROM organisations WHERE name = '{name}'");
        let opening = |title: &str| format!("SELECT id FROM openings WHERE title = '{title}'");
        Fixture {
            utrecht: id(app, &municipality("GM0344")).await,
            rotterdam: id(app, &municipality("GM0599")).await,
            utrecht_cohort: id(
                app,
                "SELECT id FROM cohorts WHERE name = 'Utrecht voorjaar'",
            )
            .await,
            rotterdam_cohort: id(
                app,
                "SELECT id FROM cohorts WHERE name = 'Rotterdam najaar'",
            )
            .await,
            amal: id(app, &participant("Amal")).await,
            rasha: id(app, &participant("Rasha")).await,
            mehari: id(app, &participant("Mehari")).await,
            bakery: id(app, &organisation("Bakkerij De Korenbloem")).await,
            care: id(app, &organisation("Zorggroep Het Anker")).await,
            harbour: id(app, &organisation("Haven Logistiek")).await,
            bakery_visit: id(app, &opening("Kijkje in de bakkerij")).await,
            care_job: id(app, &opening("Helpende zorg")).await,
            school_draft: id(app, &opening("Opleiding logistiek medewerker")).await,
            harbour_visit: id(app, &opening("Rondleiding haven")).await,
        }
    }

    /// The list path, and a record in and records out of the relation's scope.
    fn cases(
        &self,
        resource: Resource,
        relation: Option<Relation>,
    ) -> (&'static str, &str, Vec<&str>) {
        use Relation::*;
        match (resource, relation) {
            (Resource::Municipality, _) => {
                ("/municipalities", &self.utrecht, vec![&self.rotterdam])
            }
            (Resource::Cohort, _) => (
                "/cohorts",
                &self.utrecht_cohort,
                vec![&self.rotterdam_cohort],
            ),
            (Resource::Participant, Some(Assigned | Own)) => {
                ("/participants", &self.amal, vec![&self.rasha, &self.mehari])
            }
            (Resource::Participant, _) => ("/participants", &self.amal, vec![&self.mehari]),
            (Resource::Organisation, Some(OwnOrganisation)) => (
                "/organisations",
                &self.bakery,
                vec![&self.care, &self.harbour],
            ),
            (Resource::Organisation, _) => ("/organisations", &self.bakery, vec![&self.harbour]),
            (Resource::Opening, Some(OwnOrganisation)) => (
                "/openings",
                &self.bakery_visit,
                vec![&self.care_job, &self.harbour_visit],
            ),
            (Resource::Opening, Some(OpenInRegion)) => (
                "/openings",
                &self.bakery_visit,
                vec![&self.school_draft, &self.harbour_visit],
            ),
            (Resource::Opening, _) => ("/openings", &self.bakery_visit, vec![&self.harbour_visit]),
            (
                Resource::Invitation
                | Resource::User
                | Resource::Attendance
                | Resource::Plan
                | Resource::ActionDone
                | Resource::Contact
                | Resource::Route
                | Resource::Registration
                | Resource::Internship
                | Resource::InternshipExtension
                | Resource::Evaluation
                | Resource::Expense
                | Resource::ExpenseDecision
                | Resource::Introduction
                | Resource::Consent
                | Resource::Outcome
                | Resource::Competences
                | Resource::Suggestion
                | Resource::Event
                | Resource::EventRegistration
                | Resource::EventAttendance
                | Resource::History
                | Resource::DataExport
                | Resource::CsvExport
                | Resource::CalendarFeed
                | Resource::Erasure
                | Resource::AuditLog,
                _,
            ) => ("", "", vec![]),
        }
    }
}

fn relation_of(role: Role, resource: Resource, action: Action) -> Option<Relation> {
    TABLE
        .iter()
        .find(|(r, res, a, _)| *r == role && *res == resource && *a == action)
        .map(|(_, _, _, rel)| *rel)
}

async fn status_and_body(response: reqwest::Response) -> (StatusCode, Value) {
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

async fn version(app: &TestApp, table: &str, id: &str) -> i64 {
    sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "SELECT version FROM {table} WHERE id = $1"
    )))
    .bind(id)
    .fetch_one(&app.db)
    .await
    .unwrap()
}

async fn meeting_version(app: &TestApp, cohort: &str, number: i64) -> i64 {
    sqlx::query_scalar("SELECT version FROM meetings WHERE cohort_id = $1 AND number = $2")
        .bind(cohort)
        .bind(number)
        .fetch_optional(&app.db)
        .await
        .unwrap()
        .unwrap_or(0)
}

async fn meeting_date(app: &TestApp, cohort: &str, number: i64) -> String {
    sqlx::query_scalar("SELECT date FROM meetings WHERE cohort_id = $1 AND number = $2")
        .bind(cohort)
        .bind(number)
        .fetch_one(&app.db)
        .await
        .unwrap()
}

/// A participant's profile as stored: names, email, languages, level, municipality, cohort,
/// coach, rung, version.
type StoredProfile = (
    String,
    String,
    String,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    i64,
    i64,
);

/// One request: method, path, body.
struct Call {
    method: reqwest::Method,
    path: String,
    body: Option<Value>,
}

fn get(path: String) -> Call {
    Call {
        method: reqwest::Method::GET,
        path,
        body: None,
    }
}

fn with_body(method: reqwest::Method, path: String, body: Value) -> Call {
    Call {
        method,
        path,
        body: Some(body),
    }
}

async fn send(app: &TestApp, client: &reqwest::Client, call: Call) -> (StatusCode, Value) {
    let mut request = client.request(call.method, app.url(&format!("/api/v1{}", call.path)));
    if let Some(body) = call.body {
        request = request.json(&body);
    }
    status_and_body(request.send().await.unwrap()).await
}

/// Goals and actions of participants in and out of every scope, made through the API.
struct Plans {
    goal: std::collections::BTreeMap<String, String>,
    action: std::collections::BTreeMap<String, String>,
    internship: std::collections::BTreeMap<String, String>,
    expense: std::collections::BTreeMap<String, String>,
    introduction: std::collections::BTreeMap<String, String>,
    outcome: std::collections::BTreeMap<String, String>,
}

/// Inserts a row straight into the database, for records whose rules (a completed training, a
/// consent) the walk does not need to go through.
async fn insert(app: &TestApp, sql: &str, binds: &[&str]) {
    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql.to_owned()));
    for b in binds {
        query = query.bind(*b);
    }
    query.execute(&app.db).await.unwrap();
}

async fn make_plans(app: &TestApp, fixture: &Fixture) -> Plans {
    let utrecht = app.demo("coordinator@example.org").await;
    let rotterdam = app.demo("coordinator.rotterdam@example.org").await;
    let mut plans = Plans {
        goal: Default::default(),
        action: Default::default(),
        internship: Default::default(),
        expense: Default::default(),
        introduction: Default::default(),
        outcome: Default::default(),
    };
    for (participant, organisation) in [
        (&fixture.amal, &fixture.bakery),
        (&fixture.rasha, &fixture.care),
        (&fixture.mehari, &fixture.harbour),
    ] {
        let internship = format!("i{}", &participant[..8]);
        insert(
            app,
            "INSERT INTO internships (id, participant_id, organisation_id, start_date, end_date, original_end_date, \
             hours_per_week, supervisor_name) VALUES ($1, $2, $3, '2026-03-02', '2026-04-26', '2026-04-26', 24, 'Henk')",
            &[&internship, participant, organisation],
        )
        .await;
        let expense = format!("e{}", &participant[..8]);
        insert(
            app,
            "INSERT INTO expenses (id, participant_id, category, amount_cents, description, status, requested_on, created_at) \
             VALUES ($1, $2, 'course', 5000, 'Cursus', 'pending', '2026-03-01', '2026-03-01T00:00:00Z')",
            &[&expense, participant],
        )
        .await;
        let introduction = format!("n{}", &participant[..8]);
        insert(
            app,
            "INSERT INTO introductions (id, participant_id, organisation_id, motivation, status, created_at) \
             VALUES ($1, $2, $3, 'Gemotiveerd en betrouwbaar', 'proposed', '2026-03-01')",
            &[&introduction, participant, organisation],
        )
        .await;
        insert(
            app,
            "INSERT INTO consents (id, participant_id, purpose, organisation_id, given, changed_on) \
             VALUES ($1, $2, 'introduction_profile', $3, 1, '2026-03-01')",
            &[&format!("c{}", &participant[..8]), participant, organisation],
        )
        .await;
        plans.internship.insert(participant.clone(), internship);
        plans.expense.insert(participant.clone(), expense);
        plans.introduction.insert(participant.clone(), introduction);
        let outcome = format!("o{}", &participant[..8]);
        insert(
            app,
            "INSERT INTO outcomes (id, participant_id, kind, date, created_at) \
             VALUES ($1, $2, 'volunteering', '2025-01-06', '2025-01-06T00:00:00Z')",
            &[&outcome, participant],
        )
        .await;
        plans.outcome.insert(participant.clone(), outcome);
    }
    // Events: one for Utrecht, one for Rotterdam, one hosted by the bakery today; a registration
    // of the bakery's and one of the care home's.
    let today = crate::helpers::today().to_string();
    let later = (crate::helpers::today() + chrono::Days::new(14)).to_string();
    for (event, municipality, date, host) in [
        ("evutrecht", &fixture.utrecht, &later, None),
        ("evrotterdam", &fixture.rotterdam, &later, None),
        ("evbakery", &fixture.utrecht, &today, Some(&fixture.bakery)),
    ] {
        sqlx::query(
            "INSERT INTO events (id, kind, title, date, start_time, place, capacity, host_organisation_id) \
             VALUES ($1, 'expert_meeting', 'Expertmiddag', $2, '15:00', 'Stadskantoor', 50, $3)",
        )
        .bind(event)
        .bind(date)
        .bind(host)
        .execute(&app.db)
        .await
        .unwrap();
        insert(
            app,
            "INSERT INTO event_municipalities (event_id, municipality_id) VALUES ($1, $2)",
            &[event, municipality],
        )
        .await;
    }
    for (registration, organisation, name) in [
        ("erbakery", &fixture.bakery, "Henk"),
        ("ercare", &fixture.care, "Sanne"),
    ] {
        insert(
            app,
            "INSERT INTO event_registrations (id, event_id, organisation_id, name) VALUES ($1, 'evutrecht', $2, $3)",
            &[registration, organisation, name],
        )
        .await;
    }
    for (client, participant) in [
        (&utrecht, &fixture.amal),
        (&utrecht, &fixture.rasha),
        (&rotterdam, &fixture.mehari),
    ] {
        let (status, goal) = send(
            app,
            client,
            with_body(
                reqwest::Method::POST,
                format!("/participants/{participant}/goals"),
                json!({"title": "Werk vinden in de zorg", "target_date": null, "status": null}),
            ),
        )
        .await;
        assert_eq!(status, StatusCode::CREATED, "{goal}");
        let goal_id = goal["id"].as_str().unwrap().to_owned();
        let (status, action) = send(
            app,
            client,
            with_body(
                reqwest::Method::POST,
                format!("/goals/{goal_id}/actions"),
                json!({"text": "Cv maken", "due_date": null, "owner": "participant"}),
            ),
        )
        .await;
        assert_eq!(status, StatusCode::CREATED, "{action}");
        plans.goal.insert(participant.clone(), goal_id);
        plans.action.insert(
            participant.clone(),
            action["id"].as_str().unwrap().to_owned(),
        );
    }
    plans
}

/// The request that exercises `resource`/`action` on `record` (an id of the resource, or of the
/// participant whose file it belongs to), with the status it answers when allowed.
/// What every probe needs.
struct Walk<'a> {
    app: &'a TestApp,
    fixture: &'a Fixture,
    plans: &'a Plans,
}

async fn probe(
    walk: &Walk<'_>,
    role: Role,
    resource: Resource,
    action: Action,
    record: &str,
    round: usize,
) -> (Call, StatusCode) {
    use reqwest::Method;
    let (app, fixture, plans) = (walk.app, walk.fixture, walk.plans);
    let ok = StatusCode::OK;
    let created = StatusCode::CREATED;
    match (resource, action) {
        (Resource::Municipality, Action::Create) => (
            with_body(
                Method::POST,
                "/municipalities".into(),
                json!({"cbs_code": format!("GM09{round:02}"), "name": "Nieuwdorp", "version": null,
                       "agreement": {"start_date": "2026-01-01", "end_date": "2026-12-31",
                                     "contracted_participants": 10, "budget_cap_cents": null}}),
            ),
            created,
        ),
        (Resource::Municipality, Action::Update) => {
            let v = version(app, "municipalities", record).await;
            let code: String =
                sqlx::query_scalar("SELECT cbs_code FROM municipalities WHERE id = $1")
                    .bind(record)
                    .fetch_one(&app.db)
                    .await
                    .unwrap();
            (
                with_body(
                    Method::PUT,
                    format!("/municipalities/{record}"),
                    json!({"cbs_code": code, "name": "Gemeente", "version": v,
                           "agreement": {"start_date": "2026-01-01", "end_date": "2026-12-31",
                                         "contracted_participants": 40, "budget_cap_cents": null}}),
                ),
                ok,
            )
        }
        (Resource::Cohort, Action::Create) => (
            with_body(
                Method::POST,
                "/cohorts".into(),
                json!({"municipality_id": fixture.utrecht, "name": "Groep najaar", "location": "Stadskantoor"}),
            ),
            created,
        ),
        (Resource::Cohort, Action::Update) => {
            let (date, v) = if record == fixture.utrecht_cohort {
                (
                    meeting_date(app, record, 8).await,
                    meeting_version(app, record, 8).await,
                )
            } else {
                ("2026-06-01".to_owned(), 0)
            };
            (
                with_body(
                    Method::PUT,
                    format!("/cohorts/{record}/meetings/8"),
                    json!({"date": date, "start_time": "13:30", "place": "Wijkcentrum", "version": v}),
                ),
                ok,
            )
        }
        (Resource::Attendance, Action::Read) => {
            (get(format!("/cohorts/{record}/meetings/1/attendance")), ok)
        }
        (Resource::Attendance, Action::Update) => (
            with_body(
                Method::PUT,
                format!("/cohorts/{record}/meetings/1/attendance"),
                json!([{"participant_id": fixture.amal, "status": "present"}]),
            ),
            ok,
        ),
        (Resource::Participant, Action::Create) => (
            with_body(
                Method::POST,
                "/participants".into(),
                json!({"first_name": "Noor", "last_name": "Ali", "email": "noor@example.org", "phone": "",
                       "languages": ["ar"], "dutch_level": "A1", "municipality_id": fixture.utrecht,
                       "cohort_id": null, "coach_id": null, "ladder_rung_at_intake": 2}),
            ),
            created,
        ),
        (Resource::Participant, Action::Update) => {
            let row: StoredProfile = sqlx::query_as(
                    "SELECT first_name, last_name, email, languages, dutch_level, municipality_id, cohort_id, \
                     coach_id, ladder_rung_at_intake, version FROM participants WHERE id = $1",
                )
                .bind(record)
                .fetch_one(&app.db)
                .await
                .unwrap();
            (
                with_body(
                    Method::PATCH,
                    format!("/participants/{record}"),
                    json!({"first_name": row.0, "last_name": row.1, "email": row.2, "phone": "",
                           "languages": row.3.split(',').collect::<Vec<_>>(), "dutch_level": row.4,
                           "municipality_id": row.5, "cohort_id": row.6, "coach_id": row.7,
                           "ladder_rung_at_intake": row.8, "version": row.9}),
                ),
                ok,
            )
        }
        (Resource::Plan, Action::Read) => (get(format!("/participants/{record}/goals")), ok),
        (Resource::Plan, Action::Create) => (
            with_body(
                Method::POST,
                format!("/participants/{record}/goals"),
                json!({"title": "Nederlands oefenen", "target_date": null, "status": null}),
            ),
            created,
        ),
        (Resource::Plan, Action::Update) => {
            let goal = &plans.goal[record];
            let v = version(app, "goals", goal).await;
            (
                with_body(
                    Method::PATCH,
                    format!("/goals/{goal}"),
                    json!({"title": "Werk vinden in de zorg", "target_date": null, "status": "open", "version": v}),
                ),
                ok,
            )
        }
        (Resource::ActionDone, Action::Update) => {
            let action = &plans.action[record];
            let v = version(app, "actions", action).await;
            (
                with_body(
                    Method::PATCH,
                    format!("/actions/{action}"),
                    json!({"done": true, "version": v}),
                ),
                ok,
            )
        }
        (Resource::Contact, Action::Read) => (get(format!("/participants/{record}/contacts")), ok),
        (Resource::Contact, Action::Create) => (
            with_body(
                Method::POST,
                format!("/participants/{record}/contacts"),
                json!({"date": "2026-01-05", "kind": "call", "minutes": 15, "note": "", "summary": "Gebeld"}),
            ),
            created,
        ),
        (Resource::Route, Action::Read) => (get(format!("/participants/{record}/route")), ok),
        (Resource::Organisation, Action::Create) => (
            with_body(
                Method::POST,
                "/organisations".into(),
                json!({"municipality_id": fixture.utrecht, "kind": "volunteer_organisation", "name": "Voedselbank",
                       "sector": "Zorg", "street": "Kanaalweg 1", "postcode": "3526 KL", "city": "Utrecht", "kvk_number": ""}),
            ),
            created,
        ),
        (Resource::Organisation, Action::Update) => {
            let (kind, name, sector, street, postcode, city, kvk, v): (String, String, String, String, String, String, Option<String>, i64) =
                sqlx::query_as("SELECT kind, name, sector, street, postcode, city, kvk_number, version FROM organisations WHERE id = $1")
                    .bind(record)
                    .fetch_one(&app.db)
                    .await
                    .unwrap();
            (
                with_body(
                    Method::PATCH,
                    format!("/organisations/{record}"),
                    json!({"kind": kind, "name": name, "sector": sector, "street": street, "postcode": postcode,
                           "city": city, "kvk_number": kvk.unwrap_or_default(), "version": v}),
                ),
                ok,
            )
        }
        (Resource::Opening, Action::Create) => (
            with_body(
                Method::POST,
                // The records of openings are openings; a new one goes to their organisation.
                format!(
                    "/organisations/{}/openings",
                    id(
                        app,
                        &format!("SELECT organisation_id FROM openings WHERE id = '{record}'")
                    )
                    .await
                ),
                json!({"kind": "job", "title": "Medewerker", "description": "", "date": null, "place": "",
                       "capacity": null, "start_date": null, "end_date": null, "hours_per_week": null, "dutch_level": null}),
            ),
            created,
        ),
        (Resource::Opening, Action::Update) => {
            let v = version(app, "openings", record).await;
            (
                with_body(
                    Method::PATCH,
                    format!("/openings/{record}"),
                    json!({"status": null, "opening": null, "version": v}),
                ),
                ok,
            )
        }
        (Resource::Registration, Action::Create) => {
            insert(app, "DELETE FROM registrations", &[]).await;
            (
                with_body(
                    Method::POST,
                    format!("/openings/{}/registrations", fixture.bakery_visit),
                    json!({"participant_id": record}),
                ),
                created,
            )
        }
        (Resource::Internship, Action::Read) => (
            get(format!("/internships/{}", plans.internship[record])),
            ok,
        ),
        (Resource::Internship, Action::Create) => (
            with_body(
                Method::POST,
                format!("/participants/{record}/internships"),
                json!({"organisation_id": fixture.bakery, "opening_id": null, "start_date": "2026-09-07",
                       "end_date": "2026-11-01", "hours_per_week": 24, "supervisor_name": "Henk"}),
            ),
            // Allowed, and then refused by the rules: the training is not complete.
            StatusCode::CONFLICT,
        ),
        (Resource::Internship, Action::Update) => {
            let id = &plans.internship[record];
            let v = version(app, "internships", id).await;
            (
                with_body(
                    Method::PATCH,
                    format!("/internships/{id}"),
                    json!({"action": "cancel", "version": v}),
                ),
                ok,
            )
        }
        (Resource::InternshipExtension, Action::Update) => {
            let id = &plans.internship[record];
            let v = version(app, "internships", id).await;
            (
                with_body(
                    Method::PATCH,
                    format!("/internships/{id}"),
                    json!({"action": "extend", "end_date": "2026-05-10", "version": v}),
                ),
                ok,
            )
        }
        (Resource::Evaluation, Action::Create) => {
            let evaluator = if role == Role::CompanyContact {
                "supervisor"
            } else {
                "coach"
            };
            (
                with_body(
                    Method::POST,
                    format!("/internships/{}/evaluations", plans.internship[record]),
                    json!({"moment": "midterm", "evaluator": evaluator, "punctuality": 4, "cooperation": 5,
                           "dutch_at_work": 3, "professional_skills": 4, "remarks": "Goed bezig"}),
                ),
                created,
            )
        }
        (Resource::Expense, Action::Read) => (get(format!("/participants/{record}/expenses")), ok),
        (Resource::Expense, Action::Create) => (
            with_body(
                Method::POST,
                format!("/participants/{record}/expenses"),
                json!({"category": "travel", "amount_cents": 1250, "description": "Reiskosten bezoek"}),
            ),
            created,
        ),
        (Resource::ExpenseDecision, Action::Update) => {
            let id = &plans.expense[record];
            let v = version(app, "expenses", id).await;
            (
                with_body(
                    Method::POST,
                    format!("/expenses/{id}/decision"),
                    json!({"decision": "approve", "version": v}),
                ),
                ok,
            )
        }
        (Resource::Introduction, Action::Read) if role == Role::CompanyContact => {
            (get(format!("/organisations/{record}/introductions")), ok)
        }
        (Resource::Introduction, Action::Read) => {
            (get(format!("/participants/{record}/introductions")), ok)
        }
        (Resource::Introduction, Action::Create) => (
            with_body(
                Method::POST,
                format!("/participants/{record}/introductions"),
                json!({"organisation_id": fixture.bakery, "opening_id": null, "motivation": "Past goed bij de bakkerij"}),
            ),
            created,
        ),
        (Resource::Introduction, Action::Update) => {
            let id = if role == Role::CompanyContact {
                let participant: String = sqlx::query_scalar(
                    "SELECT participant_id FROM internships WHERE organisation_id = $1",
                )
                .bind(record)
                .fetch_one(&app.db)
                .await
                .unwrap();
                plans.introduction[&participant].clone()
            } else {
                plans.introduction[record].clone()
            };
            // The organisation answers a proposal; the coach and coordinator record the meeting.
            let (from, to) = if role == Role::CompanyContact {
                ("proposed", "accepted")
            } else {
                ("accepted", "meeting_held")
            };
            insert(
                app,
                "UPDATE introductions SET status = $1 WHERE id = $2",
                &[from, &id],
            )
            .await;
            let v = version(app, "introductions", &id).await;
            (
                with_body(
                    Method::PATCH,
                    format!("/introductions/{id}"),
                    json!({"status": to, "version": v}),
                ),
                ok,
            )
        }
        (Resource::Consent, Action::Read) => (get(format!("/participants/{record}/consents")), ok),
        (Resource::History, Action::Read) => (get(format!("/participants/{record}/history")), ok),
        // One log for the region: no record of its own to be outside of.
        (Resource::AuditLog, Action::Read) => (get("/audit".to_owned()), ok),
        (Resource::DataExport, Action::Read) => (get(format!("/participants/{record}/export")), ok),
        (Resource::Erasure, Action::Disable) => (
            with_body(
                Method::POST,
                format!("/participants/{record}/erasure"),
                json!({"confirm_name": "Niet de naam"}),
            ),
            // Allowed, and then refused by the rules: the name does not confirm it.
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (Resource::CalendarFeed, Action::Create) => (
            with_body(Method::POST, "/calendar-feed".to_owned(), json!({})),
            created,
        ),
        (Resource::CsvExport, Action::Read) => {
            (get(format!("/exports/cohorts/{record}/attendance")), ok)
        }
        (Resource::Outcome, Action::Read) => (get(format!("/participants/{record}/outcomes")), ok),
        (Resource::Outcome, Action::Create) => (
            with_body(
                Method::POST,
                format!("/participants/{record}/outcomes"),
                json!({"kind": "education", "date": "2026-01-05", "hours_per_week": null, "contract": null, "reason": "",
                       "ladder_rung": 4}),
            ),
            created,
        ),
        (Resource::Outcome, Action::Update) => {
            let id = &plans.outcome[record];
            let v = version(app, "outcomes", id).await;
            (
                with_body(
                    Method::POST,
                    format!("/outcomes/{id}/follow-up"),
                    json!({"date": "2026-01-05", "lasted": true, "ladder_rung": 4, "version": v}),
                ),
                ok,
            )
        }
        (Resource::Consent, Action::Update) => (
            with_body(
                Method::POST,
                format!("/participants/{record}/consents"),
                json!({"purpose": "introduction_profile", "organisation_id": fixture.bakery,
                       "municipality_id": null, "given": true}),
            ),
            created,
        ),
        (Resource::Competences, Action::Read) => {
            (get(format!("/participants/{record}/competences")), ok)
        }
        (Resource::Competences, Action::Update) => {
            let v: i64 =
                sqlx::query_scalar("SELECT version FROM competences WHERE participant_id = $1")
                    .bind(record)
                    .fetch_optional(&app.db)
                    .await
                    .unwrap()
                    .unwrap_or(0);
            (
                with_body(
                    Method::PUT,
                    format!("/participants/{record}/competences"),
                    json!({"hours_available": 24, "sectors_of_interest": ["care"], "version": v}),
                ),
                ok,
            )
        }
        (Resource::Suggestion, Action::Read) => {
            (get(format!("/participants/{record}/suggestions")), ok)
        }
        (Resource::Event, Action::Read) => (get(format!("/events/{record}")), ok),
        (Resource::Event, Action::Create) => (
            with_body(
                Method::POST,
                "/events".to_owned(),
                json!({"kind": "expert_meeting", "title": "Expertmiddag", "date": "2099-01-05",
                       "start_time": "15:00", "place": "Stadskantoor", "capacity": 20,
                       "municipality_ids": [fixture.utrecht]}),
            ),
            created,
        ),
        (Resource::EventRegistration, Action::Create) => {
            const NAMES: [&str; 5] = [
                "Anna Smit",
                "Bram Smit",
                "Cor Smit",
                "Dirk Smit",
                "Eva Smit",
            ];
            (
                with_body(
                    Method::POST,
                    format!("/events/{record}/registrations"),
                    json!({"name": NAMES[round % NAMES.len()], "role": "Begeleider"}),
                ),
                created,
            )
        }
        (Resource::EventRegistration, Action::Update) => (
            with_body(
                Method::POST,
                format!("/event-registrations/{record}/cancel"),
                json!({}),
            ),
            ok,
        ),
        (Resource::EventAttendance, Action::Update) => (
            with_body(
                Method::PUT,
                format!("/events/{record}/attendance"),
                json!([]),
            ),
            ok,
        ),
        (resource, Action::Read) => {
            let (list, _, _) = fixture.cases(resource, None);
            (get(format!("{list}/{record}")), ok)
        }
        (resource, action) => panic!("no probe for {resource:?} {action:?}"),
    }
}

/// The record in and the records out of scope of a relation, for resources kept in a
/// participant's file or a cohort.
fn records(
    fixture: &Fixture,
    resource: Resource,
    relation: Option<Relation>,
) -> (String, Vec<String>) {
    match resource {
        Resource::Cohort | Resource::Attendance | Resource::CsvExport => (
            fixture.utrecht_cohort.clone(),
            vec![fixture.rotterdam_cohort.clone()],
        ),
        Resource::Municipality => (fixture.utrecht.clone(), vec![fixture.rotterdam.clone()]),
        Resource::Opening if matches!(relation, Some(Relation::OwnOrganisation)) => (
            fixture.bakery_visit.clone(),
            vec![fixture.care_job.clone(), fixture.harbour_visit.clone()],
        ),
        Resource::Organisation | Resource::Introduction
            if matches!(relation, Some(Relation::OwnOrganisation)) =>
        {
            (
                fixture.bakery.clone(),
                vec![fixture.care.clone(), fixture.harbour.clone()],
            )
        }
        Resource::Internship | Resource::Evaluation
            if matches!(relation, Some(Relation::OwnOrganisation)) =>
        {
            // Internships are reached through their organisation: Amal's is at the bakery.
            (
                fixture.amal.clone(),
                vec![fixture.rasha.clone(), fixture.mehari.clone()],
            )
        }
        Resource::Participant
        | Resource::Plan
        | Resource::ActionDone
        | Resource::Contact
        | Resource::Route
        | Resource::Registration
        | Resource::Internship
        | Resource::InternshipExtension
        | Resource::Evaluation
        | Resource::Expense
        | Resource::ExpenseDecision
        | Resource::Introduction
        | Resource::Consent
        | Resource::Outcome
        | Resource::Competences
        | Resource::Suggestion
        | Resource::History
        | Resource::DataExport
        | Resource::CalendarFeed
        | Resource::Erasure => match relation {
            Some(Relation::Assigned | Relation::Own) => (
                fixture.amal.clone(),
                vec![fixture.rasha.clone(), fixture.mehari.clone()],
            ),
            Some(_) | None => (fixture.amal.clone(), vec![fixture.mehari.clone()]),
        },
        Resource::Event => ("evutrecht".to_owned(), vec!["evrotterdam".to_owned()]),
        Resource::EventRegistration if matches!(relation, Some(Relation::OwnOrganisation)) => {
            ("erbakery".to_owned(), vec!["ercare".to_owned()])
        }
        Resource::EventRegistration => ("evutrecht".to_owned(), vec!["evrotterdam".to_owned()]),
        Resource::EventAttendance => match relation {
            Some(Relation::OwnOrganisation) => (
                "evbakery".to_owned(),
                vec!["evutrecht".to_owned(), "evrotterdam".to_owned()],
            ),
            Some(_) | None => ("evbakery".to_owned(), vec!["evrotterdam".to_owned()]),
        },
        Resource::AuditLog => (String::new(), vec![]),
        Resource::Organisation | Resource::Opening | Resource::Invitation | Resource::User => {
            let (_, inside, outside) = fixture.cases(resource, relation);
            (
                inside.to_owned(),
                outside.into_iter().map(str::to_owned).collect(),
            )
        }
    }
}

#[tokio::test]
async fn every_role_reaches_exactly_what_the_access_table_allows() {
    let app = spawn_app_with(true).await;
    let fixture = Fixture::load(&app).await;
    let plans = make_plans(&app, &fixture).await;
    let walk = Walk {
        app: &app,
        fixture: &fixture,
        plans: &plans,
    };
    let mut walked = BTreeSet::new();
    let probes = [
        (Resource::Municipality, Action::Read),
        (Resource::Municipality, Action::Create),
        (Resource::Municipality, Action::Update),
        (Resource::Cohort, Action::Read),
        (Resource::Cohort, Action::Create),
        (Resource::Cohort, Action::Update),
        (Resource::Attendance, Action::Read),
        (Resource::Attendance, Action::Update),
        (Resource::Participant, Action::Read),
        (Resource::Participant, Action::Create),
        (Resource::Participant, Action::Update),
        (Resource::Plan, Action::Read),
        (Resource::Plan, Action::Create),
        (Resource::Plan, Action::Update),
        (Resource::ActionDone, Action::Update),
        (Resource::Contact, Action::Read),
        (Resource::Contact, Action::Create),
        (Resource::Route, Action::Read),
        (Resource::Organisation, Action::Read),
        (Resource::Opening, Action::Read),
        (Resource::Organisation, Action::Create),
        (Resource::Organisation, Action::Update),
        (Resource::Opening, Action::Create),
        (Resource::Opening, Action::Update),
        (Resource::Registration, Action::Create),
        (Resource::Internship, Action::Read),
        (Resource::Internship, Action::Create),
        (Resource::Evaluation, Action::Create),
        (Resource::Internship, Action::Update),
        (Resource::InternshipExtension, Action::Update),
        (Resource::Expense, Action::Read),
        (Resource::Expense, Action::Create),
        (Resource::ExpenseDecision, Action::Update),
        (Resource::Introduction, Action::Read),
        (Resource::Introduction, Action::Create),
        (Resource::Introduction, Action::Update),
        (Resource::Consent, Action::Read),
        (Resource::Consent, Action::Update),
        (Resource::Outcome, Action::Read),
        (Resource::Outcome, Action::Create),
        (Resource::Outcome, Action::Update),
        (Resource::Competences, Action::Read),
        (Resource::Competences, Action::Update),
        (Resource::Suggestion, Action::Read),
        (Resource::Event, Action::Read),
        (Resource::Event, Action::Create),
        (Resource::EventRegistration, Action::Create),
        (Resource::EventRegistration, Action::Update),
        (Resource::EventAttendance, Action::Update),
        (Resource::History, Action::Read),
        (Resource::DataExport, Action::Read),
        (Resource::CsvExport, Action::Read),
        (Resource::CalendarFeed, Action::Create),
        (Resource::Erasure, Action::Disable),
        (Resource::AuditLog, Action::Read),
    ];

    for (round, role) in Role::ALL.into_iter().enumerate() {
        let client = app.demo(login_of(role)).await;
        for (resource, action) in probes {
            let relation = relation_of(role, resource, action);
            let (inside, outside) = records(&fixture, resource, relation);
            let context = format!("{role:?} {resource:?} {action:?}");
            let (call, success) = probe(&walk, role, resource, action, &inside, round).await;
            let (status, body) = send(&app, &client, call).await;
            let Some(_) = relation else {
                assert_eq!(status, StatusCode::FORBIDDEN, "{context}: {body}");
                assert_eq!(body["error"], "forbidden", "{context}");
                continue;
            };
            walked.insert(format!("{role:?} {resource:?} {action:?}"));
            assert_eq!(status, success, "{context}: {body}");
            if action == Action::Create
                && matches!(
                    resource,
                    Resource::Municipality
                        | Resource::Cohort
                        | Resource::Participant
                        | Resource::Organisation
                        | Resource::Event
                        | Resource::CalendarFeed
                )
            {
                continue; // a new record has no scope to leave
            }
            for out in &outside {
                let (call, _) = probe(&walk, role, resource, action, out, round).await;
                let (status, body) = send(&app, &client, call).await;
                assert_eq!(
                    status,
                    StatusCode::NOT_FOUND,
                    "{context}: {out} is outside: {body}"
                );
                assert_eq!(body["error"], "not_found", "{context}");
            }
        }

        // Lists show what is in scope and nothing outside.
        for resource in [
            Resource::Municipality,
            Resource::Cohort,
            Resource::Participant,
            Resource::Organisation,
            Resource::Opening,
        ] {
            let relation = relation_of(role, resource, Action::Read);
            let (list, inside, outside) = fixture.cases(resource, relation);
            let (status, body) = send(&app, &client, get(list.to_owned())).await;
            let context = format!("{role:?} listing {resource:?}");
            if relation.is_none() {
                assert_eq!(status, StatusCode::FORBIDDEN, "{context}");
                continue;
            }
            assert_eq!(status, StatusCode::OK, "{context}");
            let ids: Vec<&str> = body["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|item| item["id"].as_str().unwrap())
                .collect();
            assert!(ids.contains(&inside), "{context}: lacks its own record");
            for out in outside {
                assert!(!ids.contains(&out), "{context}: shows {out}");
            }
        }

        // Inviting and listing accounts.
        let invitation = app
            .post_json(
                &client,
                "/api/v1/invitations",
                &json!({"email": format!("invited.by.{}@example.org", role.as_str()), "role": "coach",
                        "municipality_id": fixture.utrecht, "participant_id": null, "organisation_id": null}),
            )
            .await;
        let users = app.get_with(&client, "/api/v1/users").await;
        match relation_of(role, Resource::Invitation, Action::Create) {
            Some(_) => {
                walked.insert(format!("{role:?} Invitation Create"));
                assert_eq!(invitation.status(), StatusCode::CREATED, "{role:?} invites");
            }
            None => assert_eq!(
                invitation.status(),
                StatusCode::FORBIDDEN,
                "{role:?} invites"
            ),
        }
        match relation_of(role, Resource::User, Action::Read) {
            Some(_) => {
                walked.insert(format!("{role:?} User Read"));
                assert_eq!(users.status(), StatusCode::OK);
                let listed = users.json::<Value>().await.unwrap();
                let emails: Vec<&str> = listed["items"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|u| u["email"].as_str().unwrap())
                    .collect();
                assert!(emails.contains(&"coach@example.org"));
                assert!(
                    !emails.contains(&"coordinator.rotterdam@example.org"),
                    "outside the region"
                );
            }
            None => assert_eq!(
                users.status(),
                StatusCode::FORBIDDEN,
                "{role:?} lists accounts"
            ),
        }
    }

    // Disabling: the Utrecht coordinator may disable in Utrecht only.
    let coordinator = app.demo("coordinator@example.org").await;
    let db = app.db.clone();
    let target = |email: &'static str| {
        let db = db.clone();
        async move {
            sqlx::query_as::<_, (String, i64)>("SELECT id, version FROM users WHERE email = $1")
                .bind(email)
                .fetch_one(&db)
                .await
                .unwrap()
        }
    };
    let (outside_id, outside_version) = target("coordinator.rotterdam@example.org").await;
    let refused = app
        .post_json(
            &coordinator,
            &format!("/api/v1/users/{outside_id}/disable"),
            &json!({"version": outside_version}),
        )
        .await;
    assert_eq!(refused.status(), StatusCode::NOT_FOUND);
    for role in [
        Role::Coach,
        Role::Participant,
        Role::CompanyContact,
        Role::MunicipalityViewer,
    ] {
        let client = app.demo(login_of(role)).await;
        let (id, version) = target("coach3@example.org").await;
        let response = app
            .post_json(
                &client,
                &format!("/api/v1/users/{id}/disable"),
                &json!({"version": version}),
            )
            .await;
        assert_eq!(
            response.status(),
            StatusCode::FORBIDDEN,
            "{role:?} disables"
        );
    }
    let (inside_id, inside_version) = target("coach3@example.org").await;
    let disabled = app
        .post_json(
            &coordinator,
            &format!("/api/v1/users/{inside_id}/disable"),
            &json!({"version": inside_version}),
        )
        .await;
    assert_eq!(disabled.status(), StatusCode::OK);
    walked.insert("Coordinator User Disable".to_owned());

    // Password resets: the Utrecht coordinator starts one for an account in Utrecht only.
    let reset = |id: &str| format!("/api/v1/users/{id}/password-reset");
    let refused = app
        .post_json(&coordinator, &reset(&outside_id), &json!({}))
        .await;
    assert_eq!(refused.status(), StatusCode::NOT_FOUND);
    let (inside_id, _) = target("coach2@example.org").await;
    for role in [
        Role::Coach,
        Role::Participant,
        Role::CompanyContact,
        Role::MunicipalityViewer,
    ] {
        let client = app.demo(login_of(role)).await;
        let response = app.post_json(&client, &reset(&inside_id), &json!({})).await;
        assert_eq!(
            response.status(),
            StatusCode::FORBIDDEN,
            "{role:?} starts a password reset"
        );
    }
    let created = app
        .post_json(&coordinator, &reset(&inside_id), &json!({}))
        .await;
    assert_eq!(created.status(), StatusCode::CREATED);
    walked.insert("Coordinator User Update".to_owned());

    let table: BTreeSet<String> = TABLE
        .iter()
        .map(|(role, resource, action, _)| format!("{role:?} {resource:?} {action:?}"))
        .collect();
    assert_eq!(walked, table, "every row of the table was walked");
}

#[tokio::test]
async fn a_refusal_outside_scope_is_written_to_the_audit_log_with_the_record() {
    let app = spawn_app_with(true).await;
    let fixture = Fixture::load(&app).await;
    let participant = app.demo("participant@example.org").await;

    let response = app
        .get_with(
            &participant,
            &format!("/api/v1/participants/{}", fixture.rasha),
        )
        .await;

    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let (action, record): (String, String) =
        sqlx::query_as("SELECT action, record_id FROM audit_log WHERE outcome = 'refused'")
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(action, "access.outside_scope");
    assert_eq!(record, fixture.rasha);
}

#[tokio::test]
async fn every_api_resource_needs_a_session() {
    let app = spawn_app_with(true).await;
    for path in [
        "/api/v1/auth/me",
        "/api/v1/municipalities",
        "/api/v1/cohorts",
        "/api/v1/participants",
        "/api/v1/organisations",
        "/api/v1/openings",
        "/api/v1/users",
    ] {
        let response = app.get(path).await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{path}");
    }
}

#[tokio::test]
async fn a_cohort_lists_its_eight_meetings_with_their_themes() {
    let app = spawn_app_with(true).await;
    let fixture = Fixture::load(&app).await;
    let coach = app.demo("coach@example.org").await;

    let cohort: Value = app
        .get_with(
            &coach,
            &format!("/api/v1/cohorts/{}", fixture.utrecht_cohort),
        )
        .await
        .json()
        .await
        .unwrap();

    let meetings = cohort["meetings"].as_array().unwrap();
    assert_eq!(meetings.len(), 8);
    assert_eq!(meetings[0]["theme"], "career_orientation");
    assert_eq!(meetings[7]["theme"], "work_culture_and_action_plan");
    assert_eq!(cohort["participants"], 10);
    assert_eq!(cohort["small"], false);
}
