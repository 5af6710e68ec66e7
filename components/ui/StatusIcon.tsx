// An icon per status, always paired with words by its callers: colour is never the only signal.
export type Tone = "pass" | "warn" | "fail" | "unknown";

const PATHS: Record<Tone, string> = {
  pass: "M5 12.5l4.5 4.5L19 7.5",
  warn: "M12 7v6M12 16.5v.5",
  fail: "M7 7l10 10M17 7L7 17",
  unknown: "M9.5 9a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6v.6M12 16.5v.5",
};

const RINGS: Record<Tone, string> = {
  pass: "bg-emerald-600",
  warn: "bg-amber-500",
  fail: "bg-red-600",
  unknown: "bg-slate-400",
};

export function StatusIcon({ tone, size = 24 }: { tone: Tone; size?: number }) {
  return (
    <span
      aria-hidden="true"
      className={`inline-flex shrink-0 items-center justify-center rounded-full text-white ${RINGS[tone]}`}
      style={{ width: size, height: size }}
    >
      <svg
        viewBox="0 0 24 24"
        width={size * 0.7}
        height={size * 0.7}
        fill="none"
        stroke="currentColor"
        strokeWidth={3}
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d={PATHS[tone]} />
      </svg>
    </span>
  );
}
