import type { Page } from '@playwright/test';
import { test, expect, screenshot, expectNoSidewaysScroll } from './fixtures';
import { LoginPage } from './pages/login';
import { Navigation } from './pages/navigation';
import { InternshipsPage } from './pages/internships';
import { NEW_PASSWORD, bakeryInternship, call, freshParticipant, isoDay } from './companies-seed';

test.use({ viewport: { width: 390, height: 844 } });

async function login(page: Page, email: string): Promise<void> {
  const form = new LoginPage(page);
  await form.goto();
  await form.login(email, NEW_PASSWORD);
  await expect(page).toHaveURL(/\/$/);
  await expect(new Navigation(page).logoutButton).toBeVisible();
}

/** The last day of a period of `months` calendar months from an ISO date. */
function afterMonths(iso: string, months: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

test('a coach opens the MAP statement on a phone, prints it, and reads it in Arabic', async ({
  page,
  playwright,
  baseURL,
}) => {
  const fresh = await freshParticipant((o) => playwright.request.newContext(o), baseURL!);
  // Meetings 7 and 8 attended too: all 8 themes.
  const profile = await call(fresh.coordinator, 'GET', `/participants/${fresh.participantId}`);
  for (const n of [7, 8]) {
    await call(fresh.coordinator, 'PUT', `/cohorts/${profile.cohort_id}/meetings/${n}/attendance`, [
      { participant_id: fresh.participantId, status: 'present' },
    ]);
  }
  await call(fresh.coach, 'POST', `/participants/${fresh.participantId}/goals`, {
    title: 'Werken in een bakkerij',
    target_date: null,
    status: null,
  });
  // 20 hours a week, 14 days done: 40 practice hours.
  const start = isoDay(-13);
  await bakeryInternship(fresh, start, 20);
  const civic = await call(fresh.coach, 'GET', `/participants/${fresh.participantId}/civic-integration`);
  await call(fresh.coach, 'PUT', `/participants/${fresh.participantId}/civic-integration`, {
    route: 'b1',
    date_of_birth: null,
    coach_remarks: 'Komt altijd op tijd en vraagt door.',
    version: civic.version,
  });

  await login(page, fresh.coachEmail);
  await page.goto(`/participants/${fresh.participantId}/map`);
  const statement = page.getByRole('article');
  await expect(
    statement.getByRole('heading', { level: 1, name: 'Verklaring Module Arbeidsmarkt en Participatie' }),
  ).toBeVisible();
  await expect(statement).toContainText(`${fresh.firstName} ${fresh.lastName}`);
  await expect(statement).toContainText('B1-route');
  await expect(statement.getByText('Klaar voor het eindgesprek')).toBeVisible();
  await expect(statement).not.toContainText(/geslaagd|behaald/i);
  const themes = statement.getByRole('table');
  await expect(themes.getByRole('row')).toHaveCount(9);
  await expect(themes.getByRole('rowheader', { name: 'Loopbaanoriëntatie' })).toBeVisible();
  await expect(statement).toContainText('40:00 van de 40:00 uur praktijk.');
  await expect(statement).toContainText('Bakkerij De Korenbloem');
  await expect(statement).toContainText('Henk de Bakker');
  await expect(statement).toContainText('Komt altijd op tijd en vraagt door.');
  await expectNoSidewaysScroll(page);
  await screenshot(page, 'coach-map-statement-nl-390');

  // The print button opens the browser's print dialog.
  await page.evaluate(() => {
    (window as any).printed = 0;
    window.print = () => {
      (window as any).printed += 1;
    };
  });
  await statement.getByRole('button', { name: 'Afdrukken' }).click();
  expect(await page.evaluate(() => (window as any).printed)).toBe(1);

  // As printed: no menu, no buttons, only the statement.
  await page.emulateMedia({ media: 'print' });
  await expect(statement.getByRole('button', { name: 'Afdrukken' })).toBeHidden();
  await expect(new Navigation(page).menu).toBeHidden();
  await expect(statement.getByText('Klaar voor het eindgesprek')).toBeVisible();
  await page.setViewportSize({ width: 794, height: 1123 });
  await screenshot(page, 'coach-map-statement-print');
  await page.emulateMedia({ media: 'screen' });
  await page.setViewportSize({ width: 390, height: 844 });

  await page.getByLabel('Taal').selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await page.goto(`/participants/${fresh.participantId}/map`);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { level: 1, name: 'إفادة وحدة سوق العمل والمشاركة' })).toBeVisible();
  await expect(page.getByText('جاهز للمقابلة الختامية')).toBeVisible();
  await expectNoSidewaysScroll(page);
  await screenshot(page, 'coach-map-statement-ar-390');
  await fresh.dispose();
});

test('a proefplaats of 3 months is refused in the form before anything is sent', async ({
  page,
  playwright,
  baseURL,
}) => {
  const fresh = await freshParticipant((o) => playwright.request.newContext(o), baseURL!);
  const path = `/api/v1/participants/${fresh.participantId}/internships`;
  const sent: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === path) sent.push(r.url());
  });
  await login(page, fresh.coachEmail);
  const internships = new InternshipsPage(page);
  await internships.goto(fresh.participantId);
  await expect(internships.heading).toBeVisible();

  await internships.form.getByLabel('Soort plaatsing').selectOption({ label: 'Proefplaats' });
  await internships.organisation.selectOption({ label: 'Bakkerij De Korenbloem' });
  const start = isoDay(14);
  await internships.firstDay.fill(start);
  await internships.lastDay.fill(afterMonths(start, 3));
  await internships.hours.fill('24');
  await internships.supervisor.fill('Henk de Bakker');
  await internships.form.getByLabel('De gemeente heeft toestemming gegeven').check();
  await expect(internships.lastDay).toHaveAttribute('aria-invalid', 'true');
  await expect(internships.lastDay).toHaveAccessibleDescription(/Deze plaatsing duurt hoogstens 2 maanden\./);
  await internships.submit.click();
  await expect(internships.lastDay).toBeFocused();
  expect(sent, 'nothing was sent').toEqual([]);
  await screenshot(page, 'coach-proefplaats-too-long-nl-390');

  await page.getByLabel('Taal').selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  // The form's heading is in Arabic now: the refusal is found on the page, by its text.
  await expect(page.getByRole('main').getByText(/مدة هذا المكان\W*2\W*أشهر على الأكثر/).first()).toBeVisible();
  await screenshot(page, 'coach-proefplaats-too-long-ar-390');
  expect(sent, 'nothing was sent').toEqual([]);
  await fresh.dispose();
});
