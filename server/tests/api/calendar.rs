//! Personal calendar feeds: made and shown once, read without a session, parsed by an RFC 5545
//! parser; a changed meeting keeps its UID; a revoked or replaced link answers 404.

use chrono::{Days, NaiveDate, NaiveTime};
use icalendar::{Calendar, CalendarComponent, CalendarDateTime, Component, DatePerhapsTime};
use reqwest::{Method, StatusCode};
use shared::{
    api::{
        CalendarFeedCreated, CalendarFeedStatus, ErrorKind, EventInput, InterfaceLanguageInput,
        ScheduleMeetingInput, paths,
    },
    rules::events::EventKind,
    values::InterfaceLanguage,
};

use crate::{
    client::{Api, Refused},
    events::expert_meeting,
    helpers::{
        PUBLIC_URL, TestApp, cohort_id, complete_training, internship, municipality_id,
        organisation_id, participant_id, scalar, spawn_app_with, today,
    },
};

impl Api {
    /// `POST /calendar-feed`.
    pub async fn create_feed(&self) -> crate::client::Answer<CalendarFeedCreated> {
        self.create(paths::CALENDAR_FEED, &serde_json::json!({}))
            .await
    }

    /// `GET /calendar-feed`.
    pub async fn feed_status(&self) -> crate::client::Answer<CalendarFeedStatus> {
        self.get(paths::CALENDAR_FEED).await
    }

    /// `DELETE /calendar-feed`: answers the status.
    pub async fn revoke_feed(&self) -> StatusCode {
        self.raw(Method::DELETE, paths::CALENDAR_FEED).await
    }
}

/// The feed behind a link, read without a session: the status, and the parsed calendar.
async fn read(app: &TestApp, feed: &CalendarFeedCreated) -> (StatusCode, Option<Calendar>) {
    let path = feed
        .url
        .strip_prefix(PUBLIC_URL)
        .expect("a link of this server");
    let response = app.get(path).await;
    let status = response.status();
    if status != StatusCode::OK {
        return (status, None);
    }
    assert_eq!(
        response.headers()[reqwest::header::CONTENT_TYPE],
        "text/calendar; charset=utf-8"
    );
    let text = response.text().await.unwrap();
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n"), "{text}");
    assert!(
        text.split("\r\n").all(|line| line.len() <= 75),
        "every line folded at 75 octets"
    );
    // The parser reads it strictly first, then as a calendar.
    icalendar::parser::read_calendar(&icalendar::parser::unfold(&text))
        .unwrap_or_else(|e| panic!("not RFC 5545: {e}\n{text}"));
    (status, Some(text.parse::<Calendar>().unwrap()))
}

/// Each event as (UID, summary, start, sequence).
fn events(calendar: &Calendar) -> Vec<(String, String, DatePerhapsTime, u32)> {
    calendar
        .components
        .iter()
        .filter_map(CalendarComponent::as_event)
        .map(|e| {
            (
                e.get_uid().unwrap().to_owned(),
                e.get_summary().unwrap_or_default().to_owned(),
                e.get_start().expect("a start"),
                e.get_sequence().unwrap_or(0),
            )
        })
        .collect()
}

fn amsterdam(date: NaiveDate, time: &str) -> DatePerhapsTime {
    DatePerhapsTime::DateTime(CalendarDateTime::WithTimezone {
        date_time: date.and_time(NaiveTime::parse_from_str(time, "%H:%M").unwrap()),
        tzid: "Europe/Amsterdam".into(),
    })
}

#[tokio::test]
async fn a_participant_subscribes_and_a_moved_meeting_keeps_its_uid() {
    let app = spawn_app_with(true).await;
    let me = app.signed_in("participant@example.org").await;
    let feed = me.create_feed().await.unwrap();
    assert!(
        feed.webcal_url
            .starts_with("webcal://vip.example.org/api/v1/calendar?token="),
        "{}",
        feed.webcal_url
    );

    let (status, calendar) = read(&app, &feed).await;
    assert_eq!(status, StatusCode::OK);
    let calendar = calendar.unwrap();
    let cohort = cohort_id(&app, "Utrecht voorjaar").await;
    let uid = format!("meeting-{cohort}-8@vip-route");
    let seen = events(&calendar);
    let meetings: Vec<_> = seen
        .iter()
        .filter(|e| e.0.starts_with("meeting-"))
        .collect();
    assert_eq!(meetings.len(), 8, "{seen:?}");
    let eighth = seen.iter().find(|e| e.0 == uid).expect("meeting 8");
    let first_date = today() - Days::new(21) + Days::new(7 * 7);
    assert_eq!(eighth.2, amsterdam(first_date, "13:30"));
    assert_eq!(eighth.3, 0);
    let action = seen
        .iter()
        .find(|e| e.1 == "Actie: Cv maken met de coach")
        .expect("her own action's due date");
    assert_eq!(action.2, DatePerhapsTime::Date(today() + Days::new(7)));
    assert!(
        !seen.iter().any(|e| e.1.contains("Zorgbedrijven zoeken")),
        "the coach's action is not in her feed"
    );

    // The coordinator moves meeting 8: the same event, a new date and sequence.
    let coordinator = app.signed_in("coordinator@example.org").await;
    let moved = today() + Days::new(30);
    coordinator
        .schedule_meeting(
            &cohort,
            8,
            &ScheduleMeetingInput {
                date: Some(moved),
                start_time: "10:00".into(),
                place: "Wijkcentrum Oost, zaal 2".into(),
                duration_minutes: None,
                version: Some(1),
            },
        )
        .await
        .unwrap();
    let (_, calendar) = read(&app, &feed).await;
    let seen = events(&calendar.unwrap());
    let eighth: Vec<_> = seen.iter().filter(|e| e.0 == uid).collect();
    assert_eq!(eighth.len(), 1, "updated in place");
    assert_eq!(eighth[0].2, amsterdam(moved, "10:00"));
    assert_eq!(eighth[0].3, 1);

    // A new link replaces the old one; a revoked one is not found.
    let second = me.create_feed().await.unwrap();
    assert_ne!(second.url, feed.url);
    assert_eq!(read(&app, &feed).await.0, StatusCode::NOT_FOUND);
    assert_eq!(read(&app, &second).await.0, StatusCode::OK);
    assert_eq!(me.revoke_feed().await, StatusCode::NO_CONTENT);
    assert_eq!(read(&app, &second).await.0, StatusCode::NOT_FOUND);
    let stored: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM calendar_feeds WHERE token_hash LIKE '%' || $1 || '%'",
    )
    .bind(second.url.rsplit('=').next().unwrap())
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(stored, 0, "only the hash of a token is stored");
    assert_eq!(
        app.get("/api/v1/calendar?token=").await.status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn a_coach_sees_their_participants_and_a_company_its_internships() {
    let app = spawn_app_with(true).await;
    let amal = participant_id(&app, "Amal").await;
    let bakery = organisation_id(&app, "Bakkerij De Korenbloem").await;
    let coach = app.signed_in("coach@example.org").await;
    complete_training(&app, &amal).await;
    let planned = coach
        .plan_internship(&amal, &internship(&bakery, today() + Days::new(7), 56, 24))
        .await
        .unwrap();

    let feed = coach.create_feed().await.unwrap();
    let (_, calendar) = read(&app, &feed).await;
    let seen = events(&calendar.unwrap());
    let summaries: Vec<&str> = seen.iter().map(|e| e.1.as_str()).collect();
    assert!(
        summaries.contains(&"Amal: Actie: Cv maken met de coach"),
        "{summaries:?}"
    );
    assert!(
        summaries.contains(&"Amal: Stage bij Bakkerij De Korenbloem"),
        "{summaries:?}"
    );
    let internship_uid = format!("internship-{}@vip-route", planned.id);
    let stage = seen.iter().find(|e| e.0 == internship_uid).unwrap();
    assert_eq!(stage.2, DatePerhapsTime::Date(today() + Days::new(7)));

    let company = app.signed_in("company@example.org").await;
    let feed = company.create_feed().await.unwrap();
    let (_, calendar) = read(&app, &feed).await;
    let seen = events(&calendar.unwrap());
    assert!(seen.iter().any(|e| e.0 == internship_uid), "{seen:?}");
    assert!(
        !seen.iter().any(|e| e.0.starts_with("meeting-")),
        "no training meetings for a company"
    );

    app.signed_in("municipality@example.org")
        .await
        .create_feed()
        .await
        .refused(ErrorKind::Forbidden);
}

#[tokio::test]
async fn a_company_contacts_feed_holds_the_events_it_hosts_or_registered_for() {
    let app = spawn_app_with(true).await;
    let coordinator = app.signed_in("coordinator@example.org").await;
    let company = app.signed_in("company@example.org").await;
    let utrecht = municipality_id(&app, "GM0344").await;
    let registered = coordinator
        .create_event(&EventInput {
            title: "Taal op de werkvloer".into(),
            ..expert_meeting(&[&utrecht], 10)
        })
        .await
        .unwrap();
    let other = coordinator
        .create_event(&EventInput {
            title: "Een bijeenkomst zonder ons".into(),
            ..expert_meeting(&[&utrecht], 10)
        })
        .await
        .unwrap();
    let hosted = company
        .create_event(&EventInput {
            kind: Some(EventKind::GoodPracticeSession),
            title: "Goed voorbeeld: inwerken".into(),
            start_time: "10:00".into(),
            ..expert_meeting(&[&utrecht], 10)
        })
        .await
        .unwrap();
    company
        .register_for_event(&registered.id, "Henk de Bakker", "Stagebegeleider")
        .await
        .unwrap();

    let feed = company.create_feed().await.unwrap();
    let (_, calendar) = read(&app, &feed).await;
    let seen = events(&calendar.unwrap());
    let day = today() + Days::new(14);
    let meeting = seen
        .iter()
        .find(|e| e.0 == format!("event-{}@vip-route", registered.id))
        .unwrap_or_else(|| panic!("the meeting registered for: {seen:?}"));
    assert_eq!(meeting.1, "Expertmeeting: Taal op de werkvloer");
    assert_eq!(meeting.2, amsterdam(day, "15:30"));
    let session = seen
        .iter()
        .find(|e| e.0 == format!("event-{}@vip-route", hosted.id))
        .unwrap_or_else(|| panic!("the session hosted: {seen:?}"));
    assert_eq!(
        session.1,
        "Bijeenkomst over goede voorbeelden: Goed voorbeeld: inwerken"
    );
    assert_eq!(session.2, amsterdam(day, "10:00"));
    assert!(
        !seen.iter().any(|e| e.0.contains(other.id.as_str())),
        "not an event the organisation neither hosts nor registered for: {seen:?}"
    );

    // A cancelled registration takes the event out of the feed.
    let id = company.event(&registered.id).await.unwrap().registrations[0]
        .id
        .clone();
    company.cancel_event_registration(&id).await.unwrap();
    let (_, calendar) = read(&app, &feed).await;
    let seen = events(&calendar.unwrap());
    assert!(
        !seen.iter().any(|e| e.0.contains(registered.id.as_str())),
        "{seen:?}"
    );
}

#[tokio::test]
async fn an_account_reads_whether_it_has_a_link_and_since_when_but_never_the_token() {
    let app = spawn_app_with(true).await;
    let me = app.signed_in("participant@example.org").await;
    let none = CalendarFeedStatus {
        active: false,
        created_at: None,
    };
    assert_eq!(me.feed_status().await.unwrap(), none);

    let feed = me.create_feed().await.unwrap();
    let audited = scalar(&app, "SELECT CAST(COUNT(*) AS TEXT) FROM audit_log").await;
    let status = me.feed_status().await.unwrap();
    assert!(status.active);
    let since = status.created_at.expect("since when");
    assert!(
        chrono::DateTime::parse_from_rfc3339(&since).is_ok(),
        "{since}"
    );
    let token = feed.url.rsplit('=').next().unwrap();
    let answered = me.text(paths::CALENDAR_FEED).await;
    assert!(!answered.contains(token), "{answered}");
    assert_eq!(
        scalar(&app, "SELECT CAST(COUNT(*) AS TEXT) FROM audit_log").await,
        audited,
        "a read writes nothing"
    );

    // A new link is newer; after a revocation there is none.
    let second = me.create_feed().await.unwrap();
    assert_ne!(second.url, feed.url);
    assert!(me.feed_status().await.unwrap().active);
    assert_eq!(me.revoke_feed().await, StatusCode::NO_CONTENT);
    assert_eq!(me.feed_status().await.unwrap(), none);

    // Another account's link is not this one's; a role without feeds is refused.
    app.signed_in("coach@example.org")
        .await
        .create_feed()
        .await
        .unwrap();
    assert_eq!(me.feed_status().await.unwrap(), none);
    app.signed_in("municipality@example.org")
        .await
        .feed_status()
        .await
        .refused(ErrorKind::Forbidden);
}

#[tokio::test]
async fn the_titles_are_in_the_language_of_the_feeds_account() {
    let app = spawn_app_with(true).await;
    let me = app.signed_in("participant@example.org").await;
    me.set_interface_language(&InterfaceLanguageInput {
        language: InterfaceLanguage::Arabic,
    })
    .await
    .unwrap();
    let feed = me.create_feed().await.unwrap();
    let (_, calendar) = read(&app, &feed).await;
    let seen = events(&calendar.unwrap());
    let summaries: Vec<&str> = seen.iter().map(|e| e.1.as_str()).collect();
    assert!(summaries.contains(&"لقاء VIP 1"), "{summaries:?}");
    assert!(
        summaries.contains(&"إجراء: Cv maken met de coach"),
        "{summaries:?}"
    );
    assert!(
        !summaries
            .iter()
            .any(|s| s.contains("VIP-bijeenkomst") || s.starts_with("Actie")),
        "{summaries:?}"
    );

    // A coach's feed in English names the erased participant by one label.
    let amal = participant_id(&app, "Amal").await;
    let coach = app.signed_in("coach@example.org").await;
    coach
        .set_interface_language(&InterfaceLanguageInput {
            language: InterfaceLanguage::English,
        })
        .await
        .unwrap();
    let feed = coach.create_feed().await.unwrap();
    app.signed_in("coordinator@example.org")
        .await
        .erase(&amal, "Amal Haddad")
        .await
        .unwrap();
    let (_, calendar) = read(&app, &feed).await;
    let summaries: Vec<String> = events(&calendar.unwrap())
        .into_iter()
        .map(|e| e.1)
        .collect();
    assert!(
        summaries
            .iter()
            .any(|s| s.starts_with("Erased participant: Action:")),
        "{summaries:?}"
    );
    assert!(
        !summaries.iter().any(|s| s.contains("Gewist")),
        "{summaries:?}"
    );
}

#[tokio::test]
async fn a_meeting_ends_after_its_own_duration_or_the_municipality_s_setting() {
    let app = spawn_app_with(true).await;
    let me = app.signed_in("participant@example.org").await;
    let feed = me.create_feed().await.unwrap();
    let cohort = cohort_id(&app, "Utrecht voorjaar").await;
    let coordinator = app.signed_in("coordinator@example.org").await;
    let moved = today() + Days::new(30);
    coordinator
        .schedule_meeting(
            &cohort,
            8,
            &ScheduleMeetingInput {
                date: Some(moved),
                start_time: "10:00".into(),
                place: "Wijkcentrum Oost, zaal 2".into(),
                duration_minutes: Some(90),
                version: Some(1),
            },
        )
        .await
        .unwrap();

    let (_, calendar) = read(&app, &feed).await;
    let calendar = calendar.unwrap();
    let span = |number: u8| {
        let uid = format!("meeting-{cohort}-{number}@vip-route");
        let event = calendar
            .components
            .iter()
            .filter_map(CalendarComponent::as_event)
            .find(|e| e.get_uid() == Some(uid.as_str()))
            .unwrap_or_else(|| panic!("meeting {number} in the feed"));
        let at = |when: DatePerhapsTime| {
            let DatePerhapsTime::DateTime(CalendarDateTime::WithTimezone { date_time, tzid }) =
                when
            else {
                panic!("a local time in Amsterdam: {when:?}");
            };
            assert_eq!(tzid, "Europe/Amsterdam");
            date_time
        };
        let (start, end) = (
            at(event.get_start().unwrap()),
            at(event.get_end().expect("an end")),
        );
        (end - start).num_minutes()
    };
    assert_eq!(span(8), 90, "its own duration");
    assert_eq!(span(1), 150, "no setting: 2 h 30");
}
