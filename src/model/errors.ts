/**
 * A mistake of the user's (a missing root, a bad config, an unwritable output) rather than a bug:
 * the CLI prints its message as one line and exits 2. Anything else is a bug and is re-thrown.
 */
export class UserError extends Error {
  override readonly name = "UserError";
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}

/**
 * The `code` of a failed system call (`ENOENT`, `EACCES`, `ELOOP`, …), or undefined when the
 * thrown value carries none (a bug's TypeError, a non-Error throw).
 */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const { code } = error as { code?: unknown };
  return typeof code === "string" ? code : undefined;
}
