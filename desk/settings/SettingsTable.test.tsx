import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { SettingsTable } from './SettingsTable';

afterEach(cleanup);

const rows = [
  { id: '1', name: 'Ada', role: 'admin' },
  { id: '2', name: '<b>Bo</b>', role: 'agent' },
];

describe('SettingsTable', () => {
  it('names itself by its caption, heads columns and rows with scoped headers, and shows text as text', () => {
    render(
      <SettingsTable
        caption="Team"
        rows={rows}
        rowKey={(r) => r.id}
        columns={[
          { header: 'Name', rowHeader: true, cell: (r) => r.name },
          { header: 'Role', cell: (r) => r.role },
          { header: 'Actions', hideHeader: true, cell: (r) => <button type="button">Edit {r.name}</button> },
        ]}
      />,
    );
    const table = screen.getByRole('table', { name: 'Team' });
    const columnHeaders = within(table).getAllByRole('columnheader');
    expect(columnHeaders.map((h) => [h.textContent, h.getAttribute('scope')])).toEqual([
      ['Name', 'col'],
      ['Role', 'col'],
      ['Actions', 'col'],
    ]);
    expect(columnHeaders[2]!.querySelector('.sr-only')).toBeTruthy();
    const rowHeaders = within(table).getAllByRole('rowheader');
    expect(rowHeaders.map((h) => [h.textContent, h.getAttribute('scope')])).toEqual([
      ['Ada', 'row'],
      ['<b>Bo</b>', 'row'],
    ]);
    expect(table.querySelector('b')).toBeNull();
    expect(within(table).getAllByRole('cell').map((c) => c.textContent)).toEqual(['admin', 'Edit Ada', 'agent', 'Edit <b>Bo</b>']);
  });

  it('says the empty text instead of an empty table', () => {
    render(<SettingsTable caption="Team" rows={[]} rowKey={() => ''} columns={[{ header: 'Name', cell: () => '' }]} empty="Nobody yet." />);
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByText('Nobody yet.')).toBeTruthy();
  });
});
