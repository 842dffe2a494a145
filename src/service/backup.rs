//! Backups through the service: made from a second connection so the board stays usable
//! while one is written; restored through the service's own connection so that nothing in
//! this process writes half-way through, and announced as an outside change.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};

use super::{ChangeEvent, Service, ServiceResult};
use crate::backup::{self, BackupCreated, BackupInfo, BackupKind, BackupRestored};

impl Service {
    /// `utter backup`, "Back up now".
    pub fn backup_now(
        &self,
        dest: Option<&Path>,
        with_recordings: bool,
    ) -> ServiceResult<BackupCreated> {
        let src = backup::open_source(&crate::paths::db_path(&self.data_dir))?;
        Ok(backup::create(
            &src,
            &self.data_dir,
            dest,
            BackupKind::Manual,
            with_recordings,
            Utc::now(),
        )?)
    }

    /// The archives in the data dir's backups folder, newest first.
    pub fn list_backups(&self) -> ServiceResult<Vec<BackupInfo>> {
        let dir = backup::backups_dir(&self.data_dir);
        backup::schedule::list(&self.data_dir)
            .map_err(|e| backup::BackupError::io("read", &dir, &e).into())
    }

    /// An archive the user picked anywhere, as its manifest describes it (before they confirm
    /// restoring it).
    pub fn describe_backup(&self, archive: &Path) -> ServiceResult<BackupInfo> {
        backup::schedule::describe(archive)
            .map_err(|e| backup::BackupError::io("read", archive, &e).into())
    }

    /// Replaces the board with the archive's after checking it completely; the replaced
    /// database is kept beside the live one. Other processes see the new board at their next
    /// read (and drop their caches on the restore mark, see `external_watch`); this one is
    /// told with [`ChangeEvent::External`].
    pub fn restore_backup(&self, archive: &Path) -> ServiceResult<BackupRestored> {
        let restored = {
            let mut store = self.store();
            backup::restore_into(store.conn_mut(), &self.data_dir, archive, Utc::now())?
        };
        self.forget_board_caches();
        self.feed.emit(ChangeEvent::External);
        Ok(restored)
    }

    /// In-memory copies of the board (the meaning-search vectors) are dropped and rebuilt
    /// on next use.
    pub(crate) fn forget_board_caches(&self) {
        *self.vectors.lock().unwrap_or_else(|p| p.into_inner()) = None;
    }

    /// Takes the daily backup when it is due and the setting allows (`now` is the clock).
    pub fn daily_backup_if_due(&self, now: DateTime<Utc>) -> ServiceResult<Option<BackupCreated>> {
        if !self.flag(&crate::settings::BACKUP_DAILY)? {
            return Ok(None);
        }
        let src = backup::open_source(&crate::paths::db_path(&self.data_dir))?;
        Ok(backup::daily_if_due(&src, &self.data_dir, now)?)
    }
}

/// The app's daily backups: checked at start and then every `check_every`, on a background
/// thread that ends when the service is dropped. Checking often and backing up when a day
/// has passed copes with a laptop that sleeps through any fixed time.
pub fn spawn_daily_backups(
    service: &Arc<Service>,
    check_every: Duration,
) -> std::io::Result<std::thread::JoinHandle<()>> {
    let weak = Arc::downgrade(service);
    std::thread::Builder::new()
        .name("utter-backup".into())
        .spawn(move || {
            while let Some(svc) = weak.upgrade() {
                if let Err(e) = svc.daily_backup_if_due(Utc::now()) {
                    tracing::warn!("daily backup failed: {e}");
                }
                drop(svc);
                std::thread::sleep(check_every);
            }
        })
}
