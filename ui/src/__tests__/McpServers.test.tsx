import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { renderApp } from "../test/harness";

async function openServers() {
  const r = await renderApp({ tasks: [{ id: 1, title: "A task" }] });
  await r.user.keyboard("ga");
  const agents = within(await screen.findByRole("dialog", { name: "Agents" }));
  await r.user.click(agents.getByRole("button", { name: "MCP servers" }));
  const page = within(await screen.findByRole("dialog", { name: "MCP servers" }));
  await page.findByRole("region", { name: "MCP server files" });
  return { ...r, page };
}

describe("MCP servers page", () => {
  it("lists servers with transport, target, keychain names and the agents that use them", async () => {
    const { page } = await openServers();
    const files = within(page.getByRole("region", { name: "MCP server files" }));
    expect(files.getByText("stdio")).toBeInTheDocument();
    expect(files.getByText("npx -y @modelcontextprotocol/server-filesystem ~/Documents")).toBeInTheDocument();
    expect(files.getByText("Used by Research")).toBeInTheDocument();
    const linear = within(page.getByRole("region", { name: "MCP server linear" }));
    expect(linear.getByText("http")).toBeInTheDocument();
    expect(linear.getByText("Keys in the keychain: Authorization")).toBeInTheDocument();
    expect(linear.getByText(/Not used by any agent yet/)).toBeInTheDocument();
  });

  it("loads tools on demand (read-only vs asks first) and shows a server that will not start", async () => {
    const { page, user } = await openServers();
    const files = within(page.getByRole("region", { name: "MCP server files" }));
    await user.click(files.getByRole("button", { name: "Tools" }));
    const list = within(await files.findByRole("list", { name: "Tools of files" }));
    expect(list.getAllByRole("listitem")).toHaveLength(3);
    expect(within(list.getByText("read_text_file").closest("li")!).getByText("read-only")).toBeInTheDocument();
    expect(within(list.getByText("write_file").closest("li")!).getByText("asks first")).toBeInTheDocument();

    const linear = within(page.getByRole("region", { name: "MCP server linear" }));
    await user.click(linear.getByRole("button", { name: "Tools" }));
    expect(await linear.findByRole("alert")).toHaveTextContent("connection refused");
  });

  it("adds a command server with an env secret and an HTTP server; errors from the core show inline", async () => {
    const { page, user, backend } = await openServers();
    const form = within(page.getByRole("form", { name: "Add an MCP server" }));
    await user.type(form.getByLabelText("Server name"), "memory");
    await user.type(form.getByLabelText("Command"), "npx -y @modelcontextprotocol/server-memory");
    await user.click(form.getByRole("button", { name: "+ Env variable" }));
    await user.type(form.getByLabelText("Secret 1 name"), "MEMORY_FILE_PATH");
    await user.type(form.getByLabelText("Secret 1 value"), "/tmp/m.json");
    await user.click(form.getByRole("button", { name: "Add" }));
    await waitFor(() => expect(backend.callsTo("add_mcp_server")).toHaveLength(1));
    expect(backend.callsTo("add_mcp_server")[0].server).toEqual({
      name: "memory",
      command: "npx -y @modelcontextprotocol/server-memory",
      url: null,
      secrets: [["MEMORY_FILE_PATH", "/tmp/m.json"]],
    });
    expect(await page.findByRole("region", { name: "MCP server memory" })).toBeInTheDocument();

    await user.type(form.getByLabelText("Server name"), "files");
    await user.selectOptions(form.getByLabelText("Kind"), "url");
    await user.type(form.getByLabelText("URL"), "http://127.0.0.1:3001/mcp");
    await user.click(form.getByRole("button", { name: "Add" }));
    expect(await form.findByRole("alert")).toHaveTextContent("already exists");
    expect(backend.callsTo("add_mcp_server")[1].server).toMatchObject({ command: null, url: "http://127.0.0.1:3001/mcp" });
  });

  it("removing asks first; Esc goes back to the agents", async () => {
    const { page, user, backend } = await openServers();
    const linear = within(page.getByRole("region", { name: "MCP server linear" }));
    await user.click(linear.getByRole("button", { name: "Remove linear" }));
    expect(backend.callsTo("remove_mcp_server")).toHaveLength(0);
    await user.click(linear.getByRole("button", { name: "Yes" }));
    await waitFor(() => expect(page.queryByRole("region", { name: "MCP server linear" })).not.toBeInTheDocument());
    expect(backend.callsTo("remove_mcp_server")).toEqual([{ name: "linear" }]);
    await user.keyboard("{Escape}");
    expect(await screen.findByRole("dialog", { name: "Agents" })).toBeInTheDocument();
  });
});
