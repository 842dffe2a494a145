export function EmptyState({ onQuickAdd }: { onQuickAdd: () => void }) {
  return (
    <div className="empty-state" data-testid="empty-state">
      <div className="empty-card">
        <h2>No tasks yet</h2>
        <p>Say what you need to do — Utter turns it into cards on this board.</p>
        <ol>
          <li>
            <strong>Talk:</strong> hold <kbd>Ctrl</kbd> <kbd>Shift</kbd> <kbd>Space</kbd> anywhere
            and speak, e.g. “remind me to call Joe tomorrow, it’s urgent”.
          </li>
          <li>
            <strong>Type:</strong> use{" "}
            <button type="button" className="link-button" onClick={onQuickAdd}>
              quick add
            </button>{" "}
            above (press <kbd>n</kbd>) — “Call Joe tomorrow !high”.
          </li>
          <li>
            <strong>Terminal:</strong> <code>utter tasks add "Write the report"</code>
          </li>
        </ol>
        <p className="muted">
          Press <kbd>?</kbd> for keyboard shortcuts.
        </p>
      </div>
    </div>
  );
}
