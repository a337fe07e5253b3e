// Validation messages in Chinese for this page (zod's own zh-CN locale).
import { z } from 'zod'
import { zhCN } from 'zod/locales'

z.config(zhCN())
