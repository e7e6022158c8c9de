// cloudtrail-lint: checks CloudTrail log files from the command line (bundled to
// dist/cloudtrail-lint.js). Reads .json, .json.gz and stdin; prints `file:line:column severity
// rule-id message` or JSON; exit code 1 when an error-severity diagnostic was found, 2 when an
// input could not be read, 0 otherwise.

import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { Char, LineIndex, RULES, validateCloudTrail } from './index';

const USAGE = `Usage: cloudtrail-lint [--format text|json] [--max N] [--rules] <file.json | file.json.gz | -> ...

Checks CloudTrail log files: JSON syntax (with recovery), record fields and formats,
and Amazon GameLift operations and parameters.

Options:
  --format text|json  output format (default text: file:line:column severity rule-id message)
  --max N             report at most N diagnostics per file
  --rules             list the rules and their default severities
  -h, --help          show this help

Exit code: 0 no errors, 1 an error-severity diagnostic was found, 2 an input could not be read.`;

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => Buffer;
  readFile: (path: string) => Buffer;
}

/** Decodes a file's bytes: gunzips gzip data, checks for UTF-8, strips a BOM. Throws a readable Error. */
export function decodeInput(name: string, bytes: Buffer): string {
  let data = bytes;
  const gz = data.length >= 2 && data[0] === 0x1f && data[1] === 0x8b;
  if (name.endsWith('.gz') && !gz) throw new Error('the file name ends in .gz but the content is not gzip data');
  if (gz) {
    try {
      data = gunzipSync(data);
    } catch (e) {
      throw new Error(`the gzip data is damaged (${e instanceof Error ? e.message : String(e)})`, { cause: e });
    }
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let text: string;
  try {
    text = decoder.decode(data);
  } catch {
    throw new Error('the content is not UTF-8 text');
  }
  if (text.length > 0 && text.charCodeAt(0) === Char.ByteOrderMark) text = text.slice(1);
  return text;
}

interface JsonDiagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  ruleId: string;
  message: string;
}

export function runCli(argv: string[], io: CliIo): number {
  let format: 'text' | 'json' = 'text';
  let max: number | undefined;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') {
      io.stdout(USAGE + '\n');
      return 0;
    } else if (a === '--rules') {
      for (const r of RULES) io.stdout(`${r.id.padEnd(28)} ${r.defaultSeverity.padEnd(8)} ${r.description}\n`);
      return 0;
    } else if (a === '--format' || a.startsWith('--format=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v !== 'text' && v !== 'json') {
        io.stderr(`cloudtrail-lint: --format must be text or json\n${USAGE}\n`);
        return 2;
      }
      format = v;
    } else if (a === '--max' || a.startsWith('--max=')) {
      const v = Number(a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i]);
      if (!Number.isInteger(v) || v < 0) {
        io.stderr('cloudtrail-lint: --max needs a whole number\n');
        return 2;
      }
      max = v;
    } else if (a.startsWith('-') && a !== '-') {
      io.stderr(`cloudtrail-lint: unknown option ${a}\n${USAGE}\n`);
      return 2;
    } else files.push(a);
  }
  if (files.length === 0) {
    io.stderr(`cloudtrail-lint: no input files\n${USAGE}\n`);
    return 2;
  }
  let unreadable = false;
  let errors = false;
  const json: JsonDiagnostic[] = [];
  for (const file of files) {
    const name = file === '-' ? '<stdin>' : file;
    let text: string;
    try {
      text = decodeInput(file, file === '-' ? io.readStdin() : io.readFile(file));
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      const why =
        err.code === 'ENOENT'
          ? 'no such file'
          : err.code === 'EISDIR'
            ? 'it is a directory'
            : err.code === 'EACCES'
              ? 'permission denied'
              : err.message;
      io.stderr(`cloudtrail-lint: cannot read ${name}: ${why}\n`);
      unreadable = true;
      continue;
    }
    const result = validateCloudTrail(text, { maxDiagnostics: max });
    const lines = new LineIndex(text);
    const out: string[] = [];
    for (const d of result.diagnostics) {
      if (d.severity === 'error') errors = true;
      const s = lines.lineColumn(d.start);
      const e = lines.lineColumn(d.end);
      if (format === 'text') out.push(`${name}:${s.line + 1}:${s.column + 1} ${d.severity} ${d.ruleId} ${d.message}`);
      else
        json.push({
          file: name,
          line: s.line + 1,
          column: s.column + 1,
          endLine: e.line + 1,
          endColumn: e.column + 1,
          severity: d.severity,
          ruleId: d.ruleId,
          message: d.message,
        });
    }
    // Diagnostics beyond --max still decide the exit code.
    if ((result.counts?.error ?? 0) > 0) errors = true;
    if (format === 'text') {
      if (result.truncated)
        out.push(
          `${name}: ${result.totalDiagnostics - result.diagnostics.length} more diagnostics not shown (--max ${max})`,
        );
      if (out.length > 0) io.stdout(out.join('\n') + '\n');
    }
  }
  if (format === 'json') io.stdout(JSON.stringify(json, null, 2) + '\n');
  return unreadable ? 2 : errors ? 1 : 0;
}

/* istanbul ignore next -- process wiring */
if (require.main === module) {
  const code = runCli(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    readStdin: () => readFileSync(0),
    readFile: (p) => readFileSync(p),
  });
  process.exitCode = code;
}
