import { describe, expect, it } from 'vitest';
import { apiUrl } from '../../utils/club/hypothesis/config';
import { failureOf } from '../../utils/club/hypothesis/failure';
import { composeText, noteFromText } from '../../utils/club/hypothesis/note-text';
import { createRequestQueue } from '../../utils/club/hypothesis/request-queue';
import type { HttpOutcome } from '../../utils/club/hypothesis/send-request';
import { questionIdOf } from '../../utils/club/hypothesis/tags';
import { createTokenBucket } from '../../utils/club/hypothesis/token-bucket';
import { retryAfterMs } from '../../utils/club/retry-after';

describe('the note and its question line', () => {
  it.each([
    ['a note and a question', 'Why?', 'Doubtful.', 'Doubtful.\n\n❓ Why?'],
    ['no note', 'Why?', '', '❓ Why?'],
    ['a question written over lines', 'Why\n  this  size?', 'N', 'N\n\n❓ Why this size?'],
    ['a note that has the sign itself', 'Q?', 'A\n\n❓ mine', 'A\n\n❓ mine\n\n❓ Q?'],
  ])('writes and reads back %s', (_, question, note, text) => {
    expect(composeText(note, question)).toBe(text);
    expect(noteFromText(text, true)).toBe(note);
  });

  it('leaves the text of an annotation without a question tag as it is', () => {
    expect(composeText('Plain.', null)).toBe('Plain.');
    expect(noteFromText('Plain.\n\n❓ Looks like ours', false)).toBe('Plain.\n\n❓ Looks like ours');
  });

  it('keeps a tagged text whose last line is not a question line', () => {
    expect(noteFromText('Written in the official client.', true)).toBe('Written in the official client.');
    expect(noteFromText('A\n\n❓ two\nlines', true)).toBe('A\n\n❓ two\nlines');
  });
});

describe('tags', () => {
  it.each([
    [['jc:entry:e1', 'jc:question:q2'], 'q2'],
    [['jc:question:'], null],
    [[3, null, 'jc:question:q1'], 'q1'],
    [[`jc:question:${'x'.repeat(201)}`], null],
    [['other', 'jc:entry:e1'], null],
  ])('finds the question in %j', (tags, id) => {
    expect(questionIdOf(tags, 200)).toBe(id);
  });
});

describe('Retry-After', () => {
  const now = Date.parse('2026-12-03T10:00:00Z');
  it.each([
    ['2', 2_000],
    [' 120 ', 120_000],
    ['Thu, 03 Dec 2026 10:00:30 GMT', 30_000],
    ['Thu, 03 Dec 2026 09:00:00 GMT', 0],
    ['soon', null],
    [null, null],
  ])('reads %j as %j ms', (header, ms) => {
    expect(retryAfterMs(header, now)).toBe(ms);
  });
});

describe('the token bucket', () => {
  it('lets a burst of 4 go, then one every 250 ms', () => {
    const bucket = createTokenBucket(4, 4, 0);
    expect([0, 0, 0, 0].map((t) => bucket.take(t))).toEqual([0, 0, 0, 0]);
    expect(bucket.take(0)).toBe(250);
    expect(bucket.take(250)).toBe(0);
    expect(bucket.take(300)).toBe(200);
    bucket.drain(10_000);
    expect(bucket.take(10_000)).toBe(250);
  });
});

describe('the request queue', () => {
  const rateLimited = (retryAfter: string | null): HttpOutcome => ({
    kind: 'status',
    status: 429,
    retryAfter,
    reason: '',
  });
  const ok: HttpOutcome = { kind: 'ok', status: 200, body: null };

  it('retries after the wait the service asked for, on a clock it is given', async () => {
    let clock = 0;
    const slept: number[] = [];
    const queue = createRequestQueue({
      now: () => clock,
      sleep: async (ms) => {
        slept.push(ms);
        clock += ms;
      },
    });
    const answers = [rateLimited('3'), rateLimited(null), ok];
    expect(await queue.run(async () => answers.shift() as HttpOutcome)).toEqual(ok);
    // 3 s as asked, then 1 s where nothing was said (the bucket, emptied by each 429, refills meanwhile).
    expect(slept).toEqual([3_000, 1_000]);
  });

  it('gives up after 3 attempts and tells how long to stay away', async () => {
    let clock = 0;
    const queue = createRequestQueue({
      now: () => clock,
      sleep: async (ms) => {
        clock += ms;
      },
    });
    let sent = 0;
    const outcome = await queue.run(async () => {
      sent++;
      return rateLimited('2');
    });
    expect([sent, outcome.kind === 'status' && 'retryAfterMs' in outcome && outcome.retryAfterMs]).toEqual([3, 2_000]);
  });

  it('keeps going after a send that throws', async () => {
    const queue = createRequestQueue();
    expect(await queue.run(() => Promise.reject(new Error('bug')))).toEqual({ kind: 'offline' });
    expect(await queue.run(async () => ok)).toEqual(ok);
  });
});

describe('failures', () => {
  const status = (code: number, reason = ''): Extract<HttpOutcome, { kind: 'status' }> => ({
    kind: 'status',
    status: code,
    retryAfter: null,
    reason,
  });
  it.each([
    [status(401), { code: 'unauthorized' }],
    [status(403), { code: 'forbidden' }],
    [status(404), { code: 'not-found' }],
    [status(400, 'group: You may not create annotations in the specified group!'), { code: 'forbidden' }],
    [status(400, 'uri: Required'), { code: 'server', status: 400 }],
    [status(429), { code: 'rate-limited', retryAfterMs: 1_000 }],
    [status(502), { code: 'server', status: 502 }],
    [{ kind: 'offline' } as const, { code: 'offline' }],
  ])('maps %j', (outcome, failure) => {
    expect(failureOf(outcome)).toEqual(failure);
  });
});

describe('the service address', () => {
  it.each(['https://h.example.org', 'https://h.example.org/', 'https://h.example.org//'])('tolerates %s', (service) => {
    expect(apiUrl({ service }, 'search', new URLSearchParams({ uri: 'doi:10.1/x' }))).toBe(
      'https://h.example.org/api/search?uri=doi%3A10.1%2Fx',
    );
  });
});
