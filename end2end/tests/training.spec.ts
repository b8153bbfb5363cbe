import { test, expect, screenshot, expectNoSidewaysScroll } from './fixtures';
import {
  accept,
  createCohort,
  createParticipant,
  day,
  invite,
  municipalityId,
  scheduleWeekly,
  uniqueLetters,
  userId,
  watchErrors,
} from './training-api';
import { AttendancePage, CohortPage, CohortsPage } from './pages/cohorts';
import { HomePage } from './pages/home';
import { Navigation } from './pages/navigation';
import { PlanPage } from './pages/plan';
import { RouteView } from './pages/route';
import { coordinatorRequest, enrolByApi, openAsCoordinator } from './second-factor';

test.use({ viewport: { width: 390, height: 844 } });

/** The themes of the 8 meetings, in order, as the Dutch screens name them. */
const THEMES = [
  'Loopbaanoriëntatie',
  'Werknemersvaardigheden',
  'Een realistisch beeld van werk',
  'Kansen op werk',
  "Leren: opleiding en diploma's",
  'Netwerken',
  'Werk vinden: cv, brief en gesprek',
  'Werkcultuur en je eigen plan',
];

test('a coordinator starts a cohort and schedules its 8 meetings; a wrong order is refused before sending', async ({
  page,
  baseURL,
}) => {
  await openAsCoordinator(page, baseURL!);
  await expect(new HomePage(page).heading('Overzicht')).toBeVisible();
  await new Navigation(page).link('Groepen').click();

  const cohorts = new CohortsPage(page);
  await expect(cohorts.heading).toBeVisible();
  await cohorts.start.click();
  const name = `Groep ${uniqueLetters()}`;
  await page.getByLabel('Gemeente').selectOption({ label: 'Utrecht' });
  await cohorts.name.fill(name);
  await cohorts.location.fill('Buurthuis De Brug');
  await cohorts.save.click();

  const cohort = new CohortPage(page);
  await expect(cohort.heading(name)).toBeVisible();
  await expect(page).toHaveURL(/\/cohorts\/[^/]+$/);
  // The 8 themes, in order.
  await expect(cohort.meetings).toHaveCount(8);
  for (const [i, theme] of THEMES.entries()) {
    await expect(cohort.meetings.nth(i).getByRole('heading', { level: 3 })).toHaveText(
      `Bijeenkomst ${i + 1}: ${theme}`,
    );
  }
  await expect(page.getByText('Nog niet gepland.')).toHaveCount(8);

  const puts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'PUT' && r.url().includes('/meetings/')) puts.push(r.url());
  });

  // Meeting 1: the place is proposed from the cohort's location.
  await cohort.schedule(1).click();
  await expect(cohort.place).toHaveValue('Buurthuis De Brug');
  await cohort.date.fill(day(3));
  await cohort.time.fill('13:30');
  await cohort.save.click();
  await expect(cohort.meeting(1).getByText('13:30')).toBeVisible();
  expect(puts).toHaveLength(1);

  // Meeting 2 before meeting 1: refused as it is typed, and nothing is sent.
  await cohort.schedule(2).click();
  await expect(cohort.date).toHaveValue(day(10));
  await cohort.date.fill(day(2));
  const outOfOrder = 'De datum moet na die van de vorige bijeenkomst liggen en voor die van de volgende.';
  await expect(cohort.meeting(2).getByText(outOfOrder)).toBeVisible();
  await expect(cohort.date).toHaveAttribute('aria-invalid', 'true');
  await expect(cohort.date).toHaveAccessibleDescription(new RegExp(outOfOrder));
  await cohort.save.click();
  await expect(cohort.date).toBeFocused();
  await screenshot(page, 'cohort-meeting-out-of-order-390');
  expect(puts, 'nothing was sent for the refused date').toHaveLength(1);

  // More than 21 days later is refused too; a week later is fine.
  await cohort.date.fill(day(30));
  await expect(cohort.meeting(2).getByText('Tussen twee bijeenkomsten zitten hoogstens 21 dagen.')).toBeVisible();
  await cohort.date.fill(day(10));
  await expect(cohort.date).not.toHaveAttribute('aria-invalid', 'true');
  await cohort.save.click();
  await expect(cohort.meeting(2).getByText('13:30')).toBeVisible();

  // Meetings 3 to 8: the form proposes a week after the previous one, at its time and place.
  for (let n = 3; n <= 8; n++) {
    await cohort.schedule(n).click();
    await expect(cohort.date).toHaveValue(day(3 + 7 * (n - 1)));
    await expect(cohort.time).toHaveValue('13:30');
    await cohort.save.click();
    await expect(cohort.meeting(n).getByText('Buurthuis De Brug')).toBeVisible();
  }
  expect(puts).toHaveLength(8);
  await expect(page.getByText('Nog niet gepland.')).toHaveCount(0);

  // The schedule is stored: a reload shows it.
  await page.reload();
  await expect(cohort.meeting(8).getByText('13:30')).toBeVisible();
  await expectNoSidewaysScroll(page);
  await screenshot(page, 'cohort-scheduled-390');
});

test('a coach records attendance and adds a goal with an action; the participant ticks it off on a phone', async ({
  browser,
  baseURL,
}) => {
  // Three people on three devices, one after another: more than the default 30 s on 2 cores.
  test.setTimeout(60_000);
  // Arranged through the API as the coordinator: a cohort whose first meeting was 8 days ago
  // and whose second was yesterday, a coach of their own, and a participant in both.
  const request = await coordinatorRequest(baseURL!);
  const utrecht = await municipalityId(request, 'Utrecht');
  const stamp = uniqueLetters();
  const cohortId = await createCohort(request, utrecht, `Groep ${stamp}`);
  await scheduleWeekly(request, cohortId, -8);

  const coachEmail = `coach.${stamp}@example.org`;
  const coachToken = await invite(request, { email: coachEmail, role: 'coach', municipality_id: utrecht });
  const coachDevice = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, locale: 'nl-NL' });
  await accept(coachDevice, coachToken);
  const coachId = await userId(request, coachEmail);

  const lastName = `Visser ${stamp}`;
  const fullName = `Noor ${lastName}`;
  const participantEmail = `noor.${stamp}@example.org`;
  const participant = await createParticipant(request, {
    first_name: 'Noor',
    last_name: lastName,
    email: participantEmail,
    municipality_id: utrecht,
    cohort_id: cohortId,
    coach_id: coachId,
  });

  // The coach records who came to the first meeting.
  const coach = await coachDevice.newPage();
  const coachErrors = watchErrors(coach);
  await coach.goto('/');
  await expect(new HomePage(coach).heading('Mijn deelnemers')).toBeVisible();
  await new Navigation(coach).link('Groepen').click();
  await coach.getByRole('link', { name: `Groep ${stamp}` }).click();
  const cohort = new CohortPage(coach);
  await expect(cohort.heading(`Groep ${stamp}`)).toBeVisible();
  // A coach reads the schedule but does not change it; meetings to come have no attendance yet.
  await expect(cohort.schedule(1)).toHaveCount(0);
  await expect(cohort.attendance(3)).toHaveCount(0);
  await cohort.attendance(1).click();

  const attendance = new AttendancePage(coach);
  await expect(attendance.heading(1)).toBeVisible();
  await attendance.choice(fullName, 'Aanwezig').check();
  await expect(attendance.choice(fullName, 'Aanwezig')).toBeChecked();
  await attendance.save.click();
  await expect(attendance.saved).toBeVisible();
  await expectNoSidewaysScroll(coach);
  await screenshot(coach, 'attendance-coach-390');
  await coach.reload();
  await expect(attendance.choice(fullName, 'Aanwezig')).toBeChecked();

  // The coach adds a goal with an action to the participant's plan.
  await coach.goto('/');
  await coach.getByRole('link', { name: fullName }).click();
  await expect(coach.getByRole('heading', { level: 1, name: fullName })).toBeVisible();
  await coach.getByRole('navigation', { name: 'Dossier van de deelnemer' }).getByRole('link', { name: 'Plan' }).click();
  const plan = new PlanPage(coach);
  await expect(plan.heading).toBeVisible();
  await plan.addGoal.click();
  const goal = 'Werk vinden in de zorg';
  await plan.goalTitle.fill(goal);
  await plan.goalTarget.fill(day(-1));
  await expect(coach.getByText('Deze datum ligt in het verleden.')).toBeVisible();
  await plan.goalTarget.fill(day(60));
  await expect(coach.getByText('Deze datum ligt in het verleden.')).toHaveCount(0);
  await plan.saveGoal.click();
  await expect(plan.goal(goal)).toBeVisible();
  await plan.addAction(goal).click();
  const action = 'Cv maken met de coach';
  await plan.actionText.fill(action);
  await plan.actionDue.fill(day(7));
  await expect(plan.actionOwner).toHaveValue('participant');
  await plan.saveAction.click();
  await expect(plan.goal(goal).getByRole('checkbox', { name: action })).not.toBeChecked();
  await expectNoSidewaysScroll(coach);
  await screenshot(coach, 'plan-coach-390');

  // And logs the contact: a summary the participant may read, a note only for coaches.
  await coach.getByRole('navigation', { name: 'Dossier van de deelnemer' }).getByRole('link', { name: 'Contacten' }).click();
  await expect(coach.getByRole('heading', { level: 1, name: 'Contactlog' })).toBeVisible();
  await expect(coach.getByLabel('Datum')).toHaveValue(day(0));
  await coach.getByLabel('Soort contact').selectOption({ label: 'Telefoon' });
  await coach.getByLabel('Duur in minuten').fill('700');
  await expect(coach.getByText('Kies een waarde van 1 tot en met 600.')).toBeVisible();
  await coach.getByLabel('Duur in minuten').fill('20');
  await coach.getByLabel('Samenvatting voor de deelnemer').fill('We hebben het cv besproken.');
  await coach.getByLabel('Notitie (alleen coaches en coördinatoren)').fill('Wil graag in de zorg werken.');
  await coach.getByRole('button', { name: 'Contact opslaan' }).click();
  await expect(coach.getByRole('status').filter({ hasText: 'Het contact is opgeslagen.' })).toBeVisible();
  const log = coach.getByRole('region', { name: 'Eerdere contacten' });
  await expect(log.getByText('We hebben het cv besproken.')).toBeVisible();
  await expect(log.getByText('Wil graag in de zorg werken.')).toBeVisible();
  await expect(log.getByText('20 min.')).toBeVisible();
  await expectNoSidewaysScroll(coach);
  await screenshot(coach, 'contacts-coach-390');

  // The coach sees the participant's route as the participant does.
  await coach.getByRole('navigation', { name: 'Dossier van de deelnemer' }).getByRole('link', { name: 'Route' }).click();
  await expect(coach.getByRole('heading', { level: 1, name: 'De route van Noor' })).toBeVisible();
  const seen = new RouteView(coach);
  await expect(seen.step('Training').getByText('1 van 8 bijeenkomsten bijgewoond')).toBeVisible();
  await expect(seen.step('Coach en plan').getByText('0 van 1 doelen bereikt')).toBeVisible();
  expect(coachErrors, 'errors in the coach page').toEqual([]);
  await coachDevice.close();

  // The participant, on their phone.
  const token = await invite(request, {
    email: participantEmail,
    role: 'participant',
    participant_id: participant.id,
  });
  const phone = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'nl-NL' });
  await accept(phone, token);
  const me = await phone.newPage();
  const errors = watchErrors(me);
  await me.goto('/');
  await expect(new HomePage(me).heading('Welkom, Noor')).toBeVisible();

  const route = new RouteView(me);
  const training = route.step('Training');
  await expect(training.getByText('1 van 8 bijeenkomsten bijgewoond')).toBeVisible();
  await expect(training.getByRole('progressbar')).toHaveAttribute('value', '1');
  await expect(training.getByText('Bezig')).toBeVisible();
  await expect(route.step('Coach en plan').getByText('0 van 1 doelen bereikt')).toBeVisible();
  for (const later of ['Bedrijfsbezoeken', 'Stage', 'Kennismaking', 'Resultaat']) {
    await expect(route.step(later).getByText('Komt nog', { exact: true })).toBeVisible();
  }
  await expect(route.steps).toHaveCount(6);
  await expect(route.nextMeeting.getByText('Bijeenkomst 3: Een realistisch beeld van werk')).toBeVisible();
  await expect(route.nextMeeting.getByText('Buurthuis De Brug, zaal 1')).toBeVisible();
  await expect(route.nextStep.getByText(/Ga naar bijeenkomst 3/)).toBeVisible();
  await expect(route.coach.getByRole('link', { name: new RegExp(coachEmail) })).toHaveAttribute('href', `mailto:${coachEmail}`);
  await expect(route.budget.getByText('€ 0,00 gebruikt van € 1000,00')).toBeVisible();
  await expectNoSidewaysScroll(me);
  await screenshot(me, 'route-participant-390');

  // Ticking off the action: saved at once, still done after a reload.
  await route.action(action).check();
  await expect(route.actions.getByText('Gedaan')).toBeVisible();
  await me.reload();
  await expect(new HomePage(me).heading('Welkom, Noor')).toBeVisible();
  await expect(route.actions.getByText('Je hebt nu niets af te vinken.')).toBeVisible();
  await me.getByRole('link', { name: 'Bekijk je actieplan' }).click();
  const ownPlan = new PlanPage(me);
  await expect(ownPlan.heading).toBeVisible();
  await expect(ownPlan.action(action)).toBeChecked();
  await expect(ownPlan.addGoal).toHaveCount(0);
  // The coach's log is not one of the participant's tabs.
  const tabs = me.getByRole('navigation', { name: 'Dossier van de deelnemer' });
  await expect(tabs.getByRole('link', { name: 'Plan' })).toHaveAttribute('aria-current', 'page');
  await expect(tabs.getByRole('link', { name: 'Contacten' })).toHaveCount(0);
  await expectNoSidewaysScroll(me);
  await screenshot(me, 'plan-participant-390');

  // The same route in Arabic, right to left.
  await me.getByRole('link', { name: 'Start', exact: true }).click();
  await me.getByLabel('Taal', { exact: true }).selectOption('ar');
  await expect(me.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(me.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(me.getByRole('heading', { level: 1 })).toHaveText(/Noor/);
  await expect(route.step('التدريب').getByText(/حضرت\W*1\W*من\W*8\W*لقاءات/)).toBeVisible();
  await expect(route.nextMeeting).toBeVisible();
  await expectNoSidewaysScroll(me);
  await screenshot(me, 'route-participant-arabic-390');
  expect(errors, 'errors in the participant page').toEqual([]);
  await phone.close();
});

test('a coordinator adds a municipality with its agreement and changes it; the rules answer as they type', async ({
  page,
  baseURL,
}) => {
  // A coordinator of their own, so the demo coordinator's region stays as it is.
  const request = await coordinatorRequest(baseURL!);
  const utrecht = await municipalityId(request, 'Utrecht');
  const stamp = uniqueLetters();
  const token = await invite(request, {
    email: `coordinator.${stamp}@example.org`,
    role: 'coordinator',
    municipality_id: utrecht,
  });
  await accept(page.context(), token);
  // A coordinator enrols a second factor before anything else.
  await enrolByApi(page.context().request, `coordinator.${stamp}@example.org`);
  await page.goto('/');
  await expect(new HomePage(page).heading('Overzicht')).toBeVisible();
  await new Navigation(page).link('Gemeenten').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Gemeenten' })).toBeVisible();
  await page.getByRole('button', { name: 'Gemeente toevoegen' }).click();

  const code = page.getByLabel('CBS-code');
  await code.fill('0344');
  await expect(page.getByText('Een gemeentecode is GM gevolgd door 4 cijfers.')).toBeVisible();
  const cbs = `GM${1000 + Math.floor(Math.random() * 8999)}`;
  await code.fill(cbs);
  await expect(code).not.toHaveAttribute('aria-invalid', 'true');
  const name = `Gemeente ${stamp}`;
  await page.getByLabel('Naam').fill(name);
  await page.getByLabel('Afspraak geldt vanaf').fill(day(0));
  const end = page.getByLabel('Afspraak geldt tot en met');
  await end.fill(day(-1));
  await expect(end).toHaveAttribute('aria-invalid', 'true');
  await end.fill(day(365));
  await expect(end).not.toHaveAttribute('aria-invalid', 'true');
  const contracted = page.getByLabel('Afgesproken aantal deelnemers');
  await contracted.fill('veel');
  await expect(page.getByText('Deze invoer heeft niet de juiste vorm.')).toBeVisible();
  await contracted.fill('25');
  await page.getByLabel('Budget per deelnemer in euro (mag leeg)').fill('1200,50');
  await page.getByRole('button', { name: 'Gemeente opslaan' }).click();

  const list = page.getByRole('region', { name: 'Gemeenten en afspraken' });
  await expect(list.getByRole('link', { name })).toBeVisible();
  await expect(list.getByText('€ 1200,50')).toBeVisible();
  await list.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${name} (${cbs})` })).toBeVisible();
  await expect(contracted).toHaveValue('25');
  await contracted.fill('30');
  await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Opgeslagen.' })).toBeVisible();
  await page.reload();
  await expect(contracted).toHaveValue('30');
  await expectNoSidewaysScroll(page);
  await screenshot(page, 'municipality-edit-390');
});

test('a coordinator takes in a participant through the form, into a cohort', async ({
  page,
  baseURL,
}) => {
  const request = await coordinatorRequest(baseURL!);
  const utrecht = await municipalityId(request, 'Utrecht');
  const stamp = uniqueLetters();
  await createCohort(request, utrecht, `Groep ${stamp}`);

  await openAsCoordinator(page, baseURL!);
  await expect(new HomePage(page).heading('Overzicht')).toBeVisible();
  await page.getByRole('link', { name: 'Nieuwe deelnemer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nieuwe deelnemer' })).toBeVisible();

  await page.getByLabel('Voornaam').fill('Yara');
  await page.getByLabel('Achternaam').fill(`Mansour ${stamp}`);
  await page.getByLabel('E-mailadres').fill(`yara.${stamp}@example.org`);
  const languages = page.getByLabel('Talen');
  await languages.fill('ar, xx');
  await expect(languages).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Deze invoer heeft niet de juiste vorm.')).toBeVisible();
  await languages.fill('ar, ti');
  await expect(languages).not.toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Niveau Nederlands bij de start').selectOption('A1');
  await page.getByLabel('Participatieladder bij de start').selectOption('3');
  await page.getByLabel('Groep').selectOption({ label: `Groep ${stamp} (0 deelnemers)` });
  await page.getByRole('button', { name: 'Deelnemer opslaan' }).click();

  await expect(page.getByRole('heading', { level: 1, name: `Yara Mansour ${stamp}` })).toBeVisible();
  const facts = page.getByRole('main').getByRole('definition');
  await expect(facts.filter({ hasText: 'A1' })).toHaveCount(1);
  await expect(page.getByRole('main').getByRole('link', { name: `Groep ${stamp}` })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await screenshot(page, 'participant-created-390');
});

test('a profile changed by someone else in the meantime keeps what was typed and offers the latest', async ({
  page,
  expectedApiErrors,
  baseURL,
}) => {
  const request = await coordinatorRequest(baseURL!);
  const utrecht = await municipalityId(request, 'Utrecht');
  const stamp = uniqueLetters();
  const created = await createParticipant(request, {
    first_name: 'Samir',
    last_name: `Bakker ${stamp}`,
    email: `samir.${stamp}@example.org`,
    municipality_id: utrecht,
    cohort_id: null,
    coach_id: null,
  });

  await openAsCoordinator(page, baseURL!);
  await expect(new HomePage(page).heading('Overzicht')).toBeVisible();
  await page.goto(`/participants/${created.id}`);
  await page.getByRole('button', { name: 'Profiel wijzigen' }).click();
  const firstName = page.getByLabel('Voornaam');
  await expect(firstName).toHaveValue('Samir');

  // Someone else saves a change first.
  const current = await (await request.get(`/api/v1/participants/${created.id}`)).json();
  const changed = await request.patch(`/api/v1/participants/${created.id}`, {
    data: { ...current, phone: '', last_name: `Smit ${stamp}`, version: current.version },
  });
  expect(changed.status()).toBe(200);

  // The server's answer to the stale version, 409 by contract.
  expectedApiErrors.push({ status: 409, path: `/api/v1/participants/${created.id}` });
  await firstName.fill('Samira');
  await page.getByRole('button', { name: 'Profiel opslaan' }).click();
  const alert = page.getByRole('main').getByRole('alert');
  await expect(alert).toContainText('Dit past niet bij wat al is opgeslagen.');
  await expect(firstName).toHaveValue('Samira');
  await screenshot(page, 'profile-stale-390');
  await alert.getByRole('button').click();
  await expect(page.getByText(`Smit ${stamp}`)).toBeVisible();
  await expect(firstName, 'what was typed stays').toHaveValue('Samira');
  await page.getByRole('button', { name: 'Neem de opgeslagen versie over' }).click();
  await expect(page.getByLabel('Achternaam')).toHaveValue(`Smit ${stamp}`);
  await firstName.fill('Samira');
  await page.getByRole('button', { name: 'Profiel opslaan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Samira Smit ${stamp}` })).toBeVisible();
});

test.describe('on a screen 360 px wide', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('the cohort, attendance and intake pages of a coordinator fit without sideways scrolling', async ({
    page,
    baseURL,
  }) => {
    const request = await coordinatorRequest(baseURL!);
    const utrecht = await municipalityId(request, 'Utrecht');
    const cohortId = await createCohort(request, utrecht, `Groep ${uniqueLetters()}`);
    await scheduleWeekly(request, cohortId, -7);

    await openAsCoordinator(page, baseURL!);
    await expect(new HomePage(page).heading('Overzicht')).toBeVisible();
    const cohort = new CohortPage(page);
    await cohort.goto(cohortId);
    await expect(cohort.meetings).toHaveCount(8);
    await expectNoSidewaysScroll(page);
    await cohort.attendance(1).click();
    await expect(new AttendancePage(page).heading(1)).toBeVisible();
    await expect(page.getByText('Er zitten nog geen deelnemers in deze groep.')).toBeVisible();
    await page.goto('/participants/new');
    await expect(page.getByRole('heading', { level: 1, name: 'Nieuwe deelnemer' })).toBeVisible();
    await expect(page.getByLabel('Coach')).toBeVisible();
    await expectNoSidewaysScroll(page);
    await page.getByLabel('Taal', { exact: true }).selectOption('ar');
    await expect(page.getByRole('heading', { level: 1, name: 'مشارك جديد' })).toBeVisible();
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'participant-new-arabic-360');
  });

  test('the demo coach, whose caseload is full, cannot take a new participant: the form says so before sending', async ({
    page,
    baseURL,
  }) => {
    await openAsCoordinator(page, baseURL!);
    await expect(new HomePage(page).heading('Overzicht')).toBeVisible();
    await page.goto('/participants/new');
    const coach = page.getByLabel('Coach');
    await expect(coach.getByRole('option', { name: /coach@example\.org/ })).toHaveCount(1);
    const sent: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/v1/participants')) sent.push(r.url());
    });
    await coach.selectOption({ label: 'coach@example.org (3 van 3)' });
    await expect(page.getByText('Deze coach begeleidt al 3 deelnemers.')).toBeVisible();
    await page.getByRole('button', { name: 'Deelnemer opslaan' }).click();
    await expect(page.getByLabel('Voornaam')).toBeFocused();
    await expect(page.getByLabel('Voornaam')).toHaveAttribute('aria-invalid', 'true');
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'participant-new-caseload-360');
    expect(sent).toEqual([]);
  });
});
