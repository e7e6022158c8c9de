// What the diagnosis says of each scenario fleet of the default scenario (local-dev, us-east-2):
// the verdict, the story and the phase, shared by the gatherer's and the command line's tests
// (the story tests check each in depth).
import type { Verdict } from '../../../src/diagnosis';
import type { DIAGNOSIS_FLEETS } from '../../emulator/fixtures';

export interface ExpectedStory {
  readonly verdict: Verdict;
  readonly id: string;
  /** The phase the fleet stopped in (undefined when nothing stopped). */
  readonly stoppedAt?: string;
  /** Evidence kinds that must be there. */
  readonly evidence: readonly ('event' | 'log' | 'config')[];
}

export const EXPECTED_STORIES: Readonly<Record<keyof typeof DIAGNOSIS_FLEETS, ExpectedStory>> = {
  buildDownload: {
    verdict: 'failed',
    id: 'build-download-failed',
    stoppedAt: 'DOWNLOADING',
    evidence: ['event', 'log'],
  },
  installerCrlf: { verdict: 'failed', id: 'installer-failed', stoppedAt: 'DOWNLOADING', evidence: ['event', 'log'] },
  installerTools: { verdict: 'failed', id: 'installer-failed', stoppedAt: 'DOWNLOADING', evidence: ['event', 'log'] },
  launchPathWindows: {
    verdict: 'failed',
    id: 'launch-path-not-found',
    stoppedAt: 'VALIDATING',
    evidence: ['event', 'config'],
  },
  launchPathOutside: {
    verdict: 'failed',
    id: 'launch-path-not-found',
    stoppedAt: 'VALIDATING',
    evidence: ['event', 'config'],
  },
  executableFailure: {
    verdict: 'failed',
    id: 'executable-failed',
    stoppedAt: 'VALIDATING',
    evidence: ['event', 'log'],
  },
  validationTimeout: { verdict: 'failed', id: 'validation-timed-out', stoppedAt: 'VALIDATING', evidence: ['event'] },
  activationFailed: { verdict: 'failed', id: 'crash-on-start', stoppedAt: 'ACTIVATING', evidence: ['event', 'log'] },
  noInstances: { verdict: 'failed', id: 'no-instances', stoppedAt: 'DOWNLOADING', evidence: ['event'] },
  noInitSdk: { verdict: 'failed', id: 'no-initsdk', stoppedAt: 'ACTIVATING', evidence: ['event'] },
  noProcessReady: { verdict: 'degraded', id: 'no-processready', stoppedAt: 'ACTIVATING', evidence: ['event'] },
  crashLoop: { verdict: 'degraded', id: 'crash-loop', evidence: ['event'] },
  sessionTimeouts: { verdict: 'degraded', id: 'session-activation-timeouts', evidence: ['event'] },
  spotInterruptions: { verdict: 'degraded', id: 'spot-interruptions', evidence: ['event'] },
  vpcPeering: { verdict: 'degraded', id: 'vpc-peering-failed', evidence: ['event'] },
  locationError: { verdict: 'degraded', id: 'location-error', evidence: ['config'] },
  containerCrashes: { verdict: 'degraded', id: 'container-crashes', evidence: ['event'] },
  containerPorts: { verdict: 'degraded', id: 'container-port', stoppedAt: 'ACTIVATING', evidence: ['event'] },
  stuck: { verdict: 'stuck', id: 'stuck', stoppedAt: 'ACTIVATING', evidence: ['event'] },
  healthy: { verdict: 'healthy', id: 'healthy', evidence: ['config'] },
};
