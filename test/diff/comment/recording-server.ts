import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the server received: what the adapter sent, for the test to assert on. */
export interface RecordedRequest {
  readonly method: string;
  /** Path and query, as sent. */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  /** The parsed JSON body, or undefined when there was none. */
  readonly body: unknown;
}

export interface Answer {
  readonly status: number;
  readonly json?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * A provider's REST API played by a local `node:http` server on 127.0.0.1: `answer` decides each
 * response from the request (and the server's own base address, for pagination links); every
 * request is recorded in order.
 */
export class RecordingServer {
  readonly requests: RecordedRequest[] = [];
  private readonly server: Server;
  private base = '';

  constructor(answer: (request: RecordedRequest, base: string) => Answer) {
    this.server = createServer((incoming, outgoing) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const request: RecordedRequest = { method: incoming.method ?? '', url: incoming.url ?? '', headers: incoming.headers, body: text === '' ? undefined : JSON.parse(text) };
        this.requests.push(request);
        const { status, json, headers } = answer(request, this.base);
        outgoing.writeHead(status, { 'Content-Type': 'application/json', ...headers });
        outgoing.end(json === undefined ? '' : JSON.stringify(json));
      });
    });
  }

  /** Listens on a free port of 127.0.0.1; returns the base address (`http://127.0.0.1:PORT`). */
  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.base;
  }

  async stop(): Promise<void> {
    // fetch keeps its connections alive; close() alone would wait for them.
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.server.close((error) => (error ? reject(error) : resolve())));
  }
}
