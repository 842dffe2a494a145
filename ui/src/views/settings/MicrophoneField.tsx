// Pick the input device and watch its level (nothing is recorded while this is open).
import { useEffect, useState } from "react";

import type { InputDevice } from "../../bindings/InputDevice";
import { errorText, listInputDevices, startLevelTest, stopLevelTest } from "../../desktopApi";
import { useVoice } from "../../hooks/useVoice";

export function MicrophoneField({ value, onSave }: { value: string | null; onSave: (v: string | null) => Promise<string | null> }) {
  const [devices, setDevices] = useState<InputDevice[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const voice = useVoice();

  useEffect(() => {
    listInputDevices().then(setDevices, (e) => setError(errorText(e)));
  }, []);
  useEffect(() => {
    startLevelTest(value).catch((e) => setError(errorText(e)));
    return () => void stopLevelTest().catch(() => undefined);
  }, [value]);

  if (devices && devices.length === 0) {
    return <p className="field-error">No microphone found. Plug one in or enable it in the system sound settings.</p>;
  }
  return (
    <div className="field-stack">
      <select
        aria-label="Microphone"
        value={value ?? ""}
        onChange={(e) => void onSave(e.target.value || null).then(setError)}
      >
        <option value="">System default</option>
        {(devices ?? []).map((d) => (
          <option key={d.name} value={d.name}>
            {d.name}
            {d.is_default ? " (default)" : ""}
          </option>
        ))}
      </select>
      <div className="level-meter" role="meter" aria-label="Microphone level" aria-valuemin={0} aria-valuemax={1} aria-valuenow={voice.level}>
        <div className="level-meter-fill" style={{ width: `${Math.round(voice.level * 100)}%` }} />
      </div>
      {error && <p className="field-error" role="alert">{error}</p>}
    </div>
  );
}
