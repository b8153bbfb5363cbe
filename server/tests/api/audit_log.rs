//! The audit log for coordinators: each filter, paging without gaps or repeats while entries are
//! written, the region a coordinator sees, the roles that may not read it, and bad queries.

use std::collections::BTreeSet;

use reqwest::StatusCode;
use shared::{
    api::{AuditEntry, AuditOutcome, AuditQuery, ErrorKind, ParticipantPatch, paths},
    ids::ParticipantId,
    values::DutchLevel,
};

use crate::{
    client::{Api, Refused},
    helpers::{TestApp, participant_id, scalar, spawn_app_with, user_id},
};

/// Every entry the query finds, page after page.
async fn all_pages(api: &Api, query: &AuditQuery) -> Vec<AuditEntry> {
    let mut query = query.clone();
    let mut entries = Vec::new();
    loop {
        let page = api.audit(&query).await.unwrap();
        entries.extend(page.items);
        match page.next_cursor {
            Some(cursor) => query.cursor = Some(cursor),
            None => return entries,
        }
    }
}

async fn audit_rows(app: &TestApp) -> String {
    scalar(app, "SELECT CAST(COUNT(*) AS TEXT) FROM audit_log").await
}

/// A change of the participant's Dutch level, written to the audit log as `participant.update`.
async fn update_level(api: &Api, participant: &ParticipantId, level: DutchLevel) {
    let profile = api.participant(participant).await.unwrap();
    api.update_participant(
        participant,
        &ParticipantPatch {
            dutch_level: Some(level),
            version: profile.version,
            ..ParticipantPatch::default()
        },
    )
    .await
    .unwrap();
}

/// The download of a participant's data: one `participant.export` entry each.
async fn export(app: &TestApp, client: &reqwest::Client, participant: &ParticipantId) {
    let response = app
        .get_with(client, &paths::url(&paths::participant_export(participant)))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
}

fn query(pairs: &[(&str, &str)]) -> AuditQuery {
    AuditQuery::from_pairs(pairs).expect("known parameters")
}

#[tokio::test]
async fn a_coordinator_filters_the_log_by_action_account_record_and_period() {
    let app = spawn_app_with(true).await;
    let coordinator = app.signed_in("coordinator@example.org").await;
    let coach = app.signed_in("coach@example.org").await;
    let amal = participant_id(&app, "Amal").await;
    let rasha = participant_id(&app, "Rasha").await;
    let coordinator_id = user_id(&app, "coordinator@example.org").await;
    let coach_id = user_id(&app, "coach@example.org").await;
    update_level(&coordinator, &amal, DutchLevel::B1).await;
    update_level(&coordinator, &rasha, DutchLevel::A2).await;
    // The coach reads a participant who is not theirs: refused, and written down.
    coach.participant(&rasha).await.refused(ErrorKind::NotFound);

    // By action.
    let updates = all_pages(&coordinator, &query(&[("action", "participant.update")])).await;
    assert_eq!(updates.len(), 2, "{updates:#?}");
    assert!(updates.iter().all(|e| e.action == "participant.update"
        && e.actor_id.as_ref() == Some(&coordinator_id)
        && e.outcome == AuditOutcome::Success
        && e.record_type.as_deref() == Some("participant")));
    let ids: BTreeSet<_> = updates.iter().filter_map(|e| e.record_id.clone()).collect();
    assert_eq!(ids, BTreeSet::from([amal.to_string(), rasha.to_string()]));
    // Newest first: Rasha's change was the later one.
    assert_eq!(updates[0].record_id.as_deref(), Some(rasha.as_str()));

    // By the acting account: the coach's login and the refusal, nothing of the coordinator.
    let of_coach = all_pages(&coordinator, &query(&[("actor_id", coach_id.as_str())])).await;
    assert!(
        of_coach
            .iter()
            .all(|e| e.actor_id.as_ref() == Some(&coach_id))
    );
    let actions: BTreeSet<&str> = of_coach.iter().map(|e| e.action.as_str()).collect();
    assert!(actions.contains("login"), "{actions:?}");
    let refusal = of_coach
        .iter()
        .find(|e| e.action == "access.outside_scope")
        .expect("the refusal");
    assert_eq!(refusal.outcome, AuditOutcome::Refused);
    assert_eq!(refusal.record_id.as_deref(), Some(rasha.as_str()));

    // By record: the kind and the id.
    let of_amal = all_pages(
        &coordinator,
        &query(&[("record_type", "participant"), ("record_id", amal.as_str())]),
    )
    .await;
    assert_eq!(of_amal.len(), 1, "{of_amal:#?}");
    assert_eq!(of_amal[0].action, "participant.update");
    // By kind alone: both changes and the refusal name a participant.
    let participants = all_pages(&coordinator, &query(&[("record_type", "participant")])).await;
    assert_eq!(participants.len(), 3, "{participants:#?}");

    // By period: an entry of an earlier day, found by its day and only by it.
    sqlx::query(
        "INSERT INTO audit_log (id, at, actor_user_id, action, record_type, record_id, address, outcome) \
         VALUES ('earlier', '2025-01-15T10:00:00.000Z', $1, 'participant.update', 'participant', $2, '192.0.2.1', 'success')",
    )
    .bind(coordinator_id.as_str())
    .bind(amal.as_str())
    .execute(&app.db)
    .await
    .unwrap();
    let that_day = all_pages(
        &coordinator,
        &query(&[("from", "2025-01-15"), ("to", "2025-01-15")]),
    )
    .await;
    assert_eq!(
        that_day.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(),
        ["earlier"]
    );
    assert!(
        all_pages(
            &coordinator,
            &query(&[("from", "2025-01-16"), ("to", "2025-12-31")])
        )
        .await
        .is_empty()
    );
    let today = &updates[0].at[..10];
    let since_today = all_pages(
        &coordinator,
        &query(&[("from", today), ("action", "participant.update")]),
    )
    .await;
    assert_eq!(since_today.len(), 2);
    let until_yesterday = all_pages(
        &coordinator,
        &query(&[("to", "2025-01-15"), ("action", "participant.update")]),
    )
    .await;
    assert_eq!(until_yesterday.len(), 1);
    assert_eq!(until_yesterday[0].at, "2025-01-15T10:00:00.000Z");

    // All filters at once.
    let one = all_pages(
        &coordinator,
        &query(&[
            ("from", "2025-01-01"),
            ("to", "2025-01-31"),
            ("action", "participant.update"),
            ("actor_id", coordinator_id.as_str()),
            ("record_type", "participant"),
            ("record_id", amal.as_str()),
        ]),
    )
    .await;
    assert_eq!(one.len(), 1);
}

#[tokio::test]
async fn an_entry_shows_ids_action_outcome_and_moment_and_never_the_address() {
    let app = spawn_app_with(true).await;
    let client = app.demo("coordinator@example.org").await;
    let response = app
        .get_with(&client, &format!("{}?limit=5", paths::url(paths::AUDIT)))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let body: serde_json::Value = response.json().await.unwrap();
    let items = body["items"].as_array().unwrap();
    assert!(!items.is_empty(), "the coordinator's own login is there");
    for item in items {
        let mut keys: Vec<&str> = item
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            [
                "action",
                "actor_id",
                "at",
                "id",
                "outcome",
                "record_id",
                "record_type"
            ]
        );
    }
    assert!(!body.to_string().contains("127.0.0.1"));
}

#[tokio::test]
async fn pages_follow_each_other_without_gaps_or_repeats_while_entries_are_written() {
    let app = spawn_app_with(true).await;
    let client = app.demo("coordinator@example.org").await;
    let coordinator = app.api(&client);
    let amal = participant_id(&app, "Amal").await;
    for _ in 0..23 {
        export(&app, &client, &amal).await;
    }
    let before: BTreeSet<String> =
        sqlx::query_scalar("SELECT id FROM audit_log WHERE action = 'participant.export'")
            .fetch_all(&app.db)
            .await
            .unwrap()
            .into_iter()
            .collect();
    assert_eq!(before.len(), 23);

    let mut q = query(&[("action", "participant.export"), ("limit", "5")]);
    let mut seen = Vec::new();
    let mut pages = 0;
    loop {
        let page = coordinator.audit(&q).await.unwrap();
        pages += 1;
        assert!(page.items.len() <= 5);
        seen.extend(page.items.iter().map(|e| e.id.clone()));
        // Two more entries between every two pages.
        export(&app, &client, &amal).await;
        export(&app, &client, &amal).await;
        match page.next_cursor {
            Some(cursor) => q.cursor = Some(cursor),
            None => break,
        }
        assert!(pages < 20, "the paging does not end");
    }
    let unique: BTreeSet<String> = seen.iter().cloned().collect();
    assert_eq!(unique.len(), seen.len(), "an entry came twice");
    assert_eq!(
        unique, before,
        "the pages hold exactly the entries there were"
    );
    assert_eq!(pages, 5);

    // The entries written meanwhile are on a new first page, newest first.
    let first = coordinator
        .audit(&query(&[
            ("action", "participant.export"),
            ("limit", "100"),
        ]))
        .await
        .unwrap();
    assert_eq!(first.items.len(), 23 + 2 * pages);
    assert!(first.next_cursor.is_none());
    let moments: Vec<&str> = first.items.iter().map(|e| e.at.as_str()).collect();
    let mut sorted = moments.clone();
    sorted.sort_unstable_by(|a, b| b.cmp(a));
    assert_eq!(moments, sorted, "newest first");
}

#[tokio::test]
async fn a_full_last_page_ends_with_an_empty_one() {
    let app = spawn_app_with(true).await;
    let client = app.demo("coordinator@example.org").await;
    let coordinator = app.api(&client);
    let amal = participant_id(&app, "Amal").await;
    for _ in 0..4 {
        export(&app, &client, &amal).await;
    }
    let page = coordinator
        .audit(&query(&[("action", "participant.export"), ("limit", "4")]))
        .await
        .unwrap();
    assert_eq!(page.items.len(), 4);
    let cursor = page.next_cursor.expect("a full page has a next cursor");
    let next = coordinator
        .audit(&query(&[
            ("action", "participant.export"),
            ("limit", "4"),
            ("cursor", &cursor),
        ]))
        .await
        .unwrap();
    assert!(next.items.is_empty());
    assert!(next.next_cursor.is_none());
}

#[tokio::test]
async fn every_other_role_is_refused() {
    let app = spawn_app_with(true).await;
    for email in [
        "coach@example.org",
        "participant@example.org",
        "company@example.org",
        "municipality@example.org",
    ] {
        let api = app.signed_in(email).await;
        api.audit(&AuditQuery::default())
            .await
            .refused(ErrorKind::Forbidden);
    }
    app.anonymous()
        .audit(&AuditQuery::default())
        .await
        .refused(ErrorKind::Unauthenticated);
}

#[tokio::test]
async fn a_coordinator_sees_the_entries_of_their_region_only() {
    let app = spawn_app_with(true).await;
    let utrecht = app.signed_in("coordinator@example.org").await;
    let rotterdam = app.signed_in("coordinator.rotterdam@example.org").await;
    let amal = participant_id(&app, "Amal").await;
    let mehari = participant_id(&app, "Mehari").await;
    let rotterdam_id = user_id(&app, "coordinator.rotterdam@example.org").await;
    let utrecht_id = user_id(&app, "coordinator@example.org").await;
    update_level(&utrecht, &amal, DutchLevel::B1).await;
    update_level(&rotterdam, &mehari, DutchLevel::B1).await;

    let updates = |entries: Vec<AuditEntry>| -> Vec<String> {
        entries
            .into_iter()
            .filter(|e| e.action == "participant.update")
            .filter_map(|e| e.record_id)
            .collect()
    };
    let everything = all_pages(&utrecht, &AuditQuery::default()).await;
    assert!(
        everything
            .iter()
            .all(|e| e.actor_id.as_ref() != Some(&rotterdam_id)),
        "a Rotterdam account's entries"
    );
    assert_eq!(updates(everything), [amal.to_string()]);
    assert_eq!(
        updates(all_pages(&rotterdam, &AuditQuery::default()).await),
        [mehari.to_string()]
    );
    // Asking for the other region's record or person finds nothing.
    assert!(
        all_pages(
            &utrecht,
            &query(&[
                ("record_type", "participant"),
                ("record_id", mehari.as_str())
            ])
        )
        .await
        .is_empty()
    );
    assert!(
        all_pages(&utrecht, &query(&[("actor_id", rotterdam_id.as_str())]))
            .await
            .is_empty()
    );
    assert!(
        all_pages(&rotterdam, &query(&[("actor_id", utrecht_id.as_str())]))
            .await
            .is_empty()
    );
    // The coordinator's own logins are theirs.
    assert!(
        all_pages(
            &utrecht,
            &query(&[("actor_id", utrecht_id.as_str()), ("action", "login")])
        )
        .await
        .iter()
        .all(|e| e.outcome == AuditOutcome::Success)
    );
}

#[tokio::test]
async fn a_bad_query_is_refused_with_400_naming_the_parameter_and_changes_nothing() {
    let app = spawn_app_with(true).await;
    let coordinator = app.signed_in("coordinator@example.org").await;
    let rows = audit_rows(&app).await;
    let history = scalar(&app, "SELECT CAST(COUNT(*) AS TEXT) FROM record_history").await;
    for (pairs, field, code) in [
        (vec![("from", "2026-13-01")], "from", "invalid_format"),
        (vec![("to", "1 maart")], "to", "invalid_format"),
        (
            vec![("from", "2026-03-02"), ("to", "2026-03-01")],
            "to",
            "end_before_start",
        ),
        (
            vec![("action", "participant.delete")],
            "action",
            "unknown_action",
        ),
        (vec![("actor_id", "<script>")], "actor_id", "invalid_format"),
        (
            vec![("record_type", "password")],
            "record_type",
            "invalid_choice",
        ),
        (vec![("record_id", "abc")], "record_type", "required"),
        (vec![("limit", "0")], "limit", "out_of_range"),
        (vec![("limit", "101")], "limit", "out_of_range"),
        (vec![("limit", "many")], "limit", "out_of_range"),
        (vec![("cursor", "yesterday")], "cursor", "invalid_format"),
    ] {
        coordinator
            .audit(&query(&pairs))
            .await
            .refused_with(ErrorKind::BadRequest, field, code);
    }
    // Several at once: each one named.
    let refusal = coordinator
        .audit(&query(&[("limit", "1000"), ("action", "nothing")]))
        .await
        .refused(ErrorKind::BadRequest);
    assert_eq!(
        refusal.violations(),
        [("action", "unknown_action"), ("limit", "out_of_range")]
    );
    assert_eq!(audit_rows(&app).await, rows);
    assert_eq!(
        scalar(&app, "SELECT CAST(COUNT(*) AS TEXT) FROM record_history").await,
        history
    );
    // The largest page is allowed.
    coordinator
        .audit(&query(&[("limit", "100")]))
        .await
        .unwrap();
}
