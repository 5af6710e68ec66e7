// Before the browser tests: the camera fixtures for this run's demo scenarios.
import { makeScanFixtures } from "./scan/make-fixtures";

export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  const written = await makeScanFixtures();
  if (written > 0)
    console.log(`Made ${written} fake-camera videos in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}
