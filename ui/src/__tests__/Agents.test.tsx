import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { renderApp } from "../test/harness";

async function openGallery() {
  const r = await renderApp({ tasks: [{ id: 1, title: "A task" }] });
  await r.user.keyboard("ga");
  const page = within(await screen.findByRole("dialog", { name: "Agents" }));
  await page.findByRole("article", { name: "Research" });
  return { ...r, page };
}

describe("agents gallery", () => {
  it("g a opens one card per agent; editing and Save sends the whole definition", async () => {
    const { backend, user, page } = await openGallery();
    expect(page.getAllByRole("article").map((a) => a.dataset.agent)).toEqual([
      "Meeting Prep",
      "Proposal Generator",
      "Research",
      "CRM Sync",
      "QA Verifier",
      "Chat",
    ]);
    const card = within(page.getByRole("article", { name: "Research" }));
    expect(card.getByText("built-in")).toBeInTheDocument();
    expect(card.queryByLabelText("Research system prompt")).not.toBeInTheDocument();
    expect(card.getByRole("button", { name: "Save Research" })).toBeDisabled();

    await user.click(card.getByRole("checkbox", { name: "Research enabled" }));
    const servers = card.getByLabelText("MCP servers");
    await user.clear(servers);
    await user.type(servers, "web, files, notes");
    const rules = card.getByLabelText("Tool permissions");
    await user.clear(rules);
    await user.type(rules, "*=ask{Enter}web/*=allow");
    await user.click(card.getByRole("button", { name: "Show system prompt" }));
    expect(card.getByLabelText("Research system prompt")).toHaveValue(
      backend.agents.agents[2].system_prompt,
    );
    await user.click(card.getByRole("button", { name: "Save Research" }));

    await waitFor(() => expect(backend.callsTo("save_agent")).toHaveLength(1));
    const saved = backend.callsTo("save_agent")[0].agent as Record<string, unknown>;
    expect(saved).toMatchObject({
      name: "Research",
      enabled: false,
      mcp_servers: ["web", "files", "notes"],
      tool_permissions: [
        { pattern: "*", permission: "ask" },
        { pattern: "web/*", permission: "allow" },
      ],
    });
    expect(backend.agents.agents[2].enabled).toBe(false);
    await waitFor(() => expect(card.getByRole("button", { name: "Save Research" })).toBeDisabled());
  });

  it("an unreadable rule line stays here; a refusal from the core is a toast; Reset to default calls reset_agent", async () => {
    const { backend, user, page } = await openGallery();
    const card = within(page.getByRole("article", { name: "CRM Sync" }));
    const rules = card.getByLabelText("Tool permissions");
    await user.type(rules, "{Enter}crm/delete");
    await user.click(card.getByRole("button", { name: "Save CRM Sync" }));
    expect(card.getByRole("alert")).toHaveTextContent("Line 4");
    expect(backend.callsTo("save_agent")).toHaveLength(0);

    await user.type(rules, "=deny");
    backend.failures.set("save_agent", "unknown MCP server 'crm'");
    await user.click(card.getByRole("button", { name: "Save CRM Sync" }));
    expect(
      await screen.findByText("Could not save CRM Sync: unknown MCP server 'crm'"),
    ).toBeInTheDocument();

    await user.click(card.getByRole("button", { name: "Reset CRM Sync to default" }));
    expect(backend.callsTo("reset_agent")).toEqual([{ name: "CRM Sync" }]);
    await waitFor(() =>
      expect(card.getByLabelText("Tool permissions")).toHaveValue(
        "*=ask\n*/read_*=allow\n*/search*=allow",
      ),
    );
  });
});
