// Imports the servers from Claude Desktop's config (its usual place, or a file the user names)
// and says what came in and what was skipped, with the core's reason.
import { useState } from "react";

import * as api from "../api";
import type { McpImport } from "../bindings";

/** "Imported 1: github; skipped: files (a server with this name already exists)" */
export function importSummary(r: McpImport): string {
  const imported = `Imported ${r.imported.length}${r.imported.length ? `: ${r.imported.join(", ")}` : ""}`;
  const skipped = r.skipped.map(([name, why]) => `${name} (${why})`).join(", ");
  return skipped ? `${imported}; skipped: ${skipped}` : imported;
}

export function McpImportForm({ onImported }: { onImported: () => void }) {
  const [path, setPath] = useState("");
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<{ text: string; failed: boolean } | null>(null);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      setReport({
        text: importSummary(await api.importMcpServers(path.trim() || null)),
        failed: false,
      });
      onImported();
    } catch (err) {
      setReport({ text: api.errorMessage(err), failed: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="mcp-add mcp-import"
      aria-label="Import from Claude Desktop"
      onSubmit={(e) => void submit(e)}
    >
      <h2>Import from Claude Desktop</h2>
      <p className="muted mcp-note">
        Copies the servers in claude_desktop_config.json; keys in its env or headers go to the
        keychain.
      </p>
      <div className="mcp-add-row">
        <input
          aria-label="Claude Desktop config path"
          placeholder="Path to the config (empty: Claude Desktop's own)"
          value={path}
          onChange={(e) => setPath(e.target.value)}
        />
        <button type="submit" className="ghost-button" disabled={busy}>
          {busy ? "Importing…" : "Import from Claude Desktop"}
        </button>
      </div>
      {report && (
        <p
          className={report.failed ? "field-error" : "mcp-note"}
          role={report.failed ? "alert" : "status"}
        >
          {report.text}
        </p>
      )}
    </form>
  );
}
