// One MCP server: what it runs or where it is, which keys are in the keychain, who uses it,
// its tools on demand (that starts the server, so it is also the "does it work" check), and
// whether its read-only claims are trusted, removal behind a confirmation, and for a remote
// server its sign-in.
import { useState } from "react";

import * as api from "../api";
import type { McpServerView, McpToolView } from "../bindings";
import { McpSignIn } from "./McpSignIn";

interface McpServerCardProps {
  server: McpServerView;
  onRemove: () => void;
  onTrust: (trusted: boolean) => void;
}

type Tools =
  | { state: "idle" }
  | { state: "loading" }
  | { state: "error"; message: string }
  | { state: "ok"; tools: McpToolView[] };

export function McpServerCard({ server, onRemove, onTrust }: McpServerCardProps) {
  const [tools, setTools] = useState<Tools>({ state: "idle" });
  const [confirming, setConfirming] = useState(false);

  const loadTools = async () => {
    setTools({ state: "loading" });
    try {
      setTools({ state: "ok", tools: await api.mcpServerTools(server.name) });
    } catch (e) {
      setTools({ state: "error", message: api.errorMessage(e) });
    }
  };

  return (
    <section
      className="mcp-card"
      data-server={server.name}
      aria-label={`MCP server ${server.name}`}
    >
      <header className="mcp-card-head">
        <h2>{server.name}</h2>
        <span className="optional">{server.transport}</span>
        <span className="spacer" />
        {confirming ? (
          <span className="confirm">
            Remove?{" "}
            <button type="button" className="ghost-button danger" onClick={onRemove}>
              Yes
            </button>{" "}
            <button type="button" className="ghost-button" onClick={() => setConfirming(false)}>
              No
            </button>
          </span>
        ) : (
          <button
            type="button"
            className="ghost-button"
            aria-label={`Remove ${server.name}`}
            onClick={() => setConfirming(true)}
          >
            Remove
          </button>
        )}
      </header>
      <code className="mcp-target">{server.target}</code>
      {server.transport === "http" && <McpSignIn server={server} />}
      {server.secret_names.length > 0 && (
        <p className="muted">Keys in the keychain: {server.secret_names.join(", ")}</p>
      )}
      <p className="muted">
        {server.agents.length > 0
          ? `Used by ${server.agents.join(", ")}`
          : "Not used by any agent yet — give it to one on the Agents page."}
      </p>
      <label className="mcp-trust">
        <input
          type="checkbox"
          checked={server.trusted}
          onChange={(e) => onTrust(e.target.checked)}
        />{" "}
        Trust its read-only claims
        <span className="muted">
          {" "}
          —{" "}
          {server.trusted
            ? "tools it marks read-only run without asking"
            : "every tool asks first, even ones it calls read-only"}
        </span>
      </label>
      <div className="mcp-tools" aria-busy={tools.state === "loading"}>
        <button
          type="button"
          className="ghost-button"
          onClick={() => void loadTools()}
          disabled={tools.state === "loading"}
        >
          {tools.state === "loading" ? (
            <>
              <span className="spinner" aria-hidden="true" /> Starting…
            </>
          ) : tools.state === "ok" ? (
            "Reload tools"
          ) : server.transport === "http" ? (
            "Test connection"
          ) : (
            "Tools"
          )}
        </button>
        {tools.state === "error" && (
          <p className="step-error" role="alert">
            {tools.message}
          </p>
        )}
        {tools.state === "ok" && (
          <ul className="mcp-tool-list" aria-label={`Tools of ${server.name}`}>
            {tools.tools.map((t) => (
              <li key={t.name}>
                <code>{t.name}</code>{" "}
                <span
                  className="run-badge"
                  data-status={t.read_only && server.trusted ? "done" : "waiting_approval"}
                >
                  {t.read_only
                    ? server.trusted
                      ? "read-only"
                      : "says read-only · asks first"
                    : "asks first"}
                </span>
                {t.description && <span className="muted"> {t.description}</span>}
              </li>
            ))}
            {tools.tools.length === 0 && <li className="muted">No tools.</li>}
          </ul>
        )}
      </div>
    </section>
  );
}
