import type { Page } from '@playwright/test';
import { test, expect, screenshot, expectNoSidewaysScroll } from './fixtures';
import { LoginPage } from './pages/login';

// index.html carries a static shell: a header, a one-row menu and a page of grey bars with the
// loading text, painted before the app's WebAssembly is there. The app takes its place once its
// first screen is ready, with the header, the menu and the page where the shell had them.

/** Holds the main WebAssembly module back until the returned function is called. */
async function holdTheApp(page: Page): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/app_bg.wasm', async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** The top and height of the header, the menu and the page, of the shell or of the app. */
async function layout(page: Page, header: string, nav: string, main: string) {
  const box = async (selector: string) => {
    const b = await page.locator(selector).boundingBox();
    expect(b, selector).not.toBeNull();
    return { top: b!.y, height: b!.height };
  };
  return {
    header: await box(header),
    nav: await box(nav),
    mainTop: (await box(main)).top,
  };
}

test('the shell paints without the app at 360 px, and the app takes its place without moving it', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const release = await holdTheApp(page);
  await page.goto('/login');
  await expect(page.getByRole('status')).toHaveText('Laden…', { useInnerText: true });
  await expect(page.locator('.shell .brand')).toHaveText('VIP route');
  await expect(page.locator('.shell-page')).toHaveAttribute('aria-hidden', 'true');
  await expectNoSidewaysScroll(page);
  const shell = await layout(page, '.shell header', '.shell .site-nav', '.shell main');
  await screenshot(page, 'shell-360');

  release();
  await expect(new LoginPage(page).heading).toBeVisible();
  await expect(page.locator('.shell')).toHaveCount(0);
  await expect(page.locator('html')).not.toHaveAttribute('data-shell');
  const app = await layout(page, 'header.site-header', 'nav.site-nav', 'main#main');
  for (const part of ['header', 'nav'] as const) {
    expect(app[part].top, `${part} top`).toBeCloseTo(shell[part].top, 0);
    expect(app[part].height, `${part} height`).toBeCloseTo(shell[part].height, 0);
  }
  expect(app.mainTop, 'page top').toBeCloseTo(shell.mainTop, 0);
  await expectNoSidewaysScroll(page);
});

test('the shell speaks the language chosen last, right to left for Arabic', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('vip.lang', 'ar'));
  const release = await holdTheApp(page);
  await page.goto('/login');
  await expect(page.getByRole('status')).toHaveText('جارٍ التحميل…', { useInnerText: true });
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await screenshot(page, 'shell-arabic-390');

  release();
  await expect(page.getByRole('heading', { level: 1, name: 'مرحبًا بك في VIP route' })).toBeVisible();
  await expect(page.locator('.shell')).toHaveCount(0);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
});
