import { useEffect, useState } from "react";

import {
  downloadEmbeddingModel,
  embeddingStatus,
  errorMessage,
  onModelDownload,
  subscribe,
} from "../../api";
import type { EmbeddingStatus } from "../../bindings";
import { ProgressBar } from "../../components/ProgressBar";

const MB = 1_000_000;

/** Search by meaning: whether its model is here, and a Download button with progress. */
export function MeaningSearchField() {
  const [status, setStatus] = useState<EmbeddingStatus | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number | null } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    embeddingStatus().then(setStatus, () => undefined);
    return subscribe(
      onModelDownload((e) => {
        if (e.name !== "all-MiniLM-L6-v2" || e.done || e.error) return;
        setProgress({ done: e.downloaded, total: e.total });
      }),
    );
  }, []);

  const download = () => {
    setError(null);
    setProgress({ done: 0, total: null });
    downloadEmbeddingModel().then(
      () => {
        setProgress(null);
        embeddingStatus().then(setStatus, () => undefined);
      },
      (e) => {
        setProgress(null);
        setError(errorMessage(e));
      },
    );
  };

  if (!status) return null;
  const pct = progress?.total ? Math.round((progress.done * 100) / progress.total) : null;
  return (
    <div className="meaning-search">
      {status.installed ? (
        <span className="field-note">
          Installed ({status.model}).{" "}
          {status.pending > 0
            ? `${status.pending} card(s) still being indexed.`
            : "Every card is indexed."}
        </span>
      ) : progress ? (
        <ProgressBar
          percent={pct}
          label="Downloading the meaning-search model"
          text={`${Math.round(progress.done / MB)} of ${progress.total ? Math.round(progress.total / MB) : "?"} MB`}
        />
      ) : (
        <button type="button" className="ghost-button" onClick={download}>
          Download (83 MB)
        </button>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
