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
            (Resource::Invitation | Resource::User, _) => ("", "", vec![]),
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

#[tokio::test]
async fn every_role_reads_exactly_what_the_access_table_allows() {
    let app = spawn_app_with(true).await;
    let fixture = Fixture::load(&app).await;
    let mut walked = BTreeSet::new();

    for role in Role::ALL {
        let client = app.demo(login_of(role)).await;
        for resource in [
            Resource::Municipality,
            Resource::Cohort,
            Resource::Participant,
            Resource::Organisation,
            Resource::Opening,
        ] {
            let relation = relation_of(role, resource, Action::Read);
            let (list, inside, outside) = fixture.cases(resource, relation);
            let (list_status, list_body) =
                status_and_body(app.get_with(&client, &format!("/api/v1{list}")).await).await;
            let (one_status, _) = status_and_body(
                app.get_with(&client, &format!("/api/v1{list}/{inside}"))
                    .await,
            )
            .await;
            let context = format!("{role:?} reading {resource:?}");
            match relation {
                None => {
                    assert_eq!(list_status, StatusCode::FORBIDDEN, "{context}: list");
                    assert_eq!(list_body["error"], "forbidden", "{context}");
                    assert_eq!(one_status, StatusCode::FORBIDDEN, "{context}: one");
                }
                Some(_) => {
                    walked.insert(format!("{role:?} {resource:?} Read"));
                    assert_eq!(list_status, StatusCode::OK, "{context}: list");
                    let ids: Vec<&str> = list_body["items"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|item| item["id"].as_str().unwrap())
                        .collect();
                    assert!(
                        ids.contains(&inside),
                        "{context}: the list lacks its own record"
                    );
                    assert_eq!(one_status, StatusCode::OK, "{context}: own record");
                    for out in &outside {
                        assert!(!ids.contains(out), "{context}: the list shows {out}");
                        let (status, body) = status_and_body(
                            app.get_with(&client, &format!("/api/v1{list}/{out}")).await,
                        )
                        .await;
                        assert_eq!(
                            status,
                            StatusCode::NOT_FOUND,
                            "{context}: {out} outside scope"
                        );
                        assert_eq!(body["error"], "not_found");
                    }
                    let (missing, missing_body) = status_and_body(
                        app.get_with(&client, &format!("/api/v1{list}/0000")).await,
                    )
                    .await;
                    assert_eq!(missing, StatusCode::NOT_FOUND, "{context}: missing");
                    let (_, outside_body) = status_and_body(
                        app.get_with(&client, &format!("/api/v1{list}/{}", outside[0]))
                            .await,
                    )
                    .await;
                    assert_eq!(
                        missing_body.get("violations"),
                        outside_body.get("violations"),
                        "outside scope answers exactly like missing"
                    );
                }
            }
        }

        // Inviting, listing and disabling accounts.
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
