// Variants of the stories the scenario fleets do not show: other wordings of the same
// failure in logs and messages, the other OS, trends that fall, locations known only from
// events, and the edges of the thresholds. Built by hand from short event sequences.
import * as assert from 'node:assert/strict';
import { diagnoseFleet, type DiagnosisEvent, type DiagnosisInput } from '../../../src/diagnosis';
import type { FleetSummary } from '../../../src/gamelift/types';

const NOW = Date.UTC(2026, 4, 11, 12, 0, 0);
const MIN = 60_000;

let counter = 0;
function ev(code: string, minutesAgo: number, extra: Partial<DiagnosisEvent> = {}): DiagnosisEvent {
  counter += 1;
  return { eventId: `e-${counter}`, eventCode: code, eventTime: NOW - minutesAgo * MIN, ...extra };
}

function input(
  fleet: Partial<FleetSummary>,
  events: DiagnosisEvent[],
  extra: Partial<DiagnosisInput> = {},
): DiagnosisInput {
  return {
    fleet: {
      fleetId: 'fleet-11111111-2222-4333-8444-555555555555',
      status: 'ERROR',
      operatingSystem: 'AMAZON_LINUX_2',
      instanceType: 'c5.large',
      fleetType: 'ON_DEMAND',
      creationTime: NOW - 300 * MIN,
      ...fleet,
    },
    events,
    now: NOW,
    ...extra,
  };
}

const creationUntilInstaller = () => [
  ev('FLEET_CREATED', 100),
  ev('FLEET_STATE_DOWNLOADING', 99),
  ev('FLEET_CREATION_EXTRACTING_BUILD', 98),
  ev('FLEET_CREATION_RUNNING_INSTALLER', 97),
];

/** The agent's own message when install.sh cannot be started (seen in public issue trackers). */
const cannotRunInstaller = () => [
  ...creationUntilInstaller(),
  ev('FLEET_CREATION_FAILED_INSTALLER', 96, {
    message:
      'Cannot run program "/local/game/install.sh" (in directory "/local/game"): error=2, No such file or directory',
  }),
  ev('FLEET_STATE_ERROR', 95),
];

describe('diagnosis variants', () => {
  it("CRLF pasted as ^M and as $'\\r': command not found are both proof", () => {
    for (const line of [
      '/bin/bash^M: bad interpreter: No such file or directory',
      "install.sh: line 2: $'\\r': command not found",
    ]) {
      const events = [
        ...creationUntilInstaller(),
        ev('FLEET_CREATION_FAILED_INSTALLER', 96),
        ev('FLEET_STATE_ERROR', 95),
      ];
      const failed = events[4];
      const d = diagnoseFleet(
        input({}, events, { logs: [{ eventId: failed.eventId, text: `start\n${line}\nexit 126\n` }] }),
      );
      assert.equal(d.id, 'installer-failed', line);
      assert.match(d.headline, /CRLF/, line);
      assert.equal(d.cause?.guess, false, line);
      assert.equal(d.evidence.find((e) => e.kind === 'log')?.line, 2, line);
    }
  });

  it('"Cannot run program … install.sh … error=2" without a log: CRLF is the likely cause, marked as a guess', () => {
    const events = cannotRunInstaller();
    const d = diagnoseFleet(input({}, events));
    assert.equal(d.headline, 'install.sh exists but could not be started ("No such file or directory").');
    assert.equal(d.cause?.guess, true);
    assert.match(d.cause.text, /CRLF/);
  });

  it('…but when the extraction log lists no install script, the script is missing, not broken', () => {
    const events = cannotRunInstaller();
    const extract = events[2];
    const d = diagnoseFleet(
      input({}, events, {
        logs: [
          {
            eventId: extract.eventId,
            text: 'extracted: /local/game/server/install.sh\nextracted: /local/game/bin/Server\n',
          },
        ],
      }),
    );
    assert.equal(d.headline, 'GameLift could not find install.sh at the root of the build.');
    assert.equal(d.cause?.guess, false);
  });

  it('a missing tool reported by the shell names it, and Amazon Linux 2 is told to use yum', () => {
    const events = [
      ...creationUntilInstaller(),
      ev('FLEET_CREATION_FAILED_INSTALLER', 96),
      ev('FLEET_STATE_ERROR', 95),
    ];
    const d = diagnoseFleet(
      input({}, events, {
        logs: [{ eventId: events[4].eventId, text: '+ cmake ..\n./install.sh: line 7: cmake: command not found\n' }],
      }),
    );
    assert.equal(d.headline, 'The install script needs cmake, which the instance does not have.');
    assert.ok(d.nextSteps.some((s) => s.includes('`sudo yum install -y cmake`')));
  });

  it('an x86_64 build on a Graviton instance: "Exec format error" plus the instance type', () => {
    const events = [
      ev('FLEET_CREATED', 60),
      ev('FLEET_STATE_VALIDATING', 50),
      ev('FLEET_VALIDATION_EXECUTABLE_RUNTIME_FAILURE', 40, {
        message:
          'Executable /local/game/bin/Server exited with code 126: cannot execute binary file: Exec format error',
      }),
      ev('FLEET_STATE_ERROR', 39),
    ];
    const d = diagnoseFleet(input({ instanceType: 'c7g.large' }, events));
    assert.equal(d.id, 'executable-failed');
    assert.match(d.cause!.text, /c7g\.large is an ARM \(Graviton\) instance/);
    assert.equal(d.cause?.guess, false);
    assert.ok(d.evidence.some((e) => e.kind === 'config' && e.text.includes('Graviton')));
  });

  it('a Linux launch path on a Windows fleet, and a launch script instead of the executable', () => {
    const events = [
      ev('FLEET_CREATED', 60),
      ev('FLEET_STATE_VALIDATING', 50),
      ev('FLEET_VALIDATION_LAUNCH_PATH_NOT_FOUND', 40),
      ev('FLEET_STATE_ERROR', 39),
    ];
    const windows = diagnoseFleet(
      input({ operatingSystem: 'WINDOWS_2022' }, events, {
        runtimeConfiguration: { serverProcesses: [{ launchPath: '/local/game/Server', concurrentExecutions: 1 }] },
      }),
    );
    assert.deepEqual(windows.launchPaths?.[0].problems, ['it is a Linux path, but the fleet runs WINDOWS_2022']);
    const script = diagnoseFleet(
      input({}, events, {
        runtimeConfiguration: { serverProcesses: [{ launchPath: '/local/game/start.sh', concurrentExecutions: 1 }] },
      }),
    );
    assert.match(script.launchPaths![0].problems[0], /it is a script/);
    // Windows paths compare without regard to case, as Windows does.
    const extract = ev('FLEET_CREATION_EXTRACTING_BUILD', 55);
    const caseOnly = diagnoseFleet(
      input({ operatingSystem: 'WINDOWS_2022', status: 'ACTIVE' }, [extract], {
        runtimeConfiguration: { serverProcesses: [{ launchPath: 'C:\\Game\\Server.EXE', concurrentExecutions: 1 }] },
        logs: [{ eventId: extract.eventId, text: 'extracted: C:\\game\\server.exe\n' }],
      }),
    );
    assert.deepEqual(caseOnly.launchPaths?.[0], {
      launchPath: 'C:\\Game\\Server.EXE',
      concurrentExecutions: 1,
      found: true,
      problems: [],
    });
  });

  it('a crash rate that falls is still a loop, and says it is falling; fewer than 6 in 6 h is not', () => {
    const crashes = (counts: number[]) =>
      counts.flatMap((c, h) => (c === 0 ? [] : [ev('SERVER_PROCESS_CRASHED', (12 - h) * 60 - 10, { count: c })]));
    const falling = diagnoseFleet(input({ status: 'ACTIVE' }, crashes([5, 5, 5, 5, 5, 5, 2, 2, 1, 1, 1, 1])));
    assert.equal(falling.id, 'crash-loop');
    assert.match(falling.headline, /8 crashes in the last 6 h, but falling/);
    assert.match(falling.cause!.text, /down from 5 per hour/);
    const calm = diagnoseFleet(input({ status: 'ACTIVE' }, crashes([0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 0])));
    assert.equal(calm.verdict, 'healthy');
  });

  it('an ACTIVE fleet whose new processes keep timing out before InitSDK', () => {
    const msg = 'The server process did not call InitSDK() within the time expected.';
    const events = [10, 50, 90, 130].map((m) => ev('SERVER_PROCESS_SDK_INITIALIZATION_TIMEOUT', m, { message: msg }));
    const d = diagnoseFleet(input({ status: 'ACTIVE' }, events));
    assert.equal(d.verdict, 'degraded');
    assert.equal(d.id, 'no-initsdk');
    assert.match(d.headline, /4 processes did not call InitSDK\(\) in time in the last 6 h/);
    assert.ok(d.hints.length > 0);
  });

  it('a location in ERROR known only from its events, and one that recovered', () => {
    const events = [
      ev('LOCATION_STATE_ERROR', 90, { message: 'Fleet location sa-east-1 for fleet x changed state to ERROR.' }),
      ev('LOCATION_STATE_ERROR', 80, { message: 'Fleet location eu-central-1 for fleet x changed state to ERROR.' }),
      ev('LOCATION_STATE_ACTIVE', 20, { message: 'Fleet location eu-central-1 for fleet x changed state to ACTIVE.' }),
    ];
    const d = diagnoseFleet(input({ status: 'ACTIVE' }, events));
    assert.equal(d.id, 'location-error');
    assert.match(d.headline, /location sa-east-1 is in ERROR/);
    assert.equal(d.cause?.guess, true);
  });

  it('a VPC peering failure that was followed by a success is no longer a problem', () => {
    const d = diagnoseFleet(
      input({ status: 'ACTIVE' }, [
        ev('FLEET_VPC_PEERING_FAILED', 90, { message: 'failed' }),
        ev('FLEET_VPC_PEERING_SUCCEEDED', 60),
      ]),
    );
    assert.equal(d.verdict, 'healthy');
  });

  it('an ERROR fleet whose events explain nothing says so instead of guessing', () => {
    const d = diagnoseFleet(
      input({}, [ev('FLEET_CREATED', 60), ev('FLEET_STATE_ERROR', 30)], { eventsComplete: false }),
    );
    assert.equal(d.verdict, 'failed');
    assert.equal(d.id, 'error-unexplained');
    assert.equal(d.cause, undefined);
    assert.ok(d.evidence.some((e) => e.kind === 'config' && e.text.startsWith('Only the newest 2 events were read')));
  });

  it('a fleet in DELETING too long is stuck; a deleted fleet has nothing to repair', () => {
    const del = diagnoseFleet(input({ status: 'DELETING' }, [ev('FLEET_DELETED', 200)]));
    assert.equal(del.verdict, 'stuck');
    assert.match(del.headline, /^Stuck in DELETING: no new event for 3 h 20 min/);
    const gone = diagnoseFleet(input({ status: 'TERMINATED' }, [ev('FLEET_DELETED', 200)]));
    assert.equal(gone.verdict, 'healthy');
    assert.equal(gone.id, 'settled');
  });

  it('events in any order and without times do not change the answer', () => {
    const events = [
      ...creationUntilInstaller(),
      ev('FLEET_CREATION_FAILED_INSTALLER', 96, { message: 'Install script exited with code 2.' }),
      ev('FLEET_STATE_ERROR', 95),
    ];
    const a = diagnoseFleet(input({}, events));
    const b = diagnoseFleet(input({}, [...events].reverse()));
    const c = diagnoseFleet(input({}, [...events.slice(3), ...events.slice(0, 3)]));
    assert.deepEqual(b, a);
    assert.deepEqual(c, a);
    const untimed = diagnoseFleet(
      input(
        {},
        events.map(({ eventTime: _drop, ...e }) => e),
      ),
    );
    assert.equal(untimed.verdict, 'failed');
  });

  it('marks bidi control characters and removes secrets in evidence taken from service text', () => {
    const d = diagnoseFleet(
      input({}, [
        ev('FLEET_CREATED', 60),
        ev('FLEET_INITIALIZATION_FAILED', 50, {
          message:
            'role \u202Egnp.exe\u202C failed; aws_secret_access_key=abcd1234SECRET https://b.s3.amazonaws.com/x?X-Amz-Signature=ff',
        }),
        ev('FLEET_STATE_ERROR', 49),
      ]),
    );
    const text = JSON.stringify(d);
    assert.ok(!/[\u202A-\u202E\u2066-\u2069]/.test(text), 'no raw bidi control is left');
    assert.ok(text.includes('[U+202E]gnp.exe[U+202C]'));
    assert.ok(!text.includes('abcd1234SECRET'));
    assert.ok(!text.includes('X-Amz-Signature'));
  });
});
