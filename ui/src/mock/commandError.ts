// Rejections shaped like the core's: the generated `CommandError` a command throws.
import type { CommandError, ErrorCode } from "../bindings";

export function commandError(
  code: ErrorCode,
  message: string,
  hint: string | null = null,
): CommandError {
  return { code, message, hint };
}
