import type { ReactNode } from 'react'

/** The dashboard's data table: header cells (`<th>`s) and body rows; `hover` when rows open something. */
export function Table({ head, hover, children }: { head: ReactNode; hover?: boolean; children: ReactNode }) {
  return (
    <table className={hover ? 'table hover' : 'table'}>
      <thead>
        <tr>{head}</tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  )
}
