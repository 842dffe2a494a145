import { useMemo, type MouseEvent } from "react";

import { renderMarkdown } from "../lib/markdown";

/**
 * Sanitized Markdown. The HTML comes only from DOMPurify (lib/markdown.ts).
 * Link clicks are swallowed: navigating the app's webview away would lose the board.
 */
export function Markdown({ source, className }: { source: string; className?: string }) {
  const html = useMemo(() => renderMarkdown(source), [source]);
  const onClick = (e: MouseEvent) => {
    if ((e.target as HTMLElement).closest("a")) e.preventDefault();
  };
  return (
    <div
      className={`markdown ${className ?? ""}`}
      onClick={onClick}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
