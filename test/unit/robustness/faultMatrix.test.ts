// Every cell of the fault matrix (operation × fault) as its own test: what the user sees
// (the SDK's retries absorbed it, or an error with a clear message and Retry), and after
// recovery every fleet / event the local endpoint holds is shown exactly once.
import * as assert from 'node:assert/strict';
import { DEFAULT_TEST_ACCOUNT } from '../../emulator/credentials';
import {
  FAULT_LABELS,
  MATRIX_FAULTS,
  MATRIX_OPERATIONS,
  runCell,
  type MatrixFault,
  type MatrixOperation,
} from './faultMatrix';

interface Expectation {
  /** 'ok' or the error kind the tree shows. */
  readonly outcome: string;
  /** Exact SDK retry count, or a minimum as [min]. */
  readonly retries: number | [number];
  readonly retryable?: boolean;
}

/** What each fault must look like to the user (DEFAULT_MAX_ATTEMPTS = 5, so 4 retries at most). */
function expectationFor(operation: MatrixOperation, fault: MatrixFault): Expectation {
  switch (fault) {
    case 'spikeOnce':
      return { outcome: 'ok', retries: [1] };
    case 'spikeAlways':
      return { outcome: 'network', retries: 4, retryable: true };
    case 'throttleThenOk':
      return { outcome: 'ok', retries: 3 };
    case 'throttleForever':
      return { outcome: 'throttled', retries: 4, retryable: true };
    case 'internalOnce':
      return { outcome: 'ok', retries: 1 };
    case 'malformedJson':
      return { outcome: 'malformedResponse', retries: 0, retryable: true };
    case 'missingList':
      return { outcome: 'malformedResponse', retries: 0, retryable: true };
    // ListFleets has no timestamps, so there is nothing to get wrong.
    case 'timeAsString':
      return operation === 'ListFleets'
        ? { outcome: 'ok', retries: 0 }
        : { outcome: 'malformedResponse', retries: 0, retryable: true };
    case 'resetMidPage':
      return { outcome: 'ok', retries: 1 };
    // The SDK reads the server's Date header, corrects its clock and signs again.
    case 'clockSkew':
      return { outcome: 'ok', retries: 1 };
    case 'badSignature':
      return { outcome: 'credentials', retries: 0, retryable: false };
    case 'deletedBetweenPages':
      if (operation === 'ListFleets') return { outcome: 'ok', retries: 0 };
      if (operation === 'DescribeFleetAttributes') return { outcome: 'ok', retries: 0 };
      return { outcome: 'notFound', retries: 0, retryable: false };
  }
}

describe('Fault matrix (local endpoint, real SDK, explorer model)', function () {
  this.timeout(30_000);
  for (const operation of MATRIX_OPERATIONS) {
    describe(operation, () => {
      for (const fault of MATRIX_FAULTS) {
        it(`${FAULT_LABELS[fault]}`, async () => {
          const cell = await runCell(operation, fault);
          const want = expectationFor(operation, fault);
          assert.equal(cell.firstOutcome, want.outcome, `first load: ${cell.message ?? 'ok'}`);
          if (Array.isArray(want.retries))
            assert.ok(cell.retries >= want.retries[0], `at least ${want.retries[0]} SDK retries, got ${cell.retries}`);
          else assert.equal(cell.retries, want.retries, 'SDK retries');
          if (want.outcome !== 'ok') {
            assert.equal(cell.retryable, want.retryable, 'retryable');
            const message = cell.message ?? '';
            // Clear and in context: what was being done, where, and no raw SDK noise.
            assert.match(
              message,
              operation === 'DescribeFleetEvents'
                ? /^Fetching events for fleet-eeeeeeee-/
                : /^Listing fleets in us-west-2: /,
            );
            assert.match(message, /us-west-2/);
            assert.doesNotMatch(message, /Deserialization error|\$response|undefined|\[object Object\]/);
            assert.ok(
              !message.includes(DEFAULT_TEST_ACCOUNT.secretAccessKey) &&
                !message.includes(DEFAULT_TEST_ACCOUNT.accessKeyId),
              'no credentials in the message',
            );
            assert.ok(message.length < 500, `short enough to read in a tree node and its tooltip (${message.length})`);
            assert.ok(!/profile "local-dev".*profile "local-dev"/.test(message), `names the profile once: ${message}`);
          }
          assert.equal(cell.userRetry, want.outcome !== 'ok');
          assert.ok(cell.exactlyOnce, `exactly once after recovery: ${cell.problem}`);
        });
      }
    });
  }
});
