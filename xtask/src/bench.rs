//! `cargo xtask bench`: how fast the app is on this machine, with the figures of issue 11.
//!
//! Builds the server in release; prints the first load of each entry from the bundle in
//! `target/site`; seeds a fresh database at VIP scale (`vip-server seed --scale vip`); starts the
//! server on a free port (start-to-ready time, RSS); logs in sessions of several roles and runs an
//! open-loop load with oha (450 reads + 50 writes per second); saturates an authenticated read
//! and a bare endpoint to compare them; runs Lighthouse on the login page and the participant's
//! home; writes the figures to `BENCHMARKS.md` under the current commit.
//!
//! The tools it needs (oha from crates.io, Lighthouse from npm, Debian's chromium) are installed
//! into `target/bench-tools` when missing. Never part of `cargo xtask test`: timings vary.

use std::{
    collections::BTreeMap,
    fs,
    io::{Read, Write},
    net::{TcpListener, TcpStream},
    path::{Path, PathBuf},
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

use crate::{bundle, cargo, root, run, setup};

/// Connections of the overload phase: well above the server's default of 256 requests at once.
const OVERLOAD_CONNECTIONS: u32 = 600;

/// oha's version: the newest that builds with the toolchain here (rust-version 1.88).
const OHA_VERSION: &str = "1.16.0";
/// Lighthouse 12 runs on node 20 (13 needs node 22).
const LIGHTHOUSE_VERSION: &str = "12.8.2";
const CHROMIUM: &str = "/usr/bin/chromium";
const COOKIE: &str = "__Host-vip_session";

/// The goals of issue 11.
const GOAL_FIRST_LOAD_KIB: f64 = 200.0;
const GOAL_P99_MS: f64 = 20.0;
const GOAL_SATURATION_PERCENT: f64 = 30.0;
const GOAL_RSS_MB: f64 = 60.0;
const GOAL_START_MS: f64 = 200.0;

/// The entries whose first load is counted: the page, and the split modules it needs beyond
/// what `index.html` loads (`#[lazy]` names a module after its function, plus a hash; a prefix
/// that matches nothing means the screen is in the main module).
const ENTRIES: &[(&str, &[&str])] = &[
    ("login", &["__login"]),
    ("participant home", &["__participant_home"]),
    ("coordinator home", &["__coordinator_home"]),
];

#[derive(Debug, Clone)]
struct Options {
    seconds: u64,
    lighthouse_runs: usize,
}

fn options(args: &[String]) -> Result<Options, String> {
    let mut options = Options {
        seconds: 60,
        lighthouse_runs: 5,
    };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut number = |name: &str| -> Result<u64, String> {
            args.next()
                .and_then(|v| v.parse().ok())
                .ok_or_else(|| format!("{name} needs a number"))
        };
        match arg.as_str() {
            "--seconds" => options.seconds = number("--seconds")?.max(1),
            "--lighthouse-runs" => options.lighthouse_runs = number("--lighthouse-runs")? as usize,
            other => {
                return Err(format!(
                    "bench: unknown option {other}\n\
                     usage: cargo xtask bench [--seconds N (60)] [--lighthouse-runs N (5, 0 skips)]"
                ));
            }
        }
    }
    Ok(options)
}

/// `cargo xtask bench [--seconds N] [--lighthouse-runs N]`.
pub fn bench(args: &[String]) -> Result<(), String> {
    let options = options(args)?;
    let started = Instant::now();
    let root = root();
    let work = root.join("target/bench");
    remove_dir(&work)?;
    fs::create_dir_all(&work).map_err(|e| format!("{}: {e}", work.display()))?;

    run(cargo().args(["build", "--release", "--package", "server"]))?;
    let server_bin = root.join("target/release/vip-server");
    let site = root.join("target/site");
    if !site.join("index.html").exists() {
        setup::wasm_target()?;
        setup::node_packages()?;
        bundle::build()?;
    }
    let oha = oha()?;
    let lighthouse = if options.lighthouse_runs > 0 {
        Some(lighthouse()?)
    } else {
        None
    };

    let mut report = Report {
        first_load: first_load(&site)?,
        ..Report::default()
    };

    eprintln!("\n# seed a fresh database at VIP scale");
    let database = work.join("vip.sqlite");
    let seed_started = Instant::now();
    let seeded = Command::new(&server_bin)
        .arg("--database")
        .arg(&database)
        .args(["seed", "--scale", "vip"])
        .output()
        .map_err(|e| format!("vip-server seed: {e}"))?;
    report.seed_time = seed_started.elapsed();
    let seed_out = String::from_utf8_lossy(&seeded.stdout).into_owned();
    eprint!("{seed_out}");
    if !seeded.status.success() {
        return Err(format!(
            "vip-server seed failed: {}",
            String::from_utf8_lossy(&seeded.stderr)
        ));
    }
    report.seed_summary = seed_out.lines().next().unwrap_or("").to_owned();
    let logins = SeedLogins::from_output(&seed_out)?;

    eprintln!("\n# start the server (three times: start-to-ready)");
    let port = free_port()?;
    let server_args = ServerArgs {
        bin: server_bin,
        database,
        site: site.clone(),
        port,
        log: work.join("server.log"),
    };
    let mut starts = Vec::new();
    let mut server = None;
    for i in 0..3 {
        let (started, ready) = start_server(&server_args)?;
        starts.push(ready);
        if i < 2 {
            stop(started)?;
        } else {
            server = Some(started);
        }
    }
    let mut server = server.ok_or("the server did not start")?;
    starts.sort();
    report.start = starts[starts.len() / 2];
    report.rss_idle = memory(server.id());

    let outcome = measure(
        &options,
        &oha,
        lighthouse.as_deref(),
        &logins,
        port,
        &work,
        &server,
        &mut report,
    );
    let stopped = stop_child(&mut server);
    outcome?;
    stopped?;
    report.server_log = log_summary(&work.join("server.log"));
    report.elapsed = started.elapsed();

    let machine = Machine::here();
    let section = report.markdown(&options, &machine);
    println!("\n{section}");
    write_benchmarks(&root.join("BENCHMARKS.md"), &section)?;
    eprintln!(
        "\nwritten to BENCHMARKS.md (the bench took {:.0} s)",
        report.elapsed.as_secs_f64()
    );
    Ok(())
}

/// Everything measured against the running server.
#[expect(
    clippy::too_many_arguments,
    reason = "the steps of one run, called once"
)]
fn measure(
    options: &Options,
    oha: &Path,
    lighthouse: Option<&Path>,
    logins: &SeedLogins,
    port: u16,
    work: &Path,
    server: &Child,
    report: &mut Report,
) -> Result<(), String> {
    eprintln!("\n# log in sessions of several roles");
    let client = Client { port };
    let streams = streams(&client, logins, &mut report.notes)?;
    report.rss_after_logins = memory(server.id());
    eprintln!(
        "\n# open loop: {} streams for {} s",
        streams.len(),
        options.seconds
    );
    report.load_average = fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(", "))
        .unwrap_or_default();
    let (cpu_before, machine_before) = (cpu_seconds(server.id()), machine_ticks());
    report.open_loop = open_loop(oha, &client, &streams, options.seconds, work)?;
    if let (Some(after), Some(before)) = (cpu_seconds(server.id()), cpu_before) {
        report.open_loop_cpu_seconds = Some(after - before);
    }
    if let (Some((busy, total)), Some((busy0, total0))) = (machine_ticks(), machine_before) {
        report.machine_busy = Some(100.0 * (busy - busy0) as f64 / (total - total0).max(1) as f64);
    }
    report.rss_after_load = memory(server.id());

    eprintln!("\n# saturation: an authenticated read against the bare JSON 404");
    let seconds = options.seconds.clamp(5, 10);
    let participant = &streams
        .iter()
        .find(|s| s.role == "participant")
        .ok_or("no participant session")?;
    report.bare = Some(saturate(
        oha,
        server.id(),
        &client.url("/api/v1/nope"),
        None,
        seconds,
        "404",
        16,
    )?);
    report.authenticated = Some(saturate(
        oha,
        server.id(),
        &participant.urls[0],
        Some(&participant.cookie),
        seconds,
        "200",
        16,
    )?);
    // The same bare endpoint with a session cookie: what a session costs by itself.
    report.session_only = Some(saturate(
        oha,
        server.id(),
        &client.url("/api/v1/health"),
        Some(&participant.cookie),
        seconds,
        "200",
        16,
    )?);
    report.saturation_seconds = seconds;
    report.rss_end = memory(server.id());

    eprintln!("\n# overload: {OVERLOAD_CONNECTIONS} connections at once on the same read");
    report.overload = Some(saturate(
        oha,
        server.id(),
        &participant.urls[0],
        Some(&participant.cookie),
        seconds,
        "200",
        OVERLOAD_CONNECTIONS,
    )?);
    let path = participant.urls[0]
        .strip_prefix(&client.origin())
        .unwrap_or(&participant.urls[0]);
    report.after_overload = Some(
        client
            .request("GET", path, &[("Cookie", &participant.cookie)], None)?
            .status,
    );

    if let Some(lighthouse) = lighthouse {
        eprintln!(
            "\n# Lighthouse (mobile), {} runs per page",
            options.lighthouse_runs
        );
        let session = client.login(logins, "participant", 752)?;
        report.lighthouse.push(lighthouse_page(
            lighthouse,
            "login page",
            &client.url("/login"),
            None,
            options.lighthouse_runs,
            work,
        )?);
        report.lighthouse.push(lighthouse_page(
            lighthouse,
            "participant home (signed in)",
            &client.url("/"),
            Some(&session.cookie),
            options.lighthouse_runs,
            work,
        )?);
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Tools

/// oha from crates.io in `target/bench-tools`, installed when missing (about 14 minutes).
fn oha() -> Result<PathBuf, String> {
    let tools = root().join("target/bench-tools");
    let bin = tools.join("bin/oha");
    if bin.exists() {
        return Ok(bin);
    }
    run(cargo()
        .args([
            "install",
            "oha",
            "--version",
            OHA_VERSION,
            "--locked",
            "--root",
        ])
        .arg(&tools))?;
    Ok(bin)
}

/// Lighthouse from npm in `target/bench-tools/lighthouse`, and Debian's chromium.
fn lighthouse() -> Result<PathBuf, String> {
    let dir = root().join("target/bench-tools/lighthouse");
    let bin = dir.join("node_modules/.bin/lighthouse");
    setup::chromium()?;
    if bin.exists() {
        return Ok(bin);
    }
    if Command::new("npm").arg("--version").output().is_err() {
        setup::node_packages()?;
    }
    fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    run(Command::new("npm")
        .args(["install", "--no-audit", "--no-fund", "--prefix"])
        .arg(&dir)
        .arg(format!("lighthouse@{LIGHTHOUSE_VERSION}")))?;
    Ok(bin)
}

// ---------------------------------------------------------------------------------------------
// First load from the bundle

#[derive(Debug, Clone)]
struct FirstLoad {
    entry: &'static str,
    bytes: u64,
    files: usize,
    /// The split modules it loads, or why none.
    splits: String,
}

/// What the first visit of each entry downloads, brotli where the bundle has a `.br` file:
/// `index.html`, what it references, and the split modules (with their chunks) of the entry.
fn first_load(site: &Path) -> Result<Vec<FirstLoad>, String> {
    let index = fs::read_to_string(site.join("index.html"))
        .map_err(|e| format!("{}: {e}", site.join("index.html").display()))?;
    let mut base: Vec<PathBuf> = vec![site.join("index.html")];
    let mut todo: Vec<PathBuf> = references(&index)
        .iter()
        .filter(|r| [".wasm", ".js", ".css"].iter().any(|x| r.ends_with(x)))
        .map(|r| site.join(r.trim_start_matches('/')))
        .collect();
    // What the referenced scripts import statically, and the module beside each glue file.
    while let Some(path) = todo.pop() {
        if base.contains(&path) || !path.exists() {
            continue;
        }
        if path.extension().is_some_and(|x| x == "js") {
            let script = fs::read_to_string(&path).unwrap_or_default();
            let dir = path.parent().unwrap_or(site);
            todo.extend(static_imports(&script).iter().map(|i| dir.join(i)));
            if let Some(stem) = path.file_stem().and_then(|s| s.to_str()) {
                todo.push(dir.join(format!("{stem}_bg.wasm")));
            }
        }
        base.push(path);
    }
    let loader = base
        .iter()
        .find(|p| p.file_name().is_some_and(|n| n == "__wasm_split.js"))
        .cloned();
    let splits = match &loader {
        Some(path) => SplitLoader::parse(
            &fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?,
        ),
        None => SplitLoader::default(),
    };
    let mut loads = Vec::new();
    for (entry, prefixes) in ENTRIES {
        let mut files = base.clone();
        let mut used = Vec::new();
        for prefix in *prefixes {
            for name in splits.modules_named(prefix) {
                used.push(name.trim_start_matches("__").to_owned());
                if let (Some(dir), Some(needed)) = (
                    loader.as_ref().and_then(|l| l.parent()),
                    splits.files_of(&name),
                ) {
                    files.extend(needed.iter().map(|f| dir.join(f)));
                }
            }
        }
        files.sort();
        files.dedup();
        let mut bytes = 0;
        for file in &files {
            bytes += transferred(file)?;
        }
        loads.push(FirstLoad {
            entry,
            bytes,
            files: files.len(),
            splits: if used.is_empty() {
                "main module only".to_owned()
            } else {
                used.join(", ")
            },
        });
    }
    Ok(loads)
}

/// The `/pkg/...` paths in `href="..."` and `src="..."` attributes.
fn references(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    for attribute in ["href=\"", "src=\""] {
        let mut rest = html;
        while let Some(at) = rest.find(attribute) {
            rest = &rest[at + attribute.len()..];
            let value = rest.split('"').next().unwrap_or("");
            if value.starts_with("/pkg/") {
                found.push(value.to_owned());
            }
        }
    }
    found
}

/// The relative modules a script imports statically (`from './x.js'`).
fn static_imports(script: &str) -> Vec<String> {
    let mut found = Vec::new();
    for quote in ['\'', '"'] {
        let marker = format!("from {quote}./");
        let mut rest = script;
        while let Some(at) = rest.find(&marker) {
            rest = &rest[at + marker.len()..];
            if let Some(name) = rest.split(quote).next() {
                found.push(name.to_owned());
            }
        }
    }
    found
}

/// The bytes a browser downloads for a file: its `.br` beside it when there is one.
fn transferred(path: &Path) -> Result<u64, String> {
    let mut br = path.as_os_str().to_owned();
    br.push(".br");
    let br = PathBuf::from(br);
    let file = if br.exists() { br.as_path() } else { path };
    fs::metadata(file)
        .map(|m| m.len())
        .map_err(|e| format!("{}: {e}", file.display()))
}

/// The module graph of `__wasm_split.js` (wasm_split_cli_support's loader): each loader
/// constant names its `.wasm` file and the chunks it needs first.
#[derive(Debug, Default)]
struct SplitLoader {
    /// constant -> (file, the constants it depends on)
    loaders: BTreeMap<String, (String, Vec<String>)>,
}

const SPLIT_EXPORT: &str = "__wasm_split_load_";

impl SplitLoader {
    fn parse(js: &str) -> SplitLoader {
        let mut loaders = BTreeMap::new();
        let starts: Vec<usize> = js
            .match_indices("const ")
            .map(|(i, _)| i)
            .filter(|i| *i == 0 || js[..*i].ends_with('\n') || js[..*i].ends_with("export "))
            .collect();
        for (n, start) in starts.iter().enumerate() {
            let end = starts.get(n + 1).copied().unwrap_or(js.len());
            let block = &js[*start..end];
            let name = block["const ".len()..]
                .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                .next()
                .unwrap_or("")
                .to_owned();
            let Some(file) = block
                .split("new URL(\"./")
                .nth(1)
                .and_then(|r| r.split('"').next())
            else {
                continue;
            };
            let deps = block
                .rfind('[')
                .and_then(|open| {
                    block[open + 1..].split(']').next().map(|list| {
                        list.split(',')
                            .map(|d| d.trim().to_owned())
                            .filter(|d| !d.is_empty())
                            .collect()
                    })
                })
                .unwrap_or_default();
            loaders.insert(name, (file.to_owned(), deps));
        }
        SplitLoader { loaders }
    }

    /// The split modules (`__name_hash`) whose name starts with `prefix`.
    fn modules_named(&self, prefix: &str) -> Vec<String> {
        self.loaders
            .keys()
            .filter_map(|k| k.strip_prefix(SPLIT_EXPORT))
            .filter(|name| name.starts_with(prefix))
            .map(str::to_owned)
            .collect()
    }

    /// The files a split module needs: its own and its chunks', recursively.
    fn files_of(&self, module: &str) -> Option<Vec<String>> {
        let mut files = Vec::new();
        let mut todo = vec![format!("{SPLIT_EXPORT}{module}")];
        let mut seen = Vec::new();
        while let Some(name) = todo.pop() {
            if seen.contains(&name) {
                continue;
            }
            let (file, deps) = self.loaders.get(&name)?;
            files.push(file.clone());
            todo.extend(deps.iter().cloned());
            seen.push(name);
        }
        Some(files)
    }
}

// ---------------------------------------------------------------------------------------------
// The server

struct ServerArgs {
    bin: PathBuf,
    database: PathBuf,
    site: PathBuf,
    port: u16,
    log: PathBuf,
}

fn free_port() -> Result<u16, String> {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| format!("no free port: {e}"))
}

/// Starts the server; answers when `/api/v1/health` does, with the time from spawn to then.
fn start_server(args: &ServerArgs) -> Result<(Child, Duration), String> {
    let log = fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&args.log)
        .map_err(|e| format!("{}: {e}", args.log.display()))?;
    let public = format!("http://127.0.0.1:{}", args.port);
    let spawned = Instant::now();
    let mut child = Command::new(&args.bin)
        .arg("--bind")
        .arg(format!("127.0.0.1:{}", args.port))
        .arg("--database")
        .arg(&args.database)
        .arg("--site")
        .arg(&args.site)
        .arg("--public-url")
        .arg(&public)
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .map_err(|e| format!("{}: {e}", args.bin.display()))?;
    let client = Client { port: args.port };
    loop {
        if let Ok(answer) = client.request("GET", "/api/v1/health", &[], None)
            && answer.status == 200
        {
            return Ok((child, spawned.elapsed()));
        }
        if let Ok(Some(status)) = child.try_wait() {
            return Err(format!(
                "the server stopped ({status}); see {}",
                args.log.display()
            ));
        }
        if spawned.elapsed() > Duration::from_secs(30) {
            let _ = child.kill();
            return Err("the server was not ready after 30 s".to_owned());
        }
        std::thread::sleep(Duration::from_millis(2));
    }
}

fn stop(mut child: Child) -> Result<(), String> {
    stop_child(&mut child)
}

/// SIGTERM (the server finishes open requests and closes the database), SIGKILL after 10 s.
fn stop_child(child: &mut Child) -> Result<(), String> {
    let _ = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    let asked = Instant::now();
    while asked.elapsed() < Duration::from_secs(10) {
        if let Ok(Some(_)) = child.try_wait() {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child
        .kill()
        .map_err(|e| format!("could not stop the server: {e}"))?;
    child.wait().map(|_| ()).map_err(|e| e.to_string())
}

/// Resident memory now and at its peak (VmRSS, VmHWM), in KiB.
#[derive(Debug, Clone, Copy, Default)]
struct Memory {
    rss_kib: u64,
    peak_kib: u64,
}

fn memory(pid: u32) -> Option<Memory> {
    let status = fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let field = |name: &str| -> Option<u64> {
        status
            .lines()
            .find(|l| l.starts_with(name))?
            .split_whitespace()
            .nth(1)?
            .parse()
            .ok()
    };
    Some(Memory {
        rss_kib: field("VmRSS:")?,
        peak_kib: field("VmHWM:")?,
    })
}

/// The CPU time a process has used (user + system), in seconds.
fn cpu_seconds(pid: u32) -> Option<f64> {
    let stat = fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // After the command name in parentheses: state is field 3, utime 14 and stime 15.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) / clock_ticks())
}

fn clock_ticks() -> f64 {
    Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8_lossy(&o.stdout).trim().parse().ok())
        .unwrap_or(100.0)
}

/// The machine's busy and total CPU ticks so far, over all cores (`/proc/stat`).
fn machine_ticks() -> Option<(u64, u64)> {
    let stat = fs::read_to_string("/proc/stat").ok()?;
    let ticks: Vec<u64> = stat
        .lines()
        .next()?
        .split_whitespace()
        .skip(1)
        .filter_map(|t| t.parse().ok())
        .collect();
    let total: u64 = ticks.iter().take(8).sum();
    // idle and iowait
    let idle = ticks.get(3)? + ticks.get(4).copied().unwrap_or(0);
    Some((total - idle, total))
}

/// Warnings and errors in the server's log, by message (the log holds no personal data).
fn log_summary(path: &Path) -> Vec<(String, usize)> {
    let Ok(text) = fs::read_to_string(path) else {
        return Vec::new();
    };
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for line in text.lines() {
        let level = if line.contains(" WARN ") {
            "WARN"
        } else if line.contains(" ERROR ") {
            "ERROR"
        } else {
            continue;
        };
        // The message without the time stamp, request id and span fields.
        let message = line
            .split_once(&format!(" {level} "))
            .map(|(_, rest)| rest)
            .unwrap_or(line);
        let message: String = message
            .split(' ')
            .filter(|w| !w.contains('=') && !w.contains("request{") && !w.ends_with(':'))
            .collect::<Vec<_>>()
            .join(" ");
        *counts.entry(format!("{level} {message}")).or_default() += 1;
    }
    let mut counts: Vec<_> = counts.into_iter().collect();
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    counts.truncate(8);
    counts
}

// ---------------------------------------------------------------------------------------------
// A small HTTP/1.1 client for the set-up (logins, ids); the load itself is oha's.

struct Client {
    port: u16,
}

struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

struct Session {
    cookie: String,
    me: Json,
}

impl Client {
    fn origin(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.origin())
    }

    fn request(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: Option<&str>,
    ) -> Result<Answer, String> {
        let mut stream =
            TcpStream::connect(("127.0.0.1", self.port)).map_err(|e| format!("connect: {e}"))?;
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .map_err(|e| e.to_string())?;
        let mut request = format!(
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nConnection: close\r\nAccept: application/json\r\n",
            self.port
        );
        for (name, value) in headers {
            request.push_str(&format!("{name}: {value}\r\n"));
        }
        if let Some(body) = body {
            request.push_str(&format!(
                "Content-Type: application/json\r\nContent-Length: {}\r\n",
                body.len()
            ));
        }
        request.push_str("\r\n");
        request.push_str(body.unwrap_or(""));
        stream
            .write_all(request.as_bytes())
            .map_err(|e| format!("send: {e}"))?;
        let mut raw = Vec::new();
        stream
            .read_to_end(&mut raw)
            .map_err(|e| format!("receive: {e}"))?;
        let text = String::from_utf8_lossy(&raw);
        let (head, body) = text.split_once("\r\n\r\n").ok_or("no HTTP answer")?;
        let mut lines = head.lines();
        let status = lines
            .next()
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|s| s.parse().ok())
            .ok_or("no HTTP status")?;
        let headers: Vec<(String, String)> = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
            .collect();
        let chunked = headers
            .iter()
            .any(|(n, v)| n == "transfer-encoding" && v.contains("chunked"));
        let body = if chunked {
            dechunk(body)
        } else {
            body.to_owned()
        };
        Ok(Answer {
            status,
            headers,
            body,
        })
    }

    /// Logs in a seeded account, with a TOTP code when the account has a second factor; the
    /// session cookie and the account (`Me`).
    fn login(&self, logins: &SeedLogins, role: &str, n: usize) -> Result<Session, String> {
        let email = logins.email(role, n);
        let body = format!(
            "{{\"email\":{},\"password\":{}}}",
            json_string(&email),
            json_string(&logins.password)
        );
        let origin = self.origin();
        let answer = self.request(
            "POST",
            "/api/v1/auth/login",
            &[("Origin", origin.as_str())],
            Some(&body),
        )?;
        if answer.status != 200 {
            return Err(format!(
                "login of {email}: {} {}",
                answer.status, answer.body
            ));
        }
        let cookie = session_cookie(&answer)
            .ok_or_else(|| format!("login of {email}: no session cookie"))?;
        let me = Json::parse(&answer.body)?;
        if me.get("status").and_then(Json::as_str) != Some("second_factor_required") {
            return Ok(Session { cookie, me });
        }
        let secret = logins.totp_secret.as_deref().ok_or_else(|| {
            format!(
                "login of {email}: a second factor is required, and the seed printed no TOTP secret"
            )
        })?;
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_err(|e| e.to_string())?
            .as_secs();
        let code = format!("{{\"code\":\"{}\"}}", totp(secret, now)?);
        let answer = self.request(
            "POST",
            "/api/v1/auth/login/second-factor",
            &[("Origin", origin.as_str()), ("Cookie", cookie.as_str())],
            Some(&code),
        )?;
        if answer.status != 200 {
            return Err(format!(
                "second factor of {email}: {} {}",
                answer.status, answer.body
            ));
        }
        Ok(Session {
            cookie: session_cookie(&answer).unwrap_or(cookie),
            me: Json::parse(&answer.body)?,
        })
    }

    /// A GET with the session; the JSON answer, or why not.
    fn get(&self, session: &str, path: &str) -> Result<Json, String> {
        let answer = self.request("GET", path, &[("Cookie", session)], None)?;
        if answer.status != 200 {
            return Err(format!("GET {path}: {} {}", answer.status, answer.body));
        }
        Json::parse(&answer.body)
    }
}

/// The session cookie an answer sets, as a `Cookie` header value.
fn session_cookie(answer: &Answer) -> Option<String> {
    answer
        .headers
        .iter()
        .filter(|(n, _)| n == "set-cookie")
        .find_map(|(_, v)| v.strip_prefix(&format!("{COOKIE}=")))
        .and_then(|v| v.split(';').next())
        .map(|token| format!("{COOKIE}={token}"))
}

fn dechunk(body: &str) -> String {
    let mut out = String::new();
    let mut rest = body;
    while let Some((size, after)) = rest.split_once("\r\n") {
        let Ok(size) = usize::from_str_radix(size.trim(), 16) else {
            break;
        };
        if size == 0 || after.len() < size {
            break;
        }
        out.push_str(&after[..size]);
        rest = after[size..].trim_start_matches("\r\n");
    }
    out
}

/// The logins `vip-server seed` printed.
struct SeedLogins {
    password: String,
    domain: String,
    totp_secret: Option<String>,
}

impl SeedLogins {
    fn from_output(out: &str) -> Result<SeedLogins, String> {
        let password = out
            .lines()
            .find_map(|l| l.split("the password ").nth(1))
            .map(|p| p.trim_end_matches(':').trim().to_owned())
            .ok_or("the seed printed no password")?;
        let domain = out
            .lines()
            .find_map(|l| l.trim().strip_prefix("coach1.."))
            .and_then(|l| l.split('@').nth(1))
            .and_then(|l| l.split_whitespace().next())
            .map(str::to_owned)
            .ok_or("the seed printed no coach logins")?;
        let totp_secret = out
            .lines()
            .find_map(|l| l.split("TOTP secret ").nth(1))
            .and_then(|l| l.split_whitespace().next())
            .map(str::to_owned);
        Ok(SeedLogins {
            password,
            domain,
            totp_secret,
        })
    }

    fn email(&self, role: &str, n: usize) -> String {
        format!("{role}{n}@{}", self.domain)
    }
}

// ---------------------------------------------------------------------------------------------
// The open loop

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Read,
    Write,
}

/// One oha process: one session, a rate, and the URLs it spreads its requests over.
#[derive(Debug, Clone)]
struct Stream {
    name: String,
    role: &'static str,
    kind: Kind,
    rate: u32,
    method: &'static str,
    urls: Vec<String>,
    body: Option<String>,
    cookie: String,
}

/// Logs in the sessions and lays out the mix: 450 reads and 50 writes per second.
///
/// Reads: three participants' own route (240/s); a coach's plans, contact logs, routes and list
/// (120/s); a company contact's openings (40/s); a municipality viewer's municipalities (20/s);
/// a coordinator's lists (30/s). Writes: a coach's contact-log entries (40/s) and another
/// coach's attendance of a meeting (10/s). A plan tick needs the action's current version, so
/// repeating one request cannot tick; the attendance save stands in for it.
fn streams(
    client: &Client,
    logins: &SeedLogins,
    notes: &mut Vec<String>,
) -> Result<Vec<Stream>, String> {
    let api = |path: &str| client.url(&format!("/api/v1{path}"));
    let mut streams = Vec::new();
    for n in [16, 751, 1486] {
        let session = client.login(logins, "participant", n)?;
        let id = session
            .me
            .get("participant_id")
            .and_then(Json::as_str)
            .ok_or("a participant's login names no participant")?
            .to_owned();
        streams.push(Stream {
            name: format!("participant{n}: own route"),
            role: "participant",
            kind: Kind::Read,
            rate: 80,
            method: "GET",
            urls: vec![api(&format!("/participants/{id}/route"))],
            body: None,
            cookie: session.cookie,
        });
    }

    // A coach of a cohort half-way through the year: plan, contacts and route of each of
    // their participants, and their list.
    let coach = client.login(logins, "coach", 251)?;
    let own = client.get(&coach.cookie, "/api/v1/participants")?;
    let mut coach_urls = vec![api("/participants")];
    for item in own.get("items").map(Json::items).unwrap_or_default() {
        if let Some(id) = item.get("id").and_then(Json::as_str) {
            for what in ["goals", "contacts", "route"] {
                coach_urls.push(api(&format!("/participants/{id}/{what}")));
            }
        }
    }
    let mut coach_rate = 120;

    let company = client.login(logins, "company", 1)?;
    let organisation = company
        .me
        .get("organisation_id")
        .and_then(Json::as_str)
        .ok_or("a company contact's login names no organisation")?
        .to_owned();
    streams.push(Stream {
        name: "company1: openings, organisation".to_owned(),
        role: "company contact",
        kind: Kind::Read,
        rate: 40,
        method: "GET",
        urls: vec![
            api("/openings"),
            api(&format!("/organisations/{organisation}")),
            api(&format!("/organisations/{organisation}/openings")),
        ],
        body: None,
        cookie: company.cookie,
    });

    let viewer = client.login(logins, "municipality", 1)?;
    let region = first_id(&viewer.me, "municipality_ids")?;
    streams.push(Stream {
        name: "municipality1: municipalities".to_owned(),
        role: "municipality viewer",
        kind: Kind::Read,
        rate: 20,
        method: "GET",
        urls: vec![
            api("/municipalities"),
            api(&format!("/municipalities/{region}")),
        ],
        body: None,
        cookie: viewer.cookie,
    });

    // A coordinator: lists of the region. Coordinators may need a second factor first; then
    // their share goes to the coach.
    let coordinator = client.login(logins, "coordinator", 1)?;
    match client.get(&coordinator.cookie, "/api/v1/participants?limit=50") {
        Ok(list) => {
            let mut urls = vec![
                api("/participants?limit=50"),
                api("/cohorts"),
                api("/organisations"),
            ];
            if let Some(id) = list
                .get("items")
                .map(Json::items)
                .unwrap_or_default()
                .first()
                .and_then(|p| p.get("id"))
                .and_then(Json::as_str)
            {
                urls.push(api(&format!("/participants/{id}/route")));
            }
            streams.push(Stream {
                name: "coordinator1: lists, a route".to_owned(),
                role: "coordinator",
                kind: Kind::Read,
                rate: 30,
                method: "GET",
                urls,
                body: None,
                cookie: coordinator.cookie,
            });
        }
        Err(why) => {
            coach_rate += 30;
            notes.push(format!(
                "No coordinator session: after the password a coordinator's reads answer \
                 `{}`; the seed gives coordinators no second factor, so the coordinator's \
                 30 reads/s went to the coach.",
                short(&why)
            ));
        }
    }
    streams.push(Stream {
        name: "coach251: plans, contacts, routes, list".to_owned(),
        role: "coach",
        kind: Kind::Read,
        rate: coach_rate,
        method: "GET",
        urls: coach_urls,
        body: None,
        cookie: coach.cookie,
    });

    // Writes by the coaches of the oldest cohort (its first meeting lies long in the past).
    let writer = client.login(logins, "coach", 1)?;
    let today = writer
        .me
        .get("today")
        .and_then(Json::as_str)
        .ok_or("the login names no date")?
        .to_owned();
    let theirs = client.get(&writer.cookie, "/api/v1/participants")?;
    let urls: Vec<String> = theirs
        .get("items")
        .map(Json::items)
        .unwrap_or_default()
        .iter()
        .filter_map(|p| p.get("id").and_then(Json::as_str))
        .map(|id| api(&format!("/participants/{id}/contacts")))
        .collect();
    streams.push(Stream {
        name: "coach1: contact-log entries".to_owned(),
        role: "coach",
        kind: Kind::Write,
        rate: 40,
        method: "POST",
        urls,
        body: Some(format!(
            "{{\"date\":\"{today}\",\"kind\":\"call\",\"minutes\":15,\
             \"note\":\"Korte check-in.\",\"summary\":\"Korte check-in, alles loopt.\"}}"
        )),
        cookie: writer.cookie,
    });

    let taker = client.login(logins, "coach", 2)?;
    let theirs = client.get(&taker.cookie, "/api/v1/participants")?;
    let items = theirs.get("items").map(Json::items).unwrap_or_default();
    let cohort = items
        .first()
        .and_then(|p| p.get("cohort_id"))
        .and_then(Json::as_str)
        .ok_or("coach2's participants have no cohort")?
        .to_owned();
    let lines: Vec<String> = items
        .iter()
        .filter_map(|p| p.get("id").and_then(Json::as_str))
        .map(|id| format!("{{\"participant_id\":\"{id}\",\"status\":\"present\"}}"))
        .collect();
    streams.push(Stream {
        name: "coach2: attendance of meeting 1".to_owned(),
        role: "coach",
        kind: Kind::Write,
        rate: 10,
        method: "PUT",
        urls: vec![api(&format!("/cohorts/{cohort}/meetings/1/attendance"))],
        body: Some(format!("[{}]", lines.join(","))),
        cookie: taker.cookie,
    });

    // Every URL answers before the load starts, so errors in the figures are the load's.
    let origin = client.origin();
    for stream in &mut streams {
        let mut kept = Vec::new();
        for url in &stream.urls {
            let path = url.trim_start_matches(&origin);
            let answer = client.request(
                stream.method,
                path,
                &[
                    ("Cookie", stream.cookie.as_str()),
                    ("Origin", origin.as_str()),
                ],
                stream.body.as_deref(),
            )?;
            if (200..300).contains(&answer.status) {
                kept.push(url.clone());
            } else {
                notes.push(format!(
                    "Left out of the load: {} {} as {} answers {} `{}`.",
                    stream.method,
                    pattern_of(path),
                    stream.role,
                    answer.status,
                    short(&answer.body)
                ));
            }
        }
        stream.urls = kept;
    }
    streams.retain(|s| !s.urls.is_empty());
    for s in &streams {
        eprintln!(
            "  {:<44} {:>4}/s over {} URL(s)",
            s.name,
            s.rate,
            s.urls.len()
        );
    }
    Ok(streams)
}

fn first_id(me: &Json, list: &str) -> Result<String, String> {
    me.get(list)
        .map(Json::items)
        .unwrap_or_default()
        .first()
        .and_then(Json::as_str)
        .map(str::to_owned)
        .ok_or_else(|| format!("the login names no {list}"))
}

/// A path with its ids replaced by `{id}`, for notes.
fn pattern_of(path: &str) -> String {
    path.split('/')
        .map(|part| {
            if part.len() == 32 && part.chars().all(|c| c.is_ascii_hexdigit()) {
                "{id}"
            } else {
                part
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

fn short(text: &str) -> String {
    let text = text.trim();
    let json = text.find('{').map_or(text, |at| &text[at..]);
    let code = Json::parse(json).ok().and_then(|j| {
        let kind = j.get("error").and_then(Json::as_str)?.to_owned();
        let code = j
            .get("violations")
            .map(Json::items)
            .unwrap_or_default()
            .first()
            .and_then(|v| v.get("code"))
            .and_then(Json::as_str)
            .map(|c| format!(": {c}"))
            .unwrap_or_default();
        Some(format!("{kind}{code}"))
    });
    code.unwrap_or_else(|| text.chars().take(120).collect())
}

/// Latencies of one stream or of several together.
#[derive(Debug, Clone, Default)]
struct Latencies {
    /// Seconds, one per answered request.
    durations: Vec<f64>,
    statuses: Vec<u16>,
    expected: u64,
}

impl Latencies {
    fn add(&mut self, other: &Latencies) {
        self.durations.extend_from_slice(&other.durations);
        self.statuses.extend_from_slice(&other.statuses);
        self.expected += other.expected;
    }

    fn answered(&self) -> u64 {
        self.durations.len() as u64
    }

    /// Answers that are not 2xx, and requests that got no answer at all.
    fn errors(&self) -> u64 {
        let bad = self
            .statuses
            .iter()
            .filter(|s| !(200..300).contains(*s))
            .count() as u64;
        bad + self.expected.saturating_sub(self.answered())
    }

    fn percentile_ms(&self, p: f64) -> f64 {
        if self.durations.is_empty() {
            return f64::NAN;
        }
        let mut sorted = self.durations.clone();
        sorted.sort_by(f64::total_cmp);
        let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
        sorted[rank.clamp(1, sorted.len()) - 1] * 1000.0
    }

    fn statuses(&self) -> String {
        let mut counts: BTreeMap<u16, usize> = BTreeMap::new();
        for s in &self.statuses {
            *counts.entry(*s).or_default() += 1;
        }
        let mut parts: Vec<String> = counts
            .iter()
            .filter(|(s, _)| !(200..300).contains(*s))
            .map(|(s, n)| format!("{n}×{s}"))
            .collect();
        let missing = self.expected.saturating_sub(self.answered());
        if missing > 0 {
            parts.push(format!("{missing} unanswered"));
        }
        parts.join(", ")
    }
}

#[derive(Debug, Clone)]
struct StreamResult {
    name: String,
    kind: Kind,
    rate: u32,
    latencies: Latencies,
}

#[derive(Debug, Clone, Default)]
struct OpenLoop {
    seconds: u64,
    streams: Vec<StreamResult>,
}

impl OpenLoop {
    fn of(&self, kind: Kind) -> (u32, Latencies) {
        let mut all = Latencies::default();
        let mut rate = 0;
        for s in self.streams.iter().filter(|s| s.kind == kind) {
            all.add(&s.latencies);
            rate += s.rate;
        }
        (rate, all)
    }
}

/// All streams at once, each an oha process at a fixed rate (open loop, latency corrected: a
/// request that has to wait for its turn counts its wait).
fn open_loop(
    oha: &Path,
    client: &Client,
    streams: &[Stream],
    seconds: u64,
    work: &Path,
) -> Result<OpenLoop, String> {
    let mut running = Vec::new();
    for (i, stream) in streams.iter().enumerate() {
        let urls = work.join(format!("stream{i}.urls"));
        fs::write(&urls, stream.urls.join("\n") + "\n")
            .map_err(|e| format!("{}: {e}", urls.display()))?;
        let csv = work.join(format!("stream{i}.csv"));
        let mut command = Command::new(oha);
        command
            .args(["--no-tui", "--output-format", "csv", "-o"])
            .arg(&csv)
            .args(["-z", &format!("{seconds}s")])
            .args(["-q", &stream.rate.to_string()])
            .args(["--latency-correction", "-w", "-c", "50"])
            .args(["--worker-threads", "1"])
            .args(["-m", stream.method])
            .args(["-H", &format!("Cookie: {}", stream.cookie)])
            .args(["-H", &format!("Origin: {}", client.origin())])
            .arg("--urls-from-file")
            .arg(&urls)
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        if let Some(body) = &stream.body {
            command.args(["-T", "application/json", "-d", body]);
        }
        let child = command.spawn().map_err(|e| format!("oha: {e}"))?;
        running.push((stream, child, csv));
    }
    let mut results = Vec::new();
    for (stream, child, csv) in running {
        let output = child.wait_with_output().map_err(|e| format!("oha: {e}"))?;
        if !output.status.success() {
            return Err(format!(
                "oha ({}) failed: {}",
                stream.name,
                String::from_utf8_lossy(&output.stderr)
            ));
        }
        let mut latencies = read_csv(&csv)?;
        latencies.expected = u64::from(stream.rate) * seconds;
        results.push(StreamResult {
            name: stream.name.clone(),
            kind: stream.kind,
            rate: stream.rate,
            latencies,
        });
    }
    Ok(OpenLoop {
        seconds,
        streams: results,
    })
}

/// oha's CSV: `request-start,DNS,DNS+dialup,Response-delay,request-duration,bytes,status`.
fn read_csv(path: &Path) -> Result<Latencies, String> {
    let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut latencies = Latencies::default();
    for line in text.lines().skip(1) {
        let fields: Vec<&str> = line.split(',').collect();
        let (Some(duration), Some(status)) = (
            fields.get(4).and_then(|d| d.parse::<f64>().ok()),
            fields.get(6).and_then(|s| s.trim().parse::<u16>().ok()),
        ) else {
            continue;
        };
        latencies.durations.push(duration);
        latencies.statuses.push(status);
    }
    Ok(latencies)
}

#[derive(Debug, Clone)]
struct Saturation {
    url_pattern: String,
    requests_per_second: f64,
    /// Every status with its share of the answers.
    distribution: String,
    success: String,
    /// The server's CPU time per answered request.
    cpu_ms_per_request: f64,
}

/// As many requests as `connections` get answered in `seconds` (closed loop).
fn saturate(
    oha: &Path,
    server: u32,
    url: &str,
    cookie: Option<&str>,
    seconds: u64,
    expected_status: &str,
    connections: u32,
) -> Result<Saturation, String> {
    let cpu_before = cpu_seconds(server);
    let mut command = Command::new(oha);
    command
        .args(["--no-tui", "--output-format", "json"])
        .args(["-c", &connections.to_string()])
        .args(["-z", &format!("{seconds}s")]);
    if let Some(cookie) = cookie {
        command.args(["-H", &format!("Cookie: {cookie}")]);
    }
    let output = command.arg(url).output().map_err(|e| format!("oha: {e}"))?;
    let cpu = cpu_seconds(server).zip(cpu_before).map(|(a, b)| a - b);
    if !output.status.success() {
        return Err(format!(
            "oha failed: {}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    let json = Json::parse(&String::from_utf8_lossy(&output.stdout))?;
    let rps = json
        .get("summary")
        .and_then(|s| s.get("requestsPerSec"))
        .and_then(Json::as_f64)
        .ok_or("oha printed no requests per second")?;
    let statuses = json
        .get("statusCodeDistribution")
        .map(|d| d.entries())
        .unwrap_or_default();
    let total: f64 = statuses.iter().filter_map(|(_, n)| n.as_f64()).sum();
    let wanted = statuses
        .iter()
        .find(|(s, _)| s == expected_status)
        .and_then(|(_, n)| n.as_f64())
        .unwrap_or(0.0);
    let path = url.split_once("/api/").map_or(url, |(_, p)| p);
    let mut distribution: Vec<(String, f64)> = statuses
        .iter()
        .filter_map(|(status, n)| Some((status.clone(), n.as_f64()?)))
        .collect();
    distribution.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(Saturation {
        url_pattern: pattern_of(&format!("/api/{path}")),
        requests_per_second: rps,
        distribution: distribution
            .iter()
            .map(|(status, n)| format!("{status}: {:.1} %", 100.0 * n / total.max(1.0)))
            .collect::<Vec<_>>()
            .join(", "),
        cpu_ms_per_request: cpu.map_or(f64::NAN, |c| 1000.0 * c / total.max(1.0)),
        success: format!(
            "{:.1} % {expected_status}",
            if total > 0.0 {
                100.0 * wanted / total
            } else {
                0.0
            }
        ),
    })
}

// ---------------------------------------------------------------------------------------------
// Lighthouse

#[derive(Debug, Clone, Default)]
struct LighthouseRun {
    performance: f64,
    lcp_ms: f64,
    tbt_ms: f64,
    cls: f64,
    fcp_ms: f64,
    /// Everything the page downloaded but API answers, as transferred.
    bytes: f64,
    /// API answers with 2xx: evidence the page was signed in.
    api_ok: f64,
}

#[derive(Debug, Clone)]
struct LighthousePage {
    page: &'static str,
    runs: Vec<LighthouseRun>,
    failures: Vec<String>,
}

impl LighthousePage {
    fn median(&self, f: impl Fn(&LighthouseRun) -> f64) -> f64 {
        let mut values: Vec<f64> = self.runs.iter().map(f).collect();
        values.sort_by(f64::total_cmp);
        match values.len() {
            0 => f64::NAN,
            n if n % 2 == 1 => values[n / 2],
            n => (values[n / 2 - 1] + values[n / 2]) / 2.0,
        }
    }
}

/// Reads the numbers out of a Lighthouse JSON report (node is there: Lighthouse runs on it).
const LIGHTHOUSE_FIGURES: &str = r#"
const r = JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8'));
if (r.runtimeError && r.runtimeError.code !== 'NO_ERROR') { console.log('error ' + r.runtimeError.message); process.exit(0); }
const a = r.audits;
const v = (k) => (a[k] && typeof a[k].numericValue === 'number') ? a[k].numericValue : NaN;
const items = (a['network-requests'] && a['network-requests'].details && a['network-requests'].details.items) || [];
let bytes = 0, api = 0;
for (const i of items) {
  if (i.url.includes('/api/')) { if (i.statusCode >= 200 && i.statusCode < 300) api += 1; }
  else bytes += i.transferSize || 0;
}
const score = r.categories.performance.score;
console.log(['ok', score === null ? NaN : score * 100, v('largest-contentful-paint'), v('total-blocking-time'),
  v('cumulative-layout-shift'), v('first-contentful-paint'), bytes, api].join(' '));
"#;

fn lighthouse_page(
    lighthouse: &Path,
    page: &'static str,
    url: &str,
    cookie: Option<&str>,
    runs: usize,
    work: &Path,
) -> Result<LighthousePage, String> {
    let mut result = LighthousePage {
        page,
        runs: Vec::new(),
        failures: Vec::new(),
    };
    // Lighthouse's own trace recording fails now and then: such a run is tried again, in at most
    // twice as many attempts as runs asked for. The failures are listed with the figures.
    for attempt in 0..2 * runs {
        if result.runs.len() == runs {
            break;
        }
        let tag = format!(
            "{}-{attempt}",
            page.split_whitespace().next().unwrap_or("page")
        );
        let report = work.join(format!("lighthouse-{tag}.json"));
        let profile = work.join(format!("chromium-{tag}"));
        let mut command = Command::new(lighthouse);
        command
            .arg(url)
            .args([
                "--quiet",
                "--only-categories=performance",
                "--output=json",
                "--max-wait-for-load=45000",
            ])
            .arg(format!("--output-path={}", report.display()))
            .arg(format!(
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run \
                 --disable-background-networking --disable-component-update --disable-sync \
                 --user-data-dir={}",
                profile.display()
            ))
            .env("CHROME_PATH", CHROMIUM)
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        if let Some(cookie) = cookie {
            command.arg(format!(
                "--extra-headers={{\"Cookie\":{}}}",
                json_string(cookie)
            ));
        }
        let output = command.output().map_err(|e| format!("lighthouse: {e}"))?;
        if !output.status.success() {
            result
                .failures
                .push(short(&String::from_utf8_lossy(&output.stderr)));
            continue;
        }
        let figures = Command::new("node")
            .args(["-e", LIGHTHOUSE_FIGURES])
            .arg(&report)
            .output()
            .map_err(|e| format!("node: {e}"))?;
        let line = String::from_utf8_lossy(&figures.stdout).trim().to_owned();
        let mut words = line.split_whitespace();
        if words.next() != Some("ok") {
            result.failures.push(line);
            continue;
        }
        let n: Vec<f64> = words.map(|w| w.parse().unwrap_or(f64::NAN)).collect();
        if n.len() < 7 {
            result.failures.push(line);
            continue;
        }
        let figures = LighthouseRun {
            performance: n[0],
            lcp_ms: n[1],
            tbt_ms: n[2],
            cls: n[3],
            fcp_ms: n[4],
            bytes: n[5],
            api_ok: n[6],
        };
        eprintln!(
            "  {page}: performance {:.0}, LCP {:.0} ms, TBT {:.0} ms, CLS {:.3}",
            figures.performance, figures.lcp_ms, figures.tbt_ms, figures.cls
        );
        result.runs.push(figures);
        let _ = fs::remove_dir_all(&profile);
    }
    Ok(result)
}

// ---------------------------------------------------------------------------------------------
// The report

#[derive(Debug, Default)]
struct Report {
    first_load: Vec<FirstLoad>,
    seed_time: Duration,
    seed_summary: String,
    start: Duration,
    rss_idle: Option<Memory>,
    rss_after_logins: Option<Memory>,
    rss_after_load: Option<Memory>,
    rss_end: Option<Memory>,
    open_loop: OpenLoop,
    bare: Option<Saturation>,
    authenticated: Option<Saturation>,
    session_only: Option<Saturation>,
    saturation_seconds: u64,
    /// The read with far more connections than the server takes on at once.
    overload: Option<Saturation>,
    /// The status of one read right after the overload.
    after_overload: Option<u16>,
    lighthouse: Vec<LighthousePage>,
    server_log: Vec<(String, usize)>,
    notes: Vec<String>,
    /// The machine's load average (1, 5, 15 minutes) before the open loop.
    load_average: String,
    /// The server's CPU time during the open loop.
    open_loop_cpu_seconds: Option<f64>,
    /// How busy all cores of the machine were during the open loop, in percent.
    machine_busy: Option<f64>,
    elapsed: Duration,
}

struct Machine {
    commit: String,
    date: String,
    cores: String,
    cpu: String,
    memory: String,
    os: String,
    rustc: String,
}

impl Machine {
    fn here() -> Machine {
        let text = |program: &str, args: &[&str]| -> String {
            Command::new(program)
                .args(args)
                .current_dir(root())
                .output()
                .ok()
                .filter(|o| o.status.success())
                .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
                .unwrap_or_default()
        };
        let dirty = !text("git", &["status", "--porcelain", "--untracked-files=no"]).is_empty();
        let commit = text("git", &["rev-parse", "--short", "HEAD"]);
        let cpuinfo = fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
        let cpu = cpuinfo
            .lines()
            .find(|l| l.starts_with("model name"))
            .and_then(|l| l.split(':').nth(1))
            .map(|s| s.trim().to_owned())
            .unwrap_or_default();
        let meminfo = fs::read_to_string("/proc/meminfo").unwrap_or_default();
        let memory = meminfo
            .lines()
            .find(|l| l.starts_with("MemTotal:"))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|k| k.parse::<f64>().ok())
            .map(|k| format!("{:.1} GiB", k / 1024.0 / 1024.0))
            .unwrap_or_default();
        let os = fs::read_to_string("/etc/os-release")
            .unwrap_or_default()
            .lines()
            .find_map(|l| l.strip_prefix("PRETTY_NAME="))
            .map(|s| s.trim_matches('"').to_owned())
            .unwrap_or_default();
        Machine {
            commit: if dirty {
                format!("{commit} (with uncommitted changes)")
            } else {
                commit
            },
            date: text("date", &["-u", "+%Y-%m-%d %H:%M UTC"]),
            cores: text("nproc", &[]),
            cpu,
            memory,
            os,
            rustc: text("rustc", &["--version"]),
        }
    }
}

fn kib(bytes: f64) -> String {
    format!("{:.1} KiB", bytes / 1024.0)
}

fn ms(value: f64) -> String {
    if value.is_nan() {
        "–".to_owned()
    } else if value < 1.0 {
        format!("{value:.3} ms")
    } else if value < 10.0 {
        format!("{value:.2} ms")
    } else {
        format!("{value:.0} ms")
    }
}

fn percent(value: f64) -> String {
    if value.is_nan() {
        "–".to_owned()
    } else if value < 10.0 {
        format!("{value:.1} %")
    } else {
        format!("{value:.0} %")
    }
}

fn mb(kib: u64) -> f64 {
    kib as f64 / 1024.0
}

impl Report {
    fn markdown(&self, options: &Options, machine: &Machine) -> String {
        let mut out = Vec::new();
        let mut line = |s: String| out.push(s);
        line(format!(
            "## {} — load {} s",
            machine.commit, options.seconds
        ));
        line(String::new());
        line(format!(
            "`cargo xtask bench --seconds {} --lighthouse-runs {}`, {}, on {} cores ({}), {} \
             memory, {}, {}; oha and Lighthouse share the machine with the server. The bench took {:.0} s.",
            options.seconds,
            options.lighthouse_runs,
            machine.date,
            machine.cores,
            machine.cpu,
            machine.memory,
            machine.os,
            machine.rustc,
            self.elapsed.as_secs_f64()
        ));
        line(String::new());

        line("### First load (brotli, as the bundle in `target/site` serves it)".to_owned());
        line(String::new());
        line(
            "| entry | html + wasm + js + css | files | of the goal (200 KiB) | split modules |"
                .to_owned(),
        );
        line("| --- | ---: | ---: | ---: | --- |".to_owned());
        for load in &self.first_load {
            line(format!(
                "| {} | {} | {} | {} | {} |",
                load.entry,
                kib(load.bytes as f64),
                load.files,
                percent(100.0 * load.bytes as f64 / 1024.0 / GOAL_FIRST_LOAD_KIB),
                load.splits
            ));
        }
        line(String::new());

        let ol = &self.open_loop;
        let (read_rate, reads) = ol.of(Kind::Read);
        let (write_rate, writes) = ol.of(Kind::Write);
        line(format!(
            "### API open loop: {read_rate} reads/s + {write_rate} writes/s for {} s (oha, latency corrected), VIP-scale data",
            ol.seconds
        ));
        line(String::new());
        line(format!(
            "Seed: {} ({:.1} s with the process). Each stream is one oha process with one session \
             and 50 connections. Load average before the open loop (1, 5, 15 min): {}; other \
             work on the machine shows in the latencies.",
            self.seed_summary,
            self.seed_time.as_secs_f64(),
            self.load_average
        ));
        line(String::new());
        line("| stream | target/s | served/s | of target | p50 | p99 | p99 / goal (20 ms) | max | errors |".to_owned());
        line("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |".to_owned());
        let row = |name: &str, rate: u32, l: &Latencies| -> String {
            let served = l.answered() as f64 / ol.seconds.max(1) as f64;
            let p99 = l.percentile_ms(99.0);
            let errors = l.errors();
            format!(
                "| {name} | {rate} | {served:.0} | {} | {} | {} | {} | {} | {}{} |",
                percent(100.0 * served / f64::from(rate.max(1))),
                ms(l.percentile_ms(50.0)),
                ms(p99),
                percent(100.0 * p99 / GOAL_P99_MS),
                ms(l.percentile_ms(100.0)),
                errors,
                if errors > 0 {
                    format!(" ({})", l.statuses())
                } else {
                    String::new()
                }
            )
        };
        for s in &ol.streams {
            let kind = match s.kind {
                Kind::Read => "read",
                Kind::Write => "write",
            };
            line(row(&format!("{} ({kind})", s.name), s.rate, &s.latencies));
        }
        line(row("**all reads**", read_rate, &reads));
        line(row("**all writes**", write_rate, &writes));
        line(String::new());
        if let Some(cpu) = self.open_loop_cpu_seconds {
            let answered = (reads.answered() + writes.answered()).max(1) as f64;
            line(format!(
                "The server used {:.2} cores on average ({:.2} ms of CPU per request); the \
                 machine's cores were {} busy (server, oha and everything else).",
                cpu / ol.seconds.max(1) as f64,
                1000.0 * cpu / answered,
                self.machine_busy.map_or("–".to_owned(), percent)
            ));
            line(String::new());
        }

        line(format!(
            "### Saturation (closed loop, 16 connections, {} s each)",
            self.saturation_seconds
        ));
        line(String::new());
        line("| endpoint | req/s | answers | server CPU per request |".to_owned());
        line("| --- | ---: | --- | ---: |".to_owned());
        for (what, s) in [
            ("bare: the JSON 404, no session", &self.bare),
            (
                "authenticated read: a participant's own route",
                &self.authenticated,
            ),
            (
                "for comparison: health with the participant's session cookie",
                &self.session_only,
            ),
        ] {
            if let Some(s) = s {
                line(format!(
                    "| {what} (`{}`) | {:.0} | {} | {} |",
                    s.url_pattern,
                    s.requests_per_second,
                    s.success,
                    ms(s.cpu_ms_per_request)
                ));
            }
        }
        if let (Some(bare), Some(auth)) = (&self.bare, &self.authenticated) {
            let ratio = 100.0 * auth.requests_per_second / bare.requests_per_second.max(1e-9);
            line(String::new());
            line(format!(
                "Saturation ratio: authenticated read / bare = **{}** (goal ≥ {GOAL_SATURATION_PERCENT:.0} %: {} of the goal).",
                percent(ratio),
                percent(100.0 * ratio / GOAL_SATURATION_PERCENT)
            ));
            if let Some(session) = &self.session_only {
                line(format!(
                    "A session cookie alone brings the bare endpoint to {} of its rate.",
                    percent(
                        100.0 * session.requests_per_second / bare.requests_per_second.max(1e-9)
                    )
                ));
            }
        }
        line(String::new());

        if let Some(over) = &self.overload {
            line(format!(
                "### Overload ({OVERLOAD_CONNECTIONS} connections, {} s, server default `--max-in-flight`)",
                self.saturation_seconds
            ));
            line(String::new());
            line(format!(
                "`{}`: {:.0} req/s answered; answers {}. The surplus gets 503 with `Retry-After` \
                 after at most 100 ms instead of an unbounded queue. One read right after: {}.",
                over.url_pattern,
                over.requests_per_second,
                over.distribution,
                self.after_overload
                    .map_or("–".to_owned(), |s| s.to_string())
            ));
            line(String::new());
        }

        line("### Server".to_owned());
        line(String::new());
        line("| measure | value | of the goal |".to_owned());
        line("| --- | ---: | ---: |".to_owned());
        let start_ms = self.start.as_secs_f64() * 1000.0;
        line(format!(
            "| start to ready (spawn → `/api/v1/health` answers; median of 3) | {} | {} of 200 ms |",
            ms(start_ms),
            percent(100.0 * start_ms / GOAL_START_MS)
        ));
        for (what, m, peak) in [
            ("RSS when ready", &self.rss_idle, false),
            (
                "RSS after logging in the streams' sessions (one Argon2 hash each)",
                &self.rss_after_logins,
                false,
            ),
            ("RSS after the open loop", &self.rss_after_load, false),
            ("RSS after the saturation runs", &self.rss_end, false),
            ("peak RSS (VmHWM) over the whole run", &self.rss_end, true),
        ] {
            if let Some(m) = m {
                let value = mb(if peak { m.peak_kib } else { m.rss_kib });
                line(format!(
                    "| {what} | {value:.1} MiB | {} of 60 MB |",
                    percent(100.0 * value / GOAL_RSS_MB)
                ));
            }
        }
        line(String::new());

        if !self.lighthouse.is_empty() {
            line(format!(
                "### Lighthouse {LIGHTHOUSE_VERSION} (mobile: simulated slow 4G, 4× CPU slowdown), median of {}",
                options.lighthouse_runs
            ));
            line(String::new());
            line(
                "| page | runs | performance | LCP | TBT | CLS | FCP | downloaded (without API) |"
                    .to_owned(),
            );
            line("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |".to_owned());
            for page in &self.lighthouse {
                line(format!(
                    "| {} | {} | {:.0} (goal ≥ 95) | {} (goal ≤ 2000 ms) | {} (goal ≤ 150 ms) | {:.3} (goal ≤ 0.1) | {} | {} |",
                    page.page,
                    page.runs.len(),
                    page.median(|r| r.performance),
                    ms(page.median(|r| r.lcp_ms)),
                    ms(page.median(|r| r.tbt_ms)),
                    page.median(|r| r.cls),
                    ms(page.median(|r| r.fcp_ms)),
                    kib(page.median(|r| r.bytes)),
                ));
            }
            // Below the table, so that it stays one table.
            line(String::new());
            for page in &self.lighthouse {
                if page.page.contains("signed in") && page.median(|r| r.api_ok) < 1.0 {
                    line(
                        "The signed-in page made no successful API request: it was not signed in."
                            .to_owned(),
                    );
                    line(String::new());
                }
                for failure in &page.failures {
                    line(format!("- a run of {} failed: {failure}", page.page));
                }
                if !page.failures.is_empty() {
                    line(String::new());
                }
            }
            line("The signed-in page is measured with the participant's session cookie sent as an extra header (`--extra-headers`), as after a login.".to_owned());
            line(String::new());
        }

        if !self.server_log.is_empty() || !self.notes.is_empty() {
            line("### Notes".to_owned());
            line(String::new());
            for note in &self.notes {
                line(format!("- {note}"));
            }
            for (message, count) in &self.server_log {
                line(format!("- server log: {count}× `{message}`"));
            }
            line(String::new());
        }
        out.join("\n")
    }
}

const INTRO: &str = "# Benchmarks

Figures of `cargo xtask bench` (see the README): the first load of each entry from the bundle, an
open-loop load on the API with VIP-scale data (`vip-server seed --scale vip`), the saturation ratio
of an authenticated read against a bare endpoint, the server's memory and start time, and
Lighthouse on the login page and the participant's home. The goals are those of issue 11. Timings
vary on shared machines: compare the ratios (of a goal, of the bare endpoint) before the absolute
figures. Each section is one run, under the commit it measured; a later run of the same commit and
duration replaces its section.
";

/// Adds the run's section to `BENCHMARKS.md`, replacing one with the same heading.
fn write_benchmarks(path: &Path, section: &str) -> Result<(), String> {
    let existing = fs::read_to_string(path).unwrap_or_else(|_| INTRO.to_owned());
    let heading = section.lines().next().unwrap_or("");
    let mut kept = Vec::new();
    let mut skipping = false;
    for line in existing.lines() {
        if line.starts_with("## ") {
            skipping = line == heading;
        }
        if !skipping {
            kept.push(line);
        }
    }
    let mut text = kept.join("\n").trim_end().to_owned();
    text.push_str("\n\n");
    text.push_str(section.trim_end());
    text.push('\n');
    fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

// ---------------------------------------------------------------------------------------------
// TOTP (RFC 6238) for the coordinators' second factor: HMAC-SHA1, 6 digits, 30-second steps.

fn totp(secret: &str, unix_seconds: u64) -> Result<String, String> {
    let key = base32(secret).ok_or("the TOTP secret is not base32")?;
    let mac = hmac_sha1(&key, &(unix_seconds / 30).to_be_bytes());
    let offset = usize::from(mac[19] & 0x0f);
    let value = u32::from_be_bytes([
        mac[offset] & 0x7f,
        mac[offset + 1],
        mac[offset + 2],
        mac[offset + 3],
    ]);
    Ok(format!("{:06}", value % 1_000_000))
}

fn base32(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let (mut bits, mut count) = (0u32, 0u32);
    for c in text.trim_end_matches('=').bytes() {
        let value = match c.to_ascii_uppercase() {
            c @ b'A'..=b'Z' => c - b'A',
            c @ b'2'..=b'7' => c - b'2' + 26,
            _ => return None,
        };
        bits = (bits << 5) | u32::from(value);
        count += 5;
        if count >= 8 {
            count -= 8;
            out.push((bits >> count) as u8);
            bits &= (1 << count) - 1;
        }
    }
    Some(out)
}

fn hmac_sha1(key: &[u8], message: &[u8]) -> [u8; 20] {
    let mut block = [0u8; 64];
    if key.len() > 64 {
        block[..20].copy_from_slice(&sha1(key));
    } else {
        block[..key.len()].copy_from_slice(key);
    }
    let inner: Vec<u8> = block
        .iter()
        .map(|b| b ^ 0x36)
        .chain(message.iter().copied())
        .collect();
    let outer: Vec<u8> = block.iter().map(|b| b ^ 0x5c).chain(sha1(&inner)).collect();
    sha1(&outer)
}

fn sha1(data: &[u8]) -> [u8; 20] {
    let mut h: [u32; 5] = [
        0x6745_2301,
        0xefcd_ab89,
        0x98ba_dcfe,
        0x1032_5476,
        0xc3d2_e1f0,
    ];
    let mut padded = data.to_vec();
    padded.push(0x80);
    while padded.len() % 64 != 56 {
        padded.push(0);
    }
    padded.extend_from_slice(&((data.len() as u64) * 8).to_be_bytes());
    for chunk in padded.chunks(64) {
        let mut w = [0u32; 80];
        for (i, word) in chunk.chunks(4).enumerate() {
            w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..80 {
            w[i] = (w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotate_left(1);
        }
        let [mut a, mut b, mut c, mut d, mut e] = h;
        for (i, word) in w.iter().enumerate() {
            let (f, k) = match i {
                0..=19 => ((b & c) | (!b & d), 0x5a82_7999),
                20..=39 => (b ^ c ^ d, 0x6ed9_eba1),
                40..=59 => ((b & c) | (b & d) | (c & d), 0x8f1b_bcdc),
                _ => (b ^ c ^ d, 0xca62_c1d6),
            };
            let t = a
                .rotate_left(5)
                .wrapping_add(f)
                .wrapping_add(e)
                .wrapping_add(k)
                .wrapping_add(*word);
            e = d;
            d = c;
            c = b.rotate_left(30);
            b = a;
            a = t;
        }
        for (state, value) in h.iter_mut().zip([a, b, c, d, e]) {
            *state = state.wrapping_add(value);
        }
    }
    let mut out = [0u8; 20];
    for (i, word) in h.iter().enumerate() {
        out[i * 4..i * 4 + 4].copy_from_slice(&word.to_be_bytes());
    }
    out
}

// ---------------------------------------------------------------------------------------------
// A small JSON reader, for the server's and oha's answers (no dependency for this).

#[derive(Debug, Clone, PartialEq)]
enum Json {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    fn parse(text: &str) -> Result<Json, String> {
        let mut parser = JsonParser {
            bytes: text.as_bytes(),
            at: 0,
        };
        let value = parser.value()?;
        parser.space();
        if parser.at != parser.bytes.len() {
            return Err(format!("JSON: trailing text at {}", parser.at));
        }
        Ok(value)
    }

    fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(fields) => fields.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            Json::Null | Json::Bool(_) | Json::Number(_) | Json::String(_) | Json::Array(_) => None,
        }
    }

    fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            Json::Null | Json::Bool(_) | Json::Number(_) | Json::Array(_) | Json::Object(_) => None,
        }
    }

    fn as_f64(&self) -> Option<f64> {
        match self {
            Json::Number(n) => Some(*n),
            Json::Null | Json::Bool(_) | Json::String(_) | Json::Array(_) | Json::Object(_) => None,
        }
    }

    fn items(&self) -> &[Json] {
        match self {
            Json::Array(items) => items,
            Json::Null | Json::Bool(_) | Json::Number(_) | Json::String(_) | Json::Object(_) => &[],
        }
    }

    fn entries(&self) -> Vec<(String, &Json)> {
        match self {
            Json::Object(fields) => fields.iter().map(|(k, v)| (k.clone(), v)).collect(),
            Json::Null | Json::Bool(_) | Json::Number(_) | Json::String(_) | Json::Array(_) => {
                Vec::new()
            }
        }
    }
}

struct JsonParser<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl JsonParser<'_> {
    fn space(&mut self) {
        while self
            .bytes
            .get(self.at)
            .is_some_and(|b| b.is_ascii_whitespace())
        {
            self.at += 1;
        }
    }

    fn expect(&mut self, word: &str) -> Result<(), String> {
        if self.bytes[self.at..].starts_with(word.as_bytes()) {
            self.at += word.len();
            Ok(())
        } else {
            Err(format!("JSON: expected {word} at {}", self.at))
        }
    }

    fn value(&mut self) -> Result<Json, String> {
        self.space();
        match self.bytes.get(self.at) {
            None => Err("JSON: unexpected end".to_owned()),
            Some(b'n') => self.expect("null").map(|()| Json::Null),
            Some(b't') => self.expect("true").map(|()| Json::Bool(true)),
            Some(b'f') => self.expect("false").map(|()| Json::Bool(false)),
            Some(b'"') => self.string().map(Json::String),
            Some(b'[') => {
                self.at += 1;
                let mut items = Vec::new();
                self.space();
                if self.bytes.get(self.at) == Some(&b']') {
                    self.at += 1;
                    return Ok(Json::Array(items));
                }
                loop {
                    items.push(self.value()?);
                    self.space();
                    match self.bytes.get(self.at) {
                        Some(b',') => self.at += 1,
                        Some(b']') => {
                            self.at += 1;
                            return Ok(Json::Array(items));
                        }
                        _ => return Err(format!("JSON: expected , or ] at {}", self.at)),
                    }
                }
            }
            Some(b'{') => {
                self.at += 1;
                let mut fields = Vec::new();
                self.space();
                if self.bytes.get(self.at) == Some(&b'}') {
                    self.at += 1;
                    return Ok(Json::Object(fields));
                }
                loop {
                    self.space();
                    let key = self.string()?;
                    self.space();
                    self.expect(":")?;
                    fields.push((key, self.value()?));
                    self.space();
                    match self.bytes.get(self.at) {
                        Some(b',') => self.at += 1,
                        Some(b'}') => {
                            self.at += 1;
                            return Ok(Json::Object(fields));
                        }
                        _ => return Err(format!("JSON: expected , or }} at {}", self.at)),
                    }
                }
            }
            Some(_) => {
                let start = self.at;
                while self
                    .bytes
                    .get(self.at)
                    .is_some_and(|b| b"+-.eE0123456789".contains(b))
                {
                    self.at += 1;
                }
                std::str::from_utf8(&self.bytes[start..self.at])
                    .ok()
                    .and_then(|s| s.parse().ok())
                    .map(Json::Number)
                    .ok_or_else(|| format!("JSON: bad value at {start}"))
            }
        }
    }

    fn string(&mut self) -> Result<String, String> {
        self.expect("\"")?;
        let mut out = String::new();
        loop {
            let start = self.at;
            while self
                .bytes
                .get(self.at)
                .is_some_and(|b| *b != b'"' && *b != b'\\')
            {
                self.at += 1;
            }
            out.push_str(&String::from_utf8_lossy(&self.bytes[start..self.at]));
            match self.bytes.get(self.at) {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    let escaped = *self
                        .bytes
                        .get(self.at + 1)
                        .ok_or("JSON: unfinished escape")?;
                    self.at += 2;
                    match escaped {
                        b'n' => out.push('\n'),
                        b't' => out.push('\t'),
                        b'r' => out.push('\r'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'u' => {
                            let hex = self
                                .bytes
                                .get(self.at..self.at + 4)
                                .and_then(|h| std::str::from_utf8(h).ok())
                                .and_then(|h| u32::from_str_radix(h, 16).ok())
                                .ok_or("JSON: bad \\u escape")?;
                            self.at += 4;
                            out.push(char::from_u32(hex).unwrap_or('\u{fffd}'));
                        }
                        other => out.push(char::from(other)),
                    }
                }
                _ => return Err("JSON: unfinished string".to_owned()),
            }
        }
    }
}

/// A JSON string literal.
fn json_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn remove_dir(path: &Path) -> Result<(), String> {
    match fs::remove_dir_all(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(format!("{}: {e}", path.display())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn totp_gives_the_codes_of_rfc_6238() {
        let hex = |bytes: &[u8]| bytes.iter().map(|b| format!("{b:02x}")).collect::<String>();
        assert_eq!(
            hex(&sha1(b"abc")),
            "a9993e364706816aba3e25717850c26c9cd0d89d"
        );
        // RFC 6238's SHA-1 secret "12345678901234567890", in base32; its 8-digit codes end in
        // these 6 digits.
        let secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
        assert_eq!(base32(secret).unwrap(), b"12345678901234567890");
        assert_eq!(totp(secret, 59).unwrap(), "287082");
        assert_eq!(totp(secret, 1_111_111_109).unwrap(), "081804");
        assert_eq!(totp(secret, 20_000_000_000).unwrap(), "353130");
    }

    #[test]
    fn json_reads_what_the_server_and_oha_write() {
        let json = Json::parse(
            r#"{"items":[{"id":"ab","n":1.5e3,"ok":true,"none":null}],"s":"a\"b\u00e9"}"#,
        )
        .unwrap();
        let items = json.get("items").unwrap().items();
        assert_eq!(items[0].get("id").and_then(Json::as_str), Some("ab"));
        assert_eq!(items[0].get("n").and_then(Json::as_f64), Some(1500.0));
        assert_eq!(json.get("s").and_then(Json::as_str), Some("a\"bé"));
        assert!(Json::parse("{\"a\":}").is_err());
    }

    #[test]
    fn the_split_loader_gives_a_module_with_its_chunks() {
        let js = r#"import { initSync } from "./app.js";
/* a, b */
const __chunk_1 = makeLoad(() => {
    const src = fetch(new URL("./chunk_1.wasm", import.meta.url));
}
, []);
const __chunk_2 = makeLoad(() => {
    const src = fetch(new URL("./chunk_2.wasm", import.meta.url));
}
, [__chunk_1]);
export const __wasm_split_load___coordinator_home_screen_view_1 = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./split___coordinator_home_screen_view_1.wasm", import.meta.url));
}
, [__chunk_2]));
"#;
        let loader = SplitLoader::parse(js);
        let modules = loader.modules_named("__coordinator_home");
        assert_eq!(modules, ["__coordinator_home_screen_view_1"]);
        let mut files = loader.files_of(&modules[0]).unwrap();
        files.sort();
        assert_eq!(
            files,
            [
                "chunk_1.wasm",
                "chunk_2.wasm",
                "split___coordinator_home_screen_view_1.wasm"
            ]
        );
        assert!(loader.modules_named("__login").is_empty());
    }

    #[test]
    fn percentiles_count_unanswered_requests_as_errors() {
        let l = Latencies {
            durations: (1..=100).map(|i| f64::from(i) / 1000.0).collect(),
            statuses: (1..=100).map(|i| if i == 7 { 500 } else { 200 }).collect(),
            expected: 102,
        };
        assert_eq!(l.percentile_ms(50.0).round(), 50.0);
        assert_eq!(l.percentile_ms(99.0).round(), 99.0);
        assert_eq!(l.errors(), 3);
        assert_eq!(l.statuses(), "1×500, 2 unanswered");
    }
}
