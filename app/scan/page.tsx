import type { Metadata } from "next";
import { Scanner } from "@/components/scan/Scanner";

export const metadata: Metadata = { title: "Scan a box" };

/** The scanner: camera, photo and handheld scanner, each going straight to the verdict page. */
export default function ScanPage() {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Scan a box</h1>
      <p className="text-slate-700">
        Point the camera at the square code on the box (a QR code or a small DataMatrix) or at its barcode.
      </p>
      <Scanner />
    </div>
  );
}
