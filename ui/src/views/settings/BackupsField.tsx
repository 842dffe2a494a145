// Settings → Data: the backups in the data dir (daily, before upgrades, made by hand), a
// "Back up now", and a restore that asks first — of a listed backup, or of an archive picked
// anywhere with "Restore from a file…" (the native dialog; File → Restore from a file… opens
// it too). The core checks and restores; the board reloads on the outside-change event it sends.
import { type ReactNode, useCallback, useEffect, useRef, useState } from "react";

import {
  backupNow,
  chooseBackupFile,
  errorMessage,
  listBackups,
  restoreBackup,
  restoreChosenBackup,
} from "../../api";
import type { BackupInfo, BackupKind } from "../../bindings";
import { useLatest } from "../../hooks/useLatest";

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

export function BackupsField({ pickOnOpen = false }: { pickOnOpen?: boolean }) {
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState<string | null>(null);
  /** An archive picked from a folder, waiting for the user's yes. */
  const [picked, setPicked] = useState<BackupInfo | null>(null);
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

  const restore = (b: BackupInfo, fromFile = false) =>
    run(async () => {
      const r = fromFile ? await restoreChosenBackup() : await restoreBackup(b.path);
      setPicked(null);
      const kept = r.kept_aside ? ` The board it replaced is kept at ${r.kept_aside}.` : "";
      return `Restored ${cards(r.tasks)} from ${when(r.manifest.created_at)}.${kept}`;
    });

  const pickFile = async () => {
    setError(null);
    setNotice(null);
    setPicked(null);
    try {
      setPicked(await chooseBackupFile());
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  // File → Restore from a file… lands here with the dialog to open.
  const pick = useLatest(pickFile);
  const pickedOnOpen = useRef(false);
  useEffect(() => {
    if (pickOnOpen && !pickedOnOpen.current) {
      pickedOnOpen.current = true;
      void pick.current();
    }
  }, [pickOnOpen, pick]);

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
        <button
          type="button"
          className="ghost-button"
          onClick={() => void pickFile()}
          disabled={busy}
        >
          Restore from a file…
        </button>
      </div>
      {picked && (
        <ConfirmRestore
          label="Confirm restore from file"
          busy={busy}
          onConfirm={picked.problem ? null : () => void restore(picked, true)}
          onCancel={() => setPicked(null)}
        >
          {picked.problem ? (
            <span className="field-error">
              {picked.file_name} is not a backup Utter can read: {picked.problem}
            </span>
          ) : (
            <span>
              Replace the board with {picked.file_name} ({when(picked.created_at)}
              {picked.tasks !== null && ` · ${cards(picked.tasks)}`})? The current board is kept
              aside.
            </span>
          )}
        </ConfirmRestore>
      )}
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
                <ConfirmRestore
                  label="Confirm restore"
                  busy={busy}
                  onConfirm={() => void restore(b)}
                  onCancel={() => setConfirming(null)}
                >
                  <span>Replace the board with this backup? The current board is kept aside.</span>
                </ConfirmRestore>
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

/** "Replace the board?" with its two buttons; `onConfirm: null` offers only Cancel. */
function ConfirmRestore({
  label,
  busy,
  onConfirm,
  onCancel,
  children,
}: {
  label: string;
  busy: boolean;
  onConfirm: (() => void) | null;
  onCancel: () => void;
  children: ReactNode;
}) {
  return (
    <div className="backup-confirm" role="group" aria-label={label}>
      {children}
      {onConfirm && (
        <button
          type="button"
          className="ghost-button small danger"
          onClick={onConfirm}
          disabled={busy}
        >
          Replace the board
        </button>
      )}
      <button type="button" className="ghost-button small" onClick={onCancel} disabled={busy}>
        Cancel
      </button>
    </div>
  );
}
