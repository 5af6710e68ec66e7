import type { Role } from "@/lib/queries/session";
import { shortAddress } from "@/lib/domain/format";
import { ActAsSwitch } from "./ActAsSwitch";
import { WalletConnect } from "./WalletConnect";

interface Session {
  /** Who signs: the server with a demo key (the default), or the user's own wallet. */
  signer?: "demo" | "wallet";
  party: string | null;
  name: string;
  address: string;
  roles: Role[];
}

const ROLE_WORDS: Record<Role, string> = {
  REGULATOR: "regulator",
  SUPPLIER: "meltblown supplier",
  MANUFACTURER: "manufacturer",
  AUDITOR: "workshop auditor",
  LAB: "test lab",
  DISTRIBUTOR: "distributor",
  PHARMACY: "pharmacy",
  INSPECTOR: "market inspector",
};

/**
 * Who acts on this page, with the roles the chain records for it: a connected browser wallet (which
 * signs), or on the local chain the demo switch. Off the local chain there is no switch: demo keys are
 * refused there.
 */
export function SessionPanel({
  session,
  parties,
  demoAllowed,
}: {
  session: Session | null;
  parties: { key: string; name: string }[];
  demoAllowed: boolean;
}) {
  return (
    <section
      aria-label="Who acts"
      data-acting={session?.party ?? ""}
      className="space-y-3 rounded-2xl border-2 border-dashed border-amber-400 bg-amber-50 p-4"
    >
      {session === null ? (
        <p className="font-medium">Nobody is acting yet.</p>
      ) : (
        <p>
          {session.signer === "wallet" ? "Your wallet signs as" : "Acting as"}{" "}
          <strong>{session.name || "an account not on the record"}</strong>{" "}
          <span className="text-sm text-slate-700">({shortAddress(session.address)})</span>
          <span className="block text-sm text-slate-700">
            On the record:{" "}
            {session.roles.length === 0 ? "no role" : session.roles.map((r) => ROLE_WORDS[r]).join(", ")}
          </span>
        </p>
      )}
      <WalletConnect connected={session?.signer === "wallet" ? session.address : null} />
      {demoAllowed ? (
        <>
          <ActAsSwitch parties={parties} current={session?.party ?? null} />
          <p className="text-xs text-amber-900">
            Demo only: the local chain&apos;s seeded accounts. The server signs with the chosen party&apos;s
            demo key; on any other chain this switch is refused.
          </p>
        </>
      ) : (
        <p className="text-sm">
          This chain is not the local demo chain, so demo accounts are refused here. Connect the
          organisation&apos;s own wallet (a browser wallet) to act.
        </p>
      )}
    </section>
  );
}
