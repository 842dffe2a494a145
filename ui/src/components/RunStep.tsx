import type { Approval, RunStep as Step } from "../bindings";
import { compactJson, formatMs, formatTokens, oneLine } from "../lib/runFormat";
import { ApprovalButtons } from "./ApprovalButtons";
import { RunStatusBadge } from "./RunStatusBadge";

interface RunStepProps {
  step: Step;
  /** The pending approval this tool call waits on, if any. */
  approval: Approval | null;
  onDecide: (approval: Approval, approve: boolean) => void;
}

// Model text is Markdown; heading marks only clutter a one-line preview.
const preview = (text: string) => oneLine(text.replace(/^#+\s+/gm, ""), 220);

/** One line of a run: a model turn (what it said) or a tool call (what it asked, what came back). */
export function RunStep({ step, approval, onDecide }: RunStepProps) {
  if (step.kind === "model") {
    return (
      <li className="run-step" data-kind="model">
        <div className="step-head">
          <span className="step-kind">Model</span>
          <span className="step-meta">
            {formatTokens(step.tokens_in)} in · {formatTokens(step.tokens_out)} out ·{" "}
            {formatMs(step.ms)}
          </span>
        </div>
        {step.content && (
          <p className="step-text" title={step.content}>
            {preview(step.content)}
          </p>
        )}
        {step.error && <p className="step-error">{step.error}</p>}
      </li>
    );
  }
  return (
    <li className="run-step" data-kind="tool" data-status={step.status}>
      <div className="step-head">
        <code className="step-tool">{step.tool ?? "tool"}</code>
        <RunStatusBadge status={step.status} step />
        {step.status !== "waiting_approval" && step.status !== "started" && (
          <span className="step-meta">{formatMs(step.ms)}</span>
        )}
      </div>
      {step.arguments && (
        <code className="step-args" title={step.arguments}>
          {compactJson(step.arguments)}
        </code>
      )}
      {step.content && (
        <p className="step-result" title={step.content}>
          → {oneLine(step.content)}
        </p>
      )}
      {step.error && <p className="step-error">{step.error}</p>}
      {approval && (
        <div className="step-approval" role="group" aria-label={`Approval for ${approval.tool}`}>
          <p>{approval.reason}</p>
          <ApprovalButtons approval={approval} onDecide={(ok) => onDecide(approval, ok)} />
        </div>
      )}
    </li>
  );
}
