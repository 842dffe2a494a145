/** A horizontal input-level bar (0..1, already scaled for a meter by the core). */
export function LevelMeter({
  level,
  label,
  className = "",
}: {
  level: number;
  label: string;
  className?: string;
}) {
  const v = Math.max(0, Math.min(1, level));
  return (
    <div
      className={`level-meter ${className}`}
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={1}
      aria-valuenow={v}
    >
      <div
        className="level-meter-fill"
        style={{ transform: `scaleX(${v})` }}
        data-hot={v > 0.85 || undefined}
      />
    </div>
  );
}
