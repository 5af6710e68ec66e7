// The camera, as the scanner uses it: the rear camera at a resolution fine enough for a 0.4 mm module at
// 20 cm, what went wrong when it cannot start, and the device features (torch, zoom) it may offer.

export type CameraProblem = "insecure" | "unsupported" | "denied" | "no-camera" | "busy" | "failed";

/**
 * 1920 × 1080 because a phone at 20 cm sees ~28 cm across: 0.146 mm per pixel puts 2.7 pixels on a
 * 0.4 mm module, about the least the decoder reads through focus blur (see lib/domain/label.ts).
 * Only the viewfinder square is decoded, so the cost per frame stays bounded.
 */
const IDEAL_WIDTH = 1920;
const IDEAL_HEIGHT = 1080;

/** Thrown when the camera cannot be used at all, for a reason known before asking for it. */
export class CameraUnavailable extends Error {
  readonly problem: CameraProblem;

  constructor(problem: CameraProblem) {
    super(problem);
    this.name = "CameraUnavailable";
    this.problem = problem;
  }
}

/** A reason the camera cannot be used at all, known before asking for it. */
export function environmentProblem(): CameraProblem | null {
  if (!window.isSecureContext) return "insecure";
  if (typeof navigator.mediaDevices?.getUserMedia !== "function") return "unsupported";
  return null;
}

/** Rear camera by default; a specific one once the person picks it. */
export function openCamera(deviceId: string | null): Promise<MediaStream> {
  const video: MediaTrackConstraints = {
    width: { ideal: IDEAL_WIDTH },
    height: { ideal: IDEAL_HEIGHT },
    ...(deviceId === null ? { facingMode: { ideal: "environment" } } : { deviceId: { exact: deviceId } }),
  };
  return navigator.mediaDevices.getUserMedia({ video, audio: false });
}

/** getUserMedia's DOMException names, as a person would describe the problem. */
export function problemOf(error: unknown): CameraProblem {
  if (error instanceof CameraUnavailable) return error.problem;
  const name = error instanceof DOMException || error instanceof Error ? error.name : "";
  switch (name) {
    case "NotAllowedError":
    case "PermissionDeniedError":
    case "SecurityError":
      return "denied";
    case "NotFoundError":
    case "DevicesNotFoundError":
    case "OverconstrainedError":
      return "no-camera";
    case "NotReadableError":
    case "TrackStartError":
    case "AbortError":
      return "busy";
    default:
      return "failed";
  }
}

export function stopStream(stream: MediaStream | null): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}

export interface ZoomRange {
  min: number;
  max: number;
  step: number;
  value: number;
}

export interface CameraFeatures {
  torch: boolean;
  zoom: ZoomRange | null;
}

/** Torch and zoom are Image Capture extensions that TypeScript's DOM types do not declare. */
interface ExtendedCapabilities extends MediaTrackCapabilities {
  torch?: boolean;
  zoom?: { min: number; max: number; step?: number };
}

export function featuresOf(track: MediaStreamTrack): CameraFeatures {
  const capabilities: ExtendedCapabilities =
    typeof track.getCapabilities === "function" ? track.getCapabilities() : {};
  const settings = track.getSettings() as MediaTrackSettings & { zoom?: number };
  const zoom = capabilities.zoom;
  return {
    torch: capabilities.torch === true,
    zoom:
      zoom !== undefined && zoom.max > zoom.min
        ? { min: zoom.min, max: zoom.max, step: zoom.step ?? 0.1, value: settings.zoom ?? zoom.min }
        : null,
  };
}

export function applyCameraSetting(
  track: MediaStreamTrack,
  setting: { torch: boolean } | { zoom: number },
): Promise<void> {
  return track.applyConstraints({ advanced: [setting as MediaTrackConstraintSet] });
}

/**
 * The part of the video frame under the viewfinder square, and how wide the square shows in the box.
 * The video fills its box like CSS `object-fit: cover`; the square is centred, `fraction` of the box's
 * shorter side, and never more than `maxSide` video pixels, which bounds the decoding cost per frame.
 */
export function viewfinderCrop(
  video: { width: number; height: number },
  box: { width: number; height: number },
  fraction: number,
  maxSide: number,
): { x: number; y: number; side: number; shownFraction: number } {
  const scale = Math.max(box.width / video.width, box.height / video.height);
  const shorterBoxSide = Math.min(box.width, box.height);
  const side = Math.min(Math.round((shorterBoxSide * fraction) / scale), maxSide, video.width, video.height);
  return {
    x: Math.round((video.width - side) / 2),
    y: Math.round((video.height - side) / 2),
    side,
    shownFraction: (side * scale) / shorterBoxSide,
  };
}
