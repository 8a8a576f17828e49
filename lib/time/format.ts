// Creating an Intl.DateTimeFormat costs far more than formatting with one, and
// the dashboard formats hundreds of instants per request.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      weekday: "short",
      year: "numeric",
      month: "short",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(timeZone, formatter);
  }

  return formatter;
}

/** Formats an instant for people, in a time zone, e.g. "Mon, Jun 1, 2026, 09:30 (Europe/Berlin)". */
export function formatInstant(instant: Date, timeZone: string): string {
  const text = formatterFor(timeZone).format(instant);

  return `${text} (${timeZone})`;
}

/** Formats an instant in UTC as "2026-06-01 07:30 UTC". */
export function formatUtc(instant: Date): string {
  return `${instant.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
