// "Update ready — restart": a thin bar under the header, shown only when a verified update is
// downloaded (the header has no room to spare at 1280 px). The shell refuses while a
// recording or agent run is on, and says so; the toast carries that reason.
import { useState } from "react";

import { errorMessage } from "../api";
import { useUpdate } from "../hooks/useUpdate";
import type { Notify } from "../hooks/useToasts";
import { installUpdate } from "../updateApi";

export function UpdateButton({ notify }: { notify: Notify }) {
  const status = useUpdate();
  const [installing, setInstalling] = useState(false);
  if (status.state !== "ready") return null;
  const restart = () => {
    setInstalling(true);
    installUpdate().catch((err) => {
      setInstalling(false);
      notify(errorMessage(err), { tone: "error", key: "update" });
    });
  };
  return (
    <div className="update-bar">
      <span className="update-note">
        Utter {status.version}
        {status.notes ? ` · ${status.notes}` : ""}
      </span>
      <button
        type="button"
        className="ghost-button update-button"
        title={`Utter ${status.version}${status.notes ? `: ${status.notes}` : ""}`}
        disabled={installing}
        onClick={restart}
      >
        {installing ? "Restarting…" : "Update ready — restart"}
      </button>
    </div>
  );
}
