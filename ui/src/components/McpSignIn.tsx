// A remote server's sign-in on its card: where it stands (signed in, renews itself, sign in
// needed), Sign in / Sign in again, "Sign out and forget", and while the browser is open a
// way back to the sign-in page. The core runs the sign-in; this only shows it.
import { useEffect, useState } from "react";

import * as api from "../api";
import type { McpServerView } from "../bindings";
import { authLabel } from "../lib/mcpAuth";

type Flow =
  | { state: "idle" }
  | { state: "waiting"; url: string | null }
  | { state: "failed"; message: string };

export function McpSignIn({ server }: { server: McpServerView }) {
  const [flow, setFlow] = useState<Flow>({ state: "idle" });
  const [confirming, setConfirming] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const name = server.name;

  useEffect(
    () =>
      api.subscribe(
        api.onMcpSignIn(
          (page) =>
            page.server === name &&
            setFlow((f) => (f.state === "waiting" ? { state: "waiting", url: page.url } : f)),
        ),
      ),
    [name],
  );

  const signIn = async () => {
    setFlow({ state: "waiting", url: null });
    setNote(null);
    try {
      await api.mcpLogin(name);
      setFlow({ state: "idle" });
    } catch (e) {
      // Cancelled on purpose: back to the buttons, no error to read.
      setFlow(
        api.errorCode(e) === "cancelled"
          ? { state: "idle" }
          : { state: "failed", message: api.errorMessage(e) },
      );
    }
  };

  const cancel = async () => {
    try {
      await api.mcpCancelSignIn(name);
    } catch (e) {
      setNote(api.errorMessage(e));
    }
  };

  const reopen = async () => {
    try {
      await api.mcpOpenSignInPage(name);
    } catch (e) {
      setNote(api.errorMessage(e));
    }
  };

  const signOut = async () => {
    setConfirming(false);
    try {
      await api.mcpLogout(name);
      setNote("Signed out: the tokens and this computer's registration are gone.");
    } catch (e) {
      setNote(`Could not sign out: ${api.errorMessage(e)}`);
    }
  };

  const label = authLabel(server.auth);
  const signedIn = server.auth.state === "signed_in";
  const waiting = flow.state === "waiting";

  return (
    <div className="mcp-sign-in" aria-label={`Sign-in for ${name}`} role="group">
      <p>
        {label ? (
          <span className="run-badge" data-status={label.tone}>
            {label.text}
          </span>
        ) : (
          <span className="muted">
            No sign-in so far. Test connection shows whether the server wants one.
          </span>
        )}
        {label?.detail && <span className="muted"> {label.detail}</span>}
      </p>
      {waiting ? (
        <p role="status" className="mcp-sign-in-wait">
          <span className="spinner" aria-hidden="true" /> Waiting for your browser… Sign in there,
          then come back.{" "}
          {flow.url && (
            <button type="button" className="link-button" onClick={() => void reopen()}>
              Open the sign-in page again
            </button>
          )}{" "}
          <button type="button" className="link-button" onClick={() => void cancel()}>
            Cancel
          </button>
        </p>
      ) : (
        <div className="mcp-sign-in-actions">
          <button
            type="button"
            className={signedIn ? "ghost-button" : "primary-button"}
            onClick={() => void signIn()}
          >
            {signedIn ? "Sign in again" : "Sign in"}
          </button>
          {(signedIn || server.auth.state === "sign_in_needed") &&
            (confirming ? (
              <span className="confirm">
                Forget the sign-in?{" "}
                <button
                  type="button"
                  className="ghost-button danger"
                  onClick={() => void signOut()}
                >
                  Yes
                </button>{" "}
                <button type="button" className="ghost-button" onClick={() => setConfirming(false)}>
                  No
                </button>
              </span>
            ) : (
              <button type="button" className="ghost-button" onClick={() => setConfirming(true)}>
                Sign out and forget
              </button>
            ))}
        </div>
      )}
      {flow.state === "failed" && (
        <p className="step-error" role="alert">
          Sign-in failed: {flow.message}
        </p>
      )}
      {note && <p className="muted">{note}</p>}
    </div>
  );
}
