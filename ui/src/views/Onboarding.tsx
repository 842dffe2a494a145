// First run: microphone, speech model, try the shortcut, optional language model. Every step
// can be skipped; finishing or skipping marks setup done (`onboarding.done`).
import { useEffect, useRef, useState } from "react";

import { setSetting } from "../api";
import { useSettings } from "../hooks/useSettings";
import { LlmField } from "./settings/LlmField";
import { MicrophoneField } from "./settings/MicrophoneField";
import { ModelField } from "./settings/ModelField";
import { TryShortcut } from "./settings/TryShortcut";

const STEPS = [
  { title: "Microphone", lead: "Choose the microphone Utter listens to." },
  {
    title: "Speech model",
    lead: "Whisper turns speech into text on this computer; after the download no internet is needed.",
  },
  { title: "Try it", lead: "Press the shortcut from any app and say what you need to do." },
  {
    title: "Language model",
    lead: "Optional. Utter works offline without one: its built-in engine turns what you say into tasks. A language model copes better with long, rambling dumps, and agents need one to work on tasks.",
  },
] as const;

export function Onboarding({ onDone }: { onDone: () => void }) {
  const { settings, setSettings, save } = useSettings();
  const [step, setStep] = useState(0);
  const nextRef = useRef<HTMLButtonElement>(null);
  const last = step === STEPS.length - 1;

  useEffect(() => nextRef.current?.focus(), [step]);

  const finish = async () => {
    await setSetting("onboarding.done", "on").catch(() => undefined);
    onDone();
  };
  const next = () => (last ? void finish() : setStep(step + 1));

  return (
    <div className="onboarding page" role="dialog" aria-label="Set up Utter">
      <div className="setup-card">
        <header className="setup-header">
          <div className="setup-brand">
            <span className="brand-mark" aria-hidden="true" />
            <h1>Welcome to Utter</h1>
          </div>
          <p>Talk, and your tasks land on the board. Everything runs on this computer.</p>
          <ol className="steps" aria-label="Setup steps">
            {STEPS.map((s, i) => (
              <li
                key={s.title}
                aria-current={i === step ? "step" : undefined}
                data-done={i < step || undefined}
              >
                <span className="step-number" aria-hidden="true">
                  {i < step ? "✓" : i + 1}
                </span>
                {s.title}
              </li>
            ))}
          </ol>
        </header>
        <div className="setup-body" data-step={STEPS[step].title}>
          <h2>{STEPS[step].title}</h2>
          <p className="setup-lead">{STEPS[step].lead}</p>
          {settings && step === 0 && (
            <MicrophoneField value={settings.device} onSave={(v) => save("voice.device", v)} />
          )}
          {settings && step === 1 && (
            <ModelField value={settings.model} onSave={(v) => save("voice.model", v)} readyNote />
          )}
          {settings && step === 2 && (
            <TryShortcut hotkey={settings.hotkey} mode={settings.hotkey_mode} />
          )}
          {settings && step === 3 && (
            <LlmField value={settings.llm} onChange={(llm) => setSettings({ ...settings, llm })} />
          )}
        </div>
        <footer className="setup-footer">
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
          <button ref={nextRef} type="button" className="primary-button" onClick={next}>
            {last ? "Finish" : "Next"}
          </button>
        </footer>
      </div>
    </div>
  );
}
