// Rewrites the generated parts of README.md so they never drift: the commands and settings
// tables from package.json, and the AWS permissions each feature needs with the least-privilege
// IAM policy from src/gamelift/permissions.ts. Run: node scripts/readme-tables.mjs [--check]
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const readmePath = join(root, 'README.md');
const readme = readFileSync(readmePath, 'utf8');

const cell = (text) =>
  String(text ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\n+/g, ' ');
const hidden = new Set(
  (pkg.contributes.menus?.commandPalette ?? []).filter((m) => m.when === 'false').map((m) => m.command),
);

const commands = pkg.contributes.commands
  .filter((c) => !hidden.has(c.command))
  .map((c) => `| ${c.category ? `${c.category}: ` : ''}${cell(c.title)} | \`${c.command}\` |`);
const settings = Object.entries(pkg.contributes.configuration.properties).map(
  ([key, s]) =>
    `| \`${key}\` | \`${cell(JSON.stringify(s.default))}\` | ${cell(s.markdownDescription ?? s.description)} |`,
);

// The permissions table is TypeScript without imports: transpile it and load it as a module.
const permissionsSource = readFileSync(join(root, 'src', 'gamelift', 'permissions.ts'), 'utf8');
const permissionsJs = ts.transpileModule(permissionsSource, {
  compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 },
}).outputText;
const { PERMISSIONS, leastPrivilegePolicy } = await import(
  `data:text/javascript;base64,${Buffer.from(permissionsJs).toString('base64')}`
);
const permissions = PERMISSIONS.map((p) => `| ${cell(p.feature)} | ${p.actions.map((a) => `\`${a}\``).join(', ')} |`);
const policy = JSON.stringify(leastPrivilegePolicy(), null, 2);

const replaceBetween = (text, name, body) => {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) throw new Error(`README.md lacks the ${start} … ${end} markers`);
  return text.slice(0, a + start.length) + '\n' + body + '\n' + text.slice(b);
};

let next = replaceBetween(readme, 'commands', ['| Command | ID |', '|---|---|', ...commands].join('\n'));
next = replaceBetween(
  next,
  'settings',
  ['| Setting | Default | What it does |', '|---|---|---|', ...settings].join('\n'),
);
next = replaceBetween(
  next,
  'permissions',
  ['| Feature | IAM actions it needs |', '|---|---|', ...permissions].join('\n'),
);
next = replaceBetween(next, 'iam-policy', ['```json', policy, '```'].join('\n'));

if (process.argv.includes('--check')) {
  if (next !== readme) {
    console.error('README.md tables are out of date: run node scripts/readme-tables.mjs');
    process.exit(1);
  }
} else {
  writeFileSync(readmePath, next);
  console.log(
    `README.md: ${commands.length} commands, ${settings.length} settings, ${permissions.length} permission rows`,
  );
}
