// Settings → Data in memory: an export "written" to a fixed path, and an import that reads a
// Markdown checklist (`- [ ] title`, `- [x] done`) the way the core's importer does for the
// simple cases, enough to drive the preview and the apply step.
import type { ChangeEvent, ExportFormat, ExportedFile, ImportReport, Task } from "../bindings";

type Args = Record<string, unknown>;

const EXT: Record<ExportFormat, string> = { json: "json", markdown: "md", csv: "csv", ics: "ics" };

export class MockData {
  constructor(
    private changed: (e: ChangeEvent) => void,
    private tasks: () => Task[],
    private addTask: (title: string, done: boolean) => void,
  ) {}

  handles(cmd: string): boolean {
    return ["export_board", "import_board"].includes(cmd);
  }

  dispatch(cmd: string, a: Args): unknown {
    if (cmd === "export_board") {
      const format = a.format as ExportFormat;
      const tasks = this.tasks().length;
      const file: ExportedFile = {
        path: `/home/you/Downloads/utter-board-2026-12-05.${EXT[format]}`,
        summary: {
          format,
          tasks,
          categories: 3,
          transcripts: 0,
          runs: 0,
          bytes: 1024 + tasks * 120,
        },
      };
      return file;
    }
    const text = (a.text as string | undefined) ?? "";
    const lines = text.split("\n").map((l) => /^\s*[-*] \[( |x|X)\] (.+)$/.exec(l));
    if (!lines.some(Boolean))
      throw `${String(a.name)}: not a format Utter can import (a Todoist CSV, a Trello JSON, a Markdown checklist or an Utter export); give --from`;
    const items = lines
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ title: m[2].trim(), done: m[1] !== " " }));
    const report: ImportReport = {
      source: "markdown",
      mode: "cards",
      dry_run: !a.apply,
      tasks: items.length,
      open: items.filter((i) => !i.done).length,
      done: items.filter((i) => i.done).length,
      categories_new: [],
      categories_existing: [],
      transcripts: 0,
      runs: 0,
      chats: 0,
    };
    if (a.apply) {
      for (const i of items) this.addTask(i.title, i.done);
      this.changed({ kind: "setting_changed", key: "categories" });
    }
    return report;
  }
}
