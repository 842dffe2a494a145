// First run: microphone, speech model, try the shortcut, optional language model. Every step
// can be skipped; finishing or skipping marks setup done.
import { useState } from "react";

import { setSetting } from "../desktopApi";
import { useSettings } from "../hooks/useSettings";
import { useVoice } from "../hooks/useVoice";
import { prettyAccelerator } from "./settings/HotkeyField";
import { LlmField } from "./settings/LlmField";
import { MicrophoneField } from "./settings/MicrophoneField";
import { ModelField } from "./settings/ModelField";

const STEPS = ["Microphone", "Speech model", "Try it", "Language model"] as const;

function TryHotkey({ hotkey, hold }: { hotkey: string; hold: boolean }) {
  const v = useVoice();
  return (
    <div className="try-hotkey" data-voice={v.state}>
      <p>
        {hold ? "Hold" : "Press"} <kbd>{prettyAccelerator(hotkey)}</kbd>
        {hold ? ", say something like “call Joe tomorrow about the renewal”, and let go." : ", speak, and press it again."}
      </p>
      <p className="try-status">
        {v.error
          ? v.error
          : v.done
            ? `It works: ${v.done.titles.length} task(s) added — ${v.done.titles.join(", ")}`
            : v.state === "recording"
              ? `Listening… ${v.partial}`
              : v.state === "transcribing"
                ? "Transcribing…"
                : "Waiting for the shortcut…"}
      </p>
    </div>
  );
}

export function Onboarding({ onDone }: { onDone: () => void }) {
  const { settings, setSettings, save } = useSettings();
  const [step, setStep] = useState(0);

  const finish = async () => {
    await setSetting("onboarding.done", "on").catch(() => undefined);
    onDone();
  };
  const next = () => (step + 1 < STEPS.length ? setStep(step + 1) : void finish());

  return (
    <div className="onboarding" role="dialog" aria-label="Set up Utter">
      <header className="onboarding-header">
        <h1>Welcome to Utter</h1>
        <p>Talk, and your tasks land on the board. Everything runs on this machine.</p>
        <ol className="steps">
          {STEPS.map((s, i) => (
            <li key={s} data-current={i === step || undefined} data-done={i < step || undefined}>
              {s}
            </li>
          ))}
        </ol>
      </header>
      {settings && (
        <div className="onboarding-body" data-step={STEPS[step]}>
          <h2>{STEPS[step]}</h2>
          {step === 0 && <MicrophoneField value={settings.device} onSave={(v) => save("voice.device", v)} />}
          {step === 1 && (
            <>
              <p className="field-note">Whisper runs on this computer. base.en is a good start for English; small.en is more accurate and slower.</p>
              <ModelField value={settings.model} onSave={(v) => save("voice.model", v)} />
            </>
          )}
          {step === 2 && <TryHotkey hotkey={settings.hotkey} hold={settings.hotkey_mode === "hold"} />}
          {step === 3 && <LlmField value={settings.llm} onChange={(llm) => setSettings({ ...settings, llm })} />}
        </div>
      )}
      <footer className="onboarding-footer">
        <button type="button" className="ghost-button" onClick={() => void finish()}>
          Skip setup
        </button>
        <span className="spacer" />
        {step > 0 && (
          <button type="button" className="ghost-button" onClick={() => setStep(step - 1)}>
            Back
          </button>
        )}
        <button type="button" className="ghost-button" onClick={next}>
          Skip
        </button>
        <button type="button" className="primary-button" onClick={next}>
          {step + 1 < STEPS.length ? "Next" : "Finish"}
        </button>
      </footer>
    </div>
  );
}
