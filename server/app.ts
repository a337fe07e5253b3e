import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { cors } from 'hono/cors'
import { z } from 'zod'
import type { SentenceClassifier } from '../core'
import { defaultConfig, type Config } from './config'
import { createAuth, type AppEnv } from './lib/auth'
import type { Deps } from './lib/deps'
import { onError, onNotFound } from './lib/errors'
import { createPublished } from './lib/published'
import { rateLimiter } from './lib/ratelimit'
import { dashboardHandler } from './lib/static'
import { analyzeRoutes } from './routes/analyze'
import { auditRoutes } from './routes/audit'
import { documentRoutes } from './routes/documents'
import { healthRoutes } from './routes/health'
import { ruleRoutes } from './routes/rules'
import { statsRoutes } from './routes/stats'
import { superiorRoutes } from './routes/superior'
import { telemetryRoutes } from './routes/telemetry'
import { tokenRoutes } from './routes/tokens'
import { unitRoutes } from './routes/units'
import type { Store } from './store'

// Every validation message the service returns is in Chinese.
z.config(z.locales.zhCN())

export interface AppOptions {
  store: Store
  config?: Partial<Config>
  classifier?: SentenceClassifier | null
}

/** The whole service as a Hono app over a store; `app.request()` drives it in tests. */
export function createApp(o: AppOptions) {
  const config: Config = { ...defaultConfig, ...o.config }
  const limiter = rateLimiter(config.rateLimit)
  const deps: Deps = {
    store: o.store,
    config,
    auth: createAuth(o.store.tokens, { cacheMs: config.tokenCacheMs, limit: limiter.take }),
    published: createPublished(o.store, { refreshMs: config.refreshMs, classifier: o.classifier ?? null }),
  }
  const allowed = new Set(config.corsOrigins)

  const app = new Hono<AppEnv>()
  app.onError(onError)
  app.notFound(onNotFound)
  app.use(
    '/api/*',
    cors({
      origin: (origin) => (origin.startsWith('chrome-extension://') || allowed.has(origin) ? origin : null),
      allowHeaders: ['Authorization', 'Content-Type', 'If-None-Match'],
      allowMethods: ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
      exposeHeaders: ['ETag', 'Retry-After'],
      maxAge: 86400,
    }),
  )
  // Routes that take more say so with their own, larger limit.
  app.use('/api/*', async (c, next) => {
    const big = ['/api/telemetry', '/api/analyze', '/api/extract', '/api/rulesets', '/api/rulesets/validate', '/api/superior', '/api/documents/text'].includes(c.req.path)
    return big ? next() : bodyLimit({ maxSize: 64 * 1024 })(c, next)
  })
  for (const routes of [healthRoutes, ruleRoutes, unitRoutes, telemetryRoutes, analyzeRoutes, documentRoutes, statsRoutes, tokenRoutes, superiorRoutes, auditRoutes])
    app.route('/api', routes(deps))
  app.all('/api/*', onNotFound)
  app.get('*', dashboardHandler(config.dashboardDir))
  return app
}
