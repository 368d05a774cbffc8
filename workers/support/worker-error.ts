/** A fault a worker finds in its own inputs or state; `retryable` says whether waiting can cure it. */
export class WorkerError extends Error {
  static readonly SUBMISSION_NOT_FOUND = 'SUBMISSION_NOT_FOUND';
  static readonly REGISTRATION_NOT_FOUND = 'REGISTRATION_NOT_FOUND';
  static readonly APPLICANT_DATA_MISSING = 'APPLICANT_DATA_MISSING';
  static readonly OTP_ENTRY_NOT_FOUND = 'OTP_ENTRY_NOT_FOUND';
  static readonly NO_OPEN_CODE = 'NO_OPEN_CODE';
  static readonly INVALID_DECISION = 'INVALID_DECISION';
  static readonly AGENCY_HAS_ACCOUNT = 'AGENCY_HAS_ACCOUNT';
  static readonly NO_FREE_USERNAME = 'NO_FREE_USERNAME';
  static readonly INVALID_VARIABLES = 'INVALID_VARIABLES';
  static readonly ALERT_MISSING = 'ALERT_MISSING';
  override name = WorkerError.name;
  constructor(
    readonly code: string,
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}
