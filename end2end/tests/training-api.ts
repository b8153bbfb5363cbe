import { expect, type APIRequestContext, type BrowserContext, type Page } from '@playwright/test';

/**
 * A calendar day `offset` days from today as the server counts it (in Europe/Amsterdam, whose
 * date is not UTC's in the hour or two before UTC's midnight), as `YYYY-MM-DD`.
 */
export function day(offset: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + offset);
  return date.toISOString().slice(0, 10);
}

/** Letters only, different in every run: names may hold no digits. */
export function uniqueLetters(): string {
  const n = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
  return [...n].map((d) => 'abcdefghij'[Number(d)]).join('');
}

/** The id of a municipality of the signed-in coordinator, by name. */
export async function municipalityId(request: APIRequestContext, name: string): Promise<string> {
  const response = await request.get('/api/v1/municipalities');
  expect(response.status()).toBe(200);
  const found = (await response.json()).items.find((m: { name: string }) => m.name === name);
  expect(found, `municipality ${name}`).toBeDefined();
  return found.id;
}

/** A new cohort of the coordinator, through the API. */
export async function createCohort(
  request: APIRequestContext,
  municipality: string,
  name: string,
): Promise<string> {
  const response = await request.post('/api/v1/cohorts', {
    data: { municipality_id: municipality, name, location: 'Buurthuis De Brug' },
  });
  expect(response.status(), 'cohort created').toBe(201);
  return (await response.json()).id;
}

/** Schedules all 8 meetings a week apart, the first `firstOffset` days from today. */
export async function scheduleWeekly(
  request: APIRequestContext,
  cohort: string,
  firstOffset: number,
): Promise<string[]> {
  const dates: string[] = [];
  for (let n = 1; n <= 8; n++) {
    const date = day(firstOffset + 7 * (n - 1));
    const response = await request.put(`/api/v1/cohorts/${cohort}/meetings/${n}`, {
      data: { date, start_time: '13:30', place: 'Buurthuis De Brug, zaal 1', version: 0 },
    });
    expect(response.status(), `meeting ${n} scheduled`).toBe(200);
    dates.push(date);
  }
  return dates;
}

/** Invites someone (coordinator) and returns the token of the link (after `#`). */
export async function invite(
  request: APIRequestContext,
  data: { email: string; role: string; municipality_id?: string; participant_id?: string },
): Promise<string> {
  const response = await request.post('/api/v1/invitations', {
    data: { participant_id: null, organisation_id: null, municipality_id: null, ...data },
  });
  expect(response.status(), `invitation of ${data.email}`).toBe(201);
  const { link } = await response.json();
  return link.split('#')[1];
}

/** Accepts an invitation in a browser context of the invitee: the context is signed in. */
export async function accept(context: BrowserContext, token: string): Promise<void> {
  const response = await context.request.post('/api/v1/auth/accept-invitation', {
    data: { token, password: 'een zin van een paar woorden' },
    // A browser names the app's origin with a state change by itself; its API requests do not.
    headers: { Origin: new URL(process.env.BASE_URL!).origin },
  });
  expect(response.status(), 'invitation accepted').toBe(200);
}

/** The id of an account the coordinator sees, by email address. */
export async function userId(request: APIRequestContext, email: string): Promise<string> {
  const response = await request.get('/api/v1/users', { params: { limit: 200 } });
  expect(response.status()).toBe(200);
  const found = (await response.json()).items.find((u: { email: string }) => u.email === email);
  expect(found, `account ${email}`).toBeDefined();
  return found.id;
}

export type NewParticipant = {
  first_name: string;
  last_name: string;
  email: string;
  municipality_id: string;
  cohort_id: string | null;
  coach_id: string | null;
};

/** A new participant through the API (coordinator). */
export async function createParticipant(
  request: APIRequestContext,
  participant: NewParticipant,
): Promise<{ id: string; version: number }> {
  const response = await request.post('/api/v1/participants', {
    data: {
      phone: '',
      languages: ['ar', 'en'],
      dutch_level: 'A1',
      ladder_rung_at_intake: 2,
      ...participant,
    },
  });
  expect(response.status(), 'participant created').toBe(201);
  return response.json();
}

/** Collects the errors of a page of a context the fixtures do not watch. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`${msg.text()} ${msg.location().url}`);
  });
  return errors;
}
