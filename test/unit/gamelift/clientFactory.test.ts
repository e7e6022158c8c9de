// The client factory's choices, checked on the wire: the real SDK sends to a raw HTTP server
// on 127.0.0.1 that records headers. Endpoint precedence (explicit setting > env/profile),
// credentials from a profile in temp shared files, the user agent, timeouts and the cache.
import * as assert from 'node:assert/strict';
import { LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { ListFleetsCommand } from '@aws-sdk/client-gamelift';
import { USER_AGENT, buildClient, clientConfig, createClientFactory } from '../../../src/gamelift/clientFactory';
import { classifyError } from '../../../src/gamelift/errors';
import { TEST_ACCOUNTS } from '../../emulator/credentials';
import { isolateAwsEnv, writeTempFiles } from './helpers/env';
import { startRawEndpoint, type RawEndpoint } from './helpers/rawEndpoint';

const [DEV, QA] = TEST_ACCOUNTS;
const staticCredentials = async () => ({ accessKeyId: DEV.accessKeyId, secretAccessKey: DEV.secretAccessKey });

function accessKeyOf(endpoint: RawEndpoint, index = 0): string | undefined {
  const auth = String(endpoint.requests[index]?.headers.authorization ?? '');
  return /Credential=([^/]+)\//.exec(auth)?.[1];
}

describe('clientFactory', () => {
  let restoreEnv: () => void;
  let a: RawEndpoint;
  let b: RawEndpoint;

  beforeEach(async () => {
    restoreEnv = isolateAwsEnv();
    a = await startRawEndpoint(() => ({ body: { FleetIds: ['fleet-from-a'] } }));
    b = await startRawEndpoint(() => ({ body: { FleetIds: ['fleet-from-b'] } }));
  });
  afterEach(async () => {
    restoreEnv();
    await a.stop();
    await b.stop();
  });

  it('sends to the explicit endpoint, signed for the region, with the extension in the user agent', async () => {
    const client = buildClient(
      'gamelift',
      { region: 'eu-west-1', endpoint: a.url },
      { credentials: staticCredentials },
    );
    const out = await client.send(new ListFleetsCommand({}));
    assert.deepEqual(out.FleetIds, ['fleet-from-a']);
    assert.equal(a.requests.length, 1);
    const headers = a.requests[0].headers;
    assert.equal(headers['x-amz-target'], 'GameLift.ListFleets');
    assert.match(String(headers.authorization), /\/eu-west-1\/gamelift\/aws4_request/);
    const agents = `${headers['user-agent'] ?? ''} ${headers['x-amz-user-agent'] ?? ''}`;
    assert.ok(agents.includes(USER_AGENT), `user agent names the extension: ${agents}`);
    assert.match(USER_AGENT, /^gamelift-fleet-explorer\/\d+\.\d+\.\d+/);
    client.destroy();
  });

  it('adds the user agent suffix', async () => {
    const client = buildClient(
      'gamelift',
      { region: 'us-west-2', endpoint: a.url },
      { credentials: staticCredentials, userAgentSuffix: 'vscode/1.96.0' },
    );
    await client.send(new ListFleetsCommand({}));
    const agents = `${a.requests[0].headers['user-agent'] ?? ''} ${a.requests[0].headers['x-amz-user-agent'] ?? ''}`;
    assert.ok(agents.includes('vscode/1.96.0'), agents);
    client.destroy();
  });

  it('honours AWS_ENDPOINT_URL_GAMELIFT when no endpoint is set', async () => {
    process.env.AWS_ENDPOINT_URL_GAMELIFT = b.url;
    const client = buildClient('gamelift', { region: 'us-west-2' }, { credentials: staticCredentials });
    const out = await client.send(new ListFleetsCommand({}));
    assert.deepEqual(out.FleetIds, ['fleet-from-b']);
    assert.equal(b.requests.length, 1);
    assert.equal(a.requests.length, 0);
    client.destroy();
  });

  it('treats an empty or blank endpoint setting as none (the env still applies)', async () => {
    process.env.AWS_ENDPOINT_URL_GAMELIFT = b.url;
    for (const endpoint of ['', '   ']) {
      assert.equal(clientConfig({ region: 'us-west-2', endpoint }).endpoint, undefined);
      const client = buildClient('gamelift', { region: 'us-west-2', endpoint }, { credentials: staticCredentials });
      await client.send(new ListFleetsCommand({}));
      client.destroy();
    }
    assert.equal(b.requests.length, 2);
  });

  it('builds no client for an endpoint validateEndpoint refuses, saying why', () => {
    for (const endpoint of ['javascript:alert(1)', 'ftp://x', 'http://user:pw@127.0.0.1:1']) {
      assert.throws(
        () => buildClient('gamelift', { region: 'us-west-2', endpoint }, { credentials: staticCredentials }),
        (err: Error) => {
          assert.equal(err.name, 'InvalidEndpointError');
          assert.match(err.message, /GameLift endpoint/);
          assert.doesNotMatch(err.message, /pw@/);
          return true;
        },
      );
    }
    assert.equal(clientConfig({ region: 'us-west-2', endpoint: 'http://127.0.0.1:9' }).endpoint, 'http://127.0.0.1:9');
  });

  it('lets an explicit endpoint win over AWS_ENDPOINT_URL_GAMELIFT', async () => {
    process.env.AWS_ENDPOINT_URL_GAMELIFT = b.url;
    const client = buildClient(
      'gamelift',
      { region: 'us-west-2', endpoint: ` ${a.url} ` },
      { credentials: staticCredentials },
    );
    await client.send(new ListFleetsCommand({}));
    assert.equal(a.requests.length, 1);
    assert.equal(b.requests.length, 0);
    client.destroy();
  });

  it('reads the profile from AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE, including its endpoint_url', async () => {
    const files = writeTempFiles({
      credentials: `[${DEV.profile}]\naws_access_key_id = ${DEV.accessKeyId}\naws_secret_access_key = ${DEV.secretAccessKey}\n\n[${QA.profile}]\naws_access_key_id = ${QA.accessKeyId}\naws_secret_access_key = ${QA.secretAccessKey}\n`,
      config: `[profile ${QA.profile}]\nregion = us-east-1\nendpoint_url = ${b.url}\n\n[profile ${DEV.profile}]\nregion = us-west-2\n`,
    });
    process.env.AWS_CONFIG_FILE = files.paths.config;
    process.env.AWS_SHARED_CREDENTIALS_FILE = files.paths.credentials;

    const qa = buildClient('gamelift', { profile: QA.profile, region: 'us-east-1' });
    await qa.send(new ListFleetsCommand({}));
    assert.equal(b.requests.length, 1, "the profile's endpoint_url is used when no endpoint is set");
    assert.equal(accessKeyOf(b), QA.accessKeyId);
    qa.destroy();

    const dev = buildClient('gamelift', { profile: DEV.profile, region: 'us-west-2', endpoint: a.url });
    await dev.send(new ListFleetsCommand({}));
    assert.equal(accessKeyOf(a), DEV.accessKeyId);
    dev.destroy();
  });

  it("uses the profile's services section, lets the env win over it, and obeys ignore_configured_endpoint_urls", async () => {
    const files = writeTempFiles({
      credentials: `[${QA.profile}]\naws_access_key_id = ${QA.accessKeyId}\naws_secret_access_key = ${QA.secretAccessKey}\n`,
      config: `[profile ${QA.profile}]\nregion = us-east-1\nservices = local\nendpoint_url = http://127.0.0.1:9/not-this-one\n\n[services local]\ngamelift =\n  endpoint_url = ${a.url}\n`,
    });
    process.env.AWS_CONFIG_FILE = files.paths.config;
    process.env.AWS_SHARED_CREDENTIALS_FILE = files.paths.credentials;
    const viaServices = buildClient('gamelift', { profile: QA.profile, region: 'us-east-1' });
    await viaServices.send(new ListFleetsCommand({}));
    assert.equal(a.requests.length, 1);
    viaServices.destroy();

    process.env.AWS_ENDPOINT_URL_GAMELIFT = b.url;
    const viaEnv = buildClient('gamelift', { profile: QA.profile, region: 'us-east-1' });
    await viaEnv.send(new ListFleetsCommand({}));
    assert.equal(b.requests.length, 1, 'AWS_ENDPOINT_URL_GAMELIFT beats the profile');
    viaEnv.destroy();

    process.env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS = 'true';
    const ignoring = buildClient('gamelift', { profile: QA.profile, region: 'us-east-1', endpoint: a.url });
    await ignoring.send(new ListFleetsCommand({}));
    assert.equal(a.requests.length, 2, 'an explicit endpoint still applies when configured ones are ignored');
    ignoring.destroy();
  });

  it("resolves each service's own endpoint: AWS_ENDPOINT_URL_<SERVICE> and the services section key", async () => {
    const files = writeTempFiles({
      credentials: `[${QA.profile}]\naws_access_key_id = ${QA.accessKeyId}\naws_secret_access_key = ${QA.secretAccessKey}\n`,
      config: `[profile ${QA.profile}]\nregion = us-east-1\nservices = local\n\n[services local]\ncloudtrail =\n  endpoint_url = ${a.url}\ngamelift =\n  endpoint_url = ${b.url}\n`,
    });
    process.env.AWS_CONFIG_FILE = files.paths.config;
    process.env.AWS_SHARED_CREDENTIALS_FILE = files.paths.credentials;
    a.respond = () => ({ body: { Events: [] } });
    const trail = buildClient('cloudtrail', { profile: QA.profile, region: 'us-east-1' });
    await trail.send(new LookupEventsCommand({}));
    assert.equal(a.requests.length, 1, "the profile's cloudtrail endpoint_url");
    assert.equal(a.requests[0].headers['x-amz-target'], 'CloudTrail_20131101.LookupEvents');
    assert.match(String(a.requests[0].headers.authorization), /\/us-east-1\/cloudtrail\/aws4_request/);
    trail.destroy();

    process.env.AWS_ENDPOINT_URL_GAMELIFT = a.url;
    process.env.AWS_ENDPOINT_URL_CLOUDTRAIL = b.url;
    b.respond = () => ({ body: { Events: [] } });
    const viaEnv = buildClient('cloudtrail', { profile: QA.profile, region: 'us-east-1' });
    await viaEnv.send(new LookupEventsCommand({}));
    assert.equal(b.requests.length, 1, 'AWS_ENDPOINT_URL_CLOUDTRAIL, not the GameLift one');
    viaEnv.destroy();
  });

  it('reports a missing profile as a credentials problem naming the profile', async () => {
    const client = buildClient(
      'gamelift',
      { profile: 'no-such-profile', region: 'us-west-2', endpoint: a.url },
      { maxAttempts: 1 },
    );
    const error = await client.send(new ListFleetsCommand({})).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(error, 'the call must fail');
    const classified = classifyError(error, { profile: 'no-such-profile', action: 'Listing fleets' });
    assert.equal(classified.kind, 'credentials');
    assert.equal(classified.profile, 'no-such-profile');
    assert.match(classified.message, /^Listing fleets: .*no-such-profile/);
    assert.equal(a.requests.length, 0, 'nothing is sent without credentials');
    client.destroy();
  });

  it('times out a hung endpoint as a network error', async () => {
    a.respond = () => ({ hang: true });
    const client = buildClient(
      'gamelift',
      { region: 'us-west-2', endpoint: a.url },
      { credentials: staticCredentials, requestTimeoutMs: 300, maxAttempts: 1 },
    );
    const error = await client.send(new ListFleetsCommand({})).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.equal(classifyError(error).kind, 'network');
    client.destroy();
  });

  it('retries throttling and LimitExceededException, then succeeds', async () => {
    a.respond = (_req, i) =>
      i === 0
        ? { status: 400, body: { __type: 'ThrottlingException', message: 'Rate exceeded' } }
        : i === 1
          ? { status: 400, body: { __type: 'LimitExceededException', message: 'Limit' } }
          : { body: { FleetIds: ['fleet-after-retries'] } };
    const client = buildClient(
      'gamelift',
      { region: 'us-west-2', endpoint: a.url },
      { credentials: staticCredentials, maxAttempts: 3 },
    );
    const out = await client.send(new ListFleetsCommand({}));
    assert.deepEqual(out.FleetIds, ['fleet-after-retries']);
    assert.equal(a.requests.length, 3);
    assert.equal(out.$metadata.attempts, 3);
    client.destroy();
  });

  it('stops after maxAttempts and classifies the throttling', async () => {
    a.respond = () => ({ status: 400, body: { __type: 'ThrottlingException', message: 'Rate exceeded' } });
    const client = buildClient(
      'gamelift',
      { region: 'us-west-2', endpoint: a.url },
      { credentials: staticCredentials, maxAttempts: 2 },
    );
    const error = await client.send(new ListFleetsCommand({})).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.equal(a.requests.length, 2);
    const classified = classifyError(error);
    assert.equal(classified.kind, 'throttled');
    assert.equal(classified.retryable, true);
    assert.match(classified.message, /after 2 attempts/);
    client.destroy();
  });

  it('passes SDK diagnostics to the logger without secrets or presigned URLs', async () => {
    const signedUrl =
      'https://logs.example.com/fleet-1/e1.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAEXAMPLELOGSIGNER%2F20261121&X-Amz-Signature=0123456789abcdef';
    a.respond = (req) =>
      req.operation === 'DescribeFleetEvents'
        ? {
            body: {
              Events: [
                {
                  EventId: 'e1',
                  EventCode: 'SERVER_PROCESS_CRASHED',
                  EventTime: 1795000000,
                  PreSignedLogUrl: signedUrl,
                  Message: 'crashed',
                },
              ],
            },
          }
        : {
            status: 400,
            body: {
              __type: 'InvalidRequestException',
              message: `bad value aws_secret_access_key=${DEV.secretAccessKey} near ${signedUrl}`,
            },
          };
    const lines: string[] = [];
    const logger = {
      debug: (m: string) => lines.push(m),
      info: (m: string) => lines.push(m),
      warn: (m: string) => lines.push(m),
      error: (m: string) => lines.push(m),
    };
    const client = buildClient(
      'gamelift',
      { region: 'us-west-2', endpoint: a.url },
      { credentials: staticCredentials, logger, maxAttempts: 1 },
    );
    const { DescribeFleetEventsCommand } = await import('@aws-sdk/client-gamelift');
    const out = await client.send(new DescribeFleetEventsCommand({ FleetId: 'fleet-1' }));
    assert.equal(out.Events?.[0].PreSignedLogUrl, signedUrl, 'the data itself is untouched');
    await client.send(new ListFleetsCommand({})).catch(() => undefined);
    const text = lines.join('\n');
    assert.ok(
      lines.some((l) => l.includes('DescribeFleetEvents')),
      `the SDK logged the call: ${text.slice(0, 300)}`,
    );
    for (const secret of ['0123456789abcdef', DEV.secretAccessKey, DEV.accessKeyId]) {
      assert.ok(!text.includes(secret), `log leaks ${secret}: ${text}`);
    }
    client.destroy();
  });

  it('keeps one client per service and target, and forgets them on request', () => {
    const clients = createClientFactory();
    const target = { region: 'us-west-2', profile: 'p1', endpoint: a.url };
    const first = clients.clientFor('gamelift', target);
    assert.equal(clients.clientFor('gamelift', { ...target }), first);
    assert.notEqual(clients.clientFor('gamelift', { ...target, region: 'eu-west-1' }), first);
    assert.notEqual(clients.clientFor('gamelift', { ...target, profile: 'p2' }), first);
    assert.notEqual(
      createClientFactory({ maxAttempts: 1 }).clientFor('gamelift', target),
      first,
      'another factory (other options) has its own clients',
    );
    assert.equal(clients.size, 3);
    clients.forget((t) => t.profile === 'p2');
    assert.equal(clients.size, 2);
    clients.forget();
    assert.equal(clients.size, 0);
    assert.notEqual(clients.clientFor('gamelift', target), first);
    clients.forget();
  });

  it('gives every client of a factory the same options (the logger and the user agent)', async () => {
    const lines: string[] = [];
    const logger = {
      debug: () => undefined,
      info: () => undefined,
      warn: (m: string) => lines.push(m),
      error: (m: string) => lines.push(m),
    };
    const clients = createClientFactory({
      credentials: staticCredentials,
      logger,
      userAgentSuffix: 'vscode/9.9.9',
      maxAttempts: 1,
    });
    a.respond = () => ({ status: 400, body: { __type: 'InvalidRequestException', message: 'nope' } });
    for (const region of ['us-west-2', 'eu-west-1']) {
      await clients
        .clientFor('gamelift', { region, endpoint: a.url })
        .send(new ListFleetsCommand({}))
        .catch(() => undefined);
    }
    assert.equal(a.requests.length, 2);
    assert.equal(lines.filter((l) => l.includes('InvalidRequestException')).length, 2, 'each client logs its failure');
    for (const request of a.requests) {
      const agents = `${request.headers['user-agent'] ?? ''} ${request.headers['x-amz-user-agent'] ?? ''}`;
      assert.ok(agents.includes('vscode/9.9.9'), agents);
    }
    clients.forget();
  });
});
