//! Which programs the local validator deploys at start: by default the workspace's built
//! `pool_bot` and `local_amm`, each at the address of its `<name>-keypair.json` beside the `.so`
//! (Anchor's `target/deploy` convention).
use crate::LocalnetError;
use solana_pubkey::Pubkey;
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// The programs deployed when none is named on the command line.
pub const DEFAULT_PROGRAMS: [&str; 2] = ["pool_bot", "local_amm"];

/// A program to deploy: its address and its SBF bytes.
#[derive(Debug)]
pub struct ProgramFile {
    /// The program's name (the `.so` file's stem).
    pub name: String,
    /// The program id.
    pub id: Pubkey,
    /// The `.so` file.
    pub path: PathBuf,
    /// The ELF bytes.
    pub elf: Vec<u8>,
}

/// Reads the program named `name` from `dir`: `<name>.so` and the address in
/// `<name>-keypair.json`.
pub fn from_dir(dir: &Path, name: &str) -> Result<ProgramFile, LocalnetError> {
    let path = dir.join(format!("{name}.so"));
    let elf = read_elf(&path)?;
    let id = keypair_address(&dir.join(format!("{name}-keypair.json")))?;
    Ok(ProgramFile {
        name: name.to_string(),
        id,
        path,
        elf,
    })
}

/// Parses `ID=PATH` (a program id and its `.so`), as given to `--program`.
pub fn from_spec(spec: &str) -> Result<ProgramFile, LocalnetError> {
    let (id, path) = spec.split_once('=').ok_or_else(|| LocalnetError::BadSpec {
        spec: spec.to_string(),
        why: "expected PROGRAM_ID=PATH_TO.so".into(),
    })?;
    let id = Pubkey::from_str(id.trim()).map_err(|e| LocalnetError::BadSpec {
        spec: spec.to_string(),
        why: format!("`{id}` is not a base58 public key ({e})"),
    })?;
    let path = PathBuf::from(path.trim());
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| id.to_string());
    let elf = read_elf(&path)?;
    Ok(ProgramFile {
        name,
        id,
        path,
        elf,
    })
}

/// The bytes of a built program, refused unless they are an ELF file.
fn read_elf(path: &Path) -> Result<Vec<u8>, LocalnetError> {
    let missing = |why: String| LocalnetError::MissingProgram {
        path: path.to_path_buf(),
        why,
    };
    let elf = std::fs::read(path).map_err(|e| missing(e.to_string()))?;
    if !elf.starts_with(b"\x7fELF") {
        return Err(missing(
            "not an ELF file (is it a built SBF program?)".into(),
        ));
    }
    Ok(elf)
}

/// The address (public half) of a Solana CLI keypair file: a JSON array of 64 bytes.
pub fn keypair_address(path: &Path) -> Result<Pubkey, LocalnetError> {
    let bad = |why: String| LocalnetError::BadKeypair {
        path: path.to_path_buf(),
        why,
    };
    let text = std::fs::read_to_string(path).map_err(|e| bad(e.to_string()))?;
    let bytes: Vec<u8> =
        serde_json::from_str(&text).map_err(|e| bad(format!("not a keypair file: {e}")))?;
    let public: [u8; 32] = bytes
        .get(32..64)
        .filter(|_| bytes.len() == 64)
        .and_then(|b| b.try_into().ok())
        .ok_or_else(|| bad(format!("expected 64 bytes, found {}", bytes.len())))?;
    Ok(Pubkey::new_from_array(public))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(tag: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("poolbot-localnet-{tag}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn reads_a_program_and_its_keypair_address() {
        let dir = temp_dir("ok");
        let mut keypair = vec![7u8; 32];
        keypair.extend([9u8; 32]);
        std::fs::write(
            dir.join("p-keypair.json"),
            serde_json::to_string(&keypair).unwrap(),
        )
        .unwrap();
        std::fs::write(dir.join("p.so"), b"\x7fELF rest").unwrap();
        let program = from_dir(&dir, "p").unwrap();
        assert_eq!(program.id, Pubkey::new_from_array([9u8; 32]));
        assert_eq!(program.elf, b"\x7fELF rest");
    }

    #[test]
    fn a_missing_so_names_the_file() {
        let dir = temp_dir("missing");
        let id = Pubkey::new_unique();
        let err = from_spec(&format!("{id}={}", dir.join("nope.so").display())).unwrap_err();
        assert!(matches!(err, LocalnetError::MissingProgram { .. }));
        assert!(err.to_string().contains("nope.so"), "{err}");
        assert!(err.to_string().contains("scripts/build-sbf.sh"), "{err}");
    }

    #[test]
    fn a_spec_without_an_id_is_refused() {
        let err = from_spec("target/deploy/pool_bot.so").unwrap_err();
        assert!(err.to_string().contains("PROGRAM_ID=PATH"), "{err}");
        let err = from_spec("notakey=target/deploy/pool_bot.so").unwrap_err();
        assert!(err.to_string().contains("not a base58 public key"), "{err}");
    }

    #[test]
    fn a_non_elf_file_is_refused() {
        let dir = temp_dir("notelf");
        std::fs::write(dir.join("x.so"), b"hello").unwrap();
        let id = Pubkey::new_unique();
        let err = from_spec(&format!("{id}={}", dir.join("x.so").display())).unwrap_err();
        assert!(err.to_string().contains("not an ELF file"), "{err}");
    }
}
