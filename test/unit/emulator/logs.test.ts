// Presigned log URLs: minted fresh on every DescribeFleetEvents response, pointing at the
// endpoint itself, served until 15 minutes after minting and then refused like S3 does
// ("Request has expired"). The endpoint clock is advanced instead of waiting.
import { DescribeFleetEventsCommand, type GameLiftClient } from '@aws-sdk/client-gamelift';
import * as assert from 'node:assert/strict';
import { DEFAULT_FLEETS } from '../../emulator/fixtures';
import { type RunningEmulator, startEmulator } from '../../emulator/server';
import { clientFor } from './helpers';

describe('emulator presigned event logs', () => {
  let emulator: RunningEmulator;
  let client: GameLiftClient;
  let clock: number;
  beforeEach(async () => {
    clock = Date.now();
    emulator = await startEmulator({ scenario: 'default', now: () => clock });
    client = clientFor(emulator);
  });
  afterEach(() => emulator.stop());

  async function logUrl(): Promise<{ url: string; eventId: string; eventCode: string }> {
    const out = await client.send(new DescribeFleetEventsCommand({ FleetId: DEFAULT_FLEETS.failedActivation }));
    const event = out.Events?.find((e) => e.EventCode === 'FLEET_ACTIVATION_FAILED');
    assert.ok(event?.PreSignedLogUrl, 'FLEET_ACTIVATION_FAILED carries a log URL');
    return { url: event.PreSignedLogUrl, eventId: event.EventId!, eventCode: event.EventCode! };
  }

  it('points at the endpoint with S3-style SigV4 query parameters, within the modelled 1024 characters', async () => {
    const { url, eventId } = await logUrl();
    const parsed = new URL(url);
    assert.equal(parsed.origin, emulator.url);
    assert.equal(parsed.pathname, `/logs/${DEFAULT_FLEETS.failedActivation}/${eventId}.txt`);
    assert.equal(parsed.searchParams.get('X-Amz-Algorithm'), 'AWS4-HMAC-SHA256');
    assert.equal(parsed.searchParams.get('X-Amz-Expires'), '900');
    assert.match(parsed.searchParams.get('X-Amz-Credential') ?? '', /^[A-Z0-9]+\/\d{8}\/us-west-2\/s3\/aws4_request$/);
    assert.match(parsed.searchParams.get('X-Amz-Signature') ?? '', /^[0-9a-f]{64}$/);
    assert.ok(url.length <= 1024);
  });

  it('serves a plausible log text until 15 minutes after minting, then 403 "Request has expired"', async () => {
    const { url, eventCode } = await logUrl();
    const ok = await fetch(url);
    assert.equal(ok.status, 200);
    assert.match(ok.headers.get('content-type') ?? '', /^text\/plain/);
    const text = await ok.text();
    assert.match(text, /ProcessReady|server process/);
    assert.ok(text.includes(eventCode));
    assert.ok(text.includes(DEFAULT_FLEETS.failedActivation));

    clock += 14 * 60_000;
    assert.equal((await fetch(url)).status, 200, 'still valid at 14 minutes');
    clock += 2 * 60_000;
    const expired = await fetch(url);
    assert.equal(expired.status, 403);
    assert.match(expired.headers.get('content-type') ?? '', /xml/);
    const xml = await expired.text();
    assert.match(xml, /<Code>AccessDenied<\/Code>/);
    assert.match(xml, /<Message>Request has expired<\/Message>/);
    assert.match(xml, /<X-Amz-Expires>900<\/X-Amz-Expires>/);
  });

  it('mints a new URL on every fetch, and the new one works after the old one expired', async () => {
    const first = await logUrl();
    clock += 60_000;
    const second = await logUrl();
    assert.notEqual(second.url, first.url);
    assert.equal(second.eventId, first.eventId);
    clock += 14.5 * 60_000; // 15.5 minutes after the first, 14.5 after the second
    assert.equal((await fetch(first.url)).status, 403);
    assert.equal((await fetch(second.url)).status, 200);
  });

  it('refuses a URL whose signature or path was changed', async () => {
    const { url } = await logUrl();
    const sig = new URL(url);
    const original = sig.searchParams.get('X-Amz-Signature')!;
    sig.searchParams.set(
      'X-Amz-Signature',
      original.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')),
    );
    const badSig = await fetch(sig);
    assert.equal(badSig.status, 403);
    assert.match(await badSig.text(), /SignatureDoesNotMatch/);
    const longer = new URL(url);
    longer.searchParams.set('X-Amz-Expires', '604800');
    assert.equal((await fetch(longer)).status, 403, 'extending the expiry breaks the signature');
    const other = new URL(url);
    other.pathname = other.pathname.replace(/[0-9a-f]{4}\.txt$/, '0000.txt');
    assert.equal((await fetch(other)).status, 403);
  });

  it('serves logs of events whose IDs need escaping in a URL', async () => {
    const odd = `evt "quoted" /slash/ ünïcode & ?query#frag ${"'"}(x)*!`;
    emulator.state.addEvent(DEFAULT_FLEETS.spot, {
      eventCode: 'SERVER_PROCESS_CRASHED',
      eventId: odd,
      hasLog: true,
      logText: 'odd id log\n',
    });
    const out = await client.send(new DescribeFleetEventsCommand({ FleetId: DEFAULT_FLEETS.spot, Limit: 1 }));
    assert.equal(out.Events?.[0].EventId, odd);
    const url = out.Events[0].PreSignedLogUrl!;
    const res = await fetch(url);
    assert.equal(res.status, 200);
    assert.equal(await res.text(), 'odd id log\n');
  });

  it('answers 404 NoSuchKey once the fleet is gone', async () => {
    const { url } = await logUrl();
    emulator.state.deleteFleet(DEFAULT_FLEETS.failedActivation);
    const gone = await fetch(url);
    assert.equal(gone.status, 404);
    assert.match(await gone.text(), /NoSuchKey/);
  });

  it('serves a custom log text and lets the control endpoint move the clock', async () => {
    const added = emulator.state.addEvent(DEFAULT_FLEETS.spot, {
      eventCode: 'SERVER_PROCESS_CRASHED',
      hasLog: true,
      logText: 'custom log line\n',
    });
    const out = await client.send(new DescribeFleetEventsCommand({ FleetId: DEFAULT_FLEETS.spot, Limit: 1 }));
    assert.equal(out.Events?.[0].EventId, added.eventId);
    const url = out.Events[0].PreSignedLogUrl!;
    assert.equal(await (await fetch(url)).text(), 'custom log line\n');
    const moved = await fetch(`${emulator.url}/__emulator/clock`, {
      method: 'POST',
      body: JSON.stringify({ advanceMs: 16 * 60_000 }),
    });
    assert.equal(moved.status, 200);
    assert.equal((await fetch(url)).status, 403);
  });
});
