/**
 * How much an import may hold. Both far above a lifetime of highlights: they only stop a wrong or hostile file
 * from freezing the page. A file of its own because the message protocol caps an import request's text with the
 * same bound, and must not load the importer to learn it. The size is in characters (bytes, for the ASCII JSON we
 * write), so a caller can refuse a bigger `File.size` before reading it at all.
 */
export const IMPORT_MAX_CHARS = 20 * 1024 * 1024;
export const IMPORT_MAX_ITEMS = 50_000;

/**
 * The most targets, bodies, selectors or items one annotation may list, and how deep `refinedBy` is followed. A
 * highlight has one target, a note, a question and two selectors; the bounds leave other tools room and keep a
 * crafted annotation from making the import walk millions of parts.
 */
export const ANNOTATION_MAX_PARTS = 100;
export const REFINED_BY_MAX_DEPTH = 4;
/** The longest annotation id read; a page address is capped at the same length. */
export const IRI_MAX_LENGTH = 4_096;
