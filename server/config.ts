/** Everything the service reads from its environment, with defaults. */
export interface Config {
  port: number
  host: string
  dataDir: string
  databaseUrl?: string
  adminToken?: string
  /** Origins allowed besides chrome-extension:// ones. */
  corsOrigins: string[]
  /** Days, weeks and years in aggregates and quotas. */
  timeZone: string
  /** Requests per minute per token, and the burst a token may spend at once. */
  rateLimit: { perMinute: number; burst: number }
  /** How long a token check and the current rule set are trusted before the database is asked again. */
  tokenCacheMs: number
  refreshMs: number
  /** Built dashboard; served at /. */
  dashboardDir: string
  /** Build the dashboard on start when it is missing. */
  buildDashboard: boolean
  /**
   * Raw telemetry events are kept for this many whole months before the current one; 0 keeps
   * them all. The rollups behind the dashboard keep every day either way.
   */
  retentionMonths: number
  /** Seed the demo county into an empty database (`npm start` sets BANWEN_DEMO_SEED=1; never in production). */
  demoSeed: boolean
}

export const defaultConfig: Config = {
  port: 8787,
  host: '0.0.0.0',
  dataDir: './data',
  corsOrigins: [],
  timeZone: 'Asia/Shanghai',
  rateLimit: { perMinute: 1200, burst: 300 },
  tokenCacheMs: 5000,
  refreshMs: 2000,
  dashboardDir: new URL('./dashboard/dist/', import.meta.url).pathname,
  buildDashboard: true,
  retentionMonths: 0,
  demoSeed: false,
}

/** A whole number of months, or a Chinese error naming the variable. */
function months(v: string | undefined, d: number): number {
  if (v === undefined || v.trim() === '') return d
  if (!/^\d{1,4}$/.test(v.trim())) throw new Error(`BANWEN_RETENTION_MONTHS 应为月数（0 到 9999 的整数，0 表示永久保留），收到「${v}」`)
  return Number(v)
}

const num = (v: string | undefined, d: number) => (v && Number.isFinite(Number(v)) ? Number(v) : d)

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    ...defaultConfig,
    port: num(env.PORT, defaultConfig.port),
    host: env.HOST || defaultConfig.host,
    dataDir: env.BANWEN_DATA_DIR || defaultConfig.dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    adminToken: env.BANWEN_ADMIN_TOKEN || undefined,
    corsOrigins: (env.BANWEN_CORS_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    timeZone: env.BANWEN_TZ || defaultConfig.timeZone,
    buildDashboard: env.BANWEN_BUILD_DASHBOARD !== '0',
    retentionMonths: months(env.BANWEN_RETENTION_MONTHS, defaultConfig.retentionMonths),
    demoSeed: env.BANWEN_DEMO_SEED === '1',
    rateLimit: {
      // 0 turns the limit off (load tests).
      perMinute: env.BANWEN_RATE_LIMIT === '0' ? Infinity : num(env.BANWEN_RATE_LIMIT, defaultConfig.rateLimit.perMinute),
      burst: num(env.BANWEN_RATE_BURST, defaultConfig.rateLimit.burst),
    },
  }
}
