// The agent half of the mock core: definitions, runs with their steps, approvals. A mock run
// "works" for `runMs` and then completes; store-changed events go out as the core's would.
import { commandError } from "./commandError";
import type {
  AgentDef,
  Approval,
  ChangeEvent,
  Run,
  RunDetail,
  RunStep,
  Task,
  WorkflowDef,
  WorkflowRun,
} from "../bindings";

type Args = Record<string, unknown>;

function agent(
  name: string,
  description: string,
  category: string,
  servers: string[],
  keywords: string[],
  prompt: string,
): AgentDef {
  return {
    name,
    description,
    system_prompt: prompt,
    mcp_servers: servers,
    tool_permissions: [
      { pattern: "*", permission: "ask" },
      { pattern: "*/read_*", permission: "allow" },
      { pattern: "*/search*", permission: "allow" },
    ],
    trigger_keywords: keywords,
    categories: [category],
    schedule: null,
    enabled: true,
    builtin: true,
    max_steps: 12,
  };
}

/** The agents the core ships (the last one is the chat panel's). */
export function builtinAgents(): AgentDef[] {
  return [
    agent(
      "Meeting Prep",
      "Gathers notes, attendees and open questions before a meeting.",
      "Meetings",
      ["calendar", "files"],
      ["meeting", "call", "agenda"],
      "You prepare the user for a meeting. Find the attendees, earlier notes and open questions, and write a one-page brief.",
    ),
    agent(
      "Proposal Generator",
      "Drafts proposals and quotes from the task and earlier documents.",
      "Writing",
      ["files"],
      ["proposal", "quote", "draft"],
      "You draft business proposals. Reuse the user's earlier proposals in the files folder for tone and pricing.",
    ),
    agent(
      "Research",
      "Searches the web and summarizes what it finds, with sources.",
      "Research",
      ["web", "files"],
      ["research", "find out", "compare"],
      "You research a question and answer with a short summary and a list of sources.",
    ),
    agent(
      "CRM Sync",
      "Keeps contacts and deals in the CRM current.",
      "Sales",
      ["crm"],
      ["crm", "deal", "lead"],
      "You update the CRM from the task: contacts, deals, next steps. Never delete records.",
    ),
    agent(
      "QA Verifier",
      "Checks that a finished development task really works.",
      "Development",
      ["shell", "files"],
      ["verify", "test", "qa"],
      "You verify a development task: run the tests, read the diff, and report what passed and what did not.",
    ),
    {
      ...agent(
        "Chat",
        "The chat panel. Its servers and tool rules decide what the chat may use; it never picks up tasks.",
        "",
        [],
        [],
        "You are Utter's assistant, in a side panel next to the user's kanban board.",
      ),
      categories: [],
    },
  ];
}

const iso = (msAgo: number) => new Date(Date.now() - msAgo).toISOString();

export class MockAgents {
  static live = new Set<MockAgents>();
  static disposeAll() {
    MockAgents.live.forEach((a) => a.dispose());
    MockAgents.live.clear();
  }

  agents: AgentDef[] = builtinAgents();
  runs: Run[] = [];
  steps = new Map<number, RunStep[]>();
  approvals: Approval[] = [];
  workflows: WorkflowDef[] = [
    {
      name: "Proposal pipeline",
      agents: ["Research", "Proposal Generator", "QA Verifier"],
      max_retries: 2,
    },
  ];
  /** How long a mock run works before it completes. */
  runMs = 700;
  private timers = new Set<ReturnType<typeof setTimeout>>();
  private nextRun = 1;
  private nextStep = 1;
  private nextApproval = 1;

  constructor(
    private changed: (e: ChangeEvent) => void,
    private findTask: (id: unknown) => Task,
  ) {
    MockAgents.live.add(this);
  }

  dispose() {
    this.timers.forEach((t) => clearTimeout(t));
    this.timers.clear();
    this.changed = () => undefined;
  }

  handles(cmd: string): boolean {
    return [
      "list_agents",
      "save_agent",
      "reset_agent",
      "assign_agent",
      "list_runs",
      "get_run",
      "list_approvals",
      "run_agent",
      "decide_approval",
      "resume_run",
      "cancel_run",
      "list_workflows",
      "run_workflow",
    ].includes(cmd);
  }

  /** Demo data: a finished run on one task and a run waiting for an approval on another. */
  seedDemo(doneTask: number, waitingTask: number) {
    const done = this.addRun("Research", doneTask, "completed", 9 * 60_000);
    Object.assign(done, {
      output: "Summary written to the task.",
      tokens_in: 5120,
      tokens_out: 884,
      execution_ms: 14_200,
    });
    this.addStep(done, {
      kind: "model",
      content: "I'll search for the interview notes first.",
      arguments: '[{"name":"files/search"}]',
      tokens_in: 1800,
      tokens_out: 96,
      ms: 2100,
    });
    this.addStep(done, {
      kind: "tool",
      tool: "files/search",
      arguments: '{"query":"customer interviews","limit":10}',
      content: "6 files: interview-01.md … interview-06.md",
      ms: 320,
    });
    this.addStep(done, {
      kind: "model",
      content: "## Findings\n\nOnboarding is the #1 complaint; 4 of 6 asked for CSV export.",
      tokens_in: 3320,
      tokens_out: 788,
      ms: 11_400,
    });

    const waiting = this.addRun("Proposal Generator", waitingTask, "waiting_approval", 2 * 60_000);
    Object.assign(waiting, { tokens_in: 2210, tokens_out: 412, execution_ms: 6800 });
    this.addStep(waiting, {
      kind: "model",
      content: "I have a draft; saving it next to the earlier plans.",
      arguments: '[{"name":"files/write_file"}]',
      tokens_in: 2210,
      tokens_out: 412,
      ms: 6100,
    });
    const write = this.addStep(waiting, {
      kind: "tool",
      status: "waiting_approval",
      tool: "files/write_file",
      arguments: JSON.stringify({
        path: "~/Documents/plans/q3-planning.md",
        content: "# Q3 planning\n\n## Goals\n- Ship agents\n- Halve onboarding time\n",
      }),
      content: "",
    });
    this.addApproval(waiting, write, 'Writing files needs your OK (rule "*" = ask)');
  }

  private addRun(agentName: string, taskId: number | null, status: Run["status"], msAgo = 0): Run {
    const run: Run = {
      id: this.nextRun++,
      agent: agentName,
      task_id: taskId,
      status,
      prompt: taskId != null ? `Work on task #${taskId}` : "",
      output: null,
      tokens_in: 0,
      tokens_out: 0,
      execution_ms: 0,
      error: null,
      created_at: iso(msAgo),
      updated_at: iso(msAgo),
      workflow_run: null,
    };
    this.runs.push(run);
    this.steps.set(run.id, []);
    return run;
  }

  private addStep(run: Run, s: Partial<RunStep>): RunStep {
    const step: RunStep = {
      id: this.nextStep++,
      kind: "model",
      status: "done",
      tool: null,
      call_id: s.kind === "tool" ? `call_${this.nextStep}` : null,
      arguments: null,
      content: "",
      error: null,
      tokens_in: 0,
      tokens_out: 0,
      ms: 0,
      created_at: run.created_at,
      ...s,
    };
    this.steps.get(run.id)!.push(step);
    return step;
  }

  private addApproval(run: Run, step: RunStep, reason: string): Approval {
    const a: Approval = {
      id: this.nextApproval++,
      run_id: run.id,
      step_id: step.id,
      tool: step.tool ?? "",
      arguments: step.arguments ?? "{}",
      reason,
      status: "pending",
      created_at: step.created_at,
      decided_at: null,
      agent: run.agent,
      task_id: run.task_id,
    };
    this.approvals.push(a);
    return a;
  }

  private later(fn: () => void) {
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, this.runMs);
    this.timers.add(t);
  }

  private run(id: unknown): Run {
    const r = this.runs.find((x) => x.id === id);
    if (!r) throw commandError("not_found", `run ${String(id)} not found`);
    return r;
  }

  private runUpdated(r: Run) {
    r.updated_at = new Date().toISOString();
    this.changed({ kind: "run_updated", id: r.id, task_id: r.task_id });
  }

  /** The model's last turn: writes the output, completes the run. */
  private finish(r: Run, text: string) {
    if (r.status === "cancelled") return;
    this.addStep(r, {
      kind: "model",
      content: text,
      tokens_in: 900,
      tokens_out: 220,
      ms: this.runMs,
      created_at: new Date().toISOString(),
    });
    Object.assign(r, {
      status: "completed",
      output: text,
      tokens_in: r.tokens_in + 900,
      tokens_out: r.tokens_out + 220,
      execution_ms: r.execution_ms + this.runMs,
    });
    if (r.task_id != null) {
      try {
        const t = this.findTask(r.task_id);
        t.agent_output = text;
        this.changed({ kind: "task_updated", id: t.id });
      } catch {
        // The task was deleted while the run worked.
      }
    }
    this.runUpdated(r);
  }

  dispatch(cmd: string, a: Args): unknown {
    switch (cmd) {
      case "list_agents":
        return this.agents.map((x) => structuredClone(x));
      case "save_agent": {
        const def = structuredClone(a.agent as AgentDef);
        if (!def.name?.trim()) throw commandError("invalid", "agent name must not be empty");
        if (def.max_steps < 1) throw commandError("invalid", "max_steps must be at least 1");
        const i = this.agents.findIndex((x) => x.name === def.name);
        def.builtin = i >= 0 ? this.agents[i].builtin : false;
        if (i >= 0) this.agents[i] = def;
        else this.agents.push(def);
        this.changed({ kind: "agent_changed", name: def.name });
        return structuredClone(def);
      }
      case "reset_agent": {
        const name = String(a.name);
        const i = this.agents.findIndex((x) => x.name === name);
        if (i < 0) throw commandError("not_found", `agent '${name}' not found`);
        const shipped = builtinAgents().find((x) => x.name === name);
        this.changed({ kind: "agent_changed", name });
        if (!shipped) {
          this.agents.splice(i, 1);
          return null;
        }
        this.agents[i] = shipped;
        return structuredClone(shipped);
      }
      case "assign_agent": {
        const t = this.findTask(a.task);
        const name = (a.agent ?? null) as string | null;
        if (name != null && !this.agents.some((x) => x.name === name))
          throw commandError("not_found", `agent '${name}' not found`);
        t.assigned_agent = name;
        t.agent_reason = name == null ? null : "assigned by you";
        t.updated_at = new Date().toISOString();
        this.changed({ kind: "task_updated", id: t.id });
        return { ...t };
      }
      case "list_runs":
        return this.runs
          .filter((r) => a.task == null || r.task_id === a.task)
          .sort((x, y) => y.id - x.id)
          .map((r) => ({ ...r }));
      case "get_run": {
        const run = this.run(a.id);
        const detail: RunDetail = {
          run: { ...run },
          steps: (this.steps.get(run.id) ?? []).map((s) => ({ ...s })),
          approvals: this.approvals.filter((x) => x.run_id === run.id).map((x) => ({ ...x })),
        };
        return detail;
      }
      case "list_approvals":
        return this.approvals
          .filter((x) => a.all === true || x.status === "pending")
          .map((x) => ({ ...x }));
      case "run_agent": {
        const def = this.agents.find((x) => x.name === a.agent);
        if (!def) throw commandError("not_found", `agent '${String(a.agent)}' not found`);
        if (!def.enabled) throw commandError("invalid", `agent '${def.name}' is disabled`);
        const task = this.findTask(a.task);
        const r = this.addRun(def.name, task.id, "running");
        this.runUpdated(r);
        this.later(() => this.finish(r, `Done: “${task.title}”. ${def.description}`));
        return { ...r };
      }
      case "decide_approval": {
        const ap = this.approvals.find((x) => x.id === a.id);
        if (!ap) throw commandError("not_found", `approval ${String(a.id)} not found`);
        if (ap.status !== "pending")
          throw commandError("invalid", `approval ${ap.id} was already decided`);
        const approve = a.approve === true;
        ap.status = approve ? "approved" : "denied";
        ap.decided_at = new Date().toISOString();
        const r = this.run(ap.run_id);
        const step = this.steps.get(r.id)?.find((s) => s.id === ap.step_id);
        if (step)
          Object.assign(
            step,
            approve
              ? { status: "done", content: "Wrote 78 bytes", ms: 12 }
              : { status: "denied", error: "denied by you" },
          );
        r.status = "running";
        this.changed({ kind: "approval_decided", id: ap.id });
        this.runUpdated(r);
        this.later(() =>
          this.finish(
            r,
            approve
              ? "Saved the draft to q3-planning.md."
              : "Left the file alone, as asked; the draft is in this output instead.",
          ),
        );
        return { ...ap };
      }
      case "resume_run": {
        const r = this.run(a.id);
        if (r.status === "running" || r.status === "failed") {
          r.status = "running";
          r.error = null;
          this.runUpdated(r);
          this.later(() => this.finish(r, "Picked up where it stopped and finished."));
        }
        return null;
      }
      case "list_workflows":
        return this.workflows.map((w) => structuredClone(w));
      case "run_workflow": {
        const wf = this.workflows.find((w) => w.name === a.name);
        if (!wf) throw commandError("not_found", `no workflow named '${String(a.name)}'`);
        const task = this.findTask(a.task);
        // Each agent runs after the one before it, like the core's workflow.
        const step = (i: number) => {
          if (i >= wf.agents.length) return;
          const r = this.addRun(wf.agents[i], task.id, "running");
          this.runUpdated(r);
          this.later(() => {
            this.finish(
              r,
              i + 1 === wf.agents.length
                ? "PASS\nEverything checks out."
                : `Step ${i + 1} of ${wf.name} done.`,
            );
            step(i + 1);
          });
        };
        step(0);
        const run: WorkflowRun = {
          id: 1,
          workflow: wf.name,
          task_id: task.id,
          definition: structuredClone(wf),
          status: "running",
          position: 0,
          retries: 0,
          current_run: null,
          run_ids: [],
          error: null,
          created_at: iso(0),
          updated_at: iso(0),
        };
        return run;
      }
      case "cancel_run": {
        const r = this.run(a.id);
        if (r.status === "running" || r.status === "waiting_approval") {
          r.status = "cancelled";
          for (const ap of this.approvals)
            if (ap.run_id === r.id && ap.status === "pending")
              Object.assign(ap, { status: "denied", decided_at: new Date().toISOString() });
          this.runUpdated(r);
        }
        return { ...r };
      }
    }
    throw `unknown command ${cmd}`;
  }
}
