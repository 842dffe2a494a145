// Whisper models: "Choose for me" (the core picks by this machine's cores and memory), install
// state, download with a progress bar, choose one (installed only).
import { ProgressBar } from "../../components/ProgressBar";
import { useModels, type Download } from "../../hooks/useModels";

export function formatBytes(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(1)} GB`;
  if (n >= 1e6) return `${Math.round(n / 1e6)} MB`;
  return `${Math.max(0, Math.round(n / 1e3))} kB`;
}

function progressText(d: Download): string {
  if (d.percent == null) return d.downloaded ? formatBytes(d.downloaded) : "Starting…";
  return `${d.percent}% · ${formatBytes(d.downloaded)} of ${formatBytes(d.total ?? 0)}`;
}

/** `readyNote`: say so when the chosen model is already installed (first-run setup). */
export const AUTO_MODEL = "auto";

export function ModelField({
  value,
  onSave,
  readyNote = false,
}: {
  value: string;
  onSave: (v: string) => Promise<string | null>;
  readyNote?: boolean;
}) {
  const { models, downloads, errors, download } = useModels();
  const auto = value === AUTO_MODEL;
  const recommended = models?.find((m) => m.recommended);
  const autoNow = models?.find((m) => m.auto_in_use);
  // What actually runs: the chosen model, or the one "Choose for me" resolves to.
  const chosen = auto ? autoNow : models?.find((m) => m.name === value);
  const recDownload = recommended ? downloads[recommended.name] : undefined;
  return (
    <div className="field-stack">
      <ul className="model-list" role="radiogroup" aria-label="Speech model">
        <li
          className="model-row model-auto"
          data-model={AUTO_MODEL}
          data-selected={auto || undefined}
        >
          <label className="model-pick">
            <input
              type="radio"
              name="model"
              value={AUTO_MODEL}
              checked={auto}
              onChange={() => void onSave(AUTO_MODEL)}
            />
            <span className="model-name">Choose for me</span>
            <span className="model-desc">
              {recommended ? (
                <>
                  <strong>{recommended.name}</strong> for this computer ({recommended.reason})
                  {autoNow && autoNow.name !== recommended.name
                    ? ` · uses ${autoNow.name} until ${recommended.name} is downloaded`
                    : ""}
                </>
              ) : (
                "Picks the model this computer runs best."
              )}
            </span>
          </label>
          <span className="model-action">
            {recommended && !recommended.installed && !recDownload && (
              <button
                type="button"
                className="ghost-button"
                onClick={() => void download(recommended.name)}
              >
                Download {recommended.name}
              </button>
            )}
            {recommended && recDownload && (
              <ProgressBar
                percent={recDownload.percent}
                label={`Downloading ${recommended.name}`}
                text={progressText(recDownload)}
              />
            )}
            {auto && autoNow && <span className="model-state">In use: {autoNow.name}</span>}
          </span>
        </li>
        {(models ?? []).map((m) => {
          const d = downloads[m.name];
          const err = errors[m.name];
          return (
            <li
              key={m.name}
              className="model-row"
              data-model={m.name}
              data-selected={m.name === value || undefined}
            >
              <label className="model-pick">
                <input
                  type="radio"
                  name="model"
                  value={m.name}
                  checked={m.name === value}
                  disabled={!m.installed}
                  onChange={() => void onSave(m.name)}
                />
                <span className="model-name">
                  {m.name}
                  {m.recommended && <span className="model-badge">Recommended</span>}
                </span>
                <span className="model-desc">
                  {m.description}
                  {m.multilingual ? " · many languages" : ""}
                </span>
                <span className="model-size">{formatBytes(m.size)}</span>
              </label>
              <span className="model-action">
                {m.installed ? (
                  <span className="model-state">
                    {m.name === value || (auto && m.auto_in_use) ? "In use" : "Installed"}
                  </span>
                ) : d ? (
                  <ProgressBar
                    percent={d.percent}
                    label={`Downloading ${m.name}`}
                    text={progressText(d)}
                  />
                ) : (
                  <button
                    type="button"
                    className="ghost-button"
                    onClick={() => void download(m.name)}
                  >
                    {m.partial_download
                      ? `Resume (${formatBytes(m.bytes_on_disk)} done)`
                      : "Download"}
                  </button>
                )}
              </span>
              {err && (
                <p className="field-error model-error" role="alert">
                  Download of {m.name} failed: {err}
                </p>
              )}
            </li>
          );
        })}
      </ul>
      {errors[""] && (
        <p className="field-error" role="alert">
          Could not list models: {errors[""]}
        </p>
      )}
      {!auto && chosen && !chosen.installed && (
        <p className="field-hint">
          {value} is chosen but not downloaded yet: download it, or pick an installed model.
        </p>
      )}
      {auto && models && !autoNow && recommended && (
        <p className="field-hint">
          No speech model yet: download {recommended.name} (recommended for this computer) to start.
        </p>
      )}
      {chosen?.installed && readyNote && (
        <p className="field-ok">
          <span aria-hidden="true">✓</span> {chosen.name} is installed, so this step is done.
          Download a larger model for better accuracy, or go on.
        </p>
      )}
      {models && !auto && !chosen && (
        <p className="field-note">In use: {value} (a model file outside this list).</p>
      )}
    </div>
  );
}
