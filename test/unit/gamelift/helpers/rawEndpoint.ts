// A bare HTTP server on 127.0.0.1 that records what the real SDK sends and answers with
// whatever a test scripts. Used where the emulator's behaviour is not the point: headers
// (user agent, signature), endpoint selection, and responses the emulator would never send.
import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface RecordedRequest {
  readonly operation: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: Record<string, unknown>;
}

export interface ScriptedResponse {
  readonly status?: number;
  readonly body?: unknown;
  /** Raw body text (wins over `body`). */
  readonly raw?: string;
  readonly headers?: Record<string, string>;
  /** Never answer (to trigger timeouts). */
  readonly hang?: boolean;
  /** Destroy the socket without answering. */
  readonly destroy?: boolean;
  /** Answer after this many milliseconds. */
  readonly delayMs?: number;
}

export type Responder = (request: RecordedRequest, index: number) => ScriptedResponse;

export interface RawEndpoint {
  readonly url: string;
  readonly requests: RecordedRequest[];
  respond: Responder;
  stop(): Promise<void>;
}

/** An awsJson1_1 error body the way GameLift sends one. */
export function serviceError(type: string, message: string, status = 400): ScriptedResponse {
  return { status, body: { __type: type, message }, headers: { 'x-amzn-ErrorType': type } };
}

export async function startRawEndpoint(respond: Responder = () => ({ body: {} })): Promise<RawEndpoint> {
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const endpoint: RawEndpoint = {
    url: '',
    requests,
    respond,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const target = String(req.headers['x-amz-target'] ?? '');
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      } catch {
        body = {};
      }
      const recorded: RecordedRequest = { operation: target.replace(/^GameLift\./, ''), headers: req.headers, body };
      requests.push(recorded);
      const answer = endpoint.respond(recorded, requests.length - 1);
      if (answer.hang) return;
      if (answer.destroy) {
        req.socket.destroy();
        return;
      }
      const text = answer.raw ?? JSON.stringify(answer.body ?? {});
      const requestId = `req-${requests.length}`;
      const send = () => {
        if (res.destroyed) return;
        res.writeHead(answer.status ?? 200, {
          'content-type': 'application/x-amz-json-1.1',
          'x-amzn-requestid': requestId,
          ...answer.headers,
        });
        res.end(text);
      };
      if (answer.delayMs) setTimeout(send, answer.delayMs);
      else send();
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  (endpoint as { url: string }).url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return endpoint;
}
