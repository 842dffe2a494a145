// The core's settings registry as the UI uses it. `bindings/settings.ts` is generated from
// the one declaration in src/settings/registry.rs, so the settings page's labels, help, the
// defaults it shows and the values it lets through are the CLI's and the README's.
import type { SettingInfo } from "../bindings";
import type { SettingKey } from "../bindings/SettingKey";
import { SETTINGS } from "../bindings/settings";

export { SETTINGS };
export type { SettingInfo, SettingKey };

/** Every setting key, in the registry's order. */
export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];

/** A setting's default as stored (`""` for one whose unset state has no value). */
export function settingDefault(key: SettingKey): string {
  return SETTINGS[key].default ?? "";
}

/**
 * The core's refusal of `value` for `key`, word for word, when the registry alone rules it
 * out; `null` when it may be fine (`null` resets; text settings are checked by the core only).
 */
export function checkSetting(key: SettingKey, value: string | null): string | null {
  if (value === null) return null;
  const s = SETTINGS[key];
  const v = value.trim();
  let ok: boolean;
  switch (s.kind.type) {
    case "flag":
      ok = v === "on" || v === "off";
      break;
    case "choice":
      ok = s.kind.values.includes(v);
      break;
    case "number":
      // As Rust's u32 parse: digits, an optional leading +.
      ok = /^\+?\d+$/.test(v) && Number(v) >= s.kind.min && Number(v) <= s.kind.max;
      break;
    case "text":
      ok = true;
      break;
  }
  return ok ? null : `cannot set ${key}: ${JSON.stringify(v)} is not ${s.accepts}`;
}
