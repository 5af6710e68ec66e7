"use client";

import { useEffect, useEffectEvent, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import {
  applyCameraSetting,
  CameraUnavailable,
  environmentProblem,
  featuresOf,
  openCamera,
  problemOf,
  stopStream,
  viewfinderCrop,
  type CameraFeatures,
  type CameraProblem,
} from "./camera";
import { benchTimings, type ScanTimings } from "./bench-timings";
import type { FrameDecoder } from "./decoder";
import { useCodeProblemText, verdictPathOf, type CodeProblem } from "./read-code";

/** The viewfinder square, as a fraction of the camera box; only this part of each frame is decoded. */
const VIEWFINDER_FRACTION = 0.7;
/**
 * At most this many video pixels across are decoded. On a 1920 × 1080 stream that is 75 mm at 20 cm,
 * three times a label's QR code, and it bounds a frame's decoding cost whatever the camera's resolution.
 */
const MAX_DECODE_SIDE = 512;
/** A CSS variable on the camera box: the viewfinder square's width. */
const VIEWFINDER_SIZE = "--viewfinder-size";
const STILL_LOOKING_AFTER_MS = 6000;
const VIBRATE_MS = 80;
/** A problem that trying again cannot fix. */
const FINAL_PROBLEMS: ReadonlySet<CameraProblem> = new Set(["insecure", "unsupported"]);

type Status =
  | { kind: "starting" }
  | { kind: "scanning" }
  | { kind: "found" }
  | { kind: "problem"; problem: CameraProblem };

/**
 * Decodes every new video frame (or every animation frame where the browser cannot tell frames apart)
 * until `onText` accepts a code. Returns a function that stops the loop.
 */
function scanFrames(
  video: HTMLVideoElement,
  box: HTMLElement,
  decoder: FrameDecoder,
  onText: (text: string) => boolean,
  timings: ScanTimings | null,
): () => void {
  const perVideoFrame = typeof video.requestVideoFrameCallback === "function";
  let handle = 0;
  let done = false;
  const next = () => {
    handle = perVideoFrame ? video.requestVideoFrameCallback(step) : requestAnimationFrame(step);
  };
  const step = async () => {
    if (done) return;
    if (video.videoWidth > 0) {
      const started = performance.now();
      if (timings !== null) timings.firstFrameAt ??= started;
      let text: string | null = null;
      try {
        const crop = viewfinderCrop(
          { width: video.videoWidth, height: video.videoHeight },
          { width: box.clientWidth, height: box.clientHeight },
          VIEWFINDER_FRACTION,
          MAX_DECODE_SIDE,
        );
        // The square on screen shows exactly what is decoded.
        const shown = `${(crop.shownFraction * 100).toFixed(1)}%`;
        if (box.style.getPropertyValue(VIEWFINDER_SIZE) !== shown)
          box.style.setProperty(VIEWFINDER_SIZE, shown);
        text = await decoder.decode(video, crop);
      } catch {
        // One frame that cannot be read (a crop before layout, a frame the browser withdrew) must not
        // end the scan: the loop goes on with the next frame.
      }
      if (done) return;
      timings?.decodeMs.push(performance.now() - started);
      if (text !== null && onText(text)) {
        done = true;
        return;
      }
    }
    next();
  };
  next();
  return () => {
    done = true;
    if (perVideoFrame) video.cancelVideoFrameCallback(handle);
    else cancelAnimationFrame(handle);
  };
}

/**
 * The phone camera scanner: rear camera, a viewfinder square, a camera switcher, torch and zoom where
 * the device offers them. It stops the camera on a code, and whenever the page is hidden or left.
 */
export function CameraScanner({
  onFound,
  onEnterInstead,
}: {
  onFound: (path: string) => void;
  onEnterInstead: () => void;
}) {
  const t = useTranslations("scan.camera");
  const problemText = useCodeProblemText();
  const boxRef = useRef<HTMLDivElement>(null);
  const videoRef = useRef<HTMLVideoElement>(null);
  const trackRef = useRef<MediaStreamTrack | null>(null);
  const [status, setStatus] = useState<Status>({ kind: "starting" });
  const [hidden, setHidden] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [deviceId, setDeviceId] = useState<string | null>(null);
  const [activeDeviceId, setActiveDeviceId] = useState("");
  const [cameras, setCameras] = useState<MediaDeviceInfo[]>([]);
  const [features, setFeatures] = useState<CameraFeatures>({ torch: false, zoom: null });
  const [torchOn, setTorchOn] = useState(false);
  const [zoom, setZoom] = useState(1);
  const [stillLooking, setStillLooking] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    const hide = () => setHidden(true);
    const show = () => {
      setHidden(false);
      setStatus((current) => (current.kind === "scanning" ? { kind: "starting" } : current));
    };
    const onVisibility = () => (document.visibilityState === "hidden" ? hide() : show());
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("pagehide", hide);
    window.addEventListener("pageshow", show);
    return () => {
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("pagehide", hide);
      window.removeEventListener("pageshow", show);
    };
  }, []);

  const found = useEffectEvent((path: string) => onFound(path));
  const refuse = useEffectEvent((problem: CodeProblem) =>
    setNotice(t("notAProductCode", { reason: problemText(problem) })),
  );

  useEffect(() => {
    if (hidden) return;
    let stopped = false;
    let stream: MediaStream | null = null;
    let stopFrames = () => {};
    let stillLookingTimer: ReturnType<typeof setTimeout> | undefined;
    const stop = () => {
      stopped = true;
      stopFrames();
      clearTimeout(stillLookingTimer);
      stopStream(stream);
      trackRef.current = null;
    };

    let rejected: string | null = null;
    const timings = benchTimings();
    const onText = (text: string): boolean => {
      const read = verdictPathOf(text);
      if (!read.ok) {
        // Another QR code (a shop's, a website's): say so once and keep looking.
        if (text !== rejected) refuse(read.problem);
        rejected = text;
        return false;
      }
      if (timings !== null) timings.decodedAt = performance.now();
      navigator.vibrate?.(VIBRATE_MS);
      stop();
      setStatus({ kind: "found" });
      found(read.path);
      return true;
    };

    const start = async () => {
      const problem = environmentProblem();
      if (problem !== null) throw new CameraUnavailable(problem);
      // The decoder is a large module: fetch and warm it up while the camera starts.
      const [media, decoder] = await Promise.all([
        openCamera(deviceId),
        import("./decoder").then(({ createFrameDecoder }) => createFrameDecoder()),
      ]);
      stream = media;
      const video = videoRef.current;
      const box = boxRef.current;
      const track = media.getVideoTracks()[0];
      if (stopped || video === null || box === null || track === undefined) return stop();
      trackRef.current = track;
      video.srcObject = media;
      await video.play();
      if (stopped) return;
      const devices = await navigator.mediaDevices.enumerateDevices();
      if (stopped) return;
      setCameras(devices.filter((device) => device.kind === "videoinput"));
      setActiveDeviceId(track.getSettings().deviceId ?? "");
      const offered = featuresOf(track);
      setFeatures(offered);
      setZoom(offered.zoom?.value ?? 1);
      setTorchOn(false);
      setStillLooking(false);
      setStatus({ kind: "scanning" });
      stillLookingTimer = setTimeout(() => setStillLooking(true), STILL_LOOKING_AFTER_MS);
      stopFrames = scanFrames(video, box, decoder, onText, timings);
    };

    start().catch((error: unknown) => {
      if (stopped) return;
      stop();
      setStatus({ kind: "problem", problem: problemOf(error) });
    });
    return stop;
  }, [deviceId, attempt, hidden]);

  const retry = () => {
    setStatus({ kind: "starting" });
    setAttempt((n) => n + 1);
  };

  const switchCamera = (id: string) => {
    setStatus({ kind: "starting" });
    setDeviceId(id);
  };

  const toggleTorch = () => {
    const track = trackRef.current;
    if (track === null) return;
    applyCameraSetting(track, { torch: !torchOn })
      .then(() => setTorchOn(!torchOn))
      .catch(() => setFeatures((current) => ({ ...current, torch: false })));
  };

  const changeZoom = (value: number) => {
    const track = trackRef.current;
    setZoom(value);
    if (track !== null) applyCameraSetting(track, { zoom: value }).catch(() => undefined);
  };

  if (status.kind === "problem") {
    const problem = `problems.${status.problem}` as const;
    return (
      <section
        role="alert"
        data-camera-problem={status.problem}
        className="space-y-2 rounded-2xl border border-amber-400 bg-amber-50 p-4 text-amber-950"
      >
        <h2 className="text-lg font-semibold">{t(`${problem}.title`)}</h2>
        <p>{t(`${problem}.body`)}</p>
        <p>{t("fallbacks")}</p>
        {!FINAL_PROBLEMS.has(status.problem) && (
          <button
            type="button"
            onClick={retry}
            className="rounded-xl border border-amber-600 bg-white px-4 py-2 font-medium hover:bg-amber-100"
          >
            {t("retry")}
          </button>
        )}
      </section>
    );
  }

  const overlay = hidden
    ? t("paused")
    : status.kind === "starting"
      ? t("starting")
      : status.kind === "found"
        ? t("found")
        : null;

  return (
    <section className="space-y-3" data-camera-status={hidden ? "paused" : status.kind}>
      <div
        ref={boxRef}
        className="relative mx-auto aspect-square w-full max-w-sm overflow-hidden rounded-2xl bg-slate-900"
      >
        <video
          ref={videoRef}
          muted
          playsInline
          aria-label={t("videoLabel")}
          className="h-full w-full object-cover"
        />
        <div
          aria-hidden="true"
          className="pointer-events-none absolute top-1/2 left-1/2 aspect-square -translate-x-1/2 -translate-y-1/2 rounded-xl border-4 border-white/90 shadow-[0_0_0_100vmax_rgba(15,23,42,0.45)]"
          style={{ width: `var(${VIEWFINDER_SIZE}, ${VIEWFINDER_FRACTION * 100}%)` }}
        />
        {overlay !== null && (
          <p className="absolute inset-x-0 bottom-0 bg-slate-900/80 p-3 text-center font-medium text-white">
            {overlay}
          </p>
        )}
      </div>

      <p className="text-center text-sm text-slate-700">{t("hint")}</p>

      {(cameras.length > 1 || features.torch || features.zoom !== null) && (
        <div className="flex flex-wrap items-center justify-center gap-3">
          {cameras.length > 1 && (
            <label className="flex items-center gap-2 text-sm">
              <span>{t("camera")}</span>
              <select
                value={activeDeviceId}
                onChange={(event) => switchCamera(event.target.value)}
                className="max-w-48 rounded-lg border border-slate-500 bg-white px-2 py-1.5"
              >
                {cameras.map((camera, index) => (
                  <option key={camera.deviceId} value={camera.deviceId}>
                    {camera.label || t("cameraNumber", { number: index + 1 })}
                  </option>
                ))}
              </select>
            </label>
          )}
          {features.torch && (
            <button
              type="button"
              aria-pressed={torchOn}
              onClick={toggleTorch}
              className="rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium aria-pressed:bg-amber-200"
            >
              {t("light")}
            </button>
          )}
          {features.zoom !== null && (
            <label className="flex items-center gap-2 text-sm">
              <span>{t("zoom")}</span>
              <input
                type="range"
                min={features.zoom.min}
                max={features.zoom.max}
                step={features.zoom.step}
                value={zoom}
                onChange={(event) => changeZoom(Number(event.target.value))}
              />
            </label>
          )}
        </div>
      )}

      <div aria-live="polite" className="space-y-2">
        {notice !== null && (
          <p className="rounded-xl border border-slate-300 bg-white p-3 text-sm">{notice}</p>
        )}
        {stillLooking && status.kind === "scanning" && !hidden && (
          <div data-still-looking className="rounded-xl border border-sky-300 bg-sky-50 p-3 text-sky-950">
            <p>{t("stillLooking")}</p>
            <button
              type="button"
              onClick={onEnterInstead}
              className="mt-2 rounded-lg bg-sky-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-900"
            >
              {t("enterInstead")}
            </button>
          </div>
        )}
      </div>
    </section>
  );
}
