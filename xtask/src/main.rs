//! The project's build tool: `cargo xtask run` and `cargo xtask test` do all the set-up they need.
//!
//! A Rust tool rather than a script because the bundle needs wasm-bindgen at exactly the version
//! in `Cargo.lock`: linking `wasm-bindgen-cli-support` pinned with `=` keeps them matched with
//! nothing to install by hand.

mod bench;
mod bundle;
mod fuzz_api;
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
                        need GitHub and npm's audit service, out of reach of the test machine)";

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
    setup::wasm_target()?;
    setup::rust_components()?;
    run(cargo().args(["fmt", "--all", "--check"]))?;
    shared_stays_pure()?;
    run(cargo().args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;
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
    ]))?;
    supply::deny(false)?;
    setup::node_packages()?;
    setup::chromium()?;
    bundle::build()?;
    run(cargo().args(["build", "--package", "server"]))?;
    run(cargo().args(["test", "--workspace"]))?;
    supply::fuzz(15)?;
    fuzz_api::run_all()?;
    run(Command::new("npx")
        .args(["--no-install", "playwright", "test"])
        .current_dir(root().join("end2end"))
        .env("VIP_SERVER_BIN", root().join("target/debug/vip-server"))
        .env("VIP_SITE", root().join("target/site")))
}
