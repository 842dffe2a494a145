// Ad-hoc perf probe: node e2e/perf.mjs [build]  (build = production mock build via vite preview)
import { chromium } from "playwright-core";
import { build, preview } from "vite";
import { startMockServer, CHROMIUM_ARGS, CHROMIUM_PATH } from "./server.mjs";
let url, close;
if (process.argv[2] === "build") {
  await build({ mode: "mock", logLevel: "warn", build: { outDir: "e2e-artifacts/mock-dist" } });
  const p = await preview({
    mode: "mock",
    logLevel: "warn",
    build: { outDir: "e2e-artifacts/mock-dist" },
    preview: { port: 5199, strictPort: true, host: "127.0.0.1" },
  });
  url = "http://127.0.0.1:5199/";
  close = () => p.close();
} else {
  const s = await startMockServer();
  url = s.url;
  close = s.close;
}
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1360, height: 800 } });
  const t0 = Date.now();
  await page.goto(url + "?seed=10000");
  await page.waitForSelector(".board");
  console.log("load", Date.now() - t0);
  const r = await page.evaluate(async () => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const key = (k) =>
      window.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true }));
    key("j");
    await frame();
    const times = [];
    for (let i = 0; i < 30; i++) {
      const s = performance.now();
      key("j");
      await frame();
      times.push(performance.now() - s);
    }
    const inp = document.querySelector('input[aria-label="Filter tasks"]');
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
    const ft = [];
    for (const v of ["T", "Ta", "Tas", "Task 1", ""]) {
      const s = performance.now();
      setter.call(inp, v);
      inp.dispatchEvent(new Event("input", { bubbles: true }));
      await frame();
      ft.push(Math.round(performance.now() - s));
    }
    const s2 = performance.now();
    key("]");
    await frame();
    const move = performance.now() - s2;
    times.sort((a, b) => a - b);
    return {
      jMedian: times[15].toFixed(1),
      jMax: times[29].toFixed(1),
      filter: ft,
      move: move.toFixed(1),
    };
  });
  console.log(JSON.stringify(r));
} finally {
  await browser.close();
  await close();
}
