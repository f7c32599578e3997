/** Errors the authoring commands report as a message and exit code 1, without a stack trace. */

/** Why: separates a user's mistake (bad flag, unknown product, file exists) from a bug. */
export class UserError extends Error {
  override name = 'UserError';
}
