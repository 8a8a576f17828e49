import type { Metadata } from "next";
import Link from "next/link";
import { WorkerStatusBanner } from "@/components/worker-status-banner";
import { requireUser } from "@/lib/auth/current-user";
import { evaluateBudget } from "@/lib/budget/evaluate-budget";
import { loadDashboard, type ThreadSummary } from "@/lib/threads/dashboard";
import { formatInstant, formatUtc } from "@/lib/time/format";
import { startNewThread } from "../threads/actions";
import { WeekCalendar } from "./week-calendar";

export const metadata: Metadata = { title: "Dashboard" };

const STATUS_LABELS: Record<ThreadSummary["status"], string> = {
  draft: "Draft",
  scheduled: "Scheduled",
  publishing: "Publishing",
  published: "Published",
  partial: "Stopped part way",
  failed: "Failed",
  cancelled: "Cancelled",
};

function describeWindow(windowMs: number): string {
  const minutes = windowMs / 60_000;
  return minutes >= 60 ? `${minutes / 60} hours` : `${minutes} minutes`;
}

function preview(summary: ThreadSummary): string {
  const text = summary.title || summary.firstPost || "Untitled thread";
  return text.length > 140 ? `${text.slice(0, 139)}…` : text;
}

function ThreadRow({
  summary,
  timeZone,
  username,
}: {
  summary: ThreadSummary;
  timeZone: string;
  username: string | null;
}) {
  return (
    <li className="flex flex-wrap items-baseline gap-x-4 gap-y-1 border-b border-neutral-100 py-3 last:border-0">
      <Link href={`/threads/${summary.id}`} className="min-w-0 flex-1 font-medium hover:underline">
        {preview(summary)}
      </Link>
      <span className="text-xs text-neutral-500">
        {summary.postCount} {summary.postCount === 1 ? "post" : "posts"} · {STATUS_LABELS[summary.status]}
      </span>
      {summary.publishAt && summary.status !== "draft" && (
        <span className="w-full text-sm text-neutral-600" data-testid="thread-time">
          {formatInstant(summary.publishAt, timeZone)} · {formatUtc(summary.publishAt)}
        </span>
      )}
      {summary.lastError && <span className="w-full text-sm text-red-800">{summary.lastError}</span>}
      {(summary.status === "partial" || summary.status === "failed") && (
        <span className="w-full text-sm text-neutral-600">
          {summary.postedCount} of {summary.postCount} posts went out. Open the thread to see which, and why.
        </span>
      )}
      {summary.firstXPostId && username && (
        <a
          className="text-sm text-accent underline"
          href={`https://x.com/${username}/status/${summary.firstXPostId}`}
          target="_blank"
          rel="noreferrer"
        >
          View on X
        </a>
      )}
    </li>
  );
}

function Section(props: {
  title: string;
  empty: string;
  items: ThreadSummary[];
  timeZone: string;
  username: string | null;
}) {
  const id = props.title.toLowerCase().replaceAll(" ", "-");
  return (
    <section aria-labelledby={id} className="rounded-xl bg-white p-5 ring-1 ring-neutral-200">
      <h2 id={id} className="text-lg font-semibold">
        {props.title}
      </h2>
      {props.items.length === 0 ? (
        <p className="mt-3 text-sm text-neutral-600">{props.empty}</p>
      ) : (
        <ul className="mt-2">
          {props.items.map((summary) => (
            <ThreadRow
              key={summary.id}
              summary={summary}
              timeZone={props.timeZone}
              username={props.username}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

export default async function DashboardPage() {
  const user = await requireUser();
  const now = new Date();
  const [lists, budget] = await Promise.all([
    loadDashboard(user.id),
    evaluateBudget({ userId: user.id, at: now, postCount: 0 }),
  ]);
  const hasAnything = Object.values(lists).some((items) => items.length > 0);

  return (
    <main className="space-y-6">
      <div className="flex flex-wrap items-center gap-4">
        <div className="flex-1">
          <h1 className="font-serif text-3xl font-semibold">Dashboard</h1>
          <p className="text-sm text-neutral-600">
            Times in {user.timezone}. Posting budget right now: {budget.user.left} of your {budget.user.limit}{" "}
            posts per {describeWindow(budget.user.windowMs)} are free, and {budget.app.left} of the app&apos;s{" "}
            {budget.app.limit}.
          </p>
        </div>
        <form action={startNewThread}>
          <button type="submit" className="rounded-full bg-ink px-5 py-2.5 text-sm font-semibold text-white">
            New thread
          </button>
        </form>
      </div>

      {lists.upcoming.length > 0 && <WorkerStatusBanner timeZone={user.timezone} />}

      {!hasAnything && (
        <section className="rounded-xl border border-dashed border-neutral-300 p-10 text-center">
          <h2 className="font-serif text-xl font-semibold">Nothing here yet</h2>
          <p className="mx-auto mt-2 max-w-md text-neutral-700">
            Start a thread from scratch, or import an article and let InsightProse find the ideas worth
            sharing.
          </p>
        </section>
      )}

      {lists.attention.length > 0 && (
        <Section
          title="Needs attention"
          empty=""
          items={lists.attention}
          timeZone={user.timezone}
          username={user.username}
        />
      )}
      <WeekCalendar threads={lists.upcoming} timeZone={user.timezone} now={now} />
      {[
        {
          title: "Upcoming",
          empty: "No threads are scheduled. Open a draft and pick a time, or add it to your queue.",
          items: lists.upcoming,
        },
        { title: "Drafts", empty: "No drafts. “New thread” starts one.", items: lists.drafts },
        {
          title: "Published",
          empty: "Nothing published yet. Scheduled threads appear here once they are on X.",
          items: lists.published,
        },
      ].map((section) => (
        <Section key={section.title} {...section} timeZone={user.timezone} username={user.username} />
      ))}
    </main>
  );
}
