import type { Metadata } from "next";
import { CodeEntryForm } from "@/components/scan/CodeEntryForm";

export const metadata: Metadata = { title: "Scan a box" };

/** The scanner's front door. The camera scanner lands with the scanner issue; typing or a handheld scanner works now. */
export default function ScanPage() {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Scan a box</h1>
      <p className="text-slate-700">
        Point your phone&apos;s camera app at the square code on the box — it opens the verdict here. With a
        handheld scanner, scan into the field below; it submits on Enter. Or type the code printed under the
        barcode.
      </p>
      <CodeEntryForm autoFocus />
    </div>
  );
}
