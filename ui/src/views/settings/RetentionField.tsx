import { useState } from "react";

/** Days to keep recorded audio; saved on Enter or when the field loses focus. */
export function RetentionField({
  id,
  value,
  onSave,
}: {
  id: string;
  value: number;
  onSave: (v: string) => Promise<string | null>;
}) {
  const [text, setText] = useState(String(value));
  const commit = () => {
    if (text.trim() !== String(value)) void onSave(text.trim());
  };
  return (
    <div className="field-row">
      <input
        id={id}
        className="days-input"
        inputMode="numeric"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === "Enter" && commit()}
      />
      <span className="field-note">{text.trim() === "1" ? "day" : "days"}</span>
    </div>
  );
}
