//! CSV downloads of the region's lists: RFC 4180 with a byte-order mark, formulas neutralised,
//! the filters of the lists, only the region's records, audited.

use reqwest::StatusCode;
use shared::{
    api::{ExpenseDecisionInput, ExpenseInput, paths},
    rules::budget::{ExpenseCategory, ExpenseDecision},
};

use crate::helpers::{TestApp, cohort_id, participant_id, scalar, spawn_app_with};

/// Reads an RFC 4180 document: rows of fields, quotes undone.
fn parse(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {
                assert_eq!(chars.next(), Some('\n'), "a CR is followed by LF");
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(
        row.is_empty() && field.is_empty(),
        "the last line ends with CRLF"
    );
    rows
}

/// Downloads `path` as `client`: the status and, for a success, the rows (header first).
async fn download(
    app: &TestApp,
    client: &reqwest::Client,
    path: &str,
) -> (StatusCode, Vec<Vec<String>>) {
    let response = app.get_with(client, &paths::url(path)).await;
    let status = response.status();
    if !status.is_success() {
        return (status, Vec::new());
    }
    assert_eq!(
        response.headers()[reqwest::header::CONTENT_TYPE],
        "text/csv; charset=utf-8"
    );
    let disposition = response.headers()[reqwest::header::CONTENT_DISPOSITION]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        disposition.starts_with("attachment; filename="),
        "{disposition}"
    );
    let text = response.text().await.unwrap();
    let body = text
        .strip_prefix('\u{feff}')
        .expect("a byte-order mark first");
    let rows = parse(body);
    let width = rows[0].len();
    assert!(
        rows.iter().all(|r| r.len() == width),
        "rectangular: {rows:?}"
    );
    (status, rows)
}

fn column(rows: &[Vec<String>], name: &str) -> Vec<String> {
    let i = rows[0]
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name} in {:?}", rows[0]));
    rows[1..].iter().map(|r| r[i].clone()).collect()
}

async fn audited(app: &TestApp, action: &str) -> String {
    scalar(
        app,
        &format!("SELECT CAST(COUNT(*) AS TEXT) FROM audit_log WHERE action = '{action}'"),
    )
    .await
}

#[tokio::test]
async fn a_coordinator_downloads_the_regions_participants_and_attendance() {
    let app = spawn_app_with(true).await;
    let coordinator = app.demo("coordinator@example.org").await;

    let (status, rows) = download(&app, &coordinator, paths::EXPORT_PARTICIPANTS).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(rows[0][..4], ["id", "first_name", "last_name", "email"]);
    let names = column(&rows, "first_name");
    assert_eq!(
        names.len(),
        10,
        "the ten participants of Utrecht: {names:?}"
    );
    assert!(names.contains(&"Amal".to_owned()));
    assert!(
        !names.contains(&"Mehari".to_owned()),
        "Rotterdam's is not in the region"
    );
    assert_eq!(audited(&app, "export.participants").await, "1");

    let cohort = cohort_id(&app, "Utrecht voorjaar").await;
    let (status, rows) = download(&app, &coordinator, &paths::export_attendance(&cohort)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(rows[0].len(), 10, "two names and eight meetings");
    let amal = rows.iter().find(|r| r[0] == "Amal").expect("Amal's row");
    assert_eq!(amal[2..6], ["present", "present", "made_up", ""]);
    let yonas = rows.iter().find(|r| r[0] == "Yonas").expect("Yonas's row");
    assert_eq!(yonas[2..5], ["present", "absent", "absent"]);
    assert_eq!(audited(&app, "export.attendance").await, "1");

    // Another region's cohort is not found; a coach downloads nothing.
    let rotterdam = app.demo("coordinator.rotterdam@example.org").await;
    let (status, _) = download(&app, &rotterdam, &paths::export_attendance(&cohort)).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let coach = app.demo("coach@example.org").await;
    for path in [
        paths::EXPORT_PARTICIPANTS,
        paths::EXPORT_INTERNSHIPS,
        paths::EXPORT_EXPENSES,
        paths::EXPORT_OPENINGS,
    ] {
        let (status, _) = download(&app, &coach, path).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{path}");
    }
}

#[tokio::test]
async fn budget_requests_and_openings_follow_the_lists_filters_and_formulas_stay_text() {
    let app = spawn_app_with(true).await;
    let coach = app.signed_in("coach@example.org").await;
    let coordinator_client = app.demo("coordinator@example.org").await;
    let coordinator = app.api(&coordinator_client);
    let amal = participant_id(&app, "Amal").await;
    let request = |cents, description: &str| ExpenseInput {
        category: Some(ExpenseCategory::Course),
        amount_cents: Some(cents),
        description: description.into(),
    };
    coach
        .request_expense(&amal, &request(12_550, "=HYPERLINK(\"http://x\")"))
        .await
        .unwrap();
    let budget = coach
        .request_expense(&amal, &request(3_000, "Reiskosten, bus"))
        .await
        .unwrap();
    let second = budget
        .expenses
        .iter()
        .find(|e| e.amount_cents == 3_000)
        .unwrap();
    coordinator
        .decide_expense(
            &second.id,
            &ExpenseDecisionInput {
                decision: ExpenseDecision::Approve,
                version: second.version,
            },
        )
        .await
        .unwrap();

    let (_, rows) = download(&app, &coordinator_client, paths::EXPORT_EXPENSES).await;
    let mut descriptions = column(&rows, "description");
    descriptions.sort();
    assert_eq!(
        descriptions,
        ["'=HYPERLINK(\"http://x\")", "Reiskosten, bus"],
        "a formula is neutralised, a comma kept in one field"
    );
    assert!(column(&rows, "amount_eur").contains(&"125.50".to_owned()));
    let (_, rows) = download(
        &app,
        &coordinator_client,
        &format!("{}?status=approved", paths::EXPORT_EXPENSES),
    )
    .await;
    assert_eq!(column(&rows, "description"), ["Reiskosten, bus"]);
    let response = app
        .get_with(
            &coordinator_client,
            &paths::url(&format!("{}?status=spent", paths::EXPORT_EXPENSES)),
        )
        .await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);

    let (_, all) = download(&app, &coordinator_client, paths::EXPORT_OPENINGS).await;
    let (_, visits) = download(
        &app,
        &coordinator_client,
        &format!("{}?kind=company_visit", paths::EXPORT_OPENINGS),
    )
    .await;
    assert!(visits.len() < all.len(), "{visits:?} of {all:?}");
    assert!(column(&visits, "kind").iter().all(|k| k == "company_visit"));
    assert!(column(&all, "title").contains(&"Kijkje in de bakkerij".to_owned()));
    assert!(
        !column(&all, "title").contains(&"Rondleiding haven".to_owned()),
        "Rotterdam's opening is not in the region"
    );

    let (status, rows) = download(&app, &coordinator_client, paths::EXPORT_INTERNSHIPS).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(rows[0][0], "id");
    assert_eq!(audited(&app, "export.expenses").await, "2");
    assert_eq!(audited(&app, "export.openings").await, "2");
    assert_eq!(audited(&app, "export.internships").await, "1");
}

#[tokio::test]
async fn an_erased_participant_is_one_neutral_label_in_every_download() {
    let app = spawn_app_with(true).await;
    let amal = participant_id(&app, "Amal").await;
    let coordinator = app.signed_in("coordinator@example.org").await;
    coordinator.erase(&amal, "Amal Haddad").await.unwrap();
    let client = app.demo("coordinator@example.org").await;

    let (_, rows) = download(&app, &client, paths::EXPORT_PARTICIPANTS).await;
    let row = rows
        .iter()
        .find(|r| r[0] == amal.as_str())
        .expect("the record stays");
    assert_eq!(row[1..3], ["erased", ""]);
    let cohort = cohort_id(&app, "Utrecht voorjaar").await;
    let (_, rows) = download(&app, &client, &paths::export_attendance(&cohort)).await;
    assert_eq!(
        rows.iter().filter(|r| r[..2] == ["erased", ""]).count(),
        1,
        "{rows:?}"
    );
    for path in [
        paths::EXPORT_PARTICIPANTS.to_owned(),
        paths::EXPORT_INTERNSHIPS.to_owned(),
        paths::EXPORT_EXPENSES.to_owned(),
        paths::export_attendance(&cohort),
    ] {
        let (status, rows) = download(&app, &client, &path).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert!(
            !rows.iter().flatten().any(|field| field.contains("Gewist")),
            "{path}: {rows:?}"
        );
    }
}
