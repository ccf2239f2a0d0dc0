// @vitest-environment node
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { buildImportGraph, reachableFrom } from '../support/import-graph';
import { lineCount, readCommitTree, readWorkingTree, type SourceTree } from '../support/source-tree';

/**
 * How much code the every-page detector pulls in, before the utils/ regrouping (issue 9) and now: every file its
 * imports reach, type-only imports included, since each one ties the detector to that file. "Before" is read
 * from git at the last commit before that work, so it needs the history (a shallow clone has none). Lines are
 * counted as an editor numbers them; the "34 files (3,835 lines)" counted one more line per file.
 */
const BEFORE = 'deebb0d';
const DETECTOR = 'entrypoints/detector.ts';
const root = fileURLToPath(new URL('../..', import.meta.url));

function detectorReach(files: SourceTree) {
  const reached = reachableFrom(buildImportGraph(files), DETECTOR);
  const lines = reached.reduce((sum, file) => sum + lineCount(files.get(file) ?? ''), 0);
  return { files: reached, lines };
}

const figure = ({ files, lines }: { files: string[]; lines: number }) =>
  `${files.length} files, ${lines.toLocaleString('en')} lines`;

it('prints the files and lines the detector reaches, before and after', () => {
  const before = readCommitTree(root, BEFORE);
  const after = detectorReach(readWorkingTree(root));
  console.log(
    [
      `detector (${DETECTOR}) reaches, itself included:`,
      `  before (${BEFORE}): ${before ? figure(detectorReach(before)) : 'unavailable (that commit is not in this clone)'}`,
      `  after (working tree): ${figure(after)}`,
      `    ${after.files.join('\n    ')}`,
    ].join('\n'),
  );
  expect(after.files).toContain(DETECTOR);
});
