import { useEffect, useState } from "react";

import type { VoiceEvent, VoiceState } from "../bindings";
import { onVoice, subscribe } from "../api";
import { useLatest } from "./useLatest";

/** A recording as a window sees it, folded from "voice" events. */
export interface VoiceView {
  state: VoiceState;
  level: number;
  partial: string;
  /** `changed`: cards already on the board the dump updated; `answers`: questions it answered. */
  done: {
    text: string;
    titles: string[];
    taskIds: number[];
    changed: string[];
    answers: string[];
  } | null;
  error: string | null;
  cancelled: boolean;
}

export const IDLE_VOICE: VoiceView = {
  state: "idle",
  level: 0,
  partial: "",
  done: null,
  error: null,
  cancelled: false,
};

export function reduceVoice(v: VoiceView, e: VoiceEvent): VoiceView {
  switch (e.kind) {
    case "state":
      // A new recording starts from a clean slate.
      return e.state === "recording"
        ? { ...IDLE_VOICE, state: "recording" }
        : { ...v, state: e.state, level: 0 };
    case "level":
      return { ...v, level: e.level };
    case "partial":
      return { ...v, partial: e.text };
    case "done":
      return {
        ...v,
        done: {
          text: e.text,
          titles: e.titles,
          taskIds: e.task_ids,
          changed: e.changed,
          answers: e.answers.map((a) => `${a.question}? ${a.answer}`),
        },
      };
    case "refined":
      return v.done ? { ...v, done: { ...v.done, titles: e.titles, taskIds: e.task_ids } } : v;
    case "cancelled":
      return { ...v, cancelled: true, level: 0 };
    case "error":
      return { ...v, error: e.message };
  }
}

/** The recording as the overlay, the level meters and the first-run "try it" step see it. */
export function useVoice(onEvent?: (e: VoiceEvent) => void): VoiceView {
  const [view, setView] = useState<VoiceView>(IDLE_VOICE);
  const handler = useLatest(onEvent);
  useEffect(
    () =>
      subscribe(
        onVoice((e) => {
          setView((v) => reduceVoice(v, e));
          handler.current?.(e);
        }),
      ),
    [handler],
  );
  return view;
}
