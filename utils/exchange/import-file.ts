import { i18n } from '#i18n';
import { BACKUP_FORMAT, BACKUP_VERSION } from './backup';
import { count, type ImportProblem, numberLanguage } from './import-summary';
import { locateJsonError } from './json-error';
import { hasType, isRecord } from './json-ld';
import { IMPORT_MAX_CHARS, IMPORT_MAX_ITEMS } from './limits';

/**
 * The first step of an import: from a file's text to the list of items it holds, and what kind they are, or the
 * one sentence that says why the file as a whole cannot be read (not JSON, cut short, too big, another format).
 */

/** How to read every item: an array counts as annotations if any item is one, so each error speaks its language. */
export type Kind = 'backup' | 'annotations';
export type Items = { kind: Kind; items: unknown[] } | { problem: ImportProblem };

const problem = (reason: string, where = i18n.t('import.theFile')): Items => ({ problem: { where, reason } });

export function readItems(text: unknown): Items {
  if (typeof text !== 'string') return problem(i18n.t('import.notText'));
  if (text.length > IMPORT_MAX_CHARS) {
    const megabytes = new Intl.NumberFormat(numberLanguage(), { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const size = megabytes.format(text.length / 1024 / 1024);
    return problem(i18n.t('import.tooBig', [size, count(IMPORT_MAX_CHARS / 1024 / 1024)]));
  }
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (json.trim() === '') return problem(i18n.t('import.empty'));
  let root: unknown;
  try {
    root = JSON.parse(json);
  } catch {
    return jsonProblem(json);
  }
  const found = itemsOf(root);
  if ('items' in found && found.items.length > IMPORT_MAX_ITEMS) {
    return problem(i18n.t('import.tooMany', [count(found.items.length), count(IMPORT_MAX_ITEMS)]));
  }
  return found;
}

function itemsOf(root: unknown): Items {
  if (Array.isArray(root)) return { kind: root.some(isAnnotation) ? 'annotations' : 'backup', items: root };
  if (!isRecord(root)) return problem(i18n.t('import.notHighlights', [describeJson(root)]));
  if (root.format === BACKUP_FORMAT) {
    if (root.version !== BACKUP_VERSION) {
      const newer = typeof root.version === 'number' && root.version > BACKUP_VERSION;
      return problem(newer ? i18n.t('import.newerBackup') : i18n.t('import.unknownVersion'));
    }
    if (!Array.isArray(root.highlights)) return problem(i18n.t('import.noList'));
    return { kind: 'backup', items: root.highlights };
  }
  if (hasType(root.type, 'Annotation')) return { kind: 'annotations', items: [root] };
  let page: unknown = root;
  if (hasType(root.type, 'AnnotationCollection')) {
    if (root.first === undefined) return { kind: 'annotations', items: [] };
    if (!isRecord(root.first)) return problem(i18n.t('import.linksOnly'));
    page = root.first;
  } else if (!hasType(root.type, 'AnnotationPage')) {
    return problem(i18n.t('import.unknownFormat'));
  }
  if (!isRecord(page) || !Array.isArray(page.items)) return problem(i18n.t('import.noItems'));
  if (page.next !== undefined) return problem(i18n.t('import.morePages'));
  return { kind: 'annotations', items: page.items };
}

function describeJson(value: unknown): string {
  if (value === null) return i18n.t('import.onlyNull');
  if (typeof value === 'string') return i18n.t('import.onlyText');
  return typeof value === 'number' ? i18n.t('import.onlyNumber') : i18n.t('import.onlyBoolean');
}

function jsonProblem(json: string): Items {
  const at = locateJsonError(json);
  if (at === null) return problem(i18n.t('import.notValidJson'));
  const where = i18n.t('import.position', [count(at.line), count(at.column)]);
  if (at.atEnd) {
    return problem(i18n.t('import.cutShort', [where]), where);
  }
  if (json.slice(0, at.offset).trim() === '') {
    return problem(i18n.t('import.notJson'), where);
  }
  return problem(i18n.t('import.mistake', [where]), where);
}

const isAnnotation = (item: unknown) => isRecord(item) && hasType(item.type, 'Annotation');
