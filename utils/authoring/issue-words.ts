import { i18n } from '#i18n';
import type { FieldIssue } from './validate';

/**
 * The catalog schema words its problems in English for clubs' feed authors (utils/validation.ts); the organiser
 * reads them in the interface's language. Each known message becomes a sentence of the locale files; a message
 * not listed here (a new rule) is shown as the schema wrote it rather than hidden.
 */
export function issueText(issue: FieldIssue): string {
  const text = sentence(issue.message);
  return issue.line === undefined ? text : i18n.t('author.issue.onLine', [issue.line, text]);
}

function sentence(message: string): string {
  const tooLong = /^expected at most (\d+) characters$/.exec(message);
  if (tooLong) return i18n.t('author.issue.tooLong', [tooLong[1] ?? '']);
  const tooMany = /^expected at most (\d+) items$/.exec(message);
  if (tooMany) return i18n.t('author.issue.tooMany', [tooMany[1] ?? '']);
  if (message === 'expected a non-empty string' || message === 'required') return i18n.t('author.issue.required');
  if (message === 'expected at least one item') return i18n.t('author.issue.atLeastOne');
  if (message.startsWith('expected a slug')) return i18n.t('author.issue.slug');
  if (message === 'expected an http(s) URL') return i18n.t('author.issue.url');
  if (message.startsWith('expected a DOI')) return i18n.t('author.issue.doi');
  if (/^expected (a number|a whole year|a year)/.test(message)) return i18n.t('author.issue.year');
  if (message.startsWith('expected an ISO date') || message === 'expected a date that exists') {
    return i18n.t('author.issue.date');
  }
  return message;
}
