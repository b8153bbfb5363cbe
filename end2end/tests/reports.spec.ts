import { readFile } from 'node:fs/promises';
import type { APIRequestContext, Page } from '@playwright/test';
import { DEMO } from './api';
import { call, uniqueLetters } from './companies-seed';
import { parseCsv } from './csv';
import { expect, expectNoSidewaysScroll, screenshot, test } from './fixtures';
import { LoginPage } from './pages/login';
import { coordinatorRequest, openAsCoordinator } from './second-factor';

test.use({ viewport: { width: 390, height: 844 } });

/** A participant of Utrecht taken in through the API; answers its id. */
async function intake(
  coordinator: APIRequestContext,
  municipalityId: string,
  name: string,
  cohortId: string | null,
): Promise<string> {
  const created = await call(coordinator, 'POST', '/participants', {
    first_name: name,
    last_name: 'Haddad',
    email: `${name.toLowerCase()}@example.org`,
    phone: '',
    languages: ['ar'],
    dutch_level: 'A2',
    municipality_id: municipalityId,
    cohort_id: cohortId,
    coach_id: null,
    ladder_rung_at_intake: 2,
  });
  return created.id;
}

async function utrecht(coordinator: APIRequestContext): Promise<string> {
  const municipalities = await call(coordinator, 'GET', '/municipalities');
  return municipalities.items.find((m: any) => m.name === 'Utrecht').id;
}

async function loginAsViewer(page: Page): Promise<void> {
  const form = new LoginPage(page);
  await form.goto();
  await form.login(DEMO.municipality, 'vip-demo-2026');
  await expect(page).toHaveURL(/\/$/);
}

test('a municipality viewer opens the report on a phone and downloads the table as CSV', async ({
  page,
  baseURL,
}) => {
  const coordinator = await coordinatorRequest(baseURL!);
  const municipalityId = await utrecht(coordinator);

  await loginAsViewer(page);
  await page.getByRole('link', { name: 'Rapportage bekijken' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rapportage: Utrecht' })).toBeVisible();
  await expect(page.locator('#report-funnel')).toBeVisible();
  await expect(page.locator('#report-ladder svg').first()).toBeVisible();
  await expectNoSidewaysScroll(page);

  // The API answers the viewer the same figures: a count of 5 or more, or `<5`.
  const answer = await page.context().request.get(`/api/v1/reports/municipalities/${municipalityId}`);
  expect(answer.status()).toBe(200);
  const report = await answer.json();
  expect(report.started === '<5' || report.started >= 5).toBe(true);

  const table = page.getByRole('table');
  const shownRows = await table.locator('tbody tr').count();
  await expect(table.getByRole('row', { name: /^Gestart (\d+|<5)$/ })).toContainText(String(report.started));

  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Downloaden als CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^report-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = await readFile((await download.path())!);
  // UTF-8 with a byte-order mark, then a header row and one record per row of the table.
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = parseCsv(bytes.subarray(3).toString('utf-8'));
  expect(rows[0]).toEqual(['Cijfer', 'Waarde']);
  expect(rows.length - 1).toBe(shownRows);
  for (const row of rows) expect(row).toHaveLength(2);
  const started = rows.find((r) => r[0] === 'Gestart');
  expect(started?.[1]).toBe(String(report.started));
  // Nothing below 5 leaves the server: a count of people is `<5` or at least 5. (The agreement's
  // contracted number, the whole programme's figures and the median are not such counts.)
  const notCounts = /^(Mediaan|Gecontracteerde|Gestart in het hele programma|Doel van het programma)/;
  for (const [what, value] of rows.slice(1)) {
    if (notCounts.test(what) || !/^\d+$/.test(value)) continue;
    expect(Number(value), what).toBeGreaterThanOrEqual(5);
  }
  expect(rows.some((r) => r[1] === '<5')).toBe(true);

  await screenshot(page, 'report-nl');
  // A signed-in account's language is stored on the account and wins over this device's choice:
  // the viewer switches to Arabic on the account (the fixture puts it back to Dutch afterwards).
  const arabic = await page.request.put('/api/v1/auth/me/language', { data: { language: 'ar' } });
  expect(arabic.status()).toBe(200);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { level: 1, name: /^التقرير: \W*Utrecht\W*$/ })).toBeVisible();
  await expect(page.locator('#report-funnel')).toBeVisible();
  await expectNoSidewaysScroll(page);
  await screenshot(page, 'report-ar');
});

test('a coordinator records an outcome and sees it on the participant route', async ({ page, baseURL }) => {
  const coordinator = await coordinatorRequest(baseURL!);
  const municipalityId = await utrecht(coordinator);
  const name = `Uitstroom${uniqueLetters()}`;
  const id = await intake(coordinator, municipalityId, name, null);

  await openAsCoordinator(page, baseURL!, `/participants/${id}/outcome`);
  await expect(page.getByRole('heading', { level: 1, name: 'Uitstroom en nameting' })).toBeVisible();
  await expect(page.getByText('Er is nog geen uitstroom vastgelegd.')).toBeVisible();
  const form = page.locator('#outcome-form');
  await form.getByLabel('Uitstroom', { exact: true }).selectOption({ label: 'Betaald werk' });
  await form.getByLabel('Uren per week').fill('32');
  await form.getByLabel('Contract').selectOption({ label: 'vast contract' });
  await form.getByLabel('Trede op de participatieladder').selectOption({ label: 'Trede 5 van 6: Betaald werk met ondersteuning' });
  await form.getByRole('button', { name: 'Uitstroom vastleggen' }).click();
  await expect(page.getByRole('status')).toHaveText('De uitstroom is vastgelegd.');

  await page.getByRole('link', { name: 'Route', exact: true }).click();
  const result = page.locator('#route-result');
  await expect(result.getByRole('heading', { name: 'Je resultaat' })).toBeVisible();
  await expect(result).toContainText('32 uur per week, vast contract');
  await expect(result).toContainText('trede 5 van 6, Betaald werk met ondersteuning');
  await expect(result).toContainText('De nameting is op');
});

test("the coordinator's home lists a nudge and its link leads to the record", async ({ page, baseURL }) => {
  const coordinator = await coordinatorRequest(baseURL!);
  const municipalityId = await utrecht(coordinator);
  const name = `Budget${uniqueLetters()}`;
  const id = await intake(coordinator, municipalityId, name, null);
  await call(coordinator, 'POST', `/participants/${id}/expenses`, {
    category: 'course',
    amount_cents: 12500,
    description: 'Cursus Nederlands op de werkvloer',
  });

  await openAsCoordinator(page, baseURL!, '/');
  const nudges = page.getByRole('region', { name: 'Om naar te kijken' });
  await expect(nudges.locator('[data-kind="budget_request_waiting"]').first()).toBeVisible();
  await expect(nudges.locator('#nudge-counts')).toContainText('Budgetaanvragen');
  const item = nudges.locator('li.nudge', { hasText: `${name} Haddad` });
  await expect(item).toContainText('wacht op een besluit');
  await item.getByRole('link', { name: `${name} Haddad` }).click();
  await expect(page).toHaveURL(new RegExp(`/participants/${id}/budget$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Budget' })).toBeVisible();
  await expect(page.getByText('Cursus Nederlands op de werkvloer', { exact: true })).toBeVisible();
});
