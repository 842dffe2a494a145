// The MCP servers page's commands, in memory: two servers, tools for one, a start failure
// for the other (so the error state can be seen and tested).
import type { ChangeEvent } from "../bindings/ChangeEvent";
import type { McpServerView } from "../bindings/McpServerView";
import type { McpToolView } from "../bindings/McpToolView";
import type { NewMcpServer } from "../bindings/NewMcpServer";

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
      agents: ["Research"],
    },
    {
      name: "linear",
      transport: "http",
      target: "https://mcp.linear.app/mcp",
      secret_names: ["Authorization"],
      enabled: true,
      agents: [],
    },
  ];

  constructor(private changed: (e: ChangeEvent) => void) {}

  handles(cmd: string): boolean {
    return ["list_mcp_servers", "add_mcp_server", "import_mcp_servers", "remove_mcp_server", "mcp_server_tools"].includes(cmd);
  }

  dispatch(cmd: string, a: Args): unknown {
    switch (cmd) {
      case "list_mcp_servers":
        return structuredClone(this.servers);
      case "add_mcp_server": {
        const s = a.server as NewMcpServer;
        if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(s.name)) throw `invalid MCP server name '${s.name}'`;
        if (this.servers.some((x) => x.name === s.name)) throw `an MCP server named ${s.name} already exists`;
        if (!s.command === !s.url) throw "give either a command or a URL for the server";
        this.servers.push({
          name: s.name,
          transport: s.url ? "http" : "stdio",
          target: (s.url ?? s.command ?? "").trim(),
          secret_names: s.secrets.map(([k]) => k),
          enabled: true,
          agents: [],
        });
        this.changed({ kind: "setting_changed", key: `mcp.${s.name}` });
        return null;
      }
      case "import_mcp_servers":
        return { imported: [], skipped: [["files", "a server with this name already exists"]] };
      case "remove_mcp_server": {
        const before = this.servers.length;
        this.servers = this.servers.filter((x) => x.name !== a.name);
        this.changed({ kind: "setting_changed", key: `mcp.${String(a.name)}` });
        return this.servers.length < before;
      }
      case "mcp_server_tools":
        if (a.name === "files") return structuredClone(FILES_TOOLS);
        if (a.name === "linear") throw "MCP server linear: cannot connect to https://mcp.linear.app/mcp: connection refused";
        return [];
      default:
        throw `unknown command ${cmd}`;
    }
  }
}
