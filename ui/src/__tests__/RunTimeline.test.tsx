import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { App } from "../App";
import type { Approval, Run, RunDetail } from "../bindings";
import { RunTimeline } from "../components/RunTimeline";
import { card, installBackend, settle } from "../test/harness";

const run = (over: Partial<Run> = {}): Run => ({
  workflow_run: null,
  id: 1,
  agent: "Research",
  task_id: 1,
  status: "completed",
  prompt: "",
  output: null,
  tokens_in: 5120,
  tokens_out: 884,
  execution_ms: 14_200,
  error: null,
  created_at: new Date().toISOString(),
  updated_at: new Date().toISOString(),
  ...over,
});

const approval: Approval = {
  id: 9,
  run_id: 2,
  step_id: 3,
  tool: "files/write_file",
  arguments: '{"path":"a.md"}',
  reason: "Writing files needs your OK",
  status: "pending",
  created_at: new Date().toISOString(),
  decided_at: null,
  agent: "Research",
  task_id: 1,
};

function detail(r: Run): RunDetail {
  const base = {
    call_id: null,
    arguments: null,
    error: null,
    tokens_in: 0,
    tokens_out: 0,
    ms: 40,
    created_at: r.created_at,
  };
  return {
    run: r,
    steps: [
      {
        ...base,
        id: 1,
        kind: "model",
        status: "done",
        tool: null,
        content: "Looking for the notes first.",
        tokens_in: 1800,
        tokens_out: 96,
      },
      {
        ...base,
        id: 2,
        kind: "tool",
        status: "failed",
        tool: "web/fetch",
        arguments: '{"url":"https://example.com"}',
        content: "",
        error: "HTTP 503 from example.com",
      },
      {
        ...base,
        id: 3,
        kind: "tool",
        status: "waiting_approval",
        tool: "files/write_file",
        arguments: '{"path":"a.md"}',
        content: "",
      },
    ],
    approvals: [approval],
  };
}

describe("run timeline", () => {
  it("lists runs newest first and shows the expanded run's steps, errors and a pending approval", async () => {
    const onDecide = vi.fn();
    const onExpand = vi.fn();
    const latest = run({ id: 2, status: "waiting_approval" });
    const older = run({ id: 1, status: "failed", error: "model refused: quota exceeded" });
    render(
      <RunTimeline
        runs={[latest, older]}
        detail={detail(latest)}
        expandedId={2}
        onExpand={onExpand}
        onDecide={onDecide}
      />,
    );

    const runs = screen.getAllByRole("listitem").filter((li) => li.classList.contains("run"));
    expect(runs.map((r) => r.dataset.run)).toEqual(["2", "1"]);
    const head = within(runs[0].querySelector<HTMLElement>(".run-head")!);
    expect(head.getByText("Needs approval")).toBeInTheDocument();
    expect(head.getByText(/5\.1k in · 884 out · 14\.2 s/)).toBeInTheDocument();
    expect(within(runs[1]).getByText("model refused: quota exceeded")).toHaveClass("step-error");

    const steps = within(screen.getByRole("list", { name: "Steps of run 2" }));
    expect(steps.getByText("Looking for the notes first.")).toBeInTheDocument();
    expect(steps.getByText("web/fetch")).toBeInTheDocument();
    expect(steps.getByText('{"url":"https://example.com"}')).toBeInTheDocument();
    expect(steps.getByText("HTTP 503 from example.com")).toHaveClass("step-error");
    expect(steps.getByText("Writing files needs your OK")).toBeInTheDocument();

    const user = userEvent.setup();
    await user.click(steps.getByRole("button", { name: "Approve files/write_file" }));
    expect(onDecide).toHaveBeenCalledWith(approval, true);
    await user.click(steps.getByRole("button", { name: "Deny files/write_file" }));
    expect(onDecide).toHaveBeenLastCalledWith(approval, false);
    // Only the expanded run shows steps; its header folds it.
    expect(screen.queryByRole("list", { name: "Steps of run 1" })).not.toBeInTheDocument();
    await user.click(within(runs[0]).getByRole("button", { expanded: true }));
    expect(onExpand).toHaveBeenCalledWith(-1);
  });

  it("in the task panel: approving calls decide_approval and the run completes", async () => {
    const backend = installBackend({
      tasks: [
        {
          id: 1,
          title: "Draft the plan",
          assigned_agent: "Proposal Generator",
          agent_reason: "keyword 'draft'",
        },
        { id: 2, title: "Other" },
      ],
    });
    backend.agents.seedDemo(2, 1);
    backend.agents.runMs = 10;
    const user = userEvent.setup();
    render(<App />);
    await waitFor(() => expect(screen.queryByText("Loading tasks…")).not.toBeInTheDocument());
    await user.click(card("Draft the plan"));

    const panel = within(screen.getByRole("complementary", { name: "Task details" }));
    expect(panel.getByLabelText("Agent")).toHaveValue("Proposal Generator");
    expect(panel.getByText("Why this agent: keyword 'draft'")).toBeInTheDocument();
    await user.click(await panel.findByRole("button", { name: "Approve files/write_file" }));
    expect(backend.callsTo("decide_approval")).toEqual([{ id: 1, approve: true }]);
    expect(
      await panel.findByText(
        "Saved the draft to q3-planning.md.",
        { selector: ".step-text" },
        { timeout: 2000 },
      ),
    ).toBeInTheDocument();
    expect(panel.getAllByText("Completed", { selector: ".run-badge" })).toHaveLength(1);
  });

  it("reassigns, and Run starts the chosen agent (disabled with a hint when none is chosen)", async () => {
    const backend = installBackend({ tasks: [{ id: 1, title: "Look into CRMs" }] });
    backend.agents.runMs = 10;
    const user = userEvent.setup();
    render(<App />);
    await waitFor(() => expect(screen.queryByText("Loading tasks…")).not.toBeInTheDocument());
    await user.click(card("Look into CRMs"));
    const panel = within(screen.getByRole("complementary", { name: "Task details" }));
    expect(panel.getByRole("button", { name: "Run agent" })).toBeDisabled();
    expect(panel.getByText("Choose an agent to run it on this task.")).toBeInTheDocument();
    expect(panel.getByText("No runs yet.")).toBeInTheDocument();

    await user.selectOptions(await panel.findByLabelText("Agent"), "Research");
    expect(backend.callsTo("assign_agent")).toEqual([{ task: 1, agent: "Research" }]);
    await user.click(panel.getByRole("button", { name: "Run Research" }));
    expect(backend.callsTo("run_agent")).toEqual([{ agent: "Research", task: 1 }]);
    expect(
      await panel.findByText("Completed", { selector: ".run-badge" }, { timeout: 2000 }),
    ).toBeInTheDocument();
    await waitFor(() => expect(backend.tasks[0].agent_output).toMatch(/^Done/));

    await user.selectOptions(panel.getByLabelText("Agent"), "");
    await settle();
    expect(backend.callsTo("assign_agent").at(-1)).toEqual({ task: 1, agent: null });
  });
  it("Run workflow starts the pipeline and its agents' runs appear in order", async () => {
    const backend = installBackend({ tasks: [{ id: 1, title: "Henderson proposal" }] });
    backend.agents.runMs = 10;
    const user = userEvent.setup();
    render(<App />);
    await waitFor(() => expect(screen.queryByText("Loading tasks…")).not.toBeInTheDocument());
    await user.click(card("Henderson proposal"));
    const panel = within(screen.getByRole("complementary", { name: "Task details" }));
    expect(await panel.findByLabelText("Workflow")).toHaveValue("Proposal pipeline");
    expect(panel.getByRole("button", { name: "Run workflow" })).toHaveAttribute(
      "title",
      expect.stringContaining("Research → Proposal Generator → QA Verifier"),
    );
    await user.click(panel.getByRole("button", { name: "Run workflow" }));
    expect(backend.callsTo("run_workflow")).toEqual([{ name: "Proposal pipeline", task: 1 }]);
    await waitFor(
      () =>
        expect(backend.agents.runs.map((r) => [r.agent, r.status])).toEqual([
          ["Research", "completed"],
          ["Proposal Generator", "completed"],
          ["QA Verifier", "completed"],
        ]),
      { timeout: 2000 },
    );
    await waitFor(() =>
      expect(panel.getAllByText("Completed", { selector: ".run-badge" })).toHaveLength(3),
    );
  });
});
