//! The web bundle: the app compiled to WebAssembly with the size profile, wasm-bindgen (the
//! library, at Cargo.lock's version), `wasm-opt -Oz` from npm's binaryen, the CSS and
//! `index.html`, written to `target/site` with `.br` and `.gz` files beside the big ones.
//!
//! Assets live in `pkg/<hash>/`, so they can be cached for a year and a new build is never mixed
//! with an old one.

use std::{
    fs,
    io::Write,
    path::{Path, PathBuf},
    process::Command,
};

use crate::{cargo, root, run};

const TARGET: &str = "wasm32-unknown-unknown";
const PROFILE: &str = "wasm-release";

/// Builds `target/site`.
pub fn build() -> Result<(), String> {
    let root = root();
    run(cargo().args([
        "build",
        "--package",
        "app",
        "--bin",
        "app",
        "--target",
        TARGET,
        "--profile",
        PROFILE,
    ]))?;
    let wasm_in = root.join(format!("target/{TARGET}/{PROFILE}/app.wasm"));
    let work = root.join("target/bundle");
    remove_dir(&work)?;
    fs::create_dir_all(&work).map_err(|e| format!("{}: {e}", work.display()))?;

    eprintln!("\n# wasm-bindgen (the library, at the version of Cargo.lock)");
    let mut bindgen = wasm_bindgen_cli_support::Bindgen::new();
    bindgen
        .input_path(&wasm_in)
        .out_name("app")
        .typescript(false)
        .omit_default_module_path(false);
    bindgen
        .web(true)
        .map_err(|e| format!("wasm-bindgen: {e}"))?
        .generate(&work)
        .map_err(|e| format!("wasm-bindgen: {e}"))?;

    let wasm_opt = root.join("end2end/node_modules/.bin/wasm-opt");
    let optimised = work.join("app_bg.opt.wasm");
    run(Command::new(&wasm_opt)
        .arg("-Oz")
        .args([
            "--enable-bulk-memory",
            "--enable-nontrapping-float-to-int",
            "--enable-sign-ext",
            "--enable-mutable-globals",
            "--enable-reference-types",
            "--enable-multivalue",
            "--strip-debug",
            "--strip-producers",
        ])
        .arg(work.join("app_bg.wasm"))
        .arg("-o")
        .arg(&optimised))?;

    let wasm = read(&optimised)?;
    let js = read(&work.join("app.js"))?;
    let css = stylesheet(&root.join("style"))?;
    let icon = read(&root.join("style/icon.svg"))?;
    let boot = b"import init from './app.js';\n\
init({ module_or_path: new URL('./app_bg.wasm', import.meta.url) });\n"
        .to_vec();
    let hash = {
        let mut h = Fnv::default();
        for part in [&wasm, &js, &css, &boot, &icon] {
            h.write(part);
        }
        format!("{:016x}", h.0)
    };

    let site = root.join("target/site");
    remove_dir(&site)?;
    let pkg = site.join("pkg").join(&hash);
    fs::create_dir_all(&pkg).map_err(|e| format!("{}: {e}", pkg.display()))?;
    write(&pkg.join("app_bg.wasm"), &wasm)?;
    write(&pkg.join("app.js"), &js)?;
    write(&pkg.join("boot.js"), &boot)?;
    write(&pkg.join("style.css"), &css)?;
    write(&pkg.join("icon.svg"), &icon)?;
    let snippets = work.join("snippets");
    if snippets.exists() {
        copy_dir(&snippets, &pkg.join("snippets"))?;
    }
    write(&site.join("index.html"), index_html(&hash).as_bytes())?;
    precompress(&pkg)?;

    let (wasm_gz, wasm_br) = (
        size(&pkg.join("app_bg.wasm.gz"))?,
        size(&pkg.join("app_bg.wasm.br"))?,
    );
    let (js_gz, js_br) = (size(&pkg.join("app.js.gz"))?, size(&pkg.join("app.js.br"))?);
    eprintln!(
        "\nbundle written to {}\n  wasm: {} raw, {} gzip, {} brotli\n  js:   {} raw, {} gzip, {} brotli\n  css:  {} raw",
        site.display(),
        kib(wasm.len() as u64),
        kib(wasm_gz),
        kib(wasm_br),
        kib(js.len() as u64),
        kib(js_gz),
        kib(js_br),
        kib(css.len() as u64),
    );
    Ok(())
}

fn index_html(hash: &str) -> String {
    format!(
        r##"<!doctype html>
<html lang="nl" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="theme-color" content="#0b5394">
<title>VIP route</title>
<link rel="icon" href="/pkg/{hash}/icon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/pkg/{hash}/style.css">
<link rel="modulepreload" href="/pkg/{hash}/app.js">
<link rel="preload" href="/pkg/{hash}/app_bg.wasm" as="fetch" type="application/wasm" crossorigin>
<script type="module" src="/pkg/{hash}/boot.js"></script>
</head>
<body>
<noscript>VIP route needs JavaScript. / VIP route werkt alleen met JavaScript.</noscript>
</body>
</html>
"##
    )
}

/// All `.css` files of `style/`, in name order, as one file.
fn stylesheet(dir: &Path) -> Result<Vec<u8>, String> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "css"))
        .collect();
    files.sort();
    let mut css = Vec::new();
    for file in files {
        css.extend(read(&file)?);
        css.push(b'\n');
    }
    Ok(css)
}

/// `.gz` (level 9) and `.br` (quality 11) beside every file over 1 KiB.
fn precompress(dir: &Path) -> Result<(), String> {
    for entry in fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            precompress(&path)?;
            continue;
        }
        let data = read(&path)?;
        if data.len() < 1024 {
            continue;
        }
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gz.write_all(&data).map_err(|e| e.to_string())?;
        write(
            &with_suffix(&path, "gz"),
            &gz.finish().map_err(|e| e.to_string())?,
        )?;
        let mut br = Vec::new();
        {
            let mut writer = brotli::CompressorWriter::new(&mut br, 4096, 11, 22);
            writer.write_all(&data).map_err(|e| e.to_string())?;
        }
        write(&with_suffix(&path, "br"), &br)?;
    }
    Ok(())
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    PathBuf::from(name)
}

fn copy_dir(from: &Path, to: &Path) -> Result<(), String> {
    fs::create_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
    for entry in fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        let target = to.join(path.file_name().unwrap_or_default());
        if path.is_dir() {
            copy_dir(&path, &target)?;
        } else {
            write(&target, &read(&path)?)?;
        }
    }
    Ok(())
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    fs::read(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn write(path: &Path, data: &[u8]) -> Result<(), String> {
    fs::write(path, data).map_err(|e| format!("{}: {e}", path.display()))
}

fn remove_dir(path: &Path) -> Result<(), String> {
    match fs::remove_dir_all(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(format!("{}: {e}", path.display())),
    }
}

fn size(path: &Path) -> Result<u64, String> {
    fs::metadata(path)
        .map(|m| m.len())
        .map_err(|e| format!("{}: {e}", path.display()))
}

fn kib(bytes: u64) -> String {
    format!("{:.1} KiB", bytes as f64 / 1024.0)
}

/// FNV-1a, 64 bits: a stable content hash for cache-busting names.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}
