// What the index keeps of a record: who (for each identity type), times, read-only, errors, and
// the fleets a record is about, from requestParameters, responseElements and resources.
import * as assert from 'node:assert/strict';
import { fleetIdsOf, gameliftResourceId, resourceIdsOf } from '../../../src/history/gameliftIds';
import { parseEventTime, summarizeRecord } from '../../../src/history/summarize';
import { seededRandom } from '../../support/seededRandom';
import { ACTORS, cloudTrailRecord, FLEET_CALLS } from '../../emulator/cloudtrail/records';

const FLEET = 'fleet-1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const ARN = `arn:aws:gamelift:eu-west-1:111122223333:fleet/${FLEET}`;

function record(actor: (typeof ACTORS)[number], call = FLEET_CALLS.scale({ fleetId: FLEET, fleetArn: ARN }, 0)) {
  return cloudTrailRecord(
    {
      time: Date.UTC(2026, 10, 20, 2, 10, 5),
      accountId: '111122223333',
      region: 'eu-west-1',
      actor,
      eventSource: 'gamelift.amazonaws.com',
      ...call,
    },
    seededRandom(1),
  );
}

describe('history: what the index keeps of a record', () => {
  it('names who made the call for every kind of identity', () => {
    const users = ACTORS.map((a) => summarizeRecord(record(a)).user);
    assert.deepEqual(users, [
      'alice@example.com',
      'bob@example.com',
      'carol',
      'GitHubActions',
      'live-ops-bot',
      'autoscaling.amazonaws.com',
      'root',
    ]);
    const s = summarizeRecord(record(ACTORS[0]));
    assert.equal(s.principal, 'arn:aws:sts::111122223333:assumed-role/GameOps/alice@example.com');
    assert.equal(summarizeRecord(record(ACTORS[5])).principal, 'autoscaling.amazonaws.com');
  });

  it('reads time, source, name, Region, account, IP and read-only', () => {
    const s = summarizeRecord(record(ACTORS[2]));
    assert.equal(s.time, Date.UTC(2026, 10, 20, 2, 10, 5));
    assert.equal(s.eventSource, 'gamelift.amazonaws.com');
    assert.equal(s.eventName, 'UpdateFleetCapacity');
    assert.equal(s.region, 'eu-west-1');
    assert.equal(s.account, '111122223333');
    assert.match(s.sourceIp, /^(192\.0\.2|198\.51\.100|203\.0\.113)\./);
    assert.equal(s.readOnly, false);
    assert.equal(s.errorCode, '');
    assert.equal(summarizeRecord({ eventName: 'X', readOnly: 'true', errorCode: 'AccessDenied' }).readOnly, true);
    assert.equal(summarizeRecord({ eventName: 'X' }).readOnly, undefined);
    assert.equal(summarizeRecord({ eventName: 'X', errorCode: 'AccessDenied' }).errorCode, 'AccessDenied');
  });

  it('parses eventTime quickly in CloudTrail form and otherwise as Date.parse does', () => {
    assert.equal(parseEventTime('2026-02-28T23:59:59Z'), Date.UTC(2026, 1, 28, 23, 59, 59));
    assert.equal(parseEventTime('2026-02-28T23:59:59.250Z'), Date.UTC(2026, 1, 28, 23, 59, 59, 250));
    assert.ok(Number.isNaN(parseEventTime('2026-02-2xT23:59:59Z')));
    assert.ok(Number.isNaN(parseEventTime(undefined)));
    assert.ok(Number.isNaN(parseEventTime('yesterday')));
  });

  it('finds fleets in requestParameters, responseElements (CreateFleet) and resources, ARNs reduced to IDs', () => {
    const created = record(ACTORS[0], FLEET_CALLS.create({ fleetId: FLEET, fleetArn: ARN }, 0));
    assert.deepEqual(fleetIdsOf(created), [FLEET]);
    assert.ok(
      !JSON.stringify(created.requestParameters).includes(FLEET),
      'CreateFleet names its fleet only in the response',
    );
    const listed = record(ACTORS[0], FLEET_CALLS.describeAttributes([FLEET, 'containerfleet-abc-1']));
    assert.deepEqual(fleetIdsOf(listed), [FLEET, 'containerfleet-abc-1']);
    const tagged = {
      eventSource: 'gamelift.amazonaws.com',
      eventName: 'TagResource',
      requestParameters: {
        resourceARN: `arn:aws:gamelift:us-west-2:1:alias/alias-9`,
        tags: [{ key: 'k', value: 'fleet-not-really an id' }],
      },
      resources: [
        { ARN, accountId: '1', type: 'AWS::GameLift::Fleet' },
        { ARN: 'arn:aws:s3:::bucket', type: 'AWS::S3::Bucket' },
      ],
    };
    assert.deepEqual(resourceIdsOf(tagged), ['alias-9', FLEET, 'arn:aws:s3:::bucket']);
    assert.deepEqual(fleetIdsOf(tagged), [FLEET]);
    // Other services' parameters are not searched for GameLift IDs (resources still are).
    assert.deepEqual(resourceIdsOf({ eventSource: 'ec2.amazonaws.com', requestParameters: { fleetId: FLEET } }), []);
  });

  it('recognises GameLift IDs and ARNs and nothing else', () => {
    assert.equal(gameliftResourceId(FLEET), FLEET);
    assert.equal(gameliftResourceId(ARN), FLEET);
    assert.equal(
      gameliftResourceId('arn:aws:gamelift:us-west-2:1:containerfleet/containerfleet-x1'),
      'containerfleet-x1',
    );
    assert.equal(gameliftResourceId('arn:aws:ec2:us-west-2:1:fleet/fleet-x1'), undefined);
    assert.equal(gameliftResourceId('fleet-'), undefined);
    assert.equal(gameliftResourceId('my fleet-1'), undefined);
    assert.equal(gameliftResourceId(`fleet-${'a'.repeat(700)}`), undefined);
  });
});
