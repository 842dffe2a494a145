// The MCP servers agents take their tools from: list, tools, add, import from Claude
// Desktop, remove. Opened from the Agents page (or `g s`); Esc or × goes back to the agents.
import { useState } from "react";

import * as api from "../api";
import type { NewMcpServer } from "../bindings";
import { McpAddForm } from "../components/McpAddForm";
import { McpImportForm } from "../components/McpImportForm";
import { McpServerCard } from "../components/McpServerCard";
import { useMcpServers } from "../hooks/useMcpServers";
import { usePage } from "../hooks/usePage";

const EXAMPLE = "npx -y @modelcontextprotocol/server-filesystem ~/Documents";

export function McpServers({ onClose }: { onClose: () => void }) {
  const root = usePage<HTMLDivElement>(onClose);
  const { servers, error, reload } = useMcpServers();
  const [removeError, setRemoveError] = useState<string | null>(null);

  /** Resolves to the core's error message, or null once the server is in. */
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
      setRemoveError(null);
    } catch (e) {
      setRemoveError(`Could not remove ${name}: ${api.errorMessage(e)}`);
    }
    await reload();
  };

  const trust = async (name: string, trusted: boolean) => {
    try {
      await api.setMcpServerTrusted(name, trusted);
      setRemoveError(null);
    } catch (e) {
      setRemoveError(`Could not change ${name}: ${api.errorMessage(e)}`);
    }
    await reload();
  };

  return (
    <div className="mcp page" role="dialog" aria-label="MCP servers" ref={root} tabIndex={-1}>
      <header className="page-header">
        <h1>MCP servers</h1>
        <button
          type="button"
          className="icon-button"
          aria-label="Close MCP servers"
          title="Back to the agents (Esc)"
          onClick={onClose}
        >
          ×
        </button>
      </header>
      <div className="page-body">
        <p className="section-help">
          Agents get their tools from MCP servers: programs on this machine or services over HTTP.
          An agent only sees the servers you give it on the Agents page, and asks you before any
          tool, except read-only ones on servers you trust.
        </p>
        {error && (
          <p className="field-error" role="alert">
            Could not load servers: {error}
          </p>
        )}
        {removeError && (
          <p className="field-error" role="alert">
            {removeError}
          </p>
        )}
        {servers && servers.length === 0 && <NoServers />}
        {servers && servers.length > 0 && (
          <div className="mcp-list">
            {servers.map((s) => (
              <McpServerCard
                key={s.name}
                server={s}
                onRemove={() => void remove(s.name)}
                onTrust={(t) => void trust(s.name, t)}
              />
            ))}
          </div>
        )}
        <McpAddForm onAdd={add} />
        <McpImportForm onImported={() => void reload()} />
      </div>
    </div>
  );
}

/** What an MCP server is, with one to copy, for a first visit. */
function NoServers() {
  return (
    <div className="mcp-empty">
      <p className="page-empty-title">No MCP servers yet</p>
      <p className="muted">
        An MCP server gives agents tools: reading files, searching the web, updating your tracker.
        Most run as a command, for example <code>{EXAMPLE}</code> lets an agent read and write files
        in your Documents. Add one below, or import the ones Claude Desktop already uses.
      </p>
    </div>
  );
}
