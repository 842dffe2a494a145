// Settings → Data: export the board (JSON keeps everything; Markdown, CSV and a calendar file
// for reading elsewhere) and import one from Todoist, Trello, a Markdown checklist or an
// Utter export, with a preview of what would come in before anything is written.
import { useEffect, useRef, useState } from "react";

import { errorMessage, exportBoard, importBoard } from "../../api";
import type { ExportFormat, ExportedFile, ImportReport } from "../../bindings";
import { ProgressBar } from "../../components/ProgressBar";
import { SettingRow } from "./SettingRow";

const FORMATS: { value: ExportFormat; label: string }[] = [
  { value: "json", label: "Everything (JSON)" },
  { value: "markdown", label: "Checklist (Markdown)" },
  { value: "csv", label: "Spreadsheet (CSV)" },
  { value: "ics", label: "Calendar (ICS)" },
];

const SOURCES: Record<string, string> = {
  todoist: "Todoist CSV",
  trello: "Trello board",
  markdown: "Markdown checklist",
  utter: "Utter export",
};

/** FileReader rather than `File.text()`, which older WebViews lack. */
function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === "string" ? reader.result : "");
    reader.onerror = () => reject(reader.error ?? new Error(`cannot read ${file.name}`));
    reader.readAsText(file);
  });
}

interface Picked {
  name: string;
  text: string;
  preview: ImportReport;
}

export function DataField({ focusExport = false }: { focusExport?: boolean }) {
  const [format, setFormat] = useState<ExportFormat>("json");
  const [exporting, setExporting] = useState(false);
  const [exported, setExported] = useState<ExportedFile | null>(null);
  const [picked, setPicked] = useState<Picked | null>(null);
  const [imported, setImported] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const formatSelect = useRef<HTMLSelectElement>(null);

  // File → Export… (Ctrl+E) lands here: the format is the next thing to choose.
  useEffect(() => {
    if (!focusExport) return;
    formatSelect.current?.scrollIntoView?.({ block: "center" });
    formatSelect.current?.focus();
  }, [focusExport]);

  const doExport = async () => {
    setError(null);
    setExporting(true);
    try {
      setExported(await exportBoard(format));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };

  const pick = async (file: File | undefined) => {
    setError(null);
    setImported(null);
    setPicked(null);
    if (!file) return;
    setBusy(true);
    try {
      const text = await readText(file);
      setPicked({
        name: file.name,
        text,
        preview: await importBoard(file.name, text, null, false),
      });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
      if (fileInput.current) fileInput.current.value = "";
    }
  };

  const apply = async () => {
    if (!picked) return;
    setBusy(true);
    setError(null);
    try {
      setImported(await importBoard(picked.name, picked.text, picked.preview.source, true));
      setPicked(null);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <SettingRow
        label="Export the board"
        htmlFor="export-format"
        help="JSON keeps everything (cards, history, transcripts, agent runs, settings) and imports back; never your keys."
      >
        <div className="data-row">
          <select
            id="export-format"
            ref={formatSelect}
            value={format}
            onChange={(e) => setFormat(e.target.value as ExportFormat)}
          >
            {FORMATS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="ghost-button"
            onClick={() => void doExport()}
            disabled={exporting}
          >
            {exporting ? "Exporting…" : "Export"}
          </button>
        </div>
        {exporting && (
          <ProgressBar percent={null} label="Exporting the board" text="Writing the file…" />
        )}
        {exported && (
          <p className="field-note" role="status">
            Saved {exported.summary.tasks} card(s) to <code>{exported.path}</code>
          </p>
        )}
      </SettingRow>
      <SettingRow
        label="Import cards"
        htmlFor="import-file"
        help="From Todoist (CSV export), Trello (board JSON), a Markdown checklist or an Utter export. All or nothing."
      >
        <input
          id="import-file"
          ref={fileInput}
          type="file"
          accept=".csv,.json,.md,.markdown,.txt"
          disabled={busy}
          onChange={(e) => void pick(e.target.files?.[0])}
        />
        {picked && (
          <div className="import-preview" role="group" aria-label="Import preview">
            <p>
              {picked.name}: {SOURCES[picked.preview.source]} with {picked.preview.tasks} card(s) (
              {picked.preview.open} open, {picked.preview.done} done)
              {picked.preview.categories_new.length > 0 &&
                `; new categories: ${picked.preview.categories_new.join(", ")}`}
              {picked.preview.mode === "restore" &&
                `; the whole board with ${picked.preview.transcripts} dump(s) and ${picked.preview.runs} agent run(s)`}
              .
            </p>
            <div className="data-row">
              <button
                type="button"
                className="primary-button"
                onClick={() => void apply()}
                disabled={busy || picked.preview.tasks === 0}
              >
                Import {picked.preview.tasks} card(s)
              </button>
              <button
                type="button"
                className="ghost-button"
                onClick={() => setPicked(null)}
                disabled={busy}
              >
                Cancel
              </button>
            </div>
          </div>
        )}
        {imported && (
          <p className="field-note" role="status">
            Imported {imported.tasks} card(s) from {SOURCES[imported.source]}.
          </p>
        )}
      </SettingRow>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
