// Turns whatever a Tauri command rejects with into a typed `UserError`, so components never
// inspect raw rejections. The shell sends `{ code, message, field }` with a German message; a bare
// string or an `Error` (e.g. IPC unavailable, command missing) becomes code "internal".

/** The error kinds the core reports; the UI reacts differently to each. */
export type ErrorCode = 'validation' | 'not_found' | 'conflict' | 'locked' | 'internal';

const CODES: ReadonlySet<string> = new Set<ErrorCode>([
  'validation',
  'not_found',
  'conflict',
  'locked',
  'internal',
]);

/** An error to show to the user: `message` is German, `field` names the input field (Rust name). */
export class UserError extends Error {
  readonly code: ErrorCode;
  readonly field: string | null;

  constructor(code: ErrorCode, message: string, field: string | null = null) {
    super(message);
    this.name = 'UserError';
    this.code = code;
    this.field = field;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Maps any rejection value to a `UserError`. */
export function toUserError(reason: unknown): UserError {
  if (reason instanceof UserError) return reason;
  if (isRecord(reason) && typeof reason.message === 'string' && typeof reason.code === 'string') {
    const code = CODES.has(reason.code) ? (reason.code as ErrorCode) : 'internal';
    const field = typeof reason.field === 'string' && reason.field !== '' ? reason.field : null;
    return new UserError(code, reason.message, field);
  }
  if (typeof reason === 'string') {
    return new UserError('internal', `Unerwarteter Fehler: ${reason}`);
  }
  if (reason instanceof Error) {
    return new UserError('internal', `Unerwarteter Fehler: ${reason.message}`);
  }
  return new UserError('internal', 'Unerwarteter Fehler. Bitte Zirkel neu starten.');
}
