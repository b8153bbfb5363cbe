import { defineConfig } from '@playwright/test';

// The real server binary on a free port with its own temporary database (see global-setup.ts),
// driven through Debian's chromium: Playwright never downloads a browser here.
export default defineConfig({
  testDir: './tests',
  globalSetup: './global-setup.ts',
  outputDir: '../target/end2end/results',
  reporter: [['list']],
  workers: 2,
  forbidOnly: true,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    viewport: { width: 390, height: 844 },
    // The app starts in the first browser language it speaks; the tests start in Dutch.
    locale: 'nl-NL',
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 1,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
