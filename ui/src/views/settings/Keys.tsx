import { Fragment } from "react";

import { acceleratorKeys, IS_MAC } from "../../lib/accelerator";

/** An accelerator as key caps in the platform's style: Ctrl+Shift+Space, or ⇧⌘Space on macOS. */
export function Keys({ accelerator }: { accelerator: string }) {
  const keys = acceleratorKeys(accelerator);
  return (
    <span className="keys">
      {keys.map((k, i) => (
        <Fragment key={`${k}${i}`}>
          {i > 0 && !IS_MAC && <span className="keys-plus">+</span>}
          <kbd>{k}</kbd>
        </Fragment>
      ))}
    </span>
  );
}
