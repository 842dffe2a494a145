// The one place the UI talks to the Rust core. The functions are generated from the Rust
// commands by tauri-specta (./bindings, never edited by hand); this file keeps the UI's
// names, a few defaults, the event subscriptions and the error helpers.

import type { UnlistenFn } from "@tauri-apps/api/event";

import { commands, events } from "./bindings";
import type {
  ChangeEvent,
  ChatEvent,
  CommandError,
  DownloadEvent,
  ErrorCode,
  SignInPage,
  TaskFilter,
  TaskPatch,
  VoiceEvent,
} from "./bindings";
import type { SettingKey } from "./bindings/SettingKey";

export function listTasks(filter: TaskFilter | null = null) {
  return commands.listTasks(filter);
}

export const getTask = commands.getTask;

export const createTask = commands.createTask;

/** The core parses inline due dates / priority ("Call Joe tomorrow !high"). */
export const quickAdd = commands.quickAdd;

export const updateTask = commands.updateTask;

/** `index`: 0-based slot in the destination column after removing the task from its old place. */
export const moveTask = commands.moveTask;

/** Returns the deleted task so it can be restored (undo). */
export const deleteTask = commands.deleteTask;

export const restoreTask = commands.restoreTask;

export const listCategories = commands.listCategories;

export const getTranscript = commands.getTranscript;

export const search = commands.search;

/**
 * Tells the core the board has been painted once, so it can log start-up time
 * (`board painted ms=…`); the start-up benchmark reads that line. Never fails the UI.
 */
export function reportBoardPainted(cards: number): Promise<void> {
  return commands.boardPainted(cards).catch(() => undefined);
}

/** Subscribe to store changes (from this window, the CLI, or another process). */
export function onStoreChanged(handler: (event: ChangeEvent) => void): Promise<UnlistenFn> {
  return events.storeChanged.listen((e) => handler(e.payload));
}

// ---- your data: export and import ---------------------------------------------------------

/** Writes the board to the Downloads folder (or the data dir's exports/) and says where. */
export const exportBoard = commands.exportBoard;

/** `apply: false` is the preview: what the file holds, nothing written. `from: null` detects the format. */
export const importBoard = commands.importBoard;

// ---- MCP servers: where agents get their tools --------------------------------------------

export const listMcpServers = commands.listMcpServers;

/** Secret values go to the OS keychain; the core never hands them back. */
export const addMcpServer = commands.addMcpServer;

/** `path: null` reads Claude Desktop's own config. */
export const importMcpServers = commands.importMcpServers;

export const removeMcpServer = commands.removeMcpServer;

/** A trusted server's read-only tools run without asking; others' always ask. */
export const setMcpServerTrusted = commands.setMcpServerTrusted;

/** Starts the server to ask for its tools: slow, and the place a broken server shows. */
export const mcpServerTools = commands.mcpServerTools;

/** Signs in to an HTTP server in the browser; resolves once the tokens are in the keychain. */
export const mcpLogin = commands.mcpLogin;

/** Stops a sign-in that is waiting for the browser; its `mcpLogin` rejects with "sign-in cancelled". */
export const mcpCancelSignIn = commands.mcpCancelSignIn;

/** Opens the page of a sign-in still waiting for the browser again (a closed tab). */
export const mcpOpenSignInPage = commands.mcpOpenSignInPage;

/** "Sign out and forget": the server's tokens and this machine's registration with it. */
export const mcpLogout = commands.mcpLogout;

/** A sign-in opened the browser on this page. */
export function onMcpSignIn(handler: (page: SignInPage) => void): Promise<UnlistenFn> {
  return events.mcpSignIn.listen((e) => handler(e.payload));
}

// ---- agents: definitions, runs, approvals ------------------------------------------------

export const listAgents = commands.listAgents;

export const saveAgent = commands.saveAgent;

/** A built-in goes back to its shipped version; a custom one is deleted (resolves to null). */
export const resetAgent = commands.resetAgent;

/** `agent: null` unassigns. */
export const assignAgent = commands.assignAgent;

/** Newest first; `task: null` lists every run. */
export const listRuns = commands.listRuns;

export const getRun = commands.getRun;

/** Pending approvals only, unless `all`. */
export function listApprovals(all: boolean | null = null) {
  return commands.listApprovals(all);
}

/** Resolves once the run has started; its progress arrives as `store-changed` events. */
export const runAgent = commands.runAgent;

/** The run goes on in the background after the decision. */
export const decideApproval = commands.decideApproval;

export const resumeRun = commands.resumeRun;

export const cancelRun = commands.cancelRun;

export const listWorkflows = commands.listWorkflows;

/** Starts a workflow on a task; its agents' runs appear in the task's timeline as they go. */
export const runWorkflow = commands.runWorkflow;

// ---- chat ----------------------------------------------------------------------------

/** The conversation for a scope: `null` = the board's, a number = that task's. */
export const chatThread = commands.chatThread;

/** Resolves with the final answer once the reply is complete; streams `chat` events meanwhile. */
export const chatSend = commands.chatSend;

export const chatStop = commands.chatStop;

export const chatClear = commands.chatClear;

/** Streamed pieces of a chat reply (`task_id` null = the board's chat). */
export function onChat(handler: (event: ChatEvent) => void): Promise<UnlistenFn> {
  return events.chat.listen((e) => handler(e.payload));
}

// ---- desktop: settings, status, microphones, models, recording -------------------------

/**
 * What the tray's (or the File menu's) "open-view" event can ask for; `task:ID` opens the board
 * with that task's panel, `settings:export` / `settings:restore` Settings → Data at that action.
 */
export type OpenView =
  | "board"
  | "settings"
  | "onboarding"
  | "approvals"
  | "agents"
  | "mcp"
  | `task:${number}`
  | "settings:export"
  | "settings:restore";

/** Setting keys `setSetting` accepts: generated from the core's list, so none is missing. */
export type { SettingKey };

export const getSettings = commands.getSettings;

/**
 * Saves one setting; `null` puts it back to its default. Returns all settings as stored.
 * Rejects with a `CommandError` when the core refuses (e.g. a shortcut another app owns: the
 * old one stays registered).
 */
export function setSetting(key: SettingKey, value: string | null) {
  return commands.setSetting(key, value);
}

/** Every setting from the core's registry with its stored value (`null`: the default holds). */
export const listSettings = commands.listSettings;

export const desktopStatus = commands.desktopStatus;

export const listInputDevices = commands.listInputDevices;

export const listModels = commands.listModels;

/** Resolves when the download has finished; progress arrives as `onModelDownload` events. */
export const downloadModel = commands.downloadModel;

/** Results arrive as `onVoice` events (state, level, partial, done / cancelled / error). */
export const startRecording = commands.startRecording;

export const stopRecording = commands.stopRecording;

/** Stops and discards the recording. */
export const cancelRecording = commands.cancelRecording;

/** Opens the device and sends `level` voice events until `stopLevelTest`; nothing is saved. */
export const startLevelTest = commands.startLevelTest;

export const stopLevelTest = commands.stopLevelTest;

/** Stores the provider; the API key (if any) goes to the OS keychain, never to the database. */
export const setLlmProvider = commands.setLlmProvider;

export const clearLlmProvider = commands.clearLlmProvider;

/** Deletes the tasks a recording created; returns how many were deleted. */
export const undoDump = commands.undoDump;

/** Takes back everything one dump did: its new cards, and what it changed on older ones. */
export const undoDumpItems = commands.undoDumpItems;

/** Cards a dump saved as "possibly the same as" another. */
export const possibleDuplicates = commands.possibleDuplicates;

/** Merges `other` into `keep`; `other` is cancelled (kept, off the board). */
export const mergeTasks = commands.mergeTasks;

/** Undo of a merge. */
export const putBackTasks = commands.putBackTasks;

/** "Not the same": drops the card's "possibly the same" flag. */
export const keepApart = commands.keepApart;

/** The meaning-search model: installed or not, cards waiting for a vector. */
export const embeddingStatus = commands.embeddingStatus;

/** Resolves when the model is installed; progress arrives as `onModelDownload` events. */
export const downloadEmbeddingModel = commands.downloadEmbeddingModel;

export const listVocabulary = commands.listVocabulary;

/** `replaceFrom`: what Whisper writes instead of `word` ("k8s" for "Kubernetes"). */
export const addVocabulary = commands.addVocabulary;

export const removeVocabulary = commands.removeVocabulary;

/** The words the next recording tells Whisper about (the user's, then names on the board). */
export const vocabularyTerms = commands.vocabularyTerms;

/** The voice journal, newest first. */
export function listDumps(limit = 50) {
  return commands.listDumps(limit);
}

/** Transcribes dump `id` again (when its recording is kept) and updates its cards in place. */
export const extractAgain = commands.extractAgain;

/** Takes back the last "extract again" of a dump (its toast's Undo). */
export const undoExtractAgain = commands.undoExtractAgain;

/** Where in its dump's recording a card was said; null when unknown or not kept. */
export const taskAudio = commands.taskAudio;

/** A dump's recording (or one card's seconds of it) as a playable blob URL; revoke it after use. */
export async function dumpAudioUrl(id: number, taskId: number | null = null): Promise<string> {
  const bytes = await commands.dumpAudio(id, taskId);
  return URL.createObjectURL(new Blob([bytes], { type: "audio/wav" }));
}

export function onVoice(handler: (event: VoiceEvent) => void): Promise<UnlistenFn> {
  return events.voice.listen((e) => handler(e.payload));
}

export function onModelDownload(handler: (event: DownloadEvent) => void): Promise<UnlistenFn> {
  return events.modelDownload.listen((e) => handler(e.payload));
}

export function onOpenView(handler: (view: OpenView) => void): Promise<UnlistenFn> {
  // The shell sends only the views below; the generated type is a plain string.
  return events.openView.listen((e) => handler(e.payload as OpenView));
}

/**
 * Ties a listener to an effect: `useEffect(() => subscribe(onVoice(h)), [])`. Unlistens on
 * cleanup, also when the cleanup runs before `listen` has resolved.
 */
export function subscribe(listening: Promise<UnlistenFn>): () => void {
  let off: UnlistenFn | null = null;
  let gone = false;
  void listening.then(
    (f) => (gone ? f() : (off = f)),
    () => undefined,
  );
  return () => {
    gone = true;
    off?.();
  };
}

/**
 * A TaskPatch that changes only the given fields: absent fields are left alone;
 * for the clearable ones (description, category, due, agent, output) `null` clears.
 * Undefined keys are dropped so they never reach the core as `null`.
 */
export function patchOf(fields: TaskPatch): TaskPatch {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) out[k] = v;
  return out;
}

// ---- backups (Settings → Data) ----

/** The archives in the data dir's backups folder, newest first. */
export const listBackups = commands.listBackups;

export const backupNow = commands.backupNow;

/** Replaces the board with a listed backup; the replaced database is kept aside. */
export const restoreBackup = commands.restoreBackup;

/** Opens the native file dialog for a backup archive anywhere; `null` when cancelled. */
export const chooseBackupFile = commands.chooseBackupFile;

/** Restores the archive just picked with `chooseBackupFile` (after the user confirms). */
export const restoreChosenBackup = commands.restoreChosenBackup;

// ---- errors ----

/**
 * The `CommandError` a rejected command threw, or null for anything else (a JavaScript error,
 * or the plain string Tauri rejects with for an unknown command or bad arguments).
 */
export function commandError(err: unknown): CommandError | null {
  if (err && typeof err === "object" && "code" in err && "message" in err)
    return err as CommandError;
  return null;
}

/** What kind of failure it was, to switch on (`"not_found"`, `"busy"`, `"cancelled"`, ...). */
export function errorCode(err: unknown): ErrorCode | null {
  return commandError(err)?.code ?? null;
}

/** Text for a toast: the error's message, then what the user can do about it when the app knows. */
export function errorMessage(err: unknown): string {
  const ce = commandError(err);
  if (ce) return ce.hint ? `${ce.message.replace(/[.\s]+$/, "")}. ${ce.hint}` : ce.message;
  if (typeof err === "string") return err;
  if (err instanceof Error) return err.message;
  if (err && typeof err === "object" && "message" in err) return String(err.message);
  return "Something went wrong";
}
