// Reads GameLift creation and server logs for the lines that explain a failure: Windows
// line endings in a shell script, a missing tool, package or library, permissions, exit
// codes; and for what the log says exists (extracted files, launch paths found or not).
// Line numbers are 1-based, as an editor shows them.

export type LogProblemKind =
  | 'crlf'
  | 'missingTool'
  | 'missingPackage'
  | 'missingLibrary'
  | 'execFormat'
  | 'permission'
  | 'notFound'
  | 'extract'
  | 'diskFull'
  | 'crash'
  | 'exitCode'
  | 'error';

export interface LogProblem {
  readonly kind: LogProblemKind;
  readonly line: number;
  /** The whole line as written. */
  readonly text: string;
  /** What the line names: the tools, package, library, path or exit code. */
  readonly detail?: string;
}

/** More problems than this in one log are not read (the first ones explain the failure). */
const MAX_PROBLEMS = 200;

interface Rule {
  readonly kind: LogProblemKind;
  /** A cheap substring test before the regular expression (lower case). */
  readonly hint: readonly string[];
  readonly pattern: RegExp;
}

// Most specific first: a line is reported once, under the first rule it matches.
const RULES: readonly Rule[] = [
  // "/bin/bash^M: bad interpreter", "$'\r': command not found", "/usr/bin/env: 'bash\r'"
  { kind: 'crlf', hint: ['^m', "\\r'", '\\r:', 'bad interpreter'], pattern: /(\^M)|(\\r['":])|(bad interpreter)/ },
  {
    kind: 'missingTool',
    hint: ['critical programs'],
    pattern: /critical programs are missing or too old:\s*(.+?)\s*$/,
  },
  { kind: 'missingTool', hint: ['command not found'], pattern: /(?:^|[\s:])([\w.+-]+): command not found/ },
  {
    kind: 'missingTool',
    hint: ['is not recognized as an internal'],
    pattern: /'([^']+)' is not recognized as an internal/,
  },
  {
    kind: 'missingTool',
    hint: [': not found'],
    pattern: /^(?:.*\b)?(?:sh|bash|dash): (?:\d+: )?([\w.+-]+): not found\s*$/,
  },
  { kind: 'missingPackage', hint: ['no package'], pattern: /No package ([\w.+-]+) available/ },
  { kind: 'missingPackage', hint: ['no match for argument'], pattern: /No match for argument:\s*([\w.+-]+)/ },
  { kind: 'missingPackage', hint: ['unable to locate package'], pattern: /Unable to locate package ([\w.+-]+)/ },
  { kind: 'missingPackage', hint: ['unable to find a match'], pattern: /Unable to find a match:\s*([\w.+-]+)/ },
  { kind: 'missingLibrary', hint: ['shared libraries'], pattern: /error while loading shared libraries: ([^:\s]+)/ },
  {
    kind: 'missingLibrary',
    hint: ['.dll'],
    pattern: /because ([\w.+-]+\.dll) was not found|([\w.+-]+\.dll) (?:is missing|was not found)/i,
  },
  {
    kind: 'execFormat',
    hint: ['exec format error', 'cannot execute binary file'],
    pattern: /(Exec format error|cannot execute binary file)/i,
  },
  {
    kind: 'permission',
    hint: ['permission denied', 'access is denied'],
    pattern: /(Permission denied|Access is denied)/i,
  },
  {
    kind: 'notFound',
    hint: ['cannot run program'],
    pattern: /Cannot run program "([^"]+)".*No such file or directory/,
  },
  {
    kind: 'notFound',
    hint: ['no such file or directory'],
    pattern: /([^\s:'"]+\.(?:sh|bash|py))'?: No such file or directory/,
  },
  { kind: 'diskFull', hint: ['no space left'], pattern: /(No space left on device)/ },
  {
    kind: 'extract',
    hint: ['end of', 'zipfile', 'zip file', 'crc error', 'extraction failed', 'central-directory'],
    pattern:
      /(unexpected end of (?:zip )?(?:file|archive)|End-of-central-directory signature not found|cannot find zipfile directory|not a zip file|invalid zip file|CRC error|Extraction failed)/i,
  },
  {
    kind: 'crash',
    hint: ['segmentation fault', 'sigsegv', 'sigabrt', 'core dumped', 'unhandled exception', 'fatal error'],
    pattern: /(Segmentation fault|SIGSEGV|SIGABRT|core dumped|Unhandled [Ee]xception|Fatal error)/,
  },
  {
    kind: 'exitCode',
    hint: ['exit'],
    pattern: /\bexit(?:ed)?\s+(?:with\s+)?(?:code|status)\s*[:=]?\s*(-?\d+)|\bexit code\s*[:=]?\s*(-?\d+)/i,
  },
  {
    kind: 'error',
    hint: ['error', 'fatal', 'failed'],
    pattern: /(\[(?:ERROR|FATAL)\]|\b(?:ERROR|FATAL)\b|\berror:|\bfailed\b)/i,
  },
];

/** Every rule's hint in one test, so most lines (which match none) are passed over in one step. */
const ANY_HINT = new RegExp(
  [...new Set(RULES.flatMap((r) => r.hint))].map((h) => h.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'),
  'i',
);

/** Splits a log into lines (LF or CRLF; a lone CR inside a line is kept, it is a finding). */
export function logLines(text: string): string[] {
  return text.split(/\r?\n/);
}

/** Problems in a log, in line order, each line at most once. */
export function scanLog(text: string): LogProblem[] {
  const problems: LogProblem[] = [];
  const lines = logLines(text);
  for (let i = 0; i < lines.length && problems.length < MAX_PROBLEMS; i++) {
    const line = lines[i];
    if (line.length === 0 || !ANY_HINT.test(line)) continue;
    const lower = line.toLowerCase();
    for (const rule of RULES) {
      if (!rule.hint.some((h) => lower.includes(h))) continue;
      const m = rule.pattern.exec(line);
      if (!m) continue;
      const detail = m.slice(1).find((g) => g !== undefined);
      problems.push({ kind: rule.kind, line: i + 1, text: line, ...(detail ? { detail } : {}) });
      break;
    }
  }
  // A raw carriage return left inside a line is a script written with Windows line endings.
  for (let i = 0; i < lines.length && problems.length < MAX_PROBLEMS; i++) {
    if (lines[i].includes('\r') && !problems.some((p) => p.line === i + 1 && p.kind === 'crlf'))
      problems.push({ kind: 'crlf', line: i + 1, text: lines[i] });
  }
  return problems.sort((a, b) => a.line - b.line);
}

const LINUX_PATH = /\/local\/game\/[^\s"'`,;:()<>|*?]+/g;
const WINDOWS_PATH = /\b[Cc]:\\game\\[^\s"'`,;:()<>|*?]+/g;

/** Absolute paths under the build roots that a log names (the extraction log lists the build's files). */
export function pathsInLog(text: string): Set<string> {
  const paths = new Set<string>();
  for (const m of text.matchAll(LINUX_PATH)) paths.add(trimPath(m[0]));
  for (const m of text.matchAll(WINDOWS_PATH)) paths.add(trimPath(m[0]));
  return paths;
}

function trimPath(path: string): string {
  return path.replace(/[.\\/]+$/, '');
}

export interface LaunchPathLine {
  readonly path: string;
  readonly found: boolean;
  readonly line: number;
  readonly text: string;
}

const ANY_PATH = /(\/[^\s"'`,;:()<>|*?]+|\b[A-Za-z]:\\[^\s"'`,;:()<>|*?]*)/;
const NOT_FOUND = /\b(not found|does not exist|doesn't exist|missing|no such file)\b/i;
const FOUND = /\b(found|exists|ok)\b/i;

/** Lines of a validation log that say whether a launch path exists. */
export function launchPathLines(text: string): LaunchPathLine[] {
  const result: LaunchPathLine[] = [];
  const lines = logLines(text);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!/launch ?path/i.test(line)) continue;
    const path = ANY_PATH.exec(line)?.[1];
    if (!path) continue;
    const found = NOT_FOUND.test(line) ? false : FOUND.test(line) ? true : undefined;
    if (found !== undefined) result.push({ path: trimPath(path), found, line: i + 1, text: line });
  }
  return result;
}
