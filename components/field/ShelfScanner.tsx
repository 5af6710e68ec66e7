"use client";

import { useRef } from "react";
import { useTranslations } from "next-intl";
import { HandheldScanInput } from "@/components/scan/HandheldScanInput";
import { BoxList } from "./BoxList";
import { DeskCamera } from "./DeskCamera";
import { useBoxChecks } from "./use-box-checks";

/**
 * The inspector's shelf check: box after box by camera or handheld scanner, each verdict in a running
 * list with the suspect ones first.
 */
export function ShelfScanner() {
  const { boxes, scan } = useBoxChecks();
  const t = useTranslations("fieldDesk.shelf");
  const codeInput = useRef<HTMLInputElement>(null);
  const suspect = boxes.filter((b) => b.verdict === "suspect" || b.verdict === "not_found").length;

  return (
    <div className="space-y-4">
      <DeskCamera onFound={scan} onEnterInstead={() => codeInput.current?.focus()} />
      <HandheldScanInput onFound={scan} inputRef={codeInput} heading={t("handheld")} keepScanning />
      {boxes.length > 0 && (
        <p aria-live="polite" className="font-medium">
          {t("summary", { count: boxes.length, suspect })}
        </p>
      )}
      <BoxList boxes={boxes} />
    </div>
  );
}
