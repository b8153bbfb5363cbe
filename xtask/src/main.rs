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
mod setup;

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
    setup::node_packages()?;
    setup::chromium()?;
    bundle::build()?;
    run(cargo().args(["build", "--package", "server"]))?;
    crash::crash(20, crash::seed_from_clock())?;
    run(cargo().args(["test", "--workspace"]))?;
    fuzz_api::run_all()?;
    run(Command::new("npx")
        .args(["--no-install", "playwright", "test"])
        .current_dir(root().join("end2end"))
        .env("VIP_SERVER_BIN", root().join("target/debug/vip-server"))
        .env("VIP_SITE", root().join("target/site")))
}
