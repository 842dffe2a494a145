// Pick the input device and watch its level while this is on screen (nothing is recorded).
import { LevelMeter } from "../../components/LevelMeter";
import { useMicrophone } from "../../hooks/useMicrophone";

export function MicrophoneField({
  id,
  value,
  onSave,
}: {
  id?: string;
  value: string | null;
  onSave: (v: string | null) => Promise<string | null>;
}) {
  const mic = useMicrophone(value);
  const devices = mic.devices ?? [];
  const missing = value != null && mic.devices != null && !devices.some((d) => d.name === value);
  const none = mic.devices != null && devices.length === 0;
  return (
    <div className="field-stack mic-field">
      <select
        id={id}
        aria-label="Microphone"
        value={value ?? ""}
        disabled={none}
        onChange={(e) => void onSave(e.target.value || null)}
      >
        <option value="">
          System default
          {devices.find((d) => d.is_default) ? ` (${devices.find((d) => d.is_default)?.name})` : ""}
        </option>
        {devices.map((d) => (
          <option key={d.name} value={d.name}>
            {d.name}
          </option>
        ))}
        {missing && <option value={value ?? ""}>{value} (not connected)</option>}
      </select>
      <div className="mic-level">
        <LevelMeter level={mic.level} label="Microphone level" />
        <span className="field-note">
          {none ? "" : "Speak: the bar should move. Nothing is recorded here."}
        </span>
      </div>
      {none && !mic.error && (
        <p className="field-error" role="alert">
          No microphone found. Plug one in or enable it in the system sound settings.
        </p>
      )}
      {mic.error && (
        <p className="field-error" role="alert">
          {mic.error}
        </p>
      )}
    </div>
  );
}
