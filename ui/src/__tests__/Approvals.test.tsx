import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { events } from "../bindings";
import { describe, expect, it } from "vitest";

import { App } from "../App";
import { installBackend, renderApp } from "../test/harness";

async function withApproval() {
  const backend = installBackend({
    tasks: [
      { id: 1, title: "Draft Q3 planning doc" },
      { id: 2, title: "Summarize interviews" },
    ],
  });
  backend.agents.seedDemo(2, 1);
  backend.agents.runMs = 10;
  const user = userEvent.setup();
  render(<App />);
  await waitFor(() => expect(screen.queryByText("Loading tasks…")).not.toBeInTheDocument());
  return { backend, user };
}

describe("approvals inbox", () => {
  it("says so when nothing is waiting; Esc returns to the board", async () => {
    const { user } = await renderApp({ tasks: [{ id: 1, title: "A task" }] });
    const button = screen.getByRole("button", { name: "Approvals, 0 waiting" });
    await user.click(button);
    const page = screen.getByRole("dialog", { name: "Approvals" });
    expect(within(page).getByText("Nothing waiting for you")).toBeInTheDocument();
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog", { name: "Approvals" })).not.toBeInTheDocument();
  });

  it("shows the pending call (agent, task, tool, reason, arguments); Approve removes it and the run goes on", async () => {
    const { backend, user } = await withApproval();
    await user.click(await screen.findByRole("button", { name: "Approvals, 1 waiting" }));
    const page = within(screen.getByRole("dialog", { name: "Approvals" }));
    const cardEl = page.getByRole("article", {
      name: "Proposal Generator wants to run files/write_file",
    });
    const c = within(cardEl);
    expect(c.getByText("Draft Q3 planning doc")).toBeInTheDocument();
    expect(c.getByText(/Writing files needs your OK/)).toBeInTheDocument();
    expect(c.getByLabelText("Arguments").textContent).toContain(
      '"path": "~/Documents/plans/q3-planning.md"',
    );

    await user.click(c.getByRole("button", { name: "Approve files/write_file" }));
    expect(backend.callsTo("decide_approval")).toEqual([{ id: 1, approve: true }]);
    expect(page.queryByRole("article")).not.toBeInTheDocument();
    expect(await page.findByText("Nothing waiting for you")).toBeInTheDocument();
    await waitFor(
      () => expect(backend.agents.runs.find((r) => r.id === 2)?.status).toBe("completed"),
      { timeout: 2000 },
    );
    expect(screen.getByRole("button", { name: "Approvals, 0 waiting" })).toBeInTheDocument();
  });

  it('n on a focused card denies; the tray\'s open-view "approvals" opens the inbox', async () => {
    const { backend, user } = await withApproval();
    await act(() => events.openView.emit("approvals"));
    const page = within(await screen.findByRole("dialog", { name: "Approvals" }));
    const cardEl = await page.findByRole("article");
    cardEl.focus();
    await user.keyboard("n");
    expect(backend.callsTo("decide_approval")).toEqual([{ id: 1, approve: false }]);
    expect(await page.findByText("Nothing waiting for you")).toBeInTheDocument();
  });

  it("a refusal from the core puts the card back with an error toast", async () => {
    const { backend, user } = await withApproval();
    backend.failures.set("decide_approval", "approval 1 was already decided");
    await user.click(await screen.findByRole("button", { name: "Approvals, 1 waiting" }));
    const page = within(screen.getByRole("dialog", { name: "Approvals" }));
    await user.click(await page.findByRole("button", { name: "Approve files/write_file" }));
    expect(
      await screen.findByText(
        /Could not approve files\/write_file: approval 1 was already decided/,
      ),
    ).toBeInTheDocument();
    expect(await page.findByRole("article")).toBeInTheDocument();
  });

  it("open-view task:ID opens the board with that task's panel", async () => {
    await withApproval();
    await act(() => events.openView.emit("task:2"));
    const panel = await screen.findByRole("complementary", { name: "Task details" });
    expect(within(panel).getByLabelText("Title")).toHaveValue("Summarize interviews");
  });
});
