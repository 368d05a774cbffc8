/** A non-2xx answer of the engine: the status, the engine's exception type and message. */
export class EngineError extends Error {
  static readonly code = 'ENGINE_ERROR';
  readonly code = EngineError.code;
  override name = EngineError.name;
  constructor(
    readonly status: number,
    readonly type: string | undefined,
    message: string,
    readonly path: string,
  ) {
    super(`engine ${status} on ${path}: ${type ?? 'error'}: ${message}`);
  }
}

/** The engine does not answer at all (down, restarting, refused). Workers treat it as transient. */
export class EngineUnavailableError extends Error {
  static readonly code = 'ENGINE_UNAVAILABLE';
  readonly code = EngineUnavailableError.code;
  override name = EngineUnavailableError.name;
}
