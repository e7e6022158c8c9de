// The GameLift Log grammar, run through VS Code's own TextMate engine (vscode-textmate with
// the Oniguruma WebAssembly build), on lines like the logs GameLift keeps: each part of a
// line gets the scope the theme colours it by.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

const ROOT = join(__dirname, '..', '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  contributes: {
    languages: Array<{ id: string; aliases?: string[]; configuration?: string; extensions?: string[] }>;
    grammars: Array<{ language: string; scopeName: string; path: string }>;
  };
};

let grammar: vsctm.IGrammar;

/** [text, scopes] per token of each line, the scope list without the grammar's root scope. */
function tokenize(lines: string[]): Array<Array<[string, string[]]>> {
  let state = vsctm.INITIAL;
  return lines.map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((t) => [line.slice(t.startIndex, t.endIndex), t.scopes.slice(1)] as [string, string[]]);
  });
}

/** The scopes of the token holding `text` in a one-line tokenization. */
function scopesOf(line: string, text: string): string[] {
  const tokens = tokenize([line])[0];
  const token = tokens.find(([t]) => t === text) ?? tokens.find(([t]) => t.includes(text));
  assert.ok(token, `no token ${JSON.stringify(text)} in ${JSON.stringify(tokens.map(([t]) => t))}`);
  return token[1];
}

describe('GameLift Log grammar (vscode-textmate)', () => {
  before(async () => {
    const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const contribution = manifest.contributes.grammars.find((g) => g.language === 'gamelift-log');
    assert.ok(contribution, 'package.json contributes the grammar');
    const registry = new vsctm.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
        createOnigString: (s: string) => new oniguruma.OnigString(s),
      }),
      loadGrammar: async (scopeName) =>
        scopeName === contribution.scopeName
          ? vsctm.parseRawGrammar(readFileSync(join(ROOT, contribution.path), 'utf8'), contribution.path)
          : null,
    });
    const loaded = await registry.loadGrammar(contribution.scopeName);
    assert.ok(loaded);
    grammar = loaded;
  });

  it('is contributed as the gamelift-log language with its configuration', () => {
    const lang = manifest.contributes.languages.find((l) => l.id === 'gamelift-log');
    assert.ok(lang?.aliases?.includes('GameLift Log'));
    assert.ok(lang?.configuration);
    JSON.parse(readFileSync(join(ROOT, lang.configuration), 'utf8'));
  });

  it('colours timestamps and the level of an ordinary line', () => {
    const line = '2026-05-11T10:00:01.998Z [INFO] Extracted 7 files to /local/game';
    assert.deepEqual(scopesOf(line, '2026-05-11T10:00:01.998Z'), ['constant.numeric.timestamp.gamelift-log']);
    assert.deepEqual(scopesOf(line, '[INFO]'), ['markup.inserted.info.gamelift-log']);
    assert.deepEqual(scopesOf(line, '/local/game'), ['string.unquoted.path.linux.gamelift-log']);
  });

  it('marks whole error, fatal and warning lines, and their keywords', () => {
    const error = '2026-05-11T10:00:09.000Z [ERROR] Install script exited with code 126: installation failed';
    assert.deepEqual(scopesOf(error, '[ERROR]'), [
      'meta.line.error.gamelift-log',
      'invalid.illegal.error.gamelift-log',
    ]);
    assert.deepEqual(scopesOf(error, '126'), [
      'meta.line.error.gamelift-log',
      'constant.numeric.exit-code.gamelift-log',
    ]);
    assert.deepEqual(scopesOf(error, 'exited with code'), [
      'meta.line.error.gamelift-log',
      'keyword.other.exit-code.gamelift-log',
    ]);
    const fatal = 'FATAL: could not bind port 7777';
    assert.equal(scopesOf(fatal, 'FATAL')[0], 'meta.line.error.gamelift-log');
    const configure = '*** These critical programs are missing or too old: make';
    assert.equal(scopesOf(configure, 'make')[0], 'meta.line.error.gamelift-log');
    const warning = '[WARN] ArenaServer: tick took 212 ms (budget 33 ms)';
    assert.deepEqual(scopesOf(warning, '[WARN]'), [
      'meta.line.warning.gamelift-log',
      'markup.changed.warning.gamelift-log',
    ]);
    assert.deepEqual(scopesOf(warning, '212 ms'), ['meta.line.warning.gamelift-log', 'constant.numeric.gamelift-log']);
  });

  it('shows a carriage return inside a line and the ^M people paste as illegal', () => {
    const raw = '/bin/sh: /local/game/install.sh: /bin/bash\r: bad interpreter: No such file or directory';
    assert.ok(scopesOf(raw, '\r').includes('invalid.illegal.crlf.gamelift-log'));
    assert.ok(scopesOf('/bin/bash^M: bad interpreter', '^M').includes('invalid.illegal.crlf.gamelift-log'));
    assert.ok(scopesOf(raw, 'bad interpreter').includes('invalid.illegal.error.gamelift-log'));
  });

  it('knows Windows and Linux paths, URLs, signals, event codes and IDs', () => {
    assert.ok(
      scopesOf(
        'Launch path C:\\game\\Binaries\\Win64\\ArenaServer.exe: not found',
        'C:\\game\\Binaries\\Win64\\ArenaServer.exe',
      ).includes('string.unquoted.path.windows.gamelift-log'),
    );
    assert.ok(
      scopesOf(
        'see https://docs.aws.amazon.com/gamelift/x.html now',
        'https://docs.aws.amazon.com/gamelift/x.html',
      ).includes('markup.underline.link.gamelift-log'),
    );
    assert.ok(
      scopesOf('crashed with exit code 139 (SIGSEGV).', 'SIGSEGV').includes('constant.language.signal.gamelift-log'),
    );
    assert.ok(
      scopesOf('event FLEET_ACTIVATION_FAILED: x', 'FLEET_ACTIVATION_FAILED').includes(
        'support.constant.event-code.gamelift-log',
      ),
    );
    assert.ok(
      scopesOf(
        'for fleet fleet-ff249e15-c2b8-4e88-b09c-434795f3c4e9 on',
        'fleet-ff249e15-c2b8-4e88-b09c-434795f3c4e9',
      ).includes('variable.other.constant.identifier.gamelift-log'),
    );
    assert.deepEqual(scopesOf('+ sudo dnf install -y make', '+'), ['keyword.operator.shell-trace.gamelift-log']);
  });

  it('keeps lines apart: an error line does not colour the next one', () => {
    const [first, second] = tokenize(['[ERROR] broke', '2026-05-11T10:00:00Z [INFO] fine']);
    assert.ok(first.every(([, s]) => s[0] === 'meta.line.error.gamelift-log'));
    assert.ok(second.every(([, s]) => !s.includes('meta.line.error.gamelift-log')));
  });
});
