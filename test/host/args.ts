// Command-line narrowing shared by the runners:
//   node out/test/host/runIntegration.js [--grep <pattern>] [file-fragment …]
// Values fall back to GAMELIFT_TEST_GREP / GAMELIFT_TEST_FILES.
export interface Narrowing {
  grep?: string;
  files?: string;
}

export function parseNarrowing(argv: string[]): Narrowing {
  let grep = process.env.GAMELIFT_TEST_GREP || undefined;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--grep' || a === '-g') grep = argv[++i];
    else if (a.startsWith('--grep=')) grep = a.slice('--grep='.length);
    else if (a.startsWith('-')) throw new Error(`unknown option ${a} (use --grep <pattern> and file names)`);
    else files.push(a);
  }
  const fileList = files.length > 0 ? files.join(',') : process.env.GAMELIFT_TEST_FILES || undefined;
  return { grep, files: fileList };
}
