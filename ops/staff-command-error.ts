/** Why a staff command was refused; `code` is stable so scripts and tests can tell the cases apart. */
export class StaffCommandError extends Error {
  static readonly USERNAME_FORMAT = 'staff_username_format';
  static readonly ROLE_INVALID = 'staff_role_invalid';
  static readonly EXISTS = 'staff_exists';
  static readonly NOT_FOUND = 'staff_not_found';
  override name = StaffCommandError.name;
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
