// Browser tests in Debian's Chromium (Playwright cannot download its own browser here), against the
// server `npm test` starts (MEDPROOF_URL). Phone-sized by default: consumers scan with phones.
//
// Chromium's fake camera plays one video file per browser, so each camera fixture (see
// e2e/scan/fixture-list.ts, made by the global setup from this run's demo scenarios) is its own project.
import { defineConfig, type PlaywrightTestProject } from "@playwright/test";
import { codeFixtures, noCodeVideo } from "./e2e/scan/fixture-list";

const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const FAKE_CAMERA = ["--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream"];
const CAMERA_SPECS = /scan-camera.*\.spec\.ts$/;

function chromium(extraArgs: string[] = []): PlaywrightTestProject["use"] {
  return { launchOptions: { executablePath: "/usr/bin/chromium", args: [...CHROMIUM_ARGS, ...extraArgs] } };
}

function camera(video: string): PlaywrightTestProject["use"] {
  return chromium([...FAKE_CAMERA, `--use-file-for-fake-video-capture=${video}`]);
}

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  outputDir: "test-results",
  globalSetup: "./e2e/global-setup.ts",
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  reporter: [["list"]],
  use: {
    baseURL: process.env.MEDPROOF_URL ?? "http://127.0.0.1:13000",
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 1,
    hasTouch: true,
    isMobile: false,
    locale: "en-US",
  },
  projects: [
    {
      name: "pages",
      testIgnore: CAMERA_SPECS,
      // medproof.test reaches the same server over plain http from a non-local name: an insecure context.
      use: chromium(["--host-resolver-rules=MAP medproof.test 127.0.0.1"]),
    },
    ...codeFixtures().map((fixture) => ({
      name: `camera ${fixture.name}`,
      testMatch: /scan-camera\.spec\.ts$/,
      metadata: { fixture },
      use: camera(fixture.video),
    })),
    { name: "camera no code", testMatch: /scan-camera-no-code\.spec\.ts$/, use: camera(noCodeVideo()) },
    // The pharmacy's counter with a box whose serial was never issued in view: its sale stops and asks.
    ...codeFixtures()
      .filter((fixture) => fixture.name === "unknown-serial-qr")
      .map((fixture) => ({
        name: "camera pharmacy",
        testMatch: /scan-camera-pharmacy\.spec\.ts$/,
        use: camera(fixture.video),
      })),
    // A camera exists, but without the fake permission prompt nobody allows it.
    {
      name: "camera denied",
      testMatch: /scan-camera-denied\.spec\.ts$/,
      use: chromium(["--use-fake-device-for-media-stream"]),
    },
  ],
});
