/**
 * Export and import of highlights, as pure functions over values (no storage; of the extension APIs only i18n,
 * for the words the reader sees), so that the buttons that use them stay thin and everything here is tested in Node:
 * - `exportMarkdown`: a digest to post in the club's discussion;
 * - `exportWebAnnotations`: W3C Web Annotations (JSON-LD) for other annotation tools; `annotationDocument`, one
 *   highlight as a standalone annotation, for a club backend that stores one per resource;
 * - `exportBackup`: every highlight, to restore later or on another computer;
 * - `planImport`: reads a backup or Web Annotations back and says what saving them would change (`readImport`
 *   then `mergeImport`, for a caller that compares with storage inside one transaction).
 */

export { entryByArticlePage } from './annotation-article';
export { BACKUP_FORMAT, BACKUP_VERSION, type Backup, exportBackup } from './backup';
export {
  type ImportMode,
  type ImportOptions,
  type ImportPlan,
  type ImportProblem,
  type ImportSummary,
  mergeImport,
  planImport,
  type ReadImport,
  readImport,
} from './import';
export { IMPORT_MAX_CHARS, IMPORT_MAX_ITEMS } from './limits';
export type { DigestClub, DigestClubNode } from './markdown-club';
export { exportMarkdown, type MarkdownOptions } from './markdown-export';
export {
  ANNOTATION_CONTEXT,
  type AnnotatedEntry,
  type AnnotationGenerator,
  annotationDocument,
  highlightToAnnotation,
  type WebAnnotation,
  type WebAnnotationDocument,
  type WebAnnotationOptions,
} from './web-annotation';
export { type AnnotationCollection, exportWebAnnotations } from './web-annotation-export';
