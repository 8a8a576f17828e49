"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authedAction, type ActionResult } from "@/lib/actions/authed-action";
import { threadIdSchema } from "@/lib/threads/schemas";
import { resumeThread } from "./resume";

const resumeSchema = z.object({ id: threadIdSchema });

/** Resumes the signed-in writer's partial thread from its first post not yet on X. */
export const resumeThreadAction = authedAction(resumeSchema, async ({ id }, user): Promise<ActionResult> => {
  await resumeThread(user.id, id);
  revalidatePath("/", "layout");

  return { ok: true, data: undefined };
});
