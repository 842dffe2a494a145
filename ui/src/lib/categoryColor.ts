import type { Category } from "../bindings";

const PALETTE = [
  "#4f7cff",
  "#e5484d",
  "#30a46c",
  "#f5a524",
  "#8e4ec6",
  "#12a594",
  "#d6409f",
  "#6e56cf",
  "#0091ff",
  "#ad7f58",
];
const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** A stable color for category names the core has no color for. */
export function fallbackColor(name: string): string {
  let h = 0;
  for (let i = 0; i < name.length; i++) h = (h * 31 + name.charCodeAt(i)) | 0;
  return PALETTE[Math.abs(h) % PALETTE.length];
}

/** Category name → CSS color (only well-formed hex colors from the core are used). */
export function categoryColors(categories: readonly Category[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const c of categories) m.set(c.name, HEX.test(c.color) ? c.color : fallbackColor(c.name));
  return m;
}

export function colorFor(map: Map<string, string>, name: string): string {
  return map.get(name) ?? fallbackColor(name);
}
