// The session form: the generic editor over the session commands, plus what only a session has:
// its status, cancelling, copying it as the template of the next one. The agenda beside the form
// (agenda.svelte.ts) replaces `detail` with each answer of the core. One instance per open page.

import * as api from '../api/api';
import { toUserError, UserError } from '../api/errors';
import type {
  Session,
  SessionCopyInput,
  SessionDetail,
  SessionInput,
  SessionStatus,
} from '../api/types';
import { isoToGerman } from '../format';
import { EditorState } from '../shared/editor-state.svelte';

/** The form fields, in the order they appear (errors are listed and focused in this order). */
export const SESSION_FIELDS = [
  'number',
  'title',
  'first_day',
  'last_day',
  'venue',
  'address',
  'host_organisation_id',
  'registration_deadline',
  'description',
] as const satisfies readonly (keyof SessionInput)[];

export function emptySessionInput(): SessionInput {
  return {
    number: null,
    title: '',
    first_day: '',
    last_day: '',
    venue: '',
    address: '',
    host_organisation_id: null,
    description: '',
    registration_deadline: '',
  };
}

/** The form's starting values; a one-day session shows no last day. */
export function sessionToInput(session: Session): SessionInput {
  return {
    number: session.number,
    title: session.title,
    first_day: isoToGerman(session.first_day),
    last_day: session.last_day === session.first_day ? '' : isoToGerman(session.last_day),
    venue: session.venue ?? '',
    address: session.address ?? '',
    host_organisation_id: session.host_organisation_id,
    description: session.description ?? '',
    registration_deadline: isoToGerman(session.registration_deadline),
  };
}

export class SessionEditor extends EditorState<SessionDetail, SessionInput, Session> {
  constructor() {
    super({
      fields: SESSION_FIELDS,
      empty: emptySessionInput,
      toInput: (detail) => sessionToInput(detail.session),
      idOf: (detail) => detail.session.id,
      get: api.sessionGet,
      create: api.sessionCreate,
      update: api.sessionUpdate,
      remove: api.sessionDelete,
    });
  }

  get session(): Session | null {
    return this.detail?.session ?? null;
  }

  /** Sets the status (geplant, eingeladen, durchgeführt); the refusal, or null. */
  setStatus(status: SessionStatus): Promise<UserError | null> {
    return this.act((id) => api.sessionSetStatus(id, status));
  }

  /** Marks the session as cancelled; agenda and attendance stay. */
  cancel(): Promise<UserError | null> {
    return this.act(api.sessionCancel);
  }

  /** Reloads after another panel changed the session (attendance counts, attachments). */
  reload(): Promise<void> {
    return this.refresh();
  }

  /**
   * A copy of this session as the template of another one (days shifted, agenda kept, nobody
   * invited): the new session, or the refusal for the copy dialog.
   */
  async copy(input: SessionCopyInput): Promise<Session | UserError> {
    const id = this.id;
    if (id === null) return new UserError('validation', 'Bitte die Sitzung zuerst speichern.');
    try {
      return await api.sessionCopy(id, input);
    } catch (reason) {
      return toUserError(reason);
    }
  }
}
