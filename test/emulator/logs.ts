// Event logs behind PreSignedLogUrl: mints a fresh S3-style presigned URL pointing at the
// endpoint itself for every DescribeFleetEvents answer, and serves it with GET until 15
// minutes after minting; afterwards (or when tampered with) it answers like S3 does.
import { randomBytes } from 'node:crypto';
import type * as http from 'node:http';
import { logTextFor } from './eventText';
import { presignUrl, verifyPresignedUrl } from './sigv4';
import type { EmulatorState, EventRecord, FleetRecord } from './state';

/** Access key the endpoint signs log URLs with (not an account credential). */
const LOG_SIGNING_KEY_ID = 'AKIAEMULATORLOGSIGNER';
export const LOG_URL_EXPIRES_SECONDS = 900;
export const LOG_PATH_PREFIX = '/logs/';

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
      path: `${LOG_PATH_PREFIX}${fleet.fleetId}/${encodeURIComponent(event.eventId)}.txt`,
      accessKeyId: LOG_SIGNING_KEY_ID,
      secret: this.secret,
      region: fleet.region,
      service: 's3',
      now: this.now(),
      expiresSeconds: LOG_URL_EXPIRES_SECONDS,
    });
  }

  /** Answers GET/HEAD /logs/…; returns the HTTP status sent (for the request log). */
  serve(req: http.IncomingMessage, res: http.ServerResponse, host: string): { status: number; reason?: string } {
    const url = req.url ?? '/';
    const check = verifyPresignedUrl(
      url,
      host,
      (key) => (key === LOG_SIGNING_KEY_ID ? this.secret : undefined),
      this.now(),
    );
    if (!check.ok) {
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
        s3Error(
          res,
          403,
          'SignatureDoesNotMatch',
          'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
        );
      }
      return { status: 403, reason: check.reason };
    }
    const m = /^\/logs\/([^/]+)\/([^/?]+)\.txt/.exec(url);
    const fleet = m ? this.state.getFleet(m[1]) : undefined;
    const eventId = m ? safeDecode(m[2]) : '';
    const event = fleet?.events.find((e) => e.eventId === eventId);
    if (!fleet || !event || !event.hasLog) {
      s3Error(res, 404, 'NoSuchKey', 'The specified key does not exist.');
      return { status: 404 };
    }
    const text = event.logText ?? logTextFor(event, fleet.fleetId);
    res.writeHead(200, {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Length': Buffer.byteLength(text),
      'Last-Modified': new Date(event.eventTime).toUTCString(),
    });
    res.end(req.method === 'HEAD' ? undefined : text);
    return { status: 200 };
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
