// Settings → Data: the backups in the data dir (daily, before upgrades, made by hand), a
// "Back up now", and a restore that asks first. The core checks and restores; the board
// reloads on the outside-change event it sends.
import { useCallback, useEffect, useState } from "react";

import { backupNow, errorMessage, listBackups, restoreBackup } from "../../api";
import type { BackupInfo, BackupKind } from "../../bindings";

const KIND: Record<BackupKind, string> = {
  manual: "Made by you",
  daily: "Daily",
  pre_migration: "Before an upgrade",
};

function when(iso: string | null): string {
  if (!iso) return "unknown date";
  return new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

function size(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(0)} KB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

const cards = (n: number | null) => (n === null ? "" : n === 1 ? "1 card" : `${n} cards`);

export function BackupsField() {
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(() => {
    listBackups().then(setBackups, (e) => setError(errorMessage(e)));
  }, []);
  useEffect(reload, [reload]);

  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      setNotice(await work());
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
      setConfirming(null);
      reload();
    }
  };

  const backUp = () =>
    run(async () => {
      const made = await backupNow();
      return `Backed up ${cards(made.manifest.counts.tasks ?? 0)} to ${made.path}`;
    });

  const restore = (b: BackupInfo) =>
    run(async () => {
      const r = await restoreBackup(b.path);
      const kept = r.kept_aside ? ` The board it replaced is kept at ${r.kept_aside}.` : "";
      return `Restored ${cards(r.tasks)} from ${when(r.manifest.created_at)}.${kept}`;
    });

  return (
    <div className="backups">
      <div className="field-row">
        <button
          type="button"
          className="ghost-button"
          onClick={() => void backUp()}
          disabled={busy}
        >
          Back up now
        </button>
      </div>
      {notice && (
        <p className="backups-notice" role="status">
          {notice}
        </p>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {backups && backups.length === 0 && <p className="section-help">No backups yet.</p>}
      {backups && backups.length > 0 && (
        <ul className="backups-list" aria-label="Backups">
          {backups.map((b) => (
            <li key={b.path} data-backup={b.file_name}>
              <div className="backup-main">
                <span className="backup-when">{when(b.created_at)}</span>
                <span className="backup-meta">
                  {b.kind ? KIND[b.kind] : "Unreadable"}
                  {b.tasks !== null && ` · ${cards(b.tasks)}`} · {size(b.bytes)}
                  {b.recordings > 0 && ` · ${b.recordings} recordings`}
                </span>
                {b.problem && <span className="field-error">{b.problem}</span>}
              </div>
              {confirming === b.path ? (
                <div className="backup-confirm" role="group" aria-label="Confirm restore">
                  <span>Replace the board with this backup? The current board is kept aside.</span>
                  <button
                    type="button"
                    className="ghost-button small danger"
                    onClick={() => void restore(b)}
                    disabled={busy}
                  >
                    Replace the board
                  </button>
                  <button
                    type="button"
                    className="ghost-button small"
                    onClick={() => setConfirming(null)}
                    disabled={busy}
                  >
                    Cancel
                  </button>
                </div>
              ) : (
                <button
                  type="button"
                  className="ghost-button small"
                  onClick={() => setConfirming(b.path)}
                  disabled={busy || b.problem !== null}
                  aria-label={`Restore the backup from ${when(b.created_at)}`}
                >
                  Restore
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
