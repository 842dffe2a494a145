use std::sync::OnceLock;

use bolero::check;
use utter::backup::{read_manifest, verify};

use super::support::ITERATIONS;

/// A real archive of a small board, made once: the fuzzer damages copies of it.
fn valid_archive() -> &'static (Vec<u8>, String) {
    static ARCHIVE: OnceLock<(Vec<u8>, String)> = OnceLock::new();
    ARCHIVE.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let svc = utter::Service::open(dir.path()).unwrap();
        svc.create_task(utter::model::NewTask {
            title: "Call Joe about the renewal".into(),
            ..Default::default()
        })
        .unwrap();
        let dest = dir.path().join("b.zip");
        let made = svc.backup_now(Some(&dest), false).unwrap();
        let db_sha = made
            .manifest
            .files
            .iter()
            .find(|f| f.path.ends_with(".db"))
            .map(|f| f.sha256.clone())
            .unwrap();
        (std::fs::read(&dest).unwrap(), db_sha)
    })
}

/// A backup archive from anywhere (a download, a damaged disk) is refused with an error or
/// accepted, never a panic; and a damaged copy of a real archive that still verifies carries
/// the very database that was backed up (the checksums let nothing else through).
#[test]
fn backup_archive() {
    let (valid, db_sha) = valid_archive();
    check!()
        .with_iterations(ITERATIONS)
        .for_each(|bytes: &[u8]| {
            let dir = tempfile::tempdir().unwrap();
            let raw = dir.path().join("raw.zip");
            std::fs::write(&raw, bytes).unwrap();
            let _ = read_manifest(&raw);
            let _ = verify(&raw, dir.path());

            // The input XORed over the real archive, from an offset its first bytes pick.
            let Some((head, flips)) = bytes.split_first_chunk::<4>() else {
                return;
            };
            let mut damaged = valid.clone();
            let start = u32::from_le_bytes(*head) as usize % damaged.len();
            for (i, b) in flips.iter().enumerate() {
                let at = (start + i) % damaged.len();
                damaged[at] ^= b;
            }
            let path = dir.path().join("damaged.zip");
            std::fs::write(&path, &damaged).unwrap();
            if let Ok(manifest) = verify(&path, dir.path()) {
                let db = manifest.files.iter().find(|f| f.path.ends_with(".db"));
                assert_eq!(
                    db.map(|f| &f.sha256),
                    Some(db_sha),
                    "a damaged archive verified with another database"
                );
            }
        });
}
