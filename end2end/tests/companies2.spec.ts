import type { Page } from '@playwright/test';
import { test, expect, screenshot, expectNoSidewaysScroll } from './fixtures';
import { DEMO, DEMO_PASSWORD } from './api';
import { LoginPage } from './pages/login';
import { Navigation } from './pages/navigation';
import { ConsentPage } from './pages/consent';
import { OrganisationPage } from './pages/organisation';
import { NEW_PASSWORD, call, freshParticipant } from './companies-seed';

test.use({ viewport: { width: 390, height: 844 } });

async function login(page: Page, email: string, password: string): Promise<void> {
  const form = new LoginPage(page);
  await form.goto();
  await form.login(email, password);
  await expect(page).toHaveURL(/\/$/);
  await expect(new Navigation(page).logoutButton).toBeVisible();
}

test('a coach proposes an introduction from the suggestions; the participant consents on a phone and the company then sees the profile', async ({
  page,
  playwright,
  baseURL,
}) => {
  const fresh = await freshParticipant((o) => playwright.request.newContext(o), baseURL!);
  const participantPath = `/participants/${fresh.participantId}`;

  // The coach reads the suggestions (training complete: placements come first) and proposes the
  // participant for the bakery's internship, which waits for consent.
  await call(fresh.coach, 'PUT', `${participantPath}/competences`, {
    sectors_of_interest: ['hospitality'],
    hours_available: 24,
    postcode_area: '3511',
    version: 0,
  });
  const suggestions = await call(fresh.coach, 'GET', `${participantPath}/suggestions`);
  const internship = suggestions.items.find((s: any) => s.title === 'Stage bakkerij');
  expect(internship.reasons).toContain('sector_of_interest');
  expect(internship.reasons).toContain('next_step_on_route');
  const proposal = await call(fresh.coach, 'POST', `${participantPath}/introductions`, {
    organisation_id: internship.organisation_id,
    opening_id: internship.opening_id,
    motivation: `${fresh.firstName} wil graag leren bakken.`,
  });
  expect(proposal.waiting_for_consent).toBe(true);

  // The participant, on a phone, reads who sees what and gives consent to the waiting proposal.
  await login(page, fresh.participantEmail, NEW_PASSWORD);
  await page.goto(`${participantPath}/consent`);
  const consent = new ConsentPage(page);
  await expect(consent.heading).toBeVisible();
  await expect(page.getByRole('region', { name: 'Wie ziet wat' })).toContainText('je voornaam');
  const waiting = page.getByRole('region', { name: 'Voorstellen die op je toestemming wachten' });
  await expect(waiting).toContainText('Bakkerij De Korenbloem');
  await expectNoSidewaysScroll(page);
  await screenshot(page, 'participant-consent-waiting-390');
  await waiting.getByRole('button', { name: /^Toestemming geven\s*:\s*Bakkerij De Korenbloem$/ }).click();
  await expect(page.getByText('De toestemming is vastgelegd.')).toBeVisible();
  await expect(consent.consent('Bakkerij De Korenbloem').locator('.badge-status')).toHaveText('Gegeven');
  await expect(waiting).toBeHidden();

  // The company contact now sees the proposal with the shared profile only.
  await page.context().clearCookies();
  await login(page, DEMO.company, DEMO_PASSWORD);
  const item = new OrganisationPage(page).introduction(fresh.firstName);
  await expect(item).toContainText(`${fresh.firstName} wil graag leren bakken.`);
  await expect(item).toContainText('A2');
  await expect(page.getByText(fresh.lastName)).toHaveCount(0);
  await fresh.dispose();
});
