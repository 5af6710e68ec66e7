import Link from "next/link";

export default function NotFound() {
  return (
    <section className="space-y-3">
      <h1 className="text-2xl font-bold">No such page</h1>
      <p className="text-slate-700">
        To check a box,{" "}
        <Link className="text-emerald-800 underline" href="/scan">
          scan its code
        </Link>{" "}
        or type it on the{" "}
        <Link className="text-emerald-800 underline" href="/">
          home page
        </Link>
        .
      </p>
    </section>
  );
}
