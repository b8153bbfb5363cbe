import { test, expect, screenshot, expectNoSidewaysScroll } from './fixtures';
import { AcceptInvitationPage } from './pages/accept-invitation';
import { HomePage } from './pages/home';
import { LoginPage } from './pages/login';
import { Navigation } from './pages/navigation';
import { SecurityPage } from './pages/security';
import { coordinatorRequest, withCode } from './second-factor';
import { accept, createParticipant, invite, municipalityId, uniqueLetters } from './training-api';

/** The password of the accounts these tests invite (as `accept` in training-api.ts sets it). */
const INVITED_PASSWORD = 'een zin van een paar woorden';

test.describe('on a phone 360 px wide', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('a new coordinator enrols the second login step, logs out, and logs in with password and code', async ({
    page,
    expectedApiErrors,
    baseURL,
  }) => {
    // A coordinator of their own: invited by the demo coordinator, without a second factor yet.
    const request = await coordinatorRequest(baseURL!);
    const utrecht = await municipalityId(request, 'Utrecht');
    const email = `coordinator.${uniqueLetters()}@example.org`;
    const token = await invite(request, { email, role: 'coordinator', municipality_id: utrecht });
    const password = 'mijn eigen lange zin om in te loggen';

    const invitation = new AcceptInvitationPage(page);
    await invitation.goto(`/accept-invitation#${token}`);
    await invitation.password.fill(password);
    await invitation.submit.click();

    // Nothing else before the second factor: the app goes to the security page.
    const security = new SecurityPage(page);
    const nav = new Navigation(page);
    await expect(page).toHaveURL(/\/security$/);
    await expect(security.heading).toBeVisible();
    await expect(security.required).toBeVisible();
    await expect(nav.link('Start')).toHaveCount(0);
    await expect(nav.link('Beveiliging')).toBeVisible();
    await expect(security.password).toHaveCount(0);
    await expectNoSidewaysScroll(page);
    await security.setUp.click();

    await expect(security.qrCode).toBeVisible();
    const key = (await security.key.inputValue()).replace(/\s/g, '');
    expect(key, 'the key is shown as text for whoever cannot scan').toMatch(/^[A-Z2-7]{32}$/);
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'security-enrol-360');

    expectedApiErrors.push({ status: 422, path: '/api/v1/auth/totp/confirmation' });
    await security.code.fill('000000');
    await security.confirm.click();
    await expect(security.factor.getByText('Deze code klopt niet.', { exact: false })).toBeVisible();
    await expect(security.code).toBeFocused();
    await withCode(email, key, async (code) => {
      await security.code.fill(code);
      const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/totp/confirmation'));
      await security.confirm.click();
      expect((await answer).status()).toBe(200);
    });

    await expect(security.recoveryCodes.getByRole('listitem')).toHaveCount(10);
    await expect(page.getByRole('heading', { name: 'Gelukt! Bewaar je herstelcodes' })).toBeFocused();
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'security-recovery-codes-360');
    await security.saved.click();
    await expect(new HomePage(page).heading('Overzicht')).toBeVisible();
    await expect(nav.link('Start')).toBeVisible();

    await nav.logout();
    const login = new LoginPage(page);
    await expect(login.form).toBeVisible();
    await login.email.fill(email);
    await login.password.fill(password);
    await login.submit.click();
    await expect(login.secondStep).toBeVisible();
    await expect(login.form).toBeHidden();
    await expect(login.code).toBeFocused();
    await expect(new HomePage(page).heading('Overzicht')).toHaveCount(0);
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'login-second-step-360');
    await login.giveCode(email, key);

    await expect(page).toHaveURL(/\/$/);
    await expect(new HomePage(page).heading('Overzicht')).toBeVisible();
  });
});

test('a participant changes their password and their session on another device ends', async ({
  page,
  browser,
  baseURL,
}) => {
  // A participant account of its own, signed in on this page (by accepting its invitation).
  const request = await coordinatorRequest(baseURL!);
  const utrecht = await municipalityId(request, 'Utrecht');
  const stamp = uniqueLetters();
  const email = `deelnemer.${stamp}@example.org`;
  const created = await createParticipant(request, {
    first_name: 'Nour',
    last_name: `Haddad ${stamp}`,
    email,
    municipality_id: utrecht,
    cohort_id: null,
    coach_id: null,
  });
  const token = await invite(request, { email, role: 'participant', participant_id: created.id });
  await accept(page.context(), token);

  // The same participant on a second device.
  const other = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, locale: 'nl-NL' });
  const phone = await other.newPage();
  const otherLogin = new LoginPage(phone);
  await otherLogin.goto();
  await otherLogin.login(email, INVITED_PASSWORD);
  await expect(new HomePage(phone).heading('Welkom, Nour')).toBeVisible();

  await page.goto('/');
  await new Navigation(page).link('Beveiliging').click();
  const security = new SecurityPage(page);
  await expect(security.heading).toBeVisible();
  // Offered, not required.
  await expect(security.required).toHaveCount(0);
  await expect(security.setUp).toBeVisible();
  await security.currentPassword.fill(INVITED_PASSWORD);
  await security.newPassword.fill('een nieuwe zin voor mijn account');
  await security.change.click();
  await expect(security.changed).toHaveText(
    'Je wachtwoord is gewijzigd. Op je andere apparaten ben je uitgelogd.',
  );
  await expect(security.currentPassword).toHaveValue('');
  await expectNoSidewaysScroll(page);
  await screenshot(page, 'security-password-changed-390');

  // This session stays; the one on the other device has ended.
  expect((await page.request.get('/api/v1/auth/me')).status()).toBe(200);
  await phone.reload();
  await expect(otherLogin.form).toBeVisible();
  expect((await phone.request.get('/api/v1/auth/me')).status()).toBe(401);
  await otherLogin.login(email, INVITED_PASSWORD);
  await expect(otherLogin.error).toHaveText(
    'Dit e-mailadres en wachtwoord horen niet bij elkaar. Controleer ze en probeer het opnieuw.',
  );
  await other.close();
});
