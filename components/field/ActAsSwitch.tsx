"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ErrorAlert } from "@/components/forms/fields";

interface PartyOption {
  key: string;
  name: string;
}

/**
 * "Demo: act as …": picks a seeded party by its name (its internal key is only the option's value); the
 * server keeps its key and signs for it. Asks for the demo password when the server has one (DEMO_PASSWORD).
 */
export function ActAsSwitch({
  parties,
  current,
  askPassword,
}: {
  parties: PartyOption[];
  current: string | null;
  askPassword: boolean;
}) {
  const router = useRouter();
  const t = useTranslations("fieldDesk.actAs");
  const [party, setParty] = useState(current ?? "");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function choose(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const response = await fetch("/api/session", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(askPassword ? { party, password } : { party }),
      });
      const answer = (await response.json()) as { error?: { message: string } };
      if (answer.error) setError(answer.error.message);
      else router.refresh();
    } catch {
      setError(t("unreachable"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={choose} className="space-y-2">
      <div className="flex flex-wrap items-end gap-2">
        <label className="flex min-w-0 flex-1 flex-col gap-1 text-sm font-medium">
          {t("label")}
          <select
            name="party"
            value={party}
            onChange={(event) => setParty(event.target.value)}
            required
            className="rounded-lg border border-slate-300 bg-white px-2 py-2 text-base"
          >
            <option value="" disabled>
              {t("choose")}
            </option>
            {parties.map((p) => (
              <option key={p.key} value={p.key}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        {askPassword && (
          <label className="flex min-w-0 flex-1 flex-col gap-1 text-sm font-medium">
            {t("password")}
            <input
              type="password"
              name="password"
              autoComplete="current-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              required
              className="rounded-lg border border-slate-300 bg-white px-2 py-2 text-base"
            />
          </label>
        )}
        <button
          type="submit"
          disabled={busy || party === ""}
          className="rounded-lg bg-slate-900 px-4 py-2 font-medium text-white disabled:opacity-50"
        >
          {t("submit")}
        </button>
      </div>
      <ErrorAlert message={error} />
    </form>
  );
}
