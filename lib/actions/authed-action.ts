import type { z } from "zod";
import { requireUser, type CurrentUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { getLogger } from "@/lib/log";

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
 * the schema's first message and runs nothing. An AppError thrown by the body
 * becomes its message; any other error is logged and reported generically.
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

    try {
      return await handler(parsed.data, user);
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.message };
      if (isNextControlFlow(error)) throw error;
      getLogger().error({ err: error, userId: user.id }, "server action failed");
      return { ok: false, error: "Something went wrong on our side and nothing was changed. Try again." };
    }
  };
}

/** redirect() and notFound() work by throwing; those must reach Next.js untouched. */
function isNextControlFlow(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return (
    typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR"))
  );
}
