import type { APIRequestContext, Page } from '@playwright/test';
import { test, expect, screenshot, expectNoSidewaysScroll } from './fixtures';
import { DEMO } from './api';
import { HomePage } from './pages/home';
import { Navigation } from './pages/navigation';
import { OrganisationPage } from './pages/organisation';
import { InternshipsPage } from './pages/internships';
import { BudgetPage } from './pages/budget';
import { ConsentPage } from './pages/consent';
import { InternshipPage } from './pages/internship';
import { OpeningPage } from './pages/opening';
import { OrganisationForm as OrganisationPageForm, OrganisationsPage } from './pages/organisations';
import { NEW_PASSWORD, addDays, bakeryInternship, call, demoSession, freshParticipant, isoDay, login, uniqueLetters } from './companies-seed';

test.use({ viewport: { width: 390, height: 844 } });

/** A button named by its action and, for screen readers, the record it acts on. */
function named(action: string, record: string): RegExp {
  return new RegExp(`^${action}\\s*:\\s*${record.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

/** The POST requests the page sends to an API path. */
function postsTo(page: Page, path: string): string[] {
  const sent: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === path) sent.push(r.url());
  });
  return sent;
}

test.describe('on a phone 360 px wide', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('a company contact registers an internship opening in one form and opens it', async ({ page }) => {
    await login(page, DEMO.company);
    const home = new HomePage(page);
    const org = new OrganisationPage(page);
    await expect(home.heading('Mijn organisatie')).toBeVisible();
    await org.newOpening.click();
    await expect(org.kind).toBeFocused();

    const title = `Stage brood bakken ${uniqueLetters()}`;
    await org.kind.selectOption({ label: 'Stage' });
    await org.title.fill(title);
    await org.description.fill('Acht weken meedraaien in de bakkerij, vanaf zes uur in de ochtend.');
    const start = isoDay(30);
    await org.firstDay.fill(start);
    // The form proposes 8 weeks.
    await expect(org.lastDay).toHaveValue(addDays(start, 55));
    await org.hours.fill('50');
    await expect(org.hours).toHaveAccessibleDescription(/Kies 8 tot en met 40 uur per week\./);
    await org.hours.fill('24');
    await expect(org.hours).not.toHaveAttribute('aria-invalid', 'true');
    await org.level.selectOption('A2');
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'company-contact-opening-form-360');

    await org.save.click();
    await expect(page.getByText('De plaats is opgeslagen als concept.', { exact: false })).toBeVisible();
    const item = org.opening(title);
    await expect(item.locator('.badge-status')).toHaveText('Concept');
    await item.getByRole('button', { name: named('Openzetten', title) }).click();
    await expect(item.locator('.badge-status')).toHaveText('Open');
    await expect(item.getByRole('button', { name: named('Vervuld', title) })).toBeVisible();
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'company-contact-opening-open-360');
  });

  test('the budget of a participant reads right to left in Arabic', async ({ page, playwright, baseURL }) => {
    const fresh = await freshParticipant((o) => playwright.request.newContext(o), baseURL!);
    await login(page, fresh.coachEmail, NEW_PASSWORD);
    await page.getByLabel('Taal').selectOption('ar');
    // The choice is remembered once the Arabic texts are loaded and shown: only then does a page
    // opened next start in Arabic.
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
    await page.goto(`/participants/${fresh.participantId}/budget`);
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByRole('heading', { level: 1, name: 'الميزانية' })).toBeVisible();
    await expect(page.getByRole('meter', { name: 'ميزانية التدريب' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'طلب' })).toBeVisible();
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'coach-budget-arabic-360');
    await fresh.dispose();
  });
});

test('a coach plans an internship: 11 weeks are stopped in the form, 8 weeks are saved and the agreement prints', async ({
  page,
  playwright,
  baseURL,
}) => {
  const fresh = await freshParticipant((o) => playwright.request.newContext(o), baseURL!);
  await call(fresh.coach, 'POST', `/participants/${fresh.participantId}/goals`, {
    title: 'Leren werken met de deegmachine',
    target_date: null,
    status: null,
  });
  const sent = postsTo(page, `/api/v1/participants/${fresh.participantId}/internships`);
  await login(page, fresh.coachEmail, NEW_PASSWORD);
  const internships = new InternshipsPage(page);
  await internships.goto(fresh.participantId);
  await expect(internships.heading).toBeVisible();
  await expect(page.getByText(`${fresh.firstName} ${fresh.lastName}`)).toBeVisible();

  await internships.organisation.selectOption({ label: 'Bakkerij De Korenbloem' });
  const start = isoDay(14);
  await internships.firstDay.fill(start);
  await expect(internships.lastDay).toHaveValue(addDays(start, 55));
  // 11 weeks: 77 days from the first to the last day.
  await internships.lastDay.fill(addDays(start, 76));
  await internships.hours.fill('24');
  await internships.supervisor.fill('Henk de Bakker');
  const tooLong = 'Een stage duurt hoogstens 10 weken.';
  await expect(internships.lastDay).toHaveAttribute('aria-invalid', 'true');
  await expect(internships.lastDay).toHaveAccessibleDescription(new RegExp(tooLong));
  await internships.submit.click();
  await expect(internships.lastDay).toBeFocused();
  expect(sent, 'nothing was sent').toEqual([]);
  await screenshot(page, 'coach-internship-too-long-390');

  await internships.lastDay.fill(addDays(start, 55));
  await expect(internships.lastDay).not.toHaveAttribute('aria-invalid', 'true');
  await internships.submit.click();
  await expect(page.getByText('De stage is gepland.')).toBeVisible();
  const planned = internships.list.getByRole('listitem').filter({ hasText: 'Bakkerij De Korenbloem' });
  await expect(planned).toContainText('Nog niet begonnen (8 weken)');
  expect(sent).toHaveLength(1);
  await expectNoSidewaysScroll(page);
  await screenshot(page, 'coach-internship-planned-390');

  await planned.getByRole('link', { name: 'Bakkerij De Korenbloem' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Stage bij Bakkerij De Korenbloem' })).toBeVisible();
  await page.getByRole('link', { name: 'Stageovereenkomst bekijken en afdrukken' }).click();
  const agreement = page.getByRole('article');
  await expect(agreement.getByRole('heading', { level: 1, name: 'Stageovereenkomst' })).toBeVisible();
  await expect(agreement).toContainText(`${fresh.firstName} ${fresh.lastName}`);
  await expect(agreement).toContainText('Henk de Bakker');
  await expect(agreement).toContainText('(8 weken)');
  await expect(agreement.getByRole('listitem').filter({ hasText: 'Leren werken met de deegmachine' })).toBeVisible();
  await expect(agreement).toContainText('Oudegracht 112');
  await screenshot(page, 'coach-internship-agreement-390');

  // As printed: no menu, no buttons, only the agreement.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Afdrukken' })).toBeHidden();
  await expect(new Navigation(page).menu).toBeHidden();
  await page.setViewportSize({ width: 794, height: 1123 });
  await screenshot(page, 'coach-internship-agreement-print');
  await fresh.dispose();
});

test('the company contact accepts an introduction and sees only what the participant shared', async ({
  page,
  playwright,
  baseURL,
}) => {
  const fresh = await freshParticipant((o) => playwright.request.newContext(o), baseURL!);
  const participantPath = `/participants/${fresh.participantId}`;
  await call(fresh.participant, 'POST', `${participantPath}/consents`, {
    purpose: 'introduction_profile',
    organisation_id: fresh.bakeryId,
    municipality_id: null,
    given: true,
  });
  const motivation = `${fresh.firstName} bakt graag en leert snel.`;
  await call(fresh.coach, 'POST', `${participantPath}/introductions`, {
    organisation_id: fresh.bakeryId,
    opening_id: null,
    motivation,
  });

  await login(page, DEMO.company);
  const org = new OrganisationPage(page);
  const item = org.introduction(fresh.firstName);
  await expect(item).toContainText(motivation);
  await expect(item).toContainText('A2');
  await expect(item).toContainText('Arabisch');
  await expect(item.locator('.badge-status')).toHaveText('Voorgesteld');
  await expect(page.getByText(fresh.lastName)).toHaveCount(0);
  await expect(page.getByText(fresh.participantEmail)).toHaveCount(0);
  await screenshot(page, 'company-contact-introduction-proposed-390');

  await item.getByRole('button', { name: 'Accepteren' }).click();
  await expect(item.locator('.badge-status')).toHaveText('Geaccepteerd');
  await expect(item.getByRole('button', { name: 'Kennismaking gehouden' })).toBeVisible();
  await expect(page.getByText(fresh.lastName)).toHaveCount(0);
  await screenshot(page, 'company-contact-introduction-accepted-390');
  await fresh.dispose();
});

test('a coordinator approves a budget request, and a request over the cap is refused with what remains', async ({
  page,
  playwright,
  baseURL,
  expectedApiErrors,
}) => {
  const fresh = await freshParticipant((o) => playwright.request.newContext(o), baseURL!);
  const expenses = `/participants/${fresh.participantId}/expenses`;
  const course = 'Cursus Nederlands op de werkvloer';
  await call(fresh.coach, 'POST', expenses, { category: 'course', amount_cents: 60000, description: course });

  await login(page, DEMO.coordinator);
  const budget = new BudgetPage(page);
  await budget.goto(fresh.participantId);
  await expect(budget.heading).toBeVisible();
  await expect(budget.used).toHaveText('€ 0,00 van € 1000,00 gebruikt');
  await expect(budget.request(course).locator('.badge-status')).toHaveText('Aangevraagd');
  await budget.request(course).getByRole('button', { name: named('Goedkeuren', course) }).click();
  await expect(budget.request(course).locator('.badge-status')).toHaveText('Goedgekeurd');
  await expect(budget.used).toHaveText('€ 600,00 van € 1000,00 gebruikt');
  await expect(budget.bar).toHaveAttribute('value', '60000');
  await expect(budget.request(course).getByRole('button', { name: named('Markeren als betaald', course) })).toBeVisible();
  await screenshot(page, 'coordinator-budget-approved-390');

  // Over what remains: refused as it is typed, nothing is sent.
  const sent = postsTo(page, `/api/v1${expenses}`);
  await budget.category.selectOption({ label: 'Examen of erkenning van een diploma' });
  await budget.amount.fill('500');
  await budget.description.fill('Diplomawaardering bij het IDW');
  await expect(budget.amount).toHaveAccessibleDescription(/Dit past niet in het budget: er is nog € 400,00 over\./);
  await budget.submit.click();
  await expect(budget.amount).toBeFocused();
  expect(sent, 'nothing was sent').toEqual([]);
  await screenshot(page, 'coordinator-budget-over-cap-390');

  // Meanwhile the coach requests travel costs: the server refuses what no longer fits (409).
  await call(fresh.coach, 'POST', expenses, { category: 'travel', amount_cents: 30000, description: 'Reiskosten naar de stage' });
  expectedApiErrors.push({ status: 409, path: `/api/v1${expenses}` });
  await budget.amount.fill('350');
  await expect(budget.amount).not.toHaveAttribute('aria-invalid', 'true');
  await budget.submit.click();
  await expect(budget.amount).toHaveAccessibleDescription(/Dit past niet in het budget: er is nog € 100,00 over\./);
  await expect(page.getByRole('alert').filter({ hasText: 'Dit past niet bij wat al is opgeslagen.' })).toBeVisible();
  expect(sent).toHaveLength(1);
  await expect(budget.amount).toHaveValue('350');
  // The budget shown is loaded again: the coach's request is there.
  await expect(page.getByText('Aangevraagd, nog niet besloten: € 300,00.')).toBeVisible();
  await screenshot(page, 'coordinator-budget-refused-by-server-390');
  await fresh.dispose();
});

test('the participant sees the week of the internship and the budget used on the route', async ({
  page,
  playwright,
  baseURL,
}) => {
  const fresh = await freshParticipant((o) => playwright.request.newContext(o), baseURL!);
  const participantPath = `/participants/${fresh.participantId}`;
  // Started a week ago: week 2 of 8.
  const start = isoDay(-7);
  await bakeryInternship(fresh, start, 24);
  await approved(fresh.coach, fresh.coordinator, `${participantPath}/expenses`, 25000, 'Werkschoenen en een schort');

  await login(page, fresh.participantEmail, NEW_PASSWORD);
  await page.goto(`${participantPath}/route`);
  await expect(page.getByText('Week 2 van 8', { exact: true })).toBeVisible();
  await expect(page.getByText('€ 250,00 gebruikt van € 1000,00')).toBeVisible();
  await expectNoSidewaysScroll(page);
  await screenshot(page, 'participant-route-internship-budget-390');

  await page.getByRole('navigation', { name: 'Dossier van de deelnemer' }).getByRole('link', { name: 'Budget' }).click();
  const budget = new BudgetPage(page);
  await expect(budget.used).toHaveText('€ 250,00 van € 1000,00 gebruikt');
  await expect(budget.form).toHaveCount(0);
  await expect(budget.requests.getByRole('button')).toHaveCount(0);
  await screenshot(page, 'participant-budget-390');
  await fresh.dispose();
});

test('a coach registers a participant for a company visit, and a visit that filled up meanwhile is refused', async ({
  page,
  playwright,
  baseURL,
  expectedApiErrors,
}) => {
  const newContext = (o: { baseURL: string }) => playwright.request.newContext(o);
  const fresh = await freshParticipant(newContext, baseURL!);
  const company = await demoSession(newContext, baseURL!, DEMO.company);
  const title = `Open ochtend ${uniqueLetters()}`;
  const visit = await call(company, 'POST', `/organisations/${fresh.bakeryId}/openings`, {
    kind: 'company_visit',
    title,
    description: 'Een ochtend meekijken in de bakkerij.',
    date: isoDay(10),
    place: 'Oudegracht 112, Utrecht',
    capacity: 1,
    start_date: null,
    end_date: null,
    hours_per_week: null,
    dutch_level: null,
  });
  await call(company, 'PATCH', `/openings/${visit.id}`, { status: 'open', opening: null, version: visit.version });

  await login(page, fresh.coachEmail, NEW_PASSWORD);
  await new Navigation(page).link('Plaatsen').click();
  await page.getByRole('link', { name: title }).click();
  const opening = new OpeningPage(page);
  await expect(opening.heading(title)).toBeVisible();
  await expect(opening.fact('Nog vrij')).toHaveText('1');

  // The coordinator registers someone else for the last place in the meantime.
  const everyone = await call(fresh.coordinator, 'GET', '/participants');
  const other = everyone.items.find((p: { id: string }) => p.id !== fresh.participantId);
  await call(fresh.coordinator, 'POST', `/openings/${visit.id}/registrations`, { participant_id: other.id });

  expectedApiErrors.push({ status: 409, path: `/api/v1/openings/${visit.id}/registrations` });
  await opening.participant.selectOption({ label: `${fresh.firstName} ${fresh.lastName}` });
  await opening.register.click();
  await expect(opening.participant).toHaveAttribute('aria-invalid', 'true');
  await expect(opening.participant).toHaveAccessibleDescription('Vol: er kunnen 1 mensen mee.');
  await expect(opening.participant).toBeFocused();
  await expect(opening.fact('Nog vrij')).toHaveText('0');
  await expectNoSidewaysScroll(page);
  await screenshot(page, 'coach-visit-full-390');
  await company.dispose();
  await fresh.dispose();
});

test('the supervisor fills in the midterm evaluation of an intern, every score required', async ({
  page,
  playwright,
  baseURL,
}) => {
  const fresh = await freshParticipant((o) => playwright.request.newContext(o), baseURL!);
  const start = isoDay(-28);
  const internship = await bakeryInternship(fresh, start, 32);
  const sent = postsTo(page, `/api/v1/internships/${internship.id}/evaluations`);
  await login(page, DEMO.company);
  const view = new InternshipPage(page);
  await view.goto(internship.id);
  await expect(view.heading('Bakkerij De Korenbloem')).toBeVisible();
  await expect(view.fact('Voortgang')).toHaveText('Week 5 van 8');
  await expect(view.moment).toHaveValue('midterm');

  await view.score('Op tijd komen').getByRole('radio', { name: '5' }).check();
  await view.submit.click();
  await expect(view.score('Samenwerken').getByRole('radio', { name: '1' })).toBeFocused();
  await expect(view.score('Samenwerken')).toHaveAttribute('aria-invalid', 'true');
  await expect(view.score('Samenwerken')).toHaveAccessibleDescription(/Dit veld is verplicht\./);
  expect(sent, 'nothing was sent').toEqual([]);
  await screenshot(page, 'company-contact-evaluation-required-390');

  // By keyboard: the arrow keys move within a group of scores.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(view.score('Samenwerken').getByRole('radio', { name: '4' })).toBeChecked();
  await view.score('Nederlands op het werk').getByRole('radio', { name: '3' }).check();
  await view.score('Vakkennis en vaardigheden').getByRole('radio', { name: '4' }).check();
  await view.remarks.fill('Komt altijd op tijd en vraagt door.');
  await view.submit.click();
  await expect(page.getByText('De evaluatie is opgeslagen.')).toBeVisible();
  const done = view.evaluations.getByRole('listitem').filter({ hasText: 'Tussenevaluatie' });
  await expect(done).toContainText('Door de begeleider');
  await expect(done).toContainText('5 van 5');
  await expect(done).toContainText('Komt altijd op tijd en vraagt door.');
  expect(sent).toHaveLength(1);
  await expect(view.moment).toHaveValue('final');
  await screenshot(page, 'company-contact-evaluation-saved-390');
  await fresh.dispose();
});

test('the participant sees with whom they share what, withdraws one consent and gives another', async ({
  page,
  playwright,
  baseURL,
}) => {
  const fresh = await freshParticipant((o) => playwright.request.newContext(o), baseURL!);
  await call(fresh.participant, 'POST', `/participants/${fresh.participantId}/consents`, {
    purpose: 'introduction_profile',
    organisation_id: fresh.bakeryId,
    municipality_id: null,
    given: true,
  });
  await login(page, fresh.participantEmail, NEW_PASSWORD);
  await page.goto(`/participants/${fresh.participantId}/consent`);
  const consent = new ConsentPage(page);
  await expect(consent.heading).toBeVisible();
  const bakery = consent.consent('Bakkerij De Korenbloem');
  await expect(bakery.locator('.badge-status')).toHaveText('Gegeven');
  await bakery.getByRole('button', { name: named('Intrekken', 'Bakkerij De Korenbloem') }).click();
  await expect(bakery.locator('.badge-status')).toHaveText('Ingetrokken');
  await expect(page.getByText('De toestemming is ingetrokken.')).toBeVisible();

  await consent.purpose.selectOption({ label: 'Resultaten meetellen in de cijfers van de gemeente' });
  await consent.submit.click();
  await expect(consent.consent('Utrecht').locator('.badge-status')).toHaveText('Gegeven');
  await expectNoSidewaysScroll(page);
  await screenshot(page, 'participant-consent-390');
  await fresh.dispose();
});

test('a coordinator adds an organisation, and a change saved by someone else meanwhile keeps what was typed', async ({
  page,
  expectedApiErrors,
}) => {
  await login(page, DEMO.coordinator);
  await new Navigation(page).link('Organisaties').click();
  const organisations = new OrganisationsPage(page);
  await expect(organisations.heading).toBeVisible();
  const form = organisations.form;
  const name = `Groentekwekerij ${uniqueLetters()}`;
  await form.kind.selectOption({ label: 'Bedrijf' });
  await form.name.fill(name);
  await form.sector.fill('Tuinbouw');
  await form.street.fill('Kanaalweg 12');
  await form.postcode.fill('0123 ab');
  await expect(form.postcode).toHaveAccessibleDescription(/Vul een Nederlandse postcode in, zoals 1234 AB\./);
  await form.postcode.fill('3526 kl');
  await expect(form.postcode).not.toHaveAttribute('aria-invalid', 'true');
  await form.city.fill('Utrecht');
  await expect(form.municipality).toHaveValue(/.+/);
  await form.button('Organisatie toevoegen').click();
  // A company has a KvK number.
  await expect(form.kvk).toBeFocused();
  await expect(form.kvk).toHaveAccessibleDescription(/Dit veld is verplicht\./);
  await form.kvk.fill('87654321');
  await form.button('Organisatie toevoegen').click();
  await expect(page.getByText(`${name} is toegevoegd.`)).toBeVisible();
  await expectNoSidewaysScroll(page);
  await screenshot(page, 'coordinator-organisation-added-390');

  await organisations.list.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByText('3526 KL Utrecht')).toBeVisible();
  await page.getByRole('button', { name: 'Gegevens wijzigen' }).click();
  const edit = new OrganisationPageForm(page);
  await expect(edit.name).toBeFocused();
  await edit.sector.fill('Tuinbouw en groente');

  // Someone else saves the organisation in the meantime.
  const organisationId = new URL(page.url()).pathname.split('/').pop()!;
  const stored = await call(page.request, 'GET', `/organisations/${organisationId}`);
  await call(page.request, 'PATCH', `/organisations/${organisationId}`, {
    kind: 'company',
    name,
    sector: 'Kassen',
    street: 'Kanaalweg 14',
    postcode: '3526 KL',
    city: 'Utrecht',
    kvk_number: '87654321',
    version: stored.version,
  });
  expectedApiErrors.push({ status: 409, path: `/api/v1/organisations/${organisationId}` });
  await edit.button('Opslaan').click();
  const alert = edit.form.getByRole('alert');
  await expect(alert).toContainText('Iemand anders heeft dit intussen gewijzigd.');
  await expect(edit.sector).toHaveValue('Tuinbouw en groente');
  await screenshot(page, 'coordinator-organisation-stale-390');
  await alert.getByRole('button', { name: 'Nieuwste versie laden' }).click();
  await expect(edit.form.getByRole('status')).toContainText('Kanaalweg 14');
  await expect(edit.sector).toHaveValue('Tuinbouw en groente');
  await edit.button('Opslaan').click();
  await expect(page.getByRole('term').filter({ hasText: 'Sector' }).locator('xpath=following-sibling::dd[1]')).toHaveText(
    'Tuinbouw en groente',
  );
  await screenshot(page, 'coordinator-organisation-saved-390');
});

test('a coordinator approves one extension of an internship, at most 4 weeks', async ({ page, playwright, baseURL }) => {
  const fresh = await freshParticipant((o) => playwright.request.newContext(o), baseURL!);
  const start = isoDay(7);
  const end = addDays(start, 55);
  const internship = await call(fresh.coach, 'POST', `/participants/${fresh.participantId}/internships`, {
    organisation_id: fresh.bakeryId,
    opening_id: null,
    start_date: start,
    end_date: end,
    hours_per_week: 24,
    supervisor_name: 'Henk de Bakker',
  });
  const sent: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'PATCH' && r.url().endsWith(`/api/v1/internships/${internship.id}`)) sent.push(r.url());
  });
  await login(page, DEMO.coordinator);
  const view = new InternshipPage(page);
  await view.goto(internship.id);
  await expect(view.heading('Bakkerij De Korenbloem')).toBeVisible();
  await view.newLastDay.fill(addDays(end, 35));
  await expect(view.newLastDay).toHaveAccessibleDescription(/Een verlenging duurt hoogstens 4 weken\./);
  await view.extend.click();
  await expect(view.newLastDay).toBeFocused();
  expect(sent, 'nothing was sent').toEqual([]);
  await screenshot(page, 'coordinator-extension-too-long-390');

  await view.newLastDay.fill(addDays(end, 14));
  await view.extend.click();
  await expect(page.getByText('De verlenging is opgeslagen.')).toBeVisible();
  await expect(view.fact('Verlengd')).toContainText('Eerst tot en met');
  await expect(view.extension).toContainText('Deze stage is al een keer verlengd.');
  await expect(view.fact('Voortgang')).toHaveText('Nog niet begonnen (10 weken)');
  expect(sent).toHaveLength(1);
  await screenshot(page, 'coordinator-extension-saved-390');
  await fresh.dispose();
});

/** A request made by the coach and approved by the coordinator through the API. */
async function approved(
  coach: APIRequestContext,
  coordinator: APIRequestContext,
  path: string,
  cents: number,
  description: string,
): Promise<void> {
  const overview = await call(coach, 'POST', path, { category: 'materials', amount_cents: cents, description });
  const expense = overview.expenses.find((e: { description: string }) => e.description === description);
  await call(coordinator, 'POST', `/expenses/${expense.id}/decision`, { decision: 'approve', version: expense.version });
}
