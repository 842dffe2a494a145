// The real Utter desktop app under Xvfb, driven through tauri-driver + WebKitWebDriver.
// Started by scripts/e2e-app.sh, which provides DISPLAY, UTTER_BIN, UTTER_CLI and DRIVER_URL.
import { test, before, after } from "node:test";
import { openApp, setupHook } from "./session.mjs";
import assert from "node:assert/strict";
import { execFile, execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { By, Key, until } from "selenium-webdriver";

const APP = process.env.UTTER_BIN;
const CLI = process.env.UTTER_CLI;
const DRIVER_URL = process.env.DRIVER_URL;
const DATA_DIR = process.env.UTTER_DATA_DIR;
const ARTIFACTS = process.env.E2E_ARTIFACTS ?? mkdtempSync(path.join(tmpdir(), "utter-e2e-"));
mkdirSync(ARTIFACTS, { recursive: true });

/** Runs the real CLI against the same data dir the app uses. */
function cli(...args) {
  return execFileSync(CLI, ["--data-dir", DATA_DIR, ...args], { encoding: "utf8" });
}

const cardSel = (id) => `[data-card="${id}"]`;
const columnSel = (status) => `.column[data-status="${status}"]`;

let driver;

before(async () => {
  assert.ok(APP && CLI && DRIVER_URL && DATA_DIR, "run through scripts/e2e-app.sh");
  driver = await openApp(APP, DRIVER_URL);
  // A new data dir opens first-run setup over the (empty) board.
  await driver.wait(until.elementLocated(By.css('[role="dialog"][aria-label="Set up Utter"]')), 30_000);
}, setupHook);

after(async () => {
  await driver?.quit();
});

async function shot(name) {
  const png = await driver.takeScreenshot();
  writeFileSync(path.join(ARTIFACTS, name), png, "base64");
}

async function waitForCard(id, timeout = 10_000) {
  return driver.wait(until.elementLocated(By.css(cardSel(id))), timeout);
}

/** The card's text as rendered into the DOM (WebKitWebDriver's getText skips clamped text). */
async function cardText(id) {
  return driver.executeScript((sel) => document.querySelector(sel)?.textContent ?? "", cardSel(id));
}

async function cardStatus(id) {
  return driver.executeScript(
    (sel) => document.querySelector(sel)?.closest(".column")?.getAttribute("data-status") ?? null,
    cardSel(id),
  );
}

test("a new user gets first-run setup, can skip it, and sees the empty board with instructions", async () => {
  // Read from the page, waiting: WebKitWebDriver's getText is '' while the dialog fades in.
  const setupText = await driver.wait(
    () =>
      driver.executeScript(() => {
        const t = document.querySelector('[role="dialog"][aria-label="Set up Utter"]')?.textContent ?? "";
        return t.includes("Microphone") ? t : null;
      }),
    10_000,
  );
  assert.match(setupText, /Microphone/);
  await shot("onboarding-app.png");
  // WebKitWebDriver reports the sticky footer's button as covered; click it from the page.
  await driver.executeScript(() =>
    [...document.querySelectorAll("button")].find((b) => b.textContent.trim() === "Skip setup").click(),
  );
  // Counted in the page: an element found while the dialog unmounts can go stale in between.
  await driver.wait(async () => (await driver.executeScript(() => document.querySelectorAll('[aria-label="Set up Utter"]').length)) === 0, 10_000);
  assert.equal(cli("settings", "get", "onboarding.done").trim(), "on");
  const empty = await driver.wait(until.elementLocated(By.css('[data-testid="empty-state"]')), 10_000);
  assert.match(await empty.getText(), /utter tasks add/);
  await shot("empty.png");
});

test("a task added from the CLI appears live, moves in the UI, and the move reaches the database", async () => {
  const t0 = Date.now();
  const task = JSON.parse(cli("tasks", "add", "Call Joe about the renewal", "--due", "tomorrow", "--priority", "high", "--json"));
  const card = await waitForCard(task.id);
  console.log(`# card visible ${Date.now() - t0} ms after the CLI started (no reload)`);
  assert.match(await cardText(task.id), /Call Joe about the renewal/);
  assert.match(await cardText(task.id), /Tomorrow/);
  assert.equal(await cardStatus(task.id), "pending");
  const headers = await driver.findElements(By.css(".column-header h2"));
  assert.deepEqual(
    await Promise.all(headers.map((h) => h.getText())),
    ["Pending", "In progress", "Completed", "Blocked"],
  );
  assert.equal(await driver.findElement(By.css('[data-testid="count-pending"]')).getText(), "1");

  // Keyboard move: click focuses the card (and opens the panel), Esc closes the panel, ] moves right.
  await card.click();
  await driver.actions().sendKeys(Key.ESCAPE).perform();
  await driver.actions().sendKeys("]").perform();
  await driver.wait(async () => (await cardStatus(task.id)) === "in_progress", 10_000);

  // The database has it, as another process sees it.
  const deadline = Date.now() + 10_000;
  let stored;
  do {
    stored = JSON.parse(cli("tasks", "show", String(task.id), "--json"));
    if (stored.status === "in_progress") break;
    await new Promise((r) => setTimeout(r, 100));
  } while (Date.now() < deadline);
  assert.equal(stored.status, "in_progress");
});

test("a spoken dump saved by the CLI shows up with its tasks, and hostile text renders as text", async () => {
  const dump = JSON.parse(
    cli("dump", "--json", "--text",
      "Okay so, send Kevin the contract by Friday, that's urgent. Book a room for the offsite next week. " +
      "Low priority, clean up the old feature flags whenever."),
  );
  assert.ok(dump.tasks.length >= 3, JSON.stringify(dump.tasks));
  for (const t of dump.tasks) await waitForCard(t.id);

  const title = `<img src=x onerror="document.title='pwned'">`;
  const evil = JSON.parse(cli("tasks", "add", title, "--json"));
  const card = await waitForCard(evil.id);
  assert.ok((await cardText(evil.id)).includes(title), "the markup is shown as text");
  assert.equal(await driver.executeScript((sel) => document.querySelectorAll(sel).length, `${cardSel(evil.id)} img`), 0);
  assert.notEqual(await driver.getTitle(), "pwned");

  // Detail panel shows the transcript the task came from.
  await (await waitForCard(dump.tasks[0].id)).click();
  const panelSel = `[data-task="${dump.tasks[0].id}"]`;
  await driver.wait(until.elementLocated(By.css(panelSel)), 10_000);
  // The panel re-renders when the transcript arrives, so read it fresh each time.
  const panelText = () => driver.executeScript((sel) => document.querySelector(sel)?.textContent ?? "", panelSel);
  await driver.wait(async () => /offsite/.test(await panelText()), 10_000);
  await shot("board-detail.png");
  await driver.actions().sendKeys(Key.ESCAPE).perform();
  await shot("board.png");
});

// ---- agents: a model on 127.0.0.1 speaking the OpenAI wire format, scripted per test, and
// the real filesystem MCP server from npm ----

const FIXTURES = process.env.UTTER_MCP_FIXTURES;

/** Answers each chat completion with the next scripted reply; records the requests. */
async function scriptedModel(replies) {
  const requests = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      const request = JSON.parse(body || "null");
      requests.push(request);
      const next = replies.shift();
      if (next && request?.stream) return streamReply(res, next);
      res.writeHead(next ? 200 : 599, { "content-type": "application/json" });
      res.end(JSON.stringify(next ?? { error: "no scripted reply left" }));
    });
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  return { base: `http://127.0.0.1:${server.address().port}/v1`, requests, close: () => server.close() };
}

/** The same reply as OpenAI streams it: SSE chunks, the text a few words at a time, 40 ms apart. */
async function streamReply(res, reply) {
  res.writeHead(200, { "content-type": "text/event-stream" });
  const msg = reply.choices[0].message;
  const chunk = (delta, finish = null) => `data: ${JSON.stringify({ id: "c", object: "chat.completion.chunk", model: "m", choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
  res.write(chunk({ role: "assistant", content: "" }));
  if (msg.tool_calls) {
    res.write(chunk({ tool_calls: msg.tool_calls.map((c, index) => ({ index, ...c })) }));
  } else {
    for (const piece of msg.content.match(/\S+\s*/g) ?? []) {
      res.write(chunk({ content: piece }));
      await new Promise((r) => setTimeout(r, 40));
    }
  }
  res.write(chunk({}, reply.choices[0].finish_reason));
  res.write(`data: ${JSON.stringify({ id: "c", choices: [], usage: reply.usage })}\n\n`);
  res.end("data: [DONE]\n\n");
}

const toolCall = (id, name, args) => ({
  id: "c", object: "chat.completion", model: "m",
  choices: [{ index: 0, finish_reason: "tool_calls", message: { role: "assistant", content: null,
    tool_calls: [{ id, type: "function", function: { name, arguments: JSON.stringify(args) } }] } }],
  usage: { prompt_tokens: 120, completion_tokens: 12, total_tokens: 132 },
});
const finalAnswer = (text) => ({
  id: "c", object: "chat.completion", model: "m",
  choices: [{ index: 0, finish_reason: "stop", message: { role: "assistant", content: text } }],
  usage: { prompt_tokens: 240, completion_tokens: 24, total_tokens: 264 },
});

/** A folder with notes, served by the filesystem MCP server that the Research agent gets. */
const filesRoot = mkdtempSync(path.join(tmpdir(), "utter-e2e-files-"));
let filesReady = false;
function useModel(base) {
  assert.ok(FIXTURES, "UTTER_MCP_FIXTURES is not set (scripts/mcp-fixtures.sh)");
  cli("llm", "set", "--provider", "openai", "--base-url", base, "--model", "m", "--timeout", "30");
  if (filesReady) return;
  writeFileSync(path.join(filesRoot, "acme-notes.md"), "Joe wants the renewal at last year's price.");
  const entry = path.join(FIXTURES, "@modelcontextprotocol/server-filesystem/dist/index.js");
  // Trusted, so its read-only tools run without asking (an untrusted server's always ask).
  cli("mcp", "add", "files", "--trusted", "--", "node", entry, filesRoot);
  cli("agents", "edit", "Research", "--server", "files");
  filesReady = true;
}

/** `utter ARGS` without blocking the test's event loop (the scripted model lives in it). */
function cliAsync(...args) {
  return new Promise((resolve, reject) =>
    execFile(CLI, ["--data-dir", DATA_DIR, ...args], { encoding: "utf8" }, (e, out, err) => (e ? reject(new Error(err)) : resolve(out))),
  );
}

const bodyText = () => driver.executeScript(() => document.body.textContent);
const panelText = (sel) => driver.executeScript((s) => document.querySelector(s)?.textContent ?? "", sel);
const clickButton = (label) =>
  driver.executeScript((l) => [...document.querySelectorAll("button")].find((b) => b.textContent.trim().startsWith(l)).click(), label);

test("an agent run from the CLI shows its timeline in the task panel", async () => {
  const model = await scriptedModel([
    toolCall("r1", "files__read_text_file", { path: path.join(filesRoot, "acme-notes.md") }),
    finalAnswer("Joe (Acme) wants the renewal at **last year's price**."),
  ]);
  try {
    useModel(model.base);
    const task = JSON.parse(cli("tasks", "add", "Research the Acme renewal", "--category", "research", "--json"));
    assert.equal(task.assigned_agent, "Research");
    const out = await cliAsync("agents", "run", "Research", "--task", String(task.id));
    assert.match(out, /completed/);
    assert.equal(model.requests.length, 2);

    // The run's updates re-render the board; wait for the card's last move, then click the
    // element as it is now (a located element can go stale in between).
    await waitForCard(task.id);
    await driver.wait(async () => (await cardStatus(task.id)) === "completed", 10_000);
    await driver.executeScript((s) => document.querySelector(s).click(), cardSel(task.id));
    const sel = `[data-task="${task.id}"]`;
    await driver.wait(until.elementLocated(By.css(`${sel} .run[data-status="completed"]`)), 10_000);
    await driver.wait(async () => /files\/read_text_file/.test(await panelText(sel)), 10_000);
    const text = await panelText(sel);
    assert.match(text, /category Research/);
    assert.match(text, /last year/);
    assert.equal(await cardStatus(task.id), "completed");
    await shot("timeline-app.png");
    await driver.actions().sendKeys(Key.ESCAPE).perform();
  } finally {
    model.close();
  }
});

test("a write waits in the approvals inbox; approving it in the app finishes the run", async () => {
  const target = path.join(filesRoot, "brief.md");
  const model = await scriptedModel([
    toolCall("w1", "files__write_file", { path: target, content: "# Acme brief" }),
    finalAnswer("Saved the brief."),
  ]);
  try {
    useModel(model.base);
    const task = JSON.parse(cli("tasks", "add", "Write the Acme brief", "--json"));
    const out = await cliAsync("agents", "run", "Research", "--task", String(task.id));
    assert.match(out, /waiting for approval #/);
    assert.equal(existsSync(target), false);
    // The board's badge counts it; the inbox shows it; Approve runs it in the app.
    await driver.wait(async () => /Approvals\s*1/.test(await bodyText()), 10_000);
    await clickButton("Approvals");
    await driver.wait(async () => /files\/write_file/.test(await bodyText()), 10_000);
    await shot("approvals-app.png");
    await clickButton("Approve");
    await driver.wait(() => existsSync(target), 20_000);
    assert.equal(readFileSync(target, "utf8"), "# Acme brief");
    await driver.wait(async () => JSON.parse(await cliAsync("runs", "list", "--task", String(task.id), "--json"))[0].status === "completed", 20_000);
    assert.equal(model.requests.length, 2);
    await driver.actions().sendKeys(Key.ESCAPE).perform();
  } finally {
    model.close();
  }
});

test("the chat streams the model's answer and the task it adds lands on the board", async () => {
  const model = await scriptedModel([
    toolCall("c1", "create_task", { title: "Send the Acme contract", due: "2026-12-01", priority: "high" }),
    finalAnswer("Added **Send the Acme contract**, due 1 December, high priority."),
  ]);
  try {
    useModel(model.base);
    await driver.executeScript(() => document.activeElement?.blur());
    await driver.actions().sendKeys("g").sendKeys("c").perform();
    const input = await driver.wait(until.elementLocated(By.css('[aria-label="Chat"] textarea[aria-label="Message"]')), 10_000);
    await input.sendKeys("add sending the Acme contract by Dec 1, it's urgent", Key.ENTER);
    // The answer arrives in pieces (the model streams it a few words at a time).
    await driver.wait(async () => /^Added/.test(await panelText("[data-streaming]")), 15_000);
    await driver.wait(async () => /high priority\./.test(await panelText('[aria-label="Chat"] .chat-log')), 15_000);
    const tasks = JSON.parse(cli("tasks", "list", "--json"));
    const added = tasks.find((t) => t.title === "Send the Acme contract");
    assert.ok(added, JSON.stringify(tasks.map((t) => t.title)));
    assert.equal(added.due, "2026-12-01");
    assert.equal(added.priority, "high");
    await waitForCard(added.id);
    assert.equal(model.requests.length, 2);
    assert.equal(model.requests[0].stream, true);
    assert.ok(model.requests[0].tools.some((t) => t.function.name === "create_task"));
    assert.equal(model.requests[1].messages.at(-1).role, "tool");
    await shot("chat-app.png");
    // The conversation is kept: the CLI sees it.
    assert.match(cli("chat"), /you: add sending the Acme contract/);
    await driver.actions().sendKeys(Key.ESCAPE).perform();
  } finally {
    model.close();
  }
});

test("a second launch hands over to the running app and exits", async () => {
  // Without single-instance the second copy would open its own window and never exit.
  const second = spawnSync(APP, [], { env: process.env, timeout: 30_000, encoding: "utf8" });
  assert.equal(second.signal, null, `second instance still running after 30 s: ${second.stderr}`);
  assert.equal(second.status, 0, second.stderr);
  // The first one is still there and still live.
  const task = JSON.parse(cli("tasks", "add", "Still live after a second launch", "--json"));
  await waitForCard(task.id);
});
