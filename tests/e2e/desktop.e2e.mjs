// Desktop integration of the real app under Xvfb: what it says when the desktop lacks a tray
// host, a notification daemon and a microphone; then, with dunst and a PulseAudio virtual
// microphone started, the global hotkey (synthetic X key events from xdotool) records speech
// that ends up as tasks on the board and a "tasks added" notification read back from dunst.
// Started by scripts/e2e-app.sh (DISPLAY, private D-Bus session, UTTER_MODEL).
import { test, before, after } from "node:test";
import { openApp, setupHook } from "./session.mjs";
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { By, until } from "selenium-webdriver";

const APP = process.env.UTTER_BIN;
const CLI = process.env.UTTER_CLI;
const DATA_DIR = process.env.UTTER_DATA_DIR;
const ARTIFACTS = process.env.E2E_ARTIFACTS;
const WORK = process.env.WORK;
mkdirSync(ARTIFACTS, { recursive: true });

const cli = (...args) => execFileSync(CLI, ["--data-dir", DATA_DIR, ...args], { encoding: "utf8" });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const run = (cmd, args) => execFileSync(cmd, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

let driver;
const daemons = [];

/** Calls one of the app's Tauri commands from inside its webview. */
async function invoke(cmd, args = {}) {
  const r = await driver.executeAsyncScript(
    (c, a, done) => window.__TAURI_INTERNALS__.invoke(c, a).then((v) => done({ ok: v }), (e) => done({ err: e })),
    cmd,
    args,
  );
  if (r.err) throw Object.assign(new Error(`${cmd}: ${JSON.stringify(r.err)}`), { rejection: r.err });
  return r.ok;
}

async function until_(what, fn, timeout = 20_000) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    last = await fn();
    if (last) return last;
    await sleep(150);
  }
  throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)}`);
}

// E2E_RECORD=1 films the hotkey test (the X screen, a frame every ~0.3 s) into
// $E2E_ARTIFACTS/hotkey-to-cards.gif for the README; off by default, it only costs time.
function startFilming() {
  if (process.env.E2E_RECORD !== "1") return null;
  const dir = path.join(ARTIFACTS, "frames");
  mkdirSync(dir, { recursive: true });
  const loop = spawn("bash", ["-c",
    `i=1000; while :; do import -window root -resize 50% "${dir}/f$i.png"; i=$((i+1)); sleep 0.2; done`],
    { stdio: "ignore", env: process.env });
  return { dir, loop };
}

function stopFilming(film) {
  if (!film) return;
  film.loop.kill();
  const frames = readdirSync(film.dir).filter((f) => f.endsWith(".png")).sort().map((f) => path.join(film.dir, f));
  // Hold the last frame (the cards) for two seconds.
  run("convert", ["-delay", "30", "-loop", "0", ...frames, "-delay", "200", frames[frames.length - 1],
    "-layers", "Optimize", path.join(ARTIFACTS, "hotkey-to-cards.gif")]);
}

function rootShot(name) {
  // The overlay is its own window: only a screenshot of the X screen shows it.
  run("import", ["-window", "root", path.join(ARTIFACTS, name)]);
}

before(async () => {
  assert.ok(APP && CLI && DATA_DIR && process.env.UTTER_MODEL, "run through scripts/e2e-app.sh with UTTER_MODEL");
  // The test model is multilingual; fixing the language keeps it from guessing.
  cli("settings", "set", "voice.language", "en");
  cli("settings", "set", "onboarding.done", "on");
  driver = await openApp(APP, process.env.DRIVER_URL);
  await driver.wait(until.elementLocated(By.css('[data-testid="empty-state"], .column')), 30_000);
}, setupHook);

after(async () => {
  await driver?.quit();
  for (const d of daemons) d.kill("SIGTERM");
});

test("without a tray host, notification daemon or microphone the app runs and says what is missing", async () => {
  const s = await until_("the hotkey registration", async () => {
    const st = await invoke("desktop_status");
    return st.hotkey_registered ? st : null;
  });
  assert.equal(s.tray, false, "no StatusNotifier host runs under bare Xvfb");
  assert.equal(s.notifications, false);
  assert.match(s.notifications_error, /no notification service is running/);
  assert.equal(s.microphone, false);
  assert.match(s.microphone_error, /no microphone found/);
  assert.equal(s.hotkey, "CommandOrControl+Shift+Space");
  assert.equal(s.voice, "idle");
  const before = JSON.parse(cli("tasks", "list", "--json")).length;
  // Recording without a microphone is an error event, not a crash.
  await invoke("start_recording");
  const st = await until_("the failed start to settle", async () => {
    const x = await invoke("desktop_status");
    return x.voice === "idle" ? x : null;
  });
  assert.equal(st.voice, "idle");
  assert.equal(JSON.parse(cli("tasks", "list", "--json")).length, before);
});

test("a failed command reaches the page as a CommandError with its code", async () => {
  await assert.rejects(invoke("get_task", { id: 987654 }), (e) => {
    assert.equal(e.rejection.code, "not_found");
    assert.match(e.rejection.message, /987654/);
    assert.equal(e.rejection.hint, null);
    return true;
  });
});

test("a taken or malformed hotkey is refused and the old one keeps working", async () => {
  await assert.rejects(invoke("set_setting", { key: "hotkey.shortcut", value: "Shift" }), (e) => {
    assert.equal(e.rejection.code, "invalid");
    assert.match(e.rejection.message, /no key/);
    return true;
  });
  // Another X client (xbindkeys) owns Ctrl+Alt+K.
  const rc = path.join(process.env.HOME, ".xbindkeysrc");
  writeFileSync(rc, '"true"\n  control+alt + k\n');
  const xbk = spawn("xbindkeys", ["-n", "-f", rc], { stdio: "ignore", env: process.env });
  daemons.push(xbk);
  await sleep(1000);
  await assert.rejects(invoke("set_setting", { key: "hotkey.shortcut", value: "Ctrl+Alt+K" }), /already taken by another app/);
  xbk.kill("SIGTERM");
  const s = await invoke("get_settings");
  assert.equal(s.hotkey, "CommandOrControl+Shift+Space");
  const st = await invoke("desktop_status");
  assert.equal(st.hotkey_registered, true);
  assert.equal(st.hotkey, "CommandOrControl+Shift+Space");
  // A free one is taken over, saved, and the old one released; then back to the default.
  assert.equal((await invoke("set_setting", { key: "hotkey.shortcut", value: "Alt+F9" })).hotkey, "Alt+F9");
  assert.equal((await invoke("desktop_status")).hotkey, "Alt+F9");
  assert.equal((await invoke("set_setting", { key: "hotkey.shortcut", value: null })).hotkey, "CommandOrControl+Shift+Space");
});

test("start at login writes and removes the XDG autostart entry", async () => {
  const dir = path.join(process.env.HOME, ".config", "autostart");
  const entries = () => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".desktop")) : []);
  assert.equal((await invoke("set_setting", { key: "app.autostart", value: "on" })).autostart, true);
  const [entry] = entries();
  assert.ok(entry, "an autostart .desktop file");
  assert.match(readFileSync(path.join(dir, entry), "utf8"), /Exec=.*utter-desktop/);
  assert.equal((await invoke("set_setting", { key: "app.autostart", value: "off" })).autostart, false);
  assert.deepEqual(entries(), []);
});

test("the app's settings commands hold the CLI's settings, and refuse a bad value as it does", async () => {
  const listed = await invoke("list_settings");
  const fromCli = JSON.parse(cli("settings", "list", "--json"));
  assert.deepEqual(listed.map((s) => s.key), fromCli.map((s) => s.key));
  assert.equal(listed.find((s) => s.key === "voice.language").value, "en", "set by the CLI in before()");
  await assert.rejects(invoke("set_setting", { key: "ui.theme", value: "purple" }), /purple.{0,2}" is not one of system, light, dark/);
  await assert.rejects(invoke("set_setting", { key: "app.autostart", value: "yes" }), /is not one of on, off/);
  await assert.rejects(invoke("set_setting", { key: "no.such", value: "1" }), /unknown setting 'no.such'/);
});

test("the global hotkey records speech into tasks on the board and a notification", async () => {
  // A notification daemon and a virtual microphone (PulseAudio null sink; its monitor is the
  // default input) appear while the app is running.
  const dunst = spawn("dunst", [], { stdio: "ignore", env: process.env });
  daemons.push(dunst);
  run("pulseaudio", ["-D", "--exit-idle-time=-1", "-n", "--load=module-null-sink sink_name=virt",
    "--load=module-native-protocol-unix"]);
  daemons.push({ kill: () => { try { run("pactl", ["exit"]); } catch { /* gone */ } } });
  run("pactl", ["set-default-source", "virt.monitor"]);
  await until_("dunst on the bus", async () => {
    try { run("dunstctl", ["is-paused"]); return true; } catch { return false; }
  });
  const status = await until_("a microphone and notifications", async () => {
    const st = await invoke("desktop_status");
    return st.microphone && st.notifications ? st : null;
  });
  assert.equal(status.model_installed, true, "UTTER_MODEL points at the test model");

  const known = new Set(JSON.parse(cli("tasks", "list", "--json")).map((t) => t.id));
  const wav = path.join(WORK, "speech.wav");
  const said = "call Joe tomorrow about the renewal. the Henderson proposal is due on Friday.";
  if (process.env.E2E_RECORD === "1" && process.env.NEURAL_TTS) {
    // The film is for people: a natural voice (../shared/tools/neural-tts) when there is one.
    run(process.env.NEURAL_TTS, [said, wav]);
  } else {
    run("espeak-ng", ["-v", "en-us", "-s", "140", "-g", "2", "-w", wav, said]);
  }

  const film = startFilming();
  if (film) {
    // Earlier tests' toasts (no microphone yet) are not part of the story.
    await driver.executeScript(() => document.querySelectorAll('button[aria-label="Dismiss"]').forEach((b) => b.click()));
  }
  await sleep(600);
  // Hold the hotkey (push-to-talk is the default mode) …
  run("xdotool", ["keydown", "ctrl+shift+space"]);
  await until_("recording", async () => (await invoke("desktop_status")).voice === "recording");
  const overlay = run("xdotool", ["search", "--onlyvisible", "--name", "Utter — recording"]).trim();
  assert.ok(overlay, "the overlay is visible while recording");
  run("paplay", ["-d", "virt", wav]);
  rootShot("overlay-live.png");
  // … and let go.
  run("xdotool", ["keyup", "space", "shift", "ctrl"]);

  const tasks = await until_("tasks from the recording", async () => {
    const fresh = JSON.parse(cli("tasks", "list", "--json")).filter((t) => !known.has(t.id));
    return fresh.some((t) => /Joe/.test(t.title)) ? fresh : null;
  }, 60_000);
  const joe = tasks.find((t) => /Joe/.test(t.title));
  assert.ok(joe.source_transcript_id, "the task links to its transcript");
  await driver.wait(until.elementLocated(By.css(`[data-card="${joe.id}"]`)), 10_000);
  await sleep(1200);
  stopFilming(film);

  const history = await until_("the notification", async () => {
    const h = JSON.parse(run("dunstctl", ["history"]));
    const found = h.data[0].find((n) => /tasks? added/.test(n.summary.data));
    if (found) return found;
    run("dunstctl", ["close-all"]);
    return null;
  });
  assert.match(history.body.data, /Joe/);
  const st = await until_("idle", async () => (await invoke("desktop_status")).voice === "idle");
  assert.ok(st);
  writeFileSync(path.join(ARTIFACTS, "hotkey-board.png"), await driver.takeScreenshot(), "base64");
});

test("Esc during a recording discards it", async () => {
  const before = JSON.parse(cli("tasks", "list", "--json")).length;
  const audioDir = path.join(DATA_DIR, "audio");
  const wavs = () => execFileSync("ls", [audioDir], { encoding: "utf8" }).split("\n").filter(Boolean).length;
  const wavsBefore = wavs();
  run("xdotool", ["keydown", "ctrl+shift+space"]);
  await until_("recording", async () => (await invoke("desktop_status")).voice === "recording");
  await sleep(500);
  run("xdotool", ["key", "Escape"]);
  await until_("idle after Esc", async () => (await invoke("desktop_status")).voice === "idle");
  run("xdotool", ["keyup", "space", "shift", "ctrl"]);
  await sleep(1000);
  assert.equal(JSON.parse(cli("tasks", "list", "--json")).length, before);
  assert.equal(wavs(), wavsBefore, "the cancelled recording's audio is deleted");
});

test("toggle mode: one press starts, the next press stops and saves", async () => {
  assert.equal((await invoke("set_setting", { key: "hotkey.mode", value: "toggle" })).hotkey_mode, "toggle");
  const known = new Set(JSON.parse(cli("tasks", "list", "--json")).map((t) => t.id));
  const wav = path.join(WORK, "toggle.wav");
  run("espeak-ng", ["-v", "en-us", "-s", "140", "-g", "2", "-w", wav, "email Sarah the budget tomorrow."]);
  run("xdotool", ["key", "ctrl+shift+space"]);
  await until_("recording after one press", async () => (await invoke("desktop_status")).voice === "recording");
  run("paplay", ["-d", "virt", wav]);
  // Still recording after the key went up: toggle mode does not stop on release.
  assert.equal((await invoke("desktop_status")).voice, "recording");
  run("xdotool", ["key", "ctrl+shift+space"]);
  await until_("the recording to stop and be saved", async () => (await invoke("desktop_status")).voice === "idle", 60_000);
  const fresh = JSON.parse(cli("tasks", "list", "--json")).filter((t) => !known.has(t.id));
  assert.ok(fresh.some((t) => /sara|budget/i.test(t.title)), JSON.stringify(fresh));
  await invoke("set_setting", { key: "hotkey.mode", value: null });
});

test("the header's Record button records from the microphone; the cards appear", async () => {
  const known = new Set(JSON.parse(cli("tasks", "list", "--json")).map((t) => t.id));
  const wav = path.join(WORK, "button.wav");
  const raw = path.join(WORK, "button-raw.wav");
  run("espeak-ng", ["-v", "en-us", "-s", "140", "-g", "2", "-w", raw, "order new toner for the printer tomorrow."]);
  // Half a second of silence first: the click starts the microphone in the background, and
  // the first word must not fall into its start.
  run("sox", [raw, wav, "pad", "0.5", "0"]);
  const button = await driver.wait(until.elementLocated(By.css(".record-button")), 10_000);
  assert.match(await button.getAttribute("title"), /hold .+ anywhere/);
  await button.click();
  await until_("recording after the click", async () => (await invoke("desktop_status")).voice === "recording");
  run("paplay", ["-d", "virt", wav]);
  // The live words under the button while recording.
  await driver.wait(async () => /toner|printer/i.test(await driver.findElement(By.css(".record-partial")).getText()), 20_000);
  writeFileSync(path.join(ARTIFACTS, "record-button.png"), await driver.takeScreenshot(), "base64");
  await driver.findElement(By.css(".record-button")).click();
  await until_("the recording to stop and be saved", async () => (await invoke("desktop_status")).voice === "idle", 60_000);
  const fresh = JSON.parse(cli("tasks", "list", "--json")).filter((t) => !known.has(t.id));
  const toner = fresh.find((t) => /toner|printer/i.test(t.title));
  assert.ok(toner, JSON.stringify(fresh));
  await driver.wait(until.elementLocated(By.css(`[data-card="${toner.id}"]`)), 10_000);

  // The Dumps view lists that dump: what was heard, and the card with its seconds to replay.
  const dumpsButton = await driver.findElement(By.xpath("//header//button[normalize-space()='Dumps']"));
  await dumpsButton.click();
  const dump = await driver.wait(until.elementLocated(By.css(`.dump[data-dump="${toner.source_transcript_id}"]`)), 10_000);
  assert.match(await dump.findElement(By.css(".dump-text")).getText(), /toner|printer/i);
  const cardTitle = await dump.findElement(By.xpath(`.//button[contains(@class,'dump-card-title')][normalize-space()=${JSON.stringify(toner.title)}]`));
  const play = await dump.findElement(By.css(".dump-card-play"));
  assert.match(await play.getText(), /▶ 0:0\d\.\d–0:0\d\.\d/);
  writeFileSync(path.join(ARTIFACTS, "dumps.png"), await driver.takeScreenshot(), "base64");
  // A card in the journal opens on the board.
  await cardTitle.click();
  await driver.wait(until.elementLocated(By.css(`aside.detail[data-task="${toner.id}"]`)), 10_000);
});
