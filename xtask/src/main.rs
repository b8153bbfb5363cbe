//! The project's build tool: `cargo xtask run` and `cargo xtask test` do all the set-up they need.
//!
//! A Rust tool rather than a script because the bundle needs wasm-bindgen at exactly the version
//! in `Cargo.lock`: linking `wasm-bindgen-cli-support` pinned with `=` keeps them matched with
//! nothing to install by hand.

mod bench;
mod bundle;
mod crash;
mod fuzz_api;
mod local_server;
mod queries;
mod setup;
mod supply;

use std::{
    path::{Path, PathBuf},
    process::{Command, ExitCode},
};

const USAGE: &str = "usage: cargo xtask <command>

commands:
  run [SERVER OPTIONS]  build the bundle and the server, start it with demo data
  test                  formatting, lints (native and wasm32), every Rust test, the browser tests
  bundle                build the web app into target/site
  bench [--seconds N] [--lighthouse-runs N]
                        release build, VIP-scale data, first load, API load (oha), Lighthouse;
                        writes BENCHMARKS.md (not part of test)
  fuzz-api              check the API against its OpenAPI document with schemathesis
                        (needs target/debug/vip-server)
  queries               regenerate server/.sqlx, the query data that builds need without a database
  fuzz [--seconds N]    run each fuzz target in fuzz/ for N seconds (default 600; test: 15)
  deny [--advisories]   cargo deny: licences, duplicate versions, sources; with --advisories
                        also RustSec's advisories and npm audit of end2end's packages (these
                        need GitHub and npm's audit service, out of reach of the test machine)
  crash [--cycles N] [--seed N]
                        kill the debug server N times (200) while clients write, and check
                        after each restart that the database is sound and lost no write";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("bundle") => setup::wasm_target()
            .and_then(|()| setup::node_packages())
            .and_then(|()| bundle::build()),
        Some("run") => run_app(&args[1..]),
        Some("test") => test_all(),
        Some("bench") => bench::bench(&args[1..]),
        Some("fuzz-api") => fuzz_api::run_all(),
        Some("queries") => queries::regenerate(),
        Some("fuzz") => seconds_option(&args[1..], 600).and_then(supply::fuzz),
        Some("deny") => supply::deny(args.iter().any(|a| a == "--advisories")),
        Some("crash") => crash::command(&args[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(())
        }
        Some(_) | None => Err(USAGE.to_owned()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The value of `--seconds N`, or `default`.
fn seconds_option(args: &[String], default: u32) -> Result<u32, String> {
    match args {
        [] => Ok(default),
        [flag, n] if flag == "--seconds" => n
            .parse()
            .map_err(|_| format!("--seconds takes a whole number, not {n:?}")),
        _ => Err(USAGE.to_owned()),
    }
}

/// The workspace's root folder.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace")
        .to_path_buf()
}

/// Runs a command in the workspace, echoing it; fails when it fails.
pub fn run(command: &mut Command) -> Result<(), String> {
    let shown = format!("{command:?}").replace('"', "");
    eprintln!("\n$ {shown}");
    let status = command
        .current_dir_if_unset()
        .status()
        .map_err(|e| format!("could not start `{shown}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{shown}` failed ({status})"))
    }
}

trait CommandExt {
    fn current_dir_if_unset(&mut self) -> &mut Command;
}

impl CommandExt for Command {
    fn current_dir_if_unset(&mut self) -> &mut Command {
        if self.get_current_dir().is_none() {
            self.current_dir(root());
        }
        self
    }
}

pub fn cargo() -> Command {
    Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned()))
}

fn run_app(server_args: &[String]) -> Result<(), String> {
    setup::wasm_target()?;
    setup::node_packages()?;
    bundle::build()?;
    run(cargo().args(["build", "--release", "--package", "server"]))?;
    println!(
        "\nVIP route with demo data: open http://127.0.0.1:3000/ (stop with Ctrl-C)\n\
         The database is data/vip.sqlite; remove it to start afresh.\n"
    );
    run(Command::new(root().join("target/release/vip-server"))
        .arg("--demo")
        .args(server_args))
}

/// `shared` runs in the browser and on the server: no runtime, database, web framework or browser
/// binding may enter its dependency tree.
fn shared_stays_pure() -> Result<(), String> {
    let output = cargo()
        .args([
            "tree",
            "--package",
            "shared",
            "--edges",
            "normal",
            "--prefix",
            "none",
        ])
        .current_dir(root())
        .output()
        .map_err(|e| format!("cargo tree: {e}"))?;
    if !output.status.success() {
        return Err("cargo tree --package shared failed".to_owned());
    }
    let tree = String::from_utf8_lossy(&output.stdout);
    let forbidden: Vec<&str> = tree
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .filter(|name| {
            [
                "tokio", "sqlx", "axum", "gloo", "web-sys", "js-sys", "hyper", "utoipa",
            ]
            .iter()
            .any(|f| name == f || name.starts_with(&format!("{f}-")))
        })
        .collect();
    if forbidden.is_empty() {
        eprintln!("\nshared depends on no runtime, database, web framework or browser binding");
        Ok(())
    } else {
        Err(format!(
            "shared must stay pure, but depends on {forbidden:?}"
        ))
    }
}

fn test_all() -> Result<(), String> {
    let mut steps = Steps::default();
    let result = test_steps(&mut steps);
    steps.print();
    result
}

/// Every check of the test command, in order, each timed.
fn test_steps(steps: &mut Steps) -> Result<(), String> {
    steps.time("set-up: wasm target, rustfmt, clippy", || {
        setup::wasm_target()?;
        setup::rust_components()
    })?;
    steps.time("formatting", || {
        run(cargo().args(["fmt", "--all", "--check"]))
    })?;
    steps.time("shared stays pure", shared_stays_pure)?;
    steps.time("set-up: npm packages, chromium", || {
        setup::node_packages()?;
        setup::chromium()
    })?;
    // The bundle's release build ends in one long link on one core (LTO, one code unit): it runs
    // beside the checks, builds and tests below, which keep the other core busy, and the browser
    // tests wait for it. Its own cargo locks only its own profile's folders.
    let bundle = std::thread::spawn(|| {
        let started = std::time::Instant::now();
        (bundle::build(), started.elapsed())
    });
    let result = test_steps_beside_the_bundle(steps);
    let (built, took) = steps.wait("waiting for the bundle", bundle);
    steps.beside("bundle (beside the steps above)", took);
    result?;
    built?;
    steps.time("browser tests", || {
        run(Command::new("npx")
            .args(["--no-install", "playwright", "test"])
            .current_dir(root().join("end2end"))
            .env("VIP_SERVER_BIN", root().join("target/debug/vip-server"))
            .env("VIP_SITE", root().join("target/site")))
    })
}

/// The checks and tests that need no bundle.
fn test_steps_beside_the_bundle(steps: &mut Steps) -> Result<(), String> {
    steps.time("clippy (native)", || {
        run(cargo().args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]))
    })?;
    steps.time("clippy (wasm32)", || {
        run(cargo().args([
            "clippy",
            "--package",
            "shared",
            "--package",
            "app",
            "--target",
            "wasm32-unknown-unknown",
            "--",
            "-D",
            "warnings",
        ]))
    })?;
    steps.time("cargo deny", || supply::deny(false))?;
    steps.time("server build", || {
        run(cargo().args(["build", "--package", "server"]))
    })?;
    steps.time("crash test (20 cycles)", || {
        crash::crash(20, crash::seed_from_clock())
    })?;
    steps.time("Rust tests", || run(cargo().args(["test", "--workspace"])))?;
    steps.time("fuzz smoke runs", || supply::fuzz(15))?;
    steps.time("OpenAPI validation and schemathesis", fuzz_api::run_all)
}

/// The time each step of a command took, printed at its end (also when a step failed); steps
/// that ran beside the others are listed apart and not added to the total.
#[derive(Default)]
struct Steps {
    one_after_another: Vec<(&'static str, std::time::Duration)>,
    beside: Vec<(&'static str, std::time::Duration)>,
}

impl Steps {
    /// Waits for a step running on its own thread; a panic there is its failure.
    fn wait<T>(
        &mut self,
        name: &'static str,
        thread: std::thread::JoinHandle<(Result<T, String>, std::time::Duration)>,
    ) -> (Result<T, String>, std::time::Duration) {
        let started = std::time::Instant::now();
        let joined = thread.join().unwrap_or_else(|_| {
            (
                Err(format!("{name}: the step panicked")),
                std::time::Duration::ZERO,
            )
        });
        self.one_after_another.push((name, started.elapsed()));
        joined
    }

    fn beside(&mut self, name: &'static str, took: std::time::Duration) {
        self.beside.push((name, took));
    }

    fn time(
        &mut self,
        name: &'static str,
        step: impl FnOnce() -> Result<(), String>,
    ) -> Result<(), String> {
        let started = std::time::Instant::now();
        let result = step();
        self.one_after_another.push((name, started.elapsed()));
        result
    }

    fn print(&self) {
        let total: std::time::Duration = self.one_after_another.iter().map(|(_, d)| *d).sum();
        eprintln!("\nsteps (seconds):");
        for (name, took) in &self.one_after_another {
            eprintln!("  {:>7.1}  {name}", took.as_secs_f64());
        }
        eprintln!("  {:>7.1}  in all", total.as_secs_f64());
        for (name, took) in &self.beside {
            eprintln!("  {:>7.1}  {name}", took.as_secs_f64());
        }
    }
}
