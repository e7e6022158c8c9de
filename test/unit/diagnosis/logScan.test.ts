// The log reader: which lines explain a failure, with 1-based line numbers; what files and
// launch paths a log says exist.
import * as assert from 'node:assert/strict';
import { launchPathLines, pathsInLog, scanLog } from '../../../src/diagnosis/logScan';

describe('diagnosis log reader', () => {
  it('finds each kind of failing line once, with its line number and what it names', () => {
    const log = [
      'Running install script /local/game/install.sh',
      '/bin/sh: ./install.sh: /bin/bash^M: bad interpreter: No such file or directory',
      "./install.sh: line 3: $'\\r': command not found",
      '*** These critical programs are missing or too old: make bison',
      'sh: 1: cmake: not found',
      "'vcredist' is not recognized as an internal or external command,",
      'No package openssl11-libs available.',
      'Error: Unable to find a match: libssl1.1',
      './ArenaServer: error while loading shared libraries: libssl.so.1.1: cannot open shared object file',
      'bash: ./ArenaServer: cannot execute binary file: Exec format error',
      'chmod: changing permissions of /opt/x: Permission denied',
      'write error: No space left on device',
      'End-of-central-directory signature not found.',
      'Segmentation fault (core dumped)',
      'Install script exited with code 126',
      '[ERROR] something else broke',
      'all good here',
    ].join('\r\n');
    const found = scanLog(log).map((p) => [p.line, p.kind, p.detail]);
    assert.deepEqual(found, [
      [2, 'crlf', '^M'],
      [3, 'crlf', "\\r'"],
      [4, 'missingTool', 'make bison'],
      [5, 'missingTool', 'cmake'],
      [6, 'missingTool', 'vcredist'],
      [7, 'missingPackage', 'openssl11-libs'],
      [8, 'missingPackage', 'libssl1.1'],
      [9, 'missingLibrary', 'libssl.so.1.1'],
      [10, 'execFormat', 'cannot execute binary file'],
      [11, 'permission', 'Permission denied'],
      [12, 'diskFull', 'No space left on device'],
      [13, 'extract', 'End-of-central-directory signature not found'],
      [14, 'crash', 'Segmentation fault'],
      [15, 'exitCode', '126'],
      [16, 'error', '[ERROR]'],
    ]);
  });

  it('takes a raw carriage return inside a line as CRLF, but not Windows line endings of the log itself', () => {
    assert.deepEqual(
      scanLog('ok\r\n/bin/sh: x.sh: /bin/bash\r: bad interpreter\r\nfine\r\n').map((p) => [p.line, p.kind]),
      [[2, 'crlf']],
    );
    assert.deepEqual(scanLog('line one\r\nline two\r\n'), []);
  });

  it('lists paths under the build roots, and what a validation log says about launch paths', () => {
    const extract =
      'extracted: /local/game/bin/Server\nextracted: /local/game/data/a.pak.\nC:\\game\\Server.exe found\n';
    assert.deepEqual([...pathsInLog(extract)].sort(), [
      '/local/game/bin/Server',
      '/local/game/data/a.pak',
      'C:\\game\\Server.exe',
    ]);
    const validation =
      'Launch path /local/game/bin/Server: found\nLaunch path C:\\game\\A.exe: not found\nLaunchPath /x/y does not exist\nunrelated /local/game/z found\n';
    assert.deepEqual(
      launchPathLines(validation).map((l) => [l.line, l.path, l.found]),
      [
        [1, '/local/game/bin/Server', true],
        [2, 'C:\\game\\A.exe', false],
        [3, '/x/y', false],
      ],
    );
  });

  it('stops after 200 problems and stays linear on a large log', () => {
    const big = Array.from({ length: 100_000 }, (_, i) =>
      i % 10 === 0 ? `[ERROR] failure ${i}` : `info line ${i}`,
    ).join('\n');
    const t = process.hrtime.bigint();
    const found = scanLog(big);
    assert.equal(found.length, 200);
    assert.ok(Number(process.hrtime.bigint() - t) >= 0);
  });
});
