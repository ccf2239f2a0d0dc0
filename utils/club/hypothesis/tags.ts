/**
 * The tags that tie an annotation to the club's catalog: which entry it was made under and which question it
 * answers. Tags are what h indexes and what the official client shows and filters by, so a member outside our
 * panel can still gather the answers to one question (`tag:jc:question:q2`).
 */
const ENTRY_TAG = 'jc:entry:';
const QUESTION_TAG = 'jc:question:';
/** h refuses tags over 1,000 characters (h/schemas/annotation.py); ours are short ids, anything longer is not ours. */
const TAG_MAX_LENGTH = 1_000;
/** A row with more tags than this is not one of ours; the question tag is among the first few of ours. */
const TAGS_READ = 50;

export function clubTags(entryId: string, questionId: string | null): string[] {
  return questionId === null ? [`${ENTRY_TAG}${entryId}`] : [`${ENTRY_TAG}${entryId}`, `${QUESTION_TAG}${questionId}`];
}

/** The question a row's tags name, or null; an empty or overlong id is no id. */
export function questionIdOf(tags: readonly unknown[], maxIdLength: number): string | null {
  for (const tag of tags.slice(0, TAGS_READ)) {
    if (typeof tag !== 'string' || tag.length > TAG_MAX_LENGTH || !tag.startsWith(QUESTION_TAG)) continue;
    const id = tag.slice(QUESTION_TAG.length);
    if (id !== '' && id.length <= maxIdLength) return id;
  }
  return null;
}
