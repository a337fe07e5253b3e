import { dayIn } from '../store/filed'

/** The current year where the offices are (BANWEN_TZ), not where the server's clock is set. */
export const yearIn = (timeZone: string) => Number(new Intl.DateTimeFormat('en', { timeZone, year: 'numeric' }).format(new Date()))

/** Today where the offices are. */
export const todayIn = (timeZone: string) => dayIn(timeZone, new Date())
