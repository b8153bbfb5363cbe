import { readFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import { DEMO, DEMO_PASSWORD } from './api';
import { parseCsv } from './csv';
import { expect, expectNoSidewaysScroll, screenshot, test } from './fixtures';
import { LoginPage } from './pages/login';
import { CalendarFeedSection, DataSection, ErasureSection } from './pages/rights';
import { coordinatorRequest, openAsCoordinator } from './second-factor';
import { createCohort, createParticipant, municipalityId, uniqueLetters } from './training-api';

// Every screen of this file on a phone 360 px wide.
test.use({ viewport: { width: 360, height: 740 } });

/** The CSV file of a download: UTF-8 (an optional byte-order mark), every row as wide as the
 * header. */
async function csvOf(download: Download): Promise<string[][]> {
  let text = (await readFile((await download.path())!)).toString('utf-8');
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  const rows = parseCsv(text);
  expect(rows.length, 'a header row').toBeGreaterThan(0);
  for (const row of rows) expect(row).toHaveLength(rows[0].length);
  return rows;
}

/** Clicks a link or button and answers the download it starts. */
async function downloadBy(page: Page, click: () => Promise<void>): Promise<Download> {
  const downloading = page.waitForEvent('download');
  await click();
  return downloading;
}

async function loginAsParticipant(page: Page): Promise<string> {
  const login = new LoginPage(page);
  await login.goto();
  await login.login(DEMO.participant, DEMO_PASSWORD);
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn profiel' })).toBeVisible();
  const me = await page.request.get('/api/v1/auth/me');
  expect(me.status()).toBe(200);
  const { participant_id } = await me.json();
  expect(participant_id).toBeTruthy();
  return participant_id;
}

test('a participant downloads their own data on a phone, as one JSON document', async ({ page }) => {
  const id = await loginAsParticipant(page);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn profiel' }).click();
  const data = new DataSection(page, true);
  await expect(data.section).toBeVisible();
  await expectNoSidewaysScroll(page);

  const download = await downloadBy(page, () => data.download.click());
  // The file's name holds the day, never a name.
  expect(download.suggestedFilename()).toMatch(/^my-data-\d{4}-\d{2}-\d{2}\.json$/);
  await expect(data.status).toHaveText(`Het bestand ${download.suggestedFilename()} is gedownload.`);
  const exported = JSON.parse((await readFile((await download.path())!)).toString('utf-8'));

  // It is theirs: their profile, and the goals of their own plan.
  const profile = await (await page.request.get(`/api/v1/participants/${id}`)).json();
  expect(exported.profile.id).toBe(id);
  expect(exported.profile.first_name).toBe(profile.first_name);
  expect(exported.profile.email).toBe(profile.email);
  const goals = await (await page.request.get(`/api/v1/participants/${id}/goals`)).json();
  expect(goals.length, 'the demo participant has an action plan').toBeGreaterThan(0);
  expect(exported.plan.map((g: { id: string }) => g.id).sort()).toEqual(
    goals.map((g: { id: string }) => g.id).sort(),
  );
  // A participant's copy holds no coach's own notes.
  expect(exported.includes_coach_notes).toBe(false);
  for (const contact of exported.contacts) expect(contact).not.toHaveProperty('coach_only_note');
});

test('a coordinator erases a participant, who is then gone from every list', async ({ page, baseURL }) => {
  test.setTimeout(60_000);
  // A participant of their own, in a group of their own, so the demo data stays as it is.
  const request = await coordinatorRequest(baseURL!);
  const utrecht = await municipalityId(request, 'Utrecht');
  const stamp = uniqueLetters();
  const cohort = await createCohort(request, utrecht, `Groep ${stamp}`);
  const lastName = `Wisse ${stamp}`;
  const fullName = `Samira ${lastName}`;
  const { id } = await createParticipant(request, {
    first_name: 'Samira',
    last_name: lastName,
    email: `samira.${stamp}@example.org`,
    municipality_id: utrecht,
    cohort_id: cohort,
    coach_id: null,
  });
  const attendance = async () =>
    (await request.get(`/api/v1/cohorts/${cohort}/meetings/1/attendance`)).text();
  expect(await attendance(), 'the group lists her before').toContain(lastName);

  await openAsCoordinator(page, baseURL!, `/participants/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: fullName })).toBeVisible();
  // A coordinator gets the same download, with a name of its own.
  const copy = await downloadBy(page, () => new DataSection(page, false).download.click());
  expect(copy.suggestedFilename()).toMatch(/^participant-data-\d{4}-\d{2}-\d{2}\.json$/);
  expect(JSON.parse((await readFile((await copy.path())!)).toString('utf-8')).includes_coach_notes).toBe(true);

  const erasure = new ErasureSection(page);
  await erasure.section.scrollIntoViewIfNeeded();
  await expect(erasure.section).toContainText('Het account wordt uitgeschakeld');
  await expectNoSidewaysScroll(page);
  await screenshot(page, 'rights-erase-360');

  // Another spelling is refused in the browser: nothing is sent, nothing changes.
  let sent = 0;
  page.on('request', (r) => {
    if (r.url().endsWith(`/participants/${id}/erasure`)) sent++;
  });
  await erasure.name.fill(`Samira ${stamp}`);
  await erasure.erase.click();
  await expect(erasure.section.getByText('De getypte naam is niet de volledige naam van deze deelnemer.')).toBeVisible();
  await expect(erasure.name).toHaveAttribute('aria-invalid', 'true');
  await expect(erasure.name).toBeFocused();
  expect(sent).toBe(0);
  expect((await (await request.get(`/api/v1/participants/${id}`)).json()).last_name).toBe(lastName);

  // The full name erases, and the coordinator is back at the participant list.
  await erasure.name.fill(fullName);
  await erasure.erase.click();
  await expect(page).toHaveURL(/\/\?erased=1$/);
  const notice = page.getByRole('status').filter({ hasText: 'De persoonsgegevens van de deelnemer zijn gewist.' });
  await expect(notice).toBeVisible();
  await expect(notice).toBeFocused();
  expect(sent).toBe(1);
  const participants = page.getByRole('region', { name: 'Deelnemers', exact: true });
  await expect(participants.getByRole('link').first()).toBeVisible();
  await expect(participants.getByRole('link', { name: lastName })).toHaveCount(0);
  await expect(page.getByRole('main')).not.toContainText(lastName);

  // Nowhere else either: the participants' CSV, the list of the API, the group.
  const csv = await csvOf(
    await downloadBy(page, () => participants.getByRole('link', { name: 'Deelnemers downloaden als CSV' }).click()),
  );
  expect(csv[0].slice(0, 3)).toEqual(['id', 'first_name', 'last_name']);
  expect(csv.some((row) => row[0] === id), 'the record stays, without her name').toBe(true);
  const email = `samira.${stamp}@example.org`;
  expect(csv.flat().join('\n')).not.toContain(lastName);
  expect(csv.flat().join('\n')).not.toContain(email);
  const listed = await (await request.get('/api/v1/participants', { params: { limit: 200 } })).text();
  expect(listed).not.toContain(lastName);
  expect(listed).not.toContain(email);
  expect(await attendance()).not.toContain(lastName);
  await page.goto(`/cohorts/${cohort}`);
  await expect(page.getByRole('heading', { level: 1, name: `Groep ${stamp}` })).toBeVisible();
  const group = await csvOf(
    await downloadBy(page, () => page.getByRole('link', { name: 'Aanwezigheid downloaden als CSV' }).click()),
  );
  expect(group[0].slice(0, 2)).toEqual(['first_name', 'last_name']);
  expect(group).toHaveLength(2);
  expect(group.flat().join('\n')).not.toContain(lastName);
  // Her file opens only as erased.
  const after = await (await request.get(`/api/v1/participants/${id}`)).json();
  expect(after.first_name).toBe('Gewist');
});

test('a participant makes a calendar link, reads the feed with it, and stops it', async ({ page, request }) => {
  const id = await loginAsParticipant(page);
  // From the route on the home page to the calendar on the profile.
  await page.getByRole('main').getByRole('link', { name: 'In mijn agenda zetten' }).click();
  await expect(page).toHaveURL(new RegExp(`/participants/${id}#calendar$`));
  const feed = new CalendarFeedSection(page);
  await expect(feed.heading).toBeFocused();
  await expect(feed.section).toContainText('Iedereen die de link heeft, kan deze agenda lezen.');
  // No link yet: nothing to stop.
  await expect(feed.create).toBeVisible();
  await expect(feed.revoke).toHaveCount(0);

  await feed.create.click();
  await expect(feed.url).toBeFocused();
  const url = await feed.url.inputValue();
  expect(url).toMatch(/^http:\/\/.+\/api\/v1\/calendar\?token=[^&\s]+$/);
  await expect(feed.addToCalendar).toHaveAttribute('href', url.replace(/^http:/, 'webcal:'));
  await expect(feed.copy).toBeVisible();
  await expectNoSidewaysScroll(page);
  await screenshot(page, 'rights-calendar-360');

  // The link reads the feed without a session: an iCalendar document.
  const answer = await request.get(url);
  expect(answer.status()).toBe(200);
  expect(answer.headers()['content-type']).toContain('text/calendar');
  const ics = await answer.text();
  expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  expect(ics.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
  expect(ics).toContain('VERSION:2.0');

  // Opened again, the page knows there is a link and since when, but shows it no more.
  await page.reload();
  await expect(feed.active).toBeVisible();
  await expect(feed.createNew).toBeVisible();
  await expect(feed.url).toHaveCount(0);

  await feed.revoke.click();
  await expect(feed.revoked).toBeVisible();
  await expect(feed.revoked).toBeFocused();
  await expect(feed.url).toHaveCount(0);
  expect((await request.get(url)).status()).toBe(404);
  await page.reload();
  await expect(feed.create).toBeVisible();
  await expect(feed.revoke).toHaveCount(0);
  await expect(feed.active).toHaveCount(0);
});

test('a coordinator downloads the openings of the kind on screen as CSV', async ({ page, baseURL }) => {
  await openAsCoordinator(page, baseURL!, '/openings');
  await expect(page.getByRole('heading', { level: 1, name: 'Plaatsen en vacatures' })).toBeVisible();
  await page.getByLabel('Soort').selectOption({ label: 'Bedrijfsbezoek' });
  const link = page.getByRole('link', { name: 'Aanbod downloaden als CSV' });
  await expect(link).toHaveAttribute('href', '/api/v1/exports/openings?kind=company_visit');
  await expectNoSidewaysScroll(page);
  const download = await downloadBy(page, () => link.click());
  expect(download.suggestedFilename()).toBe('openings.csv');
  const rows = await csvOf(download);
  const kind = rows[0].indexOf('kind');
  expect(rows[0][0]).toBe('id');
  expect(kind).toBeGreaterThan(0);
  expect(rows.length, 'the demo has company visits').toBeGreaterThan(1);
  for (const row of rows.slice(1)) expect(row[kind]).toBe('company_visit');
  // Each row is an opening the coordinator's list has, of that kind.
  const listed = await (
    await page.request.get('/api/v1/openings', { params: { kind: 'company_visit', limit: 200 } })
  ).json();
  const ids = listed.items.map((o: { id: string }) => o.id);
  for (const row of rows.slice(1)) expect(ids).toContain(row[0]);
});

test('a coach has their calendar link on the security page, and a coordinator none', async ({
  page,
  request,
  baseURL,
}) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.login(DEMO.coach, DEMO_PASSWORD);
  const security = page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Beveiliging' });
  await security.click();
  const feed = new CalendarFeedSection(page);
  await feed.create.click();
  const url = await feed.url.inputValue();
  const answer = await request.get(url);
  expect(answer.status()).toBe(200);
  expect(await answer.text()).toContain('BEGIN:VCALENDAR');
  // A new link replaces the old one.
  await feed.create.click();
  await expect(feed.url).not.toHaveValue(url);
  const second = await feed.url.inputValue();
  expect((await request.get(url)).status()).toBe(404);
  await feed.revoke.click();
  await expect(feed.revoked).toBeVisible();
  expect((await request.get(second)).status()).toBe(404);

  // A coordinator has no calendar link to make.
  const other = await page.context().browser()!.newContext({ baseURL, locale: 'nl-NL' });
  const coordinator = await other.newPage();
  await openAsCoordinator(coordinator, baseURL!, '/security');
  await expect(coordinator.getByRole('heading', { level: 1, name: 'Beveiliging' })).toBeVisible();
  await expect(coordinator.getByRole('form', { name: 'Wachtwoord wijzigen' })).toBeVisible();
  await expect(new CalendarFeedSection(coordinator).section).toHaveCount(0);
  await other.close();
});
