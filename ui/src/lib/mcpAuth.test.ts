import { describe, expect, it } from "vitest";

import { authLabel } from "./mcpAuth";

describe("authLabel", () => {
  const now = 1_700_000_000;

  it("says nothing for a server that never asked", () => {
    expect(authLabel({ state: "none" }, now)).toBeNull();
  });

  it("a refreshable sign-in renews itself, even past the access token's expiry", () => {
    const l = authLabel(
      { state: "signed_in", expires_at: now - 10, refreshable: true, scopes: ["read"] },
      now,
    );
    expect(l?.text).toBe("Signed in · renews itself");
    expect(l?.tone).toBe("done");
    expect(l?.detail).toMatch(/current token until .*Granted: read/);
  });

  it("a sign-in without a refresh token shows its end, and once past it asks to sign in again", () => {
    expect(
      authLabel({ state: "signed_in", expires_at: now + 3600, refreshable: false, scopes: [] }, now)
        ?.text,
    ).toMatch(/^Signed in · until /);
    const expired = authLabel(
      { state: "signed_in", expires_at: now - 1, refreshable: false, scopes: [] },
      now,
    );
    expect(expired?.text).toBe("Sign-in expired");
    expect(expired?.tone).toBe("failed");
    expect(
      authLabel({ state: "signed_in", expires_at: null, refreshable: false, scopes: [] }, now)
        ?.text,
    ).toBe("Signed in");
  });

  it("sign in needed asks the user to act", () => {
    expect(authLabel({ state: "sign_in_needed" }, now)).toMatchObject({
      text: "Sign in needed",
      tone: "waiting_approval",
    });
  });
});
