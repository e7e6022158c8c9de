// Keeps V8's hidden classes of parsed records alive between validations, and with them the
// optimised checking code specialised for them.
//
// V8 finds an object's hidden class by following transitions (one per property JSON.parse adds)
// and holds those classes weakly: when no object of a class is left, a full garbage collection
// drops it, marks all optimised code that embeds it for deoptimisation, and the next validation
// makes a new class for the same keys. Measured: after that, the record checks ran about 30%
// slower for good (V8 did not optimise them again), which is what a long-lived worker would see
// after its first full collections. So one record of each top-level shape is kept for the life of
// the process, plus a ring of recent records for the nested shapes (identities, parameters).

/** Records by their shape signature (which known fields they have), one each, kept for good. */
const byShape = new Map<number, unknown>();
const MAX_SHAPES = 256;

/** Recent records, overwritten in place. */
const ring: unknown[] = new Array<unknown>(256).fill(undefined);
let ringNext = 0;
/** Records seen by this process: sampling by it, not by index, reaches other records of a file each run. */
let seen = 0;

/** One instance of each per-run class (the validation, its parser, index, summary and parsed-value holders). */
const instances: unknown[] = [];

/** Keeps instances of per-run classes (the first few calls only: one instance of a class is enough). */
export function keepInstances(...objects: unknown[]): void {
  if (instances.length < 16) instances.push(...objects);
}

/** Keeps what a parsed record needs kept (called for every record: cheap when nothing is new). */
export function keepRecordShape(record: Record<string, unknown>): void {
  if ((++seen & 31) === 0) keepRecent(record);
  const shape = shapeOf(record);
  if (shape !== lastShape && byShape.size < MAX_SHAPES && !byShape.has(shape)) byShape.set(shape, record);
  lastShape = shape;
}
let lastShape = -1;

/** Keeps a record among the recent ones (records with findings: they are the rare shapes). */
export function keepRecent(record: unknown): void {
  ring[ringNext] = record;
  ringNext = (ringNext + 1) & 255;
}

/**
 * Which of CloudTrail's fields (recordChecks' RECORD_FIELDS, a test holds the two together) a
 * record has, one bit each: records with the same fields in the same order share a hidden class
 * (CloudTrail writes its fields in one order). Named reads, which the optimiser turns into a few
 * instructions each on records of one class, rather than a loop over the table's names.
 */
export function shapeOf(r: Record<string, unknown>): number {
  return (
    has(r.eventVersion, 0) |
    has(r.userIdentity, 1) |
    has(r.eventTime, 2) |
    has(r.eventSource, 3) |
    has(r.eventName, 4) |
    has(r.awsRegion, 5) |
    has(r.sourceIPAddress, 6) |
    has(r.userAgent, 7) |
    has(r.errorCode, 8) |
    has(r.errorMessage, 9) |
    has(r.requestParameters, 10) |
    has(r.responseElements, 11) |
    has(r.additionalEventData, 12) |
    has(r.requestID, 13) |
    has(r.eventID, 14) |
    has(r.apiVersion, 15) |
    has(r.readOnly, 16) |
    has(r.resources, 17) |
    has(r.eventType, 18) |
    has(r.recipientAccountId, 19) |
    has(r.sharedEventID, 20) |
    has(r.vpcEndpointId, 21) |
    has(r.serviceEventDetails, 22) |
    has(r.managementEvent, 23) |
    has(r.eventCategory, 24) |
    has(r.insightDetails, 25) |
    has(r.addendum, 26) |
    has(r.sessionCredentialFromConsole, 27) |
    has(r.edgeDeviceDetails, 28) |
    has(r.tlsDetails, 29) |
    has(r.vpcEndpointAccountId, 30) |
    has(r.eventContext, 31)
  );
}

function has(v: unknown, bit: number): number {
  return v === undefined ? 0 : 1 << bit;
}
