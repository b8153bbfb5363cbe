import { test, expect, screenshot, expectNoSidewaysScroll } from './fixtures';
import { DEMO, DEMO_PASSWORD, apiParticipants } from './api';
import { AcceptInvitationPage } from './pages/accept-invitation';
import { AccountsPage } from './pages/accounts';
import { HomePage } from './pages/home';
import { LoginPage } from './pages/login';
import { Navigation } from './pages/navigation';
import { ParticipantPage } from './pages/participant';
import { coordinatorRequest, openAsCoordinator } from './second-factor';

test.use({ viewport: { width: 390, height: 844 } });

type Role = keyof typeof DEMO;

/** What each demo role sees on its home page, and which menu items it has. */
const HOMES: Record<Role, { heading: string; menu: string[] }> = {
  coordinator: { heading: 'Overzicht', menu: ['Start', 'Accounts'] },
  coach: { heading: 'Mijn deelnemers', menu: ['Start'] },
  company: { heading: 'Mijn organisatie', menu: ['Start'] },
  municipality: { heading: 'Mijn gemeente', menu: ['Start'] },
  participant: { heading: 'Welkom, Amal', menu: ['Start', 'Mijn profiel'] },
};

const ALL_MENU_ITEMS = ['Start', 'Mijn profiel', 'Accounts'];

for (const role of Object.keys(HOMES) as Role[]) {
  test(`the ${role} logs in on a phone and lands on their own home page`, async ({ page }) => {
    const login = new LoginPage(page);
    const home = new HomePage(page);
    const nav = new Navigation(page);
    await login.goto();
    await login.login(DEMO[role], DEMO_PASSWORD);

    await expect(page).toHaveURL(/\/$/);
    await expect(home.heading(HOMES[role].heading)).toBeVisible();
    for (const item of ALL_MENU_ITEMS) {
      await expect(nav.link(item)).toHaveCount(HOMES[role].menu.includes(item) ? 1 : 0);
    }
    await expect(nav.logoutButton).toBeVisible();

    switch (role) {
      case 'coordinator': {
        const municipalities = home.section('Gemeenten');
        await expect(municipalities.getByRole('heading', { name: /Utrecht/ })).toBeVisible();
        await expect(home.section('Groepen').getByRole('heading', { name: 'Utrecht voorjaar' })).toBeVisible();
        await expect(home.section('Deelnemers').getByRole('link', { name: 'Amal Haddad' })).toBeVisible();
        break;
      }
      case 'coach': {
        // The coach's own list, as the API gives it to the coach's session.
        const mine = await apiParticipants(page.request);
        expect(mine).toHaveLength(3);
        // The nudges above the list have their own links.
        const list = page.getByRole('region', { name: 'Deelnemers', exact: true });
        await expect(list.getByRole('link')).toHaveCount(3);
        const first = mine[0];
        await expect(list.getByRole('link', { name: `${first.first_name} ${first.last_name}` })).toBeVisible();
        break;
      }
      case 'company':
        await expect(page.getByRole('heading', { level: 2, name: 'Bakkerij De Korenbloem' })).toBeVisible();
        await expect(home.section('Plaatsen en vacatures')).toBeVisible();
        break;
      case 'municipality':
        await expect(page.getByRole('heading', { level: 2, name: 'Utrecht' })).toBeVisible();
        await expect(page.getByRole('link', { name: 'Rapportage bekijken' })).toBeVisible();
        break;
      case 'participant': {
        await home.link('Bekijk je profiel').click();
        const profile = new ParticipantPage(page);
        await expect(profile.name('Amal Haddad')).toBeVisible();
        await expect(profile.fact('Niveau Nederlands')).toHaveText('A2');
        break;
      }
    }
    await expectNoSidewaysScroll(page);
    await screenshot(page, `home-${role}-390`);
  });
}

test("a participant opening another participant's page sees 'not found'", async ({
  page,
  expectedApiErrors,
  baseURL,
}) => {
  const request = await coordinatorRequest(baseURL!);
  const everyone = await apiParticipants(request);

  const login = new LoginPage(page);
  await login.goto();
  await login.login(DEMO.participant, DEMO_PASSWORD);
  await expect(new HomePage(page).heading('Welkom, Amal')).toBeVisible();
  const me = await (await page.request.get('/api/v1/auth/me')).json();
  const other = everyone.find((p) => p.id !== me.participant_id);
  expect(other, 'another participant').toBeDefined();

  // The API's answer for a record outside the participant's scope.
  expectedApiErrors.push({ status: 404, path: `/api/v1/participants/${other!.id}` });
  const profile = new ParticipantPage(page);
  await profile.goto(other!.id);
  await expect(profile.notFound).toBeVisible();
  await expect(page.getByText('Deze pagina bestaat niet, of je hebt er geen toegang toe.')).toBeVisible();
  await expect(page.getByText(other!.last_name)).toHaveCount(0);
  await screenshot(page, 'participant-other-not-found-390');
});

test('logout returns to the login page and ends the session on the server', async ({ page }) => {
  const login = new LoginPage(page);
  const nav = new Navigation(page);
  await login.goto();
  await login.login(DEMO.coach, DEMO_PASSWORD);
  await expect(new HomePage(page).heading('Mijn deelnemers')).toBeVisible();

  await nav.logout();
  await expect(page).toHaveURL(/\/login$/);
  await expect(login.heading).toBeVisible();
  await expect(login.form).toBeVisible();
  await expect(nav.link('Inloggen')).toBeVisible();
  await expect(nav.logoutButton).toHaveCount(0);
  const me = await page.request.get('/api/v1/auth/me');
  expect(me.status()).toBe(401);
  await screenshot(page, 'logout-390');
});

test('a wrong password shows the translated error', async ({ page, expectedApiErrors }) => {
  expectedApiErrors.push({ status: 401, path: '/api/v1/auth/login' });
  const login = new LoginPage(page);
  await login.goto();
  await login.login(DEMO.municipality, 'not-the-password');
  await expect(login.error).toHaveText(
    'Dit e-mailadres en wachtwoord horen niet bij elkaar. Controleer ze en probeer het opnieuw.',
  );
  await expect(page).toHaveURL(/\/login$/);
  await expect(login.email).toHaveValue(DEMO.municipality);
  await expect(login.password).toHaveValue('');
  await screenshot(page, 'login-wrong-password-390');

  await page.getByLabel('Taal').selectOption('en');
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(
    'This email address and password do not match. Check them and try again.',
  );
});

test('empty fields are refused before anything is sent', async ({ page }) => {
  const sent: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/v1/auth/login')) sent.push(r.url());
  });
  const login = new LoginPage(page);
  await login.goto();
  await login.submit.click();
  await expect(login.email).toHaveAttribute('aria-invalid', 'true');
  await expect(login.email).toHaveAccessibleDescription('Dit veld is verplicht.');
  await expect(login.password).toHaveAttribute('aria-invalid', 'true');
  await expect(login.email).toBeFocused();
  expect(sent).toEqual([]);
  await screenshot(page, 'login-empty-fields-390');
});

test('a signed-out visit to /accounts leads to the login page and back after logging in', async ({ page }) => {
  const accounts = new AccountsPage(page);
  const login = new LoginPage(page);
  await accounts.goto();
  await expect(page).toHaveURL(/\/login\?next=\/accounts$/);
  await expect(login.form).toBeVisible();
  await login.login(DEMO.coordinator, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/accounts$/);
  await expect(accounts.heading).toBeVisible();
  await expect(accounts.account(DEMO.coach)).toBeVisible();
  await expect(accounts.accounts.getByRole('button', { name: `Uitschakelen ${DEMO.coach}` })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await screenshot(page, 'accounts-390');
});

test('an ended session sends the user to the login page and back to where they were', async ({
  page,
  expectedApiErrors,
}) => {
  const login = new LoginPage(page);
  const accounts = new AccountsPage(page);
  // The home page has loaded what it shows before the session ends: a request of it still on
  // its way would be answered 401 too.
  const homeLoaded = Promise.all(
    ['/api/v1/municipalities', '/api/v1/cohorts', '/api/v1/participants'].map((path) =>
      page.waitForResponse((r) => new URL(r.url()).pathname === path && r.ok()),
    ),
  );
  await login.goto();
  await login.login(DEMO.coordinator, DEMO_PASSWORD);
  await expect(new HomePage(page).heading('Overzicht')).toBeVisible();
  await homeLoaded;

  // The session ends on the server (as after 30 idle minutes) while the page stays open.
  const ended = await page.request.post('/api/v1/auth/logout', { data: {} });
  expect(ended.status()).toBe(204);
  expectedApiErrors.push(
    { status: 401, path: '/api/v1/users' },
    { status: 401, path: '/api/v1/municipalities' },
  );
  await new Navigation(page).link('Accounts').click();

  await expect(page).toHaveURL(/\/login\?next=\/accounts$/);
  await expect(page.getByText('Je was te lang niet actief. Log opnieuw in. Dan ga je verder waar je was.')).toBeVisible();
  await screenshot(page, 'session-ended-390');
  await login.login(DEMO.coordinator, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/accounts$/);
  await expect(accounts.heading).toBeVisible();
  await expect(accounts.account(DEMO.coach)).toBeVisible();
});

test('a role that may not manage accounts sees not found at /accounts', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.login(DEMO.coach, DEMO_PASSWORD);
  await expect(new HomePage(page).heading('Mijn deelnemers')).toBeVisible();
  await page.goto('/accounts');
  await expect(page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' })).toBeVisible();
  await expect(new Navigation(page).link('Accounts')).toHaveCount(0);
  await screenshot(page, 'accounts-refused-coach-390');
});

test('the invitation page refuses a password of 7 characters as it is typed', async ({ page }) => {
  const sent: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/v1/auth/accept-invitation')) sent.push(r.url());
  });
  const invitation = new AcceptInvitationPage(page);
  await invitation.goto('/accept-invitation#a-token-that-is-never-sent');
  await expect(invitation.heading).toBeVisible();
  // The token is taken out of the address bar once read.
  await expect(page).toHaveURL(/\/accept-invitation$/);

  const tooShort = 'Het wachtwoord moet minstens 8 tekens hebben.';
  await invitation.password.pressSequentially('abcdefg');
  await expect(page.getByText(tooShort)).toBeVisible();
  await expect(invitation.password).toHaveAttribute('aria-invalid', 'true');
  await expect(invitation.password).toHaveAccessibleDescription(new RegExp(tooShort));
  await invitation.submit.click();
  await expect(invitation.password).toBeFocused();
  await screenshot(page, 'accept-invitation-too-short-390');

  await invitation.password.press('h');
  await expect(page.getByText(tooShort)).toHaveCount(0);
  await expect(invitation.password).not.toHaveAttribute('aria-invalid', 'true');
  expect(sent, 'nothing was sent').toEqual([]);
});

test('a coordinator invites a coach, who chooses a password and lands on their home page', async ({
  page,
  browser,
  baseURL,
}) => {
  const accounts = new AccountsPage(page);
  // Signed in already: logging in is what other tests are about.
  await openAsCoordinator(page, baseURL!);
  await new Navigation(page).link('Accounts').click();
  await expect(accounts.heading).toBeVisible();

  const email = `new.coach.${Date.now()}@example.org`;
  await accounts.email.fill(email);
  await accounts.role.selectOption({ label: 'Coach' });
  await accounts.municipality.selectOption({ label: 'Utrecht' });
  await accounts.submit.click();
  await expect(accounts.link).toBeFocused();
  const link = await accounts.link.inputValue();
  expect(link).toMatch(/\/accept-invitation#[0-9a-f]{64}$/);
  await expectNoSidewaysScroll(page);
  await screenshot(page, 'accounts-invitation-link-390');

  // The invitee, on a device of their own.
  const device = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, locale: 'nl-NL' });
  const invitee = await device.newPage();
  const errors: string[] = [];
  invitee.on('pageerror', (err) => errors.push(err.message));
  const invitation = new AcceptInvitationPage(invitee);
  await invitation.goto(`/accept-invitation#${link.split('#')[1]}`);
  await invitation.password.fill('een zin van een paar woorden');
  await invitation.submit.click();
  await expect(invitee).toHaveURL(/\/$/);
  await expect(new HomePage(invitee).heading('Mijn deelnemers')).toBeVisible();
  await screenshot(invitee, 'accept-invitation-done-390');
  expect(errors).toEqual([]);
  await device.close();

  await page.reload();
  await expect(accounts.account(email)).toBeVisible();
});

test('a participant reads their home page in Arabic, right to left', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.login(DEMO.participant, DEMO_PASSWORD);
  await expect(new HomePage(page).heading('Welkom, Amal')).toBeVisible();
  await page.getByLabel('Taal').selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('main').getByRole('heading', { level: 1, name: /Amal/ })).toHaveText(/مرحبًا/);
  const menu = page.getByRole('navigation', { name: 'القائمة الرئيسية' });
  await expect(menu.getByRole('link', { name: 'ملفي الشخصي' })).toBeVisible();
  await expect(menu.getByRole('button', { name: 'تسجيل الخروج' })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await screenshot(page, 'home-participant-arabic-390');
});

test.describe('on a screen 360 px wide', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('the pages of a coordinator fit without sideways scrolling', async ({ page, baseURL }) => {
    const login = new LoginPage(page);
    await login.goto();
    await expectNoSidewaysScroll(page);
    await openAsCoordinator(page, baseURL!);
    await expect(new HomePage(page).heading('Overzicht')).toBeVisible();
    await expectNoSidewaysScroll(page);
    await new Navigation(page).link('Accounts').click();
    await expect(new AccountsPage(page).heading).toBeVisible();
    await expect(new AccountsPage(page).account(DEMO.coach)).toBeVisible();
    await expectNoSidewaysScroll(page);
    await page.getByLabel('Taal').selectOption('ar');
    await expect(page.getByRole('heading', { level: 1, name: 'الحسابات' })).toBeVisible();
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'accounts-arabic-360');
  });
});

test('logging in works with the keyboard alone', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await expect(login.form).toBeVisible();
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Tab');
    if (await login.email.evaluate((el) => el === document.activeElement)) break;
  }
  await expect(login.email).toBeFocused();
  await page.keyboard.type(DEMO.company);
  await page.keyboard.press('Tab');
  await expect(login.password).toBeFocused();
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(new HomePage(page).heading('Mijn organisatie')).toBeVisible();
  // After the move to the home page the keyboard continues at its content.
  await expect(page.getByRole('main')).toBeFocused();
  await screenshot(page, 'login-keyboard-390');
});
