//! The web bundle: the app compiled to WebAssembly with the size profile, split at its lazily
//! loaded screens (`wasm_split_cli_support`, the library cargo-leptos uses), wasm-bindgen (the
//! library, at Cargo.lock's version), `wasm-opt -Oz` from npm's binaryen on every module, the CSS
//! and `app/index.html` with its static shell, written to `target/site` with `.br` and `.gz` files
//! beside the big ones.
//!
//! Assets live in `pkg/<hash>/`, so they can be cached for a year and a new build is never mixed
//! with an old one. The split modules sit beside the main one: `__wasm_split.js` fetches them
//! relative to itself. `prefetch.json` names the files each split module needs (its own and its
//! chunks), so the app can fetch those of a role's screens ahead without running them.

use std::{
    collections::{BTreeMap, HashMap},
    fs,
    io::Write,
    path::{Path, PathBuf},
    process::Command,
};

use crate::{cargo, root, run};

const TARGET: &str = "wasm32-unknown-unknown";
const PROFILE: &str = "wasm-release";
/// The loader of the split modules, imported by the main module and by `app.js`.
const SPLIT_LOADER: &str = "__wasm_split.js";
/// Split module name -> the `.wasm` files it needs, read by the app's prefetch (`app/src/screens.rs`).
const PREFETCH_MAP: &str = "prefetch.json";

/// What a first visit downloads, by the split modules it needs beyond the main one: those whose
/// name starts with one of these (`#[lazy]` names a module after its function, plus a hash).
const ENTRIES: &[(&str, &[&str])] = &[
    ("login", &[]),
    ("participant home", &[]),
    ("coordinator home", &["__coordinator_home"]),
];

/// The interface languages: the split module of each one's texts (Dutch's are in the main module,
/// `app/src/i18n/mod.rs`) and the fonts it loads (`style/fonts.css`: a face whose `unicode-range`
/// only that language's script falls in).
const LANGUAGES: &[(&str, Option<&str>, &[&str])] = &[
    ("nl", None, &[]),
    ("en", Some("lang_en"), &[]),
    ("ar", Some("lang_ar"), &[]),
    ("ti", Some("lang_ti"), &[ETHIOPIC_FONT]),
    ("fa-AF", Some("lang_fa_af"), &[]),
    ("uk", Some("lang_uk"), &[]),
];

/// Builds `target/site`.
pub fn build() -> Result<(), String> {
    let root = root();
    // `--emit-relocs` only for the final link: the splitter reads the relocations to move code
    // between modules. The dependencies are built as always.
    run(cargo()
        .args([
            "rustc",
            "--package",
            "app",
            "--bin",
            "app",
            "--target",
            TARGET,
            "--profile",
            PROFILE,
            "--",
            "-Clink-arg=--emit-relocs",
        ])
        // Leptos's type erasure: a component's view is an `AnyView`, so each view type is compiled
        // once instead of once per place that nests it.
        .env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS",
            "--cfg=erase_components",
        ))?;
    let wasm_in = root.join(format!("target/{TARGET}/{PROFILE}/app.wasm"));
    // A folder of this run's own, so that two bundles built at once do not mix their files.
    let work = root.join(format!("target/bundle/{}", std::process::id()));
    remove_dir(&work)?;
    fs::create_dir_all(&work).map_err(|e| format!("{}: {e}", work.display()))?;

    eprintln!("\n# wasm-split (the screens behind `#[lazy]` into modules of their own)");
    let split_dir = work.join("split");
    let unsplit = read(&wasm_in)?;
    let split_main = work.join("app_split.wasm");
    let split = {
        let mut opts = wasm_split_cli_support::Options::new(&unsplit);
        opts.output_dir = &split_dir;
        opts.main_out_path = &split_main;
        opts.link_name = "./__wasm_split.js";
        opts.main_module = "./app.js";
        wasm_split_cli_support::transform(opts).map_err(|e| format!("wasm-split: {e:#}"))?
    };

    eprintln!("\n# wasm-bindgen (the library, at the version of Cargo.lock)");
    let mut bindgen = wasm_bindgen_cli_support::Bindgen::new();
    bindgen
        .input_path(&split_main)
        .out_name("app")
        .typescript(false)
        .omit_default_module_path(false)
        // the split modules call the main one through the exports the linker made
        .keep_lld_exports(true)
        .demangle(false);
    bindgen
        .web(true)
        .map_err(|e| format!("wasm-bindgen: {e}"))?
        .generate(&work)
        .map_err(|e| format!("wasm-bindgen: {e}"))?;

    // name in the site -> contents
    let mut files: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    let mut modules = vec![("app_bg.wasm".to_owned(), work.join("app_bg.wasm"))];
    for module in &split.split_modules {
        modules.push((file_name(module)?, module.clone()));
    }
    files.extend(wasm_opt_all(modules)?);
    files.insert("app.js".to_owned(), read(&work.join("app.js"))?);
    files.insert(
        SPLIT_LOADER.to_owned(),
        read(&split_dir.join(SPLIT_LOADER))?,
    );
    files.insert("style.css".to_owned(), stylesheet(&root.join("style"))?);
    files.insert("icon.svg".to_owned(), read(&root.join("style/icon.svg"))?);
    files.insert("shell.js".to_owned(), read(&root.join("app/shell.js"))?);
    files.extend(fonts(&root)?);
    files.insert(
        PREFETCH_MAP.to_owned(),
        prefetch_map(&split.prefetch_map)?.into_bytes(),
    );
    files.insert(
        "boot.js".to_owned(),
        b"import init from './app.js';\n\
init({ module_or_path: new URL('./app_bg.wasm', import.meta.url) });\n"
            .to_vec(),
    );
    let hash = {
        let mut h = Fnv::default();
        for (name, data) in &files {
            h.write(name.as_bytes());
            h.write(data);
        }
        format!("{:016x}", h.0)
    };

    // Written beside the site, then put in its place.
    let site = root.join("target/site");
    let next = root.join(format!("target/site.{}", std::process::id()));
    remove_dir(&next)?;
    let pkg = next.join("pkg").join(&hash);
    fs::create_dir_all(&pkg).map_err(|e| format!("{}: {e}", pkg.display()))?;
    for (name, data) in &files {
        write(&pkg.join(name), data)?;
    }
    let snippets = work.join("snippets");
    if snippets.exists() {
        copy_dir(&snippets, &pkg.join("snippets"))?;
    }
    let index = String::from_utf8(read(&root.join("app/index.html"))?)
        .map_err(|e| format!("app/index.html: {e}"))?;
    write(
        &next.join("index.html"),
        index.replace("{pkg}", &format!("/pkg/{hash}")).as_bytes(),
    )?;
    precompress(&pkg)?;
    let sizes = Sizes::of(&pkg, &files)?;
    remove_dir(&site)?;
    fs::rename(&next, &site).map_err(|e| format!("{}: {e}", site.display()))?;
    remove_dir(&work)?;

    eprintln!("\nbundle written to {}", site.display());
    report(&sizes, &split.prefetch_map)
}

/// `wasm-opt` of every module, as many at once as there are cores (most are small, and starting
/// binaryen's JavaScript build takes longer than optimising them).
fn wasm_opt_all(modules: Vec<(String, PathBuf)>) -> Result<Vec<(String, Vec<u8>)>, String> {
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    let queue = std::sync::Mutex::new(modules);
    let next = || queue.lock().map_err(|e| e.to_string()).map(|mut q| q.pop());
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    while let Some((name, path)) = next()? {
                        done.push((name, wasm_opt(&path)?));
                    }
                    Ok::<_, String>(done)
                })
            })
            .collect();
        let mut all = Vec::new();
        for handle in handles {
            all.extend(
                handle
                    .join()
                    .map_err(|_| "a wasm-opt worker panicked".to_owned())??,
            );
        }
        Ok(all)
    })
}

/// `wasm-opt -Oz` of one module, returning the optimised module.
fn wasm_opt(module: &Path) -> Result<Vec<u8>, String> {
    let wasm_opt = root().join("end2end/node_modules/.bin/wasm-opt");
    let optimised = with_suffix(module, "opt");
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
        .arg(module)
        .arg("-o")
        .arg(&optimised))?;
    read(&optimised)
}

/// The raw, gzip and brotli size of every file of the site.
struct Sizes(BTreeMap<String, [u64; 3]>);

impl Sizes {
    fn of(pkg: &Path, files: &BTreeMap<String, Vec<u8>>) -> Result<Sizes, String> {
        let mut sizes = BTreeMap::new();
        for (name, data) in files {
            let raw = data.len() as u64;
            let compressed = |suffix| {
                let path = with_suffix(&pkg.join(name), suffix);
                if path.exists() { size(&path) } else { Ok(raw) }
            };
            sizes.insert(name.clone(), [raw, compressed("gz")?, compressed("br")?]);
        }
        Ok(Sizes(sizes))
    }

    fn brotli(&self, name: &str) -> Result<u64, String> {
        self.0
            .get(name)
            .map(|s| s[2])
            .ok_or_else(|| format!("no file {name} in the bundle"))
    }
}

/// Prints every file's sizes, and what the first visit of each entry downloads.
fn report(sizes: &Sizes, prefetch: &HashMap<String, Vec<String>>) -> Result<(), String> {
    eprintln!(
        "  {:<28} {:>11} {:>11} {:>11}",
        "file", "raw", "gzip", "brotli"
    );
    for (name, [raw, gz, br]) in &sizes.0 {
        eprintln!(
            "  {:<28} {:>11} {:>11} {:>11}",
            name,
            kib(*raw),
            kib(*gz),
            kib(*br)
        );
    }
    let first_load = [
        "app_bg.wasm",
        "app.js",
        SPLIT_LOADER,
        "boot.js",
        "shell.js",
        "style.css",
    ];
    // The files a split module needs, by the start of its name.
    let split_files = |prefix: &str| -> Result<Vec<String>, String> {
        let mut files = Vec::new();
        for (split, modules) in prefetch {
            if split.starts_with(prefix) {
                files.extend(modules.iter().map(|m| format!("{m}.wasm")));
            }
        }
        if files.is_empty() {
            return Err(format!("no split module named {prefix}*"));
        }
        Ok(files)
    };
    let total = |mut needed: Vec<String>| -> Result<(u64, usize), String> {
        needed.sort();
        needed.dedup();
        let mut total = 0;
        for name in &needed {
            total += sizes.brotli(name)?;
        }
        Ok((total, needed.len()))
    };
    let mut entries = Vec::new();
    eprintln!("\nfirst load (wasm + js + css, brotli):");
    for (entry, splits) in ENTRIES {
        let mut needed: Vec<String> = first_load.iter().map(|f| (*f).to_owned()).collect();
        for prefix in *splits {
            needed.extend(split_files(prefix)?);
        }
        let (size, count) = total(needed.clone())?;
        eprintln!("  {entry:<20} {:>11}  ({count} files)", kib(size));
        entries.push((entry, needed));
    }
    eprintln!(
        "\nfirst load per language (wasm + js + css + the language's texts and fonts, brotli):"
    );
    eprint!("  {:<8}", "language");
    for (entry, _) in ENTRIES {
        eprint!(" {entry:>18}");
    }
    eprintln!();
    for (lang, texts, fonts) in LANGUAGES {
        eprint!("  {lang:<8}");
        for (_, needed) in &entries {
            let mut needed = needed.clone();
            if let Some(texts) = texts {
                needed.extend(split_files(texts)?);
            }
            needed.extend(fonts.iter().map(|f| (*f).to_owned()));
            eprint!(" {:>18}", kib(total(needed)?.0));
        }
        eprintln!();
    }
    Ok(())
}

fn file_name(path: &Path) -> Result<String, String> {
    path.file_name()
        .and_then(|n| n.to_str())
        .map(str::to_owned)
        .ok_or_else(|| format!("{}: no file name", path.display()))
}

/// `{"split name": ["file.wasm", ...]}`, in name order: what each split module needs.
fn prefetch_map(map: &HashMap<String, Vec<String>>) -> Result<String, String> {
    let sorted: BTreeMap<&String, Vec<String>> = map
        .iter()
        .map(|(split, files)| (split, files.iter().map(|f| format!("{f}.wasm")).collect()))
        .collect();
    serde_json::to_string(&sorted).map_err(|e| e.to_string())
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

/// The font the system may lack: Noto Sans Ethiopic's Ethiopic subset for Tigrinya, from npm's
/// `@fontsource/noto-sans-ethiopic` (in `end2end`'s packages, installed by `cargo xtask setup`),
/// with its licence (SIL OFL 1.1, which asks that it travels with the font). `style/fonts.css`
/// refers to it.
/// The Ethiopic font's name in the bundle, as `style/fonts.css` refers to it.
const ETHIOPIC_FONT: &str = "noto-sans-ethiopic-400.woff2";

fn fonts(root: &Path) -> Result<Vec<(String, Vec<u8>)>, String> {
    let package = root.join("end2end/node_modules/@fontsource/noto-sans-ethiopic");
    let font = package.join("files/noto-sans-ethiopic-ethiopic-400-normal.woff2");
    let licence = package.join("LICENSE");
    if !font.exists() {
        return Err(format!(
            "{}: missing; run `cargo xtask setup` (npm's packages of end2end)",
            font.display()
        ));
    }
    Ok(vec![
        (ETHIOPIC_FONT.to_owned(), read(&font)?),
        ("noto-sans-ethiopic-LICENSE.txt".to_owned(), read(&licence)?),
    ])
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

#[cfg(test)]
mod tests {
    use super::*;

    const FONTS_CSS: &str = include_str!("../../style/fonts.css");

    /// The code points of a `unicode-range` (`U+1200-1399, U+2D80-2DDF`) as ranges.
    fn ranges(css: &str) -> Vec<(u32, u32)> {
        let start = css.find("unicode-range:").expect("a unicode-range") + 14;
        let value = &css[start..start + css[start..].find(';').expect("its end")];
        value
            .split(',')
            .map(|part| {
                let part = part.trim().trim_start_matches("U+");
                let (from, to) = part.split_once('-').unwrap_or((part, part));
                let hex = |h: &str| u32::from_str_radix(h, 16).expect("hex");
                (hex(from), hex(to))
            })
            .collect()
    }

    #[test]
    fn the_stylesheet_loads_the_bundled_font_for_ethiopic_only() {
        assert!(FONTS_CSS.contains(&format!("url(\"{ETHIOPIC_FONT}\") format(\"woff2\")")));
        assert!(FONTS_CSS.contains("font-display: swap;"));
        let ranges = ranges(FONTS_CSS);
        let covers = |c: u32| ranges.iter().any(|(a, b)| (*a..=*b).contains(&c));
        // Ethiopic: ትግርኛ.
        for c in "ትግርኛ".chars() {
            assert!(covers(c as u32), "{c}");
        }
        // Not Latin, Cyrillic or Arabic script: Dutch, English, Ukrainian, Arabic and Dari
        // never download it.
        for c in "Nederlands English Українська العربية دری پچژگ".chars() {
            assert!(!covers(c as u32), "{c}");
        }
    }

    #[test]
    fn only_tigrinya_text_names_the_font() {
        let named: Vec<&str> = FONTS_CSS
            .split('}')
            .filter(|rule| rule.contains("font-family: \"VIP Noto Sans Ethiopic\","))
            .map(|rule| rule.split('{').next().unwrap_or("").trim())
            .collect();
        assert_eq!(named, [":lang(ti)"]);
    }
}
