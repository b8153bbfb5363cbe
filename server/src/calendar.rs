//! Calendar feeds as RFC 5545 iCalendar text: events in the programme's time zone
//! (Europe/Amsterdam, with its VTIMEZONE), CRLF line ends, long lines folded at 75 octets, text
//! escaped. Each event's UID names its record, so a changed date updates the event in place;
//! its SEQUENCE follows the record's version.

use chrono::{DateTime, Days, NaiveDate, NaiveTime, Utc};

/// The time zone of every timed event.
pub const TZID: &str = "Europe/Amsterdam";

/// How long an expert meeting or training for organisations lasts, in a feed, in minutes.
pub const EVENT_MINUTES: u32 = 120;

/// When an event takes place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum When {
    /// From a local time in [`TZID`], for a number of minutes.
    Timed {
        date: NaiveDate,
        start: NaiveTime,
        minutes: u32,
    },
    /// Whole days, both included.
    Days { first: NaiveDate, last: NaiveDate },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// Stable for the record: `<kind>-<record id>`; the feed's domain is appended.
    pub uid: String,
    pub summary: String,
    pub location: Option<String>,
    pub when: When,
    /// The record's version, less one: 0 for a record never changed.
    pub sequence: i64,
}

const VTIMEZONE: &[&str] = &[
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Amsterdam",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
];

/// The whole calendar: `name` is its display name, `now` the DTSTAMP of every event.
pub fn render(name: &str, events: &[Event], now: DateTime<Utc>) -> String {
    let stamp = now.format("%Y%m%dT%H%M%SZ").to_string();
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        "PRODID:-//VIP route//Calendar feed//NL".into(),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
        format!("X-WR-CALNAME:{}", escape(name)),
        format!("X-WR-TIMEZONE:{TZID}"),
    ];
    lines.extend(VTIMEZONE.iter().map(|l| (*l).to_owned()));
    for event in events {
        lines.push("BEGIN:VEVENT".into());
        lines.push(format!("UID:{}@vip-route", event.uid));
        lines.push(format!("DTSTAMP:{stamp}"));
        lines.push(format!("SEQUENCE:{}", event.sequence.max(0)));
        match &event.when {
            When::Timed {
                date,
                start,
                minutes,
            } => {
                let from = date.and_time(*start);
                let to = from + chrono::Duration::minutes(i64::from(*minutes));
                lines.push(format!(
                    "DTSTART;TZID={TZID}:{}",
                    from.format("%Y%m%dT%H%M%S")
                ));
                lines.push(format!("DTEND;TZID={TZID}:{}", to.format("%Y%m%dT%H%M%S")));
            }
            When::Days { first, last } => {
                let after = last.checked_add_days(Days::new(1)).unwrap_or(*last);
                lines.push(format!("DTSTART;VALUE=DATE:{}", first.format("%Y%m%d")));
                lines.push(format!("DTEND;VALUE=DATE:{}", after.format("%Y%m%d")));
            }
        }
        lines.push(format!("SUMMARY:{}", escape(&event.summary)));
        if let Some(location) = &event.location {
            lines.push(format!("LOCATION:{}", escape(location)));
        }
        lines.push("END:VEVENT".into());
    }
    lines.push("END:VCALENDAR".into());
    let mut text = String::new();
    for line in lines {
        fold(&mut text, &line);
    }
    text
}

/// TEXT as RFC 5545 escapes it: backslash, semicolon, comma and newlines.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends a content line, folded so that no line is longer than 75 octets (a continuation
/// starts with a space), never inside a UTF-8 character; ends it with CRLF.
fn fold(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

/// The time of a meeting, as stored (`HH:MM`).
pub fn start_time(text: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(text, "%H:%M").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_at_75_octets_and_never_split_a_character() {
        let mut out = String::new();
        let line = format!("SUMMARY:{}", "ب".repeat(80));
        fold(&mut out, &line);
        for part in out.split("\r\n").filter(|p| !p.is_empty()) {
            assert!(part.len() <= 75, "{} octets", part.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("{line}\r\n"));
    }

    #[test]
    fn text_escapes_its_separators() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }

    #[test]
    fn a_whole_day_event_ends_the_day_after_its_last() {
        let day = NaiveDate::from_ymd_opt(2026, 12, 31).unwrap();
        let event = Event {
            uid: "x-1".into(),
            summary: "Stage".into(),
            location: None,
            when: When::Days {
                first: day,
                last: day,
            },
            sequence: 0,
        };
        let text = render("t", &[event], Utc::now());
        assert!(text.contains("DTSTART;VALUE=DATE:20261231\r\n"));
        assert!(text.contains("DTEND;VALUE=DATE:20270101\r\n"));
    }
}

/// The words of a feed's event titles, in the interface language of the feed's account (Dutch
/// when it has none). Names and titles of records stay as they were written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Titles {
    /// A training meeting; `{n}` is its number.
    meeting: &'static str,
    visit: &'static str,
    /// An internship in the participant's own or a coach's feed; `{}` is the organisation.
    internship_at: &'static str,
    /// An internship in an organisation's feed.
    internship: &'static str,
    action: &'static str,
    /// An erased participant, instead of the word their name is overwritten with.
    erased: &'static str,
    /// An organisations' event: an expert meeting, a training for supervisors, a good practice
    /// session (the app's `event-kind-*` words).
    events: [&'static str; 3],
}

impl Titles {
    pub fn of(language: Option<shared::values::InterfaceLanguage>) -> Self {
        use shared::values::InterfaceLanguage::{
            Arabic, Dari, Dutch, English, Tigrinya, Ukrainian,
        };
        match language.unwrap_or(Dutch) {
            Dutch => Titles {
                meeting: "VIP-bijeenkomst {n}",
                visit: "Bedrijfsbezoek",
                internship_at: "Stage bij {}",
                internship: "Stage",
                action: "Actie",
                erased: "Deelnemer met gewiste gegevens",
                events: [
                    "Expertmeeting",
                    "Training voor stagebegeleiders",
                    "Bijeenkomst over goede voorbeelden",
                ],
            },
            English => Titles {
                meeting: "VIP meeting {n}",
                visit: "Company visit",
                internship_at: "Internship at {}",
                internship: "Internship",
                action: "Action",
                erased: "Erased participant",
                events: [
                    "Expert meeting",
                    "Training for supervisors",
                    "Good practice session",
                ],
            },
            Arabic => Titles {
                meeting: "لقاء VIP {n}",
                visit: "زيارة شركة",
                internship_at: "تدريب عملي لدى {}",
                internship: "تدريب عملي",
                action: "إجراء",
                erased: "مشارك (تم محو بياناته)",
                events: [
                    "لقاء خبراء",
                    "تدريب لمشرفي التدريب العملي",
                    "لقاء عن التجارب الجيدة",
                ],
            },
            Tigrinya => Titles {
                meeting: "ኣኼባ VIP {n}",
                visit: "ምብጻሕ ትካል",
                internship_at: "ልምምድ ስራሕ ኣብ {}",
                internship: "ልምምድ ስራሕ",
                action: "ተግባር",
                erased: "ተሳታፊ (ሓበሬታ ተደምሲሱ)",
                events: ["ኣኼባ ክኢላታት", "ስልጠና ንተቖጻጸርቲ", "ኣኼባ ብዛዕባ ጽቡቕ ኣብነታት"],
            },
            Dari => Titles {
                meeting: "جلسه VIP {n}",
                visit: "بازدید از شرکت",
                internship_at: "کارآموزی در {}",
                internship: "کارآموزی",
                action: "کار",
                erased: "اشتراک‌کننده (معلومات پاک شد)",
                events: [
                    "جلسه متخصصان",
                    "کورس آموزشی برای سرپرستان",
                    "جلسه درباره نمونه‌های خوب",
                ],
            },
            Ukrainian => Titles {
                meeting: "Зустріч VIP {n}",
                visit: "Візит до компанії",
                internship_at: "Стажування в {}",
                internship: "Стажування",
                action: "Дія",
                erased: "Учасник (дані стерто)",
                events: [
                    "Зустріч з експертами",
                    "Курс для керівників стажування",
                    "Зустріч про добрі приклади",
                ],
            },
        }
    }

    pub fn meeting(&self, number: i64) -> String {
        self.meeting.replace("{n}", &number.to_string())
    }

    pub fn visit(&self, what: &str) -> String {
        format!("{}: {what}", self.visit)
    }

    pub fn internship_at(&self, organisation: &str) -> String {
        self.internship_at.replace("{}", organisation)
    }

    pub fn internship_of(&self, who: &str) -> String {
        format!("{}: {}", self.internship, self.first_name(who))
    }

    pub fn action(&self, text: &str) -> String {
        format!("{}: {text}", self.action)
    }

    /// An organisations' event: its kind, then its title.
    pub fn event(&self, kind: shared::rules::events::EventKind, title: &str) -> String {
        use shared::rules::events::EventKind::{
            ExpertMeeting, GoodPracticeSession, SupervisorTraining,
        };
        let kind = match kind {
            ExpertMeeting => self.events[0],
            SupervisorTraining => self.events[1],
            GoodPracticeSession => self.events[2],
        };
        format!("{kind}: {title}")
    }

    /// A participant's first name, or the label of an erased participant.
    pub fn first_name<'a>(&self, first_name: &'a str) -> &'a str {
        if shared::rules::erasure::is_erased_first_name(first_name) {
            self.erased
        } else {
            first_name
        }
    }
}
