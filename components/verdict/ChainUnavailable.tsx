export function ChainUnavailable() {
  return (
    <section role="alert" className="space-y-2 rounded-2xl border-2 border-slate-400 bg-white p-5">
      <h1 className="text-2xl font-bold">Can&apos;t reach the record right now</h1>
      <p className="text-slate-700">
        The ledger that holds the boxes&apos; record did not answer. This says nothing about your box. Please
        try again in a moment.
      </p>
    </section>
  );
}
