import type { CatalogEntry } from '../schema';
import { feedDocument, feedText } from './feed-document';
import { markdownFolder } from './markdown-folder';
import { zipFiles } from './zip';

/**
 * The club's catalog as files to download from the options page: the feed to put on any static host, and the
 * Markdown folder (zipped) that `npm run catalog -- build` reads. Entries that cannot be written are named in
 * `problems`, so the page says which ones the file lacks instead of handing over a silently shorter catalog.
 */

export interface DownloadFile {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
  /** How many entries the file holds. */
  entries: number;
  problems: string[];
}

/** The folder's name inside the zip, and the command's argument once unzipped. */
export const FOLDER_NAME = 'club-catalog';

export function feedDownload(entries: readonly CatalogEntry[]): DownloadFile {
  const { feed, problems } = feedDocument(entries);
  const bytes = new TextEncoder().encode(feedText(feed));
  return { fileName: 'catalog.json', mimeType: 'application/json', bytes, entries: feed.entries.length, problems };
}

export function folderDownload(entries: readonly CatalogEntry[], when: Date): DownloadFile {
  const { files, problems } = markdownFolder(entries);
  const bytes = zipFiles(
    files.map(({ name, text }) => ({ name: `${FOLDER_NAME}/${name}`, text })),
    when,
  );
  return { fileName: `${FOLDER_NAME}.zip`, mimeType: 'application/zip', bytes, entries: files.length, problems };
}

/**
 * Hands `file` to the browser's downloads, from an extension page: an object URL on a clicked `<a download>`,
 * which Chromium and Firefox both honour there without the `downloads` permission. The URL is revoked later,
 * not at once, because Firefox reads it after the click returns.
 */
export function offerDownload(file: Pick<DownloadFile, 'fileName' | 'mimeType' | 'bytes'>, doc: Document = document) {
  const view = doc.defaultView ?? window;
  const blob = new view.Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.mimeType });
  const url = view.URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  view.setTimeout(() => view.URL.revokeObjectURL(url), 60_000);
}
