import Link from "next/link";
import type { ThreadSummary } from "@/lib/threads/dashboard";
import { addDays, toWallTime, weekdayOf } from "@/lib/time/zoned";

const WEEKDAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "Fri, Dec 4" for a YYYY-MM-DD calendar date. */
function dayLabel(date: string): string {
  const [, month, day] = date.split("-").map(Number) as [number, number, number];
  return `${WEEKDAY_NAMES[weekdayOf(date) - 1]}, ${MONTH_NAMES[month - 1]} ${day}`;
}

/** Shows the next seven days in the writer's time zone, with the threads scheduled on each. */
export function WeekCalendar({
  threads,
  timeZone,
  now,
}: {
  threads: ThreadSummary[];
  timeZone: string;
  now: Date;
}) {
  const today = toWallTime(now, timeZone).date;
  const days = Array.from({ length: 7 }, (_, offset) => addDays(today, offset));
  const byDay = new Map<string, { time: string; thread: ThreadSummary }[]>();
  for (const thread of threads) {
    if (!thread.publishAt) continue;
    const wall = toWallTime(thread.publishAt, timeZone);
    const list = byDay.get(wall.date) ?? [];
    list.push({ time: wall.time, thread });
    byDay.set(wall.date, list);
  }

  return (
    <section aria-labelledby="this-week" className="rounded-xl bg-white p-5 ring-1 ring-neutral-200">
      <h2 id="this-week" className="text-lg font-semibold">
        This week
      </h2>
      <ol className="mt-3 grid grid-cols-2 gap-2 sm:grid-cols-4 lg:grid-cols-7">
        {days.map((date) => {
          const entries = (byDay.get(date) ?? []).sort((a, b) => a.time.localeCompare(b.time));
          return (
            <li key={date} className="min-h-24 rounded-lg bg-neutral-50 p-2" aria-label={date}>
              <p className="text-xs font-semibold text-neutral-600">
                {dayLabel(date)}
                {date === today && " · today"}
              </p>
              <ul className="mt-1 space-y-1">
                {entries.map(({ time, thread }) => (
                  <li key={thread.id}>
                    <Link
                      href={`/threads/${thread.id}`}
                      className="block truncate rounded bg-accent-soft px-1.5 py-0.5 text-xs hover:underline"
                    >
                      {time} {thread.title || thread.firstPost || "Thread"}
                    </Link>
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
