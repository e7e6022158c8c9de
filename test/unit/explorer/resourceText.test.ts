// How the fleet's resource rows read: Locations and Computes counts with the statuses that need
// attention, one location's and one compute's description and tooltip, a failed description.
import * as assert from 'node:assert/strict';
import { computeStatusIcon } from '../../../src/explorer/model/fleetStatus';
import {
  computeDescription,
  computesDescription,
  computeTooltip,
  describeFailedDescription,
  describeFailedTooltip,
  fleetCountsText,
  locationDescription,
  locationsDescription,
  locationTooltip,
  thousands,
} from '../../../src/explorer/model/resourceText';
import type { InstanceCounts } from '../../../src/gamelift/fleetCapacity';

const counts = (active: number, desired: number): InstanceCounts => ({
  desired,
  minimum: 1,
  maximum: 8,
  pending: 1,
  active,
  idle: 0,
  terminating: 0,
});

describe('explorer: resource row text', () => {
  it('counts locations and names those that are not ACTIVE', () => {
    const summary = {
      multiLocation: true,
      worstStatus: 'ERROR',
      locations: [
        { location: 'ap-southeast-2', status: 'ACTIVE' },
        { location: 'ap-south-1', status: 'ERROR' },
        { location: 'us-west-2', status: 'ACTIVATING' },
        { location: 'ap-southeast-1', status: 'ACTIVE' },
      ],
    };
    assert.equal(locationsDescription(summary), '4 · 1 error · 1 activating');
  });

  it("says a location's status, counts, stopped scaling, a pending update and a failed capacity read", () => {
    const row = {
      location: 'ap-southeast-1',
      status: 'ACTIVE',
      stoppedActions: ['AUTO_SCALING'],
      updateStatus: 'PENDING_UPDATE',
      instances: counts(2, 3),
    };
    assert.equal(locationDescription(row), 'Active · 2/3 · scaling stopped · update pending');
    const tooltip = locationTooltip(row, 'ap-southeast-2');
    assert.match(tooltip, /^ap-southeast-1\n/);
    assert.match(tooltip, /Instances: 2 active of 3 desired \(min 1, max 8\) · 1 pending/);
    assert.match(tooltip, /Stopped actions: AUTO_SCALING/);
    const failed = {
      location: 'ap-southeast-2',
      status: 'ACTIVE',
      capacityError: { kind: 'network' as const, message: 'Reading the capacity failed: timeout', retryable: true },
    };
    assert.equal(locationDescription(failed), 'Active · capacity unknown');
    assert.match(
      locationTooltip(failed, 'ap-southeast-2'),
      /^ap-southeast-2 \(home Region\)\n[\s\S]*Capacity: Reading/,
    );
  });

  it('counts computes with the statuses needing attention worst first', () => {
    const summary = {
      count: 2004,
      byStatus: { ACTIVE: 2000, PENDING: 1, IMPAIRED: 2, TERMINATING: 1 },
      worstStatus: 'IMPAIRED',
      source: 'listCompute' as const,
    };
    assert.equal(computesDescription(summary), '2,004 · 2 impaired · 1 terminating · 1 pending');
    assert.equal(computesDescription({ count: 3, byStatus: { ACTIVE: 3 }, source: 'instanceCounts' }), '3');
  });

  it('describes a compute with its status first, the location only away from home, and its address', () => {
    const compute = {
      name: 'i-0abc',
      status: 'IMPAIRED',
      location: 'ap-south-1',
      ipAddress: '10.0.4.17',
      instanceId: 'i-0abc',
      instanceType: 'c5.large',
      operatingSystem: 'AMAZON_LINUX_2023',
      containers: [{ name: 'game-server' }, { name: 'sidecar' }],
    };
    assert.equal(computeDescription(compute, 'ap-southeast-2'), 'Impaired · ap-south-1 · 10.0.4.17');
    assert.equal(
      computeDescription({ ...compute, location: 'ap-southeast-2' }, 'ap-southeast-2'),
      'Impaired · 10.0.4.17',
    );
    const tooltip = computeTooltip(compute);
    assert.match(tooltip, /Status: IMPAIRED/);
    assert.match(tooltip, /Instance: i-0abc \(c5\.large, AMAZON_LINUX_2023\)/);
    assert.match(tooltip, /Containers: game-server, sidecar/);
  });

  it('makes IMPAIRED and TERMINATING stand out with theme colours', () => {
    assert.equal(computeStatusIcon('IMPAIRED').color, 'problemsErrorIcon.foreground');
    assert.equal(computeStatusIcon('TERMINATING').color, 'problemsWarningIcon.foreground');
    assert.notEqual(computeStatusIcon('ACTIVE').icon, computeStatusIcon('IMPAIRED').icon);
    assert.equal(computeStatusIcon('SOMETHING_NEW').color, undefined);
  });

  it('says when a failed description is tried again', () => {
    const now = Date.UTC(2026, 10, 1, 12, 0, 0);
    assert.equal(describeFailedDescription(now + 4 * 60_000, now), 'not described · retry in 4 minutes');
    assert.equal(describeFailedDescription(now - 1, now), 'not described · retry');
    assert.match(
      describeFailedTooltip('Describing failed: AccessDenied', now + 60_000, now),
      /in 1 minute \(2026-11-01 12:01:00 UTC\)/,
    );
  });

  it('gives a fleet row its active/desired counts, none for a fleet with nothing wanted or running', () => {
    assert.equal(fleetCountsText(counts(3, 4)), '3/4');
    assert.equal(fleetCountsText(counts(0, 0)), '');
    assert.equal(fleetCountsText(counts(2, 0)), '2/0', 'instances still running count');
    assert.equal(fleetCountsText(undefined), '');
  });

  it('writes thousands with commas', () => {
    assert.equal(thousands(999), '999');
    assert.equal(thousands(39143), '39,143');
    assert.equal(thousands(1000000), '1,000,000');
  });
});
