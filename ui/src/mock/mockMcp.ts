// The MCP servers page's commands, in memory: two servers, tools for one, a start failure
// for the other (so the error state can be seen and tested); import reads a pretend Claude
// Desktop config. Remote servers sign in: the browser step is a pause and a `mcp_sign_in`
// event with a pretend page.
import { commandError } from "./commandError";
import type { Emit } from "./mockDesktop";
import type { ChangeEvent, McpImport, McpServerView, McpToolView, NewMcpServer } from "../bindings";

type Args = Record<string, unknown>;

const FILES_TOOLS: McpToolView[] = [
  { name: "read_text_file", description: "Read a file as text.", read_only: true },
  { name: "list_directory", description: "List the entries of a directory.", read_only: true },
  { name: "write_file", description: "Create or overwrite a file.", read_only: false },
];

export class MockMcp {
  private servers: McpServerView[] = [
    {
      name: "files",
      transport: "stdio",
      target: "npx -y @modelcontextprotocol/server-filesystem ~/Documents",
      secret_names: [],
      enabled: true,
      trusted: false,
      agents: ["Research"],
      auth: { state: "none" },
      client_id: null,
    },
    {
      name: "linear",
      transport: "http",
      target: "https://mcp.linear.app/mcp",
      secret_names: ["Authorization"],
      enabled: true,
      trusted: false,
      agents: [],
      auth: { state: "sign_in_needed" },
      client_id: null,
    },
    {
      name: "notion",
      transport: "http",
      target: "https://mcp.notion.com/mcp",
      secret_names: [],
      enabled: true,
      trusted: true,
      agents: ["Research"],
      auth: {
        state: "signed_in",
        expires_at: Math.floor(Date.now() / 1000) + 3600,
        refreshable: true,
        scopes: [],
      },
      client_id: null,
    },
  ];

  /** How long the pretend browser takes to come back from a sign-in (Infinity: until `finishSignIn`). */
  signInMs = 0;
  /** When set, sign-in fails with this message (a refused consent, a closed port). */
  signInError: string | null = null;
  /** Resolves the sign-in waiting for the browser now (tests). */
  finishSignIn: (() => void) | null = null;
  /** Set by mcp_cancel_sign_in: the waiting login rejects as the core's does. */
  signInCancelled = false;

  /** How long "starting" a server takes before its tools come back; the browser demo sets it so "Starting…" shows. */
  startMs = 0;

  constructor(
    private changed: (e: ChangeEvent) => void,
    private emit: Emit = () => undefined,
  ) {}

  handles(cmd: string): boolean {
    return [
      "list_mcp_servers",
      "add_mcp_server",
      "import_mcp_servers",
      "remove_mcp_server",
      "set_mcp_server_trusted",
      "mcp_server_tools",
      "mcp_login",
      "mcp_logout",
      "mcp_open_sign_in_page",
      "mcp_cancel_sign_in",
    ].includes(cmd);
  }

  dispatch(cmd: string, a: Args): unknown {
    switch (cmd) {
      case "list_mcp_servers":
        return structuredClone(this.servers);
      case "add_mcp_server": {
        const s = a.server as NewMcpServer;
        if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(s.name))
          throw `invalid MCP server name '${s.name}'`;
        if (this.servers.some((x) => x.name === s.name))
          throw `an MCP server named ${s.name} already exists`;
        if (!s.command === !s.url) throw "give either a command or a URL for the server";
        this.servers.push({
          name: s.name,
          transport: s.url ? "http" : "stdio",
          target: (s.url ?? s.command ?? "").trim(),
          secret_names: s.secrets.map(([k]) => k),
          enabled: true,
          trusted: false,
          agents: [],
          auth: s.url && s.client_id ? { state: "sign_in_needed" } : { state: "none" },
          client_id: s.url ? (s.client_id ?? null) : null,
        });
        this.changed({ kind: "setting_changed", key: `mcp.${s.name}` });
        return null;
      }
      case "mcp_login":
        return this.login(String(a.name));
      case "mcp_logout": {
        const server = this.find(String(a.name));
        server.auth = { state: "none" };
        this.changed({ kind: "setting_changed", key: `mcp.${server.name}` });
        return null;
      }
      case "mcp_open_sign_in_page":
        return null;
      case "mcp_cancel_sign_in": {
        const waiting = this.finishSignIn !== null;
        if (waiting) {
          this.signInCancelled = true;
          this.finishSignIn?.();
        }
        return waiting;
      }
      case "import_mcp_servers":
        return this.importClaude();
      case "remove_mcp_server": {
        const before = this.servers.length;
        this.servers = this.servers.filter((x) => x.name !== a.name);
        this.changed({ kind: "setting_changed", key: `mcp.${String(a.name)}` });
        return this.servers.length < before;
      }
      case "set_mcp_server_trusted": {
        const server = this.servers.find((x) => x.name === a.name);
        if (!server) throw `no MCP server named '${String(a.name)}'`;
        server.trusted = Boolean(a.trusted);
        this.changed({ kind: "setting_changed", key: `mcp.${server.name}` });
        return null;
      }
      case "mcp_server_tools":
        return this.tools(String(a.name));
      default:
        throw `unknown command ${cmd}`;
    }
  }

  private find(name: string): McpServerView {
    const server = this.servers.find((x) => x.name === name);
    if (!server) throw `no MCP server named '${name}'`;
    return server;
  }

  private async login(name: string): Promise<null> {
    const server = this.find(name);
    if (server.transport !== "http")
      throw `'${name}' is a local command server; only HTTP servers sign in`;
    this.emit("mcpSignIn", {
      server: name,
      url: `${server.target.replace(/\/mcp\/?$/, "")}/authorize?client_id=utter&state=x`,
    });
    await new Promise<void>((resolve) => {
      this.finishSignIn = resolve;
      if (Number.isFinite(this.signInMs)) setTimeout(resolve, this.signInMs);
    });
    this.finishSignIn = null;
    if (this.signInCancelled) {
      this.signInCancelled = false;
      throw commandError("cancelled", "sign-in cancelled");
    }
    if (this.signInError) throw this.signInError;
    server.auth = {
      state: "signed_in",
      expires_at: Math.floor(Date.now() / 1000) + 3600,
      refreshable: true,
      scopes: ["read"],
    };
    this.changed({ kind: "setting_changed", key: `mcp.${name}` });
    return null;
  }

  private async tools(name: string): Promise<McpToolView[]> {
    if (this.startMs) await new Promise((r) => setTimeout(r, this.startMs));
    if (name === "files") return structuredClone(FILES_TOOLS);
    if (name === "linear")
      throw "MCP server linear: cannot connect to https://mcp.linear.app/mcp: connection refused";
    if (name === "notion")
      return [{ name: "search", description: "Search pages and databases.", read_only: true }];
    if (!this.servers.some((s) => s.name === name)) throw `no MCP server named ${name}`;
    return [];
  }

  /** A pretend claude_desktop_config.json: one new server, and "files", which is here already. */
  private importClaude(): McpImport {
    const result: McpImport = { imported: [], skipped: [] };
    for (const s of CLAUDE_CONFIG) {
      if (this.servers.some((x) => x.name === s.name)) {
        result.skipped.push([s.name, "a server with this name already exists"]);
        continue;
      }
      this.servers.push(structuredClone(s));
      result.imported.push(s.name);
      this.changed({ kind: "setting_changed", key: `mcp.${s.name}` });
    }
    return result;
  }
}

const CLAUDE_CONFIG: McpServerView[] = [
  {
    name: "github",
    transport: "stdio",
    target: "npx -y @modelcontextprotocol/server-github",
    secret_names: ["GITHUB_PERSONAL_ACCESS_TOKEN"],
    enabled: true,
    trusted: false,
    agents: [],
    auth: { state: "none" },
    client_id: null,
  },
  {
    name: "files",
    transport: "stdio",
    target: "npx -y @modelcontextprotocol/server-filesystem ~/Desktop",
    secret_names: [],
    enabled: true,
    trusted: false,
    agents: [],
    auth: { state: "none" },
    client_id: null,
  },
];
