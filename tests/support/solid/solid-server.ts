import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The real Community Solid Server (the devDependency @solid/community-server), started by a test as a child
 * process: in-memory storage (its default configuration), a free port, listening on loopback only, and seeded
 * with one account and pod per name. Each account gets client credentials the way a reader makes them on their
 * account page, through the server's account API.
 *
 * The base URL is `http://localhost:<port>/`, never `127.0.0.1`: the server verifies that a DPoP token's URI is
 * "a localhost with port number HTTP URI" and refuses every authenticated request made to the bare address.
 */
export interface SolidAccount {
  name: string;
  webId: string;
  /** The account's pod, `<base><name>/`. */
  pod: string;
  clientId: string;
  clientSecret: string;
}

export interface SolidServer {
  baseUrl: string;
  accounts: Record<string, SolidAccount>;
  /** From spawning the process to its first answer. */
  startMs: number;
  stop(): Promise<void>;
}

const SERVER_JS = fileURLToPath(
  new URL('../../../node_modules/@solid/community-server/bin/server.js', import.meta.url),
);
const LOOPBACK_ONLY = fileURLToPath(new URL('./loopback-only.cjs', import.meta.url));
const START_TIMEOUT_MS = 60_000;

export async function startSolidServer(names: readonly string[]): Promise<SolidServer> {
  const port = await freePort();
  const baseUrl = `http://localhost:${port}/`;
  const dir = await mkdtemp(join(tmpdir(), 'jc-solid-'));
  const seed = join(dir, 'seed.json');
  await writeFile(seed, JSON.stringify(names.map((name) => ({ ...login(name), pods: [{ name }] }))));
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      '-r',
      LOOPBACK_ONLY,
      SERVER_JS,
      '-c',
      '@css:config/default.json',
      '-p',
      String(port),
      '-b',
      baseUrl,
      '-l',
      'warn',
      '--seedConfig',
      seed,
    ],
    // Not `test`, which vitest sets: the server then believes it runs under Jest and calls `jest.requireActual`.
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'production', JEST_WORKER_ID: undefined } },
  );
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const stop = async () => {
    await stopProcess(child);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitUntilUp(baseUrl, child, () => output);
    const startMs = performance.now() - started;
    const accounts: Record<string, SolidAccount> = {};
    for (const name of names) accounts[name] = await withClientCredentials(baseUrl, name);
    return { baseUrl, accounts, startMs, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

const login = (name: string) => ({ email: `${name}@club.example`, password: `${name}-password` });

/** A port free on loopback now, for a server the test starts. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== 'object' || address === null) throw new Error('no free port');
  return address.port;
}

async function waitUntilUp(baseUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = performance.now() + START_TIMEOUT_MS;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The Solid server exited (${child.exitCode}):\n${output()}`);
    try {
      const response = await fetch(new URL('.well-known/openid-configuration', baseUrl));
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The Solid server did not answer within ${START_TIMEOUT_MS} ms:\n${output()}`);
}

/** Logs in with the seeded password and makes a client id and secret for the pod's WebID (the account API). */
async function withClientCredentials(baseUrl: string, name: string): Promise<SolidAccount> {
  const post = async (url: string, body: unknown, token?: string) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        ...(token === undefined ? {} : { Authorization: `CSS-Account-Token ${token}` }),
      },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
    return (await response.json()) as Record<string, unknown>;
  };
  const session = await post(new URL('.account/login/password/', baseUrl).href, login(name));
  const token = String(session.authorization);
  const account = await fetch(new URL('.account/', baseUrl), {
    headers: { Authorization: `CSS-Account-Token ${token}` },
  });
  const controls = ((await account.json()) as { controls: { account: { clientCredentials: string } } }).controls;
  const pod = new URL(`${name}/`, baseUrl).href;
  const webId = `${pod}profile/card#me`;
  const credentials = await post(controls.account.clientCredentials, { name: 'journal-club-reader', webId }, token);
  return { name, webId, pod, clientId: String(credentials.id), clientSecret: String(credentials.secret) };
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
