import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { BrowserContext } from 'playwright-core';

/** The extension APIs as an extension page sees them (Chromium's promise-returning `chrome`). */
declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

export type FeedRoute = (response: ServerResponse, headers: IncomingHttpHeaders) => void;

export interface FeedServer {
  origin: string;
  /** Serves `body` (JSON unless a string) at `path` with an ETag; answers 304 when it comes back. */
  json(path: string, body: unknown, etag?: string): void;
  route(path: string, route: FeedRoute): void;
  /** Request headers received per path, in order. */
  received: Map<string, IncomingHttpHeaders[]>;
  close(): Promise<void>;
}

/** A catalog feed server on 127.0.0.1 (free port) for browser tests; unknown paths answer 404. */
export async function startFeedServer(): Promise<FeedServer> {
  const routes = new Map<string, FeedRoute>();
  const received = new Map<string, IncomingHttpHeaders[]>();
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    received.set(path, [...(received.get(path) ?? []), request.headers]);
    const route = routes.get(path);
    if (route) route(response, request.headers);
    else response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    received,
    json(path, body, etag = '"1"') {
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      routes.set(path, (response, headers) => {
        if (headers['if-none-match'] === etag) return void response.writeHead(304, { etag }).end();
        response.writeHead(200, { 'content-type': 'application/json', etag }).end(text);
      });
    },
    route: (path, route) => routes.set(path, route),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Subscribes the extension to a feed the way the options page does, minus the form: the message is sent from
 * the options page (the background accepts feed requests only from extension pages). The browser tests' host
 * permissions already cover 127.0.0.1, so no prompt is involved.
 */
export async function subscribeToFeed(context: BrowserContext, extensionId: string, url: string): Promise<unknown> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const reply = await page.evaluate(
    (feedUrl) => chrome.runtime.sendMessage({ type: 'feed-subscribe', url: feedUrl }),
    url,
  );
  await page.close();
  return reply;
}
