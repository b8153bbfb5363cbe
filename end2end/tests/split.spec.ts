import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { DEMO, DEMO_PASSWORD } from './api';
import { CohortsPage } from './pages/cohorts';
import { HomePage } from './pages/home';
import { LoginPage } from './pages/login';
import { PlanPage } from './pages/plan';

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

test('a participant gets the modules of their own screens ahead, and none of another role', async ({
  page,
}) => {
  const modules = watchModules(page);
  const login = new LoginPage(page);
  await login.goto();
  await login.login(DEMO.participant, DEMO_PASSWORD);
  await expect(new HomePage(page).heading('Welkom, Amal')).toBeVisible();
  // Fetched once the browser is idle, two at a time.
  await expect
    .poll(() => modules.some((m) => m.name.startsWith('split___participant_plan_screen_view')))
    .toBe(true);
  await page.waitForLoadState('networkidle');
  const names = modules.map((m) => m.name);
  for (const own of ['participant_profile', 'participant_consent', 'participant_budget']) {
    expect(names.some((n) => n.startsWith(`split___${own}_screen_view`)), own).toBe(true);
  }
  for (const other of [
    'accounts',
    'cohorts',
    'coordinator_home',
    'coach_home',
    'participant_contacts',
    'organisations',
    'openings',
  ]) {
    expect(names.some((n) => n.startsWith(`split___${other}_screen_view`)), other).toBe(false);
  }
  for (const module of modules) {
    expect(module.type, module.name).toBe('application/wasm');
  }

  // Opening a screen fetched ahead shows it.
  await new HomePage(page).link('Bekijk je actieplan').click();
  await expect(page).toHaveURL(/\/participants\/[^/]+\/plan$/);
  await expect(new PlanPage(page).heading).toBeVisible();
});
