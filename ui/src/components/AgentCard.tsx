import { useId, useMemo, useState } from "react";

import type { AgentDef } from "../bindings";
import { useChanged } from "../hooks/useChanged";
import { listText, parseList, parseRules, rulesText } from "../lib/agentText";

interface Draft {
  enabled: boolean;
  description: string;
  servers: string;
  rules: string;
  keywords: string;
  categories: string;
  prompt: string;
}

const draftOf = (a: AgentDef): Draft => ({
  enabled: a.enabled,
  description: a.description,
  servers: listText(a.mcp_servers),
  rules: rulesText(a.tool_permissions),
  keywords: listText(a.trigger_keywords),
  categories: listText(a.categories),
  prompt: a.system_prompt,
});

interface AgentCardProps {
  agent: AgentDef;
  onSave: (agent: AgentDef) => Promise<boolean>;
  /** Built-in: back to the shipped version; custom: delete. */
  onReset: () => void;
}

/** One agent, editable in place; nothing reaches the core until Save. */
export function AgentCard({ agent, onSave, onReset }: AgentCardProps) {
  const id = useId();
  const saved = useMemo(() => draftOf(agent), [agent]);
  const [draft, setDraft] = useState(saved);
  const [promptOpen, setPromptOpen] = useState(false);
  const [rulesError, setRulesError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // Saved elsewhere (or reset): the card shows what the core has now.
  useChanged(saved, setDraft);

  const dirty = (Object.keys(saved) as (keyof Draft)[]).some((k) => saved[k] !== draft[k]);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const f = (name: string) => `${id}-${name}`;

  const save = async () => {
    let tool_permissions;
    try {
      tool_permissions = parseRules(draft.rules);
    } catch (e) {
      setRulesError((e as Error).message);
      return;
    }
    setRulesError(null);
    setSaving(true);
    await onSave({
      ...agent,
      enabled: draft.enabled,
      description: draft.description.trim(),
      mcp_servers: parseList(draft.servers),
      tool_permissions,
      trigger_keywords: parseList(draft.keywords),
      categories: parseList(draft.categories),
      system_prompt: draft.prompt,
    });
    setSaving(false);
  };

  return (
    <article
      className="agent-card"
      data-agent={agent.name}
      data-enabled={draft.enabled}
      aria-labelledby={f("name")}
    >
      <header className="agent-card-head">
        <h2 id={f("name")}>{agent.name}</h2>
        {agent.builtin && <span className="optional">built-in</span>}
        <label className="agent-toggle">
          <span className="muted">{draft.enabled ? "On" : "Off"}</span>
          <input
            type="checkbox"
            className="switch"
            aria-label={`${agent.name} enabled`}
            checked={draft.enabled}
            onChange={(e) => set("enabled", e.target.checked)}
          />
        </label>
      </header>
      <textarea
        className="agent-description"
        rows={1}
        aria-label={`${agent.name} description`}
        value={draft.description}
        onChange={(e) => set("description", e.target.value)}
      />
      <div className="agent-fields">
        <label htmlFor={f("servers")}>MCP servers</label>
        <input
          id={f("servers")}
          value={draft.servers}
          placeholder="none"
          onChange={(e) => set("servers", e.target.value)}
        />
        <label htmlFor={f("keywords")}>Trigger keywords</label>
        <input
          id={f("keywords")}
          value={draft.keywords}
          placeholder="none"
          onChange={(e) => set("keywords", e.target.value)}
        />
        <label htmlFor={f("categories")}>Categories</label>
        <input
          id={f("categories")}
          value={draft.categories}
          placeholder="none"
          onChange={(e) => set("categories", e.target.value)}
        />
        <label htmlFor={f("rules")}>Tool permissions</label>
        <div className="agent-rules">
          <textarea
            id={f("rules")}
            rows={Math.max(2, draft.rules.split("\n").length)}
            spellCheck={false}
            value={draft.rules}
            aria-describedby={f("rules-help")}
            aria-invalid={rulesError != null || undefined}
            onChange={(e) => set("rules", e.target.value)}
          />
          <p id={f("rules-help")} className="field-note">
            One <code>server/tool=allow|ask|deny</code> a line; globs work, the last match wins.
          </p>
          {rulesError && (
            <p className="field-error" role="alert">
              {rulesError}
            </p>
          )}
        </div>
      </div>
      <div className="agent-prompt">
        <button
          type="button"
          className="link-button"
          aria-expanded={promptOpen}
          aria-controls={f("prompt")}
          onClick={() => setPromptOpen((v) => !v)}
        >
          {promptOpen ? "Hide system prompt" : "Show system prompt"}
        </button>
        {promptOpen && (
          <textarea
            id={f("prompt")}
            rows={6}
            aria-label={`${agent.name} system prompt`}
            value={draft.prompt}
            onChange={(e) => set("prompt", e.target.value)}
          />
        )}
      </div>
      <footer className="agent-card-foot">
        {dirty && <span className="field-hint">Unsaved changes</span>}
        <button
          type="button"
          className="ghost-button danger"
          aria-label={agent.builtin ? `Reset ${agent.name} to default` : `Delete ${agent.name}`}
          onClick={onReset}
        >
          {agent.builtin ? "Reset to default" : "Delete"}
        </button>
        {dirty && (
          <button type="button" className="ghost-button" onClick={() => setDraft(saved)}>
            Discard
          </button>
        )}
        <button
          type="button"
          className="primary-button"
          aria-label={`Save ${agent.name}`}
          disabled={!dirty || saving}
          onClick={() => void save()}
        >
          Save
        </button>
      </footer>
    </article>
  );
}
