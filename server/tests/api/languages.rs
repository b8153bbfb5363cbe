//! The language of an account's interface: stored on the account, so it follows the person to
//! every browser.

use reqwest::Method;
use serde_json::json;
use shared::{
    api::{ErrorKind, InterfaceLanguageInput, paths},
    values::InterfaceLanguage,
};

use crate::{
    client::Refused,
    helpers::{municipality_id, new_participant, spawn_app_with},
};

const PARTICIPANT: &str = "participant@example.org";

#[tokio::test]
async fn the_language_chosen_in_one_browser_returns_after_logging_in_from_another() {
    let app = spawn_app_with(true).await;
    let phone = app.signed_in(PARTICIPANT).await;
    let before = phone.me().await.expect("who is signed in");
    assert_eq!(before.interface_language, None, "not chosen yet");

    let set = phone
        .set_interface_language(&InterfaceLanguageInput {
            language: InterfaceLanguage::Tigrinya,
        })
        .await
        .expect("the language is stored");
    assert_eq!(set.interface_language, Some(InterfaceLanguage::Tigrinya));
    assert_eq!(set.user_id, before.user_id);

    let library_pc = app.signed_in(PARTICIPANT).await;
    let me = library_pc.me().await.expect("who is signed in");
    assert_eq!(me.interface_language, Some(InterfaceLanguage::Tigrinya));

    // Changed there, it is changed here too.
    library_pc
        .set_interface_language(&InterfaceLanguageInput {
            language: InterfaceLanguage::Dari,
        })
        .await
        .expect("the language is stored");
    let here = phone.me().await.expect("who is signed in");
    assert_eq!(here.interface_language, Some(InterfaceLanguage::Dari));

    let tag: Option<String> =
        sqlx::query_scalar("SELECT interface_language FROM users WHERE email = ?")
            .bind(PARTICIPANT)
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(tag.as_deref(), Some("fa-AF"));
    let audited: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'user.interface_language'",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(audited, 2, "each change has its audit entry");
}

#[tokio::test]
async fn the_login_answer_carries_the_stored_language() {
    let app = spawn_app_with(true).await;
    let coach = app.signed_in("coach@example.org").await;
    coach
        .set_interface_language(&InterfaceLanguageInput {
            language: InterfaceLanguage::Ukrainian,
        })
        .await
        .expect("the language is stored");
    let answer: serde_json::Value = app
        .browser()
        .post(app.url("/api/v1/auth/login"))
        .json(&json!({"email": "coach@example.org", "password": crate::helpers::DEMO_PASSWORD}))
        .send()
        .await
        .expect("the server answers")
        .json()
        .await
        .expect("a JSON body");
    assert_eq!(answer["status"], "signed_in");
    assert_eq!(answer["interface_language"], "uk");
}

#[tokio::test]
async fn a_language_the_app_does_not_speak_is_refused_and_nothing_changes() {
    let app = spawn_app_with(true).await;
    let api = app.signed_in(PARTICIPANT).await;
    api.set_interface_language(&InterfaceLanguageInput {
        language: InterfaceLanguage::Arabic,
    })
    .await
    .expect("the language is stored");
    api.send::<serde_json::Value>(
        Method::PUT,
        paths::ME_LANGUAGE,
        Some(&json!({"language": "de"})),
    )
    .await
    .refused_with(ErrorKind::Validation, "language", "invalid_choice");
    for body in [
        json!({"language": "fa"}),
        json!({"language": ""}),
        json!({"language": 7}),
    ] {
        api.send::<serde_json::Value>(Method::PUT, paths::ME_LANGUAGE, Some(&body))
            .await
            .refused(ErrorKind::Validation);
    }
    api.send::<serde_json::Value>(Method::PUT, paths::ME_LANGUAGE, Some(&json!({})))
        .await
        .refused(ErrorKind::Validation);
    let me = api.me().await.expect("who is signed in");
    assert_eq!(me.interface_language, Some(InterfaceLanguage::Arabic));
}

#[tokio::test]
async fn without_a_session_the_language_cannot_be_set() {
    let app = spawn_app_with(true).await;
    app.anonymous()
        .set_interface_language(&InterfaceLanguageInput {
            language: InterfaceLanguage::Dutch,
        })
        .await
        .refused(ErrorKind::Unauthenticated);
    let stored: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE interface_language IS NOT NULL")
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(stored, 0);
}

#[tokio::test]
async fn spoken_languages_are_stored_as_bcp_47_tags_and_a_longer_code_is_refused() {
    let app = spawn_app_with(true).await;
    let coordinator = app.signed_in("coordinator@example.org").await;
    let utrecht = municipality_id(&app, "GM0344").await;
    let mut intake = new_participant(&utrecht, None, None, "farid@example.org");
    intake.languages = vec![
        "PRS".into(),
        "kmr".into(),
        "ckb".into(),
        "ti".into(),
        "nl".into(),
    ];
    let created = coordinator
        .create_participant(&intake)
        .await
        .expect("the intake is stored");
    let tags: Vec<&str> = created.languages.iter().map(|l| l.as_str()).collect();
    assert_eq!(tags, ["prs", "kmr", "ckb", "ti", "nl"]);
    let read = coordinator
        .participant(&created.id)
        .await
        .expect("the participant");
    assert_eq!(read.languages, created.languages);

    // Arabic is `ar`, Tigrinya `ti`: their three-letter codes are refused, and nothing is stored.
    let mut longer = new_participant(&utrecht, None, None, "amal@example.org");
    longer.languages = vec!["ar".into(), "tir".into()];
    coordinator.create_participant(&longer).await.refused_with(
        ErrorKind::Validation,
        "languages.1",
        "invalid_format",
    );
    let stored: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM participants WHERE email = 'amal@example.org'")
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(stored, 0);
}
