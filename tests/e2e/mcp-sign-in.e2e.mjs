// Signing in to a remote MCP server from the real app's servers page, then an agent using it.
// A local OAuth-protected MCP server (tests/mcp/protected-server.mjs) stands in for GitHub or
// Linear; $BROWSER (set by scripts/e2e-app.sh) follows the sign-in page's redirects back to
// the app's loopback listener, and the tokens go to the session's gnome-keyring.
import { test, before, after } from "node:test";
import { openApp, setupHook } from "./session.mjs";
import assert from "node:assert/strict";
import { execFile, execFileSync, spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";

const { UTTER_BIN: APP, UTTER_CLI: CLI, DRIVER_URL, UTTER_DATA_DIR: DATA_DIR, UTTER_MCP_FIXTURES: FIXTURES } = process.env;
const ARTIFACTS = process.env.E2E_ARTIFACTS;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

const cli = (...args) => execFileSync(CLI, ["--data-dir", DATA_DIR, ...args], { encoding: "utf8" });
/** Without blocking the event loop the scripted model and the protected server live in. */
const cliAsync = (...args) =>
  new Promise((resolve, reject) =>
    execFile(CLI, ["--data-dir", DATA_DIR, ...args], { encoding: "utf8" }, (e, out, err) => (e ? reject(new Error(`${e.message}\n${err}`)) : resolve(out))),
  );

let driver;
let protectedServer;
let notes; // {url, base}

before(async () => {
  assert.ok(APP && CLI && DRIVER_URL && DATA_DIR && FIXTURES, "run through scripts/e2e-app.sh with UTTER_MCP_FIXTURES");
  assert.ok(process.env.BROWSER, "scripts/e2e-app.sh sets BROWSER to the redirect follower");
  protectedServer = spawn("node", [path.join(ROOT, "tests/mcp/protected-server.mjs")], {
    env: { ...process.env, UTTER_MCP_FIXTURES: FIXTURES },
    stdio: ["ignore", "pipe", "inherit"],
  });
  notes = await new Promise((resolve, reject) => {
    let out = "";
    protectedServer.stdout.on("data", (c) => {
      out += c;
      const line = out.split("\n")[0];
      if (out.includes("\n")) resolve(JSON.parse(line));
    });
    protectedServer.on("exit", (code) => reject(new Error(`protected server exited: ${code}`)));
  });
  // Added and put in the Research agent's scope by the CLI, as a user with a terminal would;
  // trusted, so its read-only whoami runs without an approval.
  cli("settings", "set", "onboarding.done", "on");
  cli("mcp", "add", "notes", "--trusted", "--url", notes.url);
  cli("agents", "edit", "Research", "--server", "notes");
  driver = await openApp(APP, DRIVER_URL);
}, setupHook);

after(async () => {
  await driver?.quit();
  protectedServer?.kill();
});

async function shot(name) {
  if (!ARTIFACTS) return;
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(path.join(ARTIFACTS, name), await driver.takeScreenshot(), "base64");
}

const regionText = (name) =>
  driver.executeScript((n) => document.querySelector(`[aria-label="MCP server ${n}"]`)?.textContent ?? "", name);

/** The OpenAI-compatible model: calls notes' whoami, then answers. Records the requests. */
async function scriptedModel() {
  const replies = [
    { tool_calls: [{ id: "w1", type: "function", function: { name: "notes__whoami", arguments: "{}" } }] },
    { content: "You are signed in as alice@example.com." },
  ];
  const requests = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      requests.push(JSON.parse(body || "null"));
      const next = replies.shift();
      res.writeHead(next ? 200 : 599, { "content-type": "application/json" });
      const message = { role: "assistant", content: next?.content ?? null, ...(next?.tool_calls ? { tool_calls: next.tool_calls } : {}) };
      res.end(
        JSON.stringify({
          id: "c", object: "chat.completion", model: "m",
          choices: [{ index: 0, finish_reason: next?.tool_calls ? "tool_calls" : "stop", message }],
          usage: { prompt_tokens: 100, completion_tokens: 10, total_tokens: 110 },
        }),
      );
    });
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  return { base: `http://127.0.0.1:${server.address().port}/v1`, requests, close: () => server.close() };
}

test("Sign in on the servers page, then an agent calls the server's tool", async () => {
  // The servers page: g s from the board (pressed again until the app has started listening).
  await driver.wait(
    () =>
      driver.executeScript(() => {
        if (document.querySelector('[role="dialog"][aria-label="MCP servers"]')) return true;
        for (const key of ["g", "s"]) document.body.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true }));
        return false;
      }),
    30_000,
  );
  await driver.wait(async () => /No sign-in so far/.test(await regionText("notes")), 15_000).catch(async (e) => {
    throw new Error(`${e.message}; the card says: ${await regionText("notes")}`);
  });
  const stats0 = await (await fetch(`${notes.base}/admin/stats`)).json();
  assert.equal(stats0.code_grants, 0);

  await driver.executeScript(() =>
    [...document.querySelectorAll('[aria-label="MCP server notes"] button')].find((b) => b.textContent.trim() === "Sign in").click(),
  );
  await driver.wait(async () => /Signed in · renews itself/.test(await regionText("notes")), 60_000).catch(async (e) => {
    throw new Error(`${e.message}; the card says: ${await regionText("notes")}`);
  });
  const text = await regionText("notes");
  assert.match(text, /Sign in again/);
  assert.match(text, /Sign out and forget/);
  assert.doesNotMatch(text, /Sign-in failed/);
  await shot("mcp-signed-in-app.png");
  const stats1 = await (await fetch(`${notes.base}/admin/stats`)).json();
  assert.equal(stats1.code_grants, 1, JSON.stringify(stats1));
  // The CLI (another process) reads the same keychain: signed in there too.
  const listed = JSON.parse(cli("mcp", "list", "--json")).find((s) => s.name === "notes");
  assert.equal(listed.auth.state, "signed_in", JSON.stringify(listed));

  // An agent run uses the stored sign-in: no browser, the tool's answer in its steps.
  const model = await scriptedModel();
  try {
    cli("llm", "set", "--provider", "openai", "--base-url", model.base, "--model", "m", "--timeout", "30");
    const task = JSON.parse(cli("tasks", "add", "Find out who I am on notes", "--json"));
    const out = await cliAsync("agents", "run", "Research", "--task", String(task.id));
    assert.match(out, /completed/, out);
    const run = JSON.parse(cli("runs", "list", "--task", String(task.id), "--json"))[0];
    const detail = cli("runs", "show", String(run.id), "--json");
    assert.match(detail, /signed in as alice@example\.com/, detail);
    assert.equal(model.requests.length, 2);
    assert.ok(model.requests[0].tools.some((t) => t.function.name === "notes__whoami"));
    assert.match(JSON.stringify(model.requests[1].messages.at(-1)), /signed in as alice@example\.com/);
    const stats2 = await (await fetch(`${notes.base}/admin/stats`)).json();
    assert.equal(stats2.code_grants, 1, "the run signed in again instead of using the stored tokens");
    assert.ok(stats2.mcp_ok > stats1.mcp_ok, JSON.stringify(stats2));
  } finally {
    model.close();
  }
});
