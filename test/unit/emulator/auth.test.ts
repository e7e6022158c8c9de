// SigV4 checks of the local endpoint: the real SDK signs and is accepted; a wrong secret, an
// unknown key, a tampered body, a missing header and a stale signature are refused with the
// error names AWS uses. The credential scope picks the region and the key picks the account.
import { GameLiftClient, ListFleetsCommand } from '@aws-sdk/client-gamelift';
import * as assert from 'node:assert/strict';
import { TEST_ACCOUNTS } from '../../emulator/credentials';
import { DEFAULT_FLEETS } from '../../emulator/fixtures';
import { type RunningEmulator, startEmulator } from '../../emulator/server';
import { clientFor, rawCall, rejection } from './helpers';

describe('emulator SigV4 authentication', () => {
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await startEmulator({ scenario: 'default' });
  });
  after(() => emulator.stop());

  it('accepts the SDK signature of each test account and scopes fleets to that account', async () => {
    const dev = await clientFor(emulator).send(new ListFleetsCommand({}));
    const qa = await clientFor(emulator, { account: TEST_ACCOUNTS[1] }).send(new ListFleetsCommand({}));
    assert.ok(dev.FleetIds?.includes(DEFAULT_FLEETS.busy));
    assert.ok(!dev.FleetIds?.includes(DEFAULT_FLEETS.qaSmoke));
    assert.deepEqual([...(qa.FleetIds ?? [])].sort(), [DEFAULT_FLEETS.qaSmoke, DEFAULT_FLEETS.qaSoak].sort());
  });

  it('accepts temporary credentials (the session token is signed along)', async () => {
    const account = TEST_ACCOUNTS[0];
    const client = new GameLiftClient({
      endpoint: emulator.url,
      region: 'us-west-2',
      credentials: {
        accessKeyId: account.accessKeyId,
        secretAccessKey: account.secretAccessKey,
        sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLE//token+with/slashes=',
      },
      maxAttempts: 1,
    });
    const out = await client.send(new ListFleetsCommand({ Limit: 2 }));
    assert.equal(out.FleetIds?.length, 2);
  });

  it('takes the region from the credential scope', async () => {
    const eu = await clientFor(emulator, { region: 'eu-west-1' }).send(new ListFleetsCommand({}));
    assert.deepEqual(
      [...(eu.FleetIds ?? [])].sort(),
      [DEFAULT_FLEETS.euActive, DEFAULT_FLEETS.euValidationFailed, DEFAULT_FLEETS.euNoInstances].sort(),
    );
    const empty = await clientFor(emulator, { region: 'ap-south-1' }).send(new ListFleetsCommand({}));
    assert.deepEqual(empty.FleetIds, []);
  });

  it('refuses a wrong secret with InvalidSignatureException (403)', async () => {
    const client = clientFor(emulator, { secretAccessKey: 'not-the-secret', maxAttempts: 1 });
    const failure = await rejection(client.send(new ListFleetsCommand({})));
    assert.equal(failure.name, 'InvalidSignatureException');
    assert.equal(failure.status, 403);
  });

  it('refuses an unknown access key with UnrecognizedClientException (403)', async () => {
    const stranger = {
      profile: 'x',
      accountId: '999999999999',
      accessKeyId: 'AKIAUNKNOWNKEY000000',
      secretAccessKey: 'whatever',
    };
    const failure = await rejection(
      clientFor(emulator, { account: stranger, maxAttempts: 1 }).send(new ListFleetsCommand({})),
    );
    assert.equal(failure.name, 'UnrecognizedClientException');
    assert.equal(failure.status, 403);
  });

  it('refuses a request without Authorization with MissingAuthenticationTokenException (403)', async () => {
    const res = await rawCall(emulator, { target: 'GameLift.ListFleets', unsigned: true });
    assert.equal(res.status, 403);
    assert.equal(res.json().__type, 'MissingAuthenticationTokenException');
  });

  it('refuses a body changed after signing', async () => {
    const ok = await rawCall(emulator, { target: 'GameLift.ListFleets', body: '{"Limit":1}' });
    assert.equal(ok.status, 200);
    const tampered = await rawCall(emulator, {
      target: 'GameLift.ListFleets',
      body: '{"Limit":1}',
      sentBody: '{"Limit":2}',
    });
    assert.equal(tampered.status, 403);
    assert.equal(tampered.json().__type, 'InvalidSignatureException');
  });

  it('refuses a signature made with the right key for the wrong secret in a raw request', async () => {
    const res = await rawCall(emulator, {
      target: 'GameLift.ListFleets',
      secretAccessKey: `${TEST_ACCOUNTS[0].secretAccessKey}x`,
    });
    assert.equal(res.status, 403);
    assert.equal(res.json().__type, 'InvalidSignatureException');
  });

  it('refuses a malformed Authorization header and a credential scoped to another service', async () => {
    const malformed = await rawCall(emulator, {
      target: 'GameLift.ListFleets',
      authorization: 'AWS4-HMAC-SHA256 Credential=AKIALOCALGAMELIFT001',
    });
    assert.equal(malformed.status, 403);
    assert.equal(malformed.json().__type, 'IncompleteSignatureException');
    const basic = await rawCall(emulator, { target: 'GameLift.ListFleets', authorization: 'Basic dXNlcjpwYXNz' });
    assert.equal(basic.json().__type, 'IncompleteSignatureException');
    const s3 = await rawCall(emulator, { target: 'GameLift.ListFleets', service: 's3' });
    assert.equal(s3.status, 403);
    assert.equal(s3.json().__type, 'InvalidSignatureException');
    assert.match(s3.json().message, /gamelift/);
  });

  it('refuses a signature older than 15 minutes but accepts one 10 minutes old', async () => {
    const stale = await rawCall(emulator, {
      target: 'GameLift.ListFleets',
      signingDate: new Date(Date.now() - 16 * 60_000),
    });
    assert.equal(stale.status, 403);
    assert.equal(stale.json().__type, 'InvalidSignatureException');
    assert.match(stale.json().message, /Signature expired/);
    const recent = await rawCall(emulator, {
      target: 'GameLift.ListFleets',
      signingDate: new Date(Date.now() - 10 * 60_000),
    });
    assert.equal(recent.status, 200);
  });

  it('lets the SDK correct its clock when the endpoint clock has moved on', async () => {
    const skewed = await startEmulator({ scenario: 'default', now: () => Date.now() + 60 * 60_000 });
    try {
      emulatorRequestsCleared(skewed);
      const out = await clientFor(skewed, { maxAttempts: 2 }).send(new ListFleetsCommand({}));
      assert.ok((out.FleetIds ?? []).length > 0);
      // first attempt refused as expired, the retry signed with the corrected clock
      assert.deepEqual(
        skewed.requests.map((r) => [r.status, r.errorCode]),
        [
          [403, 'InvalidSignatureException'],
          [200, undefined],
        ],
      );
    } finally {
      await skewed.stop();
    }
  });
});

function emulatorRequestsCleared(emulator: RunningEmulator): void {
  emulator.resetRequests();
  assert.equal(emulator.requests.length, 0);
}
