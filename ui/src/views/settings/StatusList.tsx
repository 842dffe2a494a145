// What this desktop lacks, each with what to do about it.
import type { DesktopStatus } from "../../bindings/DesktopStatus";

export function problems(s: DesktopStatus): { id: string; text: string }[] {
  const out: { id: string; text: string }[] = [];
  if (!s.hotkey_registered)
    out.push({ id: "hotkey", text: s.hotkey_error ?? `The shortcut ${s.hotkey} is not registered; choose another one below.` });
  if (!s.microphone) out.push({ id: "microphone", text: s.microphone_error ?? "No microphone found." });
  if (!s.model_installed) out.push({ id: "model", text: "The speech model is not downloaded yet: download one under Speech model." });
  if (!s.notifications)
    out.push({ id: "notifications", text: s.notifications_error ?? "Notifications are unavailable." });
  if (!s.tray)
    out.push({ id: "tray", text: "No system tray found: closing the window quits Utter (on GNOME, install the AppIndicator extension)." });
  return out;
}

export function StatusList({ status }: { status: DesktopStatus | null }) {
  if (!status) return null;
  const list = problems(status);
  if (list.length === 0) return <p className="field-ok">Everything Utter needs is here.</p>;
  return (
    <ul className="status-list">
      {list.map((p) => (
        <li key={p.id} data-problem={p.id}>
          {p.text}
        </li>
      ))}
    </ul>
  );
}
