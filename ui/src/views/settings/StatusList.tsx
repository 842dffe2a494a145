// What this desktop lacks (from desktop_status), each with what to do about it.
import type { DesktopStatus } from "../../bindings";
import { prettyAccelerator } from "../../lib/accelerator";

export interface Problem {
  id: "hotkey" | "microphone" | "model" | "notifications" | "tray";
  title: string;
  fix: string;
  /** Id of the setting that fixes it, to jump to. */
  target?: string;
}

export function problems(s: DesktopStatus, model: string): Problem[] {
  const out: Problem[] = [];
  if (!s.hotkey_registered)
    out.push({
      id: "hotkey",
      title: s.hotkey_error ?? `The shortcut ${prettyAccelerator(s.hotkey)} is not registered.`,
      fix: "Choose another shortcut below; meanwhile the tray menu can start a recording.",
      target: "setting-hotkey",
    });
  if (!s.microphone)
    out.push({
      id: "microphone",
      title: s.microphone_error ?? "No microphone found.",
      fix: "Plug in a microphone or enable it in the system sound settings, then pick it below.",
      target: "setting-microphone",
    });
  if (!s.model_installed)
    out.push({
      id: "model",
      title: `The speech model ${model} is not downloaded.`,
      fix: "Download it under Speech model (or pick one that is installed); until then recordings cannot be transcribed.",
      target: "setting-model",
    });
  if (!s.notifications)
    out.push({
      id: "notifications",
      title: s.notifications_error ?? "Notifications are unavailable.",
      fix: "Start a notification daemon (your desktop's, or dunst / mako). Until then, results show in this window only.",
    });
  if (!s.tray)
    out.push({
      id: "tray",
      title: "No system tray found, so closing this window quits Utter.",
      fix: "Enable a tray (on GNOME: the AppIndicator extension), then start Utter again.",
    });
  return out;
}

function jump(id: string) {
  const el = document.getElementById(id);
  el?.scrollIntoView({ block: "center", behavior: "smooth" });
  el?.focus();
}

export function StatusList({
  status,
  model,
  onRecheck,
}: {
  status: DesktopStatus | null;
  model: string;
  onRecheck: () => void;
}) {
  if (!status) return <p className="field-note">Checking…</p>;
  const list = problems(status, model);
  return (
    <div className="status">
      {list.length === 0 ? (
        <p className="status-ok">
          <span aria-hidden="true">✓</span> Shortcut, microphone, speech model, notifications and
          tray all work.
        </p>
      ) : (
        <ul className="status-list">
          {list.map((p) => (
            <li key={p.id} data-problem={p.id}>
              <span className="status-title">{p.title}</span>
              <span className="status-fix">
                {p.fix}
                {p.target && (
                  <>
                    {" "}
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => jump(p.target ?? "")}
                    >
                      Go there
                    </button>
                  </>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      {list.length > 0 && (
        <button type="button" className="ghost-button small" onClick={onRecheck}>
          Check again
        </button>
      )}
    </div>
  );
}
