import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, screenshot, expectNoSidewaysScroll } from './fixtures';
import { LoginPage } from './pages/login';
import { type Fresh, NEW_PASSWORD, bakeryInternship, call, freshParticipant, isoDay, login } from './companies-seed';

// The interface languages added after Dutch, English and Arabic: Tigrinya (Ethiopic script, a
// font of its own), Dari (right to left) and Ukrainian (Cyrillic), on the participant's route
// at the width of a small phone. The texts expected are read from the app's own locale files.

// A Dutch browser: the login page, before the account's language applies, is in Dutch.
test.use({ viewport: { width: 360, height: 740 }, locale: 'nl-NL' });

const LOCALES = path.resolve(__dirname, '../../app/locales');
const FONTS_CSS = path.resolve(__dirname, '../../style/fonts.css');

const LANGUAGES = [
  { code: 'ti', dir: 'ltr' },
  { code: 'fa-AF', dir: 'rtl' },
  { code: 'uk', dir: 'ltr' },
] as const;

type Code = (typeof LANGUAGES)[number]['code'];

/** The text of a one-line message without placeables in app/locales/<lang>.ftl. */
function ftl(lang: string, key: string): string {
  const lines = fs.readFileSync(path.join(LOCALES, `${lang}.ftl`), 'utf8').split('\n');
  const at = lines.findIndex((l) => l.startsWith(`${key} =`));
  expect(at, `${key} in ${lang}.ftl`).toBeGreaterThanOrEqual(0);
  expect(lines[at + 1] ?? '', `${key} in ${lang}.ftl is one line`).not.toMatch(/^\s+\S/);
  const value = lines[at].slice(`${key} =`.length).trim();
  expect(value, `${key} in ${lang}.ftl has no placeable`).not.toContain('{');
  return value;
}

/** The family of the Ethiopic face that style/fonts.css declares. */
function ethiopicFamily(): string {
  const css = fs.readFileSync(FONTS_CSS, 'utf8');
  const face = css.match(/@font-face\s*{[^}]*font-family:\s*"([^"]+)"/);
  expect(face, 'an @font-face in fonts.css').not.toBeNull();
  return face![1];
}

/** The participant logs in; their home page is there, in whatever language their account has. */
async function logInAsParticipant(page: Page, fresh: Fresh): Promise<void> {
  const login = new LoginPage(page);
  await login.goto();
  await login.login(fresh.participantEmail, NEW_PASSWORD);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toContainText(fresh.firstName);
}

/** Chooses `lang` in the header's language switch and waits until the account stores it. */
async function switchTo(page: Page, lang: Code): Promise<void> {
  await page.getByRole('banner').getByRole('combobox').selectOption(lang);
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await expect
    .poll(async () => (await (await page.request.get('/api/v1/auth/me')).json()).interface_language)
    .toBe(lang);
}

/** Opens the participant's own route, `/participants/{id}/route`, and waits for its cards. */
async function openRoute(page: Page, lang: Code): Promise<void> {
  const me = await (await page.request.get('/api/v1/auth/me')).json();
  expect(me.participant_id, 'the participant has a file').toBeTruthy();
  await page.goto(`/participants/${me.participant_id}/route`);
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 2, name: ftl(lang, 'route-next-step') })).toBeVisible();
  await expect(main.getByRole('region', { name: ftl(lang, 'route-steps-own') })).toBeVisible();
  await expect(main.getByRole('region', { name: ftl(lang, 'route-budget') })).toBeVisible();
}

// The language is stored on the account, so a test that changes it changes it for every browser
// signed in to that account: each test uses a participant of its own, never the demo accounts
// that the other spec files read in Dutch at the same time.

for (const { code, dir } of LANGUAGES) {
  test(`the participant reads their route in ${code} on a screen 360 px wide`, async ({ page, playwright, baseURL }) => {
    const fresh = await freshParticipant((o) => playwright.request.newContext(o), baseURL!);
    await logInAsParticipant(page, fresh);
    await switchTo(page, code);
    await openRoute(page, code);

    const html = page.locator('html');
    await expect(html).toHaveAttribute('lang', code);
    await expect(html).toHaveAttribute('dir', dir);
    const menu = page.getByRole('navigation', { name: ftl(code, 'nav-label') });
    await expect(menu.getByRole('link', { name: ftl(code, 'nav-home'), exact: true })).toBeVisible();
    await expect(menu.getByRole('button', { name: ftl(code, 'nav-logout') })).toBeVisible();
    await expect(page.getByRole('navigation').getByRole('link', { name: ftl(code, 'participant-tab-route'), exact: true })).toHaveAttribute(
      'aria-current',
      'page',
    );

    if (code === 'ti') {
      const family = ethiopicFamily();
      await expect
        .poll(() =>
          page.evaluate(async (family) => {
            await document.fonts.ready;
            const loaded = [...document.fonts].some(
              (face) => face.family.replace(/^["']|["']$/g, '') === family && face.status === 'loaded',
            );
            return loaded && document.fonts.check(`16px "${family}"`, 'ሰላም');
          }, family),
          { message: `the face "${family}" is loaded` },
        )
        .toBe(true);
    }

    await expectNoSidewaysScroll(page);
    await screenshot(page, `route-${code}-360`);
    await fresh.dispose();
  });
}

test('the language belongs to the account: a fresh browser shows Ukrainian after logging in', async ({
  page,
  browser,
  playwright,
  baseURL,
}) => {
  const fresh = await freshParticipant((o) => playwright.request.newContext(o), baseURL!);
  await logInAsParticipant(page, fresh);
  await switchTo(page, 'uk');

  const device = await browser.newContext({ baseURL, viewport: { width: 360, height: 740 }, locale: 'nl-NL' });
  const other = await device.newPage();
  const errors: string[] = [];
  other.on('pageerror', (err) => errors.push(err.message));
  // This browser has never chosen a language: the login page is in Dutch.
  await other.goto('/login');
  await expect(other.locator('html')).toHaveAttribute('lang', 'nl');
  await logInAsParticipant(other, fresh);
  await expect(other.locator('html')).toHaveAttribute('lang', 'uk');
  const menu = other.getByRole('navigation', { name: ftl('uk', 'nav-label') });
  await expect(menu.getByRole('link', { name: ftl('uk', 'nav-home'), exact: true })).toBeVisible();
  await openRoute(other, 'uk');
  expect(errors, 'errors in the other browser').toEqual([]);
  await device.close();
  await fresh.dispose();
});

for (const { code } of LANGUAGES) {
  test(`the route in ${code} has no accessibility violations (axe-core)`, async ({ page, playwright, baseURL }) => {
    const fresh = await freshParticipant((o) => playwright.request.newContext(o), baseURL!);
    await logInAsParticipant(page, fresh);
    await switchTo(page, code);
    await openRoute(page, code);
    const results = await new AxeBuilder({ page }).analyze();
    const found = results.violations.map((v) => ({
      rule: v.id,
      impact: v.impact,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
    expect(found, 'axe-core violations').toEqual([]);
    await fresh.dispose();
  });
}

// The Gregorian months as Tigrinya writes them (CLDR, Eritrea), January first. Chromium has no
// Tigrinya date data of its own: asked through `Intl`, it answers in English.
const TIGRINYA_MONTHS = ['ጥሪ', 'ለካቲት', 'መጋቢት', 'ሚያዝያ', 'ግንቦት', 'ሰነ', 'ሓምለ', 'ነሓሰ', 'መስከረም', 'ጥቅምቲ', 'ሕዳር', 'ታሕሳስ'];
const ENGLISH_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `YYYY-MM-DD` as Tigrinya writes it: `ታሕሳስ 1, 2026`. */
function tigrinyaDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${TIGRINYA_MONTHS[month - 1]} ${day}, ${year}`;
}

test('a participant reading Tigrinya sees the dates of their internship with Tigrinya months', async ({
  page,
  playwright,
  baseURL,
}) => {
  // A participant of the test's own: the language is stored on the account.
  const fresh = await freshParticipant((o) => playwright.request.newContext(o), baseURL!);
  const start = isoDay(10);
  const end = isoDay(65);
  const internship = await bakeryInternship(fresh, start, 24);
  expect(internship.end_date).toBe(end);

  await login(page, fresh.participantEmail, NEW_PASSWORD);
  await switchTo(page, 'ti');
  await page.goto(`/internships/${internship.id}`);
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(main).toContainText(tigrinyaDate(start));
  await expect(main).toContainText(tigrinyaDate(end));
  const text = await main.innerText();
  for (const english of ENGLISH_MONTHS) {
    expect(text, `no English month on the page`).not.toContain(english);
  }
  await expectNoSidewaysScroll(page);
  await fresh.dispose();
});

test('a first login stores the language on the account, and the home fetches the route once', async ({
  page,
  playwright,
  baseURL,
}) => {
  // A participant of the test's own, who has never signed in: no language on the account yet.
  const fresh = await freshParticipant((o) => playwright.request.newContext(o), baseURL!);
  const routePath = `/api/v1/participants/${fresh.participantId}/route`;
  const before = await call(fresh.participant, 'GET', '/auth/me');
  expect(before.interface_language).toBeNull();
  const fetched: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === routePath) fetched.push(r.method());
  });
  const stored = page.waitForResponse(
    (r) => new URL(r.url()).pathname === '/api/v1/auth/me/language' && r.request().method() === 'PUT',
  );

  await login(page, fresh.participantEmail, NEW_PASSWORD);
  expect((await stored).status()).toBe(200);
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toContainText(fresh.firstName);
  await expect(page.getByRole('main').getByRole('heading', { level: 2, name: ftl('nl', 'route-next-step') })).toBeVisible();
  await page.waitForLoadState('networkidle');
  const after = await call(fresh.participant, 'GET', '/auth/me');
  expect(after.interface_language).toBe('nl');
  expect(fetched, 'requests for the route').toEqual(['GET']);
  await fresh.dispose();
});
