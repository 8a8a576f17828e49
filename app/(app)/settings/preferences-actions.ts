"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authedAction, type ActionResult } from "@/lib/actions/authed-action";
import { addPostingSlot, removePostingSlot, setTimeZone } from "@/lib/settings/preferences";
import { timeZoneSchema } from "@/lib/threads/schemas";

export const setTimeZoneAction = authedAction(
  z.object({ timeZone: timeZoneSchema }),
  async (input, user): Promise<ActionResult> => {
    await setTimeZone(user.id, input.timeZone);
    revalidatePath("/", "layout");

    return { ok: true, data: undefined };
  },
);

export const addSlotAction = authedAction(
  z.object({
    weekday: z.coerce.number().int().min(1, "Pick a weekday.").max(7, "Pick a weekday."),
    localTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Enter the time as HH:MM, 24-hour."),
  }),
  async (input, user): Promise<ActionResult> => {
    await addPostingSlot(user.id, input.weekday, input.localTime);
    revalidatePath("/settings");

    return { ok: true, data: undefined };
  },
);

export const removeSlotAction = authedAction(
  z.object({ slotId: z.uuid({ error: "That slot was not found." }) }),
  async (input, user): Promise<ActionResult> => {
    await removePostingSlot(user.id, input.slotId);
    revalidatePath("/settings");

    return { ok: true, data: undefined };
  },
);
