//! `poolbot-idl [--check]`: builds the programs' Anchor IDL and TypeScript types into `idls/`
//! (or, with `--check`, compares them with the committed files). See `scripts/idl.sh`.

use std::{
    env,
    path::{Path, PathBuf},
    process::ExitCode,
    time::Instant,
};

use anyhow::{Context, Result};
use pool_bot_idl::{
    artifacts, build_idl, check, nested_target_dir, write, Mode, Written, FIX_HINT, PROGRAMS, USAGE,
};

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(err) => {
            eprintln!("poolbot-idl: error: {err}");
            for cause in err.chain().skip(1) {
                eprintln!("  caused by: {cause}");
            }
            ExitCode::FAILURE
        }
    }
}

/// The workspace root: this crate lives in `crates/idl`.
fn workspace_root() -> Result<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    root.canonicalize()
        .with_context(|| format!("finding the workspace root {}", root.display()))
}

fn run() -> Result<ExitCode> {
    let mode = match Mode::from_args(env::args().skip(1)) {
        Ok(Mode::Help) => {
            println!("{USAGE}");
            return Ok(ExitCode::SUCCESS);
        }
        Ok(mode) => mode,
        Err(err) => {
            eprintln!("poolbot-idl: {err}");
            return Ok(ExitCode::from(2));
        }
    };

    let root = workspace_root()?;
    let cwd = env::current_dir().context("reading the current directory")?;
    let target_dir = nested_target_dir(env::var_os("CARGO_TARGET_DIR").as_deref(), &cwd, &root);

    let mut files = Vec::new();
    for program in PROGRAMS {
        let started = Instant::now();
        let idl = build_idl(&root, program, &target_dir)?;
        eprintln!(
            "poolbot-idl: built the IDL of {} ({} instructions, {} accounts, {} events, {} errors, {} types) in {:.1} s",
            program.name,
            idl.instructions.len(),
            idl.accounts.len(),
            idl.events.len(),
            idl.errors.len(),
            idl.types.len(),
            started.elapsed().as_secs_f64()
        );
        files.extend(artifacts(&idl)?);
    }

    match mode {
        Mode::Check => {
            let stale = check(&root, &files)?;
            if stale.is_empty() {
                println!("poolbot-idl: idls/ is up to date");
                return Ok(ExitCode::SUCCESS);
            }
            for (path, why) in &stale {
                eprintln!("poolbot-idl: {} {why}", path.display());
            }
            eprintln!(
                "poolbot-idl: error: {} file(s) in idls/ do not match the programs: {FIX_HINT}",
                stale.len()
            );
            Ok(ExitCode::FAILURE)
        }
        Mode::Write | Mode::Help => {
            for (path, what) in write(&root, &files)? {
                let what = match what {
                    Written::Created => "created",
                    Written::Updated => "updated",
                    Written::Unchanged => "unchanged",
                    Written::Removed => "removed",
                };
                println!("poolbot-idl: {} {what}", path.display());
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}
