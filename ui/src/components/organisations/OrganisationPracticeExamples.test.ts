import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks } from '@tauri-apps/api/mocks';
import { AppState, appContext } from '../../lib/app/app.svelte';
import OrganisationPracticeExamples from './OrganisationPracticeExamples.svelte';

afterEach(() => {
  cleanup();
  clearMocks();
});

describe('OrganisationPracticeExamples', () => {
  it("lists the organisation's examples and opens one on the Praxisbeispiele screen", async () => {
    const app = new AppState();
    app.screen = 'organisations';
    render(OrganisationPracticeExamples, {
      props: {
        examples: [
          { id: 7, title: 'Runder Tisch der Religionen München', organisation: 'München' },
          { id: 9, title: 'Welcome Center Stuttgart', organisation: 'Stuttgart' },
        ],
      },
      context: appContext(app),
    });
    const list = screen.getByTestId('organisation-practice-examples');
    expect(list.querySelectorAll('li')).toHaveLength(2);
    await userEvent.setup().click(screen.getByTestId('organisation-practice-example-9'));
    await waitFor(() => expect(app.screen).toBe('practice_examples'));
    expect(app.practiceExamples.selected, 'the example is open there').toBe(9);
  });

  it('says so when there is none', () => {
    render(OrganisationPracticeExamples, {
      props: { examples: [] },
      context: appContext(new AppState()),
    });
    expect(screen.getByText('Keine.')).toBeTruthy();
    expect(screen.queryByTestId('organisation-practice-examples')).toBeNull();
  });
});
