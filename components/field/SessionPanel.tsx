import { getTranslations } from "next-intl/server";
import type { DemoSwitch, Role } from "@/lib/queries/session";
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

/** What the panel says under the switch, for each way the server offers it. */
const DEMO_NOTES = {
  open: "demoNote",
  password: "demoPasswordNote",
  closed: "demoClosed",
  other_chain: "notDemoChain",
} as const;

/**
 * Who acts on this page, with the roles the chain records for it: the account signed in with its browser
 * wallet (Sign-In with Ethereum; the wallet signs), or on the local chain the demo switch. There is no switch off the local chain (demo keys are
 * refused there) nor when other machines can reach the server and no demo password is set; with one,
 * the switch asks for it.
 */
export async function SessionPanel({
  session,
  parties,
  demo,
}: {
  session: Session | null;
  parties: { key: string; name: string }[];
  demo: DemoSwitch;
}) {
  const offered = demo === "open" || demo === "password";
  const [t, tSignIn] = await Promise.all([
    getTranslations("fieldPages.session"),
    getTranslations("signIn.panel"),
  ]);
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
            {session.signer === "wallet" ? tSignIn("signedInAs", { name }) : t("actingAs", { name })}
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
      <ClientMessages namespaces={["fieldDesk", "signIn"]}>
        <WalletConnect signedIn={session?.signer === "wallet" ? session.address : null} />
        {offered && (
          <ActAsSwitch parties={parties} current={session?.party ?? null} askPassword={demo === "password"} />
        )}
      </ClientMessages>
      <p className={offered ? "text-xs text-amber-900" : "text-sm"} data-demo-switch={demo}>
        {t(DEMO_NOTES[demo])}
      </p>
    </section>
  );
}
