// The Athena path for histories too large for one machine: the CREATE TABLE of CloudTrail's
// documented Athena DDL for a trail bucket, with partition projection over accounts, Regions and
// days (no crawler, no ALTER TABLE ADD PARTITION), and the SELECT for a HistoryQuery. Every value
// from the user is quoted as an SQL string; names are checked before they are used.
import { gameliftResourceId } from './gameliftIds';
import type { FieldFilter, HistoryField, HistoryQuery } from './types';

export interface AthenaTableOptions {
  /** The trail's S3 bucket. */
  readonly bucket: string;
  /** The trail's key prefix, if it has one (the part before `AWSLogs/`). */
  readonly prefix?: string;
  /** For an organization trail: `o-…` (its logs are under `AWSLogs/<org id>/<account>/…`). */
  readonly organizationId?: string;
  readonly accounts: readonly string[];
  readonly regions: readonly string[];
  /** First day with logs, `yyyy/MM/dd` (default 2020/01/01). */
  readonly firstDay?: string;
  /** Default `cloudtrail_logs`. */
  readonly table?: string;
}

const TABLE_NAME = /^[a-z_][a-z0-9_]{0,127}$/;
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const PREFIX = /^[A-Za-z0-9!\-_.*()/]*$/;
const ACCOUNT = /^\d{12}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const ORG = /^o-[a-z0-9]{10,32}$/;
const DAY = /^\d{4}\/\d{2}\/\d{2}$/;

export class AthenaInputError extends Error {
  override readonly name = 'AthenaInputError';
}

function check(ok: boolean, message: string): void {
  if (!ok) throw new AthenaInputError(message);
}

/** An SQL string literal; control characters go through a Unicode escape literal. */
export function sqlString(value: string): string {
  if (!/[\u0000-\u001f\u007f\u2028\u2029]/.test(value)) return `'${value.replace(/'/g, "''")}'`;
  let body = '';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (ch === "'") body += "''";
    else if (ch === '\\') body += '\\\\';
    else if (code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029)
      body += `\\${code.toString(16).padStart(4, '0')}`;
    else body += ch;
  }
  return `U&'${body}'`;
}

/** The S3 folder of the trail's logs: `s3://bucket/[prefix/]AWSLogs/[o-org/]`. */
function logsRoot(o: AthenaTableOptions): string {
  check(BUCKET.test(o.bucket), `"${o.bucket}" is not an S3 bucket name`);
  const prefix = (o.prefix ?? '').replace(/^\/+|\/+$/g, '');
  check(PREFIX.test(prefix), `the prefix "${o.prefix}" has characters S3 key prefixes of trails do not use`);
  if (o.organizationId !== undefined)
    check(ORG.test(o.organizationId), `"${o.organizationId}" is not an organization ID (o-…)`);
  return `s3://${o.bucket}/${prefix ? `${prefix}/` : ''}AWSLogs/${o.organizationId ? `${o.organizationId}/` : ''}`;
}

/** CloudTrail's documented Athena table, with partition projection on account, Region and day. */
export function athenaCreateTable(o: AthenaTableOptions): string {
  const table = o.table ?? 'cloudtrail_logs';
  check(TABLE_NAME.test(table), `"${table}" is not a table name Athena accepts (lower-case letters, digits, _)`);
  check(
    o.accounts.length > 0 && o.accounts.every((a) => ACCOUNT.test(a)),
    'give the 12-digit account IDs of the trail',
  );
  check(
    o.regions.length > 0 && o.regions.every((r) => REGION.test(r)),
    'give the Regions of the trail (like us-west-2)',
  );
  const firstDay = o.firstDay ?? '2020/01/01';
  check(DAY.test(firstDay), `the first day must look like 2020/01/01, not "${firstDay}"`);
  const root = logsRoot(o);
  return `CREATE EXTERNAL TABLE ${table} (
    eventversion STRING,
    useridentity STRUCT<
        type: STRING,
        principalid: STRING,
        arn: STRING,
        accountid: STRING,
        invokedby: STRING,
        accesskeyid: STRING,
        username: STRING,
        onbehalfof: STRUCT<
             userid: STRING,
             identitystorearn: STRING>,
        sessioncontext: STRUCT<
            attributes: STRUCT<
                mfaauthenticated: STRING,
                creationdate: STRING>,
            sessionissuer: STRUCT<
                type: STRING,
                principalid: STRING,
                arn: STRING,
                accountid: STRING,
                username: STRING>,
            ec2roledelivery: STRING,
            webidfederationdata: STRUCT<
                federatedprovider: STRING,
                attributes: map<string,string>>
        >
    >,
    eventtime STRING,
    eventsource STRING,
    eventname STRING,
    awsregion STRING,
    sourceipaddress STRING,
    useragent STRING,
    errorcode STRING,
    errormessage STRING,
    requestparameters STRING,
    responseelements STRING,
    additionaleventdata STRING,
    requestid STRING,
    eventid STRING,
    readonly STRING,
    resources ARRAY<STRUCT<
        arn: STRING,
        accountid: STRING,
        type: STRING>>,
    eventtype STRING,
    apiversion STRING,
    recipientaccountid STRING,
    serviceeventdetails STRING,
    sharedeventid STRING,
    vpcendpointid STRING,
    vpcendpointaccountid STRING,
    eventcategory STRING,
    addendum STRUCT<
      reason: STRING,
      updatedfields: STRING,
      originalrequestid: STRING,
      originaleventid: STRING>,
    sessioncredentialfromconsole STRING,
    edgedevicedetails STRING,
    tlsdetails STRUCT<
      tlsversion: STRING,
      ciphersuite: STRING,
      clientprovidedhostheader: STRING>
  )
PARTITIONED BY (account STRING, region STRING, \`timestamp\` STRING)
ROW FORMAT SERDE 'org.apache.hive.hcatalog.data.JsonSerDe'
STORED AS INPUTFORMAT 'com.amazon.emr.cloudtrail.CloudTrailInputFormat'
OUTPUTFORMAT 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat'
LOCATION '${root}'
TBLPROPERTIES (
  'projection.enabled'='true',
  'projection.account.type'='enum',
  'projection.account.values'='${o.accounts.join(',')}',
  'projection.region.type'='enum',
  'projection.region.values'='${o.regions.join(',')}',
  'projection.timestamp.type'='date',
  'projection.timestamp.format'='yyyy/MM/dd',
  'projection.timestamp.interval'='1',
  'projection.timestamp.interval.unit'='DAYS',
  'projection.timestamp.range'='${firstDay},NOW',
  'storage.location.template'='${root}\${account}/CloudTrail/\${region}/\${timestamp}')`;
}

/** The SQL expression of each field, as the history index reads it from a record. */
const FIELD_SQL: Record<Exclude<HistoryField, 'resource'>, string> = {
  eventSource: 'eventsource',
  eventName: 'eventname',
  principal: 'coalesce(useridentity.arn, useridentity.invokedby, useridentity.principalid, useridentity.type)',
  user: "coalesce(useridentity.username, regexp_extract(useridentity.arn, ':assumed-role/[^/]+/(.+)$', 1), useridentity.invokedby)",
  sourceIp: 'sourceipaddress',
  region: 'awsregion',
  account: 'coalesce(recipientaccountid, useridentity.accountid)',
  errorCode: "coalesce(errorcode, '')",
};

const contains = (expr: string, text: string) => `strpos(lower(${expr}), ${sqlString(text.toLowerCase())}) > 0`;

/** The record names this GameLift ID, or this resource ARN: as a JSON string, at the end of an ARN, or in resources. */
function mentions(id: string): string {
  const inText = ['requestparameters', 'responseelements'].flatMap((column) =>
    [`"${id}"`, `/${id}"`].map((needle) => `strpos(${column}, ${sqlString(needle)}) > 0`),
  );
  const inResources = `any_match(resources, r -> r.arn = ${sqlString(id)} OR substr(r.arn, -${id.length + 1}) = ${sqlString(`/${id}`)})`;
  return `(${[...inText, inResources].join(' OR ')})`;
}

function fieldCondition(field: HistoryField, f: FieldFilter): string | undefined {
  if (field === 'resource') {
    const parts: string[] = [];
    if (f.values)
      parts.push(
        f.values.length ? `(${f.values.map((v) => mentions(gameliftResourceId(v) ?? v)).join(' OR ')})` : 'FALSE',
      );
    if (f.text) {
      const needle = gameliftResourceId(f.text.trim()) ?? f.text.trim();
      parts.push(
        `(${contains('requestparameters', needle)} OR ${contains('responseelements', needle)} OR any_match(resources, r -> ${contains('r.arn', needle)}))`,
      );
    }
    return parts.length ? parts.join(' AND ') : undefined;
  }
  const exprs = field === 'principal' ? [FIELD_SQL.principal, FIELD_SQL.user] : [FIELD_SQL[field]];
  const one = (expr: string) => {
    const parts: string[] = [];
    if (f.values) parts.push(f.values.length ? `${expr} IN (${f.values.map(sqlString).join(', ')})` : 'FALSE');
    if (f.text) parts.push(contains(expr, f.text));
    return parts.join(' AND ');
  };
  const conditions = exprs.map(one).filter(Boolean);
  return conditions.length === 0 ? undefined : conditions.length === 1 ? conditions[0] : `(${conditions.join(' OR ')})`;
}

function isoSecond(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

function day(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10).replace(/-/g, '/');
}

/** The SELECT for a query over a table made by athenaCreateTable. */
export function athenaSelect(query: HistoryQuery, options: { table?: string; limit?: number } = {}): string {
  const table = options.table ?? 'cloudtrail_logs';
  check(TABLE_NAME.test(table), `"${table}" is not a table name Athena accepts (lower-case letters, digits, _)`);
  const limit = options.limit ?? 1000;
  check(Number.isInteger(limit) && limit > 0, 'the row limit must be a whole number above 0');
  const where: string[] = [];
  // Partitions first, so Athena reads only those days, accounts and Regions. A call is
  // delivered after it happens (within minutes, sometimes hours), never before.
  if (query.since !== undefined) where.push(`"timestamp" >= ${sqlString(day(query.since))}`);
  if (query.until !== undefined) where.push(`"timestamp" <= ${sqlString(day(query.until + 86_400_000))}`);
  const accounts = query.fields?.account?.values;
  if (accounts?.length && accounts.every((a) => ACCOUNT.test(a)))
    where.push(`account IN (${accounts.map(sqlString).join(', ')})`);
  const regions = query.fields?.region?.values;
  if (regions?.length && regions.every((r) => REGION.test(r)))
    where.push(`region IN (${regions.map(sqlString).join(', ')})`);
  // eventtime is ISO 8601 in UTC with whole seconds: as text it sorts as time does.
  if (query.since !== undefined) where.push(`eventtime >= ${sqlString(isoSecond(query.since))}`);
  if (query.until !== undefined) where.push(`eventtime < ${sqlString(isoSecond(query.until))}`);
  for (const [field, filter] of Object.entries(query.fields ?? {}) as Array<[HistoryField, FieldFilter | undefined]>) {
    if (!filter) continue;
    const condition = fieldCondition(field, filter);
    if (condition) where.push(condition);
  }
  if (query.fleet)
    where.push(
      `eventsource = 'gamelift.amazonaws.com' AND ${mentions(gameliftResourceId(query.fleet.trim()) ?? query.fleet.trim())}`,
    );
  if (query.errorsOnly) where.push("coalesce(errorcode, '') <> ''");
  if (query.writesOnly) where.push("readonly = 'false'");
  if (query.text) {
    const all = [...Object.values(FIELD_SQL), 'requestparameters', 'responseelements'];
    where.push(`(${all.map((e) => contains(`coalesce(${e}, '')`, query.text!)).join(' OR ')})`);
  }
  return [
    'SELECT eventtime, eventsource, eventname,',
    `       ${FIELD_SQL.user} AS who,`,
    `       ${FIELD_SQL.principal} AS principal,`,
    '       sourceipaddress, awsregion, recipientaccountid, errorcode, errormessage, readonly,',
    '       requestparameters, responseelements, eventid',
    `FROM ${table}`,
    ...(where.length ? [`WHERE ${where.join('\n  AND ')}`] : []),
    `ORDER BY eventtime ${query.order === 'oldest' ? 'ASC' : 'DESC'}`,
    `LIMIT ${limit}`,
  ].join('\n');
}
