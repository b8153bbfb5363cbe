import { expect, type APIRequestContext, type APIResponse, type Page } from '@playwright/test';
import { DEMO, DEMO_PASSWORD } from './api';
import { LoginPage } from './pages/login';
import { Navigation } from './pages/navigation';
import { coordinatorState, openAsCoordinator } from './second-factor';
import { day } from './training-api';

/** Makes a request context with a cookie jar of its own (`playwright.request.newContext`). */
export type NewContext = (options: {
  baseURL: string;
  extraHTTPHeaders?: Record<string, string>;
  storageState?: ReturnType<typeof coordinatorState>;
}) => Promise<APIRequestContext>;

/** A request context of its own that names the app's origin, as the server asks of a state change. */
function contextOf(newContext: NewContext, baseURL: string): Promise<APIRequestContext> {
  return newContext({ baseURL, extraHTTPHeaders: { Origin: new URL(baseURL).origin } });
}

/**
 * Logs in through the form (the demo coordinator: opens the session global-setup.ts signed in
 * with the second factor, since these tests are not about logging in) and waits for the home page.
 */
export async function login(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  if (email === DEMO.coordinator) {
    await openAsCoordinator(page, process.env.BASE_URL!);
  } else {
    const form = new LoginPage(page);
    await form.goto();
    await form.login(email, password);
  }
  await expect(page).toHaveURL(/\/$/);
  await expect(new Navigation(page).logoutButton).toBeVisible();
}

/** The password of the accounts these tests invite. */
export const NEW_PASSWORD = 'een zin van een paar woorden';

let made = 0;

/** Letters only (names may not hold digits), different for every call in every worker. */
export function uniqueLetters(): string {
  let n = Date.now() * 1000 + (process.pid % 100) * 10 + (made++ % 10);
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(97 + (n % 26)) + out;
    n = Math.floor(n / 26);
  }
  return out;
}

/** A date `days` from today as the server counts it, as `YYYY-MM-DD`. */
export const isoDay = day;

/** `days` after an ISO date. */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

async function ok(response: APIResponse, what: string): Promise<any> {
  const text = await response.text();
  expect(response.ok(), `${what}: ${response.status()} ${text}`).toBeTruthy();
  return text ? JSON.parse(text) : null;
}

/** A JSON call that must succeed; answers the body. */
export async function call(
  api: APIRequestContext,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH',
  path: string,
  data?: unknown,
): Promise<any> {
  const response = await api.fetch(`/api/v1${path}`, { method, data });
  return ok(response, `${method} ${path}`);
}

/**
 * A session of a demo account on a context of its own. The demo coordinator (whose login needs a
 * code of the second factor) is in the session global-setup.ts signed in.
 */
export async function demoSession(newContext: NewContext, baseURL: string, email: string): Promise<APIRequestContext> {
  if (email === DEMO.coordinator) {
    const api = await newContext({
      baseURL,
      extraHTTPHeaders: { Origin: new URL(baseURL).origin },
      storageState: coordinatorState(baseURL),
    });
    await call(api, 'GET', '/auth/me');
    return api;
  }
  const api = await contextOf(newContext, baseURL);
  await call(api, 'POST', '/auth/login', { email, password: DEMO_PASSWORD });
  return api;
}

/** Invites someone as the coordinator and accepts on a context of their own. */
async function invite(
  coordinator: APIRequestContext,
  newContext: NewContext,
  baseURL: string,
  invitation: Record<string, unknown>,
): Promise<{ api: APIRequestContext; userId: string }> {
  const created = await call(coordinator, 'POST', '/invitations', {
    participant_id: null,
    organisation_id: null,
    municipality_id: null,
    ...invitation,
  });
  const token = String(created.link).split('#')[1];
  const api = await contextOf(newContext, baseURL);
  const me = await call(api, 'POST', '/auth/accept-invitation', { token, password: NEW_PASSWORD });
  return { api, userId: me.user_id };
}

/** A participant of its own, for one test. */
export type Fresh = {
  participantId: string;
  firstName: string;
  lastName: string;
  participantEmail: string;
  coachEmail: string;
  municipalityId: string;
  /** Bakkerij De Korenbloem, the organisation of the demo company contact. */
  bakeryId: string;
  coordinator: APIRequestContext;
  coach: APIRequestContext;
  participant: APIRequestContext;
  dispose: () => Promise<void>;
};

/**
 * An internship of the fresh participant at the bakery, 8 weeks from `start` (an ISO date), with
 * Henk de Bakker as supervisor, planned by their coach; answers the internship.
 */
export async function bakeryInternship(fresh: Fresh, start: string, hoursPerWeek: number): Promise<any> {
  return call(fresh.coach, 'POST', `/participants/${fresh.participantId}/internships`, {
    organisation_id: fresh.bakeryId,
    opening_id: null,
    start_date: start,
    end_date: addDays(start, 55),
    hours_per_week: hoursPerWeek,
    supervisor_name: 'Henk de Bakker',
  });
}

/**
 * A new participant in Utrecht with a training complete (6 of 8 meetings attended) and a new
 * coach with room in their caseload, both with an account. Made as the demo coordinator: a
 * cohort whose 8 meetings lie in the past, a week apart, and attendance for 6 of them.
 */
export async function freshParticipant(newContext: NewContext, baseURL: string): Promise<Fresh> {
  const letters = uniqueLetters();
  const coordinator = await demoSession(newContext, baseURL, DEMO.coordinator);
  const municipalities = await call(coordinator, 'GET', '/municipalities');
  const municipalityId: string = municipalities.items.find((m: any) => m.name === 'Utrecht').id;
  const organisations = await call(coordinator, 'GET', '/organisations');
  const bakeryId: string = organisations.items.find((o: any) => o.name === 'Bakkerij De Korenbloem').id;

  const cohort = await call(coordinator, 'POST', '/cohorts', {
    municipality_id: municipalityId,
    name: `Groep ${letters}`,
    location: 'Stadskantoor',
  });
  for (let n = 1; n <= 8; n++) {
    await call(coordinator, 'PUT', `/cohorts/${cohort.id}/meetings/${n}`, {
      date: isoDay(-7 * (9 - n)),
      start_time: '09:30',
      place: 'Stadskantoor, zaal 3',
      version: 0,
    });
  }

  const coachEmail = `coach.${letters}@example.org`;
  const coach = await invite(coordinator, newContext, baseURL, {
    email: coachEmail,
    role: 'coach',
    municipality_id: municipalityId,
  });

  const firstName = `Noor${letters}`;
  const lastName = `Qasimi${letters}`;
  const participantEmail = `noor.${letters}@example.org`;
  const created = await call(coordinator, 'POST', '/participants', {
    first_name: firstName,
    last_name: lastName,
    email: participantEmail,
    phone: '',
    languages: ['ar', 'en'],
    dutch_level: 'A2',
    municipality_id: municipalityId,
    cohort_id: cohort.id,
    coach_id: coach.userId,
    ladder_rung_at_intake: 2,
  });
  for (let n = 1; n <= 6; n++) {
    await call(coordinator, 'PUT', `/cohorts/${cohort.id}/meetings/${n}/attendance`, [
      { participant_id: created.id, status: 'present' },
    ]);
  }
  // A stage needs a learning goal in the plan.
  await call(coordinator, 'POST', `/participants/${created.id}/goals`, {
    title: 'Werken in een bakkerij leren',
  });
  const participant = await invite(coordinator, newContext, baseURL, {
    email: participantEmail,
    role: 'participant',
    participant_id: created.id,
  });

  return {
    participantId: created.id,
    firstName,
    lastName,
    participantEmail,
    coachEmail,
    municipalityId,
    bakeryId,
    coordinator,
    coach: coach.api,
    participant: participant.api,
    dispose: async () => {
      await Promise.all([coordinator.dispose(), coach.api.dispose(), participant.api.dispose()]);
    },
  };
}
