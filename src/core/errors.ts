/**
 * Typed errors with stable codes. Every error a client or CLI user sees is one of
 * these; the message is ours (never an upstream body, a path or a stack), and
 * the optional `line` points into the transcript that caused it.
 */

export const ERROR_CODES = [
  'TRANSCRIPT_EMPTY',
  'TRANSCRIPT_MALFORMED',
  'TRANSCRIPT_TOO_LARGE',
  'TRANSCRIPT_NOT_TEXT',
  'UNSUPPORTED_FORMAT',
  'FILE_NOT_FOUND',
  'FILE_NOT_ALLOWED',
  'FILE_NOT_REGULAR',
  'FILE_UNREADABLE',
  'PATH_OUTSIDE_ROOTS',
  'INVALID_ARGUMENT',
  'INVALID_CURSOR',
  'TRANSCRIPT_NOT_FOUND',
  'SNAPSHOT_NOT_FOUND',
  'SECTION_NOT_FOUND',
  'FIELD_INVALID',
  'CONFIG_INVALID',
  'ZOOM_NOT_CONFIGURED',
  'ZOOM_AUTH_FAILED',
  'ZOOM_NOT_FOUND',
  'ZOOM_RATE_LIMITED',
  'ZOOM_UNAVAILABLE',
  'ZOOM_REQUEST_REJECTED',
  'ZOOM_BAD_RESPONSE',
  'CANCELLED',
  'INPUT_ROUND_EXPIRED',
  'RATE_LIMITED',
  'QUOTA_EXCEEDED',
  'INTERNAL_ERROR',
  'LLM_RATE_LIMITED',
  'LLM_TIMEOUT',
  'LLM_AUTH_FAILED',
  'LLM_BAD_OUTPUT',
  'LLM_UNAVAILABLE',
  'LLM_REQUEST_REJECTED',
  'LLM_NOT_CONFIGURED',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorDetails {
  /** 1-based line in the transcript that the problem is on. */
  line?: number;
}

/** Base class: a stable code and a message safe to show to the user. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly line: number | undefined;

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    this.line = details.line;
  }
}

/** The caller sent something we cannot use: a bad file, argument or transcript. */
export class InputError extends AppError {}

/** The id named does not exist (or is not visible to the caller: same answer). */
export class NotFoundError extends AppError {}

/** The environment configuration is invalid. */
export class ConfigError extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('CONFIG_INVALID', message, {}, options);
  }
}

export type ZoomErrorCode = Extract<ErrorCode, `ZOOM_${string}`>;

/**
 * A Zoom call failed, or Zoom is not set up. The message is ours: never Zoom's
 * body, a URL, a token or a credential. `status` is Zoom's HTTP status, when
 * there was a response.
 */
export class ZoomApiError extends AppError {
  declare readonly code: ZoomErrorCode;
  readonly status: number | undefined;

  constructor(code: ZoomErrorCode, message: string, options: { status?: number; cause?: unknown } = {}) {
    super(code, message, {}, options.cause === undefined ? undefined : { cause: options.cause });
    this.status = options.status;
  }
}

export type LlmErrorCode = Extract<ErrorCode, `LLM_${string}`>;

/**
 * A language model could not be used (after the SDK's own retries). The
 * snapshot falls back to the offline engine and names `code` in its issues;
 * `message` is ours and never carries a provider's response text or a key.
 */
export class LlmUnavailableError extends AppError {
  declare readonly code: LlmErrorCode;

  constructor(code: LlmErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, {}, options);
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
