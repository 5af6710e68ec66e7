"use client";

import { useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { CameraScanner } from "@/components/scan/CameraScanner";
import { HandheldScanInput } from "@/components/scan/HandheldScanInput";
import { BoxList } from "./BoxList";
import { useBoxChecks } from "./use-box-checks";

/**
 * The inspector's shelf check: box after box by camera or handheld scanner, each verdict in a running
 * list with the suspect ones first. The camera stops on each code, so it is started afresh for the next.
 */
export function ShelfScanner() {
  const { boxes, scan } = useBoxChecks();
  const t = useTranslations("fieldDesk.shelf");
  const [cameraOn, setCameraOn] = useState(false);
  const [cameraRun, setCameraRun] = useState(0);
  const codeInput = useRef<HTMLInputElement>(null);
  const suspect = boxes.filter((b) => b.verdict === "suspect" || b.verdict === "not_found").length;

  return (
    <div className="space-y-4">
      {cameraOn ? (
        <div className="space-y-2">
          <CameraScanner
            key={cameraRun}
            onFound={(path) => {
              scan(path);
              setCameraRun((n) => n + 1);
            }}
            onEnterInstead={() => codeInput.current?.focus()}
          />
          <button
            type="button"
            onClick={() => setCameraOn(false)}
            className="w-full rounded-xl border border-slate-300 bg-white px-4 py-2 font-medium"
          >
            {t("stopCamera")}
          </button>
        </div>
      ) : (
        <button
          type="button"
          onClick={() => setCameraOn(true)}
          className="w-full rounded-xl bg-emerald-700 px-4 py-3 text-lg font-semibold text-white hover:bg-emerald-800"
        >
          {t("camera")}
        </button>
      )}
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
