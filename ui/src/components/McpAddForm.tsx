// Adds a server: a command line (stdio) or a URL (Streamable HTTP), plus named secrets (env
// variables or headers) whose values go to the OS keychain, and for a URL an optional client
// id / secret / scope for sign-in. Well-known remote servers fill in their URL. The core
// validates.
import { useState } from "react";

import type { NewMcpServer } from "../bindings";

/** Official remote MCP endpoints, URL only: nothing of theirs ships with Utter. Streamable
 * HTTP ones (Atlassian also has an older SSE endpoint, /v1/sse, which Utter does not speak). */
export const REMOTE_PRESETS: { name: string; url: string }[] = [
  { name: "github", url: "https://api.githubcopilot.com/mcp/" },
  { name: "linear", url: "https://mcp.linear.app/mcp" },
  { name: "notion", url: "https://mcp.notion.com/mcp" },
  { name: "atlassian", url: "https://mcp.atlassian.com/v1/mcp" },
  { name: "sentry", url: "https://mcp.sentry.dev/mcp" },
  { name: "stripe", url: "https://mcp.stripe.com" },
];

interface McpAddFormProps {
  onAdd: (server: NewMcpServer) => Promise<string | null>;
}

export function McpAddForm({ onAdd }: McpAddFormProps) {
  const [name, setName] = useState("");
  const [mode, setMode] = useState<"command" | "url">("command");
  const [target, setTarget] = useState("");
  const [secrets, setSecrets] = useState<[string, string][]>([]);
  const [error, setError] = useState<string | null>(null);
  const [clientId, setClientId] = useState("");
  const [clientSecret, setClientSecret] = useState("");
  const [scope, setScope] = useState("");
  const [showOAuth, setShowOAuth] = useState(false);
  const remote = mode === "url";

  const preset = (p: { name: string; url: string }) => {
    setMode("url");
    setTarget(p.url);
    if (!name.trim()) setName(p.name);
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const server: NewMcpServer = {
      name: name.trim(),
      command: mode === "command" ? target : null,
      url: mode === "url" ? target : null,
      secrets: secrets.filter(([k]) => k.trim() !== ""),
      client_id: remote && clientId.trim() ? clientId.trim() : null,
      client_secret: remote && clientSecret ? clientSecret : null,
      scope: remote && scope.trim() ? scope.trim() : null,
    };
    const failure = await onAdd(server);
    setError(failure);
    if (!failure) {
      setName("");
      setTarget("");
      setSecrets([]);
      setClientId("");
      setClientSecret("");
      setScope("");
      setShowOAuth(false);
    }
  };

  const setSecret = (i: number, at: 0 | 1, v: string) =>
    setSecrets((rows) => rows.map((r, j) => (j === i ? (at === 0 ? [v, r[1]] : [r[0], v]) : r)));

  return (
    <form className="mcp-add" aria-label="Add an MCP server" onSubmit={(e) => void submit(e)}>
      <h2>Add a server</h2>
      <div className="mcp-presets" role="group" aria-label="Well-known remote servers">
        <span className="muted">Remote:</span>
        {REMOTE_PRESETS.map((p) => (
          <button
            type="button"
            key={p.name}
            className="ghost-button"
            title={p.url}
            onClick={() => preset(p)}
          >
            {p.name}
          </button>
        ))}
      </div>
      <div className="mcp-add-row">
        <input
          aria-label="Server name"
          placeholder="name, e.g. files"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <select
          aria-label="Kind"
          value={mode}
          onChange={(e) => setMode(e.target.value as "command" | "url")}
        >
          <option value="command">Command (stdio)</option>
          <option value="url">URL (HTTP)</option>
        </select>
      </div>
      <input
        aria-label={mode === "command" ? "Command" : "URL"}
        className="mcp-target-input"
        placeholder={
          mode === "command"
            ? "npx -y @modelcontextprotocol/server-filesystem ~/Documents"
            : "https://example.com/mcp"
        }
        value={target}
        onChange={(e) => setTarget(e.target.value)}
      />
      {secrets.map(([k, v], i) => (
        <div className="mcp-add-row" key={i}>
          <input
            aria-label={`Secret ${i + 1} name`}
            placeholder={mode === "command" ? "ENV_VAR" : "Header"}
            value={k}
            onChange={(e) => setSecret(i, 0, e.target.value)}
          />
          <input
            aria-label={`Secret ${i + 1} value`}
            type="password"
            placeholder="value (kept in the keychain)"
            value={v}
            onChange={(e) => setSecret(i, 1, e.target.value)}
          />
          <button
            type="button"
            className="icon-button"
            aria-label={`Remove secret ${i + 1}`}
            onClick={() => setSecrets((rows) => rows.filter((_, j) => j !== i))}
          >
            ×
          </button>
        </div>
      ))}
      {remote && showOAuth && (
        <div className="mcp-add-row" role="group" aria-label="Sign-in client">
          <input
            aria-label="Client id"
            placeholder="client id (optional)"
            value={clientId}
            onChange={(e) => setClientId(e.target.value)}
          />
          <input
            aria-label="Client secret"
            type="password"
            placeholder="client secret (kept in the keychain)"
            value={clientSecret}
            onChange={(e) => setClientSecret(e.target.value)}
          />
          <input
            aria-label="Scope"
            placeholder="scope (optional)"
            value={scope}
            onChange={(e) => setScope(e.target.value)}
          />
        </div>
      )}
      <div className="mcp-add-row">
        {remote && !showOAuth && (
          <button type="button" className="ghost-button" onClick={() => setShowOAuth(true)}>
            + Client id
          </button>
        )}
        <button
          type="button"
          className="ghost-button"
          onClick={() => setSecrets((s) => [...s, ["", ""]])}
        >
          {mode === "command" ? "+ Env variable" : "+ Header"}
        </button>
        <span className="spacer" />
        <button type="submit" className="primary-button" disabled={!name.trim() || !target.trim()}>
          Add
        </button>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
