"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { deleteAccount } from "@/lib/accounts/delete-account";
import { disconnectX } from "@/lib/accounts/disconnect-x";
import { authedAction, type ActionResult } from "@/lib/actions/authed-action";
import { signOut } from "@/lib/auth";

const disconnectSchema = z.object({});

export const disconnectXAction = authedAction(
  disconnectSchema,
  async (_input, user): Promise<ActionResult> => {
    await disconnectX(user.id);
    revalidatePath("/", "layout");

    return { ok: true, data: undefined };
  },
);

const deleteSchema = z.object({
  confirmation: z.string().trim().min(1, "Type your X handle to confirm."),
});

export const deleteAccountAction = authedAction(deleteSchema, async (input, user): Promise<ActionResult> => {
  const expected = user.username ?? "";
  if (input.confirmation.replace(/^@/, "").toLowerCase() !== expected.toLowerCase()) {
    return { ok: false, error: `Type your X handle, ${expected}, to confirm.` };
  }

  await deleteAccount(user.id);
  await signOut({ redirect: false });
  redirect("/");
});
