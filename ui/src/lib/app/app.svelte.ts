// The app-level state: current screen, store info, reference data, the list states (kept here so
// filters survive switching screens) and the unsaved-changes guard. Shared through context.

import { getContext, setContext } from 'svelte';
import * as api from '../api/api';
import type { UserError } from '../api/errors';
import type { OrganisationRow, ReferenceData, StoreInfo } from '../api/types';
import { MembersState } from '../members/members.svelte';
import { defaultOrganisationFilter, OrganisationsState } from '../organisations/organisations.svelte';
import { ExportState } from '../transfer/export.svelte';
import { ImportState } from '../transfer/import.svelte';
import { Notices } from '../transfer/notices.svelte';
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
  welcome = $state(false);
  readonly members = new MembersState();
  readonly organisations = new OrganisationsState();
  readonly guard = new LeaveGuard();
  /** Messages about finished exports and imports, shown on the members screen. */
  readonly notices = new Notices();
  readonly exporter = new ExportState(this.members, this.notices);
  readonly importer = new ImportState(this.notices);

  /** First start: store info (offers the demo on an empty store), reference data, lists. */
  async start(): Promise<void> {
    try {
      this.info = await api.storeInfo();
      this.welcome = this.info.is_empty;
    } catch (reason) {
      this.error = api.toUserError(reason);
      return;
    }
    await this.reloadShared();
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

  /** Global search: shows the members list filtered by `text`. */
  async searchMembers(text: string): Promise<void> {
    if (!(await this.navigate('members'))) return;
    this.members.search(text);
  }

  /** Opens a person from elsewhere (e.g. an organisation's mandates). */
  async openPerson(id: number): Promise<void> {
    if (!(await this.navigate('members'))) return;
    this.members.selected = id;
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
