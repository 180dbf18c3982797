// The app-level state: current screen, store info, reference data, the list states (kept here so
// filters survive switching screens) and the unsaved-changes guard. Shared through context.

import { getContext, setContext } from 'svelte';
import * as api from '../api/api';
import type { UserError } from '../api/errors';
import type {
  OrganisationRow,
  ReferenceData,
  SearchHit,
  StoreInfo,
  StoreStatus,
} from '../api/types';
import { MembersState } from '../members/members.svelte';
import { defaultOrganisationFilter, OrganisationsState } from '../organisations/organisations.svelte';
import { ExportState } from '../transfer/export.svelte';
import { ImportState } from '../transfer/import.svelte';
import { Notices } from '../transfer/notices.svelte';
import { PracticeExamplesState } from '../practice/practice.svelte';
import { RecommendationsState } from '../recommendations/recommendations.svelte';
import { minutesScreen, type MinutesState } from '../minutes/minutes.svelte';
import { sessions, type SessionsState } from '../sessions/sessions.svelte';
import { AuditState } from '../privacy/audit.svelte';
import { LeaveGuard } from './leave-guard.svelte';

/**
 * The screens in navigation order: English ids in code, German labels on screen. The side
 * navigation link of each carries the test id `nav-<id>`.
 */
export const SCREENS = [
  { id: 'overview', label: 'Übersicht' },
  { id: 'members', label: 'Mitglieder' },
  { id: 'organisations', label: 'Organisationen' },
  { id: 'sessions', label: 'Sitzungen' },
  { id: 'minutes', label: 'Protokolle' },
  { id: 'practice_examples', label: 'Praxisbeispiele' },
  { id: 'recommendations', label: 'Empfehlungen' },
  { id: 'settings', label: 'Einstellungen' },
  { id: 'audit', label: 'Änderungsprotokoll' },
] as const;

export type Screen = (typeof SCREENS)[number]['id'];

export class AppState {
  /** The members list is the everyday screen, so the app opens there. */
  screen = $state<Screen>('members');
  info = $state<StoreInfo | null>(null);
  reference = $state<ReferenceData | null>(null);
  /** All organisations, for the select fields of filters and mandates. */
  organisationOptions = $state.raw<OrganisationRow[]>([]);
  /** A failure at start or while loading the shared data. */
  error = $state<UserError | null>(null);
  /**
   * Set when the store could not be opened at start (damaged, foreign, too new, open elsewhere):
   * the app then shows only the recovery screen, with why and the backups beside the store.
   */
  recovery = $state.raw<StoreStatus | null>(null);
  welcome = $state(false);
  /** The help panel "Hilfe und Tastenkürzel" (F1, "?", the header's button). */
  help = $state(false);
  readonly members = new MembersState();
  readonly organisations = new OrganisationsState();
  readonly practiceExamples = new PracticeExamplesState();
  readonly recommendations = new RecommendationsState();
  /** The audit log screen; its filters survive switching screens. */
  readonly audit = new AuditState();
  /** The screens that keep their state in a module-level instance (given here so hits reach it). */
  readonly sessions: SessionsState = sessions;
  readonly minutes: MinutesState = minutesScreen;
  readonly guard = new LeaveGuard();
  /** Messages about finished exports and imports, shown on the members screen. */
  readonly notices = new Notices();
  readonly exporter = new ExportState(this.members, this.notices);
  readonly importer = new ImportState(this.notices);

  /**
   * Start: whether the store could be opened (if not, nothing else is loaded and the recovery
   * screen shows), then store info (offers the demo on an empty store), reference data, lists.
   * After a recovery it runs again and starts the app normally.
   */
  async start(): Promise<void> {
    try {
      const status = await api.storeStatus();
      if (status.problem !== null) {
        this.recovery = status;
        return;
      }
      this.recovery = null;
      this.info = await api.storeInfo();
      this.welcome = this.info.is_empty;
    } catch (reason) {
      this.error = api.toUserError(reason);
      return;
    }
    await this.reloadShared();
  }

  /**
   * After a restore every screen's data is stale (lists, open records, drafts of module-level
   * screens): the page is loaded anew, which starts the app again on the restored store.
   */
  reloadAll(): void {
    window.location.reload();
  }

  /** Reloads what every screen relies on, and the lists already shown. */
  async reloadShared(): Promise<void> {
    try {
      const [reference, organisations, info] = await Promise.all([
        api.referenceData(),
        api.organisationsList(defaultOrganisationFilter()),
        api.storeInfo(),
      ]);
      this.reference = reference;
      this.organisationOptions = organisations.rows;
      this.info = info;
      this.error = null;
    } catch (reason) {
      this.error = api.toUserError(reason);
    }
  }

  /** After a write: refresh counts, options and both lists. */
  async afterChange(): Promise<void> {
    await Promise.all([this.reloadShared(), this.members.load(), this.organisations.load()]);
  }

  async loadDemo(): Promise<void> {
    this.info = await api.demoLoad();
    this.welcome = false;
    await this.afterChange();
  }

  /** Switches screens once unsaved changes are saved or discarded; true when switched. */
  async navigate(screen: Screen): Promise<boolean> {
    if (screen === this.screen) return true;
    if (!(await this.guard.confirmLeave())) return false;
    this.screen = screen;
    return true;
  }

  /** Opens a person from elsewhere (e.g. an organisation's mandates or a search hit). */
  async openPerson(id: number): Promise<boolean> {
    return this.#openOn('members', (confirmLeave) => this.members.select(id, confirmLeave));
  }

  /** Opens a practice example from elsewhere (a search hit, an organisation's page). */
  async openPracticeExample(id: number): Promise<boolean> {
    return this.#openOn('practice_examples', async (confirmLeave) => {
      if (!(await confirmLeave())) return false;
      this.practiceExamples.open(id);
      return true;
    });
  }

  /**
   * Opens what a search hit stands for on its screen (docs/knowledge-contract.md, "Search"); true
   * when it is shown, false when the user kept unsaved changes instead (or the hit names no
   * session where it needs one).
   */
  async openHit(hit: SearchHit): Promise<boolean> {
    switch (hit.kind) {
      case 'person':
        return this.openPerson(hit.id);
      case 'organisation':
        return this.#openOn('organisations', (confirmLeave) =>
          this.organisations.select(hit.id, confirmLeave),
        );
      case 'session':
      case 'agenda_item': {
        const sessionId = hit.session_id ?? (hit.kind === 'session' ? hit.id : null);
        if (sessionId === null) return false;
        return this.#openOn('sessions', async (confirmLeave) => {
          if (!(await this.sessions.select(sessionId, confirmLeave))) return false;
          // An agenda item is found on the agenda.
          if (hit.kind === 'agenda_item') this.sessions.tab = 'agenda';
          return true;
        });
      }
      case 'minutes_note':
      case 'decision':
      case 'action_item': {
        const sessionId = hit.session_id;
        if (sessionId === null) return false;
        // Notes are autosaved and written before another session shows: nothing to confirm.
        return this.#openOn('minutes', async () => {
          await this.minutes.open(sessionId);
          return true;
        });
      }
      case 'practice_example':
        return this.openPracticeExample(hit.id);
      case 'recommendation':
        return this.#openOn('recommendations', async (confirmLeave) => {
          if (!(await confirmLeave())) return false;
          this.recommendations.open(hit.id);
          return true;
        });
      case 'topic':
        return this.#openOn('practice_examples', async (confirmLeave) => {
          if (!(await confirmLeave())) return false;
          this.practiceExamples.filterByTopic(hit.id);
          return true;
        });
    }
  }

  /**
   * Goes to `screen` (guarded by `navigate`), then lets `show` select something there. Leaving
   * another screen has already asked about its unsaved changes, so `show` gets a check that asks
   * only when the user was on `screen` already (a changed form there is about to be replaced).
   */
  async #openOn(
    screen: Screen,
    show: (confirmLeave: () => Promise<boolean>) => Promise<boolean>,
  ): Promise<boolean> {
    const staying = this.screen === screen;
    if (!(await this.navigate(screen))) return false;
    const confirmLeave = staying ? () => this.guard.confirmLeave() : () => Promise.resolve(true);
    return show(confirmLeave);
  }

  roleLabel(value: string | null): string {
    if (!value) return '';
    return this.reference?.roles.find((r) => r.value === value)?.label ?? value;
  }

  kindLabel(value: string | null): string {
    if (!value) return '';
    return this.reference?.organisation_kinds.find((k) => k.value === value)?.label ?? value;
  }
}

const KEY = Symbol('zirkel-app');

export function setApp(app: AppState): AppState {
  return setContext(KEY, app);
}

export function getApp(): AppState {
  const app = getContext<AppState | undefined>(KEY);
  if (!app) throw new Error('getApp(): no AppState in context; wrap the component in App.svelte');
  return app;
}

/** For tests: the context map that `render(Component, { context })` expects. */
export function appContext(app: AppState): Map<symbol, AppState> {
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- handed to render() once, never changed
  return new Map([[KEY, app]]);
}
