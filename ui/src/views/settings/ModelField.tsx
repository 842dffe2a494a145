// Whisper models: installed or not, download with progress, choose one.
import { useCallback, useEffect, useState } from "react";

import type { DownloadEvent } from "../../bindings/DownloadEvent";
import type { ModelEntry } from "../../bindings/ModelEntry";
import { downloadModel, errorText, listModels, onModelDownload, subscribe } from "../../desktopApi";

export function formatBytes(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(1)} GB`;
  if (n >= 1e6) return `${Math.round(n / 1e6)} MB`;
  return `${Math.round(n / 1e3)} kB`;
}

export function ModelField({ value, onSave }: { value: string; onSave: (v: string) => Promise<string | null> }) {
  const [models, setModels] = useState<ModelEntry[]>([]);
  const [progress, setProgress] = useState<Record<string, DownloadEvent>>({});
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(() => {
    listModels().then(setModels, (e) => setError(errorText(e)));
  }, []);
  useEffect(reload, [reload]);
  useEffect(() => subscribe(onModelDownload((ev) => setProgress((p) => ({ ...p, [ev.name]: ev })))), []);

  const download = async (name: string) => {
    setError(null);
    setProgress((p) => ({ ...p, [name]: { name, downloaded: 0, total: null, done: false, error: null } }));
    try {
      await downloadModel(name);
    } catch (e) {
      setError(`Download of ${name} failed: ${errorText(e)}`);
    }
    reload();
  };

  return (
    <div className="field-stack">
      <ul className="model-list">
        {models.map((m) => {
          const p = progress[m.name];
          const busy = p && !p.done && !p.error;
          const pct = p?.total ? Math.min(100, Math.round((p.downloaded / p.total) * 100)) : 0;
          return (
            <li key={m.name} className="model-row" data-model={m.name} data-selected={m.name === value || undefined}>
              <label>
                <input
                  type="radio"
                  name="model"
                  checked={m.name === value}
                  disabled={!m.installed}
                  onChange={() => void onSave(m.name).then(setError)}
                />
                <span className="model-name">{m.name}</span>
                <span className="model-desc">
                  {m.description} · {formatBytes(m.size)}
                </span>
              </label>
              {m.installed ? (
                <span className="model-state">Installed</span>
              ) : busy ? (
                <div className="progress" role="progressbar" aria-label={`Downloading ${m.name}`} aria-valuenow={pct} aria-valuemin={0} aria-valuemax={100}>
                  <div className="progress-fill" style={{ width: `${pct}%` }} />
                  <span className="progress-text">{pct}%</span>
                </div>
              ) : (
                <button type="button" className="ghost-button" onClick={() => void download(m.name)}>
                  {m.partial_download ? "Resume download" : "Download"}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {error && <p className="field-error" role="alert">{error}</p>}
    </div>
  );
}
