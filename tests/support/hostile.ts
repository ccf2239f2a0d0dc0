import { encodeBase64url } from '../../utils/sharing/base64url';
import { deflateRaw } from '../../utils/sharing/compression';

/**
 * The inputs of the security review's F3 and F7 attacks, shared by the browser tests (Chromium, Firefox) and the
 * hostile bench: each is what a stranger controls (a link, a file, a page), at the size the review used.
 */

/** The demo article's DOI and catalog entry (tests/fixtures/demo-article.html). */
export const DEMO_DOI = '10.1186/s12913-020-05145-1';
export const DEMO_ENTRY = 'albers-2020';
/** The schema's upper bound for a quote's context: what a hostile link or file could carry before the fix. */
const LONG_CONTEXT = 1_000;

/** One-letter quotes (the demo article has some 300 letters "e") with context the page never has. */
function hostileSelectors(i: number) {
  return {
    exact: 'e',
    prefix: 'z'.repeat(LONG_CONTEXT),
    suffix: 'z'.repeat(LONG_CONTEXT),
    start: 10 * i,
    end: 10 * i + 1,
  };
}

/**
 * A share link of `items` such quotes; at 30 items some 600 characters, like the review's 430-character link (its context is one
 * letter repeated, which deflates to almost nothing).
 */
export async function hostileShareUrl(pageUrl: string, items = 30, doi = DEMO_DOI): Promise<string> {
  const h = Array.from({ length: items }, (_, i) => {
    const { exact, prefix, suffix, start, end } = hostileSelectors(i);
    return { x: exact, p: prefix, s: suffix, a: [start, end] };
  });
  const json = JSON.stringify({ d: doi, c: 'Club', h });
  const bytes = await deflateRaw(new TextEncoder().encode(json));
  return `${pageUrl}#jc=1${encodeBase64url(bytes)}`;
}

/** A backup file (the format the panel imports) holding `count` such highlights of the demo article. */
export function hostileBackup(count: number): string {
  const now = new Date().toISOString();
  const highlights = Array.from({ length: count }, (_, i) => {
    const { exact, prefix, suffix, start, end } = hostileSelectors(i);
    return {
      id: `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
      doi: DEMO_DOI,
      entryId: DEMO_ENTRY,
      questionId: null,
      note: '',
      target: {
        source: 'https://example.org/hostile',
        selectors: [
          { type: 'TextQuoteSelector', exact, prefix, suffix },
          { type: 'TextPositionSelector', start, end },
        ],
      },
      createdAt: now,
      updatedAt: now,
    };
  });
  return JSON.stringify({ format: 'journal-club-reader/backup', version: 1, exportedAt: now, highlights });
}

/** A DOI meta value that made the old clean-up quadratic, and still names no DOI once cleaned. */
const craftedDoi = (i: number) => (i % 2 === 0 ? `10.1/${').'.repeat(595)}` : `10.1/${')'.repeat(1190)}`);

/**
 * The review's F7 page: `metas` crafted DOI metas in its head, and a script that adds one more every 200 ms, so
 * that the detector re-checks the head again and again.
 */
export function doiMetaPage(metas = 300): string {
  const tags = Array.from(
    { length: metas },
    (_, i) => `<meta name="${i % 3 === 0 ? 'citation_doi' : 'dc.identifier'}" content="${craftedDoi(i)}">`,
  ).join('\n');
  const insert = `let n = 0; setInterval(() => { const m = document.createElement('meta'); m.name = 'citation_doi';
    m.content = '10.1/' + ').'.repeat(595) + (n++); document.head.append(m); }, 200);`;
  return `<!doctype html><html><head><title>Listing</title>\n${tags}\n<script>${insert}</script></head>
    <body><h1>A page with crafted DOI metas</h1><p>Nothing to read here.</p></body></html>`;
}

/**
 * A scholarly page whose body carries `links` crafted doi.org links and whose head holds ten JSON-LD scripts of
 * crafted identifiers: the other page strings the detector cleans up (review F7, "body links and JSON-LD").
 */
export function doiLinksPage(links = 200): string {
  const anchors = Array.from(
    { length: links },
    (_, i) => `<a href="https://doi.org/10.1/${')'.repeat(1190)}${i}">ref</a>`,
  ).join(' ');
  // 20 nodes of 20 identifiers fill a script to just under the detector's 512 KB; ten scripts, its 200 nodes.
  const identifiers = Array.from({ length: 20 }, (_, i) => `10.1/${').'.repeat(595)}${i}`);
  const graph = Array.from({ length: 20 }, () => ({ '@type': 'ScholarlyArticle', identifier: identifiers }));
  const script = `<script type="application/ld+json">${JSON.stringify({ '@graph': graph })}</script>`;
  return `<!doctype html><html><head><title>Comments</title><meta name="citation_title" content="A paper">
    ${script.repeat(10)}</head><body><h1>Comments</h1><p>${anchors}</p></body></html>`;
}

/**
 * Installed in the page before its scripts run: records the longest main-thread task. Chromium reports long
 * tasks (over 50 ms) itself. Firefox has no such API, so there the lateness of a task due every 10 ms stands in.
 */
export function recordLongTasks(): void {
  const w = window as unknown as { __jcLongest: number; __jcTasks: [number, number][] };
  w.__jcLongest = 0;
  w.__jcTasks = [];
  const note = (ms: number, start = performance.now() - ms) => {
    if (ms > w.__jcLongest) w.__jcLongest = ms;
    if (ms >= 50 && w.__jcTasks.length < 10_000) w.__jcTasks.push([start, ms]);
  };
  if (PerformanceObserver.supportedEntryTypes?.includes('longtask')) {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) note(entry.duration, entry.startTime);
    }).observe({ type: 'longtask', buffered: true });
    return;
  }
  // Continuations of `scheduler.yield` go ahead of ordinary tasks and timers, so a run of short slices would
  // look like one long stall to a plain timer; a user-blocking task outranks them and is late only behind a task.
  const scheduler = (globalThis as { scheduler?: { postTask?: (f: () => void, o: object) => Promise<void> } })
    .scheduler;
  let last = performance.now();
  const tick = () => {
    const now = performance.now();
    note(now - last - 10);
    last = now;
    schedule();
  };
  const schedule = () => {
    if (typeof scheduler?.postTask === 'function')
      void scheduler.postTask(tick, { priority: 'user-blocking', delay: 10 });
    else setTimeout(tick, 10);
  };
  schedule();
}

/** The longest task recorded so far, in ms. */
export function longestTask(): number {
  return (window as unknown as { __jcLongest: number }).__jcLongest;
}

/**
 * The longest task that started after the page's load event, in ms: the page's own parsing and layout come
 * before it, the extension's matching after, so this is nearer to what the extension adds.
 */
export function longestTaskAfterLoad(): number {
  const loaded = (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)
    ?.loadEventEnd;
  const tasks = (window as unknown as { __jcTasks: [number, number][] }).__jcTasks;
  let longest = 0;
  for (const [start, ms] of tasks) if (loaded && start >= loaded && ms > longest) longest = ms;
  return longest;
}

/**
 * Calls `read` (which asks the page) but gives up after `ms`: a frozen page never answers, and the test should
 * say so rather than time out without a figure.
 */
export async function withinOrFrozen<T>(read: () => Promise<T>, ms: number): Promise<T | 'frozen'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frozen = new Promise<'frozen'>((resolve) => {
    timer = setTimeout(() => resolve('frozen'), ms);
  });
  try {
    return await Promise.race([read(), frozen]);
  } finally {
    clearTimeout(timer);
  }
}
