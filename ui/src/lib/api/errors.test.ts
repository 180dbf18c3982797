import { afterEach, describe, expect, it } from 'vitest';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { toUserError, UserError } from './errors';
import { personCreate, storeInfo } from './api';
import { emptyPersonInput } from '../format';

describe('toUserError', () => {
  it('keeps code, German message and field of the shell error object', () => {
    const error = toUserError({
      code: 'validation',
      message: 'E-Mail: „a@b“ ist keine gültige E-Mail-Adresse.',
      field: 'email',
    });
    expect(error).toBeInstanceOf(UserError);
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe('validation');
    expect(error.field).toBe('email');
    expect(error.message).toBe('E-Mail: „a@b“ ist keine gültige E-Mail-Adresse.');
  });

  it('treats a missing or empty field as none', () => {
    expect(toUserError({ code: 'conflict', message: 'x' }).field).toBeNull();
    expect(toUserError({ code: 'conflict', message: 'x', field: null }).field).toBeNull();
    expect(toUserError({ code: 'conflict', message: 'x', field: '' }).field).toBeNull();
  });

  it('maps an unknown code to internal but keeps the message', () => {
    const error = toUserError({ code: 'exploded', message: 'Etwas ging schief.' });
    expect(error.code).toBe('internal');
    expect(error.message).toBe('Etwas ging schief.');
  });

  it('maps a bare string rejection to internal', () => {
    const error = toUserError('command person_create not found');
    expect(error.code).toBe('internal');
    expect(error.field).toBeNull();
    expect(error.message).toContain('command person_create not found');
  });

  it('maps an Error to internal with its message', () => {
    const error = toUserError(new TypeError('window.__TAURI_INTERNALS__ is undefined'));
    expect(error.code).toBe('internal');
    expect(error.message).toContain('__TAURI_INTERNALS__');
  });

  it('maps anything else to a generic German message', () => {
    for (const odd of [null, undefined, 42, { foo: 1 }]) {
      const error = toUserError(odd);
      expect(error.code).toBe('internal');
      expect(error.message).toMatch(/Unerwarteter Fehler/);
    }
  });

  it('returns a UserError unchanged', () => {
    const original = new UserError('locked', 'Gesperrt.');
    expect(toUserError(original)).toBe(original);
  });
});

describe('api wrappers', () => {
  afterEach(() => clearMocks());

  it('invoke the contract command with camelCase argument keys', async () => {
    const calls: [string, unknown][] = [];
    mockIPC((cmd, payload) => {
      calls.push([cmd, payload]);
      return { id: 1 };
    });
    const input = { ...emptyPersonInput(), first_name: 'Łucja', last_name: 'Wąs' };
    await personCreate(input);
    expect(calls).toEqual([['person_create', { input }]]);
  });

  it('reject with a UserError when the core refuses', async () => {
    mockIPC(() => {
      throw { code: 'locked', message: 'Die Datenbank ist gesperrt.', field: null };
    });
    const failure = await storeInfo().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(UserError);
    expect(failure).toMatchObject({ code: 'locked', message: 'Die Datenbank ist gesperrt.' });
  });
});
