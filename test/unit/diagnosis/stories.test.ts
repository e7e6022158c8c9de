// Every story of issue 16 §2, each from the event sequence (and logs, runtime configuration,
// locations) of its fleet in the local endpoint's default scenario (local-dev, us-east-2).
import * as assert from 'node:assert/strict';
import { diagnoseFleet, type Diagnosis, type Evidence } from '../../../src/diagnosis';
import { DEFAULT_FLEETS, DIAGNOSIS_FLEETS } from '../../emulator/fixtures';
import { STORY_NOW, storyFleet, storyInput } from './storyInput';

function diagnose(fleetId: string, options?: Parameters<typeof storyInput>[1]): Diagnosis {
  return diagnoseFleet(storyInput(fleetId, options));
}

function kinds(d: Diagnosis): string[] {
  return d.evidence.map((e) => e.kind);
}

/** The log evidence lines' texts. */
function logTexts(d: Diagnosis): string[] {
  return d.evidence.filter((e) => e.kind === 'log').map((e) => e.text);
}

function eventCodes(d: Diagnosis, fleetId: string): string[] {
  const fleet = storyFleet(fleetId);
  return d.evidence
    .filter((e): e is Evidence & { eventId: string } => e.kind === 'event' && !!e.eventId)
    .map((e) => fleet.events.find((x) => x.eventId === e.eventId)!.eventCode);
}

describe('diagnosis stories (default scenario, us-east-2)', () => {
  it('build download or extraction failed: the damaged archive, from the download log', () => {
    const d = diagnose(DIAGNOSIS_FLEETS.buildDownload);
    assert.equal(d.verdict, 'failed');
    assert.equal(d.id, 'build-download-failed');
    assert.deepEqual([d.phase.reached, d.phase.stoppedAt, d.phase.step], ['DOWNLOADING', 'DOWNLOADING', 'download']);
    assert.match(d.headline, /could not be extracted/);
    assert.equal(d.cause?.guess, false);
    assert.match(d.cause.text, /damaged or incomplete/);
    assert.ok(logTexts(d).some((t) => t.includes('End-of-central-directory signature not found')));
    assert.ok(d.nextSteps.some((s) => s.includes('upload-build')));
  });

  it('installer failed on CRLF line endings: the bad-interpreter line, with its number', () => {
    const d = diagnose(DIAGNOSIS_FLEETS.installerCrlf);
    assert.equal(d.verdict, 'failed');
    assert.equal(d.id, 'installer-failed');
    assert.deepEqual([d.phase.stoppedAt, d.phase.step], ['DOWNLOADING', 'install']);
    assert.match(d.headline, /CRLF/);
    assert.equal(d.cause?.guess, false, 'the ^M in the log proves it');
    const line = d.evidence.find((e) => e.kind === 'log' && e.text.includes('bad interpreter'));
    assert.ok(line, 'the failing line is evidence');
    assert.equal(line.line, 2);
    assert.match(line.text, /\/bin\/bash\^M: bad interpreter/, 'the carriage return is shown as ^M');
    assert.ok(d.nextSteps.some((s) => s.includes('dos2unix')));
    assert.ok(d.nextSteps.some((s) => s.includes('eol=lf')));
  });

  it('installer failed on a missing tool: names make and how to install it on the fleet’s OS', () => {
    const d = diagnose(DIAGNOSIS_FLEETS.installerTools);
    assert.equal(d.id, 'installer-failed');
    assert.equal(d.headline, 'The install script needs make, which the instance does not have.');
    assert.equal(d.cause?.guess, false);
    assert.ok(logTexts(d).some((t) => t.includes('These critical programs are missing or too old: make')));
    assert.ok(
      d.nextSteps.some((s) => s.includes('`sudo dnf install -y make`')),
      'AL2023 uses dnf',
    );
  });

  it('launch path not found: a Windows path on a Linux fleet, with the build file meant', () => {
    const d = diagnose(DIAGNOSIS_FLEETS.launchPathWindows);
    assert.equal(d.id, 'launch-path-not-found');
    assert.deepEqual([d.phase.stoppedAt, d.phase.step], ['VALIDATING', 'validateRuntimeConfig']);
    assert.match(
      d.headline,
      /C:\\game\\ArenaServer\.exe is wrong: it is a Windows path, but the fleet runs AMAZON_LINUX_2023/,
    );
    assert.deepEqual(d.launchPaths, [
      {
        launchPath: 'C:\\game\\ArenaServer.exe',
        parameters: '-batchmode -nographics -port 7777',
        concurrentExecutions: 2,
        found: false,
        problems: [
          'it is a Windows path, but the fleet runs AMAZON_LINUX_2023',
          'the validation log says it was not found',
        ],
        suggestion: '/local/game/ArenaServer.x86_64',
      },
    ]);
    assert.ok(kinds(d).includes('config') && kinds(d).includes('log') && kinds(d).includes('event'));
    assert.ok(d.nextSteps[0].includes('/local/game/ArenaServer.x86_64'));
  });

  it('launch path outside /local/game: says where builds are installed and suggests the file', () => {
    const d = diagnose(DIAGNOSIS_FLEETS.launchPathOutside);
    assert.equal(d.id, 'launch-path-not-found');
    assert.match(d.headline, /outside \/local\/game/);
    assert.equal(d.launchPaths?.[0].suggestion, '/local/game/bin/ArenaServer');
  });

  it('executable runtime failure: the missing shared library, from message and log', () => {
    const d = diagnose(DIAGNOSIS_FLEETS.executableFailure);
    assert.equal(d.id, 'executable-failed');
    assert.deepEqual([d.phase.stoppedAt, d.phase.step], ['VALIDATING', 'launch']);
    assert.equal(d.cause?.text, 'The executable needs libssl.so.1.1, which is not on the instance.');
    assert.ok(logTexts(d).some((t) => t.includes('error while loading shared libraries: libssl.so.1.1')));
  });

  it('validation timed out: how long it waited, the cause marked as a guess', () => {
    const d = diagnose(DIAGNOSIS_FLEETS.validationTimeout);
    assert.equal(d.id, 'validation-timed-out');
    assert.equal(d.phase.stoppedAt, 'VALIDATING');
    assert.match(d.headline, /timed out after 31 min in VALIDATING/);
    assert.equal(d.cause?.guess, true);
  });

  it('activation failed: processes crash on start, with the exit code and the crash line', () => {
    const d = diagnose(DIAGNOSIS_FLEETS.activationFailed);
    assert.equal(d.id, 'crash-on-start');
    assert.deepEqual([d.phase.reached, d.phase.stoppedAt], ['ACTIVATING', 'ACTIVATING']);
    assert.match(d.headline, /9 crashes during activation/);
    assert.match(d.cause!.text, /All 9 crashes .* code 139 \(SIGSEGV/);
    assert.ok(logTexts(d).some((t) => t.includes('Segmentation fault (core dumped) in NavMesh::Build')));
    assert.ok(eventCodes(d, DIAGNOSIS_FLEETS.activationFailed).includes('FLEET_ACTIVATION_FAILED'));
  });

  it('no instances available: instance type and capacity, and the service quota to check', () => {
    const d = diagnose(DIAGNOSIS_FLEETS.noInstances);
    assert.equal(d.id, 'no-instances');
    assert.match(d.headline, /g5\.2xlarge/);
    assert.equal(d.cause?.guess, false, 'the message says no instances were available');
    assert.ok(d.nextSteps.some((s) => /service quota/i.test(s)));
  });

  it('server never calls InitSDK: repeated timeouts, Unity hints marked as hints, -batchmode missing as config', () => {
    const d = diagnose(DIAGNOSIS_FLEETS.noInitSdk);
    assert.equal(d.verdict, 'failed');
    assert.equal(d.id, 'no-initsdk');
    assert.match(d.headline, /never call InitSDK\(\): 6 processes timed out/);
    assert.equal(d.cause?.guess, true);
    assert.ok(d.hints.some((h) => h.startsWith('Unity:') && h.includes('-batchmode -nographics')));
    assert.ok(!d.hints.some((h) => h.startsWith('Unreal:')), 'no Unreal hints for a Unity build');
    assert.ok(d.evidence.some((e) => e.kind === 'config' && /do not include -batchmode/.test(e.text)));
  });

  it('server never calls ProcessReady (still ACTIVATING): degraded, with Unreal hints', () => {
    const d = diagnose(DIAGNOSIS_FLEETS.noProcessReady);
    assert.equal(d.verdict, 'degraded');
    assert.equal(d.id, 'no-processready');
    assert.deepEqual([d.phase.stoppedAt, d.phase.step], ['ACTIVATING', 'launch']);
    assert.match(d.headline, /never ProcessReady\(\): 8 processes/);
    assert.ok(d.hints.some((h) => h.startsWith('Unreal:')));
  });

  it('ACTIVE fleet in a crash loop: the rate per hour and a rising trend', () => {
    const d = diagnose(DIAGNOSIS_FLEETS.crashLoop);
    assert.equal(d.verdict, 'degraded');
    assert.equal(d.id, 'crash-loop');
    assert.equal(d.phase.stoppedAt, undefined);
    assert.match(d.headline, /34 crashes and 3 terminated as unhealthy in the last 6 h, and rising/);
    assert.match(d.cause!.text, /^6\.2 per hour over the last 6 h, up from 1\.3 per hour in the 6 h before\./);
    assert.ok(logTexts(d).some((t) => t.includes('Segmentation fault')));
  });

  it('game sessions failing to activate: the count and the fleet’s activation timeout', () => {
    const d = diagnose(DIAGNOSIS_FLEETS.sessionTimeouts);
    assert.equal(d.id, 'session-activation-timeouts');
    assert.match(d.headline, /8 timed out in the last 24 h/);
    assert.ok(
      d.evidence.some((e) => e.kind === 'config' && e.text.includes('GameSessionActivationTimeoutSeconds = 60')),
    );
  });

  it('Spot interruptions and recycles piling up', () => {
    const d = diagnose(DIAGNOSIS_FLEETS.spotInterruptions);
    assert.equal(d.id, 'spot-interruptions');
    assert.match(d.headline, /4 interrupted and 2 recycled in the last 24 h/);
  });

  it('VPC peering failed on overlapping CIDR blocks', () => {
    const d = diagnose(DIAGNOSIS_FLEETS.vpcPeering);
    assert.equal(d.id, 'vpc-peering-failed');
    assert.match(d.headline, /CIDR block 10\.0\.0\.0\/16 overlaps/);
    assert.equal(d.cause?.guess, false);
  });

  it('a location in ERROR while the home Region is ACTIVE', () => {
    const d = diagnose(DIAGNOSIS_FLEETS.locationError);
    assert.equal(d.id, 'location-error');
    assert.equal(d.headline, 'The fleet is ACTIVE in its home Region, but location ap-southeast-2 is in ERROR.');
    assert.ok(d.evidence.some((e) => e.kind === 'config' && e.text.startsWith('Location ap-southeast-2: ERROR')));
    assert.match(d.cause!.text, /no capacity/);
  });

  it('container group crashes: the essential container and its exit code', () => {
    const d = diagnose(DIAGNOSIS_FLEETS.containerCrashes);
    assert.equal(d.id, 'container-crashes');
    assert.equal(d.phase.track, 'container');
    assert.match(d.cause!.text, /"game-server", exiting with code 137/);
  });

  it('misconfigured container port: the port and the range it should be in', () => {
    const d = diagnose(DIAGNOSIS_FLEETS.containerPorts);
    assert.equal(d.verdict, 'degraded');
    assert.equal(d.id, 'container-port');
    assert.deepEqual(d.phase.steps, ['PENDING', 'CREATING', 'CREATED', 'ACTIVATING', 'ACTIVE']);
    assert.equal(d.phase.stoppedAt, 'ACTIVATING');
    assert.equal(d.headline, "The game server listens on port 7777, outside its container's port range 4192-4282.");
  });

  it('stuck: transitional with no new event far longer than the phase takes, with the numbers', () => {
    const d = diagnose(DIAGNOSIS_FLEETS.stuck);
    assert.equal(d.verdict, 'stuck');
    assert.equal(d.phase.stoppedAt, 'ACTIVATING');
    assert.equal(
      d.headline,
      'Stuck in ACTIVATING: no new event for 3 h 20 min, where this phase usually takes about 20 min.',
    );
    assert.equal(d.cause?.guess, true);
  });

  it('healthy: an ACTIVE fleet with nothing wrong says what it read', () => {
    const d = diagnose(DIAGNOSIS_FLEETS.healthy);
    assert.equal(d.verdict, 'healthy');
    assert.equal(d.id, 'healthy');
    assert.deepEqual(d.also, []);
    assert.match(d.evidence[0].text, /^Read 12 events, from /);
  });

  it('a fleet still on its way is healthy and says how long the phase usually takes', () => {
    const d = diagnose(DEFAULT_FLEETS.activating);
    assert.equal(d.verdict, 'healthy');
    assert.equal(d.id, 'in-progress');
    assert.match(
      d.headline,
      /^Creation is under way: ACTIVATING, last event \d+ min ago; this phase usually takes about 20 min\.$/,
    );
  });

  it('the same fleet becomes stuck when the clock moves on without events', () => {
    const d = diagnose(DEFAULT_FLEETS.activating, { now: STORY_NOW + 3 * 3_600_000 });
    assert.equal(d.verdict, 'stuck');
  });

  it('keeps earlier trouble the fleet moved past as a further finding, not the answer', () => {
    // coop-raid-eu: a download failed, was retried, then the launch path was not found.
    const d = diagnose(DEFAULT_FLEETS.euValidationFailed);
    assert.equal(d.id, 'launch-path-not-found');
    const download = d.also.find((f) => f.id === 'build-download-failed');
    assert.ok(download);
    assert.equal(download.verdict, 'healthy');
    assert.match(download.headline, /moved on after it/);
  });

  it('without logs, a story still stands on the events and says what is not known', () => {
    const d = diagnose(DIAGNOSIS_FLEETS.installerCrlf, { logs: false });
    assert.equal(d.id, 'installer-failed');
    assert.equal(d.headline, "The build's install script failed.");
    assert.deepEqual(d.cause, { text: 'The script exited with code 126.', guess: false });
    assert.ok(d.nextSteps.some((s) => s.includes('Open the log of the FLEET_CREATION_FAILED_INSTALLER event')));
    assert.ok(!kinds(d).includes('log'));
  });
});
