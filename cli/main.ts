import './zod-config'
import { ENGINE_VERSION } from '../core'
import { check, CHECK_HELP } from './check'
import { classify, CLASSIFY_HELP } from './classify'
import { EXIT, UsageError } from './errors'

const HELP = `banwen ${ENGINE_VERSION} — 公文形式主义检查

  banwen check 文件…     检查文档，给出问题位置和办文指数
  banwen classify        逐句判断套话、增负要求（每行一句，读标准输入）
  banwen help 命令       查看命令说明

${CHECK_HELP}

${CLASSIFY_HELP}`

export async function main(argv: string[]): Promise<number> {
  // `banwen check … | head`: the reader left; stop quietly instead of an EPIPE stack.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  })
  const [command, ...rest] = argv
  try {
    switch (command) {
      case 'check':
        return await check(rest)
      case 'classify':
        return await classify(rest)
      case '--version':
      case '-v':
        console.log(ENGINE_VERSION)
        return EXIT.ok
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        console.log(rest[0] === 'check' ? CHECK_HELP : rest[0] === 'classify' ? CLASSIFY_HELP : HELP)
        return EXIT.ok
      default:
        throw new UsageError(`未知命令「${command}」。运行 banwen help 查看用法。`)
    }
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`错误：${e.message}`)
      return EXIT.usage
    }
    // A bug, not the user's doing: no stack unless asked for (BANWEN_DEBUG=1).
    if (process.env.BANWEN_DEBUG === '1') console.error(e)
    else console.error(`内部错误：处理时出现意外问题（${e instanceof Error ? e.name : typeof e}）。请设置 BANWEN_DEBUG=1 重新运行，并把输出报告给维护者。`)
    return EXIT.usage
  }
}
