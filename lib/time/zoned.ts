// Conversions between instants and wall-clock times in an IANA time zone,
// built on Intl only so that nothing depends on the process time zone (TZ).

export interface WallTime {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM, 24-hour */
  time: string;
}

export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** ISO weekday: 1 is Monday, 7 is Sunday. */
  weekday: number;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone.length === 0 || timeZone.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      weekday: "short",
    });
    formatters.set(timeZone, formatter);
  }

  return formatter;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

export function zonedParts(instant: Date, timeZone: string): ZonedParts {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) parts[part.type] = part.value;

  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: WEEKDAYS[parts.weekday ?? ""] ?? 0,
  };
}

export function toWallTime(instant: Date, timeZone: string): WallTime {
  const parts = zonedParts(instant, timeZone);
  const pad = (value: number) => String(value).padStart(2, "0");

  return {
    date: `${parts.year}-${pad(parts.month)}-${pad(parts.day)}`,
    time: `${pad(parts.hour)}:${pad(parts.minute)}`,
  };
}

/** Returns the zone's offset from UTC at an instant, in minutes (east positive). */
function offsetMinutes(instantMs: number, timeZone: string): number {
  const parts = zonedParts(new Date(instantMs), timeZone);
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute);

  return Math.round((asUtc - Math.floor(instantMs / MINUTE_MS) * MINUTE_MS) / MINUTE_MS);
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Parses YYYY-MM-DD and HH:MM; returns null for a malformed or impossible date (2026-02-30). */
export function parseWallTime(
  wall: WallTime,
): { year: number; month: number; day: number; hour: number; minute: number } | null {
  const date = DATE_PATTERN.exec(wall.date);
  const time = TIME_PATTERN.exec(wall.time);
  if (!date || !time) return null;

  const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day)
    return null;

  return { year, month, day, hour: Number(time[1]), minute: Number(time[2]) };
}

/** Instants whose wall time in the zone is exactly the given minute: none in a gap, two in an overlap. */
function exactInstants(fields: NonNullable<ReturnType<typeof parseWallTime>>, timeZone: string): number[] {
  const asUtc = Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute);
  const offsets = new Set([
    offsetMinutes(asUtc - DAY_MS, timeZone),
    offsetMinutes(asUtc, timeZone),
    offsetMinutes(asUtc + DAY_MS, timeZone),
  ]);
  const matches: number[] = [];
  for (const offset of offsets) {
    const candidate = asUtc - offset * MINUTE_MS;
    const back = zonedParts(new Date(candidate), timeZone);
    if (
      back.year === fields.year &&
      back.month === fields.month &&
      back.day === fields.day &&
      back.hour === fields.hour &&
      back.minute === fields.minute
    ) {
      matches.push(candidate);
    }
  }

  return matches.sort((a, b) => a - b);
}

/**
 * Converts a wall-clock time in a zone to an instant. A time that happens
 * twice (clocks going back) takes its first occurrence. A time that does not
 * exist (clocks going forward) moves to the next minute that does.
 * Returns null for a malformed or impossible date or time.
 */
export function wallTimeToInstant(wall: WallTime, timeZone: string): Date | null {
  const fields = parseWallTime(wall);
  if (!fields) return null;

  const start = Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute);
  // Clock shifts are at most a few hours, so a day of minutes always reaches a valid one.
  for (let step = 0; step <= 24 * 60; step += 1) {
    const shifted = new Date(start + step * MINUTE_MS);
    const [first] = exactInstants(
      {
        year: shifted.getUTCFullYear(),
        month: shifted.getUTCMonth() + 1,
        day: shifted.getUTCDate(),
        hour: shifted.getUTCHours(),
        minute: shifted.getUTCMinutes(),
      },
      timeZone,
    );
    if (first !== undefined) return new Date(first);
  }

  return null;
}

/** Adds whole days to a YYYY-MM-DD date, on the calendar (no time zone involved). */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const shifted = new Date(Date.UTC(year, month - 1, day + days));

  return shifted.toISOString().slice(0, 10);
}

/** ISO weekday of a YYYY-MM-DD calendar date. */
export function weekdayOf(date: string): number {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();

  return weekday === 0 ? 7 : weekday;
}
