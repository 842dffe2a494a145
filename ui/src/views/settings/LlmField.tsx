// Optional language model for extraction (and agents). The API key goes to the OS keychain;
// the form never shows a stored key, only that one is stored.
import { useState } from "react";

import { clearLlmProvider, errorMessage, setLlmProvider } from "../../api";
import type { ProviderConfig, ProviderKind } from "../../bindings";

const PRESETS: Record<ProviderKind, { url: string; model: string; name: string }> = {
  openai_compatible: {
    url: "http://127.0.0.1:11434/v1",
    model: "llama3.2",
    name: "OpenAI-compatible",
  },
  anthropic: { url: "https://api.anthropic.com", model: "claude-haiku-4-5", name: "Anthropic" },
};

export function LlmField({
  value,
  onChange,
}: {
  value: ProviderConfig | null;
  onChange: (c: ProviderConfig | null) => void;
}) {
  const [kind, setKind] = useState<ProviderKind>(value?.kind ?? "openai_compatible");
  const [url, setUrl] = useState(value?.base_url ?? PRESETS[kind].url);
  const [model, setModel] = useState(value?.model ?? PRESETS[kind].model);
  const [key, setKey] = useState("");
  const [rpm, setRpm] = useState(value?.rate_limit_rpm ? String(value.rate_limit_rpm) : "");
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (what: () => Promise<ProviderConfig | null>, done: string) => {
    setBusy(true);
    setError(null);
    setNote(null);
    try {
      const c = await what();
      setKey("");
      setNote(done);
      onChange(c);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const save = () =>
    run(
      () =>
        setLlmProvider(
          {
            kind,
            base_url: url.trim(),
            model: model.trim(),
            api_key_ref: null, // the core keeps a key stored earlier unless a new one is given
            timeout_secs: value?.timeout_secs ?? 60,
            max_retries: value?.max_retries ?? 2,
            // Empty or 0: no limit (local servers); otherwise requests per minute, spread evenly.
            rate_limit_rpm: Number.parseInt(rpm, 10) > 0 ? Number.parseInt(rpm, 10) : undefined,
          },
          key.trim() || null,
        ),
      key.trim() ? "Saved. The key is now in the OS keychain." : "Saved.",
    );
  const remove = () =>
    run(() => clearLlmProvider().then(() => null), "Removed. Tasks are extracted offline again.");

  return (
    <form
      className="field-stack llm-field"
      aria-label="Language model provider"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <p className="llm-current" data-configured={value ? true : undefined}>
        {value ? (
          <>
            In use: <strong>{value.model}</strong> at <code>{value.base_url}</code>
            {value.api_key_ref ? " · key in the OS keychain" : " · no key"}
          </>
        ) : (
          "None: tasks are extracted by the offline engine, and nothing leaves this computer."
        )}
      </p>
      <div className="field-grid">
        <label>
          Provider
          <select
            value={kind}
            onChange={(e) => {
              const k = e.target.value as ProviderKind;
              setKind(k);
              setUrl(PRESETS[k].url);
              setModel(PRESETS[k].model);
            }}
          >
            {(Object.keys(PRESETS) as ProviderKind[]).map((k) => (
              <option key={k} value={k}>
                {PRESETS[k].name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Base URL
          <input
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            spellCheck={false}
            autoComplete="off"
          />
        </label>
        <label>
          Model
          <input
            value={model}
            onChange={(e) => setModel(e.target.value)}
            spellCheck={false}
            autoComplete="off"
          />
        </label>
        <label>
          API key
          <input
            type="password"
            value={key}
            autoComplete="off"
            placeholder={
              value?.api_key_ref
                ? "Stored in the keychain · type to replace"
                : kind === "anthropic"
                  ? "Required"
                  : "Not needed for local servers"
            }
            onChange={(e) => setKey(e.target.value)}
          />
        </label>
        <label>
          Requests per minute
          <input
            type="number"
            min={0}
            inputMode="numeric"
            value={rpm}
            placeholder="No limit"
            title="The most requests Utter sends to this provider per minute (extraction, agents and chat together), spread evenly"
            onChange={(e) => setRpm(e.target.value)}
          />
        </label>
      </div>
      {kind === "openai_compatible" && (
        <p className="field-note">
          Ollama, LM Studio and llama.cpp run on this computer; OpenAI and OpenRouter need an API
          key and their base URL.
        </p>
      )}
      <p className="field-note">
        The API key is stored in the OS keychain (never in Utter's database or files) and sent only
        to the base URL above.
      </p>
      <div className="field-row">
        <button type="submit" className="primary-button" disabled={busy}>
          {value ? "Save provider" : "Use this provider"}
        </button>
        {value && (
          <button
            type="button"
            className="ghost-button danger"
            disabled={busy}
            onClick={() => void remove()}
          >
            Remove
          </button>
        )}
        {note && <span className="field-ok">{note}</span>}
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
