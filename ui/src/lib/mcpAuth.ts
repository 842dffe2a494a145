// How a server's sign-in state reads on its card. The core decides the state; this only
// words it (and says whether the token has already run out).
import type { AuthState } from "../bindings";

export interface AuthLabel {
  /** Short badge text. */
  text: string;
  /** `done` (fine), `waiting_approval` (the user should act) or `failed`; the badge colours. */
  tone: "done" | "waiting_approval" | "failed";
  /** A longer line under the badge, or null. */
  detail: string | null;
}

/** `now` in Unix seconds (for tests). */
export function authLabel(auth: AuthState, now: number = Date.now() / 1000): AuthLabel | null {
  switch (auth.state) {
    case "none":
      return null;
    case "sign_in_needed":
      return {
        text: "Sign in needed",
        tone: "waiting_approval",
        detail: "Agents cannot use this server until you sign in.",
      };
    case "signed_in": {
      const scopes = auth.scopes.length > 0 ? `Granted: ${auth.scopes.join(" ")}` : null;
      if (auth.refreshable) {
        const until = auth.expires_at ? `current token until ${formatTime(auth.expires_at)}` : null;
        return { text: "Signed in · renews itself", tone: "done", detail: join(until, scopes) };
      }
      if (auth.expires_at && auth.expires_at <= now) {
        return {
          text: "Sign-in expired",
          tone: "failed",
          detail: "The server gave no way to renew it: sign in again.",
        };
      }
      const until = auth.expires_at
        ? `Signed in · until ${formatTime(auth.expires_at)}`
        : "Signed in";
      return {
        text: until,
        tone: "done",
        detail: join(auth.expires_at ? "then sign in again" : null, scopes),
      };
    }
  }
}

function join(a: string | null, b: string | null): string | null {
  const parts = [a, b].filter((p): p is string => Boolean(p));
  return parts.length > 0 ? parts.join(" · ") : null;
}

function formatTime(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toLocaleString(undefined, {
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });
}
