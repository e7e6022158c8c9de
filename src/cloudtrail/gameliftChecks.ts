// GameLift-specific checks for records with eventSource gamelift.amazonaws.com: the operation
// name, request parameters against the API input shapes (from the generated
// data/gameliftShapes.json; CloudTrail lower-cases only the first letter of each member), value
// constraints the model declarations do not carry (ID patterns, ports, CIDR blocks), and enum
// values in responseElements (statuses). Failed calls (errorCode set) get information, not
// warnings: invalid parameters are often why the call failed.

import shapes from './data/gameliftShapes.json';
import type { Finding, Reporter } from './findings';
import { closest } from './suggest';
import type { CtSeverity } from './types';
import { isObject } from '../common/guards';

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
const CIDR6 = /^[0-9a-fA-F:]+\/(\d{1,3})$/;

/** Extra value constraints by (PascalCase) member name, where the model declarations carry none. */
const STRING_PATTERNS: Record<string, [RegExp, string]> = {
  FleetId: [FLEET_ID_OR_ARN, 'a fleet ID (fleet-…) or fleet ARN'],
  BuildId: [BUILD_ID_OR_ARN, 'a build ID (build-…) or build ARN'],
  ScriptId: [SCRIPT_ID_OR_ARN, 'a script ID (script-…) or script ARN'],
  Location: [LOCATION, 'a location name such as us-west-2 or custom-location-1'],
};
const LIST_ITEM_PATTERNS: Record<string, string> = { FleetIds: 'FleetId', BuildIds: 'BuildId', Locations: 'Location' };
const NON_NEGATIVE = new Set([
  'DesiredInstances',
  'MinSize',
  'MaxSize',
  'Limit',
  'ConcurrentExecutions',
  'NewGameSessionsPerCreator',
  'PolicyPeriodInMinutes',
]);

function lowerFirst(s: string): string {
  return s.length === 0 ? s : s[0].toLowerCase() + s.slice(1);
}
function upperFirst(s: string): string {
  return s.length === 0 ? s : s[0].toUpperCase() + s.slice(1);
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

const enum Kind {
  Other,
  String,
  Number,
  Boolean,
  Enum,
  List,
  Map,
  Structure,
}

/**
 * How to check one member's value, decided once per (shape, member name) from the model and the
 * extra constraints above, so the walk of each record only follows plans.
 */
interface ValuePlan {
  kind: Kind;
  /** PascalCase member name (messages use it lower-cased first). */
  name: string;
  pattern: [RegExp, string] | undefined;
  cidr: boolean;
  nonNegative: boolean;
  enumRef: string;
  enumSet: Set<string> | undefined;
  /** Lists: the plan of their items. */
  item: ValuePlan | undefined;
  /** Maps: the item shape, planned per key on first use (the key names the value). */
  mapItem: MemberShape | undefined;
  mapPlans: Map<string, ValuePlan> | undefined;
  /** Structures: the structure's name and, once first needed, its plan (structures can nest themselves). */
  structName: string;
  struct: StructurePlan | undefined;
}

interface StructurePlan {
  name: string;
  /** Members by the name CloudTrail writes (first letter lower-cased). */
  members: Map<string, ValuePlan>;
  /** Members by their PascalCase name, for records that keep the model's spelling. */
  pascal: Map<string, ValuePlan>;
  /** Required members as flat [lowerFirst, PascalCase, …] pairs. */
  required: string[];
  ipPermission: boolean;
}

function planValue(shape: MemberShape, name: string): ValuePlan {
  const kind = KINDS[shape.type];
  const enumSet = kind === Kind.Enum && shape.ref ? enumSets.get(shape.ref) : undefined;
  return {
    kind,
    name,
    pattern: Object.hasOwn(STRING_PATTERNS, name) ? STRING_PATTERNS[name] : undefined,
    cidr: name === 'IpRange',
    nonNegative: NON_NEGATIVE.has(name),
    enumRef: enumSet ? (shape.ref as string) : '',
    enumSet,
    item: kind === Kind.List && shape.item ? planValue(shape.item, LIST_ITEM_PATTERNS[name] ?? name) : undefined,
    mapItem: kind === Kind.Map ? shape.item : undefined,
    mapPlans: kind === Kind.Map && shape.item ? new Map() : undefined,
    structName: kind === Kind.Structure && shape.ref ? shape.ref : '',
    struct: undefined,
  };
}

const KINDS: Record<MemberShape['type'], Kind> = {
  string: Kind.String,
  number: Kind.Number,
  boolean: Kind.Boolean,
  enum: Kind.Enum,
  list: Kind.List,
  map: Kind.Map,
  structure: Kind.Structure,
  timestamp: Kind.Other,
  blob: Kind.Other,
  any: Kind.Other,
};

/** Structure plans by name (built on first use). */
const structurePlans = new Map<string, StructurePlan | null>();
function structurePlan(structName: string): StructurePlan | undefined {
  let plan = structurePlans.get(structName);
  if (plan === undefined) {
    const members = data.structures[structName];
    plan = null;
    if (members) {
      plan = {
        name: structName,
        members: new Map(),
        pascal: new Map(),
        required: [],
        ipPermission: structName === 'IpPermission',
      };
      for (const name of Object.keys(members)) {
        const member = planValue(members[name], name);
        plan.members.set(lowerFirst(name), member);
        plan.pascal.set(name, member);
        if (members[name].required) plan.required.push(lowerFirst(name), name);
      }
    }
    structurePlans.set(structName, plan);
  }
  return plan ?? undefined;
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

/** Checks a value against its plan. */
function checkValue(v: unknown, plan: ValuePlan, path: (string | number)[], ctx: WalkContext, depth: number): void {
  if (v === null || v === undefined || depth > MAX_SHAPE_DEPTH) return;
  switch (plan.kind) {
    case Kind.String: {
      if (typeof v !== 'string') {
        if (ctx.request)
          note(ctx, {
            ruleId: 'gamelift-parameter',
            message: `${lowerFirst(plan.name)} should be a string`,
            path,
            part: 'value',
          });
        return;
      }
      const pattern = plan.pattern;
      if (pattern !== undefined && !pattern[0].test(v) && isSpecific(v)) {
        note(ctx, {
          ruleId: 'gamelift-parameter',
          message: `${lowerFirst(plan.name)} "${v}" is not ${pattern[1]}`,
          path,
          part: 'value',
        });
      }
      if (plan.cidr) checkCidr(v, path, ctx);
      return;
    }
    case Kind.Number: {
      if (typeof v !== 'number') {
        if (ctx.request && !(typeof v === 'string' && v.trim() !== '' && !isNaN(Number(v))))
          note(ctx, {
            ruleId: 'gamelift-parameter',
            message: `${lowerFirst(plan.name)} should be a number`,
            path,
            part: 'value',
          });
        return;
      }
      if (plan.nonNegative && (v < 0 || !Number.isInteger(v))) {
        note(ctx, {
          ruleId: 'gamelift-parameter',
          message: `${lowerFirst(plan.name)} should be a whole number of at least 0`,
          path,
          part: 'value',
        });
      }
      return;
    }
    case Kind.Boolean:
      if (typeof v !== 'boolean' && ctx.request)
        note(ctx, {
          ruleId: 'gamelift-parameter',
          message: `${lowerFirst(plan.name)} should be true or false`,
          path,
          part: 'value',
        });
      return;
    case Kind.Enum: {
      const set = plan.enumSet;
      if (typeof v !== 'string' || set === undefined || set.has(v) || !isSpecific(v)) return;
      reportEnum(v, plan.enumRef, set, path, ctx);
      return;
    }
    case Kind.List: {
      if (!Array.isArray(v)) {
        if (ctx.request)
          note(ctx, {
            ruleId: 'gamelift-parameter',
            message: `${lowerFirst(plan.name)} should be a list`,
            path,
            part: 'value',
          });
        return;
      }
      const item = plan.item;
      if (item === undefined) return;
      for (let i = 0; i < v.length; i++) {
        path.push(i);
        checkValue(v[i], item, path, ctx, depth + 1);
        path.pop();
      }
      return;
    }
    case Kind.Map: {
      const plans = plan.mapPlans;
      const item = plan.mapItem;
      if (!isObject(v) || plans === undefined || item === undefined) return;
      for (const k in v) {
        let itemPlan = plans.get(k);
        if (itemPlan === undefined) {
          itemPlan = planValue(item, k);
          if (plans.size < 256) plans.set(k, itemPlan);
        }
        path.push(k);
        checkValue(v[k], itemPlan, path, ctx, depth + 1);
        path.pop();
      }
      return;
    }
    case Kind.Structure: {
      if (!isObject(v)) {
        if (ctx.request)
          note(ctx, {
            ruleId: 'gamelift-parameter',
            message: `${lowerFirst(plan.name)} should be an object`,
            path,
            part: 'value',
          });
        return;
      }
      const struct = plan.struct ?? (plan.structName ? (plan.struct = structurePlan(plan.structName)) : undefined);
      if (struct) checkStructure(v, struct, path, ctx, depth + 1);
      return;
    }
    default:
      return;
  }
}

function reportEnum(v: string, ref: string, set: Set<string>, path: (string | number)[], ctx: WalkContext): void {
  const suggestion = suggest(v, set, ref);
  const fix = suggestion ? { title: `Change to ${suggestion}`, newValue: suggestion, isPreferred: true } : undefined;
  if (ref === 'EC2InstanceType') {
    note(ctx, {
      ruleId: 'gamelift-instance-type',
      message: `"${v}" is not an EC2 instance type GameLift supports${suggestion ? ` — did you mean ${suggestion}?` : ''}`,
      path,
      part: 'value',
      fix,
    });
  } else {
    const known = set.size <= 12 ? ` (known: ${[...set].join(', ')})` : '';
    note(ctx, {
      ruleId: 'gamelift-enum',
      message: `"${v}" is not a ${ref} value${suggestion ? ` — did you mean ${suggestion}?` : known}`,
      path,
      part: 'value',
      fix,
    });
  }
}

function checkStructure(
  v: Record<string, unknown>,
  plan: StructurePlan,
  path: (string | number)[],
  ctx: WalkContext,
  depth: number,
): void {
  const members = plan.members;
  let seen = 0;
  for (const key in v) {
    let member = members.get(key);
    if (member === undefined) {
      member = plan.pascal.get(key);
      if (member !== undefined && ctx.request) {
        ctx.report({
          ruleId: 'gamelift-unknown-parameter',
          message: `CloudTrail writes this parameter as ${lowerFirst(key)} (only the first letter lower-cased)`,
          path: [...path, key],
          part: 'key',
        });
      } else {
        if (ctx.request && depth <= 1) {
          ctx.report({
            ruleId: 'gamelift-unknown-parameter',
            message: `${key} is not a parameter of ${plan.name.replace(/Input$/, '')}`,
            path: [...path, key],
            part: 'key',
          });
        }
        continue;
      }
    }
    seen++;
    path.push(key);
    checkValue(v[key], member, path, ctx, depth);
    path.pop();
  }
  if (plan.ipPermission) checkPorts(v, path, ctx);
  if (ctx.request && !ctx.failed && seen < members.size) {
    let missing: string[] | undefined;
    const required = plan.required;
    for (let i = 0; i < required.length; i += 2) {
      if (v[required[i]] === undefined && v[required[i + 1]] === undefined) (missing ??= []).push(required[i]);
    }
    if (missing !== undefined) {
      ctx.report({
        ruleId: 'gamelift-required-parameter',
        message: `Missing required ${missing.join(', ')} in a successful ${plan.name.replace(/Input$/, '')} call`,
        path: path.slice(),
        part: path.length === 0 ? 'record' : 'key',
      });
    }
  }
}

function checkPorts(v: Record<string, unknown>, path: (string | number)[], ctx: WalkContext): void {
  const from = v.fromPort ?? v.FromPort;
  const to = v.toPort ?? v.ToPort;
  for (const [key, port] of [
    ['fromPort', from],
    ['toPort', to],
  ] as const) {
    if (typeof port === 'number' && (port < 1 || port > 60000 || !Number.isInteger(port))) {
      note(ctx, {
        ruleId: 'gamelift-port-range',
        message: `${key} ${port} is outside the range GameLift allows (1–60000)`,
        path: [...path, key in v ? key : upperFirst(key)],
        part: 'value',
      });
    }
  }
  if (typeof from === 'number' && typeof to === 'number' && from > to) {
    note(ctx, {
      ruleId: 'gamelift-port-range',
      message: `fromPort ${from} is greater than toPort ${to}`,
      path: [...path, 'fromPort' in v ? 'fromPort' : 'FromPort'],
      part: 'value',
    });
  }
}

function checkCidr(v: string, path: (string | number)[], ctx: WalkContext): void {
  const form = cidr4(v);
  if (form === CIDR4_VALID || !isSpecific(v)) return;
  if (form === CIDR4_OUT_OF_RANGE) {
    note(ctx, {
      ruleId: 'gamelift-parameter',
      message: `ipRange "${v}" is not a valid CIDR block`,
      path,
      part: 'value',
    });
    return;
  }
  const m6 = CIDR6.exec(v);
  if (m6 && +m6[1] <= 128) return;
  note(ctx, {
    ruleId: 'gamelift-parameter',
    message: `ipRange "${v}" is not a CIDR block (for example 0.0.0.0/0 or 10.24.34.0/23)`,
    path,
    part: 'value',
  });
}

export const CIDR4_OTHER = 0;
export const CIDR4_VALID = 1;
export const CIDR4_OUT_OF_RANGE = 2;
const CIDR4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/** Whether `v` is an IPv4 CIDR block: valid, of that form but out of range, or something else. */
export function cidr4(v: string): number {
  const m = CIDR4.exec(v);
  if (!m) return CIDR4_OTHER;
  const inRange = +m[1] <= 255 && +m[2] <= 255 && +m[3] <= 255 && +m[4] <= 255 && +m[5] <= 32;
  return inRange ? CIDR4_VALID : CIDR4_OUT_OF_RANGE;
}

interface OperationPlan {
  input: StructurePlan | undefined;
  output: StructurePlan | undefined;
}

/** Each operation's input and output structure plans, by operation name. */
const OPERATION_PLANS = new Map<string, OperationPlan>(
  Object.entries(data.operations).map(([name, op]) => [
    name,
    {
      input: op.input ? structurePlan(op.input) : undefined,
      output: op.output ? structurePlan(op.output) : undefined,
    },
  ]),
);

/** Runs the GameLift checks on a record whose eventSource is gamelift.amazonaws.com. */
export function checkGameLiftRecord(rec: Record<string, unknown>, report: Reporter): void {
  const name = rec.eventName;
  if (typeof name !== 'string') return;
  const op = OPERATION_PLANS.get(name);
  if (op === undefined) {
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
  if (op.input !== undefined && isObject(req)) {
    const ctx: WalkContext = { report, failed: errorCode, severity: errorCode ? 'info' : undefined, request: true };
    checkStructure(req, op.input, ['requestParameters'], ctx, 0);
  }
  const res = rec.responseElements;
  if (op.output !== undefined && isObject(res) && !errorCode) {
    checkStructure(res, op.output, ['responseElements'], { report, request: false }, 0);
  }
}
