// End-to-end: the real UI in headless Chromium against Vite in mock mode
// (Tauri IPC answered by the in-memory store in src/mock/). Run: npm run test:e2e
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

import { CHROMIUM_ARGS, CHROMIUM_PATH, startMockServer } from "./server.mjs";

const ART = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../e2e-artifacts");
fs.mkdirSync(ART, { recursive: true });

let server;
let browser;

before(async () => {
  server = await startMockServer();
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function openBoard({
  query = "",
  colorScheme = "light",
  viewport = { width: 1360, height: 800 },
} = {}) {
  const context = await browser.newContext({ viewport, colorScheme });
  // tauri.conf.json sets `freezePrototype: true`; run the UI under the same condition.
  await context.addInitScript(() => Object.freeze(Object.prototype));
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("dialog", (d) => {
    problems.push(`dialog: ${d.message()}`); // an alert() would mean XSS
    void d.dismiss();
  });
  page.on("console", (m) => {
    if (m.type() === "error" && !/favicon|404/.test(m.text()))
      problems.push(`console: ${m.text()}`);
  });
  await page.goto(server.url + query);
  await page.waitForSelector(".board, .empty-state", { timeout: 20_000 });
  return { page, context, problems };
}

const backendTasks = (page) =>
  page.evaluate(() => window.__utterMock.backend.tasks.map((t) => ({ ...t })));
const callsTo = (page, cmd) => page.evaluate((c) => window.__utterMock.backend.callsTo(c), cmd);
const titles = (page, status) =>
  page.$$eval(`.column[data-status="${status}"] .card-title`, (els) =>
    els.map((e) => e.textContent),
  );
const cardSel = (title) => `[data-card]:has(.card-title:text-is("${title}"))`;

async function waitTitles(page, status, expected) {
  await page
    .waitForFunction(
      ([s, exp]) =>
        JSON.stringify(
          [...document.querySelectorAll(`.column[data-status="${s}"] .card-title`)].map(
            (e) => e.textContent,
          ),
        ) === JSON.stringify(exp),
      [status, expected],
      { timeout: 5000 },
    )
    .catch(() => {});
  assert.deepEqual(await titles(page, status), expected);
}

/** Drag with real mouse events: press, move in steps (dnd-kit needs >5px), release. */
async function drag(page, fromSel, toSel, where = "top") {
  const from = await page.locator(fromSel).boundingBox();
  const to = await page.locator(toSel).boundingBox();
  const sx = from.x + from.width / 2;
  const sy = from.y + from.height / 2;
  const tx = to.x + to.width / 2;
  const ty =
    where === "top"
      ? to.y + to.height * 0.25
      : where === "bottom"
        ? to.y + to.height * 0.75
        : to.y + to.height - 12;
  await page.mouse.move(sx, sy);
  await page.mouse.down();
  await page.mouse.move(sx + 8, sy + 8, { steps: 2 });
  await page.mouse.move(tx, ty, { steps: 12 });
  await page.waitForTimeout(80);
  await page.mouse.move(tx, ty + 1, { steps: 2 });
  await page.mouse.up();
}

describe("board (mock IPC, headless Chromium)", () => {
  it("adds, drags, keyboard-moves, edits, deletes/undoes and live-reloads; screenshots", async () => {
    const { page, context, problems } = await openBoard();

    // Columns and counts.
    assert.deepEqual(await page.$$eval(".column-header h2", (h) => h.map((x) => x.textContent)), [
      "Pending",
      "In progress",
      "Completed",
      "Blocked",
    ]);
    assert.equal(await page.textContent('[data-testid="count-pending"]'), "5");

    // 1. Quick add (n focuses it; the core parses "tomorrow" and "!high").
    await page.keyboard.press("n");
    await page.keyboard.type("Pick up dry cleaning tomorrow !high");
    await page.keyboard.press("Enter");
    await page.waitForSelector(cardSel("Pick up dry cleaning"));
    assert.match(await page.textContent(cardSel("Pick up dry cleaning")), /Tomorrow/);
    const added = (await backendTasks(page)).find((t) => t.title === "Pick up dry cleaning");
    assert.equal(added.priority, "high");
    assert.equal(await page.textContent('[data-testid="count-pending"]'), "6");
    await page.keyboard.press("Escape");

    // 2. Mouse drag: "Buy groceries" onto the top half of "Fix the leaking kitchen tap" (In progress).
    await drag(page, cardSel("Buy groceries"), cardSel("Fix the leaking kitchen tap"), "top");
    await waitTitles(page, "in_progress", [
      "Summarize customer interviews",
      "Buy groceries",
      "Fix the leaking kitchen tap",
    ]);
    assert.deepEqual((await callsTo(page, "move_task")).at(-1), {
      id: 3,
      status: "in_progress",
      index: 1,
    });

    // Drag to the empty space at the end of "Blocked".
    await drag(
      page,
      cardSel("Morning run"),
      '.column[data-status="blocked"] .column-scroll',
      "end",
    );
    await waitTitles(page, "blocked", ["Renew passport", "Morning run"]);
    assert.deepEqual((await callsTo(page, "move_task")).at(-1), {
      id: 9,
      status: "blocked",
      index: 1,
    });

    assert.equal(
      await page.locator("[data-drop], [data-drop-over], [data-dragging]").count(),
      0,
      "drag state cleared",
    );

    // 3. Keyboard: focus "Draft Q3 planning doc", ] moves it right, Alt+ArrowUp reorders.
    await page.click(cardSel("Draft Q3 planning doc")); // opens the panel
    await page.keyboard.press("Escape"); // close panel, focus stays on the card
    assert.equal(
      await page.evaluate(() => document.activeElement?.textContent?.includes("Draft Q3")),
      true,
    );
    await page.keyboard.press("]");
    await waitTitles(page, "in_progress", [
      "Summarize customer interviews",
      "Draft Q3 planning doc",
      "Buy groceries",
      "Fix the leaking kitchen tap",
    ]);
    assert.deepEqual((await callsTo(page, "move_task")).at(-1), {
      id: 2,
      status: "in_progress",
      index: 1,
    });
    await page.keyboard.press("Alt+ArrowUp");
    await waitTitles(page, "in_progress", [
      "Draft Q3 planning doc",
      "Summarize customer interviews",
      "Buy groceries",
      "Fix the leaking kitchen tap",
    ]);
    await page.keyboard.press("Shift+ArrowRight");
    await waitTitles(page, "completed", ["Draft Q3 planning doc", "Ship v0.1 release notes"]);
    const draft = (await backendTasks(page)).find((t) => t.id === 2);
    assert.equal(draft.status, "completed");

    // 4. Edit in the detail panel.
    await page.click(cardSel("Call Joe about the contract"));
    const panel = page.locator('aside[aria-label="Task details"]');
    await panel.waitFor();
    await panel.getByText("Okay so tomorrow I need to call Joe").waitFor(); // source transcript
    const title = panel.getByLabel("Title");
    await title.fill("Call Joe re: contract renewal");
    await title.press("Enter");
    await panel.getByLabel("Priority").selectOption("low");
    await panel.getByLabel("Agent", { exact: true }).selectOption("Meeting Prep");
    await panel.getByText("Why this agent: assigned by you").waitFor();
    await page.waitForSelector(cardSel("Call Joe re: contract renewal"));
    const joe = (await backendTasks(page)).find((t) => t.id === 1);
    assert.equal(joe.title, "Call Joe re: contract renewal");
    assert.equal(joe.priority, "low");
    assert.equal(joe.assigned_agent, "Meeting Prep");
    assert.match(await page.textContent(cardSel("Call Joe re: contract renewal")), /Meeting Prep/);
    await page.screenshot({ path: path.join(ART, "board-detail.png") });

    // 5. Sanitized agent output (demo task #5 contains <script> and <img onerror>).
    await page.click(cardSel("Summarize customer interviews"));
    await panel.locator(".markdown h2").waitFor();
    assert.equal(
      await panel.locator(".markdown script, .markdown img, .markdown [onerror]").count(),
      0,
    );
    await page.keyboard.press("Escape");

    // 6. Delete with the keyboard, undo with Ctrl+Z.
    await page.click(cardSel("Plan weekend trip"));
    await page.keyboard.press("Escape");
    await page.keyboard.press("Backspace");
    await page.waitForSelector(cardSel("Plan weekend trip"), { state: "detached" });
    await page.getByText("Task deleted").waitFor();
    await page.keyboard.press("Control+z");
    await page.waitForSelector(cardSel("Plan weekend trip"));
    assert.ok((await backendTasks(page)).some((t) => t.title === "Plan weekend trip"));

    // 7. Live: another process (the CLI) adds a task → store-changed → it appears.
    await page.evaluate(() =>
      window.__utterMock.addExternal("Added from the terminal", { status: "blocked" }),
    );
    await page.waitForSelector(cardSel("Added from the terminal"));

    // 8. Help overlay.
    await page.keyboard.press("?");
    await page.getByRole("dialog", { name: "Keyboard shortcuts" }).waitFor();
    await page.waitForTimeout(300); // fade-in
    await page.screenshot({ path: path.join(ART, "help.png") });
    await page.keyboard.press("Escape");

    await page.mouse.move(5, 5);
    await page.waitForTimeout(6500); // let toasts fade for a clean shot
    await page.click(cardSel("Fix the leaking kitchen tap"));
    await page.keyboard.press("Escape");
    await page.screenshot({ path: path.join(ART, "board.png") });
    assert.deepEqual(problems, []);
    await context.close();
  });

  it("a verified update shows 'Update ready — restart'; clicking installs", async () => {
    const { page, context, problems } = await openBoard({ query: "?update=0.2.0" });
    const button = page.getByRole("button", { name: "Update ready — restart" });
    await button.waitFor();
    await page.screenshot({ path: path.join(ART, "update-ready.png") });
    await button.click();
    await page.waitForFunction(() => window.__utterMock.backend.updates.installed);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it("dark mode screenshot", async () => {
    const { page, context, problems } = await openBoard({ colorScheme: "dark" });
    await page.screenshot({ path: path.join(ART, "board-dark.png") });
    await page.click(cardSel("Summarize customer interviews"));
    await page.locator(".markdown h2").waitFor();
    await page.waitForTimeout(300); // panel slide-in
    await page.screenshot({ path: path.join(ART, "board-dark-detail.png") });
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(bg, "rgb(15, 16, 18)");
    assert.deepEqual(problems, []);
    await context.close();
  });

  it("records from the header's Record button; the vocabulary section of the settings", async () => {
    const { page, context, problems } = await openBoard();
    await page.getByRole("button", { name: "Record" }).click();
    await page.waitForFunction(
      () => (document.querySelector(".record-partial")?.textContent ?? "").split(" ").length > 3,
    );
    await page.screenshot({ path: path.join(ART, "record.png") });
    await page.getByRole("button", { name: "Stop recording" }).click();
    await page
      .getByText(/tasks? added:/)
      .first()
      .waitFor();
    await page.keyboard.press(",");
    const dialog = page.getByRole("dialog", { name: "Settings" });
    await dialog.getByRole("textbox", { name: "Word or name" }).fill("Initech");
    await dialog.getByRole("textbox", { name: "Replaces (optional)" }).fill("a night tech");
    await dialog.getByRole("button", { name: "Add", exact: true }).click();
    await dialog.getByText("replaces “a night tech”").waitFor();
    await dialog.locator(".vocabulary").evaluate((e) => e.scrollIntoView({ block: "center" }));
    await page.waitForTimeout(200);
    await page.screenshot({ path: path.join(ART, "vocabulary.png") });
    await page.keyboard.press("Escape");
    // The recording is in the voice journal, with its cards and their seconds.
    await page.getByRole("button", { name: "Dumps" }).click();
    const dumps = page.getByRole("dialog", { name: "Dumps" });
    await dumps.getByRole("article").first().waitFor();
    await dumps
      .getByRole("button", { name: /^Play what you said for / })
      .first()
      .waitFor();
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(ART, "dumps.png") });
    await dumps.getByRole("button", { name: "▶ Play" }).first().click();
    assert.deepEqual(problems, []);
    await context.close();
  });

  it("a dump that updated a card and was unsure about another: the toast, then Merge in the card's panel", async () => {
    const { page, context, problems } = await openBoard();
    await page.evaluate(() => {
      const m = window.__utterMock;
      const keep = m.backend.tasks.find((t) => t.status === "pending");
      const added = m.backend.desktop.addTask(`${keep.title} (said again)`);
      m.backend.flagPossibleDuplicate(added.id, keep.id);
      m.voice({
        kind: "done",
        text: "…",
        transcript_id: 99,
        task_ids: [added.id],
        titles: [added.title],
        changed: ["Book the dentist: due 2026-12-11"],
        answers: [
          { question: "what's due tomorrow", answer: "Nothing due on 2026-12-06.", task_ids: [] },
        ],
      });
    });
    await page.locator(".toast").filter({ hasText: "1 task added, 1 card updated" }).waitFor();
    const flagged = page.locator(".card-title", { hasText: "(said again)" });
    await flagged.click();
    const note = page.getByRole("note");
    await note.getByRole("button", { name: "Merge" }).waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(ART, "possible-repeat.png") });
    await note.getByRole("button", { name: "Merge" }).click();
    await page
      .locator(".toast")
      .filter({ hasText: /Merged into #/ })
      .waitFor();
    await flagged.waitFor({ state: "detached" });
    assert.equal((await callsTo(page, "merge_tasks")).length, 1);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it("empty state", async () => {
    const { page, context } = await openBoard({ query: "?seed=empty" });
    await page.getByTestId("empty-state").waitFor();
    assert.match(await page.textContent(".empty-state"), /utter tasks add/);
    await page.screenshot({ path: path.join(ART, "empty.png") });
    await context.close();
  });

  it("10k tasks: virtualized columns, keyboard and drag still work", async () => {
    const t0 = Date.now();
    const { page, context, problems } = await openBoard({ query: "?seed=10000" });
    const loadMs = Date.now() - t0;
    assert.equal(
      await page.textContent('[data-testid="count-pending"]'),
      String((await backendTasks(page)).filter((t) => t.status === "pending").length),
    );
    const rendered = await page.locator("[data-card]").count();
    assert.ok(rendered < 200, `expected a virtualized board, got ${rendered} cards in the DOM`);

    // Keyboard navigation deep into a column keeps the focused card rendered.
    await page.keyboard.press("j");
    const navStart = Date.now();
    for (let i = 0; i < 60; i++) await page.keyboard.press("j");
    const navMs = Date.now() - navStart;
    const focusedTitle = await page.evaluate(
      () => document.activeElement?.querySelector(".card-title")?.textContent,
    );
    assert.ok(focusedTitle, "a card keeps focus");
    const filterStart = Date.now();
    await page.keyboard.press("/");
    await page.keyboard.type("number 77");
    await page.waitForFunction(() => document.querySelectorAll("[data-card]").length < 150);
    const filterMs = Date.now() - filterStart;
    await page.keyboard.press("Escape");

    // Drag within the virtualized view.
    await page.getByLabel("Filter tasks").fill("");
    await page.mouse.move(5, 5);
    await page.evaluate(() =>
      document.querySelectorAll(".column-scroll").forEach((c) => (c.scrollTop = 0)),
    );
    await page.waitForTimeout(100);
    const first = await page
      .locator('.column[data-status="completed"] [data-card]')
      .nth(0)
      .textContent();
    await drag(
      page,
      '.column[data-status="completed"] [data-card] >> nth=0',
      '.column[data-status="pending"] [data-card] >> nth=0',
      "top",
    );
    await page.waitForFunction(
      (t) =>
        document.querySelector('.column[data-status="pending"] .card-title')?.textContent === t,
      first.match(/Task number \d+/)[0],
    );
    await page.screenshot({ path: path.join(ART, "board-10k.png") });
    console.log(
      `# 10k: load ${loadMs} ms, ${rendered} cards in DOM, 60×j ${navMs} ms, filter ${filterMs} ms`,
    );
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe("desktop views (mock IPC, headless Chromium)", () => {
  it("settings: status, shortcut (taken → inline error), microphone meter, model download progress, theme; light and dark", async () => {
    for (const scheme of ["light", "dark"]) {
      const { page, context, problems } = await openBoard({
        colorScheme: scheme,
        viewport: { width: 1100, height: 1680 },
      });
      await page.keyboard.press(",");
      const dialog = page.getByRole("dialog", { name: "Settings" });
      await dialog.locator(".model-row").first().waitFor();
      await dialog.getByText(/all work/).waitFor();
      if (scheme === "light") {
        // A shortcut another app holds: the refusal shows next to the field, the old one stays.
        await page.evaluate(() =>
          window.__utterMock.backend.desktop.taken.add("CommandOrControl+Alt+K"),
        );
        await dialog.getByRole("button", { name: /Recording shortcut/ }).click();
        await page.keyboard.press("Control+Alt+KeyK");
        await dialog.getByRole("button", { name: "Save", exact: true }).click();
        await dialog.getByRole("alert").filter({ hasText: "already taken" }).waitFor();
        assert.equal(
          await page.evaluate(() => window.__utterMock.backend.desktop.settings.hotkey),
          "CommandOrControl+Shift+Space",
        );
        await dialog.getByRole("button", { name: "Cancel" }).click();

        // Download progress from model-download events.
        await page.evaluate(() => (window.__utterMock.backend.desktop.downloadStepMs = 400));
        await page.click('[data-model="base.en"] button');
        await page.waitForSelector(
          '[data-model="base.en"] [role="progressbar"][aria-valuenow]:not([aria-valuenow="0"])',
        );
      }
      await page.waitForFunction(
        () => Number(document.querySelector(".level-meter")?.getAttribute("aria-valuenow")) > 0,
      );
      assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), scheme);
      await page.mouse.move(5, 5);
      await page.waitForTimeout(200); // fade-in
      await page.screenshot({
        path: path.join(ART, scheme === "dark" ? "settings-dark.png" : "settings.png"),
        fullPage: true,
      });

      // The theme setting overrides the OS preference, live.
      const other = scheme === "dark" ? "Light" : "Dark";
      await dialog.getByRole("radio", { name: other }).check({ force: true });
      await page.waitForFunction(
        (t) => document.documentElement.dataset.theme === t,
        other.toLowerCase(),
      );
      assert.equal(
        await page.evaluate(() => window.__utterMock.backend.desktop.settings.theme),
        other.toLowerCase(),
      );

      await page.keyboard.press("Escape");
      await page.waitForSelector('[role="dialog"][aria-label="Settings"]', { state: "detached" });
      assert.deepEqual(await callsTo(page, "stop_level_test").then((c) => c.length > 0), true);
      assert.deepEqual(problems, []);
      await context.close();
    }
  });

  it("settings → data: export says where the file went; an import previews its counts, then adds the cards", async () => {
    const { page, context, problems } = await openBoard({ viewport: { width: 1100, height: 900 } });
    await page.keyboard.press(",");
    const dialog = page.getByRole("dialog", { name: "Settings" });
    const section = dialog.locator('section[aria-labelledby="s-data"]');
    await section.scrollIntoViewIfNeeded();
    await section.getByLabel("Export the board").selectOption("markdown");
    await section.getByRole("button", { name: "Export" }).click();
    await section.getByText(/utter-board-2026-12-05\.md/).waitFor();
    await section.getByLabel("Import cards").setInputFiles({
      name: "from-todoist.md",
      mimeType: "text/markdown",
      buffer: Buffer.from(
        "- [ ] Renew passport\n- [ ] Call the bank about the mortgage\n- [x] Book flights to Berlin\n",
      ),
    });
    await section.getByRole("group", { name: "Import preview" }).waitFor();
    await page.mouse.move(5, 5);
    await section.screenshot({ path: path.join(ART, "settings-data.png") });
    const before = await page.evaluate(() => window.__utterMock.backend.tasks.length);
    await section.getByRole("button", { name: "Import 3 card(s)" }).click();
    await section.getByText("Imported 3 card(s) from Markdown checklist.").waitFor();
    assert.equal(await page.evaluate(() => window.__utterMock.backend.tasks.length), before + 3);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it("settings → data: the backups, a restore asks first, then the board is the backup's", async () => {
    const { page, context, problems } = await openBoard();
    await page.keyboard.press(",");
    const dialog = page.getByRole("dialog", { name: "Settings" });
    const list = dialog.getByRole("list", { name: "Backups" });
    await list.getByRole("listitem").nth(7).waitFor();
    // Cards added after the backups were made go away with the restore.
    await page.evaluate(() =>
      window.__utterMock.backend.insert({ title: "Added after the backups" }),
    );
    await list
      .getByRole("button", { name: /Restore the backup from/ })
      .first()
      .click();
    await dialog.getByRole("group", { name: "Confirm restore" }).waitFor();
    await dialog.locator(".backups").evaluate((e) => e.scrollIntoView({ block: "center" }));
    await page.waitForTimeout(200);
    await page.screenshot({ path: path.join(ART, "backups.png") });
    await dialog.getByRole("button", { name: "Replace the board" }).click();
    await dialog
      .getByRole("status")
      .filter({ hasText: /Restored \d+ cards/ })
      .waitFor();
    await page.waitForTimeout(200);
    await page.screenshot({ path: path.join(ART, "backups-restored.png") });
    await page.keyboard.press("Escape");
    await page.getByText("Added after the backups").waitFor({ state: "detached" });
    assert.deepEqual(problems, []);
    await context.close();
  });

  it("settings on a bare desktop (no tray, notification daemon or microphone) say what is missing", async () => {
    const { page, context, problems } = await openBoard({
      query: "?desktop=bare",
      viewport: { width: 1100, height: 900 },
    });
    await page.getByRole("button", { name: "Settings" }).click();
    const dialog = page.getByRole("dialog", { name: "Settings" });
    await dialog.locator('[data-problem="tray"]').waitFor();
    assert.deepEqual(
      await dialog.locator("[data-problem]").evaluateAll((l) => l.map((e) => e.dataset.problem)),
      ["microphone", "notifications", "tray"],
    );
    await dialog
      .getByText("No microphone found: no input devices on the default host")
      .first()
      .waitFor();
    await page.waitForTimeout(300); // fade-in
    await page.screenshot({ path: path.join(ART, "settings-missing.png") });
    assert.deepEqual(problems, []);
    await context.close();
  });

  it("first-run setup: microphone, model, try it (a mock recording makes tasks), skip", async () => {
    const { page, context, problems } = await openBoard({
      query: "?onboarding=1",
      viewport: { width: 1100, height: 760 },
    });
    const dialog = page.getByRole("dialog", { name: "Set up Utter" });
    await dialog.waitFor();
    await page.waitForFunction(
      () => Number(document.querySelector(".level-meter")?.getAttribute("aria-valuenow")) > 0,
    );
    await page.screenshot({ path: path.join(ART, "onboarding.png") });
    await page.keyboard.press("Enter"); // Next has the focus
    await dialog.getByText(/tiny.en is installed/).waitFor();
    await page.screenshot({ path: path.join(ART, "onboarding-model.png") });
    await dialog.getByRole("button", { name: "Next" }).click();

    // Try it: the shortcut cannot be pressed headless, so record with the button.
    await page.evaluate(() => (window.__utterMock.backend.desktop.wordMs = 90));
    await dialog.getByRole("button", { name: "Record with a click instead" }).click();
    await page.waitForSelector('.try-box[data-voice="recording"]');
    await page.waitForFunction(() =>
      (document.querySelector(".try-text")?.textContent ?? "").endsWith("Friday"),
    );
    await page.screenshot({ path: path.join(ART, "onboarding-try.png") });
    await page.waitForFunction(() =>
      (document.querySelector(".try-text")?.textContent ?? "").endsWith("dentist"),
    );
    await dialog.getByRole("button", { name: "Stop and add the tasks" }).click();
    await dialog.getByText("It works: 3 tasks added").waitFor();
    await page.screenshot({ path: path.join(ART, "onboarding-done.png") });

    await dialog.getByRole("button", { name: "Skip setup" }).click();
    await page.waitForSelector(".board");
    assert.equal(
      await page.evaluate(() => window.__utterMock.backend.desktop.settings.onboarding_done),
      true,
    );
    await page.waitForSelector(cardSel("Call Joe tomorrow about the renewal"));
    assert.deepEqual(problems, []);
    await context.close();
  });

  it("a finished recording toasts in the main window; Undo removes its tasks", async () => {
    const { page, context, problems } = await openBoard();
    await page.evaluate(() =>
      window.__utterMock.dump([
        "Call Joe about the renewal",
        "Send the Henderson proposal",
        "Book the dentist",
      ]),
    );
    const toast = page.locator(".toast").filter({ hasText: "3 tasks added" });
    await toast.waitFor();
    await page.waitForSelector(cardSel("Book the dentist"));
    await page.waitForTimeout(300); // slide-in
    await page.screenshot({ path: path.join(ART, "toast-undo.png") });
    await toast.getByRole("button", { name: "Undo" }).click();
    await page.waitForSelector(cardSel("Book the dentist"), { state: "detached" });
    assert.equal((await callsTo(page, "undo_dump_items")).length, 1);
    await page.evaluate(() =>
      window.__utterMock.voice({ kind: "error", message: "No microphone found: no input devices" }),
    );
    await page.locator(".toast-error").filter({ hasText: "No microphone found" }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  it("recording overlay (#overlay): state, level, partial, Esc cancels, then what was added", async () => {
    for (const scheme of ["light", "dark"]) {
      const context = await browser.newContext({
        viewport: { width: 460, height: 132 },
        colorScheme: scheme,
      });
      await context.addInitScript(() => Object.freeze(Object.prototype));
      const page = await context.newPage();
      const problems = [];
      page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
      await page.goto(server.url + "#overlay");
      await page.waitForSelector(".rec");
      await page.evaluate(() => {
        const m = window.__utterMock;
        m.voice({ kind: "state", state: "recording" });
        m.voice({ kind: "level", level: 0.62 });
        m.voice({
          kind: "partial",
          text: "okay so tomorrow I need to call Joe about the renewal, and the Henderson proposal is due Friday, and remind me to book the dentist",
        });
      });
      await page.waitForSelector('.rec[data-state="recording"] .rec-text:not(:empty)');
      const text = await page.textContent(".rec-text");
      assert.ok(text.startsWith("…") && text.endsWith("book the dentist"), text);
      await page.screenshot({
        path: path.join(ART, scheme === "dark" ? "overlay-dark.png" : "overlay.png"),
      });

      if (scheme === "light") {
        await page.keyboard.press("Escape");
        await page.waitForFunction(
          () => window.__utterMock.backend.callsTo("cancel_recording").length === 1,
        );
        await page.waitForSelector('.rec[data-state="cancelled"]');
        // A real (mock) recording: start, words arrive, stop → transcribing → done.
        await page.evaluate(() => {
          window.__utterMock.backend.desktop.wordMs = 20;
          return window.__utterMock.backend.handle("start_recording");
        });
        await page.waitForFunction(() =>
          (document.querySelector(".rec-text")?.textContent ?? "").includes("dentist"),
        );
        await page.evaluate(() => window.__utterMock.backend.handle("stop_recording"));
        await page.waitForSelector('.rec[data-state="done"]');
        assert.equal(await page.textContent(".rec-label"), "3 tasks added");
        await page.screenshot({ path: path.join(ART, "overlay-done.png") });
        await page.evaluate(() =>
          window.__utterMock.voice({
            kind: "error",
            message: "No microphone found: no input devices on the default host",
          }),
        );
        await page.waitForSelector('.rec[data-state="error"]');
        await page.screenshot({ path: path.join(ART, "overlay-error.png") });
      }
      assert.deepEqual(problems, []);
      await context.close();
    }
  });
});

describe("agents (mock IPC, headless Chromium)", () => {
  it("task panel: the run timeline of a task with runs; Run starts one that completes", async () => {
    for (const scheme of ["light", "dark"]) {
      const { page, context, problems } = await openBoard({
        colorScheme: scheme,
        viewport: { width: 1360, height: 900 },
      });
      await page.click(cardSel("Summarize customer interviews"));
      const panel = page.locator('aside[aria-label="Task details"]');
      await panel.locator(".run-steps .run-step").nth(2).waitFor();
      assert.equal(await panel.locator(".run-steps .run-step").count(), 3);
      assert.equal(await panel.locator(".run-head .run-badge").first().textContent(), "Completed");
      await panel.getByText("Why this agent: keyword 'research'").waitFor();
      await page.mouse.move(5, 5);
      await page.waitForTimeout(300); // panel slide-in
      await page.screenshot({
        path: path.join(ART, scheme === "dark" ? "timeline-dark.png" : "timeline.png"),
      });

      if (scheme === "light") {
        await panel.getByRole("button", { name: "Run Research" }).click();
        await page.waitForFunction(
          () => document.querySelectorAll('.run[data-status="completed"]').length === 2,
          null,
          { timeout: 5000 },
        );
        assert.deepEqual(await callsTo(page, "run_agent"), [{ agent: "Research", task: 5 }]);
        await panel
          .locator(".markdown")
          .getByText(/^Done: “Summarize customer interviews”/)
          .waitFor();
      }
      assert.deepEqual(problems, []);
      await context.close();
    }
  });

  it("approvals inbox: shows the waiting call; Approve removes it and the run completes", async () => {
    for (const scheme of ["light", "dark"]) {
      const { page, context, problems } = await openBoard({
        colorScheme: scheme,
        viewport: { width: 1100, height: 760 },
      });
      const button = page.getByRole("button", { name: "Approvals, 1 waiting" });
      await button.click();
      const dialog = page.getByRole("dialog", { name: "Approvals" });
      const approval = dialog.getByRole("article", {
        name: "Proposal Generator wants to run files/write_file",
      });
      await approval.waitFor();
      await approval.getByText("Draft Q3 planning doc").waitFor();
      await page.mouse.move(5, 5);
      await page.waitForTimeout(200); // fade-in
      await page.screenshot({
        path: path.join(ART, scheme === "dark" ? "approvals-dark.png" : "approvals.png"),
      });

      if (scheme === "light") {
        await approval.getByRole("button", { name: "Approve files/write_file" }).click();
        await approval.waitFor({ state: "detached" });
        await dialog.getByText("Nothing waiting for you").waitFor();
        await page.screenshot({ path: path.join(ART, "approvals-empty.png") });
        await page.keyboard.press("Escape");
        await dialog.waitFor({ state: "detached" });
        await page.getByRole("button", { name: "Approvals, 0 waiting" }).waitFor();
        await page.click(cardSel("Draft Q3 planning doc"));
        const panel = page.locator('aside[aria-label="Task details"]');
        await panel.locator('.run[data-status="completed"]').waitFor({ timeout: 5000 });
        await panel.getByText("Saved the draft to q3-planning.md.").first().waitFor();
        const run = await page.evaluate(() =>
          window.__utterMock.backend.agents.runs.find((r) => r.agent === "Proposal Generator"),
        );
        assert.equal(run.status, "completed");
      }
      assert.deepEqual(problems, []);
      await context.close();
    }
  });

  it("agents gallery: g a opens it; disabling an agent and saving persists after reopening", async () => {
    for (const scheme of ["light", "dark"]) {
      const { page, context, problems } = await openBoard({
        colorScheme: scheme,
        viewport: { width: 1360, height: 1300 },
      });
      await page.keyboard.press("g");
      await page.keyboard.press("a");
      const dialog = page.getByRole("dialog", { name: "Agents" });
      const research = dialog.getByRole("article", { name: "Research" });
      await research.waitFor();
      assert.equal(await dialog.getByRole("article").count(), 6);
      if (scheme === "light") {
        await dialog
          .getByRole("article", { name: "Meeting Prep" })
          .getByRole("button", { name: "Show system prompt" })
          .click();
      }
      await page.mouse.move(5, 5);
      await page.waitForTimeout(200); // fade-in
      await page.screenshot({
        path: path.join(ART, scheme === "dark" ? "agents-dark.png" : "agents.png"),
      });

      if (scheme === "light") {
        await research.getByRole("checkbox", { name: "Research enabled" }).uncheck();
        await research.getByText("Unsaved changes").waitFor();
        await research.getByRole("button", { name: "Save Research" }).click();
        await page.locator(".toast").filter({ hasText: "Saved Research" }).waitFor();
        await page.keyboard.press("Escape");
        await dialog.waitFor({ state: "detached" });
        await page.getByRole("button", { name: "Agents" }).click();
        const again = page
          .getByRole("dialog", { name: "Agents" })
          .getByRole("article", { name: "Research" });
        await again.waitFor();
        assert.equal(
          await again.getByRole("checkbox", { name: "Research enabled" }).isChecked(),
          false,
        );
        assert.equal(
          await page.evaluate(
            () =>
              window.__utterMock.backend.agents.agents.find((a) => a.name === "Research").enabled,
          ),
          false,
        );
      }
      assert.deepEqual(problems, []);
      await context.close();
    }
  });

  it("MCP servers: opened from the agents page; tools load; add and remove a server", async () => {
    for (const scheme of ["light", "dark"]) {
      const { page, context, problems } = await openBoard({
        colorScheme: scheme,
        viewport: { width: 1360, height: 1000 },
      });
      await page.keyboard.press("g");
      await page.keyboard.press("a");
      await page
        .getByRole("dialog", { name: "Agents" })
        .getByRole("button", { name: "MCP servers" })
        .click();
      const dialog = page.getByRole("dialog", { name: "MCP servers" });
      const files = dialog.getByRole("region", { name: "MCP server files" });
      await files.getByRole("button", { name: "Tools" }).click();
      await files.getByRole("list", { name: "Tools of files" }).waitFor();
      assert.equal(await files.getByRole("listitem").count(), 3);
      // The screenshot also shows a server that will not start.
      const linear = dialog.getByRole("region", { name: "MCP server linear" });
      await linear.getByRole("button", { name: "Test connection" }).click();
      await linear.getByRole("alert").filter({ hasText: "connection refused" }).waitFor();
      // A remote server's sign-in: needed on linear, signed in (renewing itself) on notion.
      await linear.getByText("Sign in needed").waitFor();
      await dialog
        .getByRole("region", { name: "MCP server notion" })
        .getByText("Signed in · renews itself")
        .waitFor();
      await page.mouse.move(5, 5);
      await page.waitForTimeout(200);
      await page.screenshot({
        path: path.join(ART, scheme === "dark" ? "mcp-servers-dark.png" : "mcp-servers.png"),
        fullPage: true,
      });
      if (scheme === "light") {
        const form = dialog.getByRole("form", { name: "Add an MCP server" });
        await form.getByLabel("Server name").fill("memory");
        await form.getByLabel("Command").fill("npx -y @modelcontextprotocol/server-memory");
        await form.getByRole("button", { name: "Add" }).click();
        const memory = dialog.getByRole("region", { name: "MCP server memory" });
        await memory.waitFor();
        await memory.getByRole("button", { name: "Remove memory" }).click();
        await memory.getByRole("button", { name: "Yes" }).click();
        await memory.waitFor({ state: "detached" });
        const importer = dialog.getByRole("form", { name: "Import from Claude Desktop" });
        await importer.getByRole("button", { name: "Import from Claude Desktop" }).click();
        await importer.getByRole("status").filter({ hasText: "Imported 1: github" }).waitFor();
        await dialog.getByRole("region", { name: "MCP server github" }).waitFor();
        // Sign in: the page waits for the browser (and offers its page again), then shows
        // the sign-in; a preset fills in a well-known remote server's URL.
        await page.evaluate(() => (window.__utterMock.backend.mcp.signInMs = Infinity));
        await linear.getByRole("button", { name: "Sign in" }).click();
        await linear.getByRole("status").filter({ hasText: "Waiting for your browser" }).waitFor();
        await linear.getByRole("button", { name: "Open the sign-in page again" }).waitFor();
        await linear.scrollIntoViewIfNeeded();
        await page.mouse.move(5, 5);
        await page.screenshot({ path: path.join(ART, "mcp-sign-in-waiting.png") });
        await page.evaluate(() => window.__utterMock.backend.mcp.finishSignIn());
        await linear.getByText("Signed in · renews itself").waitFor();
        await linear.getByRole("button", { name: "Sign out and forget" }).waitFor();
        await form.getByRole("button", { name: "sentry" }).click();
        assert.equal(await form.getByLabel("URL").inputValue(), "https://mcp.sentry.dev/mcp");
        await form.getByRole("button", { name: "+ Client id" }).click();
        await form.getByLabel("Client id").fill("my-sentry-app");
        await page.mouse.move(5, 5);
        await page.waitForTimeout(200);
        await page.screenshot({ path: path.join(ART, "mcp-sign-in.png"), fullPage: true });
        // Esc in a text field stays in the field; from the page it goes back.
        await page.evaluate(() => document.activeElement?.blur());
        await page.keyboard.press("Escape");
        await page.getByRole("dialog", { name: "Agents" }).waitFor();
      }
      assert.deepEqual(problems, []);
      await context.close();
    }
  });
});

describe("chat (mock IPC, headless Chromium)", () => {
  it("g c opens the board's chat; the answer streams and the task it added is on the board", async () => {
    for (const scheme of ["light", "dark"]) {
      const { page, context, problems } = await openBoard({
        colorScheme: scheme,
        viewport: { width: 1360, height: 820 },
      });
      await page.evaluate(() => (window.__utterMock.backend.chat.pieceMs = 60));
      await page.keyboard.press("g");
      await page.keyboard.press("c");
      const chat = page.getByRole("complementary", { name: "Chat" });
      await chat.getByText("Board tools only").waitFor();
      await chat.getByLabel("Message").fill("add call Joe tomorrow");
      await page.keyboard.press("Enter");
      // Streaming: part of the answer is there before all of it.
      await page.waitForFunction(
        () => /^Added/.test(document.querySelector("[data-streaming]")?.textContent ?? ""),
        null,
        { timeout: 5000 },
      );
      await chat
        .locator(".chat-assistant .markdown", { hasText: "to Pending, due tomorrow." })
        .waitFor({ timeout: 5000 });
      assert.equal(await chat.locator("[data-streaming]").count(), 0);
      const added = page.locator(cardSel("Call Joe"));
      await added.waitFor();
      assert.equal(await added.locator(".due").textContent(), "Tomorrow");
      const chip = chat.locator(".chat-tool", { hasText: "create_task" });
      assert.equal(await chip.getAttribute("data-state"), "done");
      await chip.locator("summary").click();
      await chip.locator(".chat-tool-result").waitFor();
      await chat.getByLabel("Message").fill("what is due this week?");
      await page.mouse.move(5, 5);
      await page.waitForTimeout(250);
      await page.screenshot({
        path: path.join(ART, scheme === "dark" ? "chat-dark.png" : "chat.png"),
      });
      const calls = await callsTo(page, "chat_send");
      assert.deepEqual(calls, [{ task: null, text: "add call Joe tomorrow" }]);
      await page.keyboard.press("Escape");
      await chat.waitFor({ state: "detached" });
      assert.deepEqual(problems, []);
      await context.close();
    }
  });
});

// The desktop screenshots are kept in assets/screenshots (the README shows them), current with every e2e run.
after(() => {
  const docs = path.resolve(
    path.dirname(fileURLToPath(import.meta.url)),
    "../../assets/screenshots",
  );
  fs.mkdirSync(docs, { recursive: true });
  for (const name of [
    "board.png",
    "overlay.png",
    "overlay-dark.png",
    "overlay-done.png",
    "onboarding.png",
    "onboarding-try.png",
    "settings.png",
    "settings-dark.png",
    "settings-missing.png",
    "agents.png",
    "agents-dark.png",
    "approvals.png",
    "approvals-dark.png",
    "timeline.png",
    "timeline-dark.png",
    "mcp-servers.png",
    "mcp-servers-dark.png",
    "mcp-sign-in.png",
    "mcp-sign-in-waiting.png",
    "chat.png",
    "chat-dark.png",
    "dumps.png",
    "possible-repeat.png",
    "settings-data.png",
    "update-ready.png",
  ]) {
    const from = path.join(ART, name);
    if (fs.existsSync(from)) fs.copyFileSync(from, path.join(docs, name));
  }
});
