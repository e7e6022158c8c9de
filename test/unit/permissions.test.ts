// The permissions table (src/gamelift/permissions.ts) against the sources: every AWS SDK
// command the extension sends is in it, and it names no operation nothing sends, so the
// README's permission list and IAM policy (generated from it) stay true.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';
import { ALL_ACTIONS, PERMISSIONS, leastPrivilegePolicy } from '../../src/gamelift/permissions';

const ROOT = join(__dirname, '..', '..', '..');
/** Clients whose IAM action prefix is not their package name. */
const IAM_PREFIX: Readonly<Record<string, string>> = { 'cloudwatch-logs': 'logs' };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** `service:Operation` for every `new XCommand(…)` whose class comes from an @aws-sdk/client-* package. */
function sentActions(): Set<string> {
  const sent = new Set<string>();
  for (const file of sourceFiles(join(ROOT, 'src'))) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const commandClasses = new Map<string, string>();
    const paginators = new Map<string, string>();
    for (const statement of source.statements) {
      if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
      const client = /^@aws-sdk\/client-(.+)$/.exec(statement.moduleSpecifier.text)?.[1];
      // IAM's prefix where it differs from the client's package name.
      const service = client && (IAM_PREFIX[client] ?? client);
      const named = statement.importClause?.namedBindings;
      if (!service || !named || !ts.isNamedImports(named)) continue;
      for (const element of named.elements) {
        const name = element.name.text;
        if (name.endsWith('Command')) commandClasses.set(name, service);
        // The SDK's paginators send their operation page by page: paginateLookupEvents → LookupEvents.
        if (name.startsWith('paginate')) paginators.set(name, service);
      }
    }
    const visit = (node: ts.Node): void => {
      if (ts.isNewExpression(node) && ts.isIdentifier(node.expression)) {
        const service = commandClasses.get(node.expression.text);
        if (service) sent.add(`${service}:${node.expression.text.replace(/Command$/, '')}`);
      }
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
        const service = paginators.get(node.expression.text);
        if (service) sent.add(`${service}:${node.expression.text.replace(/^paginate/, '')}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return sent;
}

describe('permissions: the table behind the README and the IAM policy', () => {
  it('lists every operation the sources send, and only those', () => {
    const sent = sentActions();
    assert.ok(sent.size > 0, 'found no SDK commands: has the import style changed?');
    assert.deepEqual([...sent].filter((a) => !ALL_ACTIONS.includes(a)).sort(), [], 'sent but not in the table');
    assert.deepEqual(
      ALL_ACTIONS.filter((a) => !sent.has(a)),
      [],
      'in the table but sent nowhere',
    );
  });

  it('gives every feature at least one action, and the policy allows exactly the table', () => {
    for (const row of PERMISSIONS) assert.ok(row.actions.length > 0, row.feature);
    const policy = leastPrivilegePolicy() as { Statement: { Effect: string; Action: string[]; Resource: string }[] };
    assert.deepEqual(policy.Statement.flatMap((s) => s.Action).sort(), [...ALL_ACTIONS].sort());
    assert.ok(policy.Statement.every((s) => s.Effect === 'Allow'));
    assert.ok(
      ALL_ACTIONS.every((a) => /^[a-z0-9-]+:(List|Describe|Get|Lookup|Filter)[A-Za-z]+$/.test(a)),
      'read-only calls only',
    );
  });
});
