// The voice journal: every dump with when it was said, what was heard, its recording while it
// is kept, and the cards it made (each with the seconds it was said in). "Extract again" reads
// a dump anew after the user added vocabulary or a language model. Covers the board; Esc or ×
// returns to it.
import { useState } from "react";

import * as api from "../api";
import type { DumpEntry, ExtractedAgain } from "../bindings";
import { useDumps } from "../hooks/useDumps";
import { usePage } from "../hooks/usePage";
import type { Notify } from "../hooks/useToasts";
import { clipTime, playClip } from "../lib/audioClip";
import { formatWhen } from "../lib/runFormat";

interface DumpsProps {
  notify: Notify;
  onOpenTask: (id: number) => void;
  onClose: () => void;
}

function againText(r: ExtractedAgain): string {
  const heard = r.note
    ? `${r.note[0].toUpperCase()}${r.note.slice(1)}. `
    : r.retranscribed
      ? "Heard again. "
      : "";
  switch (r.refinement.outcome) {
    case "refined": {
      const { updated, added, removed } = r.refinement;
      if (updated + added + removed === 0) return `${heard}The cards already match what was said.`;
      return `${heard}${updated} updated, ${added} added, ${removed} removed.`;
    }
    case "failed":
      return `${heard}The cards stay as they were: ${r.refinement.reason}`;
    default:
      return `${heard}Nothing changed.`;
  }
}

function DumpItem({
  dump,
  notify,
  onOpenTask,
}: {
  dump: DumpEntry;
  notify: Notify;
  onOpenTask: (id: number) => void;
}) {
  const [busy, setBusy] = useState(false);
  const play = (taskId: number | null) =>
    playClip(dump.id, taskId).catch((e) =>
      notify(`Cannot play the recording: ${api.errorMessage(e)}`, { tone: "error" }),
    );
  const again = async () => {
    setBusy(true);
    try {
      const r = await api.extractAgain(dump.id);
      const changed =
        r.retranscribed ||
        (r.refinement.outcome === "refined" &&
          r.refinement.updated + r.refinement.added + r.refinement.removed > 0);
      notify(againText(r), {
        key: `again-${dump.id}`,
        timeoutMs: changed ? 10_000 : undefined,
        action: changed
          ? {
              label: "Undo",
              run: () =>
                void api
                  .undoExtractAgain(dump.id)
                  .then(() => notify("Put back as it was.", { key: `again-${dump.id}` }))
                  .catch((e) => notify(`Undo failed: ${api.errorMessage(e)}`, { tone: "error" })),
            }
          : undefined,
      });
    } catch (e) {
      notify(`Could not extract again: ${api.errorMessage(e)}`, { tone: "error" });
    } finally {
      setBusy(false);
    }
  };
  return (
    <article
      className="dump"
      data-dump={dump.id}
      aria-label={`Dump of ${formatWhen(dump.created_at)}`}
    >
      <header className="dump-head">
        <time dateTime={dump.created_at}>{formatWhen(dump.created_at)}</time>
        {dump.duration_ms != null && <span className="muted">{clipTime(dump.duration_ms)}</span>}
        {dump.model && <span className="muted">{dump.model}</span>}
        <span className="dump-actions">
          {dump.audio_path ? (
            <button type="button" className="ghost-button" onClick={() => void play(null)}>
              ▶ Play
            </button>
          ) : (
            <span className="muted" title="Recordings are deleted after audio.retention_days">
              Recording not kept
            </span>
          )}
          <button
            type="button"
            className="ghost-button"
            disabled={busy}
            title="Read this dump again with your vocabulary and language model now"
            onClick={() => void again()}
          >
            {busy ? "Extracting…" : "Extract again"}
          </button>
        </span>
      </header>
      <blockquote className="dump-text">{dump.text}</blockquote>
      {dump.cards.length === 0 ? (
        <p className="muted">No cards from this dump.</p>
      ) : (
        <ul className="dump-cards" aria-label="Cards from this dump">
          {dump.cards.map((c) => (
            <li key={c.task_id} data-deleted={c.status == null || undefined}>
              {c.status == null ? (
                <span className="dump-card-title" title="Deleted since">
                  {c.title}
                </span>
              ) : (
                <button
                  type="button"
                  className="link-button dump-card-title"
                  onClick={() => onOpenTask(c.task_id)}
                >
                  {c.title}
                </button>
              )}
              {c.status != null && (
                <span className="muted dump-card-status">{c.status.replace("_", " ")}</span>
              )}
              {c.start_ms != null && c.end_ms != null && dump.audio_path && (
                <button
                  type="button"
                  className="ghost-button dump-card-play"
                  aria-label={`Play what you said for ${c.title}`}
                  title="Play just these seconds"
                  onClick={() => void play(c.task_id)}
                >
                  ▶ {clipTime(c.start_ms)}–{clipTime(c.end_ms)}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

export function Dumps({ notify, onOpenTask, onClose }: DumpsProps) {
  const root = usePage<HTMLDivElement>(onClose);
  const { dumps, error } = useDumps();
  return (
    <div className="dumps page" role="dialog" aria-label="Dumps" ref={root} tabIndex={-1}>
      <header className="page-header">
        <h1>Dumps</h1>
        <button
          type="button"
          className="icon-button"
          aria-label="Close dumps"
          title="Back to the board (Esc)"
          onClick={onClose}
        >
          ×
        </button>
      </header>
      <div className="page-body">
        {error && (
          <p className="field-error" role="alert">
            Could not load the dumps: {error}
          </p>
        )}
        {dumps && dumps.length === 0 && (
          <div className="page-empty">
            <p className="page-empty-title">Nothing said yet</p>
            <p className="muted">
              Hold the shortcut (or press Record) and talk: each dump shows up here with its cards.
            </p>
          </div>
        )}
        {dumps && dumps.length > 0 && (
          <div className="dump-list">
            {dumps.map((d) => (
              <DumpItem key={d.id} dump={d} notify={notify} onOpenTask={onOpenTask} />
            ))}
          </div>
        )}
      </div>
    </div>
  );
}
