import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";

import type { ChatMessage, Task } from "../bindings";
import { ChatInput } from "../components/ChatInput";
import { ChatMessageView } from "../components/ChatMessageView";
import { Markdown } from "../components/Markdown";
import { useChanged } from "../hooks/useChanged";
import { useChat } from "../hooks/useChat";

interface ChatPanelProps {
  /** The task this conversation is about; null = the board's own chat. */
  task: Task | null;
  onClose: () => void;
  onOpenSettings: () => void;
  /** Changes when the user comes back from another view (a model may have been set there). */
  refreshKey?: string;
}

/** The side chat: streams the model's answer; the model can work the board with tools. */
export function ChatPanel({ task, onClose, onOpenSettings, refreshKey }: ChatPanelProps) {
  const taskId = task?.id ?? null;
  const chat = useChat(taskId);
  const { reload } = chat;
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    void reload();
  }, [refreshKey, reload]);
  const [confirmClear, setConfirmClear] = useState(false);
  const logRef = useRef<HTMLDivElement>(null);

  const results = useMemo(() => {
    const m = new Map<string, ChatMessage>();
    for (const msg of chat.messages)
      if (msg.role === "tool" && msg.call_id) m.set(msg.call_id, msg);
    return m;
  }, [chat.messages]);

  // Follow the conversation as it grows, like a terminal.
  useEffect(() => {
    const el = logRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [chat.messages, chat.streaming, chat.error]);

  useChanged(taskId, () => setConfirmClear(false));

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      onClose();
    }
  };

  const title = task ? `#${task.id} ${task.title}` : "Board";
  const visible = chat.messages.filter((m) => m.role !== "tool");

  return (
    <aside
      className="chat-panel"
      aria-label="Chat"
      data-chat-task={taskId ?? "board"}
      onKeyDown={onKeyDown}
    >
      <header className="chat-header">
        <div className="chat-title">
          <h2>
            Chat <span className="chat-scope">— {title}</span>
          </h2>
          <p
            className="chat-servers muted"
            title="What the chat can use besides the board (the Chat agent's servers, in Agents)"
          >
            {chat.servers.length > 0 ? `Board + ${chat.servers.join(", ")}` : "Board tools only"}
          </p>
        </div>
        <div className="detail-actions">
          {confirmClear ? (
            <>
              <button
                type="button"
                className="ghost-button danger"
                onClick={() => {
                  setConfirmClear(false);
                  void chat.clear();
                }}
              >
                Clear {visible.length} messages
              </button>
              <button type="button" className="ghost-button" onClick={() => setConfirmClear(false)}>
                Keep
              </button>
            </>
          ) : (
            <button
              type="button"
              className="ghost-button"
              disabled={chat.busy || chat.messages.length === 0}
              onClick={() => setConfirmClear(true)}
            >
              Clear
            </button>
          )}
          <button
            type="button"
            className="icon-button"
            onClick={onClose}
            aria-label="Close chat"
            title="Close (Esc)"
          >
            ×
          </button>
        </div>
      </header>

      <div className="chat-log" ref={logRef} role="log" aria-live="polite" aria-busy={chat.busy}>
        {chat.loaded && visible.length === 0 && chat.streaming == null && (
          <div className="chat-empty muted">
            <p>
              {task
                ? "Ask about this task, or ask to change it."
                : "Ask about your board, or ask for changes."}
            </p>
            <p className="chat-examples">
              “What’s due this week?” · “Add call Joe tomorrow at 3pm, high priority” · “Move the
              Henderson proposal to done”
            </p>
          </div>
        )}
        {visible.map((m) => (
          <ChatMessageView key={m.id} message={m} results={results} />
        ))}
        {chat.streaming != null && (
          <div className="chat-msg chat-assistant" data-role="assistant" data-streaming="">
            {chat.streaming === "" ? (
              <span className="chat-typing" aria-label="Thinking" />
            ) : (
              <Markdown source={chat.streaming} className="chat-text" />
            )}
          </div>
        )}
        {chat.busy && chat.streaming == null && (
          <span className="chat-typing" aria-label="Working" />
        )}
        {chat.notices.map((n) => (
          <p key={n} className="chat-notice muted">
            {n}
          </p>
        ))}
        {chat.error && (
          <p className="chat-error" role="alert">
            {chat.error}
          </p>
        )}
      </div>

      {!chat.hasModel && (
        <div className="chat-no-model">
          <p>
            The chat needs a language model: a local one (Ollama, LM Studio) or a provider with an
            API key.
          </p>
          <button type="button" className="primary-button" onClick={onOpenSettings}>
            Open settings
          </button>
        </div>
      )}
      <ChatInput
        busy={chat.busy}
        disabled={!chat.hasModel}
        autoFocus
        placeholder={task ? "Ask about this task…" : "Ask or tell the board something…"}
        onSend={chat.send}
        onStop={chat.stop}
      />
    </aside>
  );
}
