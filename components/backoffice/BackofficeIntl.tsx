import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { Messages } from "@/lib/i18n/catalogues";

/** Gives the back-office islands below it only their own namespaces' messages (a small client bundle). */
export async function BackofficeIntl({
  namespaces,
  children,
}: {
  namespaces: (keyof Messages)[];
  children: React.ReactNode;
}) {
  const messages = (await getMessages()) as Messages;
  const picked = Object.fromEntries(namespaces.map((ns) => [ns, messages[ns]]));
  return <NextIntlClientProvider messages={picked}>{children}</NextIntlClientProvider>;
}
