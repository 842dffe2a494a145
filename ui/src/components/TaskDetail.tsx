import { useEffect, useId, useRef, useState } from "react";

import { errorMessage, patchOf } from "../api";
import type { AgentDef, Priority, Status, Task, TaskPatch } from "../bindings";
import { PRIORITIES, PRIORITY_LABELS, STATUSES, STATUS_LABELS } from "../board/columns";
import { formatDue, parseDue } from "../board/due";
import { useChanged } from "../hooks/useChanged";
import { useDraft } from "../hooks/useDraft";
import type { Notify } from "../hooks/useToasts";
import { useTaskAudio } from "../hooks/useTaskAudio";
import { useTranscript } from "../hooks/useTranscript";
import { clipTime, playClip } from "../lib/audioClip";
import { AgentSection } from "./AgentSection";
import { Markdown } from "./Markdown";
import { PossibleRepeat } from "./PossibleRepeat";

interface TaskDetailProps {
  task: Task;
  categories: string[];
  agents: AgentDef[];
  notify: Notify;
  /** Changes whenever the title should take focus (the `e` shortcut). */
  editNonce: number;
  onUpdate: (patch: TaskPatch) => void;
  onMove: (status: Status) => void;
  onDelete: () => void;
  onClose: () => void;
  /** Opens the side chat about this task. */
  onChat?: () => void;
  /** After "Merge": the card this one went into. */
  onOpenTask?: (id: number) => void;
}

const orNull = (s: string) => (s.trim() === "" ? null : s.trim());

function formatTimestamp(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

/** Side panel: every field edits in place and saves on blur / Enter. */
export function TaskDetail({
  task,
  categories,
  agents,
  notify,
  editNonce,
  onUpdate,
  onMove,
  onDelete,
  onClose,
  onChat,
  onOpenTask,
}: TaskDetailProps) {
  const uid = useId();
  const titleRef = useRef<HTMLTextAreaElement>(null);
  const title = useDraft(task.title, (v) => v.trim() && onUpdate(patchOf({ title: v.trim() })));
  const description = useDraft(
    task.description ?? "",
    (v) => onUpdate(patchOf({ description: orNull(v) })),
    { multiline: true },
  );
  const category = useDraft(task.category ?? "", (v) => onUpdate(patchOf({ category: orNull(v) })));
  const hasTime = task.due ? (parseDue(task.due)?.hasTime ?? false) : false;
  const dueValue = task.due ? (hasTime ? task.due.slice(0, 16) : task.due.slice(0, 10)) : "";
  const due = useDraft(dueValue, (v) => {
    const next = v === "" ? null : hasTime && v.length === 16 ? `${v}:00` : v;
    onUpdate(patchOf({ due: next }));
  });
  const [editingOutput, setEditingOutput] = useState(false);
  const output = useDraft(
    task.agent_output ?? "",
    (v) => onUpdate(patchOf({ agent_output: orNull(v) })),
    { multiline: true },
  );
  const transcript = useTranscript(task.source_transcript_id);
  const said = useTaskAudio(task.id, task.source_transcript_id != null);
  const dueBadge = task.due
    ? formatDue(task.due, { completed: task.status === "completed" })
    : null;

  useEffect(() => {
    if (editNonce > 0) {
      titleRef.current?.focus();
      titleRef.current?.select();
    }
  }, [editNonce]);

  useChanged(task.id, () => setEditingOutput(false));

  const field = (name: string) => `${uid}-${name}`;

  return (
    <aside className="detail" aria-label="Task details" data-task={task.id}>
      <header className="detail-header">
        <span className="detail-id">#{task.id}</span>
        <div className="detail-actions">
          {onChat && (
            <button
              type="button"
              className="ghost-button"
              onClick={onChat}
              title="Chat about this task"
            >
              Chat about this task
            </button>
          )}
          <button
            type="button"
            className="ghost-button danger"
            onClick={onDelete}
            title="Delete (⌫)"
          >
            Delete
          </button>
          <button
            type="button"
            className="icon-button"
            onClick={onClose}
            aria-label="Close details"
            title="Close (Esc)"
          >
            ×
          </button>
        </div>
      </header>

      <div className="detail-body">
        <PossibleRepeat
          task={task}
          notify={notify}
          onMerged={(id) => (onOpenTask ? onOpenTask(id) : onClose())}
        />
        <textarea ref={titleRef} className="detail-title" rows={1} aria-label="Title" {...title} />

        <dl className="props">
          <div className="prop">
            <dt>
              <label htmlFor={field("status")}>Status</label>
            </dt>
            <dd>
              <select
                id={field("status")}
                value={task.status}
                onChange={(e) => onMove(e.target.value as Status)}
              >
                {STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {STATUS_LABELS[s]}
                  </option>
                ))}
              </select>
            </dd>
          </div>
          <div className="prop">
            <dt>
              <label htmlFor={field("priority")}>Priority</label>
            </dt>
            <dd>
              <select
                id={field("priority")}
                value={task.priority}
                onChange={(e) => onUpdate(patchOf({ priority: e.target.value as Priority }))}
              >
                {PRIORITIES.map((p) => (
                  <option key={p} value={p}>
                    {PRIORITY_LABELS[p]}
                  </option>
                ))}
              </select>
            </dd>
          </div>
          <div className="prop">
            <dt>
              <label htmlFor={field("category")}>Category</label>
            </dt>
            <dd>
              <input
                id={field("category")}
                list={field("categories")}
                placeholder="None"
                autoComplete="off"
                {...category}
              />
              <datalist id={field("categories")}>
                {categories.map((c) => (
                  <option key={c} value={c} />
                ))}
              </datalist>
            </dd>
          </div>
          <div className="prop">
            <dt>
              <label htmlFor={field("due")}>Due</label>
            </dt>
            <dd className="due-field">
              <input id={field("due")} type={hasTime ? "datetime-local" : "date"} {...due} />
              {dueBadge && <span className={`due due-${dueBadge.tone}`}>{dueBadge.label}</span>}
              {task.due && (
                <button
                  type="button"
                  className="ghost-button small"
                  onClick={() => onUpdate(patchOf({ due: null }))}
                >
                  Clear
                </button>
              )}
            </dd>
          </div>
        </dl>

        <section className="detail-section">
          <h3>
            <label htmlFor={field("description")}>Description</label>
          </h3>
          <textarea
            id={field("description")}
            className="description"
            rows={4}
            placeholder="Add a description…"
            {...description}
          />
        </section>

        <AgentSection task={task} agents={agents} notify={notify} />

        <section className="detail-section">
          <h3>
            Agent output
            <button
              type="button"
              className="ghost-button small"
              onClick={() => setEditingOutput((v) => !v)}
            >
              {editingOutput ? "Done" : task.agent_output ? "Edit" : "Add"}
            </button>
          </h3>
          {editingOutput ? (
            <textarea
              className="output-editor"
              rows={8}
              aria-label="Agent output (Markdown)"
              autoFocus
              {...output}
            />
          ) : task.agent_output ? (
            <Markdown source={task.agent_output} className="agent-output" />
          ) : (
            <p className="muted">No output yet.</p>
          )}
        </section>

        {task.source_transcript_id != null && (
          <section className="detail-section">
            <h3>From what you said</h3>
            {said && (
              <button
                type="button"
                className="ghost-button play-said"
                title="Play just the seconds this card came from"
                onClick={() =>
                  void playClip(said.transcript_id, task.id).catch((e: unknown) =>
                    notify(`Cannot play the recording: ${errorMessage(e)}`, { tone: "error" }),
                  )
                }
              >
                ▶ Play what you said ({clipTime(said.start_ms)}–{clipTime(said.end_ms)})
              </button>
            )}
            {transcript.status === "loading" && <p className="muted">Loading transcript…</p>}
            {transcript.status === "error" && (
              <p className="muted">Transcript unavailable ({transcript.message})</p>
            )}
            {transcript.status === "ready" && (
              <figure className="transcript">
                <blockquote>{transcript.transcript.text}</blockquote>
                <figcaption>{formatTimestamp(transcript.transcript.created_at)}</figcaption>
              </figure>
            )}
          </section>
        )}

        <footer className="detail-footer muted">
          Created {formatTimestamp(task.created_at)} · Updated {formatTimestamp(task.updated_at)}
        </footer>
      </div>
    </aside>
  );
}
