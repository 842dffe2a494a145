import { screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";

import { renderMarkdown } from "../lib/markdown";
import { card, renderApp } from "../test/harness";

const EVIL_TITLE = "<img src=x onerror=alert(1)>";
const EVIL_OUTPUT =
  '# Report\n\n<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n[click](javascript:alert(3))\n\n**ok**';

describe("untrusted content", () => {
  afterEach(() => {
    delete (window as unknown as { __pwned?: boolean }).__pwned;
  });

  it("renders a malicious title as text, never as HTML", async () => {
    const alert = vi.spyOn(window, "alert").mockImplementation(() => {});
    const { user } = await renderApp({ tasks: [{ id: 1, title: EVIL_TITLE }] });
    expect(screen.getByText(EVIL_TITLE, { selector: ".card-title" })).toBeInTheDocument();
    expect(document.querySelector("img")).toBeNull();
    await user.click(card(EVIL_TITLE));
    expect(screen.getByLabelText("Title")).toHaveValue(EVIL_TITLE);
    expect(document.querySelector("img")).toBeNull();
    expect(alert).not.toHaveBeenCalled();
  });

  it("sanitizes agent output Markdown: scripts, event handlers and javascript: links are stripped", async () => {
    const alert = vi.spyOn(window, "alert").mockImplementation(() => {});
    const { user } = await renderApp({
      tasks: [{ id: 1, title: "Report", agent_output: EVIL_OUTPUT }],
    });
    await user.click(card("Report"));
    const panel = screen.getByRole("complementary", { name: "Task details" });
    const md = panel.querySelector(".markdown") as HTMLElement;
    expect(within(md).getByRole("heading", { name: "Report" })).toBeInTheDocument();
    expect(within(md).getByText("ok").tagName).toBe("STRONG");
    expect(md.querySelector("script")).toBeNull();
    expect(md.querySelector("img")).toBeNull();
    expect(md.querySelector("[onerror]")).toBeNull();
    expect(md.innerHTML).not.toMatch(/javascript:/i);
    expect(md.innerHTML).not.toMatch(/onerror/i);
    expect(alert).not.toHaveBeenCalled();
  });

  it("renderMarkdown strips dangerous HTML", () => {
    const html = renderMarkdown(
      '<script>alert(1)</script><img src=x onerror=alert(1)><a href="javascript:alert(1)">x</a><iframe src="https://evil"></iframe>\n\n_fine_',
    );
    expect(html).not.toMatch(/<script|<img|onerror|javascript:|<iframe/i);
    expect(html).toContain("<em>fine</em>");
  });
});
