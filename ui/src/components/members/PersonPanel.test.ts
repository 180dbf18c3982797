import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks } from '@tauri-apps/api/mocks';
import { AppState, appContext } from '../../lib/app/app.svelte';
import type { Person } from '../../lib/api/types';
import { anonymisePreview } from '../../lib/privacy/fixtures';
import {
  memberList,
  noOrganisations,
  person,
  recordIPC,
  reference,
  storeInfo,
  type Handler,
} from '../../test/ipc';
import PersonPanel from './PersonPanel.svelte';

afterEach(() => {
  cleanup();
  clearMocks();
});

async function setup(stored: () => Person, handlers: Record<string, Handler> = {}) {
  const calls = recordIPC({
    person_get: () => ({ person: stored(), mandates: [], has_history: true }),
    reference_data: () => reference,
    organisations_list: () => noOrganisations,
    store_info: () => storeInfo(),
    members_list: () => memberList([]),
    ...handlers,
  });
  const app = new AppState();
  app.members.selected = 9;
  render(PersonPanel, { context: appContext(app) });
  await screen.findByTestId('person-report-pdf');
  return { calls, user: userEvent.setup() };
}

describe('PersonPanel data protection', () => {
  it('shows the consent for shared lists with its date', async () => {
    await setup(() => person(9, { consent_shared_lists: true, consent_date: '2024-03-01' }));
    expect(screen.getByTestId('person-consent').textContent?.trim()).toBe(
      'Einwilligung in geteilte Listen: ja, seit 01.03.2024',
    );
  });

  it('saves the report as JSON where the user chose', async () => {
    const path = '/home/anna/Auskunft.json';
    const { calls, user } = await setup(() => person(9), {
      'plugin:dialog|save': () => path,
      person_report_save: () => ({ path, pages: 0, warnings: [] }),
    });

    await user.click(screen.getByTestId('person-report-json'));

    await screen.findByTestId('person-report-saved');
    const options = calls.find((c) => c.cmd === 'plugin:dialog|save')?.args.options as {
      defaultPath: string;
    };
    expect(options.defaultPath).toMatch(/^Auskunft-Özdemir-\d{2}\.\d{2}\.\d{4}\.json$/);
    expect(calls.find((c) => c.cmd === 'person_report_save')?.args).toEqual({ id: 9, path });
  });

  it('anonymises after the one confirmation and then shows the person as anonymised', async () => {
    let stored = person(9, { consent_shared_lists: true });
    const { calls, user } = await setup(() => stored, {
      anonymise_preview: () => anonymisePreview({ texts_ambiguous: 2, left_for_user: ['Briefkopf'] }),
      anonymise_person: () => {
        stored = person(9, {
          first_name: '',
          last_name: 'ehemaliges Mitglied',
          active: false,
          consent_shared_lists: false,
          anonymised_at: '2025-09-21T10:00:00',
        });
        return { person_id: 9, texts_changed: 5, records_kept: [], file_cleaned: true };
      },
    });

    await user.click(screen.getByTestId('person-anonymise'));
    const dialog = await screen.findByTestId('anonymise-records');
    expect(within(dialog).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Protokoll der 37. Sitzung (Fassung 1), genehmigt am 12.03.2024: Teilnahme, Protokollführung',
    ]);
    expect(screen.getByTestId('anonymise-ambiguous').textContent).toContain('2 Texte nennen');
    expect(screen.getByTestId('anonymise-left-for-user').textContent).toContain('Briefkopf');
    const confirm = screen.getByTestId('anonymise-confirm') as HTMLButtonElement;
    expect(confirm.disabled, 'nothing happens before the user confirms').toBe(true);

    await user.click(screen.getByTestId('anonymise-confirm-check'));
    expect(confirm.disabled).toBe(false);
    await user.click(confirm);

    await screen.findByTestId('anonymise-done');
    expect(calls.filter((c) => c.cmd === 'anonymise_person')).toHaveLength(1);
    await waitFor(() => expect(screen.getByTestId('person-anonymised').textContent).toContain(
      'Anonymisiert am 21.09.2025',
    ));
    expect(calls.filter((c) => c.cmd === 'person_get').length, 'the panel reloads').toBe(2);
    expect(calls.some((c) => c.cmd === 'members_list'), 'the list reloads').toBe(true);
    expect(screen.queryByTestId('person-anonymise')).toBeNull();
    expect(screen.queryByTestId('person-form'), 'no editing of an anonymised person').toBeNull();
    expect(screen.queryByTestId('person-reactivate')).toBeNull();
  });
});
