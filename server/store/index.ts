import type { Db } from '../db/types'
import { auditStore } from './audit'
import { directReportStore } from './direct-reports'
import { filedStore } from './filed'
import { monitorStore } from './monitor'
import { orgStore } from './org'
import { issuerQuotaStore, planStore } from './plan'
import { ratingStore } from './ratings'
import { documentStore } from './documents'
import { quotaStore } from './quotas'
import { ruleSetStore } from './rulesets'
import { statsStore } from './stats'
import { superiorStore } from './superior'
import { telemetryStore } from './telemetry'
import { tokenStore } from './tokens'
import { unitStore } from './units'

/** Every table the service uses, over one database. `tz` decides days, weeks and years. */
export function createStore(db: Db, tz = 'Asia/Shanghai', o: { retentionMonths?: number } = {}) {
  return {
    db,
    tz,
    retentionMonths: o.retentionMonths ?? 0,
    tokens: tokenStore(db),
    rulesets: ruleSetStore(db),
    units: unitStore(db),
    quotas: quotaStore(db, tz),
    audit: auditStore(db),
    superior: superiorStore(db),
    telemetry: telemetryStore(db, tz, o),
    stats: statsStore(db, tz),
    documents: documentStore(db, tz),
    org: orgStore(db),
    filed: filedStore(db, tz),
    monitor: monitorStore(db, tz),
    directReports: directReportStore(db),
    ratings: ratingStore(db),
    plan: planStore(db),
    issuerQuotas: issuerQuotaStore(db, tz),
  }
}
export type Store = ReturnType<typeof createStore>
