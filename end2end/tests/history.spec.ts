import type { Page } from '@playwright/test';
import { DEMO } from './api';
import { NEW_PASSWORD, call, demoSession, freshParticipant } from './companies-seed';
import { expect, expectNoSidewaysScroll, screenshot, test } from './fixtures';
import { LoginPage } from './pages/login';
import { Navigation } from './pages/navigation';
import { openAsCoordinator } from './second-factor';

async function login(page: Page, email: string, password: string): Promise<void> {
  const form = new LoginPage(page);
  await form.goto();
  await form.login(email, password);
  await expect(page).toHaveURL(/\/$/);
  await expect(new Navigation(page).logoutButton).toBeVisible();
}

test.describe('on a phone 360 px wide', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('a coach opens the history of their participant and sees a change with its old and new value', async ({
    page,
    playwright,
    baseURL,
  }) => {
    const fresh = await freshParticipant((o) => playwright.request.newContext(o), baseURL!);
    const path = `/participants/${fresh.participantId}`;
    // The coach changes the level of Dutch, A2 to B1, through the API.
    const before = await call(fresh.coach, 'GET', path);
    expect(before.dutch_level).toBe('A2');
    await call(fresh.coach, 'PATCH', path, { dutch_level: 'B1', version: before.version });

    await login(page, fresh.coachEmail, NEW_PASSWORD);
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: `${fresh.firstName} ${fresh.lastName}` })).toBeVisible();
    const toggle = page.getByRole('button', { name: 'Geschiedenis van wijzigingen' });
    // Collapsed, and nothing asked of the server, until it is opened.
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(page.locator('#history-entries')).toBeHidden();

    // Opened with the keyboard.
    const loaded = page.waitForResponse((r) => r.url().endsWith(`/api/v1${path}/history`));
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect((await loaded).status()).toBe(200);
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const entries = page.locator('#history-entries');
    await expect(entries).toBeVisible();

    // The newest entry first: the coach's change of the level, old and new value.
    const newest = entries.getByRole('listitem').first();
    await expect(newest).toContainText('Deelnemer gewijzigd');
    const level = newest.locator('.history-change').filter({ hasText: 'Niveau Nederlands' });
    await expect(level.locator('del')).toHaveText('A2');
    await expect(level.locator('ins')).toHaveText('B1');
    await expect(newest.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T/);
    // The file's creation is there too, with the first level and its goal.
    await expect(entries.getByText('Deelnemer aangemaakt')).toBeVisible();
    await expect(entries.getByText('Doel aangemaakt')).toBeVisible();

    await expectNoSidewaysScroll(page);
    await screenshot(page, 'history-panel-coach-360');

    // Closed again with the keyboard.
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(entries).toBeHidden();
    await fresh.dispose();
  });

  test('a coordinator filters the audit log by action and pages through it', async ({ page, playwright, baseURL }) => {
    // At least two pages (20 a page) of one action: downloads of a participant's data.
    const coordinator = await demoSession((o) => playwright.request.newContext(o), baseURL!, DEMO.coordinator);
    const participants = await call(coordinator, 'GET', '/participants');
    const someone: string = participants.items[0].id;
    for (let i = 0; i < 23; i++) await call(coordinator, 'GET', `/participants/${someone}/export`);

    await openAsCoordinator(page, baseURL!, '/');
    await new Navigation(page).link('Logboek').click();
    await expect(page).toHaveURL(/\/audit$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Logboek' })).toBeVisible();

    const form = page.locator('form.audit-filter');
    await form.getByLabel('Handeling').selectOption({ label: 'Gegevens van deelnemer gedownload' });
    const filtered = page.waitForResponse(
      (r) => r.url().includes('/api/v1/audit?') && r.url().includes('action=participant.export'),
    );
    await form.getByRole('button', { name: 'Tonen' }).click();
    expect((await filtered).status()).toBe(200);

    const results = page.getByRole('region', { name: /^Regels, pagina/ });
    await expect(results.getByRole('heading', { name: 'Regels, pagina 1' })).toBeVisible();
    const rows = results.locator('tbody tr');
    await expect(rows).toHaveCount(20);
    await expect(rows.locator('.audit-action')).toHaveText(Array(20).fill('Gegevens van deelnemer gedownload'));
    const first = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-entry')));

    await expectNoSidewaysScroll(page);
    await screenshot(page, 'audit-log-coordinator-360');

    const newer = results.getByRole('button', { name: 'Nieuwere regels' });
    const older = results.getByRole('button', { name: 'Oudere regels' });
    await expect(newer).toBeDisabled();
    const page2 = page.waitForResponse((r) => r.url().includes('/api/v1/audit?') && r.url().includes('cursor='));
    await older.click();
    expect((await page2).status()).toBe(200);
    await expect(results.getByRole('heading', { name: 'Regels, pagina 2' })).toBeVisible();
    await expect(results.getByRole('heading', { name: 'Regels, pagina 2' })).toBeFocused();
    await expect(rows.first()).not.toHaveAttribute('data-entry', first[0]!);
    const second = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-entry')));
    expect(second.length).toBeGreaterThan(0);
    expect(second.filter((id) => first.includes(id)), 'no entry on both pages').toEqual([]);
    await expect(rows.locator('.audit-action')).toHaveText(Array(second.length).fill('Gegevens van deelnemer gedownload'));

    await newer.click();
    await expect(results.getByRole('heading', { name: 'Regels, pagina 1' })).toBeVisible();
    await expect(rows).toHaveCount(20);
    // The newest entries again (newer ones may have come meanwhile), none of page 2.
    await expect(rows.first()).not.toHaveAttribute('data-entry', second[0]!);
    const again = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-entry')));
    expect(again.filter((id) => second.includes(id))).toEqual([]);
    await coordinator.dispose();
  });

  test('a date range with no entries says so, and a reversed one is refused next to its field', async ({
    page,
    baseURL,
    expectedApiErrors,
  }) => {
    expectedApiErrors.push({ status: 400, path: '/api/v1/audit' });
    await openAsCoordinator(page, baseURL!, '/audit');
    const form = page.locator('form.audit-filter');
    await form.getByLabel('Vanaf (datum)').fill('2001-01-01');
    await form.getByLabel('Tot en met (datum)').fill('2001-01-31');
    await form.getByRole('button', { name: 'Tonen' }).click();
    await expect(page.getByText('Geen regels gevonden.')).toBeVisible();

    await form.getByLabel('Vanaf (datum)').fill('2001-02-01');
    await form.getByRole('button', { name: 'Tonen' }).click();
    await expect(page.locator('#audit-to-errors')).toHaveText('Het einde ligt voor het begin.');
    await expect(form.getByLabel('Tot en met (datum)')).toHaveAttribute('aria-invalid', 'true');
  });
});

test('the audit log is not in the menu of a coach', async ({ page }) => {
  await login(page, DEMO.coach, 'vip-demo-2026');
  await expect(new Navigation(page).link('Start')).toBeVisible();
  await expect(new Navigation(page).link('Logboek')).toHaveCount(0);
});
