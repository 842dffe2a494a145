// Start the UI in mock mode with Vite's JS API (so the test owns the process
// and closes it), on a free port.
import { createServer } from "vite";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

export async function startMockServer() {
  const port = await freePort();
  const server = await createServer({
    root,
    configFile: path.join(root, "vite.config.ts"),
    mode: "mock",
    logLevel: "warn",
    server: { port, strictPort: true, host: "127.0.0.1", hmr: false },
  });
  await server.listen();
  return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
}

export const CHROMIUM_ARGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
