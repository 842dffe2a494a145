// Words for what a recording did, shared by the overlay, the toasts and first-run setup.

/** "1 task added", "3 tasks added", "No tasks found". */
export function tasksAdded(n: number): string {
  if (n === 0) return "No tasks found";
  return n === 1 ? "1 task added" : `${n} tasks added`;
}

/** "2 tasks added, 1 card updated" — what a dump did, new cards and changed ones. */
export function dumpSummary(added: number, changed: number): string {
  if (changed === 0) return tasksAdded(added);
  const cards = changed === 1 ? "1 card updated" : `${changed} cards updated`;
  return added === 0 ? cards : `${tasksAdded(added)}, ${cards}`;
}

/**
 * The end of a long partial transcript (the words being spoken now), starting at a word
 * boundary, with an ellipsis in front when something was cut.
 */
export function tail(text: string, max = 120): string {
  const t = text.trim();
  if (t.length <= max) return t;
  const cut = t.slice(t.length - max + 1);
  const word = cut.indexOf(" ");
  return `…${word >= 0 && word < cut.length - 1 ? cut.slice(word + 1) : cut}`;
}
