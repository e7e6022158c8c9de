// The event-code catalog: every code the API can send has the category and severity from
// the research reference (gamelift-facts.md §1), the catalog matches the SDK's own enum, and
// an unknown code is kept (category "other", severity "info") rather than dropped.
import * as assert from 'node:assert/strict';
import { EventCode } from '@aws-sdk/client-gamelift';
import {
  EVENT_CATEGORIES,
  KNOWN_EVENT_CODES,
  categoryLabel,
  lookupEventCode,
  severityRank,
  titleForCode,
  worstSeverity,
} from '../../../src/gamelift/eventCatalog';

// Copied from the reference catalog: [category, severity] for all 57 codes.
const EXPECTED: Record<string, [string, string]> = {
  GENERIC_EVENT: ['other', 'info'],
  FLEET_CREATED: ['fleet_state_transition', 'info'],
  FLEET_DELETED: ['other', 'info'],
  FLEET_EXPIRED: ['other', 'warning'],
  FLEET_SCALING_EVENT: ['other', 'info'],
  FLEET_STATE_DOWNLOADING: ['fleet_state_transition', 'info'],
  FLEET_STATE_VALIDATING: ['fleet_state_transition', 'info'],
  FLEET_STATE_BUILDING: ['fleet_state_transition', 'info'],
  FLEET_STATE_ACTIVATING: ['fleet_state_transition', 'info'],
  FLEET_STATE_ACTIVE: ['fleet_state_transition', 'info'],
  FLEET_STATE_ERROR: ['fleet_state_transition', 'error'],
  FLEET_STATE_PENDING: ['fleet_state_transition', 'info'],
  FLEET_STATE_CREATING: ['fleet_state_transition', 'info'],
  FLEET_STATE_CREATED: ['fleet_state_transition', 'info'],
  FLEET_STATE_UPDATING: ['fleet_state_transition', 'info'],
  FLEET_INITIALIZATION_FAILED: ['fleet_creation', 'error'],
  FLEET_BINARY_DOWNLOAD_FAILED: ['fleet_creation', 'error'],
  FLEET_VALIDATION_LAUNCH_PATH_NOT_FOUND: ['fleet_creation', 'error'],
  FLEET_VALIDATION_EXECUTABLE_RUNTIME_FAILURE: ['fleet_creation', 'error'],
  FLEET_VALIDATION_TIMED_OUT: ['fleet_creation', 'error'],
  FLEET_ACTIVATION_FAILED: ['fleet_creation', 'error'],
  FLEET_ACTIVATION_FAILED_NO_INSTANCES: ['fleet_creation', 'error'],
  FLEET_NEW_GAME_SESSION_PROTECTION_POLICY_UPDATED: ['other', 'info'],
  SERVER_PROCESS_INVALID_PATH: ['server_process', 'error'],
  SERVER_PROCESS_SDK_INITIALIZATION_TIMEOUT: ['server_process', 'error'],
  SERVER_PROCESS_PROCESS_READY_TIMEOUT: ['server_process', 'error'],
  SERVER_PROCESS_CRASHED: ['server_process', 'error'],
  SERVER_PROCESS_TERMINATED_UNHEALTHY: ['server_process', 'error'],
  SERVER_PROCESS_FORCE_TERMINATED: ['server_process', 'warning'],
  SERVER_PROCESS_PROCESS_EXIT_TIMEOUT: ['server_process', 'warning'],
  SERVER_PROCESS_SDK_INITIALIZATION_FAILED: ['server_process', 'error'],
  SERVER_PROCESS_MISCONFIGURED_CONTAINER_PORT: ['server_process', 'error'],
  GAME_SESSION_ACTIVATION_TIMEOUT: ['game_session', 'error'],
  FLEET_CREATION_EXTRACTING_BUILD: ['fleet_creation', 'info'],
  FLEET_CREATION_RUNNING_INSTALLER: ['fleet_creation', 'info'],
  FLEET_CREATION_VALIDATING_RUNTIME_CONFIG: ['fleet_creation', 'info'],
  FLEET_VPC_PEERING_SUCCEEDED: ['vpc_peering', 'info'],
  FLEET_VPC_PEERING_FAILED: ['vpc_peering', 'error'],
  FLEET_VPC_PEERING_DELETED: ['vpc_peering', 'info'],
  INSTANCE_INTERRUPTED: ['spot_instance', 'warning'],
  INSTANCE_RECYCLED: ['spot_instance', 'warning'],
  INSTANCE_REPLACED_UNHEALTHY: ['instance_and_compute', 'warning'],
  FLEET_CREATION_COMPLETED_INSTALLER: ['fleet_creation', 'info'],
  FLEET_CREATION_FAILED_INSTALLER: ['fleet_creation', 'error'],
  COMPUTE_LOG_UPLOAD_FAILED: ['instance_and_compute', 'warning'],
  GAME_SERVER_CONTAINER_GROUP_CRASHED: ['container_group', 'error'],
  PER_INSTANCE_CONTAINER_GROUP_CRASHED: ['container_group', 'error'],
  GAME_SERVER_CONTAINER_GROUP_REPLACED_UNHEALTHY: ['container_group', 'warning'],
  LOCATION_STATE_PENDING: ['location_state_transition', 'info'],
  LOCATION_STATE_CREATING: ['location_state_transition', 'info'],
  LOCATION_STATE_CREATED: ['location_state_transition', 'info'],
  LOCATION_STATE_ACTIVATING: ['location_state_transition', 'info'],
  LOCATION_STATE_ACTIVE: ['location_state_transition', 'info'],
  LOCATION_STATE_UPDATING: ['location_state_transition', 'info'],
  LOCATION_STATE_ERROR: ['location_state_transition', 'error'],
  LOCATION_STATE_DELETING: ['location_state_transition', 'info'],
  LOCATION_STATE_DELETED: ['location_state_transition', 'info'],
};

describe('eventCatalog', () => {
  it('has exactly the 57 codes of the reference, the same as the SDK enum', () => {
    assert.equal(Object.keys(EXPECTED).length, 57);
    assert.deepEqual([...KNOWN_EVENT_CODES].sort(), Object.keys(EXPECTED).sort());
    assert.deepEqual([...KNOWN_EVENT_CODES].sort(), [...Object.values(EventCode)].sort());
  });

  for (const [code, [category, severity]] of Object.entries(EXPECTED)) {
    it(`${code} → ${category} / ${severity}`, () => {
      const info = lookupEventCode(code);
      assert.equal(info.known, true);
      assert.equal(info.code, code);
      assert.equal(info.category, category);
      assert.equal(info.severity, severity);
      assert.ok(info.title.length > 0);
      assert.ok(
        EVENT_CATEGORIES.some((c) => c.id === info.category),
        `category ${info.category} is displayed`,
      );
    });
  }

  it('counts 21 errors, 8 warnings and 28 infos', () => {
    const count = (s: string) => KNOWN_EVENT_CODES.filter((c) => lookupEventCode(c).severity === s).length;
    assert.deepEqual([count('error'), count('warning'), count('info')], [21, 8, 28]);
  });

  it('keeps an unknown code in "other" with severity info', () => {
    const info = lookupEventCode('FLEET_TELEPORTED_TO_MOON');
    assert.equal(info.known, false);
    assert.equal(info.code, 'FLEET_TELEPORTED_TO_MOON');
    assert.equal(info.category, 'other');
    assert.equal(info.severity, 'info');
    assert.equal(info.title, 'Fleet teleported to moon');
    assert.equal(lookupEventCode(undefined).code, 'UNKNOWN');
    assert.equal(lookupEventCode('').category, 'other');
  });

  it('orders severities and titles codes readably', () => {
    assert.equal(worstSeverity('info', 'error'), 'error');
    assert.equal(worstSeverity('warning', 'info'), 'warning');
    assert.ok(severityRank('error') > severityRank('warning'));
    assert.equal(titleForCode('FLEET_VPC_PEERING_FAILED'), 'Fleet VPC peering failed');
    assert.equal(categoryLabel('spot_instance'), 'Spot instance');
    assert.equal(EVENT_CATEGORIES[EVENT_CATEGORIES.length - 1].id, 'other');
  });
});
