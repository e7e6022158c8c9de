// Catalogue of every CloudTrail rule: stable id, default severity and description (for
// settings, docs and the CLI). The checks themselves live in recordChecks.ts and gameliftChecks.ts.
// Severities follow one principle: error = a consumer of the file would break or be misled
// (invalid JSON, wrong JSON types, impossible times); warning = suspicious or unknown values;
// information = harmless oddities; hint = documentation placeholders (AWS's sample data is not a problem).

import type { CtRuleInfo, CtSeverity } from './types';

export const RULES: ReadonlyArray<CtRuleInfo> = [
  {
    id: 'syntax',
    defaultSeverity: 'error',
    description:
      'The text is not valid JSON: missing quote, comma or colon, trailing comma, unterminated string, truncated file, stray characters.',
  },
  { id: 'max-depth', defaultSeverity: 'warning', description: 'A value is nested so deeply that it is not checked.' },
  {
    id: 'no-records',
    defaultSeverity: 'info',
    description:
      'The JSON holds no CloudTrail records (no Records array, record array, record, EventBridge envelope or JSON lines).',
  },
  { id: 'record-type', defaultSeverity: 'error', description: 'A record is not a JSON object.' },
  {
    id: 'required-field',
    defaultSeverity: 'warning',
    description:
      'A field CloudTrail always writes for this eventType and eventVersion is missing (Insights records have no userIdentity, eventSource, eventName…).',
  },
  {
    id: 'field-type',
    defaultSeverity: 'warning',
    description:
      'A CloudTrail field has the wrong JSON type (for example readOnly or managementEvent not a boolean, eventTime not a string).',
  },
  {
    id: 'field-version',
    defaultSeverity: 'info',
    description: 'A field appears in a record whose eventVersion predates the field.',
  },
  {
    id: 'event-version',
    defaultSeverity: 'warning',
    description: 'eventVersion is not of the form major.minor or is not a known version (1.0 to 1.11).',
  },
  {
    id: 'event-time-format',
    defaultSeverity: 'warning',
    description: 'eventTime is not ISO 8601 UTC with whole seconds (YYYY-MM-DDThh:mm:ssZ).',
  },
  {
    id: 'event-time-invalid',
    defaultSeverity: 'error',
    description: 'eventTime is not a real date and time (for example month 13 or 30 February).',
  },
  { id: 'event-id', defaultSeverity: 'warning', description: 'eventID or sharedEventID is not a UUID.' },
  {
    id: 'request-id',
    defaultSeverity: 'info',
    description: 'requestID is empty or contains blanks (its format is service-specific, so nothing more is checked).',
  },
  {
    id: 'account-id',
    defaultSeverity: 'warning',
    description: 'An account ID is not 12 digits (ANONYMOUS_PRINCIPAL and service principals are accepted).',
  },
  {
    id: 'region',
    defaultSeverity: 'warning',
    description: 'awsRegion does not look like a region (for example us-west-2).',
  },
  {
    id: 'event-type',
    defaultSeverity: 'warning',
    description:
      'eventType is not a known value (AwsApiCall, AwsServiceEvent, AwsConsoleAction, AwsConsoleSignIn, AwsCloudTrailInsight, AwsVpceEvent).',
  },
  {
    id: 'event-category',
    defaultSeverity: 'warning',
    description: 'eventCategory is not a known value (Management, Data, NetworkActivity, Insight).',
  },
  {
    id: 'identity-type',
    defaultSeverity: 'warning',
    description: 'userIdentity.type (or sessionIssuer.type) is not a known value.',
  },
  {
    id: 'duplicate-event-id',
    defaultSeverity: 'warning',
    description:
      'Two records in the file share an eventID (identical copies, which CloudTrail occasionally delivers, are information).',
  },
  {
    id: 'error-code-without-message',
    defaultSeverity: 'info',
    description: 'errorCode without errorMessage (some services log only the code).',
  },
  {
    id: 'error-message-without-code',
    defaultSeverity: 'warning',
    description:
      'errorMessage without errorCode: a failed call always carries its errorCode (console sign-in failures excepted, which AWS logs with a message only).',
  },
  {
    id: 'source-ip',
    defaultSeverity: 'warning',
    description: 'sourceIPAddress is neither an IPv4/IPv6 address, a service host name nor "AWS Internal".',
  },
  {
    id: 'resource-arn',
    defaultSeverity: 'warning',
    description:
      'An entry of resources[] has no ARN of the form arn:partition:service:region:account:resource (the key is upper-case ARN).',
  },
  {
    id: 'placeholder',
    defaultSeverity: 'hint',
    description: 'A documentation placeholder (EXAMPLE in an ID or key, account 111122223333 or 123456789012).',
  },
  {
    id: 'gamelift-operation',
    defaultSeverity: 'warning',
    description: 'eventName is not one of the 120 Amazon GameLift operations (with a "did you mean" fix).',
  },
  {
    id: 'gamelift-parameter',
    defaultSeverity: 'warning',
    description:
      'A GameLift request parameter or response element does not fit the API shape (JSON type, ID pattern, number range, CIDR block).',
  },
  {
    id: 'gamelift-required-parameter',
    defaultSeverity: 'warning',
    description: 'A required GameLift request parameter is missing from a successful call.',
  },
  {
    id: 'gamelift-unknown-parameter',
    defaultSeverity: 'info',
    description:
      "A GameLift request parameter is not a member of the operation's input (CloudTrail lower-cases only the first letter: eC2InstanceType).",
  },
  {
    id: 'gamelift-port-range',
    defaultSeverity: 'warning',
    description: 'A port range is outside 1–60000 or fromPort is greater than toPort.',
  },
  {
    id: 'gamelift-instance-type',
    defaultSeverity: 'warning',
    description: 'The EC2 instance type is not one GameLift supports.',
  },
  {
    id: 'gamelift-enum',
    defaultSeverity: 'warning',
    description:
      'A GameLift enum value (FleetType, OperatingSystem, ProtectionPolicy, ComputeType, fleet status…) is not known.',
  },
];

const byId = new Map(RULES.map((r) => [r.id, r]));

export function ruleInfo(id: string): CtRuleInfo | undefined {
  return byId.get(id);
}

export function defaultSeverity(id: string): CtSeverity {
  return byId.get(id)?.defaultSeverity ?? 'warning';
}
