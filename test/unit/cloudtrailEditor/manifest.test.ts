// The manifest's CloudTrail contributions agree with the code: rule IDs offered in settings exist,
// semantic token types match the provider's legend, the grammar and language files are there.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../../src/cloudtrail/index';

const ROOT = join(__dirname, '..', '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  contributes: {
    configuration: {
      properties: Record<string, { properties?: Record<string, unknown>; markdownDescription?: string }>;
    };
    languages: Array<{ id: string; configuration?: string }>;
    grammars: Array<{ language: string; path: string; scopeName: string }>;
    semanticTokenTypes: Array<{ id: string }>;
    semanticTokenScopes: Array<{ language: string; scopes: Record<string, string[]> }>;
    customEditors: Array<{ viewType: string; selector: Array<{ filenamePattern: string }> }>;
  };
};

describe('cloudtrail editor: manifest', () => {
  const c = manifest.contributes;

  it('offers only real rule IDs in gamelift.cloudtrail.rules, with their descriptions', () => {
    const offered = Object.keys(c.configuration.properties['gamelift.cloudtrail.rules'].properties ?? {});
    const known = new Set(RULES.map((r) => r.id));
    assert.ok(offered.length > 0);
    assert.deepEqual(
      offered.filter((id) => !known.has(id)),
      [],
    );
  });

  it('describes each rule in gamelift.cloudtrail.rules as RULES does, with its default severity', () => {
    const offered = c.configuration.properties['gamelift.cloudtrail.rules'].properties as Record<
      string,
      { markdownDescription?: string }
    >;
    for (const rule of RULES)
      assert.equal(
        offered[rule.id]?.markdownDescription,
        `${rule.description} Default: \`${rule.defaultSeverity}\`.`,
        rule.id,
      );
  });

  it('gives every gamelift.cloudtrail.* setting a markdownDescription', () => {
    const keys = Object.keys(c.configuration.properties).filter((k) => k.startsWith('gamelift.cloudtrail.'));
    assert.ok(keys.length >= 6, keys.join(', '));
    for (const k of keys) assert.ok(c.configuration.properties[k].markdownDescription, k);
  });

  it('declares a semantic token type, with scope fallbacks, for every custom token the provider emits', () => {
    const source = readFileSync(
      join(ROOT, 'src', 'cloudtrail', 'editor', 'providers', 'semanticTokensProvider.ts'),
      'utf8',
    );
    const emitted = [...source.matchAll(/: '(cloudtrail[A-Za-z]+)'/g)].map((m) => m[1]);
    assert.equal(emitted.length, 8);
    const declared = new Set(c.semanticTokenTypes.map((t) => t.id));
    const scopes = c.semanticTokenScopes.find((s) => s.language === 'cloudtrail')?.scopes ?? {};
    for (const t of emitted) {
      assert.ok(declared.has(t), `${t} is not declared`);
      assert.ok((scopes[t] ?? []).length > 0, `${t} has no scope fallback`);
    }
  });

  it('points the cloudtrail language at files that exist', () => {
    const lang = c.languages.find((l) => l.id === 'cloudtrail');
    assert.ok(lang?.configuration && existsSync(join(ROOT, lang.configuration)));
    const grammar = c.grammars.find((g) => g.language === 'cloudtrail');
    assert.ok(grammar);
    const tm = JSON.parse(readFileSync(join(ROOT, grammar.path), 'utf8')) as { scopeName: string };
    assert.equal(tm.scopeName, grammar.scopeName);
    assert.ok(
      c.customEditors.some(
        (e) => e.viewType === 'gamelift.cloudtrailGz' && e.selector.some((s) => s.filenamePattern === '*.json.gz'),
      ),
    );
  });
});
