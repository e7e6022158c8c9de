// Runs the local GameLift endpoint from the command line (`npm run emulator -- --port 4566`)
// until Ctrl-C/SIGTERM. Prints the URL first so scripts can read it from stdout.
import { parseFaultShorthand, type FaultConfig, type FaultRule } from './faults';
import { startEmulator } from './server';

interface CliOptions {
  port: number;
  scenario: string;
  latencyMs?: number;
  jitterMs?: number;
  rules: FaultRule[];
  quiet: boolean;
}

const USAGE = `Usage: node out/test/emulator/cli.js [--port N] [--scenario NAME|PATH] [--latency MS] [--jitter MS] [--fault KIND[:TIMES][@Op,...][=MS]]... [--quiet]
  --port      port on 127.0.0.1 (default 4566; 0 = random free port)
  --scenario  default | large | hostile | empty | path/to/scenario.json (default: default)
  --latency   base latency for every request in ms
  --jitter    extra random latency 0..MS
  --fault     e.g. throttle:3, internalError:2@DescribeFleetEvents, spike:1=30000, dropConnection:1
  --quiet     do not print the request log`;

function parseArgs(argv: string[]): CliOptions {
  const options: CliOptions = { port: 4566, scenario: 'default', rules: [], quiet: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] =
      arg.includes('=') && arg.startsWith('--')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--port':
        options.port = Number(value());
        if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535)
          throw new Error('--port must be 0..65535');
        break;
      case '--scenario':
        options.scenario = value();
        break;
      case '--latency':
        options.latencyMs = Number(value());
        break;
      case '--jitter':
        options.jitterMs = Number(value());
        break;
      case '--fault':
        options.rules.push(parseFaultShorthand(value()));
        break;
      case '--quiet':
        options.quiet = true;
        break;
      case '--help':
      case '-h':
        console.log(USAGE);
        process.exit(0);
        break;
      default:
        throw new Error(`unknown argument ${arg}`);
    }
  }
  return options;
}

async function main(): Promise<void> {
  let options: CliOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  const hasFaults = options.latencyMs !== undefined || options.jitterMs !== undefined || options.rules.length > 0;
  const faults: FaultConfig | undefined = hasFaults
    ? {
        ...(options.latencyMs !== undefined ? { latencyMs: options.latencyMs } : {}),
        ...(options.jitterMs !== undefined ? { jitterMs: options.jitterMs } : {}),
        rules: options.rules,
      }
    : undefined;
  const emulator = await startEmulator({
    port: options.port,
    scenario: options.scenario,
    ...(faults ? { faults } : {}),
    log: options.quiet ? undefined : (line) => console.log(`${new Date().toISOString()} ${line}`),
  });
  console.log(`GameLift emulator listening on ${emulator.url} (scenario ${options.scenario})`);
  const shutdown = () => {
    emulator.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error) => {
  console.error(`emulator failed to start: ${(error as Error).message}`);
  process.exit(1);
});
