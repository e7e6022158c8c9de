// Pure pieces of the VS Code test host: file narrowing, CLI arguments, the summary line,
// the workbench URL payload, and the provisioning lock.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseNarrowing } from '../../host/args';
import { withLock } from '../../host/lock';
import { selectFiles } from '../../host/mochaSupport';
import { formatSummary, parseSummary } from '../../host/summary';
import { buildWorkbenchUrl } from '../../host/vscodeServer';

describe('test host', () => {
  const files = [
    '/repo/out/test/integration/activation.test.js',
    '/repo/out/test/integration/explorer/tree.test.js',
    '/repo/out/test/integration/details.test.js',
  ];

  describe('selectFiles', () => {
    it('keeps every file without a filter', () => {
      assert.deepStrictEqual(selectFiles(files, undefined), files);
      assert.deepStrictEqual(selectFiles(files, ' , '), files);
    });

    it('matches source paths, compiled paths and bare fragments alike', () => {
      for (const filter of [
        'activation',
        'test/integration/activation.test.ts',
        'out/test/integration/activation.test.js',
        './test/integration/activation.test.ts',
      ]) {
        assert.deepStrictEqual(selectFiles(files, filter), [files[0]], filter);
      }
    });

    it('takes several comma-separated fragments', () => {
      assert.deepStrictEqual(selectFiles(files, 'explorer, details'), [files[1], files[2]]);
      assert.deepStrictEqual(selectFiles(files, 'nothing-like-this'), []);
    });
  });

  describe('parseNarrowing', () => {
    it('reads --grep and file fragments', () => {
      assert.deepStrictEqual(parseNarrowing(['--grep', 'Fetch fleet', 'explorer', 'details']), {
        grep: 'Fetch fleet',
        files: 'explorer,details',
      });
      assert.deepStrictEqual(parseNarrowing(['--grep=x']).grep, 'x');
    });

    it('rejects unknown options', () => {
      assert.throws(() => parseNarrowing(['--bail']), /unknown option --bail/);
    });
  });

  it('round-trips the summary line, also inside other output', () => {
    const line = formatSummary({ level: 'ui', passed: 3, failed: 1, pending: 2 });
    assert.deepStrictEqual(parseSummary(`[log] ${line}`), { level: 'ui', passed: 3, failed: 1, pending: 2 });
    assert.strictEqual(parseSummary('3 passing'), undefined);
  });

  it('puts the extension and tests into the payload as vscode-remote URIs', () => {
    const url = new URL(
      buildWorkbenchUrl('http://127.0.0.1:5000', '127.0.0.1:5000', {
        folder: '/tmp/ws dir',
        extensionDevelopmentPath: '/repo',
        extensionTestsPath: '/repo/out/test/integration/index.js',
      }),
    );
    assert.strictEqual(url.searchParams.get('folder'), '/tmp/ws dir');
    const payload = new Map(JSON.parse(url.searchParams.get('payload') ?? '[]') as [string, string][]);
    assert.strictEqual(payload.get('extensionDevelopmentPath'), 'vscode-remote://127.0.0.1:5000/repo');
    assert.strictEqual(
      payload.get('extensionTestsPath'),
      'vscode-remote://127.0.0.1:5000/repo/out/test/integration/index.js',
    );
  });

  describe('withLock', () => {
    let dir: string;
    beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gamelift-lock-'))));
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('runs holders one after the other', async () => {
      const lock = path.join(dir, 'lock');
      const order: string[] = [];
      const holder = (name: string) =>
        withLock(lock, async () => {
          order.push(`${name}:in`);
          await new Promise((r) => setTimeout(r, 150));
          order.push(`${name}:out`);
        });
      await Promise.all([holder('a'), holder('b')]);
      assert.deepStrictEqual(
        order.map((s) => s.split(':')[1]),
        ['in', 'out', 'in', 'out'],
      );
      assert.strictEqual(fs.existsSync(lock), false);
    });

    it('takes over a lock whose holder process is gone', async () => {
      const lock = path.join(dir, 'lock');
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, 'pid'), '2147483646');
      const old = new Date(Date.now() - 60_000);
      fs.utimesSync(lock, old, old);
      assert.strictEqual(await withLock(lock, async () => 'got it', undefined, 5_000), 'got it');
    });
  });
});
