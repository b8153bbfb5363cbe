import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { DEMO, DEMO_PASSWORD } from './api';
import { CohortsPage } from './pages/cohorts';
import { LoginPage } from './pages/login';

// The app is split into WebAssembly modules: the main one holds the login and the participant's
// home; every other screen is a module of its own, fetched the first time it is opened.

/** The WebAssembly modules the page fetches, by file name, with their content type. */
function watchModules(page: Page): { name: string; type: string }[] {
  const modules: { name: string; type: string }[] = [];
  page.on('response', (response) => {
    const { pathname } = new URL(response.url());
    if (pathname.endsWith('.wasm')) {
      modules.push({
        name: pathname.split('/').pop() ?? '',
        type: response.headers()['content-type'] ?? '',
      });
    }
  });
  return modules;
}

test('the login page downloads the main module only, served as application/wasm', async ({
  page,
}) => {
  const modules = watchModules(page);
  await page.goto('/');
  await expect(new LoginPage(page).heading).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(new Set(modules.map((m) => m.name))).toEqual(new Set(['app_bg.wasm']));
  for (const module of modules) {
    expect(module.type, module.name).toBe('application/wasm');
  }
});

test('a coordinator opening a screen by a deep link logs in and gets it, loaded on demand', async ({
  page,
}) => {
  const modules = watchModules(page);
  const cohorts = new CohortsPage(page);
  await cohorts.goto();
  const login = new LoginPage(page);
  await expect(login.heading).toBeVisible();
  await login.login(DEMO.coordinator, DEMO_PASSWORD);
  await expect(cohorts.heading).toBeVisible();
  await expect(page).toHaveURL(/\/cohorts$/);
  const names = modules.map((m) => m.name);
  expect(names).toContain('app_bg.wasm');
  expect(names.some((n) => n.startsWith('split___cohorts_screen_view'))).toBe(true);
  for (const module of modules) {
    expect(module.type, module.name).toBe('application/wasm');
  }

  // Opened again in a new page load, with the session: the screen's module is fetched at once.
  const reloaded = watchModules(page);
  await page.reload();
  await expect(cohorts.heading).toBeVisible();
  expect(reloaded.some((m) => m.name.startsWith('split___cohorts_screen_view'))).toBe(true);
  await expect(cohorts.start).toBeVisible();
});
