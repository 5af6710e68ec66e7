import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { LiveRegion } from "@/components/ui/Announcer";
import { ServiceWorkerRegistration } from "@/components/offline/ServiceWorkerRegistration";
import { LanguageSwitch } from "@/components/ui/LanguageSwitch";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return {
    title: { default: t("siteTitle"), template: `%s · ${t("brand")}` },
    description: t("siteDescription"),
    icons: { icon: "/icons/icon.svg", apple: "/icons/apple-touch-icon.png" },
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#065f46" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request: its scripts carry that request's CSP nonce, which a page
  // prerendered at build time could not (server/security-headers.ts).
  await connection();
  const [locale, t] = await Promise.all([getLocale(), getTranslations("common")]);
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased print:bg-white">
        <header className="border-b border-slate-200 bg-white print:hidden">
          {/* As wide as the page below it: the back office's desks (data-wide-page) are wider. */}
          <div className="mx-auto flex max-w-2xl flex-wrap items-center justify-between gap-2 px-4 py-3 [body:has([data-wide-page])_&]:max-w-6xl">
            <Link href="/" className="text-lg font-bold text-emerald-800">
              {t("brand")}
            </Link>
            <nav className="flex items-center gap-2 text-sm">
              <LanguageSwitch />
              <Link
                href="/scan"
                className="inline-block rounded-lg bg-emerald-700 px-3 py-1.5 font-medium whitespace-nowrap text-white hover:bg-emerald-800"
              >
                {t("scanBox")}
              </Link>
            </nav>
          </div>
        </header>
        <main className="mx-auto max-w-2xl px-4 py-6 print:max-w-none print:p-0">{children}</main>
        <LiveRegion />
        <ServiceWorkerRegistration />
      </body>
    </html>
  );
}
