import { useTranslations } from "next-intl";

/** Where the code inside the box is printed: under the inner flap, next to the batch label. */
export function SecretHint() {
  const t = useTranslations("complaints.form");
  return (
    <figure className="flex flex-wrap items-center gap-3 rounded-xl bg-slate-100 p-3 text-sm text-slate-700">
      <svg viewBox="0 0 120 80" className="h-16 w-24 shrink-0" role="img" aria-label={t("openBox")}>
        <path
          d="M10 30 L60 45 L110 30 L110 70 L60 78 L10 70 Z"
          fill="#fff"
          stroke="#334155"
          strokeWidth="2"
        />
        <path d="M10 30 L35 8 L85 20 L60 45 Z" fill="#e2e8f0" stroke="#334155" strokeWidth="2" />
        <rect x="40" y="22" width="30" height="9" rx="1.5" fill="#065f46" transform="rotate(12 55 26)" />
        <text x="44" y="29" fontSize="6" fill="#fff" transform="rotate(12 55 26)">
          1F3Q-…
        </text>
      </svg>
      <figcaption id="secret-hint" className="min-w-0 flex-1 basis-32">
        {t("secretHint")}
      </figcaption>
    </figure>
  );
}
