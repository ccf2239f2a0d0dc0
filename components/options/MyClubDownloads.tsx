import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { type DownloadFile, feedDownload, folderDownload, offerDownload } from '../../utils/catalog/publish/download';
import type { CatalogEntry } from '../../utils/catalog/schema';

interface MyClubDownloadsProps {
  entries: readonly CatalogEntry[];
  /** Where a built file goes: the browser's downloads, unless a test takes it. */
  offer?: (file: DownloadFile) => void;
}

type Made = { kind: 'feed' | 'folder'; file: DownloadFile };

/**
 * "Download": the club's own catalog as the feed to host anywhere, or as the Markdown folder that the catalog
 * command builds into that same feed. What was written is said, and any entry left out is named with why.
 */
export function MyClubDownloads({ entries, offer = offerDownload }: MyClubDownloadsProps) {
  const [made, setMade] = useState<Made | null>(null);
  const make = (kind: Made['kind']) => {
    const file = kind === 'feed' ? feedDownload(entries) : folderDownload(entries, new Date());
    offer(file);
    setMade({ kind, file });
  };
  const empty = entries.length === 0;
  return (
    <div class="downloads">
      <p class="hint">{i18n.t('publish.downloads.hint')}</p>
      <div class="downloads__actions">
        <button type="button" class="button" disabled={empty} onClick={() => make('feed')}>
          {i18n.t('publish.downloads.feed')}
        </button>
        <button type="button" class="button" disabled={empty} onClick={() => make('folder')}>
          {i18n.t('publish.downloads.folder')}
        </button>
      </div>
      {empty && <p class="empty">{i18n.t('publish.downloads.none')}</p>}
      <div role="status">
        {made && (
          <p>
            {i18n.t('publish.downloads.written', made.file.entries, [String(made.file.entries), made.file.fileName])}
            {made.kind === 'folder' && ` ${i18n.t('publish.downloads.build')}`}
          </p>
        )}
      </div>
      {made && made.file.problems.length > 0 && (
        <div class="feed-errors" role="alert">
          <p>{i18n.t('publish.downloads.leftOut', made.file.problems.length)}</p>
          <ul>
            {made.file.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
