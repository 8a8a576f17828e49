/** Formats an instant for people, in a time zone, e.g. "Mon, Jun 1, 2026, 09:30 (Europe/Berlin)". */
export function formatInstant(instant: Date, timeZone: string): string {
  const text = new Intl.DateTimeFormat("en-US", {
    timeZone,
    weekday: "short",
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(instant);

  return `${text} (${timeZone})`;
}

/** Formats an instant in UTC as "2026-06-01 07:30 UTC". */
export function formatUtc(instant: Date): string {
  return `${instant.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
