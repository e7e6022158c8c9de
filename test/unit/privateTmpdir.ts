// Mocha root hooks for the unit level (loaded through .mocharc.json's `require`): the run
// gets a private TMPDIR, and after the last test anything still in it fails the run, so a
// test that forgets to remove its temporary folders is caught rather than filling $TMPDIR.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const outer = os.tmpdir();
const privateDir = fs.mkdtempSync(path.join(outer, 'gamelift-unit-'));
process.env.TMPDIR = privateDir;

export const mochaHooks = {
  afterAll(): void {
    const left = fs.readdirSync(privateDir);
    process.env.TMPDIR = outer;
    fs.rmSync(privateDir, { recursive: true, force: true });
    if (left.length > 0) {
      throw new Error(`unit tests left ${left.length} temporary entries behind: ${left.sort().join(', ')}`);
    }
  },
};
