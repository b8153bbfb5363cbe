import { test as base, expect, type Page } from '@playwright/test';
import path from 'node:path';

const shots = path.resolve(__dirname, '../../target/end2end');

/** An answer of the API that a test expects to be an error status. */
export type ExpectedApiError = { status: number; path: string };

// Chromium writes every error status of a request to the console ("Failed to load resource: the
// server responded with a status of 401 (Unauthorized)"), also when the app expects it. Those
// lines are let through only for the exact status and API path a test declares; anything else in
// the console still fails the test.
//
// Declared for every test: the app asks `GET /auth/me` at start who is signed in. The session
// cookie is HttpOnly, so the app cannot know without asking, and for a visitor without a session
// the API's answer is 401 by contract.
const ALWAYS_EXPECTED: ExpectedApiError[] = [{ status: 401, path: '/api/v1/auth/me' }];

function isExpected(text: string, url: string, expected: ExpectedApiError[]): boolean {
  const match = text.match(/^Failed to load resource: the server responded with a status of (\d+)/);
  if (!match || !url) return false;
  const status = Number(match[1]);
  const { pathname } = new URL(url);
  return expected.some((e) => e.status === status && e.path === pathname);
}

// Every test runs against the server of global-setup.ts and fails on any error in the page.
export const test = base.extend<{
  pageErrors: string[];
  expectedApiErrors: ExpectedApiError[];
  languageBack: void;
}>({
  baseURL: async ({}, use) => {
    const url = process.env.BASE_URL;
    if (!url) throw new Error('BASE_URL is not set: global-setup.ts did not start the server');
    await use(url);
  },
  // The server refuses a state change that does not name the app's own origin; a browser names
  // it by itself, the API request contexts of the tests do not.
  extraHTTPHeaders: async ({ baseURL }, use) => {
    await use({ Origin: new URL(baseURL!).origin });
  },
  expectedApiErrors: async ({}, use) => {
    await use([...ALWAYS_EXPECTED]);
  },
  pageErrors: [
    async ({ page, expectedApiErrors }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (err) => errors.push(err.message));
      page.on('console', (msg) => {
        if (msg.type() !== 'error') return;
        if (isExpected(msg.text(), msg.location().url, expectedApiErrors)) return;
        errors.push(`${msg.text()} ${msg.location().url}`);
      });
      await use(errors);
      expect(errors, 'errors in the page').toEqual([]);
    },
    { auto: true },
  ],
  // A language chosen while signed in is stored on the account: after each test the account of
  // the test's page (if it is signed in) goes back to Dutch, so that the next test of the same
  // demo account starts in Dutch.
  languageBack: [
    async ({ page }, use) => {
      await use();
      await page.request
        .put('/api/v1/auth/me/language', { data: { language: 'nl' } })
        .catch(() => undefined);
    },
    { auto: true },
  ],
});

export { expect };

/** Saves a full-page screenshot as target/end2end/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
}

/** The page is no wider than the screen: nothing to scroll sideways. */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { width, scrollWidth } = await page.evaluate(() => ({
    width: window.innerWidth,
    scrollWidth: document.documentElement.scrollWidth,
  }));
  expect(scrollWidth, `no sideways scrolling at ${width} px`).toBeLessThanOrEqual(width);
}
