import { expect, type APIRequestContext } from '@playwright/test';

/** The password of every demo account (`vip-server --demo`). */
export const DEMO_PASSWORD = 'vip-demo-2026';

/** The demo accounts by role. */
export const DEMO = {
  coordinator: 'coordinator@example.org',
  coach: 'coach@example.org',
  company: 'company@example.org',
  municipality: 'municipality@example.org',
  participant: 'participant@example.org',
} as const;

export type ParticipantSummary = { id: string; first_name: string; last_name: string };

/**
 * Logs in through the API on a request context of its own (its own cookie jar). Not for the demo
 * coordinator, whose login needs a code of the second factor: see `coordinatorRequest`.
 */
export async function apiLogin(request: APIRequestContext, email: string): Promise<void> {
  const response = await request.post('/api/v1/auth/login', {
    data: { email, password: DEMO_PASSWORD },
  });
  expect(response.status(), `login of ${email}`).toBe(200);
}

/** The participants the signed-in account of the request context may see. */
export async function apiParticipants(request: APIRequestContext): Promise<ParticipantSummary[]> {
  const response = await request.get('/api/v1/participants');
  expect(response.status()).toBe(200);
  return (await response.json()).items;
}
