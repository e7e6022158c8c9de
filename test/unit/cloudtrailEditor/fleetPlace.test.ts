// Where a fleet named in a CloudTrail record lives: the fleet links must carry the record's
// Region and account (an eu-west-1 record fetched from the first configured Region got NotFound).
import * as assert from 'node:assert/strict';
import { fetchFleetEventsLink, hoverMarkdown } from '../../../src/cloudtrail/editor/hover/hoverText';
import { fleetPlace } from '../../../src/cloudtrail/editor/fleetPlace';

const FLEET = 'fleet-2222bbbb-33cc-44dd-55ee-6666ffff7777';
const RECORD = JSON.stringify({
  eventSource: 'gamelift.amazonaws.com',
  awsRegion: 'eu-west-1',
  requestParameters: { fleetId: FLEET },
  recipientAccountId: '444455556666',
});

/** The arguments of the one command link in some Markdown. */
function linkArgs(markdown: string): unknown {
  const target = /\]\(command:gamelift\.fetchFleetEvents\?([^ )]*)/.exec(markdown)?.[1];
  assert.ok(target, `a fleet link in ${markdown}`);
  return JSON.parse(decodeURIComponent(target));
}

describe('cloudtrail adapter: the place of a fleet in a record', () => {
  it("takes a bare fleet ID's Region and account from its record", () => {
    assert.deepEqual(fleetPlace(FLEET, 'eu-west-1', RECORD), { region: 'eu-west-1', accountId: '444455556666' });
    assert.deepEqual(fleetPlace(FLEET, 'eu-west-1'), { region: 'eu-west-1' });
    assert.deepEqual(fleetPlace(FLEET, undefined), {});
  });

  it("prefers an ARN's own Region and account to the record's", () => {
    const arn = `arn:aws:gamelift:ap-northeast-1:111122223333:fleet/${FLEET}`;
    assert.deepEqual(fleetPlace(arn, 'eu-west-1', RECORD), { region: 'ap-northeast-1', accountId: '111122223333' });
  });

  it('drops what does not look like a Region or an account', () => {
    const odd = RECORD.replace('444455556666', '4444');
    assert.deepEqual(fleetPlace(FLEET, 'eu-west-1"); alert(1', odd), {});
    assert.deepEqual(fleetPlace(FLEET, '', odd), {});
  });

  it('puts the place into the hover link and the link encodes it', () => {
    const md = hoverMarkdown(
      {
        path: ['Records', 0, 'requestParameters', 'fleetId'],
        key: 'fleetId',
        value: FLEET,
        record: {
          index: 0,
          start: 0,
          end: RECORD.length,
          eventSource: 'gamelift.amazonaws.com',
          awsRegion: 'eu-west-1',
        },
      },
      { recordText: RECORD },
    );
    assert.deepEqual(linkArgs(md ?? ''), [{ fleetId: FLEET, region: 'eu-west-1', accountId: '444455556666' }]);
    assert.deepEqual(linkArgs(fetchFleetEventsLink(FLEET) ?? ''), [{ fleetId: FLEET }]);
  });
});
