import { test, expect, screenshot, expectNoSidewaysScroll } from './fixtures';
import { DEMO, DEMO_PASSWORD } from './api';
import { ConsentPage } from './pages/consent';
import { OrganisationPage } from './pages/organisation';
import { EventPage } from './pages/event';
import { SuggestionsPage } from './pages/suggestions';
import { NEW_PASSWORD, call, demoSession, freshParticipant, isoDay, login, uniqueLetters } from './companies-seed';

// Every step on a phone 360 px wide.
test.use({ viewport: { width: 360, height: 740 } });

test('a company contact registers two colleagues for an expert meeting on a phone; a full meeting and a repeat are refused in words', async ({
  page,
  playwright,
  baseURL,
  expectedApiErrors,
}) => {
  // The coordinator publishes an expert meeting with two places for Utrecht.
  const coordinator = await demoSession((o) => playwright.request.newContext(o), baseURL!, DEMO.coordinator);
  const municipalities = await call(coordinator, 'GET', '/municipalities');
  const utrecht: string = municipalities.items.find((m: any) => m.name === 'Utrecht').id;
  const title = `Nieuwkomers begeleiden ${uniqueLetters()}`;
  const meeting = await call(coordinator, 'POST', '/events', {
    kind: 'expert_meeting',
    title,
    date: isoDay(14),
    start_time: '15:30',
    place: 'Stadskantoor, Utrecht',
    online_link: '',
    capacity: 2,
    municipality_ids: [utrecht],
  });
  await coordinator.dispose();
  expectedApiErrors.push({ status: 409, path: `/api/v1/events/${meeting.id}/registrations` });

  // The company contact finds it among the upcoming events on their home.
  await login(page, DEMO.company, DEMO_PASSWORD);
  const upcoming = page.getByRole('region', { name: 'Komende bijeenkomsten' });
  await upcoming.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText('Expertmeeting', { exact: true })).toBeVisible();
  await expect(page.getByText('2 van de 2 vrij')).toBeVisible();

  // The rules show before sending: a name is needed.
  const event = new EventPage(page);
  await event.submit.click();
  await expect(event.name).toBeFocused();
  await expect(event.name).toHaveAttribute('aria-invalid', 'true');
  await expect(event.name).toHaveAccessibleDescription(/Dit veld is verplicht\./);

  await event.registerColleague('Henk de Bakker', 'Stagebegeleider');
  await expect(page.getByText('Henk de Bakker is aangemeld.')).toBeVisible();
  await event.registerColleague('Els Jansen', 'Bedrijfsleider');
  await expect(page.getByText('Els Jansen is aangemeld.')).toBeVisible();
  await expect(event.own.getByRole('listitem')).toHaveCount(2);
  await expect(page.getByText('0 van de 2 vrij')).toBeVisible();

  // A third does not fit: the server's refusal in words.
  await event.registerColleague('Piet Smit', 'Bakker');
  await expect(page.getByRole('alert')).toContainText('Vol: er kunnen 2 mensen mee.');

  // Cancelling frees a place; registering a colleague twice is refused at the name.
  await event.cancel('Els Jansen').click();
  await expect(page.getByText('Els Jansen is afgemeld.')).toBeVisible();
  await expect(event.own.getByRole('listitem')).toHaveCount(1);
  await event.registerColleague('henk de bakker', 'Stagebegeleider');
  await expect(event.name).toHaveAccessibleDescription(/Deze persoon is al aangemeld\./);
  await event.registerColleague('Els Jansen', 'Bedrijfsleider');
  await expect(page.getByText('Els Jansen is aangemeld.')).toBeVisible();
  await expect(page.getByText('Els Jansen is afgemeld.')).toHaveCount(0);
  await expect(event.own.getByRole('listitem')).toHaveCount(2);
  await expectNoSidewaysScroll(page);
  await screenshot(page, 'company-event-registrations-360');

  // Back home, the meeting names the colleagues registered.
  await page.goto('/');
  await expect(
    page.getByRole('region', { name: 'Komende bijeenkomsten' }).getByRole('listitem').filter({ hasText: title }),
  ).toContainText('Henk de Bakker, Els Jansen');
});

test('a coach proposes an introduction from the suggestions; the participant consents on a phone; the company sees the profile and its interns', async ({
  page,
  playwright,
  baseURL,
}) => {
  const fresh = await freshParticipant((o) => playwright.request.newContext(o), baseURL!);
  const participantPath = `/participants/${fresh.participantId}`;

  // The coach fills in the wishes; the rules speak before sending.
  await login(page, fresh.coachEmail, NEW_PASSWORD);
  await page.goto(`${participantPath}/competences`);
  await expect(page.getByRole('heading', { level: 1, name: 'Kennis en wensen' })).toBeVisible();
  const hours = page.getByLabel('Uren per week beschikbaar');
  await hours.fill('2');
  await expect(hours).toHaveAttribute('aria-invalid', 'true');
  await expect(hours).toHaveAccessibleDescription(/Kies een waarde van 4 tot en met 40\./);
  await hours.fill('24');
  await expect(hours).not.toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Horeca en voeding').check();
  await page.getByLabel('Postcodegebied').fill('3511');
  await page.getByLabel('Vaardigheden').fill('bakken, kassa');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByText('Kennis en wensen zijn opgeslagen.')).toBeVisible();
  await expectNoSidewaysScroll(page);

  // The suggestions, best first, with why each fits.
  await page
    .getByRole('navigation', { name: 'Dossier van de deelnemer' })
    .getByRole('link', { name: 'Suggesties' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Suggesties' })).toBeVisible();
  const suggestions = new SuggestionsPage(page);
  const bakery = suggestions.suggestion('Stage bakkerij');
  await expect(bakery).toContainText('Bakkerij De Korenbloem');
  await expect(bakery).toContainText('Dit is de volgende stap in de route.');
  await expect(bakery).toContainText('De deelnemer wil graag in deze sector werken.');
  await expectNoSidewaysScroll(page);
  await screenshot(page, 'coach-suggestions-360');

  await bakery.getByRole('button', { name: /^Voorstellen\s*:\s*Stage bakkerij$/ }).click();
  const motivation = bakery.getByLabel('Motivatie');
  await expect(motivation).toBeFocused();
  await motivation.fill('Te kort');
  await bakery.getByRole('button', { name: 'Voorstellen', exact: true }).click();
  await expect(motivation).toHaveAttribute('aria-invalid', 'true');
  await motivation.fill(`${fresh.firstName} wil graag leren bakken.`);
  await bakery.getByRole('button', { name: 'Voorstellen', exact: true }).click();
  await expect(bakery.getByText('Het voorstel is verstuurd. Het wacht op toestemming van de deelnemer.')).toBeVisible();

  // The participant gives consent to the waiting proposal on their phone.
  await page.context().clearCookies();
  await login(page, fresh.participantEmail, NEW_PASSWORD);
  await page.goto(`${participantPath}/consent`);
  const consent = new ConsentPage(page);
  await expect(consent.heading).toBeVisible();
  const waiting = page.getByRole('region', { name: 'Voorstellen die op je toestemming wachten' });
  await waiting.getByRole('button', { name: /^Toestemming geven\s*:\s*Bakkerij De Korenbloem$/ }).click();
  await expect(page.getByText('De toestemming is vastgelegd.')).toBeVisible();

  // An internship at the bakery that started a week ago.
  const start = isoDay(-7);
  const end = new Date(`${start}T12:00:00Z`);
  end.setUTCDate(end.getUTCDate() + 55);
  await call(fresh.coach, 'POST', `${participantPath}/internships`, {
    organisation_id: fresh.bakeryId,
    opening_id: null,
    start_date: start,
    end_date: end.toISOString().slice(0, 10),
    hours_per_week: 24,
    supervisor_name: 'Henk de Bakker',
  });

  // The company sees the proposal with the shared profile only, and its intern by first name.
  await page.context().clearCookies();
  await login(page, DEMO.company, DEMO_PASSWORD);
  const item = new OrganisationPage(page).introduction(fresh.firstName);
  await expect(item).toContainText(`${fresh.firstName} wil graag leren bakken.`);
  await expect(item).toContainText('A2');
  await expect(page.getByText(fresh.lastName)).toHaveCount(0);
  const interns = page.getByRole('region', { name: 'Stagiairs' });
  const intern = interns.getByRole('listitem').filter({ has: page.getByRole('heading', { name: fresh.firstName }) });
  await expect(intern).toContainText('Week 2 van 8');
  await expect(intern).toContainText('Begeleider: Henk de Bakker');
  await expect(page.getByRole('region', { name: 'Komende bedrijfsbezoeken' })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await screenshot(page, 'company-home-interns-360');
  await fresh.dispose();
});
