// Settings → Data in memory: backups are snapshots of the mock board; restoring one puts
// its cards back and announces an outside change, as the core does.
import type {
  BackupCreated,
  BackupInfo,
  BackupRestored,
  ChangeEvent,
  Manifest,
  Task,
} from "../bindings";

type Args = Record<string, unknown>;

const DIR = "/home/you/.local/share/utter/backups";

export class MockBackups {
  private saved: { info: BackupInfo; tasks: Task[] }[] = [];
  /** "Restore from a file…": the file the dialog picked (the oldest backup, as if copied elsewhere). */
  private chosen: { info: BackupInfo; tasks: Task[] } | null = null;

  constructor(
    private changed: (e: ChangeEvent) => void,
    private tasks: () => Task[],
    private replaceTasks: (tasks: Task[]) => void,
  ) {}

  /** Adds a backup of the current board made `daysAgo` days ago (for the seed and tests). */
  seed(kind: BackupInfo["kind"], daysAgo: number) {
    const at = new Date(Date.now() - daysAgo * 86_400_000);
    this.add(kind, at);
  }

  handles(cmd: string): boolean {
    return [
      "list_backups",
      "backup_now",
      "restore_backup",
      "choose_backup_file",
      "restore_chosen_backup",
    ].includes(cmd);
  }

  dispatch(cmd: string, a: Args): unknown {
    switch (cmd) {
      case "list_backups":
        return this.saved
          .map((s) => ({ ...s.info }))
          .sort((x, y) => String(y.created_at).localeCompare(String(x.created_at)));
      case "backup_now": {
        const info = this.add("manual", new Date());
        const made: BackupCreated = {
          path: info.path,
          bytes: info.bytes,
          manifest: this.manifest(info),
        };
        return made;
      }
      case "choose_backup_file": {
        const oldest = [...this.saved].sort((x, y) =>
          String(x.info.created_at).localeCompare(String(y.info.created_at)),
        )[0];
        if (!oldest) return null;
        const file_name = "utter-from-my-old-laptop.zip";
        this.chosen = {
          info: { ...oldest.info, path: `/home/you/Downloads/${file_name}`, file_name },
          tasks: oldest.tasks,
        };
        return { ...this.chosen.info };
      }
      case "restore_chosen_backup": {
        const chosen = this.chosen;
        this.chosen = null;
        if (!chosen) throw 'no backup file was chosen; pick one with "Restore from a file…"';
        return this.restore(chosen);
      }
      case "restore_backup": {
        const found = this.saved.find((s) => s.info.path === a.path);
        if (!found) throw `${String(a.path)} is not one of the backups in the data dir`;
        return this.restore(found);
      }
    }
    throw new Error(`mock backups: unknown command ${cmd}`);
  }

  private restore(found: { info: BackupInfo; tasks: Task[] }): BackupRestored {
    this.replaceTasks(structuredClone(found.tasks));
    this.changed({ kind: "external" });
    const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-");
    return {
      archive: found.info.path,
      manifest: this.manifest(found.info),
      kept_aside: `/home/you/.local/share/utter/utter.db.before-restore-${stamp}`,
      migrated_from: null,
      recordings: 0,
      tasks: found.tasks.length,
    };
  }

  private add(kind: BackupInfo["kind"], at: Date): BackupInfo {
    const p = (n: number) => String(n).padStart(2, "0");
    const stamp = `${at.getFullYear()}${p(at.getMonth() + 1)}${p(at.getDate())}-${p(at.getHours())}${p(at.getMinutes())}${p(at.getSeconds())}`;
    const prefix =
      kind === "daily"
        ? "utter-auto-"
        : kind === "pre_migration"
          ? "utter-pre-migration-v9-"
          : "utter-";
    const file_name = `${prefix}${stamp}.zip`;
    const tasks = structuredClone(this.tasks());
    const info: BackupInfo = {
      path: `${DIR}/${file_name}`,
      file_name,
      bytes: 40_000 + tasks.length * 900,
      created_at: at.toISOString(),
      kind,
      schema_version: kind === "pre_migration" ? 9 : 10,
      tasks: tasks.length,
      recordings: 0,
      problem: null,
    };
    this.saved.push({ info, tasks });
    return info;
  }

  private manifest(info: BackupInfo): Manifest {
    return {
      format: 1,
      app: "utter",
      app_version: "0.1.0",
      schema_version: info.schema_version ?? 10,
      created_at: info.created_at ?? new Date().toISOString(),
      kind: info.kind ?? "manual",
      counts: { tasks: info.tasks ?? 0 },
      files: [],
      secrets: "API keys and OAuth tokens live in the OS keychain and are not in this backup",
    };
  }
}
