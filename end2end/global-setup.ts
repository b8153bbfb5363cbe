import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { request } from '@playwright/test';
import { DEMO_TOTP_SECRET, SESSION_COOKIE, withCode } from './tests/second-factor';

const root = path.resolve(__dirname, '..');

// Starts vip-server on port 0 with a fresh database and demo data; the tests read its address
// from BASE_URL. Its log goes to target/end2end/server.log. Then signs the demo coordinator in
// once, with password and second factor, for the tests that are not about logging in
// (VIP_COORDINATOR_SESSION; see tests/second-factor.ts).
export default async function globalSetup(): Promise<() => Promise<void>> {
  const bin = process.env.VIP_SERVER_BIN ?? path.join(root, 'target/debug/vip-server');
  const site = process.env.VIP_SITE ?? path.join(root, 'target/site');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'vip-end2end-'));
  mkdirSync(path.join(root, 'target/end2end'), { recursive: true });
  const log = openSync(path.join(root, 'target/end2end/server.log'), 'w');
  const server = spawn(
    bin,
    ['--bind', '127.0.0.1:0', '--database', path.join(dataDir, 'vip.sqlite'), '--site', site, '--demo'],
    { stdio: ['ignore', 'pipe', log] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`vip-server did not start: ${seen}`)), 30_000);
    server.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = seen.match(/http:\/\/[0-9.]+:[0-9]+\//);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    });
    server.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`vip-server exited with ${code} before listening`));
    });
  });
  process.env.BASE_URL = url;
  process.env.VIP_TOTP_CLAIMS = path.join(dataDir, 'totp-claims');
  process.env.VIP_COORDINATOR_SESSION = await signInCoordinator(url);
  return async () => {
    server.kill('SIGTERM');
    if (server.exitCode === null) await once(server, 'exit');
    rmSync(dataDir, { recursive: true, force: true });
  };
}

/** Signs the demo coordinator in (password, then the code of the second factor); answers the
 * session cookie's value. */
async function signInCoordinator(url: string): Promise<string> {
  const origin = new URL(url).origin;
  const api = await request.newContext({ baseURL: url, extraHTTPHeaders: { Origin: origin } });
  try {
    const email = 'coordinator@example.org';
    const login = await api.post('/api/v1/auth/login', {
      data: { email, password: 'vip-demo-2026' },
    });
    if (login.status() !== 200) throw new Error(`login of ${email}: ${login.status()}`);
    await withCode(email, DEMO_TOTP_SECRET, async (code) => {
      const second = await api.post('/api/v1/auth/login/second-factor', { data: { code } });
      if (second.status() !== 200) throw new Error(`second factor of ${email}: ${second.status()}`);
    });
    const cookie = (await api.storageState()).cookies.find((c) => c.name === SESSION_COOKIE);
    if (!cookie) throw new Error(`no session cookie for ${email}`);
    return cookie.value;
  } finally {
    await api.dispose();
  }
}
