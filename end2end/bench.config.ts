import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// The load-time measurement (`scripts/measure.sh --load`): the browser and the embedded server of
// the tests, one worker so nothing else competes for the two cores.
export default defineConfig({
  ...base,
  testDir: './bench',
  testMatch: '*.bench.ts',
  workers: 1,
  timeout: 120_000,
  webServer: Array.isArray(base.webServer) ? base.webServer[0] : base.webServer,
});
