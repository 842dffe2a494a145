// The one place the UI talks to the Rust core (Tauri IPC).
// Thin typed wrappers: argument names are camelCase here and Tauri maps them
// to the snake_case parameters of the Rust commands.

import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";

import type { AgentDef } from "./bindings/AgentDef";
import type { AppSettings } from "./bindings/AppSettings";
import type { Approval } from "./bindings/Approval";
import type { BackupCreated } from "./bindings/BackupCreated";
import type { BackupInfo } from "./bindings/BackupInfo";
import type { BackupRestored } from "./bindings/BackupRestored";
import type { Category } from "./bindings/Category";
import type { ChangeEvent } from "./bindings/ChangeEvent";
import type { ChatEvent } from "./bindings/ChatEvent";
import type { ChatMessage } from "./bindings/ChatMessage";
import type { ChatThread } from "./bindings/ChatThread";
import type { DesktopStatus } from "./bindings/DesktopStatus";
import type { DownloadEvent } from "./bindings/DownloadEvent";
import type { DumpEntry } from "./bindings/DumpEntry";
import type { ExportedFile } from "./bindings/ExportedFile";
import type { ExportFormat } from "./bindings/ExportFormat";
import type { ExtractedAgain } from "./bindings/ExtractedAgain";
import type { ImportReport } from "./bindings/ImportReport";
import type { ImportSource } from "./bindings/ImportSource";
import type { InputDevice } from "./bindings/InputDevice";
import type { McpImport } from "./bindings/McpImport";
import type { McpServerView } from "./bindings/McpServerView";
import type { McpToolView } from "./bindings/McpToolView";
import type { ModelEntry } from "./bindings/ModelEntry";
import type { NewMcpServer } from "./bindings/NewMcpServer";
import type { SignInPage } from "./bindings/SignInPage";
import type { NewTask } from "./bindings/NewTask";
import type { ProviderConfig } from "./bindings/ProviderConfig";
import type { Run } from "./bindings/Run";
import type { RunDetail } from "./bindings/RunDetail";
import type { SearchHit } from "./bindings/SearchHit";
import type { Status } from "./bindings/Status";
import type { DumpUndone } from "./bindings/DumpUndone";
import type { EmbeddingStatus } from "./bindings/EmbeddingStatus";
import type { Merged } from "./bindings/Merged";
import type { PossibleDuplicate } from "./bindings/PossibleDuplicate";
import type { Task } from "./bindings/Task";
import type { TaskFilter } from "./bindings/TaskFilter";
import type { TaskAudio } from "./bindings/TaskAudio";
import type { TaskPatch } from "./bindings/TaskPatch";
import type { Transcript } from "./bindings/Transcript";
import type { VocabularyEntry } from "./bindings/VocabularyEntry";
import type { VoiceEvent } from "./bindings/VoiceEvent";
import type { WorkflowDef } from "./bindings/WorkflowDef";
import type { WorkflowRun } from "./bindings/WorkflowRun";
import type { SettingKey } from "./bindings/SettingKey";

/** Name of the event the core emits after every change to the store. */
export const STORE_CHANGED = "store-changed";

export function listTasks(filter: TaskFilter | null = null): Promise<Task[]> {
  return invoke<Task[]>("list_tasks", { filter });
}

export function getTask(id: number): Promise<Task> {
  return invoke<Task>("get_task", { id });
}

export function createTask(task: NewTask): Promise<Task> {
  return invoke<Task>("create_task", { task });
}

/** The core parses inline due dates / priority ("Call Joe tomorrow !high"). */
export function quickAdd(text: string): Promise<Task> {
  return invoke<Task>("quick_add", { text });
}

export function updateTask(id: number, patch: TaskPatch): Promise<Task> {
  return invoke<Task>("update_task", { id, patch });
}

/** `index`: 0-based slot in the destination column after removing the task from its old place. */
export function moveTask(id: number, status: Status, index: number): Promise<Task> {
  return invoke<Task>("move_task", { id, status, index });
}

/** Returns the deleted task so it can be restored (undo). */
export function deleteTask(id: number): Promise<Task> {
  return invoke<Task>("delete_task", { id });
}

export function restoreTask(task: Task): Promise<Task> {
  return invoke<Task>("restore_task", { task });
}

export function listCategories(): Promise<Category[]> {
  return invoke<Category[]>("list_categories");
}

export function getTranscript(id: number): Promise<Transcript> {
  return invoke<Transcript>("get_transcript", { id });
}

export function search(query: string): Promise<SearchHit[]> {
  return invoke<SearchHit[]>("search", { query });
}

/**
 * Tells the core the board has been painted once, so it can log start-up time
 * (`board painted ms=…`); the start-up benchmark reads that line. Never fails the UI.
 */
export function reportBoardPainted(cards: number): Promise<void> {
  return invoke<void>("board_painted", { cards }).catch(() => undefined);
}

/** Subscribe to store changes (from this window, the CLI, or another process). */
export function onStoreChanged(handler: (event: ChangeEvent) => void): Promise<UnlistenFn> {
  return listen<ChangeEvent>(STORE_CHANGED, (e) => handler(e.payload));
}

// ---- your data: export and import ---------------------------------------------------------

/** Writes the board to the Downloads folder (or the data dir's exports/) and says where. */
export function exportBoard(format: ExportFormat): Promise<ExportedFile> {
  return invoke<ExportedFile>("export_board", { format });
}

/** `apply: false` is the preview: what the file holds, nothing written. `from: null` detects the format. */
export function importBoard(name: string, text: string, from: ImportSource | null, apply: boolean): Promise<ImportReport> {
  return invoke<ImportReport>("import_board", { name, text, from, apply });
}

// ---- MCP servers: where agents get their tools --------------------------------------------

export function listMcpServers(): Promise<McpServerView[]> {
  return invoke<McpServerView[]>("list_mcp_servers");
}

/** Secret values go to the OS keychain; the core never hands them back. */
export function addMcpServer(server: NewMcpServer): Promise<void> {
  return invoke<void>("add_mcp_server", { server });
}

/** `path: null` reads Claude Desktop's own config. */
export function importMcpServers(path: string | null): Promise<McpImport> {
  return invoke<McpImport>("import_mcp_servers", { path });
}

export function removeMcpServer(name: string): Promise<boolean> {
  return invoke<boolean>("remove_mcp_server", { name });
}

/** A trusted server's read-only tools run without asking; others' always ask. */
export function setMcpServerTrusted(name: string, trusted: boolean): Promise<void> {
  return invoke<void>("set_mcp_server_trusted", { name, trusted });
}

/** Starts the server to ask for its tools: slow, and the place a broken server shows. */
export function mcpServerTools(name: string): Promise<McpToolView[]> {
  return invoke<McpToolView[]>("mcp_server_tools", { name });
}

/** Signs in to an HTTP server in the browser; resolves once the tokens are in the keychain. */
export function mcpLogin(name: string): Promise<void> {
  return invoke<void>("mcp_login", { name });
}

/** Stops a sign-in that is waiting for the browser; its `mcpLogin` rejects with "sign-in cancelled". */
export function mcpCancelSignIn(name: string): Promise<boolean> {
  return invoke<boolean>("mcp_cancel_sign_in", { name });
}

/** Opens the page of a sign-in still waiting for the browser again (a closed tab). */
export function mcpOpenSignInPage(name: string): Promise<void> {
  return invoke<void>("mcp_open_sign_in_page", { name });
}

/** "Sign out and forget": the server's tokens and this machine's registration with it. */
export function mcpLogout(name: string): Promise<void> {
  return invoke<void>("mcp_logout", { name });
}

export const MCP_SIGN_IN_EVENT = "mcp_sign_in";

/** A sign-in opened the browser on this page. */
export function onMcpSignIn(handler: (page: SignInPage) => void): Promise<UnlistenFn> {
  return listen<SignInPage>(MCP_SIGN_IN_EVENT, (e) => handler(e.payload));
}

// ---- agents: definitions, runs, approvals ------------------------------------------------

export function listAgents(): Promise<AgentDef[]> {
  return invoke<AgentDef[]>("list_agents");
}

export function saveAgent(agent: AgentDef): Promise<AgentDef> {
  return invoke<AgentDef>("save_agent", { agent });
}

/** A built-in goes back to its shipped version; a custom one is deleted (resolves to null). */
export function resetAgent(name: string): Promise<AgentDef | null> {
  return invoke<AgentDef | null>("reset_agent", { name });
}

/** `agent: null` unassigns. */
export function assignAgent(task: number, agent: string | null): Promise<Task> {
  return invoke<Task>("assign_agent", { task, agent });
}

/** Newest first; `task: null` lists every run. */
export function listRuns(task: number | null): Promise<Run[]> {
  return invoke<Run[]>("list_runs", { task });
}

export function getRun(id: number): Promise<RunDetail> {
  return invoke<RunDetail>("get_run", { id });
}

/** Pending approvals only, unless `all`. */
export function listApprovals(all: boolean | null = null): Promise<Approval[]> {
  return invoke<Approval[]>("list_approvals", { all });
}

/** Resolves once the run has started; its progress arrives as `store-changed` events. */
export function runAgent(agent: string, task: number): Promise<Run> {
  return invoke<Run>("run_agent", { agent, task });
}

/** The run goes on in the background after the decision. */
export function decideApproval(id: number, approve: boolean): Promise<Approval> {
  return invoke<Approval>("decide_approval", { id, approve });
}

export function resumeRun(id: number): Promise<void> {
  return invoke<void>("resume_run", { id });
}

export function cancelRun(id: number): Promise<Run> {
  return invoke<Run>("cancel_run", { id });
}

export function listWorkflows(): Promise<WorkflowDef[]> {
  return invoke<WorkflowDef[]>("list_workflows");
}

/** Starts a workflow on a task; its agents' runs appear in the task's timeline as they go. */
export function runWorkflow(name: string, task: number): Promise<WorkflowRun> {
  return invoke<WorkflowRun>("run_workflow", { name, task });
}

// ---- chat ----------------------------------------------------------------------------

/** Streamed pieces of a chat reply (`task_id` null = the board's chat). */
export const CHAT_EVENT = "chat";

/** The conversation for a scope: `null` = the board's, a number = that task's. */
export function chatThread(task: number | null): Promise<ChatThread> {
  return invoke<ChatThread>("chat_thread", { task });
}

/** Resolves with the final answer once the reply is complete; streams `chat` events meanwhile. */
export function chatSend(task: number | null, text: string): Promise<ChatMessage> {
  return invoke<ChatMessage>("chat_send", { task, text });
}

export function chatStop(task: number | null): Promise<boolean> {
  return invoke<boolean>("chat_stop", { task });
}

export function chatClear(task: number | null): Promise<number> {
  return invoke<number>("chat_clear", { task });
}

export function onChat(handler: (event: ChatEvent) => void): Promise<UnlistenFn> {
  return listen<ChatEvent>(CHAT_EVENT, (e) => handler(e.payload));
}

// ---- desktop: settings, status, microphones, models, recording -------------------------

/** Recording progress, sent to every window (overlay, main window). */
export const VOICE_EVENT = "voice";
/** Progress of `downloadModel`. */
export const MODEL_DOWNLOAD_EVENT = "model-download";
/** The tray menu asks the main window to show a view. */
export const OPEN_VIEW_EVENT = "open-view";

/** What the tray's "open-view" event can ask for; `task:ID` opens the board with that task's panel. */
export type OpenView = "board" | "settings" | "onboarding" | "approvals" | "agents" | "mcp" | `task:${number}`;

/** Setting keys `setSetting` accepts: generated from the core's list, so none is missing. */
export type { SettingKey };

export function getSettings(): Promise<AppSettings> {
  return invoke<AppSettings>("get_settings");
}

/**
 * Saves one setting; `null` puts it back to its default. Returns all settings as stored.
 * Rejects with `{ message }` when the core refuses (e.g. a shortcut another app owns: the old
 * one stays registered).
 */
export function setSetting(key: SettingKey, value: string | null): Promise<AppSettings> {
  return invoke<AppSettings>("set_setting", { key, value });
}

export function desktopStatus(): Promise<DesktopStatus> {
  return invoke<DesktopStatus>("desktop_status");
}

export function listInputDevices(): Promise<InputDevice[]> {
  return invoke<InputDevice[]>("list_input_devices");
}

export function listModels(): Promise<ModelEntry[]> {
  return invoke<ModelEntry[]>("list_models");
}

/** Resolves when the download has finished; progress arrives as `onModelDownload` events. */
export function downloadModel(name: string): Promise<void> {
  return invoke<void>("download_model", { name });
}

/** Results arrive as `onVoice` events (state, level, partial, done / cancelled / error). */
export function startRecording(): Promise<void> {
  return invoke<void>("start_recording");
}

export function stopRecording(): Promise<void> {
  return invoke<void>("stop_recording");
}

/** Stops and discards the recording. */
export function cancelRecording(): Promise<void> {
  return invoke<void>("cancel_recording");
}

/** Opens the device and sends `level` voice events until `stopLevelTest`; nothing is saved. */
export function startLevelTest(device: string | null): Promise<void> {
  return invoke<void>("start_level_test", { device });
}

export function stopLevelTest(): Promise<void> {
  return invoke<void>("stop_level_test");
}

/** Stores the provider; the API key (if any) goes to the OS keychain, never to the database. */
export function setLlmProvider(config: ProviderConfig, apiKey: string | null): Promise<ProviderConfig> {
  return invoke<ProviderConfig>("set_llm_provider", { config, apiKey });
}

export function clearLlmProvider(): Promise<void> {
  return invoke<void>("clear_llm_provider");
}

/** Deletes the tasks a recording created; returns how many were deleted. */
export function undoDump(taskIds: number[]): Promise<number> {
  return invoke<number>("undo_dump", { taskIds });
}

/** Takes back everything one dump did: its new cards, and what it changed on older ones. */
export function undoDumpItems(id: number): Promise<DumpUndone> {
  return invoke<DumpUndone>("undo_dump_items", { id });
}

/** Cards a dump saved as "possibly the same as" another. */
export function possibleDuplicates(): Promise<PossibleDuplicate[]> {
  return invoke<PossibleDuplicate[]>("possible_duplicates");
}

/** Merges `other` into `keep`; `other` is cancelled (kept, off the board). */
export function mergeTasks(keep: number, other: number): Promise<Merged> {
  return invoke<Merged>("merge_tasks", { keep, other });
}

/** Undo of a merge. */
export function putBackTasks(before: Task[]): Promise<void> {
  return invoke<void>("put_back_tasks", { before });
}

/** "Not the same": drops the card's "possibly the same" flag. */
export function keepApart(taskId: number): Promise<void> {
  return invoke<void>("keep_apart", { taskId });
}

/** The meaning-search model: installed or not, cards waiting for a vector. */
export function embeddingStatus(): Promise<EmbeddingStatus> {
  return invoke<EmbeddingStatus>("embedding_status");
}

/** Resolves when the model is installed; progress arrives as `onModelDownload` events. */
export function downloadEmbeddingModel(): Promise<void> {
  return invoke<void>("download_embedding_model");
}

export function listVocabulary(): Promise<VocabularyEntry[]> {
  return invoke<VocabularyEntry[]>("list_vocabulary");
}

/** `replaceFrom`: what Whisper writes instead of `word` ("k8s" for "Kubernetes"). */
export function addVocabulary(word: string, replaceFrom: string | null): Promise<VocabularyEntry> {
  return invoke<VocabularyEntry>("add_vocabulary", { word, replaceFrom });
}

export function removeVocabulary(word: string): Promise<VocabularyEntry[]> {
  return invoke<VocabularyEntry[]>("remove_vocabulary", { word });
}

/** The words the next recording tells Whisper about (the user's, then names on the board). */
export function vocabularyTerms(): Promise<string[]> {
  return invoke<string[]>("vocabulary_terms");
}

/** The voice journal, newest first. */
export function listDumps(limit = 50): Promise<DumpEntry[]> {
  return invoke<DumpEntry[]>("list_dumps", { limit });
}

/** Transcribes dump `id` again (when its recording is kept) and updates its cards in place. */
export function extractAgain(id: number): Promise<ExtractedAgain> {
  return invoke<ExtractedAgain>("extract_again", { id });
}

/** Where in its dump's recording a card was said; null when unknown or not kept. */
export function taskAudio(taskId: number): Promise<TaskAudio | null> {
  return invoke<TaskAudio | null>("task_audio", { taskId });
}

/** A dump's recording (or one card's seconds of it) as a playable blob URL; revoke it after use. */
export async function dumpAudioUrl(id: number, taskId: number | null = null): Promise<string> {
  const bytes = await invoke<ArrayBuffer>("dump_audio", { id, taskId });
  return URL.createObjectURL(new Blob([bytes], { type: "audio/wav" }));
}

export function onVoice(handler: (event: VoiceEvent) => void): Promise<UnlistenFn> {
  return listen<VoiceEvent>(VOICE_EVENT, (e) => handler(e.payload));
}

export function onModelDownload(handler: (event: DownloadEvent) => void): Promise<UnlistenFn> {
  return listen<DownloadEvent>(MODEL_DOWNLOAD_EVENT, (e) => handler(e.payload));
}

export function onOpenView(handler: (view: OpenView) => void): Promise<UnlistenFn> {
  return listen<OpenView>(OPEN_VIEW_EVENT, (e) => handler(e.payload));
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
  return out as TaskPatch;
}

// ---- backups (Settings → Data) ----

/** The archives in the data dir's backups folder, newest first. */
export function listBackups(): Promise<BackupInfo[]> {
  return invoke<BackupInfo[]>("list_backups");
}

export function backupNow(): Promise<BackupCreated> {
  return invoke<BackupCreated>("backup_now");
}

/** Replaces the board with a listed backup; the replaced database is kept aside. */
export function restoreBackup(path: string): Promise<BackupRestored> {
  return invoke<BackupRestored>("restore_backup", { path });
}

/** Error text from a rejected invoke (a string, or `{ message }` from the desktop commands). */
export function errorMessage(err: unknown): string {
  if (typeof err === "string") return err;
  if (err instanceof Error) return err.message;
  if (err && typeof err === "object" && "message" in err) return String((err as { message: unknown }).message);
  return "Something went wrong";
}
