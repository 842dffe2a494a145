/** A download progress bar with its figures beside it; `percent: null` = size unknown. */
export function ProgressBar({
  percent,
  label,
  text,
}: {
  percent: number | null;
  label: string;
  text: string;
}) {
  return (
    <span className="progress-wrap">
      <span
        className="progress"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
        aria-valuetext={text}
        data-indeterminate={percent == null || undefined}
      >
        <span
          className="progress-fill"
          style={{ width: percent == null ? undefined : `${percent}%` }}
        />
      </span>
      <span className="progress-text">{text}</span>
    </span>
  );
}
