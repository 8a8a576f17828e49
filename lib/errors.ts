/**
 * Codes of the domain errors that server code throws. Each is turned into one
 * plain sentence for the writer at the boundary (server action or route);
 * internals stay in the log.
 */
export type AppErrorCode =
  | "invalid_input" // the request itself is wrong: show the message, change nothing
  | "not_found" // no such row for this user; also used for another user's rows
  | "conflict" // the row changed state meanwhile (for example it is being published)
  | "over_budget" // the X posting budget has no room, and the message names when it would
  | "x_unavailable"; // X could not be reached or refused; retrying later may work

export const HTTP_STATUS_BY_CODE: Record<AppErrorCode, number> = {
  invalid_input: 400,
  not_found: 404,
  conflict: 409,
  over_budget: 429,
  x_unavailable: 503,
};

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export function notFound(what: string): AppError {
  return new AppError("not_found", `${what} was not found. It may have been deleted.`);
}
