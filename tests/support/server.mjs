// @ts-check
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REAL_PAGES_FROM_ROOT } from './real-pages.mjs';

/** Pages we wrote ourselves: the demo article and the small pages the browser tests visit. */
export const OWN_PAGES = fileURLToPath(new URL('../fixtures/', import.meta.url));
/** Real publisher pages, read where they lie (never copied into the repository); absent on a fresh clone. */
export const SHARED_PAGES = fileURLToPath(new URL(`../../${REAL_PAGES_FROM_ROOT}`, import.meta.url));

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.json': 'application/json' };

/**
 * Serves `/…` from tests/fixtures and `/shared/…` from ../shared/fixtures/pages on 127.0.0.1, on a free port
 * unless one is given. The demo article and every browser test use it; nothing here reaches past loopback.
 * @param {{ port?: number }} [options]
 * @returns {Promise<{ origin: string, close: () => Promise<void> }>}
 */
export async function startFixtureServer(options = {}) {
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    const [base, relative] = path.startsWith('/shared/')
      ? [SHARED_PAGES, path.slice('/shared/'.length)]
      : [OWN_PAGES, path.slice(1) || 'demo-article.html'];
    const file = normalize(join(base, relative));
    if (!file.startsWith(base)) return void response.writeHead(403).end();
    try {
      const body = await readFile(file.endsWith('/') ? join(file, 'index.html') : file);
      response.writeHead(200, { 'content-type': TYPES[/** @type {keyof TYPES} */ (extname(file))] ?? 'text/plain' });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    }
  });
  await new Promise((resolve) => server.listen(options.port ?? 0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}
