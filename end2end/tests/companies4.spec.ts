import { test, expect, screenshot, expectNoSidewaysScroll } from './fixtures';
import { DEMO } from './api';
import { ConsentPage } from './pages/consent';
import { EventPage } from './pages/event';
import { EventsPage } from './pages/events';
import { OpeningPage } from './pages/opening';
import { NEW_PASSWORD, call, demoSession, freshParticipant, isoDay, login, uniqueLetters } from './companies-seed';

// Every step on a phone 360 px wide.
test.use({ viewport: { width: 360, height: 740 } });

test('the host of a training marks on a phone who attended, and the list keeps it', async ({
  page,
  playwright,
  baseURL,
}) => {
  // The bakery hosts a training today, and registers two colleagues.
  const company = await demoSession((o) => playwright.request.newContext(o), baseURL!, DEMO.company);
  const me = await call(company, 'GET', '/auth/me');
  const title = `Inwerken op de werkvloer ${uniqueLetters()}`;
  const training = await call(company, 'POST', '/events', {
    kind: 'supervisor_training',
    title,
    // The server's today (the programme's time zone), which near midnight is not UTC's.
    date: me.today,
    start_time: '09:00',
    place: 'Bakkerij De Korenbloem, Utrecht',
    online_link: '',
    capacity: 6,
    municipality_ids: me.municipality_ids,
  });
  for (const [name, role] of [
    ['Henk de Bakker', 'Stagebegeleider'],
    ['Els Jansen', 'Bedrijfsleider'],
  ]) {
    await call(company, 'POST', `/events/${training.id}/registrations`, { name, role });
  }

  await login(page, DEMO.company);
  await page.goto(`/events/${training.id}`);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const event = new EventPage(page);
  await expect(event.host.getByRole('heading', { name: 'Alle aanmeldingen (2)' })).toBeVisible();
  const henk = event.attended('Henk de Bakker', 'Bakkerij De Korenbloem');
  const els = event.attended('Els Jansen', 'Bakkerij De Korenbloem');
  await expect(henk).not.toBeChecked();
  await henk.check();
  await event.saveAttendance.click();
  await expect(page.getByText('De aanwezigheid is opgeslagen.')).toBeVisible();
  await expectNoSidewaysScroll(page);
  await screenshot(page, 'host-event-attendance-360');

  // Stored: loaded again, Henk was there and Els was not.
  await page.reload();
  await expect(event.attended('Henk de Bakker', 'Bakkerij De Korenbloem')).toBeChecked();
  await expect(els).not.toBeChecked();
  const stored = await call(company, 'GET', `/events/${training.id}`);
  expect(stored.registrations.map((r: any) => [r.name, r.attended])).toEqual([
    ['Henk de Bakker', true],
    ['Els Jansen', false],
  ]);
  await company.dispose();
});

test('a coordinator publishes an expert meeting through the form; a wrong time is refused in words before sending', async ({
  page,
}) => {
  const posts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/events') posts.push(r.url());
  });
  await login(page, DEMO.coordinator);
  const events = new EventsPage(page);
  await events.goto();
  await expect(events.heading).toBeVisible();
  await events.add.click();
  await expect(events.kind).toBeFocused();

  const title = `Taal op de werkvloer ${uniqueLetters()}`;
  await events.kind.selectOption({ label: 'Expertmeeting' });
  await events.title.fill(title);
  await events.date.fill(isoDay(21));
  await events.time.fill('25:00');
  await events.place.fill('Stadskantoor, Utrecht');
  await events.capacity.fill('20');
  await events.municipality('Utrecht').check();
  await events.publish.click();
  await expect(events.time).toHaveAttribute('aria-invalid', 'true');
  await expect(events.time).toHaveAccessibleDescription(/Deze invoer heeft niet de juiste vorm\./);
  expect(posts, 'nothing sent while the form says no').toEqual([]);
  await expectNoSidewaysScroll(page);

  await events.time.fill('14:00');
  await expect(events.time).not.toHaveAttribute('aria-invalid', 'true');
  await events.publish.click();
  await expect(page.getByText(`De bijeenkomst „${title}” staat klaar.`)).toBeVisible();
  expect(posts).toHaveLength(1);
  await expect(events.upcoming.getByRole('link', { name: title })).toBeVisible();
  await expectNoSidewaysScroll(page);
});

test('a coordinator opens a volunteer place and sees the participants who fit best, with the reasons in words', async ({
  page,
  playwright,
  baseURL,
}) => {
  // A participant of this test's own, training complete: a placement is their next step. The
  // other tests add participants at other steps, who may rank above them.
  const fresh = await freshParticipant((o) => playwright.request.newContext(o), baseURL!);
  const coordinator = await demoSession((o) => playwright.request.newContext(o), baseURL!, DEMO.coordinator);
  const organisations = await call(coordinator, 'GET', '/organisations');
  const bakery: string = organisations.items.find((o: any) => o.name === 'Bakkerij De Korenbloem').id;
  const title = `Meehelpen in de bakkerij ${uniqueLetters()}`;
  const visit = await call(coordinator, 'POST', `/organisations/${bakery}/openings`, {
    kind: 'volunteer',
    title,
    description: 'Op zaterdag meehelpen in de winkel van de bakkerij.',
  });
  await call(coordinator, 'PATCH', `/openings/${visit.id}`, { status: 'open', version: visit.version });
  await coordinator.dispose();

  await login(page, DEMO.coordinator);
  await page.goto(`/openings/${visit.id}`);
  const opening = new OpeningPage(page);
  await expect(opening.heading(title)).toBeVisible();
  const suggested = page.getByRole('region', { name: 'Deelnemers die passen' });
  const theirs = suggested.getByRole('listitem').filter({
    has: page.getByRole('heading', { level: 3, name: `${fresh.firstName} ${fresh.lastName}` }),
  });
  await expect(theirs).toHaveCount(1);
  await expect(theirs).toContainText('Dit is de volgende stap in de route.');
  await expect(theirs).toContainText('Niveau Nederlands:');
  await expect(theirs.getByRole('button', { name: /^Voorstellen/ })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await screenshot(page, 'coordinator-opening-suggestions-360');
  await fresh.dispose();
});

test('a participant confirms on a phone the consent their coach gave, then fills in their wishes in Arabic, right to left', async ({
  page,
  playwright,
  baseURL,
}) => {
  const fresh = await freshParticipant((o) => playwright.request.newContext(o), baseURL!);
  // The coach gives consent for an introduction to the bakery on the participant's behalf.
  await call(fresh.coach, 'POST', `/participants/${fresh.participantId}/consents`, {
    purpose: 'introduction_profile',
    organisation_id: fresh.bakeryId,
    municipality_id: null,
    given: true,
  });

  // On their next visit the home asks the participant to confirm it.
  await login(page, fresh.participantEmail, NEW_PASSWORD);
  const ask = page.getByRole('region', { name: 'Toestemming om te bevestigen' });
  await expect(ask).toContainText('Bakkerij De Korenbloem');
  await ask.getByRole('link', { name: 'Toestemming bekijken en bevestigen' }).click();
  const consent = new ConsentPage(page);
  await expect(consent.heading).toBeVisible();
  await consent.list
    .getByRole('button', { name: /^Bevestigen\s*:\s*Bakkerij De Korenbloem$/ })
    .click();
  await expect(page.getByText('Je hebt de toestemming bevestigd.')).toBeVisible();
  const read = page.waitForResponse(
    (r) => new URL(r.url()).pathname === `/api/v1/participants/${fresh.participantId}/consents`,
  );
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(fresh.firstName);
  await read;
  await expect(ask).toHaveCount(0);

  // In Arabic the competences form reads from right to left and fits the phone.
  await page.getByRole('banner').getByRole('combobox').selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect
    .poll(async () => (await (await page.request.get('/api/v1/auth/me')).json()).interface_language)
    .toBe('ar');
  await page.goto(`/participants/${fresh.participantId}/competences`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.getByRole('heading', { level: 1, name: 'المهارات والرغبات' })).toBeVisible();
  const hours = page.getByLabel('الساعات المتاحة في الأسبوع');
  await hours.fill('2');
  await expect(hours).toHaveAttribute('aria-invalid', 'true');
  await expect(hours).toHaveAccessibleDescription(/اختر قيمة من/);
  await hours.fill('24');
  await expect(hours).not.toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('المطاعم والأغذية').check();
  await page.getByLabel('منطقة الرمز البريدي').fill('3511');
  await expectNoSidewaysScroll(page);
  await page.getByRole('button', { name: 'حفظ', exact: true }).click();
  await expect(page.getByText('تم حفظ المهارات والرغبات.')).toBeVisible();
  await expectNoSidewaysScroll(page);
  await screenshot(page, 'participant-competences-ar-360');
  const saved = await call(fresh.participant, 'GET', `/participants/${fresh.participantId}/competences`);
  expect(saved.competences.hours_available).toBe(24);
  expect(saved.competences.postcode_area).toBe('3511');
  await fresh.dispose();
});
