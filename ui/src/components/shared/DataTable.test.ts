import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { createRawSnippet } from 'svelte';
import DataTable from './DataTable.svelte';

type Row = { id: number; name: string };

afterEach(() => cleanup());

const rows: Row[] = Array.from({ length: 10_000 }, (_, i) => ({ id: i + 1, name: `Person ${i + 1}` }));

const cell = createRawSnippet((row: () => Row, key: () => string) => ({
  render: () => `<span>${key() === 'name' ? row().name : String(row().id)}</span>`,
}));

function renderTable(props: Record<string, unknown> = {}) {
  const onopen = vi.fn();
  const onsort = vi.fn();
  render(DataTable<Row, 'name' | 'id'>, {
    props: {
      columns: [
        { key: 'name', label: 'Name', sortable: true },
        { key: 'id', label: 'Nr.' },
      ],
      rows,
      rowKey: (row: Row) => row.id,
      cell,
      caption: 'Test',
      sort: 'name',
      direction: 'descending',
      onsort,
      onopen,
      rowTestid: 'row',
      ...props,
    },
  });
  return { onopen, onsort };
}

describe('DataTable', () => {
  it('renders only a window of 10,000 rows but keeps their full height', () => {
    renderTable({ rowHeight: 30 });
    const rendered = screen.getAllByTestId('row');
    expect(rendered.length).toBeGreaterThan(10);
    expect(rendered.length).toBeLessThan(100);
    const spacers = document.querySelectorAll<HTMLElement>('tr.zk-spacer');
    const bottom = parseInt(spacers[1].style.height, 10);
    expect(bottom).toBe((10_000 - rendered.length) * 30);
    expect(document.querySelector('table')?.getAttribute('aria-rowcount')).toBe('10001');
  });

  it('marks the sorted column and reports header clicks', async () => {
    const { onsort } = renderTable();
    const header = screen.getByTestId('sort-name').closest('th');
    expect(header?.getAttribute('aria-sort')).toBe('descending');
    await fireEvent.click(screen.getByTestId('sort-name'));
    expect(onsort).toHaveBeenCalledWith('name');
  });

  it('opens a row with Enter and moves with the arrow keys', async () => {
    const { onopen } = renderTable();
    const [first] = screen.getAllByTestId('row');
    expect(first.getAttribute('tabindex')).toBe('0');
    first.focus();
    await fireEvent.keyDown(first, { key: 'ArrowDown' });
    const second = screen.getAllByTestId('row')[1];
    expect(document.activeElement).toBe(second);
    expect(second.getAttribute('tabindex')).toBe('0');
    await fireEvent.keyDown(second, { key: 'Enter' });
    expect(onopen).toHaveBeenCalledWith(rows[1]);
  });

  it('opens a row on click', async () => {
    const { onopen } = renderTable();
    await fireEvent.click(screen.getAllByTestId('row')[2]);
    expect(onopen).toHaveBeenCalledWith(rows[2]);
  });
});
