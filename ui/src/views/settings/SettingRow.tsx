import type { ReactNode } from "react";

import { SETTINGS, type SettingKey } from "../../lib/settings";

/**
 * One setting: its name and a line of help on the left, the control and its error on the
 * right. With `setting`, the name and help are the registry's (`label` / `help` override).
 */
export function SettingRow({
  setting,
  label = setting && SETTINGS[setting].label,
  help = setting && SETTINGS[setting].description,
  htmlFor,
  id,
  error,
  children,
}: {
  /** The core setting this row changes. */
  setting?: SettingKey;
  label?: string;
  help?: ReactNode;
  /** The control the label names (omit for groups that label themselves). */
  htmlFor?: string;
  /** Anchor for "Go there" links from the status list. */
  id?: string;
  error?: string | null;
  children: ReactNode;
}) {
  return (
    <div className="setting-row" id={id} tabIndex={id ? -1 : undefined}>
      <div className="setting-text">
        {htmlFor ? (
          <label htmlFor={htmlFor}>{label}</label>
        ) : (
          <span className="setting-label">{label}</span>
        )}
        {help && <p className="setting-help">{help}</p>}
      </div>
      <div className="setting-control">
        {children}
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
    </div>
  );
}

/** Radio buttons drawn as a segmented control (arrow keys move between them, as radios do). */
export function Segmented<T extends string>({
  name,
  label,
  value,
  options,
  onChange,
}: {
  name: string;
  label: string;
  value: T;
  options: readonly (readonly [T, string])[];
  onChange: (v: T) => void;
}) {
  return (
    <div className="segmented" role="radiogroup" aria-label={label}>
      {options.map(([v, text]) => (
        <label key={v} data-checked={v === value || undefined}>
          <input
            type="radio"
            name={name}
            value={v}
            checked={v === value}
            onChange={() => onChange(v)}
          />
          {text}
        </label>
      ))}
    </div>
  );
}
