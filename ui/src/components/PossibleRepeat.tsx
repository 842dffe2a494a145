import { errorMessage, keepApart, mergeTasks, putBackTasks } from "../api";
import type { Task } from "../bindings";
import { usePossibleDuplicate } from "../hooks/usePossibleDuplicate";
import type { Notify } from "../hooks/useToasts";

/** "Possibly the same as #3": a dump was not sure this card is new. Merge, or keep both. */
export function PossibleRepeat({
  task,
  notify,
  onMerged,
}: {
  task: Task;
  notify: Notify;
  onMerged: (keptId: number) => void;
}) {
  const [dup, refresh] = usePossibleDuplicate(task.id, task.updated_at);
  if (!dup) return null;
  const merge = () =>
    void mergeTasks(dup.possible_id, task.id).then(
      (m) => {
        notify(`Merged into #${m.kept.id} “${m.kept.title}”`, {
          timeoutMs: 10_000,
          action: {
            label: "Undo",
            run: () =>
              void putBackTasks(m.before).catch((e) =>
                notify(`Undo failed: ${errorMessage(e)}`, { tone: "error" }),
              ),
          },
        });
        onMerged(m.kept.id);
      },
      (e) => notify(`Could not merge: ${errorMessage(e)}`, { tone: "error" }),
    );
  const apart = () =>
    void keepApart(task.id).then(refresh, (e) =>
      notify(`Could not keep apart: ${errorMessage(e)}`, { tone: "error" }),
    );
  return (
    <div className="possible-repeat" role="note">
      <span>
        Possibly the same as <strong>#{dup.possible_id}</strong> “{dup.possible_title}”
      </span>
      <span className="possible-repeat-actions">
        <button
          type="button"
          className="ghost-button"
          onClick={merge}
          title="Keep one card with the details of both"
        >
          Merge
        </button>
        <button type="button" className="ghost-button" onClick={apart}>
          Keep both
        </button>
      </span>
    </div>
  );
}
