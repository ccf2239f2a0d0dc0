import type { ClubAnnotation } from './backend';

/** A club highlight or reply with the replies to it, oldest first. */
export interface ClubNode {
  annotation: ClubAnnotation;
  replies: ClubNode[];
}

/** The club's layer of one article, as the panel lists it under each question. */
export interface ClubThreads {
  /** Others' highlights (and the reader's own made elsewhere) per question, in the catalog's order, untied last. */
  questions: { questionId: string | null; threads: ClubNode[] }[];
  /** Replies to the reader's own shared highlights, by local highlight id: the card shows them under itself. */
  onMine: Record<string, ClubNode[]>;
  /** Annotations listed (after the cap). */
  total: number;
  /** Replies whose thread could not be found (its highlight was deleted), not shown. */
  unthreaded: number;
}

/** More than any club writes on one article; what a service sends beyond it is not read. */
export const MAX_CLUB_ANNOTATIONS = 10_000;
/** Deeper replies are shown at this depth, so a long chain cannot make the panel's list recurse without end. */
export const MAX_REPLY_DEPTH = 6;

/** Code-unit order, not `localeCompare`: ISO times sort as text, and a listing of 10,000 sorts ten times faster. */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byTime = (a: ClubNode, b: ClubNode) =>
  compare(a.annotation.createdAt, b.annotation.createdAt) || compare(a.annotation.remoteId, b.annotation.remoteId);

/**
 * Groups a listing into threads: highlights by question, replies nested under what they reply to (`replyTo`),
 * each level by time. The reader's own highlights already shown from IndexedDB (their published copies, known by
 * `localOf`, remote id → local id) are not listed twice; replies to them are kept, for their cards. Linear in
 * the listing, and without recursion, so that a hostile listing (a reply chain 10,000 deep) costs no more.
 */
export function buildThreads(
  listing: readonly ClubAnnotation[],
  localOf: ReadonlyMap<string, string>,
  questionOrder: readonly string[],
): ClubThreads {
  const unique = new Map<string, ClubAnnotation>();
  for (const annotation of listing.slice(0, MAX_CLUB_ANNOTATIONS)) {
    if (!unique.has(annotation.remoteId)) unique.set(annotation.remoteId, annotation);
  }
  const children = new Map<string, ClubAnnotation[]>();
  for (const annotation of unique.values()) {
    if (annotation.replyTo === null) continue;
    const siblings = children.get(annotation.replyTo);
    if (siblings) siblings.push(annotation);
    else children.set(annotation.replyTo, [annotation]);
  }

  let placed = 0;
  /** The replies below `rootId`, nested up to MAX_REPLY_DEPTH and flattened below it. */
  const repliesOf = (rootId: string): ClubNode[] => {
    const top: ClubNode[] = [];
    const stack: { id: string; into: ClubNode[]; depth: number }[] = [{ id: rootId, into: top, depth: 1 }];
    while (stack.length > 0) {
      const { id, into, depth } = stack.pop() as { id: string; into: ClubNode[]; depth: number };
      for (const reply of children.get(id) ?? []) {
        const node: ClubNode = { annotation: reply, replies: [] };
        into.push(node);
        placed += 1;
        const deeper = depth < MAX_REPLY_DEPTH;
        stack.push({ id: reply.remoteId, into: deeper ? node.replies : into, depth: deeper ? depth + 1 : depth });
      }
    }
    sortDeep(top);
    return top;
  };

  const perQuestion = new Map<string | null, ClubNode[]>();
  const onMine: Record<string, ClubNode[]> = {};
  for (const annotation of unique.values()) {
    if (annotation.replyTo !== null) continue;
    placed += 1;
    const localId = localOf.get(annotation.remoteId);
    if (localId !== undefined) {
      const replies = repliesOf(annotation.remoteId);
      if (replies.length > 0) onMine[localId] = replies;
      continue;
    }
    const node = { annotation, replies: repliesOf(annotation.remoteId) };
    const list = perQuestion.get(annotation.questionId);
    if (list) list.push(node);
    else perQuestion.set(annotation.questionId, [node]);
  }

  const rank = (id: string | null) => (id === null ? Number.MAX_SAFE_INTEGER : questionOrder.indexOf(id));
  const questions = [...perQuestion.entries()]
    .map(([questionId, threads]) => ({ questionId, threads: threads.sort(byTime) }))
    .sort((a, b) => rankOrLast(rank(a.questionId), questionOrder) - rankOrLast(rank(b.questionId), questionOrder));
  return { questions, onMine, total: unique.size, unthreaded: unique.size - placed };
}

/** Questions the catalog no longer lists come after its own, before the untied highlights. */
function rankOrLast(rank: number, order: readonly string[]): number {
  return rank === -1 ? order.length : rank;
}

function sortDeep(nodes: ClubNode[]): void {
  const stack = [nodes];
  while (stack.length > 0) {
    const level = stack.pop() as ClubNode[];
    level.sort(byTime);
    for (const node of level) if (node.replies.length > 0) stack.push(node.replies);
  }
}
