import { act, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { events } from "../bindings";

import { renderApp } from "../test/harness";

describe("settings → data: backups", () => {
  it("backs up now, and restores a listed backup only after a confirmation; the board reloads", async () => {
    const { backend, user } = await renderApp({ tasks: [{ id: 1, title: "Kept in the backup" }] });
    await user.keyboard(",");
    const dialog = await screen.findByRole("dialog", { name: "Settings" });
    await within(dialog).findByRole("heading", { name: "Data" });

    await user.click(within(dialog).getByRole("button", { name: "Back up now" }));
    expect(await within(dialog).findByRole("status")).toHaveTextContent(
      /Backed up 1 card to .*utter-\d{8}-\d{6}\.zip/,
    );
    const list = await within(dialog).findByRole("list", { name: "Backups" });
    await waitFor(() => expect(within(list).getAllByRole("listitem")).toHaveLength(1));
    expect(within(list).getByRole("listitem")).toHaveTextContent("Made by you · 1 card");

    // The board moves on after the backup.
    backend.insert({ title: "Added later" });

    await user.click(within(list).getByRole("button", { name: /Restore the backup from/ }));
    // Nothing happens before the confirmation.
    expect(backend.callsTo("restore_backup")).toHaveLength(0);
    const confirm = within(list).getByRole("group", { name: "Confirm restore" });
    await user.click(within(confirm).getByRole("button", { name: "Cancel" }));
    expect(backend.callsTo("restore_backup")).toHaveLength(0);

    await user.click(within(list).getByRole("button", { name: /Restore the backup from/ }));
    await user.click(within(list).getByRole("button", { name: "Replace the board" }));
    expect(await within(dialog).findByRole("status")).toHaveTextContent(
      /Restored 1 card .* kept at .*utter\.db\.before-restore-/,
    );
    expect(backend.tasks.map((t) => t.title)).toEqual(["Kept in the backup"]);

    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByText("Added later")).not.toBeInTheDocument());
    expect(screen.getByText("Kept in the backup")).toBeInTheDocument();
  });

  it("shows the core's refusal inline", async () => {
    const { backend, user } = await renderApp({ tasks: [{ id: 1, title: "x" }] });
    backend.failures.set(
      "backup_now",
      "the disk is full; the backup was not written (free some space and retry)",
    );
    await user.keyboard(",");
    const dialog = await screen.findByRole("dialog", { name: "Settings" });
    await user.click(await within(dialog).findByRole("button", { name: "Back up now" }));
    expect(await within(dialog).findByRole("alert")).toHaveTextContent("the disk is full");
  });

  it("File → Restore from a file… picks an archive anywhere, asks, then restores it", async () => {
    const { backend, user } = await renderApp({ tasks: [{ id: 1, title: "Kept in the backup" }] });
    await user.keyboard(",");
    let dialog = await screen.findByRole("dialog", { name: "Settings" });
    await user.click(await within(dialog).findByRole("button", { name: "Back up now" }));
    await within(dialog).findByRole("list", { name: "Backups" });
    await user.keyboard("{Escape}");
    backend.insert({ title: "Added later" });

    // The menu item opens Settings → Data with the native dialog already asked for.
    await act(() => events.openView.emit("settings:restore"));
    dialog = await screen.findByRole("dialog", { name: "Settings" });
    const confirm = await within(dialog).findByRole("group", {
      name: "Confirm restore from file",
    });
    expect(backend.callsTo("choose_backup_file")).toHaveLength(1);
    expect(confirm).toHaveTextContent(/utter-from-my-old-laptop\.zip .* 1 card/);
    expect(backend.callsTo("restore_chosen_backup")).toHaveLength(0);
    await user.click(within(confirm).getByRole("button", { name: "Replace the board" }));
    expect(await within(dialog).findByRole("status")).toHaveTextContent(/Restored 1 card/);
    expect(backend.tasks.map((t) => t.title)).toEqual(["Kept in the backup"]);

    // The button does the same; Cancel restores nothing.
    await user.click(within(dialog).getByRole("button", { name: "Restore from a file…" }));
    const again = await within(dialog).findByRole("group", { name: "Confirm restore from file" });
    await user.click(within(again).getByRole("button", { name: "Cancel" }));
    expect(backend.callsTo("restore_chosen_backup")).toHaveLength(1);
  });

  it("File → Export… opens Settings → Data with the export format focused", async () => {
    await renderApp({ tasks: [{ id: 1, title: "x" }] });
    await act(() => events.openView.emit("settings:export"));
    const dialog = await screen.findByRole("dialog", { name: "Settings" });
    const format = within(dialog).getByRole("combobox", { name: /Export the board/ });
    await waitFor(() => expect(format).toHaveFocus());
  });
});
