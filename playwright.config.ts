import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium';

// Browser tests drive the real server (built web app, fresh demo database) in Debian's Chromium.
const PORT = Number(process.env.E2E_PORT ?? 3100);
export const BASE_URL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: 'e2e',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: BASE_URL,
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1366, height: 820 },
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
  },
  webServer: {
    command: `rm -rf .e2e-data && npm run -s build && node --import tsx server/main.ts`,
    url: `${BASE_URL}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    // The journeys file, sign in and look up many times from one address within minutes: no rate limits.
    env: {
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DATA_DIR: '.e2e-data',
      LOG_LEVEL: 'warn',
      REPORT_RATE_LIMIT: '0',
      // Load shedding has its own test; a busy CI machine must not shed a browser test's requests.
      OVERLOAD_MAX_LAG_MS: '0',
      LOGIN_RATE_LIMIT: '0',
      LOGIN_ACCOUNT_MAX_FAILURES: '0',
      TRACK_RATE_LIMIT: '0',
    },
  },
});
