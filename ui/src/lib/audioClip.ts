// Plays a dump's recording (or one card's seconds of it) from the core's bytes; one clip at a
// time, so a second click stops the first.
import { dumpAudioUrl } from "../api";

let playing: { audio: HTMLAudioElement; url: string } | null = null;

export function stopClip() {
  if (!playing) return;
  playing.audio.pause();
  URL.revokeObjectURL(playing.url);
  playing = null;
}

/** Resolves when playback starts; rejects with the core's reason (e.g. the recording is gone). */
export async function playClip(dumpId: number, taskId: number | null = null): Promise<void> {
  stopClip();
  const url = await dumpAudioUrl(dumpId, taskId);
  const audio = new Audio(url);
  playing = { audio, url };
  audio.addEventListener("ended", () => {
    if (playing?.audio === audio) stopClip();
  });
  await audio.play();
}

/** m:ss.s for a position in a recording. */
export function clipTime(ms: number): string {
  const s = ms / 1000;
  return `${Math.floor(s / 60)}:${(s % 60).toFixed(1).padStart(4, "0")}`;
}
