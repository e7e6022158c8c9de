// Node ids are stable (same input, same id) and distinct across connections and fleets.
import * as assert from 'node:assert/strict';
import {
  categoryNodeId,
  eventNodeId,
  fleetNodeId,
  helperNodeId,
  regionNodeId,
} from '../../../src/explorer/model/nodeIds';
import { sameTarget, targetKey } from '../../../src/gamelift/types';

const dev = { profile: 'local-dev', region: 'us-west-2' };
const qa = { profile: 'local-qa', region: 'us-west-2' };

describe('explorer: node ids', () => {
  it('are the same for the same thing', () => {
    assert.equal(
      fleetNodeId({ target: { ...dev }, fleetId: 'fleet-1' }),
      fleetNodeId({ target: dev, fleetId: 'fleet-1' }),
    );
    assert.ok(sameTarget(dev, { region: 'us-west-2', profile: 'local-dev' }));
  });

  it('differ by profile, region, endpoint and fleet', () => {
    const ids = new Set([
      fleetNodeId({ target: dev, fleetId: 'fleet-1' }),
      fleetNodeId({ target: qa, fleetId: 'fleet-1' }),
      fleetNodeId({ target: { ...dev, region: 'eu-west-1' }, fleetId: 'fleet-1' }),
      fleetNodeId({ target: { ...dev, endpoint: 'http://127.0.0.1:1' }, fleetId: 'fleet-1' }),
      fleetNodeId({ target: dev, fleetId: 'fleet-2' }),
      regionNodeId(dev),
    ]);
    assert.equal(ids.size, 6);
    assert.notEqual(targetKey({ region: 'us-west-2' }), targetKey(dev));
  });

  it('nest categories, events and helper nodes under their parents', () => {
    const ref = { target: dev, fleetId: 'fleet-1' };
    const cat = categoryNodeId(ref, 'server_process');
    assert.ok(cat.startsWith(fleetNodeId(ref)));
    assert.ok(eventNodeId(ref, 'server_process', 'ev-1').startsWith(cat));
    assert.notEqual(helperNodeId(cat, 'error'), helperNodeId(cat, 'loadMore'));
  });
});
