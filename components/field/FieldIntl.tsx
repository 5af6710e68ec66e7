import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages } from "next-intl/server";

/** The field desk's client islands get their own words only (the fieldDesk namespace), not the catalogue. */
export async function FieldIntl({ children }: { children: React.ReactNode }) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  return (
    <NextIntlClientProvider
      locale={locale}
      timeZone="Asia/Shanghai"
      messages={{ fieldDesk: messages.fieldDesk }}
    >
      {children}
    </NextIntlClientProvider>
  );
}
