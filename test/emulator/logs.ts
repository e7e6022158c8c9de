// Event logs behind PreSignedLogUrl: mints a fresh S3-style presigned URL pointing at the
// endpoint itself for every DescribeFleetEvents answer, and serves it with GET until 15
// minutes after minting; afterwards (or when tampered with) it answers like S3 does.
import { zipSync, strToU8 } from 'fflate';
import { randomBytes } from 'node:crypto';
import type * as http from 'node:http';
import { gzipSync } from 'node:zlib';
import { creationLogFor } from './creationLogs';
import { logTextFor } from './eventText';
import { presignUrl, verifyPresignedUrl } from './sigv4';
import type { EmulatorState, EventRecord, FleetRecord } from './state';

/** Access key the endpoint signs log URLs with (not an account credential). */
const LOG_SIGNING_KEY_ID = 'AKIAEMULATORLOGSIGNER';
export const LOG_URL_EXPIRES_SECONDS = 900;
export const LOG_PATH_PREFIX = '/logs/';
/** The request record's operation name for a log download (S3's name for the call). */
export const LOG_DOWNLOAD_OPERATION = 'GetObject';

const EXTENSION = { text: '.txt', gzip: '.log.gz', zip: '.zip' } as const;

/** What one log download did, for the endpoint's request record. */
export interface ServedLog {
  readonly status: number;
  /** Why a presigned URL was refused: expired, signature, malformed. */
  readonly reason?: string;
  /** S3's error code when refused (AccessDenied, SignatureDoesNotMatch, NoSuchKey). */
  readonly errorCode?: string;
  readonly fleetId?: string;
  readonly eventId?: string;
}

export class EventLogs {
  private readonly secret = randomBytes(24).toString('base64');

  constructor(
    private readonly state: EmulatorState,
    private readonly now: () => number,
  ) {}

  /** A new presigned URL for one event's log; `host` is the Host the client used. */
  mint(host: string, fleet: FleetRecord, event: EventRecord): string {
    return presignUrl(`http://${host}`, {
      host,
      path: `${LOG_PATH_PREFIX}${fleet.fleetId}/${encodeURIComponent(event.eventId)}${EXTENSION[event.logFormat ?? 'text']}`,
      accessKeyId: LOG_SIGNING_KEY_ID,
      secret: this.secret,
      region: fleet.region,
      service: 's3',
      now: this.now(),
      expiresSeconds: LOG_URL_EXPIRES_SECONDS,
    });
  }

  /** Answers GET/HEAD /logs/…; returns the HTTP status sent (for the request log). */
  serve(req: http.IncomingMessage, res: http.ServerResponse, host: string): ServedLog {
    const url = req.url ?? '/';
    const check = verifyPresignedUrl(
      url,
      host,
      (key) => (key === LOG_SIGNING_KEY_ID ? this.secret : undefined),
      this.now(),
    );
    if (!check.ok) {
      let errorCode = 'AccessDenied';
      if (check.reason === 'expired') {
        const expires = isoSeconds(check.expiresAt ?? 0);
        const server = isoSeconds(this.now());
        s3Error(
          res,
          403,
          'AccessDenied',
          'Request has expired',
          `<X-Amz-Expires>${LOG_URL_EXPIRES_SECONDS}</X-Amz-Expires><Expires>${expires}</Expires><ServerTime>${server}</ServerTime>`,
        );
      } else if (check.reason === 'malformed') {
        s3Error(res, 403, 'AccessDenied', 'Access Denied');
      } else {
        errorCode = 'SignatureDoesNotMatch';
        s3Error(
          res,
          403,
          'SignatureDoesNotMatch',
          'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
        );
      }
      return { status: 403, reason: check.reason, errorCode };
    }
    const m = /^\/logs\/([^/]+)\/([^/?]+?)(?:\.txt|\.log\.gz|\.zip)(?:\?|$)/.exec(url);
    const fleet = m ? this.state.getFleet(m[1]) : undefined;
    const eventId = m ? safeDecode(m[2]) : '';
    const event = fleet?.events.find((e) => e.eventId === eventId);
    if (!fleet || !event || !event.hasLog) {
      s3Error(res, 404, 'NoSuchKey', 'The specified key does not exist.');
      return { status: 404, errorCode: 'NoSuchKey', ...(fleet ? { fleetId: fleet.fleetId } : {}), eventId };
    }
    const text = event.logText ?? creationLogFor(event, fleet) ?? logTextFor(event, fleet.fleetId);
    const { body, contentType } = packLog(text, event, fleet);
    res.writeHead(200, {
      'Content-Type': contentType,
      'Content-Length': body.length,
      'Last-Modified': new Date(event.eventTime).toUTCString(),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
    return { status: 200, fleetId: fleet.fleetId, eventId };
  }
}

/** The log as served: plain UTF-8, gzip, or a zip with the stage log and the server's own log. */
function packLog(text: string, event: EventRecord, fleet: FleetRecord): { body: Buffer; contentType: string } {
  switch (event.logFormat ?? 'text') {
    case 'gzip':
      return { body: gzipSync(Buffer.from(text, 'utf8')), contentType: 'application/gzip' };
    case 'zip': {
      const server = (fleet.build?.serverOutput ?? ['(the server wrote nothing)']).join('\n') + '\n';
      const zip = zipSync({ [`${event.eventCode}.log`]: strToU8(text), 'logs/server.log': strToU8(server) });
      return { body: Buffer.from(zip), contentType: 'application/zip' };
    }
    default:
      return { body: Buffer.from(text, 'utf8'), contentType: 'text/plain; charset=utf-8' };
  }
}

function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function s3Error(res: http.ServerResponse, status: number, code: string, message: string, extra = ''): void {
  const requestId = randomBytes(8).toString('hex').toUpperCase();
  const xml =
    `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message>${extra}` +
    `<RequestId>${requestId}</RequestId><HostId>${randomBytes(32).toString('base64')}</HostId></Error>`;
  res.writeHead(status, {
    'Content-Type': 'application/xml',
    'x-amz-request-id': requestId,
    'Content-Length': Buffer.byteLength(xml),
  });
  res.end(xml);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
