import type { ChatMessage } from "../bindings/ChatMessage";
import type { ChatToolCall } from "../bindings/ChatToolCall";
import { Markdown } from "./Markdown";

/** Board tools read as plain words; MCP tools keep their `server/tool` name. */
function toolLabel(name: string): string {
  const [server, tool] = name.split("__");
  return tool ? `${server}/${tool}` : name.replace(/_/g, " ");
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
        <span className="chat-tool-icon" aria-hidden="true">
          {state === "error" ? "!" : state === "running" ? "…" : "✓"}
        </span>
        {toolLabel(call.name)}
      </summary>
      <pre className="chat-tool-args">{prettyJson(call.arguments)}</pre>
      {result && <pre className="chat-tool-result">{prettyJson(result.content)}</pre>}
    </details>
  );
}

/** One turn: the user's words, or the assistant's answer with the tools it used. */
export function ChatMessageView({ message, results }: { message: ChatMessage; results: Map<string, ChatMessage> }) {
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
