import { useEffect, useRef, useState, type KeyboardEvent } from "react";

interface ChatInputProps {
  busy: boolean;
  disabled: boolean;
  placeholder: string;
  /** Resolves false when the message was refused: the text comes back to the box. */
  onSend: (text: string) => Promise<boolean>;
  onStop: () => void;
  autoFocus?: boolean;
}

/** Enter sends, Shift+Enter starts a new line; Stop while a reply is streaming. */
export function ChatInput({
  busy,
  disabled,
  placeholder,
  onSend,
  onStop,
  autoFocus,
}: ChatInputProps) {
  const [text, setText] = useState("");
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (autoFocus) ref.current?.focus();
  }, [autoFocus]);

  const submit = async () => {
    const sent = text;
    if (sent.trim() === "" || busy || disabled) return;
    setText("");
    const ok = await onSend(sent);
    if (!ok) setText((now) => (now === "" ? sent : now));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      void submit();
    }
  };

  return (
    <form
      className="chat-input"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <textarea
        ref={ref}
        aria-label="Message"
        rows={2}
        value={text}
        placeholder={placeholder}
        disabled={disabled}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
      />
      {busy ? (
        <button type="button" className="ghost-button" onClick={onStop}>
          Stop
        </button>
      ) : (
        <button type="submit" className="primary-button" disabled={disabled || text.trim() === ""}>
          Send
        </button>
      )}
    </form>
  );
}
