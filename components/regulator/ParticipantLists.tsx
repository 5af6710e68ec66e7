import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { SellerStanding } from "@/lib/queries/regulator";
import { formatDate } from "@/lib/domain/format";
import { categoryLabel } from "./labels";
import { RevokeLicenceForm } from "./RevokeLicenceForm";
import { ReinstateButton } from "./SuspensionForm";

type Licence = SellerStanding["licences"][number];

function licenceState(licence: Licence, now: number): "valid" | "revoked" | "expired" | "notYet" {
  if (licence.validNow) return "valid";
  if (licence.revokedAt !== null && licence.revokedAt <= now) return "revoked";
  return licence.validFrom > now ? "notYet" : "expired";
}

const STATE_TONE = {
  valid: "bg-emerald-100 text-emerald-900",
  revoked: "bg-red-100 text-red-900",
  expired: "bg-slate-200 text-slate-800",
  notYet: "bg-amber-100 text-amber-900",
} as const;

function PartyName({ party }: { party: SellerStanding }) {
  return (
    <Link href={`/participants/${party.address}`} className="font-semibold text-emerald-800 underline">
      {party.name}
    </Link>
  );
}

/** Every participant's licences, newest first, with validity and revocation; revocable by the regulator. */
export async function LicenceRegister({
  participants,
  now,
  today,
  canAct,
}: {
  participants: SellerStanding[];
  now: number;
  today: string;
  canAct: boolean;
}) {
  const t = await getTranslations("regulator");
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      {participants.map((party) => (
        <section
          key={party.address}
          aria-label={party.name}
          data-party={party.address}
          className="space-y-2 rounded-2xl border border-slate-200 bg-white p-4"
        >
          <h3>
            <PartyName party={party} />
          </h3>
          <p className="text-xs text-slate-600">
            {t("licences.holderRoles", {
              roles: party.roles.map((role) => t(`roleNames.${role}`)).join(", ") || t("roles.none"),
            })}
          </p>
          {party.licences.length === 0 ? (
            <p className="text-sm text-slate-600">{t("licences.none")}</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {[...party.licences].reverse().map((licence) => {
                const state = licenceState(licence, now);
                return (
                  <li
                    key={licence.id}
                    data-licence={licence.id}
                    data-state={state}
                    className="space-y-1 py-2"
                  >
                    <p className="flex flex-wrap items-center gap-2">
                      <span className="font-medium break-all">{licence.number}</span>
                      <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${STATE_TONE[state]}`}>
                        {state === "revoked"
                          ? t("licences.revoked", {
                              date: formatDate(licence.revokedAt ?? 0),
                              reason: licence.revocationReason,
                            })
                          : t(`licences.${state}`)}
                      </span>
                    </p>
                    <p className="text-sm text-slate-700">
                      {t(`licenceKinds.${licence.kind}`)} ·{" "}
                      {t("licences.validity", {
                        from: formatDate(licence.validFrom),
                        until: formatDate(licence.validUntil),
                      })}{" "}
                      ·{" "}
                      {t("licences.covers", {
                        categories: licence.categories.map((c) => categoryLabel(t, c)).join(", "),
                      })}
                    </p>
                    {canAct && licence.validFrom <= now && (
                      <RevokeLicenceForm
                        licenceId={licence.id}
                        number={licence.number}
                        today={today}
                        revoked={licence.revokedAt !== null}
                      />
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}

/** Which roles each participant holds on the record. */
export async function RoleTable({ participants }: { participants: SellerStanding[] }) {
  const t = await getTranslations("regulator");
  return (
    <div className="overflow-x-auto rounded-2xl border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <thead>
          <tr className="border-b border-slate-200">
            <th scope="col" className="p-3">
              {t("roles.participant")}
            </th>
            <th scope="col" className="p-3">
              {t("roles.held")}
            </th>
          </tr>
        </thead>
        <tbody>
          {participants.map((party) => (
            <tr key={party.address} data-roles-of={party.address} className="border-b border-slate-100">
              <td className="p-3">
                <PartyName party={party} />
              </td>
              <td className="p-3" data-roles={party.roles.join(" ")}>
                {party.roles.map((role) => t(`roleNames.${role}`)).join(", ") || t("roles.none")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Each participant's standing: active, suspended by the regulator (reinstatable) or for its bond. */
export async function SuspensionList({
  participants,
  canAct,
}: {
  participants: SellerStanding[];
  canAct: boolean;
}) {
  const t = await getTranslations("regulator");
  return (
    <ul className="divide-y divide-slate-100 rounded-2xl border border-slate-200 bg-white">
      {participants.map((party) => (
        <li
          key={party.address}
          data-suspension-of={party.address}
          data-suspended={party.suspension !== null || party.bondSuspendedAt !== null}
          className="flex flex-wrap items-start justify-between gap-2 p-3"
        >
          <div>
            <PartyName party={party} />
            <p className="text-sm text-slate-700">
              {party.suspension !== null
                ? t("suspensions.suspended", {
                    date: formatDate(party.suspension.at),
                    reason: party.suspension.reason,
                  })
                : party.bondSuspendedAt !== null
                  ? t("suspensions.bondSuspended", { date: formatDate(party.bondSuspendedAt) })
                  : t("suspensions.active")}
            </p>
          </div>
          {canAct && party.suspension !== null && (
            <ReinstateButton account={party.address} name={party.name} />
          )}
        </li>
      ))}
    </ul>
  );
}
