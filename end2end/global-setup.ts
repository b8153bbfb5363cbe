import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '..');

// Starts vip-server on port 0 with a fresh database and demo data; the tests read its address
// from BASE_URL. Its log goes to target/end2end/server.log.
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
  return async () => {
    server.kill('SIGTERM');
    if (server.exitCode === null) await once(server, 'exit');
    rmSync(dataDir, { recursive: true, force: true });
  };
}
