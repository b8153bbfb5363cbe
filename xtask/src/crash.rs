//! Crash safety, shown: client threads write through the API (contact-log entries, budget
//! requests against the cap, attendance, ticks in a plan) while the server is killed with SIGKILL
//! at a random moment; it is started again on the same database, which must then pass SQLite's
//! integrity check, hold every write that was acknowledged (a 2xx received), hold no change
//! without its audit entry nor an audit entry without its change (`routes::write` commits the two
//! in one transaction), and no budget past its cap. Repeated for `--cycles` (200) kills.
//!
//! The database is read directly (rusqlite, on the libsqlite3-sys the server links too): the
//! integrity check and the audit log are not in the API. The kill moments come from a seeded
//! generator; the seed is printed (`--seed` repeats the draws, the server's timing varies).

use std::{
    collections::{HashMap, HashSet},
    path::Path,
    sync::atomic::{AtomicBool, Ordering},
    time::{Duration, Instant, SystemTime, UNIX_EPOCH},
};

use rusqlite::{Connection, OptionalExtension, params};

use crate::{
    cargo,
    local_server::{SESSION_COOKIE, Server, exchange, password_login, string_after},
    root, run,
};

const COACH: &str = "coach@example.org";
const PARTICIPANT: &str = "participant@example.org";
/// How long the clients write before the kill, drawn between these (milliseconds).
const LOAD_MS: (u64, u64) = (50, 1000);
const DEFAULT_CYCLES: u32 = 200;

/// `cargo xtask crash [--cycles N] [--seed N]`: builds the debug server, then [`crash`].
pub fn command(args: &[String]) -> Result<(), String> {
    let mut cycles = DEFAULT_CYCLES;
    let mut seed = None;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut number = |name: &str| -> Result<u64, String> {
            args.next()
                .and_then(|n| n.parse().ok())
                .ok_or_else(|| format!("{name} takes a number"))
        };
        match arg.as_str() {
            "--cycles" => {
                cycles = u32::try_from(number("--cycles")?)
                    .ok()
                    .filter(|n| *n > 0)
                    .ok_or("--cycles takes a number from 1")?;
            }
            "--seed" => seed = Some(number("--seed")?),
            other => return Err(format!("crash: unknown option {other}")),
        }
    }
    run(cargo().args(["build", "--package", "server"]))?;
    crash(cycles, seed.unwrap_or_else(seed_from_clock))
}

/// A seed that differs from run to run.
pub fn seed_from_clock() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(1, |d| d.as_secs() ^ u64::from(d.subsec_nanos()))
}

/// Kills `target/debug/vip-server` `cycles` times under a write load and checks the database
/// after each restart; fails when a check fails or an acknowledged write is missing.
pub fn crash(cycles: u32, seed: u64) -> Result<(), String> {
    let started = Instant::now();
    eprintln!("\ncrash: {cycles} cycles, seed {seed} (repeat with --seed {seed})");
    let dir = root().join("target/crash");
    let database = dir.join("vip.sqlite");
    let mut rng = Rng(seed);
    let server = Server::start(&dir)?;
    let demo = Demo::find(&server, &database, cycles)?;
    let mut ledger = Ledger::default();
    let mut versions = demo.action_versions(&open(&database)?)?;
    let mut first = Some(server);
    for cycle in 1..=cycles {
        let server = match first.take() {
            Some(server) => server,
            None => {
                let server = Server::start_on(&dir)?;
                versions = check(&database, &demo, &ledger)
                    .map_err(|e| format!("after kill {}: {e}", cycle - 1))?;
                server
            }
        };
        let addr = server.addr.clone();
        let load = Duration::from_millis(rng.between(LOAD_MS.0, LOAD_MS.1));
        let stop = AtomicBool::new(false);
        let outcomes = std::thread::scope(|scope| {
            let clients: Vec<_> = demo
                .clients(cycle, &versions, rng.next())
                .into_iter()
                .map(|client| {
                    let (addr, stop) = (&addr, &stop);
                    scope.spawn(move || client.write_until(addr, stop))
                })
                .collect();
            std::thread::sleep(load);
            // Stopped first, so a request that fails from here on is one the kill broke.
            stop.store(true, Ordering::SeqCst);
            let killed = server.kill();
            let outcomes: Vec<Outcome> = clients
                .into_iter()
                .map(|c| c.join().unwrap_or_else(|_| Outcome::panicked()))
                .collect();
            killed.map(|()| outcomes)
        })?;
        let before = ledger.acknowledged();
        for outcome in outcomes {
            ledger.add(outcome);
        }
        if !ledger.unexpected.is_empty() {
            return Err(format!(
                "cycle {cycle}: unexpected answers (server log: {}):\n  {}",
                dir.join("server.log").display(),
                ledger.unexpected.join("\n  ")
            ));
        }
        eprintln!(
            "cycle {cycle}: killed after {} ms, {} writes acknowledged",
            load.as_millis(),
            ledger.acknowledged() - before
        );
    }
    let last = Server::start_on(&dir)?;
    check(&database, &demo, &ledger).map_err(|e| format!("after kill {cycles}: {e}"))?;
    drop(last);
    let used = budget_use(&open(&database)?, &demo)?;
    eprintln!(
        "\ncrash: {cycles} cycles (seed {seed}) in {:.0} s: {} writes acknowledged ({} contact-log \
         entries, {} budget requests, {} attendance records, {} plan ticks), 0 lost, none \
         half-written, integrity ok after every kill; {} budget requests refused at the cap \
         (budgets {used} used)",
        started.elapsed().as_secs_f64(),
        ledger.acknowledged(),
        ledger.contacts.len(),
        ledger.expenses.len(),
        ledger.attendance,
        ledger.ticks,
        ledger.refused,
    );
    Ok(())
}

/// The demo records the clients write to, and what the checks hold them against.
struct Demo {
    coach_cookie: String,
    participant_cookie: String,
    /// The coach's participants, in the coach's cohort.
    participants: Vec<String>,
    cohort: String,
    /// Meetings already held, whose attendance may be recorded.
    meetings: Vec<i64>,
    /// A date in the past, for contact-log entries.
    contact_date: String,
    /// An action of the participant's plan the participant ticks, and one the coach ticks.
    participant_action: String,
    coach_action: String,
    cap_cents: i64,
    /// The largest budget request: the budgets fill up towards the end of the run.
    max_request_cents: i64,
    /// What the demo holds before any write, for the audit comparisons.
    base: Base,
}

/// Counts that stay fixed while every change comes with its audit entry.
struct Base {
    /// Contact-log entries and budget requests of the demo itself, which have no audit entry.
    contacts_unaudited: i64,
    expenses_unaudited: i64,
    /// The sum of the attendance records' versions less their audit entries: each recording
    /// raises one version by one (or adds a record at version 1) and adds one entry.
    attendance: i64,
    /// The audit entries of recorded attendance.
    attendance_entries: i64,
    /// Per action, its version less its audit entries.
    actions: HashMap<String, i64>,
}

impl Demo {
    fn find(server: &Server, database: &Path, cycles: u32) -> Result<Demo, String> {
        let login = |email| -> Result<String, String> {
            let (cookie, second_factor) = password_login(&server.addr, email)?;
            if second_factor {
                return Err(format!("{email} asks for a second factor"));
            }
            Ok(cookie)
        };
        let coach_cookie = login(COACH)?;
        let participant_cookie = login(PARTICIPANT)?;
        let db = open(database)?;
        let cohort: String = one(
            &db,
            "SELECT p.cohort_id FROM participants p JOIN users u ON u.id = p.coach_id \
             WHERE u.email = ?1 AND p.cohort_id IS NOT NULL LIMIT 1",
            [COACH],
        )?;
        let participants: Vec<String> = column(
            &db,
            "SELECT p.id FROM participants p JOIN users u ON u.id = p.coach_id \
             WHERE u.email = ?1 AND p.cohort_id = ?2 ORDER BY p.id",
            params![COACH, cohort],
        )?;
        let meetings = column(
            &db,
            "SELECT number FROM meetings WHERE cohort_id = ?1 AND date < date('now') \
             ORDER BY number",
            [&cohort],
        )?;
        let contact_date = one(
            &db,
            "SELECT MIN(date) FROM meetings WHERE cohort_id = ?1",
            [&cohort],
        )?;
        let action = |owner: &str| {
            one::<String>(
                &db,
                "SELECT a.id FROM actions a JOIN goals g ON g.id = a.goal_id \
                 JOIN users u ON u.participant_id = g.participant_id \
                 WHERE u.email = ?1 AND a.owner = ?2 ORDER BY a.id LIMIT 1",
                [PARTICIPANT, owner],
            )
        };
        let participant_action = action("participant")?;
        let coach_action = action("coach")?;
        if participants.is_empty() || meetings.is_empty() {
            return Err("the demo has no participants of the coach or no meeting held".to_owned());
        }
        let cap_cents = cap(&server.addr, &coach_cookie, &participants[0])?;
        let mut demo = Demo {
            coach_cookie,
            participant_cookie,
            participants,
            cohort,
            meetings,
            contact_date,
            participant_action,
            coach_action,
            cap_cents,
            // Some 8 to 20 requests a cycle, of half this on average: the demo's three budgets
            // fill up in the second half of the run.
            max_request_cents: (cap_cents * 3 / (4 * i64::from(cycles))).max(1),
            base: Base {
                contacts_unaudited: 0,
                expenses_unaudited: 0,
                attendance: 0,
                attendance_entries: 0,
                actions: HashMap::new(),
            },
        };
        let audit = Audit::load(&db)?;
        demo.base = Base {
            contacts_unaudited: unaudited(&ids(&db, "contacts")?, &audit, "contact.create"),
            expenses_unaudited: unaudited(&ids(&db, "expenses")?, &audit, "expense.create"),
            attendance: demo.attendance_balance(&db, &audit)?,
            attendance_entries: demo.attendance_entries(&audit),
            actions: demo
                .action_ids()
                .into_iter()
                .map(|id| Ok((id.to_owned(), action_balance(&db, &audit, id)?)))
                .collect::<Result<_, String>>()?,
        };
        Ok(demo)
    }

    fn action_ids(&self) -> [&str; 2] {
        [&self.participant_action, &self.coach_action]
    }

    fn action_versions(&self, db: &Connection) -> Result<HashMap<String, i64>, String> {
        self.action_ids()
            .into_iter()
            .map(|id| {
                let version = one(db, "SELECT version FROM actions WHERE id = ?1", [id])?;
                Ok((id.to_owned(), version))
            })
            .collect()
    }

    /// Sum of the cohort's attendance versions less its audit entries of recorded attendance.
    fn attendance_balance(&self, db: &Connection, audit: &Audit) -> Result<i64, String> {
        let versions: i64 = one(
            db,
            "SELECT COALESCE(SUM(version), 0) FROM attendance WHERE cohort_id = ?1",
            [&self.cohort],
        )?;
        Ok(versions - self.attendance_entries(audit))
    }

    fn attendance_entries(&self, audit: &Audit) -> i64 {
        audit.count("attendance.record", &self.cohort)
    }

    /// This cycle's clients: two add contact-log entries, one requests budget, one records
    /// attendance, and the participant and the coach each tick an action of the plan.
    fn clients(&self, cycle: u32, versions: &HashMap<String, i64>, seed: u64) -> Vec<Client<'_>> {
        let version = |id: &str| versions.get(id).copied().unwrap_or(1);
        [
            Kind::Contact,
            Kind::Contact,
            Kind::Expense,
            Kind::Attendance,
            Kind::Tick {
                action: &self.participant_action,
                version: version(&self.participant_action),
            },
            Kind::Tick {
                action: &self.coach_action,
                version: version(&self.coach_action),
            },
        ]
        .into_iter()
        .enumerate()
        .map(|(i, kind)| Client {
            demo: self,
            kind,
            name: format!("{cycle}.{i}"),
            sent: String::new(),
            rng: Rng(seed ^ (i as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15)),
        })
        .collect()
    }
}

/// The cap of a participant's budget, as the API gives it.
fn cap(addr: &str, cookie: &str, participant: &str) -> Result<i64, String> {
    let with_cookie = format!("{SESSION_COOKIE}={cookie}");
    let path = format!("/api/v1/participants/{participant}/expenses");
    let (status, _, body) = exchange(addr, "GET", &path, &[("Cookie", &with_cookie)], "")?;
    let body = String::from_utf8_lossy(&body);
    let marker = "\"cap_cents\":";
    body.find(marker)
        .filter(|_| status == 200)
        .and_then(|at| number_at(&body[at + marker.len()..]))
        .ok_or_else(|| format!("GET {path} answered {status} without a cap"))
}

fn number_at(text: &str) -> Option<i64> {
    let end = text
        .find(|c: char| !c.is_ascii_digit() && c != '-')
        .unwrap_or(text.len());
    text[..end].parse().ok()
}

/// What the clients have been told was done, over all cycles.
#[derive(Default)]
struct Ledger {
    /// Ids of the contact-log entries created.
    contacts: Vec<String>,
    /// Descriptions (each unique) of the budget requests accepted.
    expenses: Vec<String>,
    attendance: u64,
    ticks: u64,
    /// Per action, the version the last acknowledged tick gave it.
    ticked: HashMap<String, i64>,
    refused: u64,
    unexpected: Vec<String>,
}

impl Ledger {
    fn acknowledged(&self) -> u64 {
        self.contacts.len() as u64 + self.expenses.len() as u64 + self.attendance + self.ticks
    }

    fn add(&mut self, outcome: Outcome) {
        for ack in outcome.acks {
            match ack {
                Ack::Contact(id) => self.contacts.push(id),
                Ack::Expense(description) => self.expenses.push(description),
                Ack::Attendance => self.attendance += 1,
                Ack::Tick(action, version) => {
                    self.ticks += 1;
                    let last = self.ticked.entry(action).or_default();
                    *last = (*last).max(version);
                }
            }
        }
        self.refused += outcome.refused;
        self.unexpected.extend(outcome.unexpected);
    }
}

/// The database after a restart, against the ledger; answers the actions' versions.
fn check(database: &Path, demo: &Demo, ledger: &Ledger) -> Result<HashMap<String, i64>, String> {
    let db = open(database)?;
    let integrity = column::<String>(&db, "PRAGMA integrity_check", [])?;
    if integrity != ["ok"] {
        return Err(format!("integrity check: {}", integrity.join("; ")));
    }
    let mut lost = Vec::new();
    let mut broken = Vec::new();
    let orphans: i64 = one(&db, "SELECT COUNT(*) FROM pragma_foreign_key_check", [])?;
    if orphans > 0 {
        broken.push(format!("{orphans} rows refer to missing rows"));
    }

    let audit = Audit::load(&db)?;
    let contacts = ids(&db, "contacts")?;
    let missing = ledger
        .contacts
        .iter()
        .filter(|id| !contacts.contains(*id))
        .count();
    if missing > 0 {
        lost.push(format!("{missing} contact-log entries"));
    }
    let descriptions: HashSet<String> = column(&db, "SELECT description FROM expenses", [])?
        .into_iter()
        .collect();
    let missing = ledger
        .expenses
        .iter()
        .filter(|d| !descriptions.contains(*d))
        .count();
    if missing > 0 {
        lost.push(format!("{missing} budget requests"));
    }
    let expenses = ids(&db, "expenses")?;
    for (table, rows, action, base) in [
        (
            "contacts",
            &contacts,
            "contact.create",
            demo.base.contacts_unaudited,
        ),
        (
            "expenses",
            &expenses,
            "expense.create",
            demo.base.expenses_unaudited,
        ),
    ] {
        let unaudited = unaudited(rows, &audit, action);
        if unaudited != base {
            broken.push(format!(
                "{} {table} rows without their audit entry",
                unaudited - base
            ));
        }
        let entries_alone = audit
            .records(action)
            .filter(|id| !rows.contains(*id))
            .count();
        if entries_alone > 0 {
            broken.push(format!(
                "{entries_alone} audit entries {action} without their row"
            ));
        }
    }
    for participant in &demo.participants {
        let committed: i64 = one(
            &db,
            "SELECT COALESCE(SUM(amount_cents), 0) FROM expenses \
             WHERE participant_id = ?1 AND status <> 'rejected'",
            [participant],
        )?;
        if committed > demo.cap_cents {
            broken.push(format!(
                "a budget holds {committed} cents against a cap of {}",
                demo.cap_cents
            ));
        }
    }

    if demo.attendance_balance(&db, &audit)? != demo.base.attendance {
        broken.push("attendance records and their audit entries differ".to_owned());
    }
    let recorded = demo.attendance_entries(&audit) - demo.base.attendance_entries;
    if i64::try_from(ledger.attendance).unwrap_or(i64::MAX) > recorded {
        lost.push(format!(
            "{} attendance records",
            i64::try_from(ledger.attendance).unwrap_or(i64::MAX) - recorded
        ));
    }
    let versions = demo.action_versions(&db)?;
    for id in demo.action_ids() {
        if action_balance(&db, &audit, id)? != demo.base.actions[id] {
            broken.push("an action's version and its audit entries differ".to_owned());
        }
        let acknowledged = ledger.ticked.get(id).copied().unwrap_or(0);
        if versions[id] < acknowledged {
            lost.push(format!(
                "{} ticks of an action",
                acknowledged - versions[id]
            ));
        }
    }
    if lost.is_empty() && broken.is_empty() {
        Ok(versions)
    } else {
        Err(format!(
            "writes acknowledged, then lost: {}; half-written: {}",
            if lost.is_empty() {
                "none".to_owned()
            } else {
                lost.join(", ")
            },
            if broken.is_empty() {
                "none".to_owned()
            } else {
                broken.join(", ")
            }
        ))
    }
}

/// The audit entries of the changes the clients make, counted by action and record. (Read whole:
/// the audit log has no index on the record, and a query per row would grow with the run.)
struct Audit(HashMap<(String, String), i64>);

impl Audit {
    fn load(db: &Connection) -> Result<Audit, String> {
        let sql = "SELECT action, record_id, COUNT(*) FROM audit_log \
                   WHERE action IN ('contact.create', 'expense.create', 'attendance.record', \
                   'action.update') AND record_id IS NOT NULL GROUP BY action, record_id";
        let mut statement = db.prepare(sql).map_err(|e| format!("{sql}: {e}"))?;
        statement
            .query_map([], |row| Ok(((row.get(0)?, row.get(1)?), row.get(2)?)))
            .and_then(Iterator::collect)
            .map(Audit)
            .map_err(|e| format!("{sql}: {e}"))
    }

    fn count(&self, action: &str, record: &str) -> i64 {
        self.0
            .get(&(action.to_owned(), record.to_owned()))
            .copied()
            .unwrap_or(0)
    }

    /// The records that have an entry of `action`.
    fn records<'a>(&'a self, action: &'a str) -> impl Iterator<Item = &'a String> {
        self.0
            .keys()
            .filter(move |(a, _)| a == action)
            .map(|(_, record)| record)
    }
}

/// The ids of a table's rows.
fn ids(db: &Connection, table: &str) -> Result<HashSet<String>, String> {
    Ok(column(db, &format!("SELECT id FROM {table}"), [])?
        .into_iter()
        .collect())
}

/// Rows without their `action` audit entry.
fn unaudited(rows: &HashSet<String>, audit: &Audit, action: &str) -> i64 {
    let alone = rows
        .iter()
        .filter(|id| audit.count(action, id) == 0)
        .count();
    i64::try_from(alone).unwrap_or(i64::MAX)
}

/// An action's version less its audit entries of updates.
fn action_balance(db: &Connection, audit: &Audit, id: &str) -> Result<i64, String> {
    let version: i64 = one(db, "SELECT version FROM actions WHERE id = ?1", [id])?;
    Ok(version - audit.count("action.update", id))
}

/// What the budgets hold: `used of cap` per participant.
fn budget_use(db: &Connection, demo: &Demo) -> Result<String, String> {
    let mut used = Vec::new();
    for participant in &demo.participants {
        let committed: i64 = one(
            db,
            "SELECT COALESCE(SUM(amount_cents), 0) FROM expenses \
             WHERE participant_id = ?1 AND status <> 'rejected'",
            [participant],
        )?;
        used.push(format!("{committed}/{}", demo.cap_cents));
    }
    Ok(used.join(", "))
}

fn open(database: &Path) -> Result<Connection, String> {
    let db = Connection::open(database).map_err(|e| format!("{}: {e}", database.display()))?;
    db.busy_timeout(Duration::from_secs(10))
        .map_err(|e| format!("{}: {e}", database.display()))?;
    Ok(db)
}

fn one<T: rusqlite::types::FromSql>(
    db: &Connection,
    sql: &str,
    params: impl rusqlite::Params,
) -> Result<T, String> {
    db.query_row(sql, params, |row| row.get(0))
        .optional()
        .map_err(|e| format!("{sql}: {e}"))?
        .ok_or_else(|| format!("{sql}: no row"))
}

fn column<T: rusqlite::types::FromSql>(
    db: &Connection,
    sql: &str,
    params: impl rusqlite::Params,
) -> Result<Vec<T>, String> {
    let mut statement = db.prepare(sql).map_err(|e| format!("{sql}: {e}"))?;
    statement
        .query_map(params, |row| row.get(0))
        .and_then(Iterator::collect)
        .map_err(|e| format!("{sql}: {e}"))
}

enum Kind<'a> {
    Contact,
    Expense,
    Attendance,
    Tick { action: &'a str, version: i64 },
}

/// One client thread of a cycle.
struct Client<'a> {
    demo: &'a Demo,
    kind: Kind<'a>,
    /// Unique per cycle and client, for the budget requests' descriptions.
    name: String,
    /// The description of the budget request last sent.
    sent: String,
    rng: Rng,
}

enum Ack {
    Contact(String),
    Expense(String),
    Attendance,
    Tick(String, i64),
}

#[derive(Default)]
struct Outcome {
    acks: Vec<Ack>,
    refused: u64,
    unexpected: Vec<String>,
}

impl Outcome {
    fn panicked() -> Outcome {
        Outcome {
            unexpected: vec!["a client thread panicked".to_owned()],
            ..Outcome::default()
        }
    }
}

impl Client<'_> {
    /// Writes one request after the other until `stop`; each answered 2xx is acknowledged.
    fn write_until(mut self, addr: &str, stop: &AtomicBool) -> Outcome {
        let mut outcome = Outcome::default();
        let origin = format!("http://{addr}");
        let coach = format!("{SESSION_COOKIE}={}", self.demo.coach_cookie);
        let participant = format!("{SESSION_COOKIE}={}", self.demo.participant_cookie);
        let mut n = 0u64;
        while !stop.load(Ordering::SeqCst) {
            n += 1;
            let (method, path, body, as_participant) = self.next_request(n);
            let cookie = if as_participant { &participant } else { &coach };
            let headers = [
                ("Origin", origin.as_str()),
                ("Content-Type", "application/json"),
                ("Cookie", cookie.as_str()),
            ];
            let answer = exchange(addr, method, &path, &headers, &body);
            let (status, body) = match answer {
                Ok((status, _, body)) => (status, String::from_utf8_lossy(&body).into_owned()),
                // The kill broke the request: not acknowledged, and the last of this client.
                Err(_) if stop.load(Ordering::SeqCst) => break,
                Err(err) => {
                    outcome.unexpected.push(err);
                    break;
                }
            };
            match (status, &self.kind) {
                (200..=299, _) => match self.acknowledge(&body) {
                    Some(ack) => outcome.acks.push(ack),
                    None => outcome.unexpected.push(format!(
                        "{method} {path}: {status} without the expected body"
                    )),
                },
                (409, Kind::Expense) if body.contains("budget_exceeded") => outcome.refused += 1,
                _ => {
                    let excerpt: String = body.chars().take(300).collect();
                    outcome
                        .unexpected
                        .push(format!("{method} {path}: {status} {excerpt}"));
                    break;
                }
            }
        }
        outcome
    }

    /// Method, path, body, and whether the participant sends it (else the coach).
    fn next_request(&mut self, n: u64) -> (&'static str, String, String, bool) {
        let demo = self.demo;
        let participant = &demo.participants[self.rng.below(demo.participants.len())];
        match &mut self.kind {
            Kind::Contact => (
                "POST",
                format!("/api/v1/participants/{participant}/contacts"),
                format!(
                    r#"{{"date":"{}","kind":"call","minutes":{},"note":"Gebeld over de stage.","summary":"Gebeld."}}"#,
                    demo.contact_date,
                    1 + self.rng.below(60)
                ),
                false,
            ),
            Kind::Expense => {
                let cents = 1 + self
                    .rng
                    .below(usize::try_from(demo.max_request_cents).unwrap_or(1));
                self.sent = format!("Cursus {}.{n}", self.name);
                (
                    "POST",
                    format!("/api/v1/participants/{participant}/expenses"),
                    format!(
                        r#"{{"category":"course","amount_cents":{cents},"description":"{}"}}"#,
                        self.sent
                    ),
                    false,
                )
            }
            Kind::Attendance => {
                let meeting = demo.meetings[self.rng.below(demo.meetings.len())];
                let status = ["present", "absent", "excused", "made_up"][self.rng.below(4)];
                (
                    "PUT",
                    format!(
                        "/api/v1/cohorts/{}/meetings/{meeting}/attendance",
                        demo.cohort
                    ),
                    format!(r#"[{{"participant_id":"{participant}","status":"{status}"}}]"#),
                    false,
                )
            }
            Kind::Tick { action, version } => (
                "PATCH",
                format!("/api/v1/actions/{action}"),
                format!(r#"{{"done":{},"version":{version}}}"#, n % 2 == 1),
                *action == demo.participant_action,
            ),
        }
    }

    /// What an answered request acknowledges, from its body.
    fn acknowledge(&mut self, body: &str) -> Option<Ack> {
        match &mut self.kind {
            Kind::Contact => string_after(body, "\"id\":\"").map(Ack::Contact),
            // The answer lists the budget's requests, the one just sent among them.
            Kind::Expense => body
                .contains(&format!("\"description\":\"{}\"", self.sent))
                .then(|| Ack::Expense(self.sent.clone())),
            Kind::Attendance => Some(Ack::Attendance),
            Kind::Tick { action, version } => {
                let marker = "\"version\":";
                let at = body.find(marker)? + marker.len();
                *version = number_at(&body[at..])?;
                Some(Ack::Tick((*action).to_owned(), *version))
            }
        }
    }
}

/// splitmix64: small, fast, and the same draws for the same seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// In `low..=high`.
    fn between(&mut self, low: u64, high: u64) -> u64 {
        low + self.next() % (high - low + 1)
    }

    /// In `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n.max(1) as u64).unwrap_or(0)
    }
}
