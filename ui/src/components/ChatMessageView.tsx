import type { ChatMessage, ChatToolCall } from "../bindings";
import { Markdown } from "./Markdown";
import { WrenchIcon } from "./WrenchIcon";

/** Board tools by their name; MCP tools (`server__tool`) as `server/tool`, like the tool rules. */
function toolLabel(name: string): string {
  const at = name.indexOf("__");
  return at > 0 ? `${name.slice(0, at)}/${name.slice(at + 2)}` : name;
}

function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

function ToolCallChip({ call, result }: { call: ChatToolCall; result: ChatMessage | undefined }) {
  const state = result == null ? "running" : result.is_error ? "error" : "done";
  return (
    <details className="chat-tool" data-state={state}>
      <summary>
        <span className="chat-tool-icon">
          <WrenchIcon />
        </span>
        <span className="chat-tool-name">{toolLabel(call.name)}</span>
        {state === "running" && <span className="chat-tool-state">running…</span>}
        {state === "error" && <span className="chat-tool-state">failed</span>}
      </summary>
      <pre className="chat-tool-args">{prettyJson(call.arguments)}</pre>
      {result && <pre className="chat-tool-result">{prettyJson(result.content)}</pre>}
    </details>
  );
}

/** One turn: the user's words, or the assistant's answer with the tools it used. */
export function ChatMessageView({
  message,
  results,
}: {
  message: ChatMessage;
  results: Map<string, ChatMessage>;
}) {
  if (message.role === "tool") return null;
  if (message.role === "user") {
    return (
      <div className="chat-msg chat-user" data-role="user">
        <p>{message.content}</p>
      </div>
    );
  }
  return (
    <div className="chat-msg chat-assistant" data-role="assistant">
      {message.tool_calls.length > 0 && (
        <div className="chat-tools">
          {message.tool_calls.map((c) => (
            <ToolCallChip key={c.id} call={c} result={results.get(c.id)} />
          ))}
        </div>
      )}
      {message.content.trim() !== "" && <Markdown source={message.content} className="chat-text" />}
    </div>
  );
}
