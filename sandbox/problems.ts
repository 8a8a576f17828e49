import { json, type Reply } from "./http";

/**
 * X API v2 error bodies. The wording of titles and details is X's own, because
 * callers match on it (the duplicate-content detail in particular).
 */
export interface Problem {
  title: string;
  detail: string;
  type: string;
  status: number;
  errors?: Array<{ message: string; parameters?: Record<string, string[]> }>;
  [extra: string]: unknown;
}

const PROBLEM_HEADERS = { "content-type": "application/problem+json" };

export function problemReply(problem: Problem, headers: Record<string, string> = {}): Reply {
  return json(problem.status, problem, { ...PROBLEM_HEADERS, ...headers });
}

function blank(status: number, title: string, detail = title): Problem {
  return { title, detail, type: "about:blank", status };
}

export const unauthorized = (): Problem => blank(401, "Unauthorized");

export const forbidden = (detail = "Forbidden"): Problem => blank(403, "Forbidden", detail);

export const tooManyRequests = (): Problem => blank(429, "Too Many Requests");

export const internalError = (): Problem => blank(500, "Internal Server Error");

export const serviceUnavailable = (): Problem => blank(503, "Service Unavailable");

export const DUPLICATE_CONTENT_DETAIL = "You are not allowed to create a Tweet with duplicate content.";

export const REPLY_TARGET_MISSING_DETAIL =
  "You attempted to reply to a Tweet that is deleted or not visible to you.";

export const REPLY_RESTRICTED_DETAIL =
  "Reply to this conversation is not allowed because you have not been mentioned or otherwise engaged by the author of the post you are replying to.";

export function invalidRequest(message: string, parameters?: Record<string, string[]>): Problem {
  return {
    errors: [parameters ? { parameters, message } : { message }],
    title: "Invalid Request",
    detail: "One or more parameters to your request was invalid.",
    type: "https://api.twitter.com/2/problems/invalid-request",
    status: 400,
  };
}

export function creditsDepleted(accountId: string): Problem {
  return {
    title: "CreditsDepleted",
    detail: `Your enrolled account [${accountId}] does not have any credits to fulfill this request.`,
    type: "https://api.twitter.com/2/problems/credits",
    status: 402,
  };
}

export function resourceNotFound(resourceType: "tweet" | "user", id: string): Problem {
  return {
    title: "Not Found Error",
    detail: `Could not find ${resourceType} with id: [${id}].`,
    type: "https://api.twitter.com/2/problems/resource-not-found",
    status: 404,
    resource_type: resourceType,
    resource_id: id,
    parameter: "id",
    value: id,
  };
}
