//! The API against its OpenAPI document: the document validates as OpenAPI 3.1
//! (`openapi-spec-validator`), and schemathesis fuzzes the real server binary with a coordinator's
//! and with a participant's session, checking that no request answers 5xx, that every status is
//! one the document lists and that every answer matches its documented schema.
//!
//! Both tools come from PyPI at pinned versions, into a virtual environment under `target/`
//! (made once, reused while the versions match). A fixed seed and a bounded number of examples
//! per operation keep the run reproducible and to a few minutes.

use std::{
    path::{Path, PathBuf},
    process::Command,
    time::Instant,
};

use crate::{
    local_server::{
        SESSION_COOKIE, Server, check_session, exchange, password_login, session_cookie,
        string_after,
    },
    root, run,
};

const SCHEMATHESIS: &str = "schemathesis==4.32.5";
const SPEC_VALIDATOR: &str = "openapi-spec-validator==0.9.0";
/// The same cases every run.
const SEED: &str = "20261130";
/// Test cases per operation and phase (the coverage phase adds its own boundary cases).
const MAX_EXAMPLES: &str = "20";
const CHECKS: &str = "not_a_server_error,status_code_conformance,response_schema_conformance";
/// The demo accounts the API is fuzzed as (README).
const ACCOUNTS: [&str; 2] = ["coordinator@example.org", "participant@example.org"];

pub fn run_all() -> Result<(), String> {
    let started = Instant::now();
    let venv = virtual_env()?;
    let work = root().join("target/fuzz-api");
    std::fs::create_dir_all(&work).map_err(|e| format!("{}: {e}", work.display()))?;

    let server = Server::start(&work.join("validate"))?;
    let document = work.join("openapi.json");
    let (status, _, body) = exchange(&server.addr, "GET", "/api/v1/openapi.json", &[], "")?;
    if status != 200 {
        return Err(format!("GET /api/v1/openapi.json answered {status}"));
    }
    std::fs::write(&document, body).map_err(|e| format!("{}: {e}", document.display()))?;
    run(Command::new(venv.join("bin/openapi-spec-validator"))
        .args(["--schema", "3.1"])
        .arg(&document))?;
    drop(server);

    for account in ACCOUNTS {
        let role = account.split('@').next().unwrap_or(account);
        // A fresh server and database for each account, so each run starts from the demo data.
        let mut server = Server::start(&work.join(role))?;
        let cookie = login(&mut server, &venv, account)?;
        let origin = format!("http://{}", server.addr);
        let config = work.join(role).join("schemathesis.toml");
        let records = records(&server, &cookie)?;
        std::fs::write(&config, config_file(&records))
            .map_err(|e| format!("{}: {e}", config.display()))?;
        eprintln!(
            "\nschemathesis as {account}, with the records {:?}",
            records.iter().map(|(path, _)| path).collect::<Vec<_>>()
        );
        run(Command::new(venv.join("bin/schemathesis"))
            .current_dir(work.join(role))
            .arg("--config-file")
            .arg(&config)
            .args(["--no-color", "run"])
            .arg(format!("{origin}/api/v1/openapi.json"))
            .args(["--checks", CHECKS])
            .args(["--seed", SEED])
            .args(["--max-examples", MAX_EXAMPLES])
            .args(["--generation-database", "none"])
            // The session is the one given below, never a generated cookie.
            .args(["--generation-with-security-parameters", "false"])
            // Logging out would end the session the rest of the run needs.
            .args(["--exclude-path", "/api/v1/auth/logout"])
            .args(["--request-timeout", "35"])
            .arg("--header")
            .arg(format!("Cookie: {SESSION_COOKIE}={cookie}"))
            // State changes must come from the server's own origin.
            .arg("--header")
            .arg(format!("Origin: {origin}")))?;
        // A run whose session ended on the way would have tested little but the 401.
        check_session(&server.addr, &cookie, account)?;
    }
    eprintln!(
        "\nOpenAPI document valid; schemathesis found no failure ({} accounts) in {:.0} s",
        ACCOUNTS.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Real records of the demo the account may reach, by the collection their paths start with
/// (`/participants`, `/goals`, ...): schemathesis calls the operations on them with generated
/// bodies and queries, besides the ids it generates (which mostly answer 404).
fn records(server: &Server, cookie: &str) -> Result<Vec<(&'static str, String)>, String> {
    let get = |path: &str| -> Result<Option<String>, String> {
        let with_cookie = format!("{SESSION_COOKIE}={cookie}");
        let (status, _, body) = exchange(
            &server.addr,
            "GET",
            &format!("/api/v1{path}"),
            &[("Cookie", &with_cookie)],
            "",
        )?;
        Ok((status == 200).then(|| String::from_utf8_lossy(&body).into_owned()))
    };
    let mut found = Vec::new();
    let me = get("/auth/me")?.unwrap_or_default();
    // The participant's own file, or the one of the demo's participant login (the fullest file).
    let participant = match string_after(&me, "\"participant_id\":\"") {
        Some(own) => Some(own),
        None => get("/participants")?.and_then(|page| {
            let amal = page.find(r#""first_name":"Amal""#)?;
            string_after(&page[page[..amal].rfind(r#"{"id":""#)?..], "\"id\":\"")
        }),
    };
    for (collection, list) in [
        ("/municipalities", "/municipalities"),
        ("/cohorts", "/cohorts"),
        ("/organisations", "/organisations"),
        ("/openings", "/openings"),
        ("/users", "/users"),
    ] {
        if let Some(id) = get(list)?.and_then(|page| string_after(&page, "\"id\":\"")) {
            found.push((collection, id));
        }
    }
    if let Some(participant) = participant {
        let sub = |what: &str| get(&format!("/participants/{participant}/{what}"));
        let goals = sub("goals")?.unwrap_or_default();
        for (collection, list, marker) in [
            ("/goals", goals.clone(), "\"id\":\""),
            ("/actions", goals, "\"actions\":[{\"id\":\""),
            (
                "/internships",
                sub("internships")?.unwrap_or_default(),
                "\"id\":\"",
            ),
            (
                "/expenses",
                sub("expenses")?.unwrap_or_default(),
                "\"id\":\"",
            ),
            (
                "/introductions",
                sub("introductions")?.unwrap_or_default(),
                "\"id\":\"",
            ),
            (
                "/outcomes",
                sub("outcomes")?.unwrap_or_default(),
                "\"id\":\"",
            ),
        ] {
            if let Some(id) = string_after(&list, marker) {
                found.push((collection, id));
            }
        }
        found.push(("/participants", participant));
    }
    Ok(found)
}

/// A schemathesis configuration that often gives the `{id}` of an operation under a collection
/// the id of a real record of it, and a body's field that names a record (`participant_id`, ...)
/// the id of a real one, and a `version` that is current; otherwise the generated value.
fn config_file(records: &[(&str, String)]) -> String {
    let mut config = String::from("[parameters]\n");
    config.push_str("\"body.version\" = { dictionary = \"versions\", probability = 0.5 }\n");
    for (field, collection) in [
        ("participant_id", "/participants"),
        ("municipality_id", "/municipalities"),
        ("cohort_id", "/cohorts"),
        ("organisation_id", "/organisations"),
        ("opening_id", "/openings"),
        ("coach_id", "/users"),
    ] {
        if records.iter().any(|(c, _)| *c == collection) {
            config.push_str(&format!(
                "\"body.{field}\" = {{ dictionary = \"{}\", probability = 0.7 }}\n",
                &collection[1..]
            ));
        }
    }
    config.push_str("\n[dictionaries.versions]\nvalues = [1, 2, 3]\n");
    for (collection, id) in records {
        config.push_str(&format!(
            "\n[dictionaries.{}]\nvalues = [\"{id}\"]\n",
            &collection[1..]
        ));
    }
    for (collection, _) in records {
        config.push_str(&format!(
            "\n[[operations]]\ninclude-path-regex = \"^/api/v1{collection}/\\\\{{id\\\\}}\"\n\
             parameters = {{ \"path.id\" = {{ dictionary = \"{}\", probability = 0.8 }} }}\n",
            &collection[1..]
        ));
    }
    config
}

/// `target/schemathesis-venv` with the pinned tools, made when missing or out of date.
fn virtual_env() -> Result<PathBuf, String> {
    let venv = root().join("target/schemathesis-venv");
    let version = SCHEMATHESIS.split("==").nth(1).unwrap_or_default();
    let installed = Command::new(venv.join("bin/schemathesis"))
        .arg("--version")
        .output()
        .is_ok_and(|out| String::from_utf8_lossy(&out.stdout).contains(version))
        && Command::new(venv.join("bin/openapi-spec-validator"))
            .arg("--version")
            .output()
            .is_ok_and(|out| out.status.success());
    if !installed {
        run(Command::new("python3").args(["-m", "venv"]).arg(&venv))?;
        run(Command::new(venv.join("bin/pip"))
            .args(["install", "--quiet", "--disable-pip-version-check"])
            .args([SCHEMATHESIS, SPEC_VALIDATOR]))?;
    }
    Ok(venv)
}

/// Logs `email` in (with the second factor when the account has one, from the demo's TOTP secret)
/// and checks that the session works; answers the session cookie's value.
fn login(server: &mut Server, venv: &Path, email: &str) -> Result<String, String> {
    let (mut cookie, second_factor) = password_login(&server.addr, email)?;
    if second_factor {
        let code = totp(venv, &server.totp_secret()?)?;
        let origin = format!("http://{}", server.addr);
        let with_cookie = format!("{SESSION_COOKIE}={cookie}");
        let (status, head, _) = exchange(
            &server.addr,
            "POST",
            "/api/v1/auth/login/second-factor",
            &[
                ("Origin", &origin),
                ("Content-Type", "application/json"),
                ("Cookie", &with_cookie),
            ],
            &format!(r#"{{"code":"{code}"}}"#),
        )?;
        if status != 200 {
            return Err(format!("the second factor of {email} answered {status}"));
        }
        cookie = session_cookie(&head).unwrap_or(cookie);
    }
    check_session(&server.addr, &cookie, email)?;
    Ok(cookie)
}

/// The TOTP code (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps) of a base32 secret now, by the
/// virtual environment's Python.
fn totp(venv: &Path, secret: &str) -> Result<String, String> {
    const SCRIPT: &str = "import base64, hashlib, hmac, struct, sys, time
s = sys.argv[1].upper()
key = base64.b32decode(s + '=' * (-len(s) % 8))
mac = hmac.new(key, struct.pack('>Q', int(time.time()) // 30), hashlib.sha1).digest()
o = mac[-1] & 15
print('%06d' % ((struct.unpack('>I', mac[o:o + 4])[0] & 0x7fffffff) % 1000000))
";
    let out = Command::new(venv.join("bin/python"))
        .args(["-c", SCRIPT, secret])
        .output()
        .map_err(|e| format!("python: {e}"))?;
    let code = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    if out.status.success() && code.len() == 6 {
        Ok(code)
    } else {
        Err(format!(
            "no TOTP code: {}",
            String::from_utf8_lossy(&out.stderr)
        ))
    }
}
