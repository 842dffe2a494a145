// One chat conversation (the board's, or a task's): loads it, follows the `chat` events of
// its scope while a reply streams, and sends, stops and clears. The streaming text lives
// apart from the saved messages until the core saves the assistant's turn.
import { useCallback, useEffect, useRef, useState } from "react";

import * as api from "../api";
import type { ChatEvent, ChatMessage, ChatThread } from "../bindings";

export interface ChatState {
  messages: ChatMessage[];
  /** The assistant's reply as it streams; null when none is streaming. */
  streaming: string | null;
  busy: boolean;
  servers: string[];
  hasModel: boolean;
  loaded: boolean;
  error: string | null;
  notices: string[];
}

const EMPTY: ChatState = {
  messages: [],
  streaming: null,
  busy: false,
  servers: [],
  hasModel: true,
  loaded: false,
  error: null,
  notices: [],
};

function sameScope(ev: ChatEvent, task: number | null) {
  return (ev.task_id ?? null) === task;
}

/** Adds or replaces a message by id (an event and the reload may both bring it). */
function upsert(list: ChatMessage[], m: ChatMessage): ChatMessage[] {
  const i = list.findIndex((x) => x.id === m.id);
  if (i < 0) return [...list, m];
  const next = list.slice();
  next[i] = m;
  return next;
}

function lastUserId(list: ChatMessage[]): number {
  return list.reduce((max, m) => (m.role === "user" && m.id > max ? m.id : max), -1);
}

export function useChat(task: number | null) {
  const [state, setState] = useState<ChatState>(EMPTY);
  const scope = useRef(task);
  scope.current = task;
  /** Set when the core saves the user's message of the send in flight (it then can't be refused). */
  const userSaved = useRef(false);

  const load = useCallback(async (): Promise<ChatThread | null> => {
    try {
      const t = await api.chatThread(task);
      if (scope.current !== task) return null;
      setState((s) => ({
        ...s,
        messages: t.messages,
        busy: t.busy,
        servers: t.servers,
        hasModel: t.has_model,
        loaded: true,
      }));
      return t;
    } catch (e) {
      if (scope.current === task)
        setState((s) => ({ ...s, loaded: true, error: api.errorMessage(e) }));
      return null;
    }
  }, [task]);

  useEffect(() => {
    setState(EMPTY);
    void load();
  }, [load]);

  useEffect(
    () =>
      api.subscribe(
        api.onChat((ev) => {
          if (!sameScope(ev, scope.current)) return;
          if (ev.kind === "message" && ev.message.role === "user") userSaved.current = true;
          setState((s) => {
            switch (ev.kind) {
              case "message":
                // The assistant's saved turn replaces what streamed for it.
                return {
                  ...s,
                  messages: upsert(s.messages, ev.message),
                  streaming: ev.message.role === "assistant" ? null : s.streaming,
                  busy: true,
                };
              case "delta":
                return { ...s, streaming: (s.streaming ?? "") + ev.text, busy: true };
              case "notice":
                return { ...s, notices: [...s.notices, ev.text] };
              case "done":
                return { ...s, streaming: null, busy: false };
              case "failed":
                return { ...s, streaming: null, busy: false, error: ev.error };
            }
            return s;
          });
        }),
      ),
    [],
  );

  /**
   * Sends `text`. Resolves true once the text is in the conversation (even if the reply then
   * failed), false when the core refused it up front (empty, no model, busy): the caller
   * puts it back in the input.
   */
  const send = useCallback(
    async (text: string): Promise<boolean> => {
      const before = lastUserId(state.messages);
      userSaved.current = false;
      setState((s) => ({ ...s, busy: true, error: null, notices: [] }));
      try {
        const answer = await api.chatSend(task, text);
        if (scope.current === task)
          setState((s) => ({
            ...s,
            messages: upsert(s.messages, answer),
            streaming: null,
            busy: false,
          }));
        return true;
      } catch (e) {
        if (scope.current === task)
          setState((s) => ({ ...s, streaming: null, busy: false, error: api.errorMessage(e) }));
        // What was saved before the failure (the user's message) shows from the core.
        const thread = await load();
        return userSaved.current || (thread != null && lastUserId(thread.messages) > before);
      }
    },
    [task, load, state.messages],
  );

  const stop = useCallback(() => void api.chatStop(task).catch(() => undefined), [task]);

  const clear = useCallback(async () => {
    try {
      await api.chatClear(task);
      setState((s) => ({ ...s, messages: [], notices: [], error: null }));
    } catch (e) {
      setState((s) => ({ ...s, error: api.errorMessage(e) }));
    }
  }, [task]);

  return { ...state, send, stop, clear, reload: load };
}
