import type { z } from "zod";
import { requireUser, type CurrentUser } from "@/lib/auth/current-user";

export type ActionResult<T = undefined> = { ok: true; data: T } | { ok: false; error: string };

function formDataToObject(input: unknown): unknown {
  if (!(input instanceof FormData)) return input;
  const object: Record<string, FormDataEntryValue> = {};
  for (const [key, value] of input.entries()) {
    if (!key.startsWith("$ACTION")) object[key] = value;
  }

  return object;
}

/**
 * Wraps a server action so that the signed-in user is resolved and the input
 * validated before the body runs; neither can be forgotten. Invalid input gets
 * the schema's first message and runs nothing.
 */
export function authedAction<Schema extends z.ZodType, T>(
  schema: Schema,
  handler: (input: z.infer<Schema>, user: CurrentUser) => Promise<ActionResult<T>>,
) {
  return async (input: unknown): Promise<ActionResult<T>> => {
    const user = await requireUser();
    const parsed = schema.safeParse(formDataToObject(input));
    if (!parsed.success) {
      return { ok: false, error: parsed.error.issues[0]?.message ?? "The request is invalid." };
    }

    return handler(parsed.data, user);
  };
}
