import * as v from 'valibot';
import { publishedText } from '../validation';

/**
 * Text a club may publish in English only (a plain string) or in English with a French version.
 * English is required because it is the fallback for every reader; French is the second language because the
 * first clubs are Canadian and publish in both.
 */
export type LocalizedText = string | { en: string; fr?: string };

/** Words a reader of a feed error understands, instead of valibot's `Invalid key: Expected "en"`. */
export const objectIssueMessage = (issue: v.ObjectIssue) =>
  issue.expected === 'Object' ? 'expected an object' : 'required';

/**
 * Schema for {@link LocalizedText}. It picks the branch by the input's type (rather than a union) so that a
 * mistake inside `{ en, fr }` is reported at `title.en` instead of as "matches no option" at `title`.
 */
export const localizedText = (maxLength: number): v.GenericSchema<LocalizedText> => {
  // Capped so that a hostile feed cannot fill memory or the panel with one field.
  const plain = publishedText(maxLength);
  const translated = v.object({ en: plain, fr: v.optional(plain) }, objectIssueMessage);
  return v.lazy((input) => (typeof input === 'object' && input !== null && !Array.isArray(input) ? translated : plain));
};

/** Generous default for short text such as titles and names; long fields pass their own cap. */
export const LocalizedTextSchema = localizedText(2_000);

/**
 * The version of `text` to show in a UI whose language is `lang` (a BCP 47 tag such as `navigator.language`):
 * French for any `fr` tag (`fr`, `fr-CA`; not `frr`, which is North Frisian) when a French version exists,
 * English otherwise.
 */
export function localize(text: LocalizedText, lang: string): string {
  if (typeof text === 'string') return text;
  if (text.fr !== undefined && /^fr(?:[-_]|$)/i.test(lang)) return text.fr;
  return text.en;
}
