import { getTranslations } from "next-intl/server";
import type { Role } from "@/lib/queries/session";
import { shortAddress } from "@/lib/domain/format";
import { ActAsSwitch } from "./ActAsSwitch";
import { ClientMessages } from "@/components/ui/ClientMessages";
import { WalletConnect } from "./WalletConnect";

interface Session {
  /** Who signs: the server with a demo key (the default), or the user's own wallet. */
  signer?: "demo" | "wallet";
  party: string | null;
  name: string;
  address: string;
  roles: Role[];
}

/**
 * Who acts on this page, with the roles the chain records for it: a connected browser wallet (which
 * signs), or on the local chain the demo switch. Off the local chain there is no switch: demo keys are
 * refused there.
 */
export async function SessionPanel({
  session,
  parties,
  demoAllowed,
}: {
  session: Session | null;
  parties: { key: string; name: string }[];
  demoAllowed: boolean;
}) {
  const t = await getTranslations("fieldPages.session");
  const name = session === null ? "" : session.name || t("unregistered");
  return (
    <section
      aria-label={t("region")}
      data-acting={session?.party ?? ""}
      className="space-y-3 rounded-2xl border-2 border-dashed border-amber-400 bg-amber-50 p-4"
    >
      {session === null ? (
        <p className="font-medium">{t("nobody")}</p>
      ) : (
        <p>
          <span className="font-medium">
            {session.signer === "wallet" ? t("walletSignsAs", { name }) : t("actingAs", { name })}
          </span>{" "}
          <span className="text-sm text-slate-700">({shortAddress(session.address)})</span>
          <span className="block text-sm text-slate-700">
            {t("onRecord", {
              roles:
                session.roles.length === 0
                  ? t("noRole")
                  : session.roles.map((role) => t(`roles.${role}`)).join(t("separator")),
            })}
          </span>
        </p>
      )}
      <ClientMessages namespaces={["fieldDesk"]}>
        <WalletConnect connected={session?.signer === "wallet" ? session.address : null} />
        {demoAllowed && <ActAsSwitch parties={parties} current={session?.party ?? null} />}
      </ClientMessages>
      <p className={demoAllowed ? "text-xs text-amber-900" : "text-sm"}>
        {demoAllowed ? t("demoNote") : t("notDemoChain")}
      </p>
    </section>
  );
}
