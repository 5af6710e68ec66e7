"use client";

/**
 * Opens the browser's print dialog for the page; print styles (Tailwind's `print:` variant) decide what
 * goes on paper. Hidden on paper itself. Its label comes from the server page, so it needs no messages.
 */
export function PrintButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      data-print
      onClick={() => window.print()}
      className="rounded-xl bg-emerald-700 px-5 py-2.5 font-semibold text-white hover:bg-emerald-800 print:hidden"
    >
      {label}
    </button>
  );
}
