import { act, screen, waitFor, within } from "@testing-library/react";
import { events } from "../bindings";
import { describe, expect, it } from "vitest";

import type { DownloadEvent } from "../bindings";
import { SETTINGS, type SettingKey } from "../lib/settings";
import { renderApp, settle } from "../test/harness";

async function openSettings(init: Parameters<typeof renderApp>[0] = {}) {
  const r = await renderApp({ tasks: [{ id: 1, title: "Existing" }], ...init });
  await r.user.keyboard(",");
  const dialog = await screen.findByRole("dialog", { name: "Settings" });
  await within(dialog).findByRole("heading", { name: "Recording" });
  return { ...r, dialog };
}

const modelRow = (name: string) =>
  waitFor(() => {
    const r = document.querySelector<HTMLElement>(`[data-model="${name}"]`);
    if (!r) throw new Error(`no model row ${name}`);
    return r;
  });

describe("settings", () => {
  it("opens with , / the gear / the tray's open-view, and closes with Esc or ×", async () => {
    const { user } = await renderApp({ tasks: [{ id: 1, title: "Existing" }] });
    await user.click(screen.getByRole("button", { name: "Settings" }));
    expect(await screen.findByRole("dialog", { name: "Settings" })).toBeInTheDocument();
    await user.keyboard("{Escape}");
    await waitFor(() =>
      expect(screen.queryByRole("dialog", { name: "Settings" })).not.toBeInTheDocument(),
    );

    await act(() => events.openView.emit("settings"));
    const dialog = await screen.findByRole("dialog", { name: "Settings" });
    await user.click(within(dialog).getByRole("button", { name: "Close settings" }));
    await waitFor(() =>
      expect(screen.queryByRole("dialog", { name: "Settings" })).not.toBeInTheDocument(),
    );

    await user.keyboard(",");
    await screen.findByRole("dialog", { name: "Settings" });
    await user.keyboard(",");
    await waitFor(() =>
      expect(screen.queryByRole("dialog", { name: "Settings" })).not.toBeInTheDocument(),
    );
  });

  it("labels and explains each setting's row with the core's registry (as `utter settings list` does)", async () => {
    const { dialog } = await openSettings();
    const rows: SettingKey[] = [
      "hotkey.shortcut",
      "hotkey.mode",
      "voice.device",
      "voice.model",
      "voice.language",
      "dumps.reconcile",
      "audio.retention_days",
      "backup.daily",
      "notify.dnd",
      "app.autostart",
      "ui.theme",
    ];
    for (const key of rows) {
      const row = within(dialog)
        .getByText(SETTINGS[key].label, { selector: ".setting-text > *" })
        .closest<HTMLElement>(".setting-row")!;
      expect(
        within(row).getByText(SETTINGS[key].description, { exact: false }),
      ).toBeInTheDocument();
    }
  });

  it("captures a shortcut, saves it, and shows the core's refusal inline (the old one stays)", async () => {
    const { backend, user, dialog } = await openSettings();
    const capture = within(dialog).getByRole("button", { name: /Recording shortcut/ });
    expect(capture).toHaveTextContent("Ctrl+Shift+Space");

    // A shortcut another app holds.
    backend.desktop.taken.add("CommandOrControl+Alt+K");
    await user.click(capture);
    expect(capture).toHaveTextContent("Press the new shortcut");
    await user.keyboard("{Control>}{Alt>}k{/Alt}{/Control}");
    expect(capture).toHaveTextContent("Ctrl+Alt+K");
    await user.click(within(dialog).getByRole("button", { name: "Save" }));
    const alert = await within(dialog).findByRole("alert");
    expect(alert).toHaveTextContent("already taken by another app");
    expect(backend.desktop.settings.hotkey).toBe("CommandOrControl+Shift+Space");
    expect(backend.callsTo("set_setting").at(-1)).toEqual({
      key: "hotkey.shortcut",
      value: "CommandOrControl+Alt+K",
    });

    // A bare letter is not offered at all.
    await user.click(capture);
    await user.keyboard("q");
    expect(within(dialog).getByText(/alone would catch normal typing/)).toBeInTheDocument();

    // Esc while capturing stops the capture, not the settings page.
    await user.keyboard("{Escape}");
    expect(screen.getByRole("dialog", { name: "Settings" })).toBeInTheDocument();

    await user.click(capture);
    await user.keyboard("{Alt>}{F9}{/Alt}");
    await user.click(within(dialog).getByRole("button", { name: "Save" }));
    await waitFor(() => expect(backend.desktop.settings.hotkey).toBe("Alt+F9"));
    expect(backend.callsTo("set_setting").at(-1)).toEqual({
      key: "hotkey.shortcut",
      value: "Alt+F9",
    });
    await waitFor(() => expect(within(dialog).queryByRole("alert")).not.toBeInTheDocument());
    expect(capture).toHaveTextContent("Alt+F9");

    // Back to the default.
    await user.click(within(dialog).getByRole("button", { name: /Reset to Ctrl\+Shift\+Space/ }));
    await waitFor(() =>
      expect(backend.callsTo("set_setting").at(-1)).toEqual({
        key: "hotkey.shortcut",
        value: null,
      }),
    );
    expect(backend.desktop.settings.hotkey).toBe("CommandOrControl+Shift+Space");
  });

  it("saves mode, language, retention (with inline refusal), do-not-disturb, autostart, and applies the theme live", async () => {
    const { backend, user, dialog } = await openSettings();
    await user.click(within(dialog).getByRole("radio", { name: "Press to start, again to stop" }));
    await waitFor(() => expect(backend.desktop.settings.hotkey_mode).toBe("toggle"));

    await user.selectOptions(within(dialog).getByLabelText("Language"), "de");
    await waitFor(() => expect(backend.desktop.settings.language).toBe("de"));

    const days = within(dialog).getByLabelText("Keep recordings for");
    await user.clear(days);
    await user.type(days, "soon{Enter}");
    expect(await within(dialog).findByRole("alert")).toHaveTextContent(
      "not a whole number of days",
    );
    await user.clear(days);
    await user.type(days, "7{Enter}");
    await waitFor(() => expect(backend.desktop.settings.retention_days).toBe(7));
    await waitFor(() => expect(within(dialog).queryByRole("alert")).not.toBeInTheDocument());

    await user.click(within(dialog).getByLabelText("Do not disturb"));
    await waitFor(() => expect(backend.desktop.settings.dnd).toBe(true));
    expect(backend.callsTo("set_setting")).toContainEqual({ key: "notify.dnd", value: "on" });
    await user.click(within(dialog).getByLabelText("Start at login"));
    await waitFor(() => expect(backend.desktop.settings.autostart).toBe(true));

    await user.click(within(dialog).getByRole("radio", { name: "Dark" }));
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe("dark"));
    expect(backend.desktop.settings.theme).toBe("dark");
    await user.click(within(dialog).getByRole("radio", { name: "Light" }));
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe("light"));
  });

  it("shows the chosen microphone's level while open, and stops the test when closed", async () => {
    const { backend, user, dialog } = await openSettings();
    await waitFor(() => expect(backend.callsTo("start_level_test")).toEqual([{ device: null }]));
    const meter = within(dialog).getByRole("meter", { name: "Microphone level" });
    await act(() => events.voice.emit({ kind: "level", level: 0.42 }));
    expect(meter).toHaveAttribute("aria-valuenow", "0.42");

    await user.selectOptions(within(dialog).getByLabelText("Microphone"), "USB Headset");
    await waitFor(() => expect(backend.desktop.settings.device).toBe("USB Headset"));
    await waitFor(() =>
      expect(backend.callsTo("start_level_test").at(-1)).toEqual({ device: "USB Headset" }),
    );

    await user.keyboard("{Escape}");
    await waitFor(() =>
      expect(backend.callsTo("stop_level_test").length).toBeGreaterThanOrEqual(2),
    );
  });

  it("downloads a model with a progress bar driven by model-download events, then it can be chosen", async () => {
    const { backend, user } = await openSettings();
    backend.desktop.downloadStepMs = 60_000; // the test sends the progress itself
    const row = await modelRow("base.en");
    expect(within(row).getByRole("radio")).toBeDisabled();
    await user.click(within(row).getByRole("button", { name: "Download" }));
    const bar = await within(row).findByRole("progressbar", { name: "Downloading base.en" });

    const progress = (downloaded: number, done = false): Promise<void> =>
      act(() =>
        events.modelDownload.emit({
          name: "base.en",
          downloaded,
          total: 200_000_000,
          done,
          error: null,
        } satisfies DownloadEvent),
      );
    await progress(50_000_000);
    expect(bar).toHaveAttribute("aria-valuenow", "25");
    expect(bar).toHaveAttribute("aria-valuetext", "25% · 50 MB of 200 MB");
    expect(within(row).getByText("25% · 50 MB of 200 MB")).toBeInTheDocument();
    await progress(150_000_000);
    expect(bar).toHaveAttribute("aria-valuenow", "75");

    // The core finishes: the row shows Installed and the model can be chosen.
    backend.desktop.models.find((m) => m.name === "base.en")!.installed = true;
    await progress(200_000_000, true);
    await waitFor(() => expect(within(row).getByText("Installed")).toBeInTheDocument());
    await user.click(within(row).getByRole("radio"));
    await waitFor(() => expect(backend.desktop.settings.model).toBe("base.en"));
    expect(within(row).getByText("In use")).toBeInTheDocument();
  });

  it("Choose for me: says what it picks and why, downloads it, and then runs it", async () => {
    const { backend, user } = await openSettings();
    backend.desktop.downloadStepMs = 5;
    const auto = await modelRow("auto");
    expect(auto).toHaveTextContent("base.en for this computer (4 cores, 8 GB of memory");
    expect(auto).toHaveTextContent("uses tiny.en until base.en is downloaded");
    expect(within(await modelRow("base.en")).getByText("Recommended")).toBeInTheDocument();
    await user.click(within(auto).getByRole("radio", { name: /Choose for me/ }));
    await waitFor(() => expect(backend.desktop.settings.model).toBe("auto"));
    expect(within(auto).getByText("In use: tiny.en")).toBeInTheDocument();
    await user.click(within(auto).getByRole("button", { name: "Download base.en" }));
    await waitFor(() => expect(within(auto).getByText("In use: base.en")).toBeInTheDocument(), {
      timeout: 3000,
    });
    expect(backend.callsTo("download_model")).toEqual([{ name: "base.en" }]);
    expect(auto).not.toHaveTextContent("until base.en is downloaded");
    expect(within(await modelRow("base.en")).getByText("In use")).toBeInTheDocument();
  });

  it("the Board section: matching dumps switches off and on; the meaning-search model downloads with progress", async () => {
    const { backend, user, dialog } = await openSettings();
    const match = within(dialog).getByLabelText("Match dumps with the board");
    expect(match).toBeChecked();
    await user.click(match);
    await waitFor(() =>
      expect(backend.callsTo("set_setting")).toContainEqual({
        key: "dumps.reconcile",
        value: "off",
      }),
    );
    await waitFor(() => expect(backend.desktop.settings.reconcile).toBe(false));

    const daily = within(dialog).getByLabelText("Daily backups");
    expect(daily).toBeChecked();
    await user.click(daily);
    await waitFor(() =>
      expect(backend.callsTo("set_setting")).toContainEqual({ key: "backup.daily", value: "off" }),
    );
    await waitFor(() => expect(daily).not.toBeChecked());

    backend.desktop.downloadStepMs = 40;
    await user.click(within(dialog).getByRole("button", { name: "Download (83 MB)" }));
    const bar = await within(dialog).findByRole("progressbar", {
      name: "Downloading the meaning-search model",
    });
    await waitFor(() => expect(Number(bar.getAttribute("aria-valuenow"))).toBeGreaterThan(0));
    expect(
      await within(dialog).findByText(/Installed \(all-MiniLM-L6-v2\)/, {}, { timeout: 3000 }),
    ).toBeInTheDocument();
    expect(backend.callsTo("download_embedding_model")).toHaveLength(1);
  });

  it("a real (mock) download runs to the end; a failed one says why", async () => {
    const { backend, user } = await openSettings();
    backend.desktop.downloadStepMs = 5;
    const row = await modelRow("small");
    await user.click(within(row).getByRole("button", { name: /Resume/ }));
    await waitFor(() => expect(within(row).getByText("Installed")).toBeInTheDocument(), {
      timeout: 3000,
    });
    expect(backend.callsTo("download_model")).toEqual([{ name: "small" }]);

    const small = await modelRow("small.en");
    backend.failures.set("download_model", "network unreachable");
    await user.click(within(small).getByRole("button", { name: "Download" }));
    expect(await within(small).findByRole("alert")).toHaveTextContent(
      "Download of small.en failed: network unreachable",
    );
  });

  it("sets up a language model: the key goes to the keychain; Remove clears it", async () => {
    const { backend, user, dialog } = await openSettings();
    const form = within(dialog).getByRole("form", { name: "Language model provider" });
    expect(within(form).getByText(/offline engine/)).toBeInTheDocument();
    expect(within(form).getByText(/stored in the OS keychain/)).toBeInTheDocument();
    await user.selectOptions(within(form).getByLabelText("Provider"), "anthropic");
    expect(within(form).getByLabelText("Base URL")).toHaveValue("https://api.anthropic.com");
    await user.type(within(form).getByLabelText("API key"), "sk-ant-secret");
    await user.type(within(form).getByLabelText("Requests per minute"), "50");
    await user.click(within(form).getByRole("button", { name: "Use this provider" }));
    await waitFor(() => expect(backend.callsTo("set_llm_provider")).toHaveLength(1));
    const call = backend.callsTo("set_llm_provider")[0];
    expect(call.apiKey).toBe("sk-ant-secret");
    expect(call.config).toMatchObject({
      kind: "anthropic",
      base_url: "https://api.anthropic.com",
      api_key_ref: null,
      rate_limit_rpm: 50,
    });
    expect(await within(form).findByText(/key in the OS keychain/)).toBeInTheDocument();
    expect(within(form).getByLabelText("API key")).toHaveValue("");

    // A bad URL is refused inline.
    await user.clear(within(form).getByLabelText("Base URL"));
    await user.type(within(form).getByLabelText("Base URL"), "api.example.com");
    await user.click(within(form).getByRole("button", { name: "Save provider" }));
    expect(await within(form).findByRole("alert")).toHaveTextContent("invalid base URL");

    await user.click(within(form).getByRole("button", { name: "Remove" }));
    await waitFor(() => expect(backend.callsTo("clear_llm_provider")).toHaveLength(1));
    expect(backend.desktop.settings.llm).toBeNull();
    expect(
      await within(form).findByText(/None: tasks are extracted by the offline engine/),
    ).toBeInTheDocument();
  });

  it("lists what is missing on this desktop, each with what to do", async () => {
    const { backend, user, dialog } = await openSettings();
    expect(await within(dialog).findByText(/all work/)).toBeInTheDocument();
    await settle(() => {
      backend.desktop.bare();
      Object.assign(backend.desktop.status, {
        hotkey_registered: false,
        hotkey_error: "Ctrl+Shift+Space is taken by another app",
      });
      backend.desktop.models[0].installed = false; // tiny.en, the one in use
    });
    // Any save checks again.
    await user.click(within(dialog).getByLabelText("Do not disturb"));
    const items = await waitFor(() => {
      const li = dialog.querySelectorAll("[data-problem]");
      if (li.length < 5) throw new Error("not yet");
      return [...li].map((l) => l.getAttribute("data-problem"));
    });
    expect(items).toEqual(["hotkey", "microphone", "model", "notifications", "tray"]);
    expect(within(dialog).getByText(/closing this window quits Utter/)).toBeInTheDocument();
    expect(within(dialog).getByText(/No notification daemon/)).toBeInTheDocument();
    expect(within(dialog).getByText(/tiny.en is not downloaded/)).toBeInTheDocument();

    // Fixed meanwhile: "Check again" asks once more.
    await settle(() => {
      Object.assign(backend.desktop.status, { tray: true, notifications: true });
    });
    await user.click(within(dialog).getByRole("button", { name: "Check again" }));
    await waitFor(() => expect(dialog.querySelectorAll("[data-problem]")).toHaveLength(3));
  });
});
