// The settings page's Vocabulary commands, in memory. The terms imitate the core's: the
// user's words, then capitalised words from task titles that are not their first word.
import type { ChangeEvent, Task, VocabularyEntry } from "../bindings";

type Args = Record<string, unknown>;

export class MockVocabulary {
  private entries: VocabularyEntry[] = [
    { id: 1, word: "Kubernetes", replace_from: "k8s", created_at: "2026-12-01T09:00:00.000Z" },
  ];
  private nextId = 2;

  constructor(
    private changed: (e: ChangeEvent) => void,
    private tasks: () => Task[],
  ) {}

  handles(cmd: string): boolean {
    return ["list_vocabulary", "add_vocabulary", "remove_vocabulary", "vocabulary_terms"].includes(
      cmd,
    );
  }

  dispatch(cmd: string, a: Args): unknown {
    switch (cmd) {
      case "list_vocabulary":
        return structuredClone(this.entries);
      case "add_vocabulary": {
        const word = ((a.word as string | undefined) ?? "").trim();
        const from = (a.replaceFrom as string | null | undefined)?.trim() || null;
        if (!word) throw "the word is empty";
        const same = this.entries.find(
          (e) =>
            e.word.toLowerCase() === word.toLowerCase() &&
            (e.replace_from ?? "").toLowerCase() === (from ?? "").toLowerCase(),
        );
        if (same) return { ...same };
        const entry: VocabularyEntry = {
          id: this.nextId++,
          word,
          replace_from: from,
          created_at: new Date().toISOString(),
        };
        this.entries.push(entry);
        this.changed({ kind: "setting_changed", key: "vocabulary" });
        return { ...entry };
      }
      case "remove_vocabulary": {
        const w = ((a.word as string | undefined) ?? "").toLowerCase();
        const gone = this.entries.filter(
          (e) => e.word.toLowerCase() === w || (e.replace_from ?? "").toLowerCase() === w,
        );
        if (!gone.length)
          throw `'${String(a.word)}' is not in the vocabulary (see \`utter vocabulary list\`)`;
        this.entries = this.entries.filter((e) => !gone.includes(e));
        this.changed({ kind: "setting_changed", key: "vocabulary" });
        return gone;
      }
      case "vocabulary_terms": {
        const names = this.tasks().flatMap((t) =>
          t.title
            .split(/\s+/)
            .slice(1)
            .map((w) => w.replace(/[^\p{L}\p{N}']/gu, ""))
            .filter((w) => /^\p{Lu}/u.test(w)),
        );
        return [...new Set([...this.entries.map((e) => e.word), ...names])];
      }
      default:
        throw `unknown command ${cmd}`;
    }
  }
}
