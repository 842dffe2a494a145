// Agent output is untrusted text: render Markdown, then sanitize with DOMPurify.
// The result is the only HTML the app ever injects (see components/Markdown.tsx).

import DOMPurify from "dompurify";
import { marked } from "marked";

const FORBID_TAGS = [
  "style",
  "script",
  "iframe",
  "object",
  "embed",
  "form",
  "input",
  "button",
  "textarea",
  "select",
  "img",
  "video",
  "audio",
  "source",
  "picture",
  "svg",
  "math",
  "link",
  "meta",
  "base",
];

export function renderMarkdown(src: string): string {
  const html = marked.parse(src, { async: false, gfm: true, breaks: true });
  return DOMPurify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS,
    FORBID_ATTR: ["style", "srcset", "action", "formaction"],
    ALLOW_DATA_ATTR: false,
  });
}
