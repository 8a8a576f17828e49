import { z } from "zod";
import { isValidTimeZone } from "@/lib/time/zoned";
import { MAX_DRAFT_POST_CHARS, MAX_POSTS_PER_THREAD, MAX_TITLE_CHARS } from "./types";

export const threadIdSchema = z.uuid({ error: "That thread was not found. It may have been deleted." });

export const draftPostsSchema = z
  .array(
    z
      .string()
      .max(
        MAX_DRAFT_POST_CHARS,
        `A post can hold at most ${MAX_DRAFT_POST_CHARS.toLocaleString("en-US")} characters. Split the text into more posts.`,
      ),
    { error: "The thread's posts are missing." },
  )
  .min(1, "A thread needs at least one post.")
  .max(
    MAX_POSTS_PER_THREAD,
    `A thread can have at most ${MAX_POSTS_PER_THREAD} posts. Move the rest to a second thread.`,
  );

export const threadDraftSchema = z.object({
  id: threadIdSchema,
  title: z
    .string()
    .trim()
    .max(MAX_TITLE_CHARS, `A title can be at most ${MAX_TITLE_CHARS} characters.`)
    .default(""),
  posts: draftPostsSchema,
  numbering: z.boolean().default(false),
  /** The revision the editor started from; a save from an older one is rejected. */
  revision: z.number().int().min(0),
});

export const timeZoneSchema = z.string().trim().refine(isValidTimeZone, {
  error: "That time zone is not recognised. Pick one from the list, such as Europe/Berlin.",
});

export const wallTimeSchema = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the date as YYYY-MM-DD."),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Enter the time as HH:MM, 24-hour."),
});
