// The user's vocabulary: names and terms Whisper should spell their way, each optionally
// replacing what it writes instead. The core validates and builds the prompt; this only lists.
import { useCallback, useEffect, useState, type FormEvent } from "react";

import {
  addVocabulary,
  errorMessage,
  listVocabulary,
  removeVocabulary,
  vocabularyTerms,
} from "../../api";
import type { VocabularyEntry } from "../../bindings";
import { useStoreEvents } from "../../hooks/useStoreEvents";

export function VocabularyField() {
  const [entries, setEntries] = useState<VocabularyEntry[]>([]);
  const [terms, setTerms] = useState<string[]>([]);
  const [word, setWord] = useState("");
  const [from, setFrom] = useState("");
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(() => {
    listVocabulary().then(setEntries, (e) => setError(errorMessage(e)));
    vocabularyTerms().then(setTerms, () => undefined);
  }, []);
  useEffect(reload, [reload]);
  // Names on the board feed the prompt too, and another window or the CLI may add words.
  useStoreEvents(["setting_changed", "task_created", "task_updated", "task_deleted"], reload);

  const add = async (e: FormEvent) => {
    e.preventDefault();
    if (!word.trim()) return;
    try {
      await addVocabulary(word, from.trim() ? from : null);
      setWord("");
      setFrom("");
      setError(null);
      reload();
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const remove = async (entry: VocabularyEntry) => {
    try {
      await removeVocabulary(entry.replace_from ?? entry.word);
      setError(null);
      reload();
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <div className="vocabulary">
      <form className="field-row vocabulary-add" onSubmit={(e) => void add(e)}>
        <input
          aria-label="Word or name"
          placeholder="Word or name, e.g. Initech"
          value={word}
          onChange={(e) => setWord(e.target.value)}
        />
        <input
          aria-label="Replaces (optional)"
          placeholder="Heard as (optional), e.g. a night tech"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
        />
        <button type="submit" className="ghost-button" disabled={!word.trim()}>
          Add
        </button>
      </form>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {entries.length === 0 ? (
        <p className="field-note">No words yet. Names already on the board are used anyway.</p>
      ) : (
        <ul className="vocabulary-list" aria-label="Vocabulary">
          {entries.map((e) => (
            <li key={e.id}>
              <span className="vocabulary-word">{e.word}</span>
              {e.replace_from && <span className="field-note">replaces “{e.replace_from}”</span>}
              <button
                type="button"
                className="icon-button"
                aria-label={`Remove ${e.replace_from ?? e.word}`}
                title="Remove"
                onClick={() => void remove(e)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {terms.length > 0 && (
        <p
          className="field-note vocabulary-prompt"
          title="What the next recording tells the speech model"
        >
          Listening for: {terms.join(", ")}.
        </p>
      )}
    </div>
  );
}
