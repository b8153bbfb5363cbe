import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Page } from '@playwright/test';
import { bakeryInternship, call, freshParticipant, isoDay, NEW_PASSWORD, uniqueLetters } from './companies-seed';
import { expect, test } from './fixtures';
import { enrolByApi, SESSION_COOKIE } from './second-factor';

// axe-core on every page of the app, for every role, in each of the six interface languages.
//
// The interface language is stored on the account, so a test that changes it changes it for
// every browser signed in to that account. The demo accounts are shared with the other spec
// files, which run at the same time and read them in Dutch: this spec invites accounts of its
// own instead, one per role in each worker, on records of the demo region (Utrecht) and on a
// participant, an internship, an expense and an event it makes for the purpose. Each test signs
// in a browser with the session of such an account, sets the account's language through the API,
// then opens every page of the role by its address and runs axe-core once the page is loaded.

const LANGUAGES = [
  { code: 'nl', dir: 'ltr' },
  { code: 'en', dir: 'ltr' },
  { code: 'ar', dir: 'rtl' },
  { code: 'ti', dir: 'ltr' },
  { code: 'fa-AF', dir: 'rtl' },
  { code: 'uk', dir: 'ltr' },
] as const;

type Role = 'participant' | 'coach' | 'coordinator' | 'company_contact' | 'municipality_viewer';

/** The ids of the records the pages show. */
type Ids = {
  participant: string;
  cohort: string;
  municipality: string;
  organisation: string;
  opening: string;
  internship: string;
  event: string;
};

/** The tabs of a participant's file that a role may open, after `/participants/{id}`. */
const FILE_TABS: Record<'participant' | 'coach' | 'coordinator', string[]> = {
  participant: ['', '/route', '/plan', '/competences', '/internships', '/map', '/budget', '/introductions', '/consent', '/outcome'],
  coach: ['', '/route', '/plan', '/competences', '/suggestions', '/contacts', '/internships', '/map', '/budget', '/introductions', '/consent', '/outcome'],
  coordinator: ['', '/route', '/plan', '/competences', '/suggestions', '/contacts', '/internships', '/map', '/budget', '/introductions', '/consent', '/outcome'],
};

/** Every page a role may open: the routes of the app (`app/src/lib.rs`, `app/src/pages/`), as `app/src/access.rs` allows them. */
function pagesOf(role: Role, ids: Ids): string[] {
  const file = (tabs: string[]) => tabs.map((tab) => `/participants/${ids.participant}${tab}`);
  const internship = [`/internships/${ids.internship}`, `/internships/${ids.internship}/agreement`];
  const cohort = [`/cohorts/${ids.cohort}`, `/cohorts/${ids.cohort}/meetings/1/attendance`];
  switch (role) {
    case 'participant':
      return ['/', ...file(FILE_TABS.participant), ...internship, '/security'];
    case 'coach':
      return ['/', '/cohorts', ...cohort, ...file(FILE_TABS.coach), '/openings', `/openings/${ids.opening}`, ...internship, '/security'];
    case 'coordinator':
      return [
        '/',
        '/accounts',
        '/municipalities',
        `/municipalities/${ids.municipality}`,
        '/cohorts',
        ...cohort,
        '/participants/new',
        ...file(FILE_TABS.coordinator),
        '/organisations',
        `/organisations/${ids.organisation}`,
        '/openings',
        `/openings/${ids.opening}`,
        ...internship,
        '/events',
        `/events/${ids.event}`,
        '/audit',
        `/reports/municipalities/${ids.municipality}`,
        '/security',
      ];
    case 'company_contact':
      return ['/', `/organisations/${ids.organisation}`, `/openings/${ids.opening}`, ...internship, '/events', `/events/${ids.event}`, '/security'];
    case 'municipality_viewer':
      return ['/', `/reports/municipalities/${ids.municipality}`, '/security'];
  }
}

/** What one worker made: the records and a signed-in request context per role. */
type World = { ids: Ids; sessions: Record<Role, APIRequestContext> };

let world: Promise<World> | undefined;

/** Invites an account as the coordinator and accepts it on a request context of its own. */
async function invited(
  coordinator: APIRequestContext,
  newContext: (o: { baseURL: string; extraHTTPHeaders: Record<string, string> }) => Promise<APIRequestContext>,
  baseURL: string,
  invitation: Record<string, unknown>,
): Promise<APIRequestContext> {
  const created = await call(coordinator, 'POST', '/invitations', {
    participant_id: null,
    organisation_id: null,
    municipality_id: null,
    ...invitation,
  });
  const api = await newContext({ baseURL, extraHTTPHeaders: { Origin: new URL(baseURL).origin } });
  await call(api, 'POST', '/auth/accept-invitation', { token: String(created.link).split('#')[1], password: NEW_PASSWORD });
  return api;
}

async function makeWorld(
  newContext: (o: { baseURL: string; extraHTTPHeaders: Record<string, string> }) => Promise<APIRequestContext>,
  baseURL: string,
): Promise<World> {
  // A participant with their training complete, a coach of their own, both with an account.
  const fresh = await freshParticipant(newContext, baseURL);
  const { coordinator } = fresh;
  const letters = uniqueLetters();
  const file = await call(coordinator, 'GET', `/participants/${fresh.participantId}`);
  const start = isoDay(-14);
  const internship = await bakeryInternship(fresh, start, 32);
  await call(coordinator, 'POST', `/participants/${fresh.participantId}/expenses`, {
    category: 'course',
    amount_cents: 12500,
    description: 'Cursus Nederlands op de werkvloer',
  });
  const event = await call(coordinator, 'POST', '/events', {
    kind: 'expert_meeting',
    title: `Nieuwkomers begeleiden ${letters}`,
    date: isoDay(21),
    start_time: '15:30',
    place: 'Stadskantoor, Utrecht',
    online_link: '',
    capacity: 20,
    municipality_ids: [fresh.municipalityId],
  });
  const openings = await call(coordinator, 'GET', '/openings');
  const opening = openings.items.find((o: any) => o.organisation_id === fresh.bakeryId) ?? openings.items[0];
  expect(opening, 'an opening of the demo region').toBeDefined();

  const coordinatorEmail = `coordinator.${letters}@example.org`;
  const ownCoordinator = await invited(coordinator, newContext, baseURL, {
    email: coordinatorEmail,
    role: 'coordinator',
    municipality_id: fresh.municipalityId,
  });
  // A coordinator enrols a second factor before anything else.
  await enrolByApi(ownCoordinator, coordinatorEmail);
  const company = await invited(coordinator, newContext, baseURL, {
    email: `contact.${letters}@example.org`,
    role: 'company_contact',
    organisation_id: fresh.bakeryId,
  });
  const viewer = await invited(coordinator, newContext, baseURL, {
    email: `viewer.${letters}@example.org`,
    role: 'municipality_viewer',
    municipality_id: fresh.municipalityId,
  });
  return {
    ids: {
      participant: fresh.participantId,
      cohort: file.cohort_id,
      municipality: fresh.municipalityId,
      organisation: fresh.bakeryId,
      opening: opening.id,
      internship: internship.id,
      event: event.id,
    },
    sessions: {
      participant: fresh.participant,
      coach: fresh.coach,
      coordinator: ownCoordinator,
      company_contact: company,
      municipality_viewer: viewer,
    },
  };
}

/**
 * Opens a page by its address and waits until its main heading is there and nothing loads. The
 * first page is loaded; the others are reached through the history, as a link of the app does,
 * so that the app does not start again for every page.
 */
async function open(page: Page, to: string, first: boolean): Promise<void> {
  if (first) {
    await page.goto(to);
  } else {
    await page.evaluate((to) => {
      // The heading of the page before, to tell it from the next one's.
      for (const h of document.querySelectorAll('main h1')) h.setAttribute('data-before', '');
      history.pushState(null, '', to);
      dispatchEvent(new PopStateEvent('popstate'));
    }, to);
  }
  await expect(page).toHaveURL(new RegExp(`${to.replace(/[/?]/g, '\\$&')}$`));
  await expect(page.locator('main h1:not([data-before])').first()).toBeVisible();
  await expect(page.locator('.loading, [aria-busy="true"]')).toHaveCount(0);
}

type Found = { page: string; rule: string; impact: string | null | undefined; targets: string[] };

/**
 * axe-core's violations on the page as it is. In the page itself (legacy mode): the app has no
 * frames, and the default mode opens a page of its own for every analysis to merge the frames'
 * results, which doubles the time. Only violations are collected, not the rules that passed.
 */
async function violations(page: Page, to: string): Promise<Found[]> {
  const results = await new AxeBuilder({ page }).setLegacyMode().options({ resultTypes: ['violations'] }).analyze();
  return results.violations.map((v) => ({
    page: to,
    rule: v.id,
    impact: v.impact,
    targets: v.nodes.map((n) => n.target.join(' ')),
  }));
}

/** The pages for whoever is not signed in. */
const VISITOR_PAGES = ['/login', '/accept-invitation', '/reset-password'];

for (const { code, dir } of LANGUAGES) {
  test(`every page of a visitor in ${code} has no accessibility violations (axe-core)`, async ({ page }) => {
    // A visitor's language is this device's: chosen in the header's language switch.
    await page.goto('/login');
    await page.getByRole('banner').getByRole('combobox').selectOption(code);
    await expect(page.locator('html')).toHaveAttribute('lang', code);
    await expect(page.locator('html')).toHaveAttribute('dir', dir);
    const found: Found[] = [];
    for (const [n, to] of VISITOR_PAGES.entries()) {
      // The first, the login page, is open already; the others are loaded by their address (from
      // the invitation's page to the new password's, the history keeps the heading's element).
      if (n > 0) await open(page, to, true);
      found.push(...(await violations(page, to)));
    }
    expect(found, 'axe-core violations').toEqual([]);
  });
}

const ROLES: Role[] = ['participant', 'coach', 'coordinator', 'company_contact', 'municipality_viewer'];

test.describe.configure({ mode: 'parallel' });

for (const role of ROLES) {
  for (const { code, dir } of LANGUAGES) {
    test(`every page of a ${role} in ${code} has no accessibility violations (axe-core)`, async ({
      page,
      playwright,
      baseURL,
    }) => {
      // The first test of a worker makes the records and accounts first.
      test.setTimeout(90_000);
      world ??= makeWorld((o) => playwright.request.newContext(o), baseURL!);
      const { ids, sessions } = await world;
      const api = sessions[role];
      await call(api, 'PUT', '/auth/me/language', { language: code });
      const session = (await api.storageState()).cookies.find((c) => c.name === SESSION_COOKIE);
      expect(session, `a session of the ${role}`).toBeDefined();
      await page.context().addCookies([
        {
          name: SESSION_COOKIE,
          value: session!.value,
          // Chromium refuses to be given a `Secure` cookie for an `http:` address (see
          // second-factor.ts); it sends it to the server on 127.0.0.1 all the same.
          url: baseURL!.replace(/^http:/, 'https:'),
          httpOnly: true,
          secure: true,
          sameSite: 'Strict',
        },
      ]);

      const pages = pagesOf(role, ids);
      test.setTimeout(test.info().timeout + pages.length * 5_000);
      const found: Found[] = [];
      for (const [n, to] of pages.entries()) {
        await open(page, to, n === 0);
        if (n === 0) {
          await expect(page.locator('html')).toHaveAttribute('lang', code);
          await expect(page.locator('html')).toHaveAttribute('dir', dir);
        }
        found.push(...(await violations(page, to)));
      }
      expect(found, 'axe-core violations').toEqual([]);
    });
  }
}
