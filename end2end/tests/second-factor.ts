import { createHmac } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, request, test, type APIRequestContext, type Page } from '@playwright/test';

/**
 * The TOTP secret of the demo coordinators (`vip-server --demo` prints it next to the demo
 * logins), base32.
 */
export const DEMO_TOTP_SECRET = 'KZEVAIDSN52XIZJAMRSW23ZAGIYDENRB';

/** The demo logins whose role requires a second factor, with their TOTP secret. */
export const DEMO_SECOND_FACTORS: Record<string, string> = {
  'coordinator@example.org': DEMO_TOTP_SECRET,
  'coordinator.rotterdam@example.org': DEMO_TOTP_SECRET,
};

/** The session cookie of the app. */
export const SESSION_COOKIE = '__Host-vip_session';

const STEP_SECONDS = 30;

function base32(secret: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of secret.replace(/[\s=]/g, '').toUpperCase()) {
    const value = alphabet.indexOf(c);
    if (value < 0) throw new Error(`not base32: ${c}`);
    bits += value.toString(2).padStart(5, '0');
  }
  const bytes: number[] = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

/** The TOTP code (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps) of a time step. */
export function totpAtStep(secret: string, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', base32(secret)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const value = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return value.toString().padStart(6, '0');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `use` with a TOTP code of `secret` that the server accepts for `account`, and waits for it
 * to finish before another worker may do the same. The server accepts a code once, and only of a
 * time step later than the last one accepted; so across all workers each login takes the next
 * step (the folder `VIP_TOTP_CLAIMS` of global-setup.ts keeps the last step per account), and
 * when the steps of this minute are used up it waits for the next, lengthening the test's
 * timeout by the wait. `use` must not return before the server has answered the code.
 */
export async function withCode<T>(
  account: string,
  secret: string,
  use: (code: string) => Promise<T>,
): Promise<T> {
  const dir = process.env.VIP_TOTP_CLAIMS;
  if (!dir) throw new Error('VIP_TOTP_CLAIMS is not set: global-setup.ts did not run');
  mkdirSync(dir, { recursive: true });
  const lock = path.join(dir, `${account}.lock`);
  const last = path.join(dir, `${account}.step`);
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A worker that died holding the lock does not stop the others for long.
      try {
        if (Date.now() - statSync(lock).mtimeMs > 120_000) rmSync(lock, { recursive: true, force: true });
      } catch {
        // Released meanwhile.
      }
      await sleep(100);
    }
  }
  try {
    let used = -1;
    try {
      used = Number(readFileSync(last, 'utf8'));
    } catch {
      // No code of this account given yet.
    }
    const current = Math.floor(Date.now() / 1000 / STEP_SECONDS);
    const step = Math.max(used + 1, current);
    // The server accepts a code one step early: from the start of the step before it.
    const wait = (step - 1) * STEP_SECONDS * 1000 - Date.now();
    if (wait > 0) {
      try {
        test.info().setTimeout(test.info().timeout + wait + 1000);
      } catch {
        // Outside a test (global setup): no timeout to lengthen.
      }
      await sleep(wait + 250);
    }
    writeFileSync(last, String(step));
    return await use(totpAtStep(secret, step));
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * Enrols a second factor for the account signed in on `request`, with a code computed from the
 * secret the server answers; answers the recovery codes.
 */
export async function enrolByApi(request: APIRequestContext, account: string): Promise<string[]> {
  const started = await request.post('/api/v1/auth/totp/enrolment', { data: {} });
  expect(started.status(), `enrolment of ${account}`).toBe(201);
  const { secret, otpauth_uri } = await started.json();
  expect(otpauth_uri).toContain(`secret=${secret}`);
  return withCode(account, secret, async (code) => {
    const confirmed = await request.post('/api/v1/auth/totp/confirmation', { data: { code } });
    expect(confirmed.status(), `confirmation of ${account}`).toBe(200);
    return (await confirmed.json()).codes;
  });
}

/**
 * The session of the demo coordinator that global-setup.ts signed in (password and code) once
 * for all tests: a code is accepted once per 30 seconds, too few for a login per test. Tests
 * that are about logging in log in themselves; the others share this session. None ends it.
 */
function coordinatorSession(): string {
  const session = process.env.VIP_COORDINATOR_SESSION;
  if (!session) throw new Error('VIP_COORDINATOR_SESSION is not set: global-setup.ts did not run');
  return session;
}

/** The storage state of a request context in the demo coordinator's shared session. */
export function coordinatorState(baseURL: string) {
  return {
    cookies: [
      {
        name: SESSION_COOKIE,
        value: coordinatorSession(),
        domain: new URL(baseURL).hostname,
        path: '/',
        expires: -1,
        httpOnly: true,
        secure: true,
        sameSite: 'Strict' as const,
      },
    ],
    origins: [],
  };
}

/**
 * A request context of its own in the demo coordinator's shared session, naming the app's origin
 * as the server asks of a state change. Disposed with the test's other contexts.
 */
export async function coordinatorRequest(baseURL: string): Promise<APIRequestContext> {
  const context = await request.newContext({
    baseURL,
    extraHTTPHeaders: { Origin: new URL(baseURL).origin },
    storageState: coordinatorState(baseURL),
  });
  const me = await context.get('/api/v1/auth/me');
  expect(me.status(), 'the shared session of the demo coordinator').toBe(200);
  return context;
}

/** Opens the app in `page` signed in with the demo coordinator's shared session. */
export async function openAsCoordinator(page: Page, baseURL: string, to = '/'): Promise<void> {
  await page.context().addCookies([
    {
      name: SESSION_COOKIE,
      value: coordinatorSession(),
      // Chromium takes a `Secure` cookie from a server on 127.0.0.1 over plain HTTP, but refuses
      // to be given one for an `http:` address; it sends it to the server all the same.
      url: baseURL.replace(/^http:/, 'https:'),
      httpOnly: true,
      secure: true,
      sameSite: 'Strict',
    },
  ]);
  await page.goto(to);
}
