// zod for a one-shot process: messages in Chinese (zod's zh-CN locale, as the options page uses),
// and no parser compilation, which costs more than it saves when each schema parses once or twice.
import { z } from 'zod'
import { zhCN } from 'zod/locales'

z.config({ ...zhCN(), jitless: true })
