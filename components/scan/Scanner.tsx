"use client";

import { useRef } from "react";
import { useRouter } from "next/navigation";
import { CameraScanner } from "./CameraScanner";
import { PhotoScanner } from "./PhotoScanner";
import { HandheldScanInput } from "./HandheldScanInput";

/** The three ways in — camera, photo, handheld scanner or typing — each going straight to the verdict. */
export function Scanner() {
  const router = useRouter();
  const codeInput = useRef<HTMLInputElement>(null);
  const open = (path: string) => router.push(path);
  return (
    <div className="space-y-8">
      <CameraScanner onFound={open} onEnterInstead={() => codeInput.current?.focus()} />
      <PhotoScanner onFound={open} />
      <HandheldScanInput onFound={open} inputRef={codeInput} />
    </div>
  );
}
