import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { z } from 'zod'
import type { SentenceClassifier } from '../core'
import { defaultConfig, type Config } from './config'
import { createAuth, type AppEnv } from './lib/auth'
import { corsFor } from './lib/cors'
import type { Deps } from './lib/deps'
import { onError, onNotFound } from './lib/errors'
import { rulePollAnswer, rulePollFastPath } from './lib/poll-fast-path'
import { createPublished, POLLED } from './lib/published'
import { rateLimiter } from './lib/ratelimit'
import { sharedRateLimiter } from './lib/shared-ratelimit'
import { secureHeaders } from './lib/secure-headers'
import { dashboardHandler } from './lib/static'
import { cleanUrl } from './lib/url'
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
import { directReportRoutes } from './routes/direct-reports'
import { monitorRoutes } from './routes/monitor'
import { orgRoutes } from './routes/org'
import { planRoutes } from './routes/plan'
import { ratingRoutes } from './routes/ratings'
import type { Store } from './store'

const BIG = new Set(['/api/telemetry', '/api/analyze', '/api/extract', '/api/rulesets', '/api/rulesets/validate', '/api/superior', '/api/documents/text'])
const smallBody = bodyLimit({ maxSize: 64 * 1024 })
// The registry (≤ 5,000 units) and a year's plan are larger than a small write.
const LISTS = /^\/api\/(?:org\/(?:units|aliases)|plan\/\d+)$/
const listBody = bodyLimit({ maxSize: 2 * 1024 * 1024 })
const dashboardHeaders = secureHeaders('dashboard')

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
  // Several instances on one PostgreSQL share each token's limit; the embedded database has one instance.
  const limiter = o.store.db.kind === 'postgres' ? sharedRateLimiter(o.store.db, config.rateLimit) : rateLimiter(config.rateLimit)
  const deps: Deps = {
    store: o.store,
    config,
    auth: createAuth(o.store.tokens, { cacheMs: config.tokenCacheMs, limit: limiter.take }),
    published: createPublished(o.store, { refreshMs: config.refreshMs, classifier: o.classifier ?? null }),
  }

  const app = new Hono<AppEnv>()
  app.onError(onError)
  app.notFound(onNotFound)
  app.use('/api/*', secureHeaders('api', POLLED))
  app.use('*', async (c, next) => (c.req.path.startsWith('/api/') ? next() : dashboardHeaders(c, next)))
  app.use(cleanUrl)
  app.use('/api/*', corsFor(config.corsOrigins))
  // A default body limit for writes; routes that take more set their own, larger one.
  app.on(['POST', 'PUT', 'DELETE'], '/api/*', async (c, next) => (BIG.has(c.req.path) ? next() : LISTS.test(c.req.path) ? listBody(c, next) : smallBody(c, next)))
  for (const routes of [healthRoutes, ruleRoutes, unitRoutes, telemetryRoutes, analyzeRoutes, documentRoutes, statsRoutes, tokenRoutes, superiorRoutes, auditRoutes, orgRoutes, monitorRoutes, directReportRoutes, ratingRoutes, planRoutes])
    app.route('/api', routes(deps))
  app.all('/api/*', onNotFound)
  app.get('*', dashboardHandler(config.dashboardDir))

  // The poll every extension makes every few minutes: its 304 skips the middleware chain.
  const poll = rulePollAnswer({ auth: deps.auth, published: deps.published, corsOrigins: config.corsOrigins })
  const fast = rulePollFastPath(poll)
  const routed = app.fetch
  app.fetch = (req, env, ctx) => fast(req) ?? routed(req, env, ctx)
  // On Node, `serveWithPoll` answers it sooner still, on Node's own request, and hands the rest
  // to `routedFetch`: each request is checked for the fast path once.
  return Object.assign(app, { poll, routedFetch: routed })
}
