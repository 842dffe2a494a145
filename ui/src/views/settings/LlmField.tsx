// Optional language model for extraction (and agents): the key goes to the OS keychain.
import { useState } from "react";

import type { ProviderConfig } from "../../bindings/ProviderConfig";
import type { ProviderKind } from "../../bindings/ProviderKind";
import { clearLlmProvider, errorText, setLlmProvider } from "../../desktopApi";

const PRESETS: Record<ProviderKind, { url: string; model: string }> = {
  openai_compatible: { url: "http://127.0.0.1:11434/v1", model: "llama3.2" },
  anthropic: { url: "https://api.anthropic.com", model: "claude-haiku-4-5" },
};

export function LlmField({ value, onChange }: { value: ProviderConfig | null; onChange: (c: ProviderConfig | null) => void }) {
  const [kind, setKind] = useState<ProviderKind>(value?.kind ?? "openai_compatible");
  const [url, setUrl] = useState(value?.base_url ?? PRESETS[kind].url);
  const [model, setModel] = useState(value?.model ?? PRESETS[kind].model);
  const [key, setKey] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const save = async () => {
    setError(null);
    setSaved(false);
    try {
      const c = await setLlmProvider(
        { kind, base_url: url.trim(), model: model.trim(), api_key_ref: null, timeout_secs: value?.timeout_secs ?? 60, max_retries: value?.max_retries ?? 2 },
        key.trim() || null,
      );
      setKey("");
      setSaved(true);
      onChange(c);
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <div className="field-stack llm-field">
      <p className="field-note">
        Optional. Without one, Utter extracts tasks with its offline engine and nothing leaves this machine.
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
            <option value="openai_compatible">OpenAI-compatible (OpenAI, Ollama, llama.cpp…)</option>
            <option value="anthropic">Anthropic</option>
          </select>
        </label>
        <label>
          Base URL
          <input value={url} onChange={(e) => setUrl(e.target.value)} spellCheck={false} />
        </label>
        <label>
          Model
          <input value={model} onChange={(e) => setModel(e.target.value)} spellCheck={false} />
        </label>
        <label>
          API key
          <input
            type="password"
            value={key}
            autoComplete="off"
            placeholder={value?.api_key_ref ? "stored in the OS keychain — type to replace" : "none (local servers)"}
            onChange={(e) => setKey(e.target.value)}
          />
        </label>
      </div>
      <div className="field-row">
        <button type="button" className="primary-button" onClick={() => void save()}>
          Save provider
        </button>
        {value && (
          <button
            type="button"
            className="ghost-button"
            onClick={() => void clearLlmProvider().then(() => onChange(null), (e) => setError(errorText(e)))}
          >
            Remove
          </button>
        )}
        {saved && <span className="field-ok">Saved. The key is in the OS keychain, never in Utter's database.</span>}
      </div>
      {error && <p className="field-error" role="alert">{error}</p>}
    </div>
  );
}
