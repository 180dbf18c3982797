// Turns whatever a Tauri command rejects with into a typed `UserError`, so components never
// inspect raw rejections. The shell sends `{ code, message, field, errors }` with German messages:
// for a validation error `errors` lists every problem of the input (each naming its field) and
// `field` is the first one's; other errors send `errors: []`. Older payloads without `errors` are
// read as one error at `field`. A bare string or an `Error` (e.g. IPC unavailable, command
// missing) becomes code "internal".

/** The error kinds the core reports; the UI reacts differently to each. */
export type ErrorCode =
  | 'validation'
  | 'not_found'
  | 'conflict'
  | 'locked'
  | 'internal'
  | 'store_unavailable';

const CODES: ReadonlySet<string> = new Set<ErrorCode>([
  'validation',
  'not_found',
  'conflict',
  'locked',
  'internal',
  'store_unavailable',
]);

/** One problem of an input: the field (Rust name, snake_case) and a German message naming it. */
export type FieldMessage = { readonly field: string; readonly message: string };

/**
 * An error to show to the user: `message` is German (for several problems a summary), `field`
 * names the first invalid input field, `errors` holds every problem with its field.
 */
export class UserError extends Error {
  readonly code: ErrorCode;
  readonly field: string | null;
  readonly errors: ReadonlyArray<FieldMessage>;

  /** Without `errors`, a `field` makes `message` the one error of that field. */
  constructor(
    code: ErrorCode,
    message: string,
    field: string | null = null,
    errors?: ReadonlyArray<FieldMessage>,
  ) {
    super(message);
    this.name = 'UserError';
    this.code = code;
    const list = errors && errors.length > 0 ? errors : field ? [{ field, message }] : [];
    this.errors = Object.freeze(
      list.map(({ field, message }) => Object.freeze({ field, message })),
    );
    this.field = field ?? (this.errors[0]?.field || null);
  }

  /** The messages for one field, joined; null when that field is fine. */
  messageFor(field: string): string | null {
    const messages = this.errors.filter((e) => e.field === field).map((e) => e.message);
    return messages.length > 0 ? messages.join(' ') : null;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

const nonEmpty = (value: unknown): string | null =>
  typeof value === 'string' && value !== '' ? value : null;

/** The well-formed entries of a payload's `errors`; anything else is dropped. */
function fieldMessages(value: unknown): FieldMessage[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: unknown) => {
    if (!isRecord(entry) || typeof entry.message !== 'string') return [];
    return [{ field: typeof entry.field === 'string' ? entry.field : '', message: entry.message }];
  });
}

/** Maps any rejection value to a `UserError`. */
export function toUserError(reason: unknown): UserError {
  if (reason instanceof UserError) return reason;
  if (isRecord(reason) && typeof reason.message === 'string' && typeof reason.code === 'string') {
    const code = CODES.has(reason.code) ? (reason.code as ErrorCode) : 'internal';
    const errors = fieldMessages(reason.errors);
    return new UserError(code, reason.message, nonEmpty(reason.field), errors);
  }
  if (typeof reason === 'string') {
    return new UserError('internal', `Unerwarteter Fehler: ${reason}`);
  }
  if (reason instanceof Error) {
    return new UserError('internal', `Unerwarteter Fehler: ${reason.message}`);
  }
  return new UserError('internal', 'Unerwarteter Fehler. Bitte Zirkel neu starten.');
}
