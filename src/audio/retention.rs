use std::path::Path;
use std::time::{Duration, SystemTime};

use super::AudioError;

/// Deletes `.wav` recordings in `dir` last modified more than `older_than_days` days ago and
/// returns how many were deleted. Only regular `.wav` files directly in `dir` are touched, so
/// pointing it at the wrong folder cannot wipe anything else. A missing `dir` deletes nothing.
pub fn prune_audio(dir: &Path, older_than_days: u32) -> Result<usize, AudioError> {
    let cutoff = SystemTime::now()
        .checked_sub(Duration::from_secs(u64::from(older_than_days) * 86_400))
        .unwrap_or(SystemTime::UNIX_EPOCH);
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(0),
        Err(e) => return Err(AudioError::io(dir, e)),
    };
    let mut deleted = 0;
    for entry in entries {
        let entry = entry.map_err(|e| AudioError::io(dir, e))?;
        let path = entry.path();
        let is_wav = path
            .extension()
            .is_some_and(|ext| ext.eq_ignore_ascii_case("wav"));
        let Ok(meta) = entry.metadata() else { continue };
        if !is_wav || !meta.is_file() {
            continue;
        }
        let Ok(modified) = meta.modified() else {
            continue;
        };
        if modified < cutoff {
            match std::fs::remove_file(&path) {
                Ok(()) => deleted += 1,
                // Another pruner (or the user) got there first: not an error.
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(AudioError::io(&path, e)),
            }
        }
    }
    tracing::debug!(dir = %dir.display(), deleted, "pruned old recordings");
    Ok(deleted)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn deletes_only_old_wavs() {
        let dir = tempfile::tempdir().unwrap();
        let old = dir.path().join("old.wav");
        let new = dir.path().join("new.wav");
        let other = dir.path().join("notes.txt");
        for p in [&old, &new, &other] {
            std::fs::write(p, b"x").unwrap();
        }
        let ten_days_ago = SystemTime::now() - Duration::from_secs(10 * 86_400);
        std::fs::File::options()
            .write(true)
            .open(&old)
            .unwrap()
            .set_modified(ten_days_ago)
            .unwrap();
        std::fs::File::options()
            .write(true)
            .open(&other)
            .unwrap()
            .set_modified(ten_days_ago)
            .unwrap();
        assert_eq!(prune_audio(dir.path(), 7).unwrap(), 1);
        assert!(!old.exists() && new.exists() && other.exists());
        assert_eq!(prune_audio(&dir.path().join("missing"), 7).unwrap(), 0);
    }
}
