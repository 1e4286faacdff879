//! Builds the programs' Anchor IDL without the anchor CLI.
//!
//! The IDL comes from `anchor-lang-idl`'s [`IdlBuilder`], the builder behind `anchor idl build`
//! and `anchor build`: it runs the program's host
//! `cargo test __anchor_private_print_idl --features idl-build` and parses what that test prints.
//! The files are what anchor-cli 1.2.2 writes to `target/idl/<name>.json`,
//! `target/types/<name>.ts` and `target/types/<name>_errors.ts`, kept in `idls/` (plus a trailing
//! newline on the JSON, which anchor-cli leaves out).

#![warn(missing_docs)]

use std::{
    env,
    ffi::OsStr,
    fs, io,
    path::{Path, PathBuf},
};

use anchor_lang_idl::{build::IdlBuilder, types::Idl};
use anyhow::{anyhow, bail, Context, Result};
use heck::{ToLowerCamelCase, ToPascalCase};
use serde_json::Value;

/// A program of the workspace whose IDL is generated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Program {
    /// The crate's name, which is also the IDL's `metadata.name` and the files' stem.
    pub name: &'static str,
    /// The crate's directory, relative to the workspace root.
    pub dir: &'static str,
}

/// The workspace's programs, in the order they are built.
pub const PROGRAMS: [Program; 2] = [
    Program {
        name: "pool_bot",
        dir: "programs/pool_bot",
    },
    Program {
        name: "local_amm",
        dir: "programs/local_amm",
    },
];

/// Directory, relative to the workspace root, that holds the committed IDL files.
pub const IDL_DIR: &str = "idls";

/// How to fix stale IDL files.
pub const FIX_HINT: &str = "run scripts/idl.sh to regenerate and commit idls/";

/// What the tool was asked to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Build the IDLs and write `idls/`.
    Write,
    /// Build the IDLs and compare them with the committed `idls/`.
    Check,
    /// Print the usage.
    Help,
}

/// Usage text of `poolbot-idl`.
pub const USAGE: &str = "\
usage: poolbot-idl [--check]

Builds the Anchor IDL of programs/pool_bot and programs/local_amm (no anchor CLI needed) and
writes idls/<name>.json, idls/<name>.ts and idls/<name>_errors.ts as anchor-cli 1.2.2 would.

  --check     build and compare with the committed files instead; exit 1 if any is stale
  -h, --help  print this help";

impl Mode {
    /// Parses the command-line arguments (without the program name).
    pub fn from_args<I: IntoIterator<Item = String>>(args: I) -> Result<Self> {
        let mut mode = Mode::Write;
        for arg in args {
            match arg.as_str() {
                "--check" => mode = Mode::Check,
                "-h" | "--help" => return Ok(Mode::Help),
                other => bail!("unknown argument `{other}`\n{USAGE}"),
            }
        }
        Ok(mode)
    }
}

/// Target directory for the nested cargo build: `$CARGO_TARGET_DIR/idl-build` (a relative value
/// is resolved against `cwd`, as cargo does) or `<root>/target/idl-build`.
///
/// It is never the target directory of the cargo that runs this tool, so the nested cargo never
/// waits on that one's lock, and its `RUSTFLAGS=-A warnings` never invalidates that one's
/// artifacts. The name is not `idl` because Anchor writes its JSON to `target/idl/`.
pub fn nested_target_dir(cargo_target_dir: Option<&OsStr>, cwd: &Path, root: &Path) -> PathBuf {
    match cargo_target_dir.filter(|dir| !dir.is_empty()) {
        Some(dir) => cwd.join(dir).join("idl-build"),
        None => root.join("target").join("idl-build"),
    }
}

/// The program id in a `declare_id!("…")` of the given Rust source.
pub fn declared_id(source: &str) -> Option<&str> {
    let start = source.find("declare_id!(\"")? + "declare_id!(\"".len();
    let len = source[start..].find('"')?;
    Some(&source[start..start + len])
}

/// Builds `program`'s IDL with `anchor-lang-idl`'s builder, its cargo using `target_dir`.
///
/// Sets `CARGO_TARGET_DIR` and removes `RUSTUP_TOOLCHAIN` in this process's environment (the
/// builder's cargo inherits it; with `RUSTUP_TOOLCHAIN` set, which rustup does for everything
/// `cargo run` starts, anchor-lang-idl 0.1.4 runs the literal `cargo +{toolchain}` and fails;
/// without it the nested cargo takes the toolchain from `rust-toolchain.toml`). Call it before
/// starting any thread.
pub fn build_idl(root: &Path, program: Program, target_dir: &Path) -> Result<Idl> {
    env::set_var("CARGO_TARGET_DIR", target_dir);
    env::remove_var("RUSTUP_TOOLCHAIN");

    let program_dir = root.join(program.dir);
    let idl = IdlBuilder::new()
        .program_path(program_dir.clone())
        // Anchor.toml: `resolution = true`, `skip-lint = false`; docs included.
        .resolution(true)
        .skip_lint(false)
        .no_docs(false)
        // Only the lib's unit tests hold the IDL printers: skip doc tests and other targets.
        .cargo_args(vec!["--lib".into()])
        .build()
        .map_err(|err| {
            let context = format!(
                "building the IDL of `{}` failed: `cargo test __anchor_private_print_idl \
                 --features idl-build --lib` in {} (target dir {}); the compiler's output is \
                 above, ANCHOR_LOG=1 also prints the test's output",
                program.name,
                program.dir,
                target_dir.display()
            );
            match err.downcast_ref::<io::Error>() {
                Some(io) if io.kind() == io::ErrorKind::NotFound => {
                    anyhow!("{context}\n  (could not run `cargo`: is it on PATH?)")
                }
                // The builder's own message only says to run `anchor idl build`.
                _ if err.to_string().starts_with("Building IDL failed") => anyhow!(context),
                _ => err.context(context),
            }
        })?;

    let lib_rs = program_dir.join("src/lib.rs");
    let source =
        fs::read_to_string(&lib_rs).with_context(|| format!("reading {}", lib_rs.display()))?;
    verify(program, declared_id(&source), &idl)?;
    Ok(idl)
}

/// Checks that an IDL is `program`'s: its name, and its address against the `declare_id!`.
pub fn verify(program: Program, declared_id: Option<&str>, idl: &Idl) -> Result<()> {
    if idl.metadata.name != program.name {
        bail!(
            "the IDL built in {} is named `{}`, expected `{}`",
            program.dir,
            idl.metadata.name,
            program.name
        );
    }
    let declared = declared_id
        .ok_or_else(|| anyhow!("no declare_id!(\"…\") in {}/src/lib.rs", program.dir))?;
    if idl.address != declared {
        bail!(
            "the IDL of `{}` has address `{}` but {}/src/lib.rs declares `{declared}`",
            program.name,
            idl.address,
            program.dir
        );
    }
    Ok(())
}

/// One generated file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Artifact {
    /// Path relative to the workspace root.
    pub path: PathBuf,
    /// Expected contents; `None` when the file must not exist (anchor-cli deletes
    /// `<name>_errors.ts` of a program without errors).
    pub contents: Option<String>,
}

/// The files for one IDL: `<name>.json`, `<name>.ts`, `<name>_errors.ts` in [`IDL_DIR`].
pub fn artifacts(idl: &Idl) -> Result<Vec<Artifact>> {
    let name = &idl.metadata.name;
    if name.is_empty()
        || !name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        bail!("IDL name `{name}` is not a crate name");
    }
    let dir = Path::new(IDL_DIR);
    Ok(vec![
        Artifact {
            path: dir.join(format!("{name}.json")),
            contents: Some(idl_json(idl)?),
        },
        Artifact {
            path: dir.join(format!("{name}.ts")),
            contents: Some(idl_ts(idl)?),
        },
        Artifact {
            path: dir.join(format!("{name}_errors.ts")),
            contents: idl_ts_errors(idl),
        },
    ])
}

/// The IDL as anchor-cli writes it (`serde_json::to_string_pretty`), plus a trailing newline.
pub fn idl_json(idl: &Idl) -> Result<String> {
    Ok(serde_json::to_string_pretty(idl)? + "\n")
}

/// The TypeScript type file, as anchor-cli 1.2.2's `idl_ts` writes `target/types/<name>.ts`:
/// the IDL with its identifiers in camelCase as `export type <PascalName> = {…};`.
pub fn idl_ts(idl: &Idl) -> Result<String> {
    let idl_name = &idl.metadata.name;
    let type_name = idl_name.to_pascal_case();
    let mut camel_idl = serde_json::to_value(idl)?;
    camel_case_idl_identifiers(&mut camel_idl);
    let camel_idl = serde_json::to_string_pretty(&serde_json::from_value::<Idl>(camel_idl)?)?;

    Ok(format!(
        r#"/**
 * Program IDL in camelCase format in order to be used in JS/TS.
 *
 * Note that this is only a type helper and is not the actual IDL. The original
 * IDL can be found at `target/idl/{idl_name}.json`.
 */
export type {type_name} = {camel_idl};
"#
    ))
}

/// The error constants file, as anchor-cli 1.2.2 writes `target/types/<name>_errors.ts`; `None`
/// for an IDL without errors.
pub fn idl_ts_errors(idl: &Idl) -> Option<String> {
    if idl.errors.is_empty() {
        return None;
    }
    let type_name = idl.metadata.name.to_pascal_case();
    let error_code_name = format!("{type_name}ErrorCode");
    let entries = idl
        .errors
        .iter()
        .map(|error| format!("  {}: {}", error.name, error.code))
        .collect::<Vec<_>>()
        .join(",\n");
    Some(format!(
        r#"
export const {error_code_name} = {{
{entries}
}};

export type {type_name}ErrorName = keyof typeof {error_code_name};
"#
    ))
}

/// anchor-cli 1.2.2's `camel_case_idl_identifiers`: camel-cases the values of identifier keys.
fn camel_case_idl_identifiers(value: &mut Value) {
    match value {
        Value::Array(values) => values.iter_mut().for_each(camel_case_idl_identifiers),
        Value::Object(map) => {
            for (key, value) in map {
                if matches!(
                    key.as_str(),
                    "name" | "path" | "account" | "relations" | "generic"
                ) {
                    camel_case_idl_identifier(value);
                } else {
                    camel_case_idl_identifiers(value);
                }
            }
        }
        _ => {}
    }
}

fn camel_case_idl_identifier(value: &mut Value) {
    match value {
        Value::String(s) => {
            if !is_pubkey(s) {
                *s = s
                    .split('.')
                    .map(ToLowerCamelCase::to_lower_camel_case)
                    .collect::<Vec<_>>()
                    .join(".");
            }
        }
        Value::Array(values) => values.iter_mut().for_each(camel_case_idl_identifier),
        _ => camel_case_idl_identifiers(value),
    }
}

/// Whether `s` parses as a Solana address (`Pubkey::try_from(&str)`: at most 44 base58
/// characters decoding to exactly 32 bytes).
fn is_pubkey(s: &str) -> bool {
    s.len() <= 44
        && bs58::decode(s)
            .into_vec()
            .is_ok_and(|bytes| bytes.len() == 32)
}

/// Why a committed file does not match what was built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stale {
    /// The file should exist and does not.
    Missing,
    /// The file exists and should not.
    Unexpected,
    /// The contents differ, first at this 1-based line.
    Differs {
        /// First line that differs.
        line: usize,
    },
}

impl std::fmt::Display for Stale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Stale::Missing => write!(f, "is missing"),
            Stale::Unexpected => write!(f, "should not exist"),
            Stale::Differs { line } => write!(f, "is stale (differs from line {line})"),
        }
    }
}

/// Compares a file's expected and actual contents (`None`: absent).
pub fn compare(expected: Option<&str>, actual: Option<&str>) -> Option<Stale> {
    match (expected, actual) {
        (None, None) => None,
        (Some(_), None) => Some(Stale::Missing),
        (None, Some(_)) => Some(Stale::Unexpected),
        (Some(expected), Some(actual)) if expected == actual => None,
        (Some(expected), Some(actual)) => Some(Stale::Differs {
            line: first_different_line(expected, actual),
        }),
    }
}

/// The 1-based number of the first line where `a` and `b` differ (a missing final newline
/// counts as a difference on the last line).
pub fn first_different_line(a: &str, b: &str) -> usize {
    let (mut a, mut b) = (a.split_inclusive('\n'), b.split_inclusive('\n'));
    let mut line = 1;
    loop {
        match (a.next(), b.next()) {
            (Some(x), Some(y)) if x == y => line += 1,
            (None, None) => return line,
            _ => return line,
        }
    }
}

/// Reads a file as text; `None` if it does not exist.
fn read_optional(path: &Path) -> Result<Option<String>> {
    match fs::read(path) {
        Ok(bytes) => Ok(Some(String::from_utf8_lossy(&bytes).into_owned())),
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(err) => Err(err).with_context(|| format!("reading {}", path.display())),
    }
}

/// The committed files under `root` that do not match `artifacts`.
pub fn check(root: &Path, artifacts: &[Artifact]) -> Result<Vec<(PathBuf, Stale)>> {
    let mut stale = Vec::new();
    for artifact in artifacts {
        let actual = read_optional(&root.join(&artifact.path))?;
        if let Some(why) = compare(artifact.contents.as_deref(), actual.as_deref()) {
            stale.push((artifact.path.clone(), why));
        }
    }
    Ok(stale)
}

/// What [`write`] did to a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    /// Created.
    Created,
    /// Rewritten with new contents.
    Updated,
    /// Already up to date.
    Unchanged,
    /// Deleted (it should not exist).
    Removed,
}

/// Writes `artifacts` under `root`, touching only files whose contents change.
pub fn write(root: &Path, artifacts: &[Artifact]) -> Result<Vec<(PathBuf, Written)>> {
    let mut done = Vec::new();
    for artifact in artifacts {
        let path = root.join(&artifact.path);
        let actual = read_optional(&path)?;
        let what = match (&artifact.contents, actual) {
            (None, None) => continue,
            (None, Some(_)) => {
                fs::remove_file(&path).with_context(|| format!("removing {}", path.display()))?;
                Written::Removed
            }
            (Some(expected), Some(actual)) if *expected == actual => Written::Unchanged,
            (Some(expected), actual) => {
                if let Some(dir) = path.parent() {
                    fs::create_dir_all(dir)
                        .with_context(|| format!("creating {}", dir.display()))?;
                }
                fs::write(&path, expected)
                    .with_context(|| format!("writing {}", path.display()))?;
                if actual.is_some() {
                    Written::Updated
                } else {
                    Written::Created
                }
            }
        };
        done.push((artifact.path.clone(), what));
    }
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small IDL with every identifier kind `idl_ts` touches.
    const IDL: &str = r#"{
  "address": "Poobuav4ri6F1hYCRWPrmukLxiENEwWUTeepmfNYb9A",
  "metadata": { "name": "pool_bot", "version": "0.1.0", "spec": "0.1.0" },
  "instructions": [
    {
      "name": "initialize_pool",
      "discriminator": [1, 2, 3, 4, 5, 6, 7, 8],
      "accounts": [
        { "name": "pool_state", "writable": true,
          "pda": { "seeds": [
            { "kind": "const", "value": [112, 111, 111, 108] },
            { "kind": "account", "path": "asset_mint.key" },
            { "kind": "arg", "path": "args.pool_id" } ] } },
        { "name": "vault_authority", "relations": ["pool_state"] },
        { "name": "token_program", "address": "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA" }
      ],
      "args": [ { "name": "args", "type": { "defined": { "name": "InitializePoolArgs" } } } ]
    }
  ],
  "accounts": [ { "name": "Pool", "discriminator": [9, 9, 9, 9, 9, 9, 9, 9] } ],
  "errors": [
    { "code": 6000, "name": "Unauthorized", "msg": "signer_is not_allowed" },
    { "code": 6001, "name": "PoolPaused" }
  ],
  "types": [
    { "name": "InitializePoolArgs", "type": { "kind": "struct", "fields": [
      { "name": "max_members", "type": "u32" },
      { "name": "name_bytes", "type": { "array": ["u8", 32] } } ] } },
    { "name": "Pool", "serialization": "bytemuckunsafe", "repr": { "kind": "c" },
      "type": { "kind": "struct", "fields": [ { "name": "total_shares", "type": "u128" } ] } }
  ]
}"#;

    fn idl() -> Idl {
        serde_json::from_str(IDL).unwrap()
    }

    const ZERO_COPY_IDL: &str = r#"{
  "address": "AmmxTFnpPRJQEkFdtB5d9ZzbN5V2g7fPkFCoDT594peP",
  "metadata": { "name": "local_amm", "version": "0.1.0", "spec": "0.1.0" },
  "instructions": []
}"#;

    #[test]
    fn json_is_pretty_with_one_trailing_newline() {
        let json = idl_json(&idl()).unwrap();
        assert!(json.ends_with("}\n") && !json.ends_with("\n\n"));
        assert!(json.starts_with("{\n  \"address\": \"Poobuav4ri6F1hYCRWPrmukLxiENEwWUTeepmfNYb9A\",\n  \"metadata\": {\n    \"name\": \"pool_bot\","));
        // Snake case stays in the JSON IDL; only the TS type is camel-cased.
        assert!(json.contains("\"name\": \"initialize_pool\""));
        assert_eq!(serde_json::from_str::<Idl>(&json).unwrap(), idl());
    }

    #[test]
    fn ts_has_anchors_header_and_type_name() {
        let ts = idl_ts(&idl()).unwrap();
        let expected_head = "/**
 * Program IDL in camelCase format in order to be used in JS/TS.
 *
 * Note that this is only a type helper and is not the actual IDL. The original
 * IDL can be found at `target/idl/pool_bot.json`.
 */
export type PoolBot = {
  \"address\": \"Poobuav4ri6F1hYCRWPrmukLxiENEwWUTeepmfNYb9A\",
  \"metadata\": {
    \"name\": \"poolBot\",
";
        assert!(ts.starts_with(expected_head), "{ts}");
        assert!(ts.ends_with("\n};\n"));
        let local = idl_ts(&serde_json::from_str(ZERO_COPY_IDL).unwrap()).unwrap();
        assert!(local.contains("export type LocalAmm = {"));
        assert!(local.contains("`target/idl/local_amm.json`"));
    }

    #[test]
    fn ts_camel_cases_identifiers_only() {
        let ts = idl_ts(&idl()).unwrap();
        for present in [
            "\"name\": \"initializePool\"",
            "\"name\": \"poolState\"",
            "\"path\": \"assetMint.key\"",
            "\"path\": \"args.poolId\"",
            "\"poolState\"\n",
            "\"name\": \"maxMembers\"",
            // Type names: `to_lower_camel_case` of PascalCase.
            "\"name\": \"initializePoolArgs\"",
            // Program ids are not identifiers.
            "\"address\": \"TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA\"",
            // Messages, enum tags and serialization kinds are left alone.
            "\"msg\": \"signer_is not_allowed\"",
            "\"serialization\": \"bytemuckunsafe\"",
            "\"kind\": \"struct\"",
            "\"name\": \"unauthorized\"",
        ] {
            assert!(ts.contains(present), "missing {present} in\n{ts}");
        }
        for absent in ["initialize_pool", "pool_state", "max_members", "asset_mint"] {
            assert!(!ts.contains(absent), "{absent} left in\n{ts}");
        }
    }

    #[test]
    fn pubkeys_are_recognised() {
        assert!(is_pubkey("Poobuav4ri6F1hYCRWPrmukLxiENEwWUTeepmfNYb9A"));
        assert!(is_pubkey("11111111111111111111111111111111"));
        assert!(!is_pubkey("pool"));
        assert!(!is_pubkey("initialize_pool"));
        assert!(!is_pubkey("Poobuav4ri6F1hYCRWPrmukLxiENEwWUTeepmfNYb9"));
    }

    #[test]
    fn errors_ts_matches_anchor_cli() {
        assert_eq!(
            idl_ts_errors(&idl()).unwrap(),
            "
export const PoolBotErrorCode = {
  Unauthorized: 6000,
  PoolPaused: 6001
};

export type PoolBotErrorName = keyof typeof PoolBotErrorCode;
"
        );
        assert_eq!(
            idl_ts_errors(&serde_json::from_str(ZERO_COPY_IDL).unwrap()),
            None
        );
    }

    #[test]
    fn artifacts_are_named_after_the_idl() {
        let paths = artifacts(&idl())
            .unwrap()
            .into_iter()
            .map(|a| (a.path, a.contents.is_some()))
            .collect::<Vec<_>>();
        assert_eq!(
            paths,
            [
                (PathBuf::from("idls/pool_bot.json"), true),
                (PathBuf::from("idls/pool_bot.ts"), true),
                (PathBuf::from("idls/pool_bot_errors.ts"), true),
            ]
        );
        let local = artifacts(&serde_json::from_str(ZERO_COPY_IDL).unwrap()).unwrap();
        assert_eq!(local[2].path, PathBuf::from("idls/local_amm_errors.ts"));
        assert_eq!(local[2].contents, None);

        let mut bad = idl();
        bad.metadata.name = "../pool_bot".into();
        assert!(artifacts(&bad).is_err());
    }

    #[test]
    fn compare_names_the_first_different_line() {
        assert_eq!(compare(Some("a\nb\n"), Some("a\nb\n")), None);
        assert_eq!(compare(None, None), None);
        assert_eq!(compare(Some("a\n"), None), Some(Stale::Missing));
        assert_eq!(compare(None, Some("a\n")), Some(Stale::Unexpected));
        assert_eq!(
            compare(Some("a\nb\nc\n"), Some("a\nB\nc\n")),
            Some(Stale::Differs { line: 2 })
        );
        // A missing trailing newline is a difference on the last line.
        assert_eq!(
            compare(Some("a\nb\n"), Some("a\nb")),
            Some(Stale::Differs { line: 2 })
        );
        assert_eq!(
            compare(Some("a\n"), Some("a\nextra\n")),
            Some(Stale::Differs { line: 2 })
        );
    }

    #[test]
    fn write_then_check_round_trips() {
        let root = env::temp_dir().join(format!("poolbot-idl-test-{}", std::process::id()));
        let _ = fs::remove_dir_all(&root);
        let files = artifacts(&idl()).unwrap();

        assert_eq!(check(&root, &files).unwrap().len(), 3);
        let written = write(&root, &files).unwrap();
        assert!(written.iter().all(|(_, w)| *w == Written::Created));
        assert!(check(&root, &files).unwrap().is_empty());
        assert!(write(&root, &files)
            .unwrap()
            .iter()
            .all(|(_, w)| *w == Written::Unchanged));

        // A hand edit is reported with its line, and rewritten.
        let json = root.join("idls/pool_bot.json");
        let edited = fs::read_to_string(&json)
            .unwrap()
            .replace("initialize_pool", "init_pool");
        fs::write(&json, edited).unwrap();
        let stale = check(&root, &files).unwrap();
        assert_eq!(stale.len(), 1);
        assert_eq!(stale[0].0, PathBuf::from("idls/pool_bot.json"));
        assert!(matches!(stale[0].1, Stale::Differs { line } if line > 1));
        assert_eq!(write(&root, &files).unwrap()[0].1, Written::Updated);

        // An errors file for a program without errors is stale, and removed.
        let mut no_errors = idl();
        no_errors.errors.clear();
        let files = artifacts(&no_errors).unwrap();
        let stale = check(&root, &files).unwrap();
        assert_eq!(stale.len(), 3, "{stale:?}");
        assert!(matches!(stale[0].1, Stale::Differs { .. }));
        assert!(matches!(stale[1].1, Stale::Differs { .. }));
        assert_eq!(
            stale[2],
            (PathBuf::from("idls/pool_bot_errors.ts"), Stale::Unexpected)
        );
        assert!(write(&root, &files)
            .unwrap()
            .contains(&(PathBuf::from("idls/pool_bot_errors.ts"), Written::Removed)));
        assert!(!root.join("idls/pool_bot_errors.ts").exists());
        assert!(check(&root, &files).unwrap().is_empty());
        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn nested_target_dir_is_never_the_outer_one() {
        let root = Path::new("/repo");
        assert_eq!(
            nested_target_dir(None, Path::new("/repo/crates/idl"), root),
            PathBuf::from("/repo/target/idl-build")
        );
        assert_eq!(
            nested_target_dir(Some(OsStr::new("")), Path::new("/x"), root),
            PathBuf::from("/repo/target/idl-build")
        );
        assert_eq!(
            nested_target_dir(Some(OsStr::new("/cache/t")), Path::new("/x"), root),
            PathBuf::from("/cache/t/idl-build")
        );
        // Relative to where cargo was run, not to the program directory the builder enters.
        assert_eq!(
            nested_target_dir(Some(OsStr::new("tgt")), Path::new("/repo"), root),
            PathBuf::from("/repo/tgt/idl-build")
        );
    }

    #[test]
    fn declared_id_and_verify() {
        let src = "use x;\ndeclare_id!(\"Poobuav4ri6F1hYCRWPrmukLxiENEwWUTeepmfNYb9A\");\n";
        assert_eq!(
            declared_id(src),
            Some("Poobuav4ri6F1hYCRWPrmukLxiENEwWUTeepmfNYb9A")
        );
        assert_eq!(declared_id("fn main() {}"), None);

        let pool_bot = PROGRAMS[0];
        assert!(verify(pool_bot, declared_id(src), &idl()).is_ok());
        let wrong_id = verify(
            pool_bot,
            Some("AmmxTFnpPRJQEkFdtB5d9ZzbN5V2g7fPkFCoDT594peP"),
            &idl(),
        )
        .unwrap_err();
        assert!(wrong_id.to_string().contains("declares"), "{wrong_id}");
        assert!(verify(pool_bot, None, &idl()).is_err());
        assert!(verify(PROGRAMS[1], declared_id(src), &idl()).is_err());
    }

    /// The committed files are what this crate renders from the committed JSON (catches hand
    /// edits of the `.ts` files and a JSON not written by this tool, without building).
    #[test]
    fn committed_files_are_consistent() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        for program in PROGRAMS {
            let json_path = root.join(IDL_DIR).join(format!("{}.json", program.name));
            let json = fs::read_to_string(&json_path)
                .unwrap_or_else(|e| panic!("{}: {e}; {FIX_HINT}", json_path.display()));
            let idl: Idl = serde_json::from_str(&json).unwrap();
            let source = fs::read_to_string(root.join(program.dir).join("src/lib.rs")).unwrap();
            verify(program, declared_id(&source), &idl).unwrap();
            let stale = check(&root, &artifacts(&idl).unwrap()).unwrap();
            assert!(stale.is_empty(), "{stale:?}: {FIX_HINT}");
        }
    }

    #[test]
    fn args() {
        let parse = |args: &[&str]| Mode::from_args(args.iter().map(|s| s.to_string()));
        assert_eq!(parse(&[]).unwrap(), Mode::Write);
        assert_eq!(parse(&["--check"]).unwrap(), Mode::Check);
        assert_eq!(parse(&["--help"]).unwrap(), Mode::Help);
        assert!(parse(&["--chek"]).is_err());
    }
}
