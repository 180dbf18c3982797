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

  it('keeps every problem of a validation error, each at its field, in the core’s order', () => {
    const errors = [
      { field: 'first_name', message: 'Vorname: Bitte angeben.' },
      { field: 'email', message: 'E-Mail: „a@b“ ist keine gültige E-Mail-Adresse.' },
      { field: 'postal_code', message: 'PLZ: „123“ ist keine Postleitzahl (fünf Ziffern).' },
    ];
    const error = toUserError({
      code: 'validation',
      message: '3 Eingaben sind ungültig. Bitte die markierten Felder korrigieren.',
      field: 'first_name',
      errors,
    });
    expect(error.code).toBe('validation');
    expect(error.message).toMatch(/^3 Eingaben sind ungültig\./);
    expect(error.field).toBe('first_name');
    expect(error.errors, 'no problem of the input may get lost on the way to the form').toEqual(
      errors,
    );
    expect(error.messageFor('email')).toBe('E-Mail: „a@b“ ist keine gültige E-Mail-Adresse.');
    expect(error.messageFor('last_name'), 'a field without a problem has no message').toBeNull();
  });

  it('reads an older payload without errors as one error at its field', () => {
    const message = 'E-Mail: „a@b“ ist keine gültige E-Mail-Adresse.';
    const error = toUserError({ code: 'validation', message, field: 'email' });
    expect(error.errors).toEqual([{ field: 'email', message }]);
    expect(error.messageFor('email')).toBe(message);
  });

  it('has no field errors for a non-validation error', () => {
    const error = toUserError({ code: 'locked', message: 'Gesperrt.', field: null, errors: [] });
    expect(error.errors).toEqual([]);
    expect(error.field).toBeNull();
    expect(toUserError('boom').errors).toEqual([]);
    expect(new UserError('conflict', 'Hat Mandate.').errors).toEqual([]);
  });

  it('takes the first error’s field when the payload has none, and drops malformed entries', () => {
    const error = toUserError({
      code: 'validation',
      message: '2 Eingaben sind ungültig.',
      errors: [{ field: 'name', message: 'Name: Bitte angeben.' }, 'kaputt', { field: 'kind' }],
    });
    expect(error.field).toBe('name');
    expect(error.errors).toEqual([{ field: 'name', message: 'Name: Bitte angeben.' }]);
  });

  it('joins several messages for the same field', () => {
    const error = new UserError('validation', '2 Eingaben sind ungültig.', 'email', [
      { field: 'email', message: 'E-Mail: zu lang.' },
      { field: 'email', message: 'E-Mail: kein @.' },
    ]);
    expect(error.messageFor('email')).toBe('E-Mail: zu lang. E-Mail: kein @.');
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

  it('reject with every field error of a refused input', async () => {
    const errors = [
      { field: 'first_name', message: 'Vorname: Bitte angeben.' },
      { field: 'email', message: 'E-Mail: „a@b“ ist keine gültige E-Mail-Adresse.' },
    ];
    mockIPC(() => {
      const message = '2 Eingaben sind ungültig.';
      throw { code: 'validation', message, field: 'first_name', errors };
    });
    const failure = await personCreate(emptyPersonInput()).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(UserError);
    expect((failure as UserError).errors).toEqual(errors);
  });
});
