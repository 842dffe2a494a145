import { describe, expect, it } from "vitest";

import { parseList, parseRules, rulesText } from "./agentText";

describe("agent editor text", () => {
  it("reads comma lists and rule lines, and writes rules back", () => {
    expect(parseList(" files, web ,, crm ")).toEqual(["files", "web", "crm"]);
    const rules = parseRules("*=ask\n\n files/read_* = allow \nshell/*=DENY");
    expect(rules).toEqual([
      { pattern: "*", permission: "ask" },
      { pattern: "files/read_*", permission: "allow" },
      { pattern: "shell/*", permission: "deny" },
    ]);
    expect(rulesText(rules)).toBe("*=ask\nfiles/read_*=allow\nshell/*=deny");
  });

  it("names the line it cannot read", () => {
    expect(() => parseRules("*=ask\nfiles/write_file")).toThrow(/Line 2/);
    expect(() => parseRules("*=maybe")).toThrow(/Line 1/);
  });
});
