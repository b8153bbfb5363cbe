import { test, expect, screenshot } from './fixtures';

test('the home page renders on a phone-sized screen', async ({ page }) => {
  // A visitor without a session is welcomed on the login page.
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Welkom bij VIP route' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Inloggen' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, 'no sideways scrolling at 390 px').toBeLessThanOrEqual(390);
  await screenshot(page, 'home-390');
});

test('the server health shows on the home page', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('status')).toHaveText('De server werkt.');
  await screenshot(page, 'health-390');
});

test('a deep link loads the app and shows its not-found page', async ({ page }) => {
  const response = await page.goto('/cohorts/123/meetings/4');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' })).toBeVisible();
  await page.getByRole('link', { name: 'Terug naar de start' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Welkom bij VIP route' })).toBeVisible();
  await screenshot(page, 'deep-link-390');
});

test('an unknown API path answers the JSON 404, not the app', async ({ request }) => {
  const response = await request.get('/api/v1/no-such-thing');
  expect(response.status()).toBe(404);
  const body = await response.json();
  expect(body.error).toBe('not_found');
  expect(typeof body.request_id).toBe('string');
});

test('switching to Arabic turns the page right-to-left and is remembered', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await page.getByLabel('Taal').selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.getByRole('heading', { level: 1, name: 'مرحبًا بك في VIP route' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('الخادم يعمل.');
  await screenshot(page, 'home-arabic-390');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByLabel('اللغة')).toHaveValue('ar');
});

test('switching to English translates the page', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Taal').selectOption('en');
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to VIP route' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main menu' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
});
