// Component-test harness: the real App and api.ts, with Tauri IPC mocked at the
// boundary (mockIPC) by the in-memory MockBackend.

import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { mockIPC, mockWindows } from "@tauri-apps/api/mocks";

import { App } from "../App";
import { events } from "../bindings";
import type { ChangeEvent, Status } from "../bindings";
import { MockBackend } from "../mock/mockBackend";
import { sendEvent } from "../mock/mockDesktop";

export type BackendInit = ConstructorParameters<typeof MockBackend>[0];

export function installBackend(init: BackendInit = {}, opts: { liveEvents?: boolean } = {}) {
  const backend = new MockBackend(init);
  mockWindows("main");
  mockIPC((cmd, args) => backend.handle(cmd, (args ?? {}) as Record<string, unknown>), {
    shouldMockEvents: true,
  });
  if (opts.liveEvents ?? true) backend.onChange = (e) => void events.storeChanged.emit(e);
  // Voice, download and view events reach the page like the core's do.
  backend.desktop.emit = sendEvent;
  return backend;
}

/**
 * Runs `change` (nothing by default) in React's async act(), which then lets the promises it
 * set off settle before the test goes on.
 */
export function settle(change: () => void = () => {}): Promise<void> {
  return act(() => {
    change();
    return Promise.resolve();
  });
}

export function emitStoreChanged(e: ChangeEvent = { kind: "external" }) {
  return events.storeChanged.emit(e);
}

export async function renderApp(init: BackendInit = {}, opts: { liveEvents?: boolean } = {}) {
  const backend = installBackend(init, opts);
  const user = userEvent.setup();
  const utils = render(<App />);
  await waitFor(() => expect(screen.queryByText("Loading tasks…")).not.toBeInTheDocument());
  return { backend, user, ...utils };
}

export function column(status: Status): HTMLElement {
  const el = document.querySelector<HTMLElement>(`.column[data-status="${status}"]`);
  if (!el) throw new Error(`no column ${status}`);
  return el;
}

/** Card titles in a column, top to bottom. */
export function titlesIn(status: Status): string[] {
  return [...column(status).querySelectorAll(".card-title")].map((e) => e.textContent ?? "");
}

export function card(title: string): HTMLElement {
  const el = screen
    .getByText(title, { selector: ".card-title" })
    .closest<HTMLElement>("[data-card]");
  if (!el) throw new Error(`no card ${title}`);
  return el;
}

export function countOf(status: Status): string {
  return within(column(status)).getByTestId(`count-${status}`).textContent ?? "";
}

export const sampleTasks = () => [
  { id: 1, title: "Write report", category: "work", priority: "high" as const },
  { id: 2, title: "Buy milk", category: "errands", priority: "low" as const },
  { id: 3, title: "Call mom", category: "home" },
  {
    id: 4,
    title: "Fix bug 42",
    status: "in_progress" as const,
    category: "work",
    assigned_agent: "claude",
  },
  { id: 5, title: "Ship it", status: "completed" as const },
  { id: 6, title: "Waiting on legal", status: "blocked" as const },
];

export const sampleCategories = [
  { name: "work", color: "#4f7cff" },
  { name: "home", color: "#30a46c" },
  { name: "errands", color: "#f5a524" },
];
