import { Table } from "@medusajs/ui"
import type { ReactNode } from "react"

export type Column<T> = { header: string; cell: (row: T) => ReactNode }

/** The M-Pesa pages' tables: one header per column, one row per record, in the order given. */
export const RowsTable = <T extends { id: string }>({ columns, rows }: { columns: Column<T>[]; rows: T[] }) => (
  <Table>
    <Table.Header>
      <Table.Row>
        {columns.map((c) => (
          <Table.HeaderCell key={c.header}>{c.header}</Table.HeaderCell>
        ))}
      </Table.Row>
    </Table.Header>
    <Table.Body>
      {rows.map((row) => (
        <Table.Row key={row.id}>
          {columns.map((c) => (
            <Table.Cell key={c.header}>{c.cell(row)}</Table.Cell>
          ))}
        </Table.Row>
      ))}
    </Table.Body>
  </Table>
)
