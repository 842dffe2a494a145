// A rejected command reaches the UI as the generated `CommandError`: the generated function
// throws it as the core sent it, and the helpers read its code, message and hint.
import { mockIPC } from "@tauri-apps/api/mocks";
import { describe, expect, it } from "vitest";

import * as api from "../api";
import type { CommandError } from "../bindings";
import { installBackend } from "../test/harness";

describe("command errors", () => {
  it("a missing task rejects with code not_found, from the mock core as from the real one", async () => {
    installBackend({ tasks: [] });
    const err: unknown = await api.getTask(404).catch((e: unknown) => e);
    expect(api.errorCode(err)).toBe("not_found");
    expect(api.errorMessage(err)).toBe("task 404 not found");
  });

  it("shows the hint after the message, and tells a CommandError from other rejections", async () => {
    const refusal: CommandError = {
      code: "no_llm",
      message: "no language model is configured",
      hint: "Choose a language model in Settings → Language model.",
    };
    mockIPC((cmd) => {
      if (cmd === "chat_send") throw refusal;
      throw `unknown command ${cmd}`;
    });
    const err: unknown = await api.chatSend(null, "hi").catch((e: unknown) => e);
    expect(api.commandError(err)).toEqual(refusal);
    expect(api.errorMessage(err)).toBe(
      "no language model is configured. Choose a language model in Settings → Language model.",
    );

    const framework: unknown = await api.listTasks().catch((e: unknown) => e);
    expect(api.errorCode(framework)).toBeNull();
    expect(api.errorMessage(framework)).toBe("unknown command list_tasks");
  });
});
