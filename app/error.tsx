"use client";

/** A page failed to render: say so plainly, never a stack trace. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section role="alert" className="space-y-3 rounded-2xl border-2 border-slate-400 bg-white p-5">
      <h1 className="text-2xl font-bold">Something went wrong on our side</h1>
      <p className="text-slate-700">
        This page could not be shown. Nothing about your box was changed. Please try again.
      </p>
      <button
        type="button"
        onClick={reset}
        className="rounded-xl bg-slate-900 px-4 py-2 font-medium text-white"
      >
        Try again
      </button>
    </section>
  );
}
