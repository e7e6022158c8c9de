// The readers of the rule engine (CIDR blocks, UUIDs, event times, GameLift IDs and operation
// names, the field table) against the plain definitions they must match, on seeded random
// strings built from the characters that matter: they make any faster version safe to write.

import * as assert from 'node:assert/strict';
import {
  cidr4,
  CIDR4_OTHER,
  CIDR4_OUT_OF_RANGE,
  CIDR4_VALID,
  GAMELIFT_OPERATIONS,
} from '../../../src/cloudtrail/gameliftChecks';
import { validateCloudTrail } from '../../../src/cloudtrail';
import { isCloudTrailTime, isUuid, RECORD_FIELDS } from '../../../src/cloudtrail/recordChecks';
import { seededRandom } from '../../support/seededRandom';
import { cleanRecord, recordsFile } from './helpers';

const CIDR4_REGEX = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

function cidr4ByRegex(v: string): number {
  const m = CIDR4_REGEX.exec(v);
  if (!m) return CIDR4_OTHER;
  return +m[1] > 255 || +m[2] > 255 || +m[3] > 255 || +m[4] > 255 || +m[5] > 32 ? CIDR4_OUT_OF_RANGE : CIDR4_VALID;
}

function randomString(rnd: () => number, alphabet: string, maxLength: number): string {
  let s = '';
  const n = Math.floor(rnd() * (maxLength + 1));
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(rnd() * alphabet.length)];
  return s;
}

describe('CloudTrail quick checks', () => {
  it('reads IPv4 CIDR blocks exactly as the regular expression does', () => {
    const rnd = seededRandom(7);
    const fixed = [
      '0.0.0.0/0',
      '10.24.34.0/23',
      '255.255.255.255/32',
      '256.1.1.1/8',
      '1.2.3.4/33',
      '1.2.3.4/',
      '1.2.3/4',
      '1.2.3.4.5/6',
      '0001.2.3.4/5',
      '1.2.3.4/100',
      '',
      '/',
      '1..2.3/4',
      ' 1.2.3.4/5',
    ];
    const samples = [...fixed];
    for (let i = 0; i < 20000; i++) samples.push(randomString(rnd, '0123456789./9 a', 22));
    for (let i = 0; i < 5000; i++)
      samples.push(
        `${Math.floor(rnd() * 400)}.${Math.floor(rnd() * 400)}.${Math.floor(rnd() * 300)}.${Math.floor(rnd() * 300)}/${Math.floor(rnd() * 50)}`,
      );
    let valid = 0;
    for (const s of samples) {
      const expected = cidr4ByRegex(s);
      if (expected === CIDR4_VALID) valid++;
      assert.equal(cidr4(s), expected, JSON.stringify(s));
    }
    assert.ok(valid > 100, 'the samples include valid blocks');
  });

  it('reads UUIDs exactly as the 8-4-4-4-12 hexadecimal pattern does', () => {
    const rnd = seededRandom(5);
    const pattern = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
    const good = '3b2a1c4d-0e5f-4a6b-8c7d-9e0f1a2b3c4d';
    const samples = [
      good,
      good.toUpperCase(),
      '',
      good.slice(1),
      `${good}0`,
      good.replace(/-/g, '0'),
      good.replace('3b', '3g'),
      `${good.slice(0, 35)}\u0130`,
      `${good.slice(0, 35)}\u0161`,
      good.replace('-', '\u2010'),
    ];
    // Each position of a valid UUID replaced by characters near the hexadecimal ones and by wide ones.
    for (let i = 0; i < good.length; i++)
      for (const c of ['g', 'G', '/', ':', '@', '`', '-', '0', 'F', '\u0030\u0301', '\uff10', '\u0100'])
        samples.push(good.slice(0, i) + c + good.slice(i + 1));
    for (let i = 0; i < 20000; i++) samples.push(randomString(rnd, '0123456789abcdefABCDEF-g', 40));
    for (let i = 0; i < 5000; i++) samples.push(randomString(rnd, '0a-', 8) + good.slice(8));
    let valid = 0;
    for (const s of samples) {
      const expected = pattern.test(s);
      if (expected) valid++;
      assert.equal(isUuid(s), expected, JSON.stringify(s));
    }
    assert.ok(valid > 50, 'the samples include valid UUIDs');
  });

  it('reads event times exactly as the pattern and the calendar do', () => {
    const rnd = seededRandom(3);
    const pattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;
    const byCalendar = (s: string): boolean => {
      const m = pattern.exec(s);
      if (!m) return false;
      const [y, mo, d, h, mi, sec] = m.slice(1).map(Number);
      const date = new Date(0);
      date.setUTCFullYear(y, mo - 1, d);
      return (
        date.getUTCFullYear() === y &&
        date.getUTCMonth() === mo - 1 &&
        date.getUTCDate() === d &&
        h <= 23 &&
        mi <= 59 &&
        sec <= 60
      );
    };
    const samples = [
      '2026-11-20T08:00:00Z',
      '2024-02-29T23:59:60Z',
      '2023-02-29T00:00:00Z',
      '1900-02-29T00:00:00Z',
      '2000-02-29T00:00:00Z',
      '2026-04-31T00:00:00Z',
      '2026-00-10T00:00:00Z',
      '2026-11-00T00:00:00Z',
      '2026-11-20T24:00:00Z',
      '2026-11-20 08:00:00Z',
      '2026-11-20T08:00:00.000Z',
      '2026-11-2\uff10T08:00:00Z',
      '',
    ];
    // Each position of a valid time replaced by characters next to the digits and separators.
    const good = '2026-11-20T08:07:06Z';
    for (let i = 0; i < good.length; i++)
      for (const c of ['/', ':', ';', '-', 'T', 'Z', 'a', '0', '9', '\uff10'])
        samples.push(good.slice(0, i) + c + good.slice(i + 1));
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    for (let i = 0; i < 20000; i++) {
      samples.push(
        `${pad(Math.floor(rnd() * 2100), 4)}-${pad(Math.floor(rnd() * 14), 2)}-${pad(Math.floor(rnd() * 33), 2)}T${pad(Math.floor(rnd() * 26), 2)}:${pad(Math.floor(rnd() * 62), 2)}:${pad(Math.floor(rnd() * 62), 2)}Z`,
      );
      samples.push(randomString(rnd, '0129-:TZ/;', 22));
    }
    let valid = 0;
    for (const s of samples) {
      const expected = byCalendar(s);
      if (expected) valid++;
      assert.equal(isCloudTrailTime(s), expected, JSON.stringify(s));
    }
    assert.ok(valid > 1000, 'the samples include real times');
  });

  it('reports the same build and fleet IDs as the ID patterns, quick path or not', () => {
    const rnd = seededRandom(11);
    const ids: string[] = [
      'build-1',
      'build-',
      'build- x',
      'build-a\tb',
      'fleet-abc',
      'fleet-',
      'fleet-a_b',
      'fleet-Ä',
      'arn:aws:gamelift:us-west-2:111122223333:build/build-1',
      'xbuild-1',
    ];
    for (let i = 0; i < 300; i++) ids.push(randomString(rnd, 'bfuildet-aZ9 _\t.', 14));
    // `fleet-` and a UUID takes a quicker path: every position of one, replaced by characters in and out of the pattern.
    const uuidFleet = 'fleet-da2849d7-3eb4-438a-a907-d090402c802d';
    for (let i = 0; i < uuidFleet.length; i++)
      for (const c of ['_', 'Ä', ' ', 'g', 'G', '.', '-', '0'])
        ids.push(uuidFleet.slice(0, i) + c + uuidFleet.slice(i + 1));
    const buildPattern = /^(build-\S+|arn:.*:build\/build-\S+)$/;
    const fleetPattern = /^[a-z]*fleet-[a-zA-Z0-9-]+$|^arn:.*:[a-z]*fleet\/[a-z]*fleet-[a-zA-Z0-9-]+$/;
    const isSpecific = (v: string) => v !== '' && !v.includes('...') && !v.startsWith('<');
    for (const id of ids) {
      const record = cleanRecord({
        eventSource: 'gamelift.amazonaws.com',
        eventName: 'CreateFleet',
        requestParameters: { name: 'f', buildId: id, eC2InstanceType: 'c5.large' },
      });
      const buildFindings = validateCloudTrail(recordsFile([record])).diagnostics.filter(
        (d) => d.ruleId === 'gamelift-parameter' && d.message.startsWith('buildId'),
      );
      assert.equal(
        buildFindings.length,
        !buildPattern.test(id) && isSpecific(id) ? 1 : 0,
        `buildId ${JSON.stringify(id)}`,
      );
      const fleetRecord = cleanRecord({
        eventSource: 'gamelift.amazonaws.com',
        eventName: 'DescribeFleetEvents',
        requestParameters: { fleetId: id },
      });
      const fleetFindings = validateCloudTrail(recordsFile([fleetRecord])).diagnostics.filter(
        (d) => d.ruleId === 'gamelift-parameter' && d.message.startsWith('fleetId'),
      );
      assert.equal(
        fleetFindings.length,
        !fleetPattern.test(id) && isSpecific(id) ? 1 : 0,
        `fleetId ${JSON.stringify(id)}`,
      );
    }
  });
});

describe('CloudTrail GameLift plans', () => {
  it('finds every GameLift operation by name, and no name one character away from one', () => {
    const operationFindings = (eventName: string) =>
      validateCloudTrail(
        recordsFile([cleanRecord({ eventSource: 'gamelift.amazonaws.com', eventName, requestParameters: null })]),
      ).diagnostics.filter((d) => d.ruleId === 'gamelift-operation').length;
    assert.equal(GAMELIFT_OPERATIONS.size, 120);
    for (const name of GAMELIFT_OPERATIONS) {
      assert.equal(operationFindings(name), 0, name);
      // Same length and (mostly) the same sampled characters: only the comparison can tell them apart.
      const last = name.length - 1;
      for (const near of [
        name.slice(0, last) + (name[last] === 's' ? 't' : 's'),
        'X' + name.slice(1),
        name.toLowerCase(),
        `${name} `,
        name.slice(1),
      ]) {
        if (!GAMELIFT_OPERATIONS.has(near)) assert.equal(operationFindings(near), 1, near);
      }
    }
    for (const odd of ['', 'D', 'Describe', '\u0000\u0000'])
      assert.equal(operationFindings(odd), 1, JSON.stringify(odd));
  });

  it('does not take names every object has (constructor, toString) for operations or parameters', () => {
    const unknownOperation = cleanRecord({
      eventSource: 'gamelift.amazonaws.com',
      eventName: 'toString',
      requestParameters: {},
    });
    const operationFindings = validateCloudTrail(recordsFile([unknownOperation])).diagnostics.filter(
      (d) => d.ruleId === 'gamelift-operation',
    );
    assert.equal(operationFindings.length, 1);
    assert.match(operationFindings[0].message, /"toString" is not an Amazon GameLift operation/);

    const oddParameter = cleanRecord({
      eventSource: 'gamelift.amazonaws.com',
      eventName: 'DescribeFleetEvents',
      requestParameters: { fleetId: 'fleet-1', constructor: 'x' },
    });
    const parameterFindings = validateCloudTrail(recordsFile([oddParameter])).diagnostics.filter(
      (d) => d.ruleId === 'gamelift-unknown-parameter',
    );
    assert.equal(parameterFindings.length, 1);
    assert.match(parameterFindings[0].message, /constructor is not a parameter of DescribeFleetEvents/);
  });
});

describe('CloudTrail field table', () => {
  it('flags a wrong JSON type in every field of the table', () => {
    for (const name of Object.keys(RECORD_FIELDS)) {
      const wrong = RECORD_FIELDS[name][0] === 'string' || RECORD_FIELDS[name][0] === 'stringOrBoolean' ? 42 : 'text';
      const record = cleanRecord({ [name]: wrong });
      const findings = validateCloudTrail(recordsFile([record])).diagnostics.filter(
        (d) => d.ruleId === 'field-type' && d.message.startsWith(`${name} should be`),
      );
      assert.equal(findings.length, 1, name);
    }
  });
});
