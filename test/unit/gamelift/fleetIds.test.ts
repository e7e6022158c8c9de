// Fleet IDs and ARNs as users type them, checked against the API's FleetIdOrArn pattern.
import * as assert from 'node:assert/strict';
import { parseFleetIdOrArn } from '../../../src/gamelift/fleetIds';

const GOOD: Array<[string, Record<string, string>]> = [
  ['fleet-2222bbbb-33cc-44dd-55ee-6666ffff77aa', { fleetId: 'fleet-2222bbbb-33cc-44dd-55ee-6666ffff77aa' }],
  ['  fleet-abc  ', { fleetId: 'fleet-abc' }],
  ['containerfleet-1234-ABCD', { fleetId: 'containerfleet-1234-ABCD' }],
  [
    'arn:aws:gamelift:us-west-2:111122223333:fleet/fleet-2222bbbb-33cc',
    {
      fleetId: 'fleet-2222bbbb-33cc',
      region: 'us-west-2',
      accountId: '111122223333',
      arn: 'arn:aws:gamelift:us-west-2:111122223333:fleet/fleet-2222bbbb-33cc',
    },
  ],
  [
    'arn:aws-cn:gamelift:cn-north-1:444455556666:containerfleet/containerfleet-77',
    {
      fleetId: 'containerfleet-77',
      region: 'cn-north-1',
      accountId: '444455556666',
      arn: 'arn:aws-cn:gamelift:cn-north-1:444455556666:containerfleet/containerfleet-77',
    },
  ],
];

const BAD: Array<[string, RegExp]> = [
  ['', /Enter a fleet ID/],
  ['   ', /Enter a fleet ID/],
  ['fleet-', /is not a fleet ID/],
  ['fleet_123', /is not a fleet ID/],
  ['Fleet-123', /is not a fleet ID/],
  ['fleet-12 34', /is not a fleet ID/],
  ['alias-1234', /is not a fleet ID/],
  ['build-1234', /is not a fleet ID/],
  ['arn:aws:gamelift:us-west-2:111122223333:alias/alias-1', /is not a fleet ARN/],
  ['arn:aws:ec2:us-west-2:111122223333:fleet/fleet-1', /ARN for ec2, not for GameLift/],
  [`fleet-${'a'.repeat(600)}`, /at most 512 characters/],
];

describe('parseFleetIdOrArn', () => {
  for (const [input, expected] of GOOD) {
    it(`accepts ${JSON.stringify(input)}`, () => {
      assert.deepEqual(parseFleetIdOrArn(input), expected);
    });
  }
  for (const [input, message] of BAD) {
    it(`rejects ${JSON.stringify(input.slice(0, 40))}`, () => {
      const result = parseFleetIdOrArn(input);
      assert.ok('error' in result, `expected an error for ${input}`);
      assert.match(result.error, message);
    });
  }
  it('accepts exactly 512 characters', () => {
    const id = `fleet-${'a'.repeat(506)}`;
    assert.equal(id.length, 512);
    assert.deepEqual(parseFleetIdOrArn(id), { fleetId: id });
  });
});
