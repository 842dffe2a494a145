import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

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
  it("shows each remote server's sign-in; a command server has none", async () => {
    const { page } = await openServers();
    const linear = within(page.getByRole("group", { name: "Sign-in for linear" }));
    expect(linear.getByText("Sign in needed")).toBeInTheDocument();
    expect(linear.getByRole("button", { name: "Sign in" })).toBeInTheDocument();
    const notion = within(page.getByRole("group", { name: "Sign-in for notion" }));
    expect(notion.getByText("Signed in · renews itself")).toBeInTheDocument();
    expect(notion.getByText(/current token until/)).toBeInTheDocument();
    expect(notion.getByRole("button", { name: "Sign in again" })).toBeInTheDocument();
    expect(notion.getByRole("button", { name: "Sign out and forget" })).toBeInTheDocument();
    expect(page.queryByRole("group", { name: "Sign-in for files" })).not.toBeInTheDocument();
  });

  it("signs in: waits for the browser (its page can be opened again), then shows the sign-in", async () => {
    const { page, user, backend } = await openServers();
    backend.mcp.signInMs = Infinity;
    const group = within(page.getByRole("group", { name: "Sign-in for linear" }));
    await user.click(group.getByRole("button", { name: "Sign in" }));
    expect(await group.findByRole("status")).toHaveTextContent("Waiting for your browser");
    await user.click(await group.findByRole("button", { name: "Open the sign-in page again" }));
    expect(backend.callsTo("mcp_open_sign_in_page")).toEqual([{ name: "linear" }]);
    expect(backend.callsTo("mcp_login")).toEqual([{ name: "linear" }]);
    backend.mcp.finishSignIn?.();
    expect(await group.findByText("Signed in · renews itself")).toBeInTheDocument();
    expect(group.queryByRole("status")).not.toBeInTheDocument();
    expect(group.getByText(/Granted: read/)).toBeInTheDocument();
  });

  it("Cancel stops a sign-in waiting for the browser: back to Sign in, no error", async () => {
    const { page, user, backend } = await openServers();
    backend.mcp.signInMs = Infinity;
    const group = within(page.getByRole("group", { name: "Sign-in for linear" }));
    await user.click(group.getByRole("button", { name: "Sign in" }));
    expect(await group.findByRole("status")).toHaveTextContent("Waiting for your browser");
    await user.click(group.getByRole("button", { name: "Cancel" }));
    expect(backend.callsTo("mcp_cancel_sign_in")).toEqual([{ name: "linear" }]);
    expect(await group.findByRole("button", { name: "Sign in" })).toBeEnabled();
    expect(group.queryByRole("status")).not.toBeInTheDocument();
    expect(group.queryByRole("alert")).not.toBeInTheDocument();
    expect(group.getByText("Sign in needed")).toBeInTheDocument();
  });

  it("a failed sign-in says why and offers Sign in again, no loop", async () => {
    const { page, user, backend } = await openServers();
    backend.mcp.signInError =
      "MCP server 'linear': the sign-in was refused in the browser (access_denied)";
    const group = within(page.getByRole("group", { name: "Sign-in for linear" }));
    await user.click(group.getByRole("button", { name: "Sign in" }));
    expect(await group.findByRole("alert")).toHaveTextContent(
      "Sign-in failed: MCP server 'linear': the sign-in was refused in the browser (access_denied)",
    );
    expect(group.getByText("Sign in needed")).toBeInTheDocument();
    expect(group.getByRole("button", { name: "Sign in" })).toBeEnabled();
    expect(backend.callsTo("mcp_login")).toHaveLength(1);
  });

  it("Sign out and forget asks first, then clears the sign-in", async () => {
    const { page, user, backend } = await openServers();
    const group = within(page.getByRole("group", { name: "Sign-in for notion" }));
    await user.click(group.getByRole("button", { name: "Sign out and forget" }));
    expect(backend.callsTo("mcp_logout")).toHaveLength(0);
    await user.click(group.getByRole("button", { name: "Yes" }));
    expect(
      await group.findByText(/Signed out: the tokens and this computer's registration are gone/),
    ).toBeInTheDocument();
    expect(backend.callsTo("mcp_logout")).toEqual([{ name: "notion" }]);
    expect(group.queryByText("Signed in · renews itself")).not.toBeInTheDocument();
    expect(group.getByRole("button", { name: "Sign in" })).toBeInTheDocument();
  });

  it("a preset fills in a well-known remote server; client id, secret and scope go with it", async () => {
    const { page, user, backend } = await openServers();
    const form = within(page.getByRole("form", { name: "Add an MCP server" }));
    await user.click(
      within(form.getByRole("group", { name: "Well-known remote servers" })).getByRole("button", {
        name: "github",
      }),
    );
    expect(form.getByLabelText("URL")).toHaveValue("https://api.githubcopilot.com/mcp/");
    expect(form.getByLabelText("Server name")).toHaveValue("github");
    await user.click(form.getByRole("button", { name: "+ Client id" }));
    await user.type(form.getByLabelText("Client id"), "Iv1.abc");
    await user.type(form.getByLabelText("Client secret"), "s3cret");
    expect(form.getByLabelText("Client secret")).toHaveAttribute("type", "password");
    await user.type(form.getByLabelText("Scope"), "repo read:org");
    await user.click(form.getByRole("button", { name: "Add" }));
    await waitFor(() => expect(backend.callsTo("add_mcp_server")).toHaveLength(1));
    expect(backend.callsTo("add_mcp_server")[0].server).toEqual({
      name: "github",
      command: null,
      url: "https://api.githubcopilot.com/mcp/",
      secrets: [],
      client_id: "Iv1.abc",
      client_secret: "s3cret",
      scope: "repo read:org",
    });
    const github = within(await page.findByRole("region", { name: "MCP server github" }));
    expect(github.getByText("Sign in needed")).toBeInTheDocument();
    // The secret never comes back to the page.
    expect(page.queryByText(/s3cret/)).not.toBeInTheDocument();
  });

  it("lists servers with transport, target, keychain names and the agents that use them", async () => {
    const { page } = await openServers();
    const files = within(page.getByRole("region", { name: "MCP server files" }));
    expect(files.getByText("stdio")).toBeInTheDocument();
    expect(
      files.getByText("npx -y @modelcontextprotocol/server-filesystem ~/Documents"),
    ).toBeInTheDocument();
    expect(files.getByText("Used by Research")).toBeInTheDocument();
    const linear = within(page.getByRole("region", { name: "MCP server linear" }));
    expect(linear.getByText("http")).toBeInTheDocument();
    expect(linear.getByText("Keys in the keychain: Authorization")).toBeInTheDocument();
    expect(linear.getByText(/Not used by any agent yet/)).toBeInTheDocument();
  });

  it("loads tools on demand (read-only vs asks first) and shows a server that will not start", async () => {
    const { page, user, backend } = await openServers();
    const files = within(page.getByRole("region", { name: "MCP server files" }));
    await user.click(files.getByRole("button", { name: "Tools" }));
    const list = within(await files.findByRole("list", { name: "Tools of files" }));
    expect(list.getAllByRole("listitem")).toHaveLength(3);
    // An untrusted server's read-only claim does not skip the question.
    expect(
      within(list.getByText("read_text_file").closest("li")!).getByText(
        "says read-only · asks first",
      ),
    ).toBeInTheDocument();
    expect(
      within(list.getByText("write_file").closest("li")!).getByText("asks first"),
    ).toBeInTheDocument();
    await user.click(files.getByRole("checkbox", { name: /Trust its read-only claims/ }));
    await waitFor(() =>
      expect(backend.callsTo("set_mcp_server_trusted")).toEqual([{ name: "files", trusted: true }]),
    );
    expect(
      await within(list.getByText("read_text_file").closest("li")!).findByText("read-only"),
    ).toBeInTheDocument();

    const linear = within(page.getByRole("region", { name: "MCP server linear" }));
    await user.click(linear.getByRole("button", { name: "Test connection" }));
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
      client_id: null,
      client_secret: null,
      scope: null,
    });
    expect(await page.findByRole("region", { name: "MCP server memory" })).toBeInTheDocument();

    await user.type(form.getByLabelText("Server name"), "files");
    await user.selectOptions(form.getByLabelText("Kind"), "url");
    await user.type(form.getByLabelText("URL"), "http://127.0.0.1:3001/mcp");
    // Two header rows, the first taken out again: only the second is sent.
    await user.click(form.getByRole("button", { name: "+ Header" }));
    await user.click(form.getByRole("button", { name: "+ Header" }));
    await user.type(form.getByLabelText("Secret 1 name"), "X-Dropped");
    await user.type(form.getByLabelText("Secret 2 name"), "Authorization");
    await user.type(form.getByLabelText("Secret 2 value"), "Bearer t0k");
    expect(form.getByLabelText("Secret 2 value")).toHaveAttribute("type", "password");
    await user.click(form.getByRole("button", { name: "Remove secret 1" }));
    await user.click(form.getByRole("button", { name: "Add" }));
    expect(await form.findByRole("alert")).toHaveTextContent("already exists");
    expect(backend.callsTo("add_mcp_server")[1].server).toEqual({
      name: "files",
      command: null,
      url: "http://127.0.0.1:3001/mcp",
      secrets: [["Authorization", "Bearer t0k"]],
      client_id: null,
      client_secret: null,
      scope: null,
    });
  });

  it("removing asks first; Esc goes back to the agents", async () => {
    const { page, user, backend } = await openServers();
    const linear = within(page.getByRole("region", { name: "MCP server linear" }));
    await user.click(linear.getByRole("button", { name: "Remove linear" }));
    expect(backend.callsTo("remove_mcp_server")).toHaveLength(0);
    await user.click(linear.getByRole("button", { name: "Yes" }));
    await waitFor(() =>
      expect(page.queryByRole("region", { name: "MCP server linear" })).not.toBeInTheDocument(),
    );
    expect(backend.callsTo("remove_mcp_server")).toEqual([{ name: "linear" }]);
    await user.keyboard("{Escape}");
    expect(await screen.findByRole("dialog", { name: "Agents" })).toBeInTheDocument();
  });

  it("shows Starting… while the server starts, then its tools", async () => {
    const { page, user, backend } = await openServers();
    let started = () => undefined as void;
    const starting = new Promise<void>((r) => (started = r));
    const dispatch = backend.mcp.dispatch.bind(backend.mcp);
    vi.spyOn(backend.mcp, "dispatch").mockImplementation((cmd, a) =>
      cmd === "mcp_server_tools" ? starting.then(() => dispatch(cmd, a)) : dispatch(cmd, a),
    );
    const files = within(page.getByRole("region", { name: "MCP server files" }));
    await user.click(files.getByRole("button", { name: "Tools" }));
    expect(await files.findByRole("button", { name: "Starting…" })).toBeDisabled();
    started();
    expect(await files.findByRole("list", { name: "Tools of files" })).toBeInTheDocument();
    expect(files.getByRole("button", { name: "Reload tools" })).toBeEnabled();
  });

  it("imports from Claude Desktop and says what came in and what was skipped", async () => {
    const { page, user, backend } = await openServers();
    const form = within(page.getByRole("form", { name: "Import from Claude Desktop" }));
    await user.click(form.getByRole("button", { name: "Import from Claude Desktop" }));
    expect(await form.findByRole("status")).toHaveTextContent(
      "Imported 1: github; skipped: files (a server with this name already exists)",
    );
    expect(backend.callsTo("import_mcp_servers")).toEqual([{ path: null }]);
    const github = within(await page.findByRole("region", { name: "MCP server github" }));
    expect(
      github.getByText("Keys in the keychain: GITHUB_PERSONAL_ACCESS_TOKEN"),
    ).toBeInTheDocument();

    await user.type(form.getByLabelText("Claude Desktop config path"), "/tmp/claude.json");
    await user.click(form.getByRole("button", { name: "Import from Claude Desktop" }));
    await waitFor(() =>
      expect(backend.callsTo("import_mcp_servers")[1]).toEqual({ path: "/tmp/claude.json" }),
    );
    await waitFor(() =>
      expect(form.getByRole("status")).toHaveTextContent(/^Imported 0; skipped: github .*, files/),
    );
  });

  it("explains MCP servers with an example when there are none", async () => {
    const { page, user } = await openServers();
    for (const name of ["files", "linear", "notion"]) {
      await user.click(page.getByRole("button", { name: `Remove ${name}` }));
      await user.click(
        within(page.getByRole("region", { name: `MCP server ${name}` })).getByRole("button", {
          name: "Yes",
        }),
      );
    }
    expect(await page.findByText("No MCP servers yet")).toBeInTheDocument();
    expect(
      page.getByText("npx -y @modelcontextprotocol/server-filesystem ~/Documents"),
    ).toBeInTheDocument();
  });

  it("g s opens the page from the board; the help sheet lists it", async () => {
    const { user } = await renderApp({ tasks: [{ id: 1, title: "A task" }] });
    await user.keyboard("?");
    const help = within(await screen.findByRole("dialog", { name: "Keyboard shortcuts" }));
    expect(help.getByText("MCP servers")).toBeInTheDocument();
    await user.keyboard("?");
    await user.keyboard("gs");
    expect(await screen.findByRole("dialog", { name: "MCP servers" })).toBeInTheDocument();
  });

  it("reloads when the CLI changes a server (setting_changed mcp.*)", async () => {
    const { page, backend } = await openServers();
    backend.mcp.dispatch("add_mcp_server", {
      server: { name: "web", command: null, url: "https://example.com/mcp", secrets: [] },
    });
    expect(await page.findByRole("region", { name: "MCP server web" })).toBeInTheDocument();
  });
});
