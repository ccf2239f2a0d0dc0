import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FOLDER_NAME, folderDownload } from '../../utils/catalog/publish/download';
import { markdownFolder } from '../../utils/catalog/publish/markdown-folder';
import { crc32, zipFiles } from '../../utils/catalog/publish/zip';
import { EVERY_FIELD, FEWEST_FIELDS } from '../support/unit/publish-entries';

const scratch = mkdtempSync(join(tmpdir(), 'jc-zip-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const has = (command: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
};

/** The archive on disk, for the real unzippers. */
function writeZip(bytes: Uint8Array): string {
  const path = join(scratch, `${Math.random().toString(36).slice(2)}.zip`);
  writeFileSync(path, bytes);
  return path;
}

const WHEN = new Date(2026, 11, 3, 14, 30, 10);

describe('the zip of the Markdown folder', () => {
  it('computes CRC-32 as zip does', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });

  it.skipIf(!has('unzip'))('is read by unzip: every file, its name and its bytes, with CRCs checked', () => {
    const download = folderDownload([EVERY_FIELD, FEWEST_FIELDS], WHEN);
    const path = writeZip(download.bytes);
    expect(execFileSync('unzip', ['-tq', path], { encoding: 'utf8' })).toMatch(/No errors detected/);
    const listing = execFileSync('unzip', ['-l', path], { encoding: 'utf8' });
    expect(listing).toContain(`${FOLDER_NAME}/01-hostile-2021.md`);
    expect(listing).toContain('2026-12-03 14:30');
    const out = join(scratch, 'unzipped');
    execFileSync('unzip', ['-q', path, '-d', out]);
    const { files } = markdownFolder([EVERY_FIELD, FEWEST_FIELDS]);
    for (const { name, text } of files) expect(readFileSync(join(out, FOLDER_NAME, name), 'utf8')).toBe(text);
  });

  it.skipIf(!has('python3'))('is read by Python’s zipfile, unicode names included', () => {
    const text = 'Résumé : « ça » 🧪\n';
    const path = writeZip(
      zipFiles(
        [
          { name: 'dossier/Résumé.md', text },
          { name: 'b.md', text: '' },
        ],
        WHEN,
      ),
    );
    const script = [
      'import sys, zipfile, json',
      'z = zipfile.ZipFile(sys.argv[1])',
      'assert z.testzip() is None',
      'print(json.dumps({i.filename: z.read(i).decode("utf-8") for i in z.infolist()}))',
    ].join('\n');
    const read = JSON.parse(execFileSync('python3', ['-c', script, path], { encoding: 'utf8' }));
    expect(read).toEqual({ 'dossier/Résumé.md': text, 'b.md': '' });
  });

  it.skipIf(!has('python3'))('is a valid empty archive when there is nothing to write', () => {
    const path = writeZip(zipFiles([], WHEN));
    expect(readFileSync(path)).toHaveLength(22);
    const script = 'import sys, zipfile; print(len(zipfile.ZipFile(sys.argv[1]).infolist()))';
    expect(execFileSync('python3', ['-c', script, path], { encoding: 'utf8' })).toBe('0\n');
  });
});
