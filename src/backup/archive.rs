//! The archive on disk: a zip holding `manifest.json`, `utter.db` and, optionally,
//! `recordings/*.wav`. Zip because any file manager opens it and the crate is already in
//! the build (the embedding-model installer reads wheels with it).

use std::fs::File;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};
use zip::ZipArchive;
use zip::write::SimpleFileOptions;

use super::manifest::{DB_ENTRY, FORMAT, FileEntry, MANIFEST_NAME, Manifest, RECORDINGS_PREFIX};
use super::{BackupError, BackupResult};

/// A file to put in the archive under `name`.
#[derive(Debug)]
pub(crate) struct Source {
    pub name: String,
    pub path: PathBuf,
}

/// A manifest larger than this is not one we wrote.
const MAX_MANIFEST_BYTES: u64 = 16 * 1024 * 1024;

/// Packs `sources` and `manifest` (its `files` filled in here) into a zip at `dest`.
/// Each file is hashed while it is copied, so the checksum is of exactly the bytes stored.
/// The zip is written under a temporary name and renamed, so a crash never leaves a half
/// archive that looks finished. Returns the manifest as written and the archive's size.
pub(crate) fn write(
    dest: &Path,
    mut manifest: Manifest,
    sources: &[Source],
) -> BackupResult<(Manifest, u64)> {
    if dest.exists() {
        return Err(BackupError::Exists {
            path: dest.to_path_buf(),
        });
    }
    let partial = partial_path(dest);
    let result = write_zip(&partial, &mut manifest, sources);
    if let Err(e) = result {
        let _ = std::fs::remove_file(&partial);
        return Err(e);
    }
    std::fs::rename(&partial, dest).map_err(|e| {
        let _ = std::fs::remove_file(&partial);
        BackupError::io("write", dest, &e)
    })?;
    let bytes = std::fs::metadata(dest)
        .map_err(|e| BackupError::io("read", dest, &e))?
        .len();
    Ok((manifest, bytes))
}

fn partial_path(dest: &Path) -> PathBuf {
    let name = dest
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "backup".into());
    // The process id alone is not enough: two threads of one process may write at once.
    let n = fastrand::u32(..);
    dest.with_file_name(format!(".{name}.{}-{n:08x}.partial", std::process::id()))
}

fn write_zip(partial: &Path, manifest: &mut Manifest, sources: &[Source]) -> BackupResult<()> {
    let file = File::create_new(partial).map_err(|e| BackupError::io("create", partial, &e))?;
    let mut zip = zip::ZipWriter::new(file);
    let zip_err = |e: zip::result::ZipError| match e {
        zip::result::ZipError::Io(io) => BackupError::io("write", partial, &io),
        other => BackupError::Io {
            action: "write",
            path: partial.to_path_buf(),
            reason: other.to_string(),
        },
    };
    manifest.files.clear();
    for src in sources {
        let mut input =
            File::open(&src.path).map_err(|e| BackupError::io("read", &src.path, &e))?;
        let size = input
            .metadata()
            .map_err(|e| BackupError::io("read", &src.path, &e))?
            .len();
        let opts = SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .large_file(size >= u64::from(u32::MAX));
        zip.start_file(src.name.as_str(), opts).map_err(zip_err)?;
        let (bytes, sha256) = copy_hashing(&mut input, &mut zip)
            .map_err(|e| BackupError::io("copy into the archive", &src.path, &e))?;
        manifest.files.push(FileEntry {
            path: src.name.clone(),
            bytes,
            sha256,
        });
    }
    let json = serde_json::to_vec_pretty(manifest).map_err(|e| BackupError::Io {
        action: "write the manifest of",
        path: partial.to_path_buf(),
        reason: e.to_string(),
    })?;
    zip.start_file(MANIFEST_NAME, SimpleFileOptions::default())
        .map_err(zip_err)?;
    zip.write_all(&json)
        .map_err(|e| BackupError::io("write", partial, &e))?;
    let file = zip.finish().map_err(zip_err)?;
    // The rename that follows must not publish an archive whose bytes are still in cache.
    file.sync_all()
        .map_err(|e| BackupError::io("write", partial, &e))?;
    Ok(())
}

/// Copies `input` to `out`, returning the byte count and the lowercase hex sha256.
fn copy_hashing(input: &mut impl Read, out: &mut impl Write) -> std::io::Result<(u64, String)> {
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 64 * 1024];
    let mut total = 0u64;
    loop {
        let n = match input.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        hasher.update(&buf[..n]);
        out.write_all(&buf[..n])?;
        total += n as u64;
    }
    Ok((total, hex(&hasher.finalize())))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// An archive opened for reading, its manifest parsed (not yet checked against the files).
pub(crate) struct Archive {
    path: PathBuf,
    zip: ZipArchive<File>,
    pub manifest: Manifest,
}

impl std::fmt::Debug for Archive {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Archive").field("path", &self.path).finish()
    }
}

impl Archive {
    pub(crate) fn open(path: &Path) -> BackupResult<Archive> {
        let file = File::open(path).map_err(|e| BackupError::io("open", path, &e))?;
        let mut zip = ZipArchive::new(file)
            .map_err(|e| BackupError::not_a_backup(path, format!("not a zip archive: {e}")))?;
        let manifest = read_manifest(path, &mut zip)?;
        if manifest.app != "utter" {
            return Err(BackupError::not_a_backup(
                path,
                format!("made by {:?}", manifest.app),
            ));
        }
        if manifest.format > FORMAT {
            return Err(BackupError::not_a_backup(
                path,
                format!(
                    "archive format {} is newer than this Utter reads ({FORMAT}); update Utter first",
                    manifest.format
                ),
            ));
        }
        for entry in &manifest.files {
            if !entry_name_ok(&entry.path) {
                return Err(BackupError::corrupt(
                    path,
                    format!("unexpected entry {:?} in the manifest", entry.path),
                ));
            }
        }
        if !manifest.files.iter().any(|f| f.path == DB_ENTRY) {
            return Err(BackupError::corrupt(path, "it holds no database"));
        }
        Ok(Archive {
            path: path.to_path_buf(),
            zip,
            manifest,
        })
    }

    /// Reads one entry through its checksum; with `to`, also writes it there (a new file).
    pub(crate) fn check_entry(&mut self, entry: &FileEntry, to: Option<&Path>) -> BackupResult<()> {
        let archive_path = self.path.clone();
        let mut file = self.zip.by_name(&entry.path).map_err(|e| {
            BackupError::corrupt(&archive_path, format!("{} is missing ({e})", entry.path))
        })?;
        let (bytes, sha256) = match to {
            Some(to) => {
                let mut out =
                    File::create_new(to).map_err(|e| BackupError::io("create", to, &e))?;
                let copied = copy_hashing(&mut file, &mut out);
                let synced = out.sync_all();
                match (copied, synced) {
                    (Ok(r), Ok(())) => r,
                    (Err(e), _) if e.kind() == std::io::ErrorKind::StorageFull => {
                        return Err(BackupError::DiskFull);
                    }
                    (Err(e), _) => {
                        return Err(BackupError::corrupt(
                            &archive_path,
                            format!("{} cannot be read ({e})", entry.path),
                        ));
                    }
                    (Ok(_), Err(e)) => return Err(BackupError::io("write", to, &e)),
                }
            }
            None => copy_hashing(&mut file, &mut std::io::sink()).map_err(|e| {
                BackupError::corrupt(
                    &archive_path,
                    format!("{} cannot be read ({e})", entry.path),
                )
            })?,
        };
        if bytes != entry.bytes || !sha256.eq_ignore_ascii_case(&entry.sha256) {
            return Err(BackupError::corrupt(
                &archive_path,
                format!("the checksum of {} does not match its manifest", entry.path),
            ));
        }
        Ok(())
    }
}

fn read_manifest(path: &Path, zip: &mut ZipArchive<File>) -> BackupResult<Manifest> {
    let entry = zip
        .by_name(MANIFEST_NAME)
        .map_err(|_| BackupError::not_a_backup(path, "it has no manifest.json"))?;
    let mut text = String::new();
    entry
        .take(MAX_MANIFEST_BYTES)
        .read_to_string(&mut text)
        .map_err(|e| BackupError::corrupt(path, format!("manifest.json cannot be read ({e})")))?;
    serde_json::from_str(&text)
        .map_err(|e| BackupError::corrupt(path, format!("manifest.json is malformed ({e})")))
}

/// Only names we write are accepted, so that nothing in an archive can point outside the
/// data dir when it is unpacked.
fn entry_name_ok(name: &str) -> bool {
    if name == DB_ENTRY {
        return true;
    }
    let Some(file) = name.strip_prefix(RECORDINGS_PREFIX) else {
        return false;
    };
    !file.is_empty()
        && !file.starts_with('.')
        && !file.contains(['/', '\\', ':', '\0'])
        && Path::new(file).file_name().is_some_and(|n| n == file)
}

/// Reads only the manifest (for listing); checksums are not verified.
pub(crate) fn read_manifest_only(path: &Path) -> BackupResult<Manifest> {
    Archive::open(path).map(|a| a.manifest)
}
