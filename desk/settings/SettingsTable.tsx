import type { ComponentChildren } from 'preact';

/** One column of a `SettingsTable`. */
export interface TableColumn<T> {
  /** The column's heading (`th scope="col"`). */
  header: string;
  /** Keeps the heading for screen readers only (an actions column). */
  hideHeader?: boolean;
  /** This column names the row: its cells are `th scope="row"`. */
  rowHeader?: boolean;
  cell: (row: T) => ComponentChildren;
}

export interface SettingsTableProps<T> {
  /** What the table lists; every table has one. */
  caption: string;
  /** Shows the caption on screen (by default it is for screen readers only). */
  showCaption?: boolean;
  columns: readonly TableColumn<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  /** Said instead of an empty table. */
  empty?: string;
}

/**
 * The settings area's one data table (Audit log, Agents, webhook deliveries): a caption, `th scope="col"` for every
 * heading and `th scope="row"` for the column that names a row, so a screen reader announces each cell's headers.
 */
export function SettingsTable<T>({ caption, showCaption = false, columns, rows, rowKey, empty }: SettingsTableProps<T>) {
  if (rows.length === 0 && empty) return <p class="muted">{empty}</p>;
  return (
    <table class="settings__table">
      <caption class={showCaption ? 'settings__caption' : 'sr-only'}>{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.header} scope="col">
              {c.hideHeader ? <span class="sr-only">{c.header}</span> : c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            {columns.map((c) =>
              c.rowHeader ? (
                <th key={c.header} scope="row">
                  {c.cell(row)}
                </th>
              ) : (
                <td key={c.header}>{c.cell(row)}</td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
