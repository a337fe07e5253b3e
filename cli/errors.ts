import type { Stats } from 'node:fs'

/** An error the user caused: printed without a stack, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}

export const EXIT = { ok: 0, belowThreshold: 1, usage: 2 } as const

const FS_REASONS: Record<string, string> = {
  ENOENT: '文件不存在',
  EACCES: '没有权限',
  EPERM: '操作不被允许',
  EISDIR: '这是文件夹，不是文件',
  ENOTDIR: '路径中有一段不是文件夹',
  ENAMETOOLONG: '路径过长',
  ELOOP: '符号链接循环',
  EMFILE: '打开的文件过多',
  ENFILE: '打开的文件过多',
  ENOSPC: '磁盘空间不足',
  EDQUOT: '超出磁盘配额',
  EROFS: '文件系统只读',
  EBUSY: '文件正被占用',
  EIO: '读写出错（磁盘或网络文件系统故障）',
  ENXIO: '设备不存在或未就绪',
  EAGAIN: '资源暂时不可用',
  EINVAL: '参数无效',
}

/** Why a Node fs call failed, in Chinese (the code is kept for support when it is unusual). */
export function fsReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code
  if (code && FS_REASONS[code]) return FS_REASONS[code]!
  return code ? `文件系统错误（${code}）` : '未知的文件系统错误'
}

/** What a special (non-regular) file is, or null for a regular file or a folder. */
export function specialKind(st: Pick<Stats, 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice' | 'isSymbolicLink'>): string | null {
  if (st.isFIFO()) return '这是命名管道（FIFO）'
  if (st.isSocket()) return '这是套接字'
  if (st.isCharacterDevice() || st.isBlockDevice()) return '这是设备文件'
  return null
}

/** Where JSON.parse gave up in `text`, in Chinese: line and column, or that the text stops early. */
export function jsonReason(e: unknown, text: string): string {
  const msg = e instanceof Error ? e.message : ''
  const pos = /position (\d+)/.exec(msg)
  if (/end of JSON input/i.test(msg) || (pos && Number(pos[1]) >= text.trimEnd().length)) return '内容不完整'
  const token = /Unexpected token '(.+?)'/.exec(msg)?.[1]
  if (!pos) return token ? `有意外的字符「${token}」` : '无法解析'
  const before = text.slice(0, Number(pos[1]))
  const line = before.split('\n').length
  return `第 ${line} 行第 ${before.length - before.lastIndexOf('\n')} 列有误`
}

/** node:util parseArgs errors, in Chinese. */
export function parseArgsReason(e: unknown): string {
  const { code, message = '' } = (e ?? {}) as { code?: string; message?: string }
  const option = /'(-[^' ]*)/.exec(message)?.[1] ?? ''
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `未知选项 ${option}`
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `多余的参数 ${/'([^']*)'/.exec(message)?.[1] ?? ''}`
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return /does not take/.test(message) ? `选项 ${option} 不带值` : `选项 ${option} 缺少值`
  return '命令行参数有误'
}
