// The Whisper model catalog with install state, and downloads whose progress bars follow
// the core's "model-download" events.
import { useCallback, useEffect, useState } from "react";

import { downloadModel, errorMessage, listModels, onModelDownload, subscribe } from "../api";
import type { DownloadEvent, ModelEntry } from "../bindings";

export interface Download {
  downloaded: number;
  total: number | null;
  /** 0..100, or null when the size is unknown. */
  percent: number | null;
}

export function percentOf(e: Pick<DownloadEvent, "downloaded" | "total">): number | null {
  if (!e.total) return null;
  return Math.max(0, Math.min(100, Math.floor((e.downloaded / e.total) * 100)));
}

export function useModels() {
  const [models, setModels] = useState<ModelEntry[] | null>(null);
  const [downloads, setDownloads] = useState<Record<string, Download>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});

  const reload = useCallback(() => {
    listModels().then(setModels, (e) => setErrors((x) => ({ ...x, "": errorMessage(e) })));
  }, []);
  useEffect(reload, [reload]);

  useEffect(
    () =>
      subscribe(
        onModelDownload((e) => {
          if (e.error) setErrors((x) => ({ ...x, [e.name]: e.error ?? "" }));
          setDownloads((d) => {
            const rest = { ...d };
            delete rest[e.name];
            return e.done || e.error
              ? rest
              : {
                  ...d,
                  [e.name]: { downloaded: e.downloaded, total: e.total, percent: percentOf(e) },
                };
          });
          if (e.done) reload();
        }),
      ),
    [reload],
  );

  const download = useCallback(
    async (name: string): Promise<boolean> => {
      setErrors(({ [name]: _gone, ...rest }) => rest);
      setDownloads((d) => ({
        ...d,
        [name]: d[name] ?? { downloaded: 0, total: null, percent: 0 },
      }));
      let ok = true;
      try {
        await downloadModel(name);
      } catch (e) {
        ok = false;
        setErrors((x) => ({ ...x, [name]: errorMessage(e) }));
      }
      setDownloads(({ [name]: _done, ...rest }) => rest);
      reload();
      return ok;
    },
    [reload],
  );

  return { models, downloads, errors, download, reload };
}
