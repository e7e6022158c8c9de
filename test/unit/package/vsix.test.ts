// The .vsix a user installs, as `npm run package` builds it: run in a copy of the working
// tree (so dist/ and any .vsix here stay as they are), then opened as the zip it is and
// checked for what the Marketplace and `code --install-extension` need.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { npmCommand } from '../../support/npm';
import { markdownTargets, packagePath, pngSize, readZip } from './vsixContents';

const ROOT = path.join(__dirname, '..', '..', '..', '..');
const VSIX_NAME = 'gamelift-fleet-explorer.vsix';
/** Built or cached things, not sources: never copied into the packaging tree. */
const NOT_SOURCES = new Set(['.git', 'node_modules', 'out', 'dist', '.vscode-test', 'test-output', '.demo']);

interface Built {
  entries: Map<string, Buffer>;
  bytes: number;
  output: string;
}

/** Copies the sources to a temporary tree, links node_modules, and runs `npm run package` there. */
async function packageInCopy(dir: string): Promise<Built> {
  fs.cpSync(ROOT, dir, {
    recursive: true,
    filter: (src) => {
      const rel = path.relative(ROOT, src);
      const top = rel.split(path.sep)[0];
      return !NOT_SOURCES.has(top) && !rel.endsWith('.vsix') && !rel.startsWith(path.join('bench', '.data'));
    },
  });
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const [command, args] = npmCommand(['run', 'package']);
  const run = spawnSync(command, args, { cwd: dir, encoding: 'utf8', timeout: 170_000 });
  const output = `${run.stdout ?? ''}${run.stderr ?? ''}`;
  assert.equal(run.status, 0, `npm run package failed:\n${output}`);
  const file = path.join(dir, VSIX_NAME);
  return { entries: await readZip(file), bytes: fs.statSync(file).size, output };
}

describe('the .vsix built by npm run package', function () {
  this.timeout(180_000);
  let dir: string;
  let built: Built;
  let manifest: { main?: string; icon?: string; repository?: unknown; homepage?: unknown; bugs?: unknown };

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gamelift-package-'));
    built = await packageInCopy(dir);
    manifest = JSON.parse(built.entries.get('extension/package.json')!.toString('utf8'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is built once (vsce runs vscode:prepublish; the package script does not build again)', () => {
    const builds = built.output.split('\n').filter((line) => line.startsWith('esbuild: built'));
    assert.equal(builds.length, 1, `one build, not:\n${builds.join('\n')}`);
    assert.match(builds[0], /\(release\)$/, 'the release build');
  });

  it('holds the entry point and every file of the release build', () => {
    const main = manifest.main;
    assert.ok(main && built.entries.has(path.posix.join('extension', main)), `main ${main} is packaged`);
    const distDir = path.join(dir, 'dist');
    const missing = (fs.readdirSync(distDir, { recursive: true }) as string[])
      .filter((rel) => fs.statSync(path.join(distDir, rel)).isFile())
      .map((rel) => `extension/dist/${rel.split(path.sep).join('/')}`)
      .filter((name) => !built.entries.has(name));
    assert.deepEqual(missing, [], 'built but left out of the package (see .vscodeignore)');
  });

  it('is smaller than 1 MB', () => {
    assert.ok(built.bytes < 1024 * 1024, `${built.bytes} bytes`);
  });

  it('holds no node_modules, no sourcemaps and no links to sourcemaps', () => {
    const names = [...built.entries.keys()];
    assert.deepEqual(
      names.filter((n) => n.split('/').includes('node_modules')),
      [],
    );
    assert.deepEqual(
      names.filter((n) => n.endsWith('.map')),
      [],
    );
    const linking = names.filter(
      (n) => /\.(c|m)?js$/.test(n) && /[#@] sourceMappingURL=/.test(built.entries.get(n)!.toString('utf8')),
    );
    assert.deepEqual(linking, []);
  });

  it('has a 128×128 PNG icon', () => {
    assert.ok(manifest.icon, 'package.json names an icon');
    const icon = built.entries.get(`extension/${manifest.icon}`);
    assert.ok(icon, `${manifest.icon} is in the package`);
    assert.deepEqual(pngSize(icon), { width: 128, height: 128 });
  });

  it('has a README whose relative links and images all resolve inside the package', () => {
    const readme = built.entries.get('extension/readme.md')?.toString('utf8');
    assert.ok(readme, 'the README is packaged as extension/readme.md');
    const { links, images } = markdownTargets(readme);
    assert.ok(images.length + links.length > 0, 'the README has links or images to check (the parser found none)');
    // Images must travel with the package: a remote one cannot be checked offline.
    const remoteImages = images.filter((src) => packagePath(src) === undefined);
    assert.deepEqual(remoteImages, [], 'every image is packaged');
    const missing = [...links, ...images]
      .map((target) => [target, packagePath(target)] as const)
      .filter(([, rel]) => rel !== undefined && !built.entries.has(path.posix.join('extension', rel)))
      .map(([target]) => target);
    assert.deepEqual(missing, [], 'links and images that point at files the package does not hold');
  });

  it('names no placeholder or local address as its repository, homepage or issue tracker', () => {
    for (const field of ['repository', 'homepage', 'bugs'] as const) {
      const value = manifest[field];
      if (value === undefined) continue;
      const url = typeof value === 'string' ? value : (value as { url?: string }).url;
      assert.ok(url, `${field} has a URL`);
      const host = new URL(url.replace(/^git\+/, '')).hostname;
      assert.doesNotMatch(host, /(^|\.)(invalid|example|test|localhost)$|^example\.(com|org|net)$|^127\./, field);
    }
    const vsixManifest = built.entries.get('extension.vsixmanifest')!.toString('utf8');
    assert.doesNotMatch(vsixManifest, /example\.invalid/);
  });
});
