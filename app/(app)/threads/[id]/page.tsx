import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Composer } from "@/components/composer/composer";
import { PublishStatus } from "@/components/publish-status";
import { WorkerStatusBanner } from "@/components/worker-status-banner";
import { requireUser } from "@/lib/auth/current-user";
import { listPostingSlots } from "@/lib/settings/preferences";
import { getOwnedThread } from "@/lib/threads/queries";
import { countPostedPrefix } from "@/lib/threads/save-partial";
import { threadIdSchema } from "@/lib/threads/schemas";
import { EDITABLE_STATUSES } from "@/lib/threads/types";
import { ThreadActions } from "./thread-actions";

export const metadata: Metadata = { title: "Composer" };

export default async function ThreadPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  if (!threadIdSchema.safeParse(id).success) notFound();

  const thread = await getOwnedThread(user.id, id);
  if (!thread) notFound();
  const slots = await listPostingSlots(user.id);

  return (
    <main className="space-y-6">
      <nav aria-label="Breadcrumb" className="flex items-center justify-between text-sm">
        <Link href="/dashboard" className="text-neutral-600 hover:text-ink">
          ← Dashboard
        </Link>
        <ThreadActions threadId={thread.id} />
      </nav>
      {thread.status === "scheduled" && <WorkerStatusBanner timeZone={user.timezone} />}
      {thread.status !== "draft" && thread.status !== "cancelled" && (
        <PublishStatus thread={thread} username={user.username} />
      )}
      <Composer
        thread={{
          id: thread.id,
          title: thread.title,
          numbering: thread.numbering,
          revision: thread.revision,
          isEditable: EDITABLE_STATUSES.includes(thread.status) || thread.status === "partial",
          lockedCount: thread.status === "partial" ? countPostedPrefix(thread.posts) : 0,
          canSchedule: EDITABLE_STATUSES.includes(thread.status),
        }}
        posts={thread.posts.map((post) => post.text)}
        author={{ name: user.name, username: user.username, image: user.image }}
        schedule={{
          status: thread.status,
          publishAt: thread.publishAt?.toISOString() ?? null,
          timeZone: user.timezone,
          hasSlots: slots.length > 0,
        }}
      />
    </main>
  );
}
