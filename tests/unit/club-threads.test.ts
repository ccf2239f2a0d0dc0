import { describe, expect, it } from 'vitest';
import type { ClubAnnotation } from '../../utils/club/backend';
import { buildThreads, MAX_CLUB_ANNOTATIONS, MAX_REPLY_DEPTH } from '../../utils/club/threads';

let next = 0;
const at = (minute: number) => new Date(Date.UTC(2026, 10, 27, 10, minute)).toISOString();
function annotation(fields: Partial<ClubAnnotation> = {}): ClubAnnotation {
  next += 1;
  return {
    remoteId: `r${next}`,
    author: { id: 'acct:bob', name: 'Bob' },
    mine: false,
    createdAt: at(next % 60),
    updatedAt: at(next % 60),
    questionId: 'q1',
    note: '',
    selectors: [],
    replyTo: null,
    ...fields,
  };
}
const ORDER = ['q1', 'q2', 'q3'];

describe('club threads', () => {
  it('orders questions as the catalog does, unknown questions after them and untied highlights last', () => {
    const list = [
      annotation({ questionId: null }),
      annotation({ questionId: 'q-retired' }),
      annotation({ questionId: 'q3' }),
      annotation({ questionId: 'q1' }),
    ];
    expect(buildThreads(list, new Map(), ORDER).questions.map((group) => group.questionId)).toEqual([
      'q1',
      'q3',
      'q-retired',
      null,
    ]);
  });

  it('sorts highlights and replies by time, whatever order the service sent them in', () => {
    const root = annotation({ createdAt: at(5) });
    const late = annotation({ replyTo: root.remoteId, createdAt: at(30), note: 'late' });
    const early = annotation({ replyTo: root.remoteId, createdAt: at(10), note: 'early' });
    const older = annotation({ createdAt: at(1) });
    const { questions } = buildThreads([late, root, early, older], new Map(), ORDER);
    expect(questions[0]?.threads.map((node) => node.annotation.remoteId)).toEqual([older.remoteId, root.remoteId]);
    expect(questions[0]?.threads[1]?.replies.map((node) => node.annotation.note)).toEqual(['early', 'late']);
  });

  it('lists an annotation the service sent twice once', () => {
    const root = annotation();
    expect(buildThreads([root, { ...root }], new Map(), ORDER)).toMatchObject({ total: 1, unthreaded: 0 });
  });

  it('shows replies deeper than the cap at the cap, and a chain 10,000 deep costs no recursion', () => {
    const root = annotation();
    const chain = [root];
    for (let depth = 0; depth < 9_999; depth += 1) {
      chain.push(annotation({ replyTo: chain.at(-1)?.remoteId as string }));
    }
    const started = performance.now();
    const { questions, total, unthreaded } = buildThreads(chain.reverse(), new Map(), ORDER);
    const elapsed = performance.now() - started;
    expect([total, unthreaded]).toEqual([10_000, 0]);
    let level = questions[0]?.threads[0]?.replies ?? [];
    for (let depth = 1; depth < MAX_REPLY_DEPTH; depth += 1) level = level[0]?.replies ?? [];
    expect(level).toHaveLength(10_000 - MAX_REPLY_DEPTH);
    expect(level.every((node) => node.replies.length === 0)).toBe(true);
    expect(elapsed).toBeLessThan(1_000);
  });

  it('drops replies in a loop or to a deleted highlight, and counts them', () => {
    const a = annotation({ remoteId: 'loop-a', replyTo: 'loop-b' });
    const b = annotation({ remoteId: 'loop-b', replyTo: 'loop-a' });
    const orphan = annotation({ replyTo: 'deleted' });
    expect(buildThreads([a, b, orphan], new Map(), ORDER)).toMatchObject({ questions: [], total: 3, unthreaded: 3 });
  });

  it('reads at most 10,000 annotations', () => {
    const many = Array.from({ length: MAX_CLUB_ANNOTATIONS + 50 }, () => annotation());
    expect(buildThreads(many, new Map(), ORDER).total).toBe(MAX_CLUB_ANNOTATIONS);
  });

  it('hides the reader’s own published copies, keeping the replies to them for their cards', () => {
    const own = annotation({ mine: true });
    const reply = annotation({ replyTo: own.remoteId, note: 'nice' });
    const elsewhere = annotation({ mine: true, note: 'made in another browser' });
    const threads = buildThreads([own, reply, elsewhere], new Map([[own.remoteId, 'local-1']]), ORDER);
    expect(threads.onMine['local-1']?.map((node) => node.annotation.note)).toEqual(['nice']);
    expect(threads.questions[0]?.threads.map((node) => node.annotation.note)).toEqual(['made in another browser']);
  });
});
