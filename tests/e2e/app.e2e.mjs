// The real Utter desktop app under Xvfb, driven through tauri-driver + WebKitWebDriver.
// Started by scripts/e2e-app.sh, which provides DISPLAY, UTTER_BIN, UTTER_CLI and DRIVER_URL.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Builder, By, Key, until } from "selenium-webdriver";

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
  driver = await new Builder()
    .usingServer(DRIVER_URL)
    .withCapabilities({ browserName: "wry", "tauri:options": { application: APP } })
    .build();
  // A new data dir opens first-run setup over the (empty) board.
  await driver.wait(until.elementLocated(By.css('[role="dialog"][aria-label="Set up Utter"]')), 30_000);
});

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
  const setup = await driver.findElement(By.css('[role="dialog"][aria-label="Set up Utter"]'));
  assert.match(await setup.getText(), /Microphone/);
  await shot("onboarding-app.png");
  // WebKitWebDriver reports the sticky footer's button as covered; click it from the page.
  await driver.executeScript(() =>
    [...document.querySelectorAll("button")].find((b) => b.textContent.trim() === "Skip setup").click(),
  );
  await driver.wait(async () => (await driver.findElements(By.css('[aria-label="Set up Utter"]'))).length === 0, 10_000);
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
  assert.equal(await driver.findElements(By.css(`${cardSel(evil.id)} img`)).then((e) => e.length), 0);
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

test("a second launch hands over to the running app and exits", async () => {
  // Without single-instance the second copy would open its own window and never exit.
  const second = spawnSync(APP, [], { env: process.env, timeout: 30_000, encoding: "utf8" });
  assert.equal(second.signal, null, `second instance still running after 30 s: ${second.stderr}`);
  assert.equal(second.status, 0, second.stderr);
  // The first one is still there and still live.
  const task = JSON.parse(cli("tasks", "add", "Still live after a second launch", "--json"));
  await waitForCard(task.id);
});
