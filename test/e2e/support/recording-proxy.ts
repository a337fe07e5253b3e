/**
 * A transparent HTTP proxy in front of the service that records what the extension sent and
 * what came back: each telemetry POST's event ids, each rules GET's If-None-Match. When the
 * service is down it drops the connection, as an unreachable host would.
 */
import { createServer, request, type Server } from 'node:http'

export interface Exchange {
  method: string
  path: string
  status: number
  ifNoneMatch: string | null
  /** The request body as sent. */
  body: string
  /** Telemetry POSTs: the event ids in the batch. */
  ids: string[]
}

export interface RecordingProxy {
  url: string
  exchanges: Exchange[]
  close(): Promise<void>
}

export async function startRecordingProxy(upstreamPort: number): Promise<RecordingProxy> {
  const exchanges: Exchange[] = []
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const body = Buffer.concat(chunks)
      const up = request({ host: '127.0.0.1', port: upstreamPort, method: req.method, path: req.url, headers: req.headers }, (upRes) => {
        const out: Buffer[] = []
        upRes.on('data', (c: Buffer) => out.push(c))
        upRes.on('end', () => {
          const text = body.toString('utf8')
          let ids: string[] = []
          if (req.method === 'POST' && req.url?.startsWith('/api/telemetry')) {
            try {
              ids = (JSON.parse(text) as { events: Array<{ id: string }> }).events.map((e) => e.id)
            } catch {
              // recorded with no ids
            }
          }
          exchanges.push({ method: req.method!, path: req.url!, status: upRes.statusCode!, ifNoneMatch: (req.headers['if-none-match'] as string) ?? null, body: text, ids })
          res.writeHead(upRes.statusCode!, upRes.headers)
          res.end(Buffer.concat(out))
        })
      })
      up.on('error', () => {
        exchanges.push({ method: req.method!, path: req.url!, status: 0, ifNoneMatch: null, body: body.toString('utf8'), ids: [] })
        req.socket.destroy()
      })
      up.end(body)
    })
  })
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  const port = (server.address() as { port: number }).port
  return {
    url: `http://127.0.0.1:${port}`,
    exchanges,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections()
        server.close(() => ok())
      }),
  }
}
