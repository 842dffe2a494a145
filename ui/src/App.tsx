import { useCallback, useMemo, useRef, useState } from "react";

import type { Status, Task } from "./bindings";
import { dropIndex, locate } from "./board/boardModel";
import { PRIORITY_LABELS } from "./board/columns";
import { formatDue } from "./board/due";
import { firstCard, neighborStatus, verticalNeighbor } from "./board/navigation";
import { Board } from "./components/Board";
import { EmptyState } from "./components/EmptyState";
import { FilterBar } from "./components/FilterBar";
import { GearIcon } from "./components/GearIcon";
import { QuickAdd } from "./components/QuickAdd";
import { RecordButton } from "./components/RecordButton";
import { ShortcutHelp } from "./components/ShortcutHelp";
import { TaskDetail } from "./components/TaskDetail";
import { Toasts } from "./components/Toasts";
import { UpdateButton } from "./components/UpdateButton";
import { useAgents } from "./hooks/useAgents";
import { useApprovals } from "./hooks/useApprovals";
import { useBoard } from "./hooks/useBoard";
import { useReportFirstPaint } from "./hooks/useReportFirstPaint";
import { useFilters } from "./hooks/useFilters";
import { isTypingTarget, useKeyboardShortcuts } from "./hooks/useKeyboardShortcuts";
import { useToasts } from "./hooks/useToasts";
import { categoryColors } from "./lib/categoryColor";
import { useDesktopViews } from "./hooks/useDesktopViews";
import { useVoiceToasts } from "./hooks/useVoiceToasts";
import { Agents } from "./views/Agents";
import { Approvals } from "./views/Approvals";
import { Dumps } from "./views/Dumps";
import { ChatPanel } from "./views/ChatPanel";
import { McpServers } from "./views/McpServers";
import { Onboarding } from "./views/Onboarding";
import { Settings } from "./views/Settings";

function focusCardElement(id: number | null) {
  if (id == null) return;
  document.querySelector<HTMLElement>(`[data-card="${id}"]`)?.focus();
}

function describeAdded(t: Task): string {
  const parts = [`Added “${t.title}”`];
  if (t.due) parts.push(formatDue(t.due)?.label ?? t.due);
  if (t.priority !== "medium") parts.push(PRIORITY_LABELS[t.priority]);
  if (t.category) parts.push(t.category);
  return parts.join(" · ");
}

export function App() {
  const { toasts, notify, dismiss } = useToasts();
  const board = useBoard(notify, dismiss);
  const agents = useAgents();
  const approvals = useApprovals(notify);
  useVoiceToasts(notify);
  useReportFirstPaint(board.loadState === "ready", board.tasks.length);
  const { filters, setFilters, active: filtering, visible, clear } = useFilters(board.columns);

  const [focusedId, setFocusedId] = useState<number | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);
  const [editNonce, setEditNonce] = useState(0);
  const [helpOpen, setHelpOpen] = useState(false);
  /** The open chat: `{ task: null }` is the board's, `{ task: id }` a task's; null = closed. */
  const [chat, setChat] = useState<{ task: number | null } | null>(null);
  const quickAddRef = useRef<HTMLInputElement>(null);
  const filterRef = useRef<HTMLInputElement>(null);

  const colors = useMemo(() => categoryColors(board.categories), [board.categories]);
  const categoryNames = useMemo(() => {
    const names = new Set(board.categories.map((c) => c.name));
    for (const t of board.tasks) if (t.category) names.add(t.category);
    return [...names].sort((a, b) => a.localeCompare(b));
  }, [board.categories, board.tasks]);

  const openTask = useMemo(
    () => (openId == null ? null : (board.tasks.find((t) => t.id === openId) ?? null)),
    [board.tasks, openId],
  );
  // The open task was deleted (here or elsewhere): close the panel (during render, so the
  // panel is never painted for a task that is gone).
  if (openId != null && !openTask && board.loadState === "ready") setOpenId(null);

  const tabStopId =
    focusedId != null && locate(visible, focusedId) ? focusedId : firstCard(visible);

  // While the panel is open, moving focus shows the newly focused card in it.
  const focusCard = useCallback((id: number) => {
    setFocusedId(id);
    setOpenId((o) => (o != null ? id : o));
  }, []);
  const open = useCallback((id: number) => {
    setFocusedId(id);
    setOpenId(id);
  }, []);
  const { view, setView, hotkey, settingsFocus } = useDesktopViews(open);
  const toggleChat = useCallback(() => setChat((c) => (c ? null : { task: null })), []);
  const chatTask =
    chat?.task != null ? (board.tasks.find((t) => t.id === chat.task) ?? null) : null;
  // A task's chat closes with its task.
  if (chat?.task != null && !chatTask && board.loadState === "ready") setChat(null);

  const { move, remove, update, quickAdd: addText, undo } = board;

  const moveCard = useCallback(
    (id: number, status: Status, index: number) => {
      setFocusedId(id);
      void move(id, status, index);
    },
    [move],
  );

  /** Shift a card to the neighbouring column, at the same visible row. */
  const shiftColumn = useCallback(
    (id: number, delta: -1 | 1) => {
      const at = locate(visible, id);
      const dest = at && neighborStatus(at.status, delta);
      if (!at || !dest) return;
      const destVisible = visible[dest].filter((t) => t.id !== id);
      const anchor = destVisible[at.index] ?? destVisible[destVisible.length - 1] ?? null;
      const edge = destVisible[at.index] ? "before" : "after";
      moveCard(id, dest, dropIndex(board.columns[dest], id, anchor?.id ?? null, edge));
    },
    [board.columns, moveCard, visible],
  );

  /** Swap a card with its visible neighbour above/below. */
  const reorder = useCallback(
    (id: number, delta: -1 | 1) => {
      const at = locate(visible, id);
      if (!at) return;
      const other = visible[at.status][at.index + delta];
      if (!other) return;
      moveCard(
        id,
        at.status,
        dropIndex(board.columns[at.status], id, other.id, delta < 0 ? "before" : "after"),
      );
    },
    [board.columns, moveCard, visible],
  );

  const removeCard = useCallback(
    (id: number) => {
      const below = verticalNeighbor(visible, id, 1);
      const next = below !== id ? below : verticalNeighbor(visible, id, -1);
      setFocusedId(next !== id ? next : null);
      void remove(id);
    },
    [remove, visible],
  );

  const quickAdd = useCallback(
    async (text: string) => {
      const t = await addText(text);
      if (t) {
        setFocusedId(t.id);
        notify(describeAdded(t));
      }
      return t;
    },
    [addText, notify],
  );

  const escape = useCallback(() => {
    const active = document.activeElement;
    if (isTypingTarget(active)) {
      (active as HTMLElement).blur();
      focusCardElement(focusedId);
      return true;
    }
    if (helpOpen) {
      setHelpOpen(false);
      return true;
    }
    if (view !== "board") return true;
    if (openId != null) {
      setOpenId(null);
      focusCardElement(focusedId ?? openId);
      return true;
    }
    return false;
  }, [focusedId, helpOpen, openId, view]);

  useKeyboardShortcuts({
    columns: visible,
    focusedId,
    // Settings and setup cover the board: its shortcuts rest meanwhile.
    helpOpen: helpOpen || view !== "board",
    setFocused: focusCard,
    open,
    edit: (id) => {
      open(id);
      setEditNonce((n) => n + 1);
    },
    remove: removeCard,
    shiftColumn,
    reorder,
    undo: () => void undo(),
    focusQuickAdd: () => quickAddRef.current?.focus(),
    focusFilter: () => {
      filterRef.current?.focus();
      filterRef.current?.select();
    },
    toggleHelp: () => setHelpOpen((v) => !v),
    goTo: setView,
    toggleChat,
    escape,
  });

  const empty = board.loadState === "ready" && board.tasks.length === 0;

  return (
    <div className="app" data-panel-open={openTask != null || undefined}>
      <header className="topbar">
        <div className="brand" aria-label="Utter">
          <span className="brand-mark" aria-hidden="true" />
          Utter
        </div>
        <RecordButton notify={notify} />
        <QuickAdd inputRef={quickAddRef} onAdd={quickAdd} />
        <FilterBar
          filters={filters}
          onChange={setFilters}
          categories={categoryNames}
          active={filtering}
          onClear={clear}
          textRef={filterRef}
        />
        <button
          type="button"
          className="ghost-button topbar-button"
          title="Chat (g c)"
          aria-pressed={chat != null && chat.task == null}
          onClick={() => setChat((c) => (c && c.task == null ? null : { task: null }))}
        >
          Chat
        </button>
        <button
          type="button"
          className="ghost-button topbar-button"
          title="What you said, and the cards it made (g d)"
          onClick={() => setView("dumps")}
        >
          Dumps
        </button>
        <button
          type="button"
          className="ghost-button topbar-button"
          title="Agents (g a)"
          onClick={() => setView("agents")}
        >
          Agents
        </button>
        <button
          type="button"
          className="ghost-button topbar-button"
          aria-label={`Approvals, ${approvals.approvals.length} waiting`}
          title="Approvals (g i)"
          data-waiting={approvals.approvals.length > 0 || undefined}
          onClick={() => setView("approvals")}
        >
          Approvals
          {approvals.approvals.length > 0 && (
            <span className="count-badge" aria-hidden="true">
              {approvals.approvals.length}
            </span>
          )}
        </button>
        <button
          type="button"
          className="icon-button settings-button"
          aria-label="Settings"
          title="Settings (,)"
          onClick={() => setView("settings")}
        >
          <GearIcon />
        </button>
        <button
          type="button"
          className="icon-button help-button"
          aria-label="Keyboard shortcuts"
          title="Keyboard shortcuts (?)"
          onClick={() => setHelpOpen(true)}
        >
          ?
        </button>
      </header>
      <UpdateButton notify={notify} />

      <div className="workspace">
        {board.loadState === "loading" && (
          <div className="loading" aria-busy="true">
            Loading tasks…
          </div>
        )}
        {board.loadState === "error" && (
          <div className="load-error" role="alert">
            <p>Could not load tasks: {board.loadError}</p>
            <button type="button" className="ghost-button" onClick={() => void board.reload()}>
              Retry
            </button>
          </div>
        )}
        {empty && <EmptyState onQuickAdd={() => quickAddRef.current?.focus()} />}
        {board.loadState === "ready" && !empty && (
          <Board
            columns={visible}
            fullColumns={board.columns}
            filtering={filtering}
            colors={colors}
            focusedId={focusedId}
            tabStopId={tabStopId}
            openId={openId}
            onFocusCard={focusCard}
            onOpen={open}
            onMove={moveCard}
            onDragging={board.setDragging}
          />
        )}
        {openTask && (
          <TaskDetail
            key={openTask.id}
            task={openTask}
            categories={categoryNames}
            agents={agents.agents}
            notify={notify}
            editNonce={editNonce}
            onUpdate={(patch) => void update(openTask.id, patch)}
            onMove={(status) => moveCard(openTask.id, status, 0)}
            onDelete={() => removeCard(openTask.id)}
            onClose={() => setOpenId(null)}
            onChat={() => setChat({ task: openTask.id })}
            onOpenTask={setOpenId}
          />
        )}
        {chat && (chat.task == null || chatTask) && (
          <ChatPanel
            key={chat.task ?? "board"}
            task={chatTask}
            refreshKey={view}
            onClose={() => setChat(null)}
            onOpenSettings={() => setView("settings")}
          />
        )}
      </div>

      {helpOpen && <ShortcutHelp hotkey={hotkey} onClose={() => setHelpOpen(false)} />}
      {view === "settings" && (
        <Settings
          onClose={() => setView("board")}
          onSetup={() => setView("onboarding")}
          focus={settingsFocus}
        />
      )}
      {view === "onboarding" && <Onboarding onDone={() => setView("board")} />}
      {view === "approvals" && (
        <Approvals
          approvals={approvals.approvals}
          tasks={board.tasks}
          onDecide={(a, ok) => void approvals.decide(a, ok)}
          onClose={() => setView("board")}
        />
      )}
      {view === "agents" && (
        <Agents
          agents={agents.agents}
          loadError={agents.error}
          notify={notify}
          onChanged={() => void agents.reload()}
          onClose={() => setView("board")}
          onServers={() => setView("mcp")}
        />
      )}
      {view === "mcp" && <McpServers onClose={() => setView("agents")} />}
      {view === "dumps" && (
        <Dumps
          notify={notify}
          onOpenTask={(id) => {
            setView("board");
            open(id);
          }}
          onClose={() => setView("board")}
        />
      )}
      <Toasts toasts={toasts} onDismiss={dismiss} />
    </div>
  );
}
