import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { LiveRegion } from "@/components/ui/Announcer";
import { ServiceWorkerRegistration } from "@/components/offline/ServiceWorkerRegistration";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "MedProof — check a mask box", template: "%s · MedProof" },
  description:
    "Scan a medical mask box and see its whole record: maker, material, workshop, tests, release, custody, price cap.",
  icons: { icon: "/icons/icon.svg", apple: "/icons/apple-touch-icon.png" },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#065f46" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request: its scripts carry that request's CSP nonce, which a page
  // prerendered at build time could not (scripts/lib/security-headers.ts).
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <header className="border-b border-slate-200 bg-white">
          <div className="mx-auto flex max-w-2xl flex-wrap items-center justify-between gap-2 px-4 py-3">
            <Link href="/" className="text-lg font-bold text-emerald-800">
              MedProof
            </Link>
            <nav className="text-sm">
              <Link
                href="/scan"
                className="inline-block rounded-lg bg-emerald-700 px-3 py-1.5 font-medium whitespace-nowrap text-white hover:bg-emerald-800"
              >
                Scan a box
              </Link>
            </nav>
          </div>
        </header>
        <main className="mx-auto max-w-2xl px-4 py-6">{children}</main>
        <LiveRegion />
        <ServiceWorkerRegistration />
      </body>
    </html>
  );
}
