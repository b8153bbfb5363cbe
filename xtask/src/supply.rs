//! The supply chain and the parsers: `cargo deny` over the dependency graph, `npm audit` over the
//! browser tests' packages, and short runs of the fuzz targets in `fuzz/`.
//!
//! The tools come from crates.io into `target/supply-tools`, built once (`--debug`: they build in
//! half the time and run long enough either way).

use std::{
    path::{Path, PathBuf},
    process::Command,
};

use crate::{cargo, root, run};

/// Versions of the tools, pinned so every machine checks the same way.
const CARGO_DENY: (&str, &str) = ("cargo-deny", "0.20.2");
const CARGO_FUZZ: (&str, &str) = ("cargo-fuzz", "0.13.2");

/// Every fuzz target in `fuzz/fuzz_targets/`.
const FUZZ_TARGETS: [&str; 2] = ["values", "requests"];

fn tools() -> PathBuf {
    root().join("target/supply-tools")
}

/// Installs a cargo subcommand into [`tools`] unless it is there.
fn install((name, version): (&str, &str)) -> Result<(), String> {
    if tools().join("bin").join(name).exists() {
        return Ok(());
    }
    run(cargo()
        .args(["install", name, "--version", version, "--locked", "--debug"])
        .arg("--root")
        .arg(tools()))
}

/// `cargo` with the installed subcommands on its path.
fn cargo_with_tools() -> Command {
    with_tools(cargo())
}

/// `command` with the installed subcommands on its path.
fn with_tools(mut command: Command) -> Command {
    let path = std::env::var_os("PATH").unwrap_or_default();
    let mut dirs = vec![tools().join("bin")];
    dirs.extend(std::env::split_paths(&path));
    command.env(
        "PATH",
        std::env::join_paths(dirs).expect("a PATH without separators in its folders"),
    );
    command
}

/// `cargo deny check`: licences compatible with EUPL-1.2, no unexpected duplicate versions,
/// crates.io as the only source (see `deny.toml`). With `advisories`, also RustSec's advisories
/// (a database fetched from GitHub) and `npm audit` (npm's audit service): both out of reach of a
/// machine that sees only the package registries, so the test command leaves them out.
pub fn deny(advisories: bool) -> Result<(), String> {
    install(CARGO_DENY)?;
    let mut checks = vec!["bans", "licenses", "sources"];
    if advisories {
        checks.push("advisories");
    }
    run(cargo_with_tools()
        .args(["deny", "--all-features", "check"])
        .args(checks))?;
    if advisories {
        npm_audit()?;
    }
    Ok(())
}

/// `npm audit` of the browser tests' packages (Playwright, and binaryen for the bundle): every
/// one is a development tool, so all are audited.
fn npm_audit() -> Result<(), String> {
    run(Command::new("npm")
        .args(["audit", "--audit-level=moderate"])
        .current_dir(root().join("end2end")))
}

/// The nightly toolchain that `cargo fuzz` builds with (sanitizers).
fn nightly() -> Result<(), String> {
    let listed = Command::new("rustup")
        .args(["toolchain", "list"])
        .output()
        .map_err(|e| format!("rustup: {e}"))?;
    if String::from_utf8_lossy(&listed.stdout)
        .lines()
        .any(|l| l.starts_with("nightly"))
    {
        return Ok(());
    }
    run(Command::new("rustup").args(["toolchain", "install", "nightly", "--profile", "minimal"]))
}

/// Runs each fuzz target for `seconds` with a fixed seed; a crash fails with the input saved in
/// `target/fuzz-artifacts/<target>/` (replay it with `cargo fuzz run <target> <file>` in `fuzz/`
/// and add it as a unit test in `shared`).
pub fn fuzz(seconds: u32) -> Result<(), String> {
    nightly()?;
    install(CARGO_FUZZ)?;
    let fuzz_dir = root().join("fuzz");
    for target in FUZZ_TARGETS {
        let corpus = root().join("target/fuzz-corpus").join(target);
        let artifacts = root().join("target/fuzz-artifacts").join(target);
        for dir in [&corpus, &artifacts] {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        let mut nightly_cargo = Command::new("rustup");
        nightly_cargo
            .args(["run", "nightly", "cargo"])
            // The stable toolchain that runs this command must not leak into the nightly build.
            .env_remove("CARGO")
            .env_remove("RUSTC")
            .env_remove("RUSTUP_TOOLCHAIN");
        run(with_tools(nightly_cargo)
            .args(["fuzz", "run", "--fuzz-dir"])
            .arg(&fuzz_dir)
            .arg("--target-dir")
            .arg(root().join("target/fuzz"))
            .arg(target)
            .arg(&corpus)
            .arg("--")
            .arg(format!("-max_total_time={seconds}"))
            .arg("-seed=20261130")
            .arg(format!("-dict={}", fuzz_dir.join("json.dict").display()))
            .arg(format!("-artifact_prefix={}/", slash_free(&artifacts))))?;
    }
    Ok(())
}

fn slash_free(path: &Path) -> String {
    path.display().to_string().trim_end_matches('/').to_owned()
}
