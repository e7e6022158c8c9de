// GameLift-specific checks for records with eventSource gamelift.amazonaws.com: the operation
// name, request parameters against the API input shapes (from the generated
// data/gameliftShapes.json; CloudTrail lower-cases only the first letter of each member), value
// constraints the model declarations do not carry (ID patterns, ports, CIDR blocks), and enum
// values in responseElements (statuses). Failed calls (errorCode set) get information, not
// warnings: invalid parameters are often why the call failed.

import shapes from './data/gameliftShapes.json';
import type { Finding, Reporter } from './findings';
import { closest } from './recordChecks';
import type { CtSeverity } from './types';

interface MemberShape {
  type: 'string' | 'number' | 'boolean' | 'timestamp' | 'blob' | 'any' | 'enum' | 'structure' | 'list' | 'map';
  ref?: string;
  item?: MemberShape;
  required?: boolean;
}
interface ShapeData {
  operations: Record<string, { input?: string; output?: string }>;
  structures: Record<string, Record<string, MemberShape>>;
  enums: Record<string, string[]>;
}
const data = shapes as unknown as ShapeData;

export const GAMELIFT_SOURCE = 'gamelift.amazonaws.com';
export const GAMELIFT_OPERATIONS: ReadonlySet<string> = new Set(Object.keys(data.operations));
const enumSets = new Map<string, Set<string>>(Object.entries(data.enums).map(([k, v]) => [k, new Set(v)]));

const FLEET_ID_OR_ARN = /^[a-z]*fleet-[a-zA-Z0-9-]+$|^arn:.*:[a-z]*fleet\/[a-z]*fleet-[a-zA-Z0-9-]+$/;
const BUILD_ID_OR_ARN = /^(build-\S+|arn:.*:build\/build-\S+)$/;
const SCRIPT_ID_OR_ARN = /^(script-\S+|arn:.*:script\/script-\S+)$/;
const LOCATION = /^[A-Za-z0-9-]+$/;
const CIDR4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;
const CIDR6 = /^[0-9a-fA-F:]+\/(\d{1,3})$/;

/** Extra value constraints by (PascalCase) member name, where the model declarations carry none. */
const STRING_PATTERNS: Record<string, [RegExp, string]> = {
  FleetId: [FLEET_ID_OR_ARN, 'a fleet ID (fleet-…) or fleet ARN'],
  BuildId: [BUILD_ID_OR_ARN, 'a build ID (build-…) or build ARN'],
  ScriptId: [SCRIPT_ID_OR_ARN, 'a script ID (script-…) or script ARN'],
  Location: [LOCATION, 'a location name such as us-west-2 or custom-location-1'],
};
const LIST_ITEM_PATTERNS: Record<string, string> = { FleetIds: 'FleetId', BuildIds: 'BuildId', Locations: 'Location' };
const NON_NEGATIVE = new Set(['DesiredInstances', 'MinSize', 'MaxSize', 'Limit', 'ConcurrentExecutions', 'NewGameSessionsPerCreator', 'PolicyPeriodInMinutes']);

function lowerFirst(s: string): string {
  return s.length === 0 ? s : s[0].toLowerCase() + s.slice(1);
}
function upperFirst(s: string): string {
  return s.length === 0 ? s : s[0].toUpperCase() + s.slice(1);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `fleet-` and letters, digits and dashes: the common case of FLEET_ID_OR_ARN without running the regex. */
function isPlainFleetId(v: string): boolean {
  if (!v.startsWith('fleet-') || v.length === 6) return false;
  for (let i = 6; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 45)) return false;
  }
  return true;
}

function isSpecific(v: string): boolean {
  return v !== '' && !v.includes('...') && !v.startsWith('<');
}

const MAX_SHAPE_DEPTH = 12;

interface WalkContext {
  report: (f: Finding) => void;
  /** Severity for parameter findings: information on failed calls. */
  severity?: CtSeverity;
  failed?: string;
  /** true for requestParameters (unknown members reported), false for responseElements. */
  request: boolean;
}

/** Lower-cased-first member name → [PascalCase name, shape], per structure (built on first use). */
const memberIndex = new Map<string, Map<string, [string, MemberShape]>>();
function membersOf(structName: string): Map<string, [string, MemberShape]> | undefined {
  let m = memberIndex.get(structName);
  if (!m) {
    const members = data.structures[structName];
    if (!members) return undefined;
    m = new Map();
    for (const name of Object.keys(members)) m.set(lowerFirst(name), [name, members[name]]);
    memberIndex.set(structName, m);
  }
  return m;
}

/** Required members of a structure as flat [lowerFirst, PascalCase, …] pairs (built on first use): no iterator per checked object. */
const requiredIndex = new Map<string, string[]>();
function requiredOf(structName: string): string[] {
  let r = requiredIndex.get(structName);
  if (r === undefined) {
    r = [];
    for (const [lower, [pascal, shape]] of membersOf(structName) ?? []) if (shape.required) r.push(lower, pascal);
    requiredIndex.set(structName, r);
  }
  return r;
}

const suggestions = new Map<string, string | undefined>();
function suggest(value: string, known: ReadonlySet<string>, cacheKey: string): string | undefined {
  const key = cacheKey + '\u0000' + value;
  if (!suggestions.has(key)) {
    if (suggestions.size > 1000) suggestions.clear();
    suggestions.set(key, closest(value, known));
  }
  return suggestions.get(key);
}

function note(ctx: WalkContext, f: Finding): void {
  f.path = f.path.slice();
  if (ctx.severity) {
    f.severity = ctx.severity;
    f.message += ` (the call failed with ${ctx.failed}, which this may explain)`;
  }
  ctx.report(f);
}

/** Checks a value against a member shape. `name` is the PascalCase member name. */
function checkValue(v: unknown, shape: MemberShape, name: string, path: (string | number)[], ctx: WalkContext, depth: number): void {
  if (v === null || v === undefined || depth > MAX_SHAPE_DEPTH) return;
  switch (shape.type) {
    case 'string': {
      if (typeof v !== 'string') {
        if (ctx.request) note(ctx, { ruleId: 'gamelift-parameter', message: `${lowerFirst(name)} should be a string`, path, part: 'value' });
        return;
      }
      const pattern = name === 'FleetId' || name === 'BuildId' || name === 'ScriptId' || name === 'Location' ? STRING_PATTERNS[name] : undefined;
      if (pattern && !(name === 'FleetId' && isPlainFleetId(v)) && !pattern[0].test(v) && isSpecific(v)) {
        note(ctx, { ruleId: 'gamelift-parameter', message: `${lowerFirst(name)} "${v}" is not ${pattern[1]}`, path, part: 'value' });
      }
      if (name === 'IpRange') checkCidr(v, path, ctx);
      return;
    }
    case 'number': {
      if (typeof v !== 'number') {
        if (ctx.request && !(typeof v === 'string' && v.trim() !== '' && !isNaN(Number(v)))) note(ctx, { ruleId: 'gamelift-parameter', message: `${lowerFirst(name)} should be a number`, path, part: 'value' });
        return;
      }
      if (NON_NEGATIVE.has(name) && (v < 0 || !Number.isInteger(v))) {
        note(ctx, { ruleId: 'gamelift-parameter', message: `${lowerFirst(name)} should be a whole number of at least 0`, path, part: 'value' });
      }
      return;
    }
    case 'boolean':
      if (typeof v !== 'boolean' && ctx.request) note(ctx, { ruleId: 'gamelift-parameter', message: `${lowerFirst(name)} should be true or false`, path, part: 'value' });
      return;
    case 'enum': {
      if (typeof v !== 'string' || !shape.ref) return;
      const set = enumSets.get(shape.ref);
      // Small enums by comparison (Set.has would hash every parsed string), big ones by lookup.
      const values = data.enums[shape.ref];
      if (!set || !values || (values.length <= 24 ? values.includes(v) : set.has(v)) || !isSpecific(v)) return;
      const suggestion = suggest(v, set, shape.ref);
      const fix = suggestion ? { title: `Change to ${suggestion}`, newValue: suggestion, isPreferred: true } : undefined;
      if (shape.ref === 'EC2InstanceType') {
        note(ctx, { ruleId: 'gamelift-instance-type', message: `"${v}" is not an EC2 instance type GameLift supports${suggestion ? ` — did you mean ${suggestion}?` : ''}`, path, part: 'value', fix });
      } else {
        const known = set.size <= 12 ? ` (known: ${[...set].join(', ')})` : '';
        note(ctx, { ruleId: 'gamelift-enum', message: `"${v}" is not a ${shape.ref} value${suggestion ? ` — did you mean ${suggestion}?` : known}`, path, part: 'value', fix });
      }
      return;
    }
    case 'list': {
      if (!Array.isArray(v)) {
        if (ctx.request) note(ctx, { ruleId: 'gamelift-parameter', message: `${lowerFirst(name)} should be a list`, path, part: 'value' });
        return;
      }
      const item = shape.item;
      if (!item) return;
      const itemName = LIST_ITEM_PATTERNS[name] ?? name;
      for (let i = 0; i < v.length; i++) {
        path.push(i);
        checkValue(v[i], item, itemName, path, ctx, depth + 1);
        path.pop();
      }
      return;
    }
    case 'map':
      if (isObject(v) && shape.item) {
        for (const k in v) {
          path.push(k);
          checkValue(v[k], shape.item, k, path, ctx, depth + 1);
          path.pop();
        }
      }
      return;
    case 'structure':
      if (!isObject(v)) {
        if (ctx.request) note(ctx, { ruleId: 'gamelift-parameter', message: `${lowerFirst(name)} should be an object`, path, part: 'value' });
        return;
      }
      if (shape.ref) checkStructure(v, shape.ref, path, ctx, depth + 1);
      return;
    default:
      return;
  }
}

function checkStructure(v: Record<string, unknown>, structName: string, path: (string | number)[], ctx: WalkContext, depth: number): void {
  const members = membersOf(structName);
  if (!members) return;
  let seen = 0;
  for (const key in v) {
    let entry = members.get(key);
    if (entry === undefined) {
      const pascalEntry = data.structures[structName][key];
      if (pascalEntry && ctx.request) {
        ctx.report({ ruleId: 'gamelift-unknown-parameter', message: `CloudTrail writes this parameter as ${lowerFirst(key)} (only the first letter lower-cased)`, path: [...path, key], part: 'key' });
        entry = [key, pascalEntry];
      } else {
        if (ctx.request && depth <= 1) {
          ctx.report({ ruleId: 'gamelift-unknown-parameter', message: `${key} is not a parameter of ${structName.replace(/Input$/, '')}`, path: [...path, key], part: 'key' });
        }
        continue;
      }
    }
    seen++;
    path.push(key);
    checkValue(v[key], entry[1], entry[0], path, ctx, depth);
    path.pop();
  }
  if (structName === 'IpPermission') checkPorts(v, path, ctx);
  if (ctx.request && !ctx.failed && seen < members.size) {
    let missing: string[] | undefined;
    const required = requiredOf(structName);
    for (let i = 0; i < required.length; i += 2) {
      if (v[required[i]] === undefined && v[required[i + 1]] === undefined) (missing ??= []).push(required[i]);
    }
    if (missing !== undefined) {
      ctx.report({ ruleId: 'gamelift-required-parameter', message: `Missing required ${missing.join(', ')} in a successful ${structName.replace(/Input$/, '')} call`, path: path.slice(), part: path.length === 0 ? 'record' : 'key' });
    }
  }
}

function checkPorts(v: Record<string, unknown>, path: (string | number)[], ctx: WalkContext): void {
  const from = v.fromPort ?? v.FromPort;
  const to = v.toPort ?? v.ToPort;
  for (const [key, port] of [['fromPort', from], ['toPort', to]] as const) {
    if (typeof port === 'number' && (port < 1 || port > 60000 || !Number.isInteger(port))) {
      note(ctx, { ruleId: 'gamelift-port-range', message: `${key} ${port} is outside the range GameLift allows (1–60000)`, path: [...path, key in v ? key : upperFirst(key)], part: 'value' });
    }
  }
  if (typeof from === 'number' && typeof to === 'number' && from > to) {
    note(ctx, { ruleId: 'gamelift-port-range', message: `fromPort ${from} is greater than toPort ${to}`, path: [...path, 'fromPort' in v ? 'fromPort' : 'FromPort'], part: 'value' });
  }
}

function checkCidr(v: string, path: (string | number)[], ctx: WalkContext): void {
  if (!isSpecific(v)) return;
  const m = CIDR4.exec(v);
  if (m) {
    if (+m[1] > 255 || +m[2] > 255 || +m[3] > 255 || +m[4] > 255 || +m[5] > 32) {
      note(ctx, { ruleId: 'gamelift-parameter', message: `ipRange "${v}" is not a valid CIDR block`, path, part: 'value' });
    }
    return;
  }
  const m6 = CIDR6.exec(v);
  if (m6 && +m6[1] <= 128) return;
  note(ctx, { ruleId: 'gamelift-parameter', message: `ipRange "${v}" is not a CIDR block (for example 0.0.0.0/0 or 10.24.34.0/23)`, path, part: 'value' });
}

// One context of each kind for the whole process, filled in per record: contexts made per record
// die with the run, and V8 would then drop their hidden class and the optimised walk code with it.
const noReport: Reporter = () => undefined;
const REQUEST_CONTEXT: WalkContext = { report: noReport, severity: undefined, failed: undefined, request: true };
const RESPONSE_CONTEXT: WalkContext = { report: noReport, severity: undefined, failed: undefined, request: false };

/** Runs the GameLift checks on a record whose eventSource is gamelift.amazonaws.com. */
export function checkGameLiftRecord(rec: Record<string, unknown>, report: Reporter): void {
  const name = rec.eventName;
  if (typeof name !== 'string') return;
  const op = data.operations[name];
  if (!op) {
    const suggestion = suggest(name, GAMELIFT_OPERATIONS, 'operation');
    report({
      ruleId: 'gamelift-operation',
      message: `"${name}" is not an Amazon GameLift operation${suggestion ? ` — did you mean ${suggestion}?` : ''}`,
      path: ['eventName'],
      part: 'value',
      fix: suggestion ? { title: `Change to ${suggestion}`, newValue: suggestion, isPreferred: true } : undefined,
    });
    return;
  }
  const errorCode = typeof rec.errorCode === 'string' && rec.errorCode !== '' ? rec.errorCode : undefined;
  const req = rec.requestParameters;
  if (op.input && isObject(req)) {
    const ctx = REQUEST_CONTEXT;
    ctx.report = report;
    ctx.failed = errorCode;
    ctx.severity = errorCode ? 'info' : undefined;
    checkStructure(req, op.input, ['requestParameters'], ctx, 0);
    ctx.report = noReport; // hold no validation (and its text) after the call
  }
  const res = rec.responseElements;
  if (op.output && isObject(res) && !errorCode) {
    RESPONSE_CONTEXT.report = report;
    checkStructure(res, op.output, ['responseElements'], RESPONSE_CONTEXT, 0);
    RESPONSE_CONTEXT.report = noReport;
  }
}
