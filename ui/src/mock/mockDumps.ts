// The voice journal's commands, in memory: each mock recording becomes a dump whose cards
// follow the board (renamed, moved, deleted), with the seconds each card was said in.
import type { ChangeEvent, DumpEntry, ExtractedAgain, Task, TaskAudio } from "../bindings";

type Args = Record<string, unknown>;

interface StoredDump {
  id: number;
  text: string;
  created_at: string;
  duration_ms: number;
  audio: boolean;
  cards: { task_id: number; title: string; start_ms: number; end_ms: number }[];
}

/** A short, quiet 16 kHz WAV: what the mock plays. */
export function silentWav(ms = 300): ArrayBuffer {
  const n = Math.round(16 * ms);
  const buf = new ArrayBuffer(44 + n * 2);
  const v = new DataView(buf);
  const str = (o: number, s: string) =>
    [...s].forEach((c, i) => v.setUint8(o + i, c.charCodeAt(0)));
  str(0, "RIFF");
  v.setUint32(4, 36 + n * 2, true);
  str(8, "WAVEfmt ");
  v.setUint32(16, 16, true);
  v.setUint16(20, 1, true);
  v.setUint16(22, 1, true);
  v.setUint32(24, 16000, true);
  v.setUint32(28, 32000, true);
  v.setUint16(32, 2, true);
  v.setUint16(34, 16, true);
  str(36, "data");
  v.setUint32(40, n * 2, true);
  return buf;
}

export class MockDumps {
  /** How many cards the next "extract again" says it updated (tests set it). */
  againUpdates = 0;
  private undoable = new Set<number>();
  private dumps: StoredDump[] = [];

  constructor(
    private changed: (e: ChangeEvent) => void,
    private tasks: () => Task[],
  ) {}

  /** A finished recording: `tasks` came from `text`, said over `durationMs`; `id` is its
   * transcript's. */
  add(
    id: number,
    text: string,
    tasks: Task[],
    durationMs = Math.max(2000, tasks.length * 2500),
    audio = true,
  ): void {
    const slot = durationMs / Math.max(1, tasks.length);
    this.dumps.unshift({
      id,
      text,
      created_at: new Date().toISOString(),
      duration_ms: durationMs,
      audio,
      cards: tasks.map((t, i) => ({
        task_id: t.id,
        title: t.title,
        start_ms: Math.round(i * slot),
        end_ms: Math.round((i + 1) * slot),
      })),
    });
    this.changed({ kind: "transcript_created", id });
  }

  handles(cmd: string): boolean {
    return [
      "list_dumps",
      "extract_again",
      "undo_extract_again",
      "task_audio",
      "dump_audio",
    ].includes(cmd);
  }

  dispatch(cmd: string, a: Args): unknown {
    switch (cmd) {
      case "list_dumps":
        return this.dumps.slice(0, Number(a.limit ?? 50)).map((d) => this.entry(d));
      case "extract_again": {
        const d = this.find(a.id);
        const updated = this.againUpdates;
        if (updated > 0) this.undoable.add(d.id);
        const result: ExtractedAgain = {
          retranscribed: false,
          note: null,
          text: d.text,
          refinement: { outcome: "refined", tasks: this.live(d), updated, added: 0, removed: 0 },
        };
        return result;
      }
      case "undo_extract_again": {
        const d = this.find(a.id);
        if (!this.undoable.delete(d.id))
          throw `dump ${d.id} has no "extract again" to undo in this session`;
        return { restored: this.againUpdates, removed: 0 };
      }
      case "task_audio": {
        const taskId = Number(a.taskId);
        for (const d of this.dumps) {
          const c = d.cards.find((x) => x.task_id === taskId);
          if (c && d.audio)
            return {
              transcript_id: d.id,
              audio_path: `/mock/audio/${d.id}.wav`,
              start_ms: c.start_ms,
              end_ms: c.end_ms,
            } satisfies TaskAudio;
        }
        return null;
      }
      case "dump_audio": {
        const d = this.find(a.id);
        if (!d.audio) throw "the recording is not kept any more (see audio.retention_days)";
        return silentWav();
      }
      default:
        throw `unknown command ${cmd}`;
    }
  }

  private find(id: unknown): StoredDump {
    const d = this.dumps.find((x) => x.id === Number(id));
    if (!d) throw `transcript ${String(id)} not found`;
    return d;
  }

  private live(d: StoredDump): Task[] {
    return d.cards.flatMap((c) => this.tasks().filter((t) => t.id === c.task_id));
  }

  private entry(d: StoredDump): DumpEntry {
    return {
      id: d.id,
      text: d.text,
      created_at: d.created_at,
      duration_ms: d.duration_ms,
      model: "base.en",
      audio_path: d.audio ? `/mock/audio/${d.id}.wav` : null,
      cards: d.cards.map((c) => {
        const now = this.tasks().find((t) => t.id === c.task_id);
        return {
          task_id: c.task_id,
          title: now?.title ?? c.title,
          status: now?.status ?? null,
          start_ms: c.start_ms,
          end_ms: c.end_ms,
        };
      }),
    };
  }
}
