// The MCP servers agents take their tools from: list, tools, add, import from Claude
// Desktop, remove. Opened from the Agents page; Esc or × goes back to it.
import { useState } from "react";

import * as api from "../api";
import type { NewMcpServer } from "../bindings/NewMcpServer";
import { McpAddForm } from "../components/McpAddForm";
import { McpServerCard } from "../components/McpServerCard";
import { useMcpServers } from "../hooks/useMcpServers";
import { usePage } from "../hooks/usePage";

export function McpServers({ onClose }: { onClose: () => void }) {
  const root = usePage<HTMLDivElement>(onClose);
  const { servers, error, reload } = useMcpServers();
  const [report, setReport] = useState<string | null>(null);
  const [importPath, setImportPath] = useState("");

  const add = async (server: NewMcpServer) => {
    try {
      await api.addMcpServer(server);
      await reload();
      return null;
    } catch (e) {
      return api.errorMessage(e);
    }
  };

  const remove = async (name: string) => {
    try {
      await api.removeMcpServer(name);
    } catch (e) {
      setReport(`Could not remove ${name}: ${api.errorMessage(e)}`);
    }
    await reload();
  };

  const importClaude = async () => {
    try {
      const r = await api.importMcpServers(importPath.trim() || null);
      const skipped = r.skipped.map(([n, why]) => `${n} (${why})`).join(", ");
      setReport(`Imported ${r.imported.length}${r.imported.length ? `: ${r.imported.join(", ")}` : ""}${skipped ? `; skipped: ${skipped}` : ""}`);
      await reload();
    } catch (e) {
      setReport(api.errorMessage(e));
    }
  };

  return (
    <div className="mcp page" role="dialog" aria-label="MCP servers" ref={root} tabIndex={-1}>
      <header className="page-header">
        <h1>MCP servers</h1>
        <button type="button" className="icon-button" aria-label="Close MCP servers" title="Back to the agents (Esc)" onClick={onClose}>
          ×
        </button>
      </header>
      <div className="page-body">
        <p className="section-help">
          Agents get their tools from MCP servers: programs on this machine (for example{" "}
          <code>npx -y @modelcontextprotocol/server-filesystem ~/Documents</code>) or services over HTTP. An agent only sees the servers
          you give it on the Agents page.
        </p>
        {error && (
          <p className="field-error" role="alert">
            Could not load servers: {error}
          </p>
        )}
        {servers && servers.length === 0 && <p className="page-empty-title">No servers yet — add one below or import Claude Desktop's.</p>}
        <div className="mcp-list">
          {servers?.map((s) => <McpServerCard key={s.name} server={s} onRemove={() => void remove(s.name)} />)}
        </div>
        <McpAddForm onAdd={add} />
        <div className="mcp-import">
          <input aria-label="Claude Desktop config path" placeholder="claude_desktop_config.json (empty: Claude's own)" value={importPath} onChange={(e) => setImportPath(e.target.value)} />
          <button type="button" className="ghost-button" onClick={() => void importClaude()}>
            Import from Claude Desktop
          </button>
        </div>
        {report && (
          <p className="muted" role="status">
            {report}
          </p>
        )}
      </div>
    </div>
  );
}
