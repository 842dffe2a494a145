// Demo data for `vite --mode mock` (and the e2e test).

import type { Category, Task, Transcript } from "../bindings";
import { localDate } from "./mockBackend";

export const DEMO_CATEGORIES: Category[] = [
  { name: "work", color: "#4f7cff" },
  { name: "home", color: "#30a46c" },
  { name: "errands", color: "#f5a524" },
  { name: "health", color: "#e5484d" },
];

export function demoTranscripts(): Transcript[] {
  return [
    {
      id: 1,
      text: "Okay so tomorrow I need to call Joe about the contract, that's urgent, and also book the dentist sometime next week.",
      audio_path: null,
      duration_ms: 7400,
      model: "whisper-small",
      language: "en",
      created_at: new Date(Date.now() - 3600_000).toISOString(),
      extracted_task_ids: [1, 4],
    },
  ];
}

export function demoTasks(): Partial<Task>[] {
  return [
    {
      id: 1,
      title: "Call Joe about the contract",
      category: "work",
      priority: "high",
      due: localDate(1),
      source_transcript_id: 1,
    },
    {
      id: 2,
      title: "Draft Q3 planning doc",
      category: "work",
      due: localDate(4),
      description: "Outline goals, owners, risks.",
      assigned_agent: "Proposal Generator",
      agent_reason: "keyword 'draft'",
    },
    { id: 3, title: "Buy groceries", category: "errands", priority: "low", due: localDate(0) },
    {
      id: 4,
      title: "Book dentist appointment",
      category: "health",
      due: localDate(9),
      source_transcript_id: 1,
    },
    {
      id: 5,
      title: "Summarize customer interviews",
      category: "work",
      status: "in_progress",
      assigned_agent: "Research",
      agent_reason: "keyword 'research'",
      agent_output:
        "## Findings\n\n- **Onboarding** is the #1 complaint\n- Export to CSV requested by 4/6\n\n```\nutter tasks list --status blocked\n```\n\n<script>alert('xss')</script><img src=x onerror=\"alert('xss')\">",
    },
    {
      id: 6,
      title: "Fix the leaking kitchen tap",
      category: "home",
      status: "in_progress",
      priority: "high",
      due: localDate(-2),
    },
    {
      id: 7,
      title: "Renew passport",
      category: "errands",
      status: "blocked",
      description: "Waiting for new photos.",
    },
    {
      id: 8,
      title: "Ship v0.1 release notes",
      category: "work",
      status: "completed",
      due: localDate(-1),
    },
    { id: 9, title: "Morning run", category: "health", status: "completed", priority: "low" },
    { id: 10, title: "Plan weekend trip", category: "home", priority: "low" },
  ];
}

/** Many tasks, for checking that the board stays smooth. */
export function bulkTasks(n: number): Partial<Task>[] {
  const cats = DEMO_CATEGORIES.map((c) => c.name);
  const statuses = ["pending", "in_progress", "completed", "blocked"] as const;
  const prios = ["low", "medium", "high"] as const;
  return Array.from({ length: n }, (_, i) => ({
    id: i + 1,
    title: `Task number ${i + 1}`,
    category: cats[i % cats.length],
    status: statuses[i % 4 === 3 ? 3 : i % 3],
    priority: prios[i % 3],
    due: i % 5 === 0 ? localDate((i % 20) - 5) : null,
    position: i,
  }));
}
