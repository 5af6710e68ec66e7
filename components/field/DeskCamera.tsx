"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { CameraScanner } from "@/components/scan/CameraScanner";

/**
 * The camera at a desk that scans box after box (the inspector's shelf, the pharmacy's counter and
 * receiving desk): off until asked for, since it asks for the camera permission. The scanner stops on each
 * code, so it is started afresh for the next one (a shelf, a delivery: box after box), or turned off when
 * each code is a decision of its own (a sale: the box stays in view while the counter asks about it);
 * "type instead" moves to the handheld field.
 */
export function DeskCamera({
  onFound,
  onEnterInstead,
  oneAtATime = false,
}: {
  onFound: (path: string) => void;
  onEnterInstead: () => void;
  oneAtATime?: boolean;
}) {
  const t = useTranslations("fieldDesk.camera");
  const [cameraOn, setCameraOn] = useState(false);
  const [cameraRun, setCameraRun] = useState(0);
  if (!cameraOn)
    return (
      <button
        type="button"
        onClick={() => setCameraOn(true)}
        className="w-full rounded-xl bg-emerald-700 px-4 py-3 text-lg font-semibold text-white hover:bg-emerald-800"
      >
        {t("start")}
      </button>
    );
  return (
    <div className="space-y-2">
      <CameraScanner
        key={cameraRun}
        onFound={(path) => {
          onFound(path);
          if (oneAtATime) setCameraOn(false);
          else setCameraRun((n) => n + 1);
        }}
        onEnterInstead={onEnterInstead}
      />
      <button
        type="button"
        onClick={() => setCameraOn(false)}
        className="w-full rounded-xl border border-slate-300 bg-white px-4 py-2 font-medium"
      >
        {t("stop")}
      </button>
    </div>
  );
}
