// Why a fleet's creation failed: the build download or extraction, the install script, the
// launch path, the executable, validation, no instances. Each story reads its events and
// the logs of them, and names what it read; a cause the evidence does not state is a guess.
import { type Candidate, type DiagnosisContext, sampleEvidence } from './context';
import { isWindowsFleet } from './launchPaths';
import type { LogProblem } from './logScan';
import { duration, quote } from './text';
import type { Evidence } from './types';

/** The install script at the build root, where GameLift looks for it. */
const ROOT_INSTALL_SCRIPT = /\/local\/game\/install\.sh\b|\b[Cc]:\\game\\install\.bat\b/;

function installCommand(os: string | undefined, what: string): string {
  if (os === 'AMAZON_LINUX_2') return `add \`sudo yum install -y ${what}\` near the top of install.sh`;
  if (os?.startsWith('AMAZON_LINUX')) return `add \`sudo dnf install -y ${what}\` near the top of install.sh`;
  if (os?.startsWith('WINDOWS')) return `ship ${what} with the build or install it from install.bat`;
  return `install ${what} in the install script before it is used`;
}

const REBUILD =
  'A fleet in ERROR cannot be repaired: upload the corrected build and create a new fleet (or update the alias to it).';

/** Log lines as evidence, at most `max`, in line order. */
function lineEvidence(
  ctx: DiagnosisContext,
  found: ReadonlyArray<{ log: { eventId: string; name?: string }; problem: LogProblem }>,
  max = 6,
): Evidence[] {
  return found.slice(0, max).map(({ log, problem }) => ctx.logEvidence(log, problem.line, problem.text));
}

export function buildDownloadFailed(ctx: DiagnosisContext): Candidate | undefined {
  const failed = ctx.index.of('FLEET_BINARY_DOWNLOAD_FAILED');
  const logs = ctx.logsOf('FLEET_BINARY_DOWNLOAD_FAILED', 'FLEET_CREATION_EXTRACTING_BUILD');
  const broken = ctx.problemsIn(logs, ['extract', 'diskFull']);
  if (failed.length === 0 && broken.length === 0) return undefined;
  const first = failed[0] ?? broken[0].log.event;
  const diskFull = broken.find((b) => b.problem.kind === 'diskFull');
  const archive = broken.find((b) => b.problem.kind === 'extract');
  const messageSaysArchive = failed.some((e) =>
    /corrupt|unexpected end|zip|archive|extract/i.test(e.event.message ?? ''),
  );
  const cause = diskFull
    ? { text: 'The instance ran out of disk space while the build was unpacked.', guess: false }
    : archive || messageSaysArchive
      ? {
          text: `The build archive is damaged or incomplete${archive ? ` ("${quote(archive.problem.detail ?? archive.problem.text, 120)}")` : ''}, so it could not be unpacked.`,
          guess: false,
        }
      : {
          text: 'GameLift could not fetch the build; when the build came from S3, the role given to CreateBuild may not be able to read the object.',
          guess: true,
        };
  return {
    id: 'build-download-failed',
    kind: 'failure',
    rank: 85,
    time: first.time,
    recovered: ctx.progressedAfter(failed[failed.length - 1]?.time ?? first.time),
    headline:
      archive || messageSaysArchive
        ? 'The build could not be extracted onto the instance.'
        : 'The build could not be downloaded onto the instance.',
    cause,
    evidence: [...failed.slice(-2).map((e) => ctx.eventEvidence(e)), ...lineEvidence(ctx, broken, 4)],
    nextSteps: [
      diskFull
        ? 'Make the build smaller or choose an instance type with more storage.'
        : 'Check that the build archive opens on your machine, then upload it again (`aws gamelift upload-build`, or CreateBuild with a new S3 object).',
      "For a build in S3: the object must be a .zip of the build folder, and the role in CreateBuild's StorageLocation must be allowed to read it.",
      REBUILD,
    ],
  };
}

export function installerFailed(ctx: DiagnosisContext): Candidate | undefined {
  const failed = ctx.index.of('FLEET_CREATION_FAILED_INSTALLER');
  const running = ctx.index.last('FLEET_CREATION_RUNNING_INSTALLER');
  const completed = ctx.index.last('FLEET_CREATION_COMPLETED_INSTALLER');
  // Without a FAILED_INSTALLER event, an installer that started, never completed and was followed by ERROR.
  const errored = ctx.index.last('FLEET_STATE_ERROR');
  const silentFailure =
    failed.length === 0 &&
    running &&
    !completed &&
    errored &&
    errored.time >= running.time &&
    !ctx.progressedAfter(running.time);
  if (failed.length === 0 && !silentFailure) return undefined;
  const anchor = failed[failed.length - 1] ?? running!;
  // The outcome's log holds the whole run; the start's log is read only when it is all there is.
  const outcome = ctx.logsOf('FLEET_CREATION_FAILED_INSTALLER');
  const logs = outcome.length > 0 ? outcome : ctx.logsOf('FLEET_CREATION_RUNNING_INSTALLER');
  const os = ctx.fleet.operatingSystem;
  const crlf = ctx.problemsIn(logs, ['crlf']);
  const tools = ctx.problemsIn(logs, ['missingTool']);
  const packages = ctx.problemsIn(logs, ['missingPackage']);
  const permission = ctx.problemsIn(logs, ['permission']);
  const notFound = ctx.problemsIn(logs, ['notFound']);
  const exits = ctx.problemsIn(logs, ['exitCode']);
  const messages = failed.map((e) => e.event.message ?? '').join('\n');
  const scriptNotRun = /Cannot run program "([^"]*install\.sh)"[^\n]*No such file or directory/.exec(messages);
  const extracted = ctx.logsOf('FLEET_CREATION_EXTRACTING_BUILD');
  const scriptListed = extracted.some((l) => ROOT_INSTALL_SCRIPT.test(l.text));

  const evidence: Evidence[] = failed.slice(-1).map((e) => ctx.eventEvidence(e));
  if (failed.length === 0) evidence.push(ctx.eventEvidence(running!), ctx.eventEvidence(errored!));
  const nextSteps: string[] = [];
  let cause: Candidate['cause'];
  let headline = "The build's install script failed.";

  if (crlf.length > 0) {
    const certain = crlf.some(({ problem }) => /\^M|\\r|\r/.test(problem.text));
    headline = 'The install script has Windows (CRLF) line endings, so Linux cannot run it.';
    cause = {
      text: certain
        ? 'Lines of install.sh end in a carriage return (^M): the shell looks for an interpreter or command whose name ends in that character, which does not exist.'
        : 'The script\'s interpreter line cannot be run; a Windows line ending after "#!/bin/bash" is the usual reason.',
      guess: !certain,
    };
    evidence.push(
      ...lineEvidence(
        ctx,
        [...crlf, ...notFound, ...exits].sort((a, b) => a.problem.line - b.problem.line),
        5,
      ),
    );
    nextSteps.push(
      "Convert install.sh (and every shell script of the build) to LF line endings: `dos2unix install.sh`, or `sed -i 's/\\r$//' install.sh`; in Git, add `*.sh text eol=lf` to .gitattributes so Windows checkouts stay right.",
    );
  } else if (scriptNotRun || notFound.some(({ problem }) => /\.sh\b/.test(problem.detail ?? ''))) {
    if (extracted.length > 0 && !scriptListed) {
      headline = 'GameLift could not find install.sh at the root of the build.';
      cause = { text: 'The extraction log does not list an install script at the build root.', guess: false };
      nextSteps.push('Put install.sh at the root of the build folder (not in a subfolder) and upload the build again.');
    } else {
      headline = 'install.sh exists but could not be started ("No such file or directory").';
      cause = {
        text: '"No such file or directory" for a script that exists means its interpreter was not found; a Windows (CRLF) line ending after "#!/bin/bash" makes Linux look for "/bin/bash\\r".',
        guess: true,
      };
      nextSteps.push(
        'Convert install.sh to LF line endings (`dos2unix install.sh`) and check its first line is `#!/bin/bash`; in Git, add `*.sh text eol=lf` to .gitattributes.',
      );
    }
    evidence.push(...lineEvidence(ctx, notFound, 3));
  } else if (tools.length > 0) {
    const names = [
      ...new Set(tools.map(({ problem }) => (problem.detail ?? '').replace(/[.,;]+$/, '')).filter(Boolean)),
    ];
    const list = names.join(', ');
    headline = `The install script needs ${list || 'a tool'}, which the instance does not have.`;
    cause = {
      text: `The log says ${list ? `"${quote(list, 80)}"` : 'a program'} is missing on ${os ?? 'the instance'}.`,
      guess: false,
    };
    evidence.push(...lineEvidence(ctx, [...tools, ...exits], 5));
    nextSteps.push(`Install it before it is used: ${installCommand(os, names[0] ?? '<tool>')}.`);
  } else if (packages.length > 0) {
    const names = [...new Set(packages.map(({ problem }) => problem.detail ?? ''))].filter(Boolean);
    headline = `The install script asks for package ${names.join(', ')}, which ${os ?? "the instance's OS"} does not offer.`;
    cause = {
      text: `The package manager on ${os ?? 'the instance'} has no package named ${names.join(', ')}.`,
      guess: false,
    };
    evidence.push(...lineEvidence(ctx, [...packages, ...exits], 5));
    nextSteps.push(
      `Use the package names of ${os ?? "the fleet's OS"} (Amazon Linux 2023 renamed several Amazon Linux 2 packages), or ship the library with the build.`,
    );
  } else if (permission.length > 0) {
    headline = 'The install script was refused permission.';
    cause = { text: 'The log shows "Permission denied" while the script ran.', guess: false };
    evidence.push(...lineEvidence(ctx, [...permission, ...exits], 5));
    nextSteps.push(
      'Run the steps that change the system with `sudo` (Linux) or as administrator (Windows); files of the build itself can be changed without it.',
    );
  } else {
    const exit = exits[exits.length - 1]?.problem.detail ?? /exited with code (-?\d+)/.exec(messages)?.[1];
    const errors = ctx.problemsIn(logs, ['error']);
    cause = exit
      ? { text: `The script exited with code ${exit}.`, guess: false }
      : logs.length === 0
        ? { text: 'The installer log was not read, so the failing step is not known yet.', guess: true }
        : undefined;
    evidence.push(
      ...lineEvidence(
        ctx,
        [...errors, ...exits].sort((a, b) => a.problem.line - b.problem.line),
        5,
      ),
    );
    if (logs.length === 0)
      nextSteps.push('Open the log of the FLEET_CREATION_FAILED_INSTALLER event: it lists the steps of the script.');
  }
  nextSteps.push(
    `Test the script on a clean ${os ?? 'instance'} (not a development machine): it runs without input, with sudo available.`,
    REBUILD,
  );
  return {
    id: 'installer-failed',
    kind: 'failure',
    rank: 90,
    time: anchor.time,
    headline,
    ...(cause ? { cause } : {}),
    evidence,
    nextSteps,
  };
}

export function launchPathNotFound(ctx: DiagnosisContext): Candidate | undefined {
  const events = ctx.index.of('FLEET_VALIDATION_LAUNCH_PATH_NOT_FOUND', 'SERVER_PROCESS_INVALID_PATH');
  const checks = ctx.launchPaths();
  const bad = (checks ?? []).filter((c) => c.check.problems.length > 0);
  // On an ACTIVE fleet an occasional invalid path is a health matter (processStartFailures).
  if (events.length === 0 && (bad.length === 0 || ctx.fleet.status === 'ACTIVE')) return undefined;
  if (events.length === 0 && ctx.fleet.status !== 'ERROR') return undefined;
  const first = events[0];
  const evidence: Evidence[] = sampleEvidence(ctx, events, 2);
  for (const c of bad.length > 0 ? bad : (checks ?? [])) {
    const params = c.check.parameters ? ` with parameters "${c.check.parameters}"` : '';
    evidence.push(
      ctx.configEvidence(
        `Runtime configuration: launch path ${c.check.launchPath}${params} (${c.check.concurrentExecutions} concurrent)`,
      ),
    );
    if (c.logLine) evidence.push(ctx.logEvidence(c.logLine, c.logLine.line, c.logLine.text));
    if (c.check.suggestion) evidence.push(ctx.configEvidence(`The build's extraction log lists ${c.check.suggestion}`));
  }
  const main = bad[0]?.check;
  const os = ctx.fleet.operatingSystem;
  const root = isWindowsFleet(ctx.fleet) ? 'C:\\game\\' : '/local/game/';
  const headline = main
    ? `The launch path ${main.launchPath} is wrong: ${main.problems[0]}.`
    : 'The launch path in the runtime configuration does not exist in the build.';
  const cause = main
    ? { text: `${main.launchPath}: ${main.problems.join('; ')}.`, guess: false }
    : checks === undefined
      ? { text: 'The runtime configuration was not read, so the path cannot be compared with the build.', guess: true }
      : undefined;
  const nextSteps = [
    main?.suggestion
      ? `Set the launch path to ${main.suggestion} in the runtime configuration.`
      : `Set the launch path to the server executable's full path in the build, starting with ${root}.`,
    `Paths are case-sensitive on Linux; ${os?.startsWith('WINDOWS') ? 'Windows' : 'Linux'} fleets install the build under ${root.slice(0, -1)}.`,
    'A fleet in ERROR cannot be repaired: create a new fleet with the corrected runtime configuration.',
  ];
  return {
    id: 'launch-path-not-found',
    kind: 'failure',
    rank: 85,
    time: first?.time ?? ctx.now,
    headline,
    ...(cause ? { cause } : {}),
    evidence,
    nextSteps,
  };
}

const GRAVITON = /^[a-z]+\d+g[a-z]*\./;

export function executableFailed(ctx: DiagnosisContext): Candidate | undefined {
  const events = ctx.index.of('FLEET_VALIDATION_EXECUTABLE_RUNTIME_FAILURE');
  if (events.length === 0) return undefined;
  const last = events[events.length - 1];
  const logs = ctx.logsOf('FLEET_VALIDATION_EXECUTABLE_RUNTIME_FAILURE');
  const message = events.map((e) => e.event.message ?? '').join('\n');
  const found = ctx.problemsIn(logs, ['missingLibrary', 'execFormat', 'permission', 'crlf', 'crash', 'exitCode']);
  const kinds = new Set(found.map((f) => f.problem.kind));
  const library =
    found.find((f) => f.problem.kind === 'missingLibrary')?.problem.detail ??
    /error while loading shared libraries: ([^:\s]+)/.exec(message)?.[1];
  const instanceType = ctx.fleet.instanceType ?? '';
  const os = ctx.fleet.operatingSystem;
  const evidence: Evidence[] = [ctx.eventEvidence(last)];
  const nextSteps: string[] = [];
  let cause: Candidate['cause'];
  if (library) {
    cause = { text: `The executable needs ${library}, which is not on the instance.`, guess: false };
    nextSteps.push(
      `Ship ${library} with the build (next to the executable, or set its folder in the launch parameters' environment) or ${installCommand(os, 'the package that provides it')}.`,
    );
  } else if (kinds.has('execFormat') || /Exec format error|cannot execute binary file/i.test(message)) {
    const arm = GRAVITON.test(instanceType);
    cause = {
      text: arm
        ? `The executable is not built for the instance's processor: ${instanceType} is an ARM (Graviton) instance, so an x86_64 build cannot run on it.`
        : 'The executable is not a program this instance can run (wrong processor architecture or operating system).',
      guess: !arm,
    };
    if (arm) evidence.push(ctx.configEvidence(`Instance type ${instanceType} (ARM64, AWS Graviton)`));
    nextSteps.push(
      arm
        ? 'Build the server for ARM64 (linux-arm64), or choose an x86_64 instance type such as c5 or c6i.'
        : "Build the server for the fleet's operating system and processor.",
    );
  } else if (kinds.has('permission') || /Permission denied/i.test(message)) {
    cause = { text: 'The executable is not marked as executable on the instance.', guess: false };
    nextSteps.push('Set the executable bit before uploading (`chmod +x`), or run `chmod +x` on it from install.sh.');
  } else if (kinds.has('crlf')) {
    cause = { text: 'A script the server starts has Windows (CRLF) line endings.', guess: false };
    nextSteps.push("Convert the build's shell scripts to LF line endings (`dos2unix`).");
  } else {
    const exit = /exit(?:ed)? (?:with )?code (-?\d+)/i.exec(message)?.[1];
    cause = exit
      ? {
          text: `The executable exited with code ${exit} as soon as it started${exit === '127' ? ' (127: a program or library it needs was not found)' : ''}.`,
          guess: exit === '127',
        }
      : undefined;
    nextSteps.push(
      "Run the executable with the same parameters on a clean instance of the fleet's OS and read what it prints.",
    );
  }
  evidence.push(...lineEvidence(ctx, found, 5));
  nextSteps.push(REBUILD);
  return {
    id: 'executable-failed',
    kind: 'failure',
    rank: 80,
    time: events[0].time,
    headline: 'The server executable failed to run when GameLift tried it during validation.',
    ...(cause ? { cause } : {}),
    evidence,
    nextSteps,
  };
}

export function validationTimedOut(ctx: DiagnosisContext): Candidate | undefined {
  const e = ctx.index.last('FLEET_VALIDATION_TIMED_OUT');
  if (!e) return undefined;
  const started = ctx.index.last('FLEET_STATE_VALIDATING');
  const waited = started && started.time <= e.time ? ` after ${duration(e.time - started.time)} in VALIDATING` : '';
  return {
    id: 'validation-timed-out',
    kind: 'failure',
    rank: 55,
    time: e.time,
    headline: `Validation of the build timed out${waited}.`,
    cause: {
      text: 'GameLift did not finish validating the build in the time it allows; a large build, a slow install script or a first server process that hangs at start keep it waiting.',
      guess: true,
    },
    evidence: [ctx.eventEvidence(e), ...(started ? [ctx.eventEvidence(started)] : [])],
    nextSteps: [
      'Open the logs of the creation events: the last step they show is where the time went.',
      'Make the build smaller (leave out debug symbols and editor content) and keep install.sh to what the server needs.',
      'Create the fleet again: a timeout can also be a passing service problem.',
    ],
  };
}

export function noInstances(ctx: DiagnosisContext): Candidate | undefined {
  const events = ctx.index.of('FLEET_ACTIVATION_FAILED_NO_INSTANCES');
  if (events.length === 0) return undefined;
  const last = events[events.length - 1];
  const type = ctx.fleet.instanceType;
  const spot = ctx.fleet.fleetType === 'SPOT';
  const message = last.event.message ?? '';
  const saysCapacity = /capacity|not available|no .* instances|insufficient/i.test(message);
  return {
    id: 'no-instances',
    kind: 'failure',
    rank: 80,
    time: events[0].time,
    headline: `GameLift could not get ${type ? `${type} ` : ''}instances for the fleet.`,
    cause: saysCapacity
      ? {
          text: `EC2 had no ${spot ? 'Spot ' : ''}capacity for ${type ?? 'the instance type'} where the fleet asked for it.`,
          guess: false,
        }
      : {
          text: `Either EC2 had no capacity for ${type ?? 'the instance type'}, or the account's GameLift quota for it is too low.`,
          guess: true,
        },
    evidence: [
      ...sampleEvidence(ctx, events, 2),
      ctx.configEvidence(`Instance type ${type ?? 'unknown'}, ${spot ? 'Spot' : 'On-Demand'}`),
    ],
    nextSteps: [
      `Check the account's GameLift service quota for ${type ?? 'this instance type'} in this Region (Service Quotas console, "Amazon GameLift Servers"); request an increase if it is 0 or used up.`,
      'Create the fleet with another instance type of the same family or size, or in another Region or location.',
      spot
        ? 'Spot capacity comes and goes: add an On-Demand fleet to the queue as a fallback.'
        : 'Try again later: capacity for scarce types (GPU, new generations) changes over the day.',
    ],
  };
}

export function initializationFailed(ctx: DiagnosisContext): Candidate | undefined {
  const events = ctx.index.of('FLEET_INITIALIZATION_FAILED');
  if (events.length === 0) return undefined;
  const last = events[events.length - 1];
  return {
    id: 'initialization-failed',
    kind: 'failure',
    rank: 60,
    time: events[0].time,
    recovered: ctx.progressedAfter(last.time),
    headline: "GameLift could not set up the fleet's first instance.",
    ...(last.event.message
      ? { cause: { text: `The event says: ${quote(last.event.message, 200)}`, guess: false } }
      : {}),
    evidence: sampleEvidence(ctx, events, 2),
    nextSteps: [
      'If the fleet has an instance role, check that its trust policy allows gamelift.amazonaws.com to assume it.',
      'Create the fleet again; if it fails the same way, contact AWS Support with the fleet ID.',
    ],
  };
}

/** The last resort for a fleet in ERROR whose events match no story. */
export function unexplainedError(ctx: DiagnosisContext): Candidate {
  const errorEvent = ctx.index.last('FLEET_STATE_ERROR');
  const recent = ctx.index.all.slice(-3);
  return {
    id: 'error-unexplained',
    kind: 'failure',
    rank: 1,
    time: errorEvent?.time ?? ctx.now,
    headline: 'The fleet is in ERROR, and its events do not say why.',
    evidence: (errorEvent ? [errorEvent] : recent).map((e) => ctx.eventEvidence(e)),
    nextSteps: [
      "Open the logs of the fleet's creation events (those with a log link): they often hold the failing step.",
      ctx.input.eventsComplete === false
        ? "Only part of the fleet's history was read; read all its events since creation."
        : 'Create the fleet again; if it fails the same way, contact AWS Support with the fleet ID.',
    ],
  };
}
