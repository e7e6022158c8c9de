// The Athena path: the documented CloudTrail table with partition projection for a trail bucket,
// and the SELECT of a query, with every user value quoted (no way to break out of a literal).
import * as assert from 'node:assert/strict';
import { AthenaInputError, athenaCreateTable, athenaSelect, sqlString } from '../../../src/history/athena';

/** The SQL with its string literals removed: what is left is what the statement does. */
function withoutLiterals(sql: string): string {
  let out = '';
  for (let i = 0; i < sql.length; i++) {
    if (sql[i] === "'" || (sql.startsWith("U&'", i) && (i += 2))) {
      i++;
      for (;;) {
        if (i >= sql.length) throw new Error(`unterminated literal in ${sql}`);
        if (sql[i] === "'" && sql[i + 1] === "'") i += 2;
        else if (sql[i] === "'") break;
        else i++;
      }
      out += '?';
    } else out += sql[i];
  }
  return out;
}

describe('history: the Athena path', () => {
  const options = {
    bucket: 'studio-trail-logs',
    prefix: 'org/',
    accounts: ['111122223333', '444455556666'],
    regions: ['us-west-2', 'eu-west-1'],
  };

  it("creates CloudTrail's table with partition projection over accounts, Regions and days", () => {
    const ddl = athenaCreateTable(options);
    assert.match(ddl, /^CREATE EXTERNAL TABLE cloudtrail_logs \(/);
    assert.match(ddl, /ROW FORMAT SERDE 'org\.apache\.hive\.hcatalog\.data\.JsonSerDe'/);
    assert.match(ddl, /STORED AS INPUTFORMAT 'com\.amazon\.emr\.cloudtrail\.CloudTrailInputFormat'/);
    assert.match(ddl, /PARTITIONED BY \(account STRING, region STRING, `timestamp` STRING\)/);
    assert.match(ddl, /LOCATION 's3:\/\/studio-trail-logs\/org\/AWSLogs\/'/);
    assert.match(ddl, /'projection\.account\.values'='111122223333,444455556666'/);
    assert.match(ddl, /'projection\.region\.values'='us-west-2,eu-west-1'/);
    assert.match(ddl, /'projection\.timestamp\.range'='2020\/01\/01,NOW'/);
    assert.match(
      ddl,
      /'storage\.location\.template'='s3:\/\/studio-trail-logs\/org\/AWSLogs\/\$\{account\}\/CloudTrail\/\$\{region\}\/\$\{timestamp\}'/,
    );
    for (const column of [
      'useridentity STRUCT<',
      'eventtime STRING',
      'requestparameters STRING',
      'resources ARRAY<STRUCT<',
      'tlsdetails STRUCT<',
    ])
      assert.ok(ddl.includes(column), column);
    const org = athenaCreateTable({ ...options, prefix: undefined, organizationId: 'o-exampleorgid', table: 'trail' });
    assert.match(org, /LOCATION 's3:\/\/studio-trail-logs\/AWSLogs\/o-exampleorgid\/'/);
  });

  it('refuses names and values that would not be a trail bucket', () => {
    for (const bad of [
      { bucket: "x'; DROP TABLE y; --" },
      { prefix: "a'b" },
      { accounts: ['12345'] },
      { regions: ['us west 2'] },
      { organizationId: 'org-1' },
      { table: 'Drop table' },
      { firstDay: '2020-01-01' },
      { accounts: [] },
    ]) {
      assert.throws(() => athenaCreateTable({ ...options, ...bad }), AthenaInputError, JSON.stringify(bad));
    }
  });

  it('turns a query into a SELECT with partitions pruned and the same filters', () => {
    const sql = athenaSelect({
      since: Date.UTC(2026, 10, 19, 22),
      until: Date.UTC(2026, 10, 20, 3),
      fields: {
        eventSource: { values: ['gamelift.amazonaws.com'] },
        eventName: { values: ['UpdateFleetCapacity', 'DeleteFleet'] },
        principal: { text: 'Alice' },
        region: { values: ['eu-west-1'] },
      },
      fleet: 'arn:aws:gamelift:eu-west-1:111122223333:fleet/fleet-1234',
      errorsOnly: true,
      writesOnly: true,
    });
    assert.match(sql, /"timestamp" >= '2026\/11\/19'/);
    assert.match(sql, /"timestamp" <= '2026\/11\/21'/, 'deliveries come after the calls');
    assert.match(sql, /region IN \('eu-west-1'\)/);
    assert.match(sql, /eventtime >= '2026-11-19T22:00:00Z'/);
    assert.match(sql, /eventtime < '2026-11-20T03:00:00Z'/);
    assert.match(sql, /eventsource IN \('gamelift\.amazonaws\.com'\)/);
    assert.match(sql, /eventname IN \('UpdateFleetCapacity', 'DeleteFleet'\)/);
    assert.match(
      sql,
      /strpos\(lower\(coalesce\(useridentity\.arn.*'alice'\) > 0 OR strpos\(lower\(coalesce\(useridentity\.username/,
    );
    assert.match(sql, /strpos\(requestparameters, '"fleet-1234"'\) > 0/);
    assert.match(sql, /substr\(r\.arn, -11\) = '\/fleet-1234'/);
    assert.match(sql, /coalesce\(errorcode, ''\) <> ''/);
    assert.match(sql, /readonly = 'false'/);
    assert.match(sql, /ORDER BY eventtime DESC\nLIMIT 1000$/);
    assert.doesNotMatch(athenaSelect({}), /WHERE/);
    assert.match(
      athenaSelect({ order: 'oldest' }, { limit: 5, table: 'mine' }),
      /FROM mine\nORDER BY eventtime ASC\nLIMIT 5$/,
    );
  });

  it('keeps every user value inside its literal, quotes and control characters included', () => {
    const hostile = ["x' OR '1'='1", "a''); DROP TABLE t; --", 'line\nbreak', 'back\\slash\u0000', '\u2028'];
    for (const value of hostile) {
      const sql = athenaSelect({
        text: value,
        fields: { eventName: { values: [value] }, principal: { text: value }, resource: { text: value } },
        fleet: value,
      });
      const skeleton = withoutLiterals(sql);
      assert.ok(!/DROP|OR '1'|break|slash/.test(skeleton), skeleton);
      assert.ok(!/[\u0000\u2028]/.test(sql) && !sql.includes('line\nbreak'), 'control characters are escaped');
    }
    assert.equal(sqlString("it's"), "'it''s'");
    assert.equal(sqlString('a\nb\\'), "U&'a\\000ab\\\\'");
  });
});
