// The agent editor shows lists as text (comma-separated, or one permission rule a line); these
// turn that text back into the lists the core stores. Validation of the rules themselves stays
// with the core.
import type { Permission, ToolRule } from "../bindings";

const PERMISSIONS: readonly Permission[] = ["allow", "ask", "deny"];

export const listText = (items: string[]) => items.join(", ");

export function parseList(text: string): string[] {
  return text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

export const rulesText = (rules: ToolRule[]) =>
  rules.map((r) => `${r.pattern}=${r.permission}`).join("\n");

/** `pattern=allow|ask|deny` a line; blank lines are skipped. Throws on a line it cannot read. */
export function parseRules(text: string): ToolRule[] {
  const rules: ToolRule[] = [];
  text.split("\n").forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const at = line.lastIndexOf("=");
    const pattern = line.slice(0, at).trim();
    const permission = line
      .slice(at + 1)
      .trim()
      .toLowerCase() as Permission;
    if (at < 0 || !pattern || !PERMISSIONS.includes(permission)) {
      throw new Error(`Line ${i + 1}: write pattern=allow, ask or deny (got “${line}”)`);
    }
    rules.push({ pattern, permission });
  });
  return rules;
}
