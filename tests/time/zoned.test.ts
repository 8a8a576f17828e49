import { describe, expect, it } from "vitest";
import { nextFreeSlot } from "@/lib/time/queue";
import { isValidTimeZone, toWallTime, wallTimeToInstant, weekdayOf } from "@/lib/time/zoned";

const iso = (date: Date | null) => date?.toISOString() ?? null;

describe("wallTimeToInstant", () => {
  it.each([
    // zone, date, time, expected instant
    ["UTC", "2026-06-01", "09:30", "2026-06-01T09:30:00.000Z"],
    ["America/Los_Angeles", "2026-06-01", "09:30", "2026-06-01T16:30:00.000Z"],
    ["Asia/Kolkata", "2026-06-01", "09:30", "2026-06-01T04:00:00.000Z"],
    ["Europe/Berlin", "2026-01-15", "23:59", "2026-01-15T22:59:00.000Z"],
  ])("converts %s %s %s", (zone, date, time, expected) => {
    expect(iso(wallTimeToInstant({ date, time }, zone))).toBe(expected);
  });

  it("moves a skipped time to the next valid minute (Los Angeles)", () => {
    // 2026-03-08: clocks jump from 02:00 to 03:00 PST→PDT.
    expect(iso(wallTimeToInstant({ date: "2026-03-08", time: "02:30" }, "America/Los_Angeles"))).toBe(
      "2026-03-08T10:00:00.000Z",
    );
  });

  it("moves a skipped time to the next valid minute (Berlin)", () => {
    // 2026-03-29: clocks jump from 02:00 to 03:00 CET→CEST.
    expect(iso(wallTimeToInstant({ date: "2026-03-29", time: "02:15" }, "Europe/Berlin"))).toBe(
      "2026-03-29T01:00:00.000Z",
    );
  });

  it("takes the first of a repeated time (Los Angeles)", () => {
    // 2026-11-01: 01:30 happens in PDT (08:30Z) and again in PST (09:30Z).
    expect(iso(wallTimeToInstant({ date: "2026-11-01", time: "01:30" }, "America/Los_Angeles"))).toBe(
      "2026-11-01T08:30:00.000Z",
    );
  });

  it("takes the first of a repeated time (Berlin)", () => {
    // 2026-10-25: 02:30 happens in CEST (00:30Z) and again in CET (01:30Z).
    expect(iso(wallTimeToInstant({ date: "2026-10-25", time: "02:30" }, "Europe/Berlin"))).toBe(
      "2026-10-25T00:30:00.000Z",
    );
  });

  it("handles a 30-minute shift (Lord Howe Island)", () => {
    // 2026-10-04: clocks go from 02:00 to 02:30 local.
    expect(iso(wallTimeToInstant({ date: "2026-10-04", time: "02:10" }, "Australia/Lord_Howe"))).toBe(
      "2026-10-03T15:30:00.000Z",
    );
  });

  it.each([
    ["2026-02-30", "10:00"],
    ["2026-13-01", "10:00"],
    ["2026-1-01", "10:00"],
    ["2026-01-01", "24:00"],
    ["2026-01-01", "9:00"],
    ["not a date", "10:00"],
  ])("rejects %s %s", (date, time) => {
    expect(wallTimeToInstant({ date, time }, "UTC")).toBeNull();
  });
});

describe("toWallTime", () => {
  it("gives the writer's date, not the server's", () => {
    // 05:30Z on June 2 is still June 1, 22:30 in Los Angeles.
    expect(toWallTime(new Date("2026-06-02T05:30:00Z"), "America/Los_Angeles")).toEqual({
      date: "2026-06-01",
      time: "22:30",
    });
  });
});

describe("isValidTimeZone", () => {
  it.each(["UTC", "Asia/Kolkata", "America/Argentina/Buenos_Aires"])("accepts %s", (zone) => {
    expect(isValidTimeZone(zone)).toBe(true);
  });

  it.each(["Mars/Olympus", "", "Europe/Berlin; drop table", "x".repeat(100)])("rejects %j", (zone) => {
    expect(isValidTimeZone(zone)).toBe(false);
  });
});

describe("nextFreeSlot", () => {
  const la = "America/Los_Angeles";

  it("uses the writer's today late in the evening west of UTC", () => {
    // 22:00 in Los Angeles on Monday June 1 is already Tuesday in UTC.
    const after = new Date("2026-06-02T05:00:00Z");
    const slot = nextFreeSlot({
      slots: [{ weekday: weekdayOf("2026-06-01"), localTime: "23:00" }],
      timeZone: la,
      after,
      takenInstants: new Set(),
    });

    expect(iso(slot)).toBe("2026-06-02T06:00:00.000Z");
  });

  it("uses each slot occurrence once", () => {
    const after = new Date("2026-06-01T00:00:00Z");
    const slots = [{ weekday: 1, localTime: "09:00" }];
    const first = nextFreeSlot({ slots, timeZone: "UTC", after, takenInstants: new Set() });
    const second = nextFreeSlot({
      slots,
      timeZone: "UTC",
      after,
      takenInstants: new Set([first!.getTime()]),
    });

    expect(iso(first)).toBe("2026-06-01T09:00:00.000Z");
    expect(iso(second)).toBe("2026-06-08T09:00:00.000Z");
  });

  it("resolves a slot on the spring-forward night", () => {
    // Sunday 2026-03-08 02:30 does not exist in Los Angeles.
    const slot = nextFreeSlot({
      slots: [{ weekday: 7, localTime: "02:30" }],
      timeZone: la,
      after: new Date("2026-03-07T12:00:00Z"),
      takenInstants: new Set(),
    });

    expect(iso(slot)).toBe("2026-03-08T10:00:00.000Z");
  });

  it("resolves a slot on the fall-back night to its first occurrence", () => {
    const slot = nextFreeSlot({
      slots: [{ weekday: 7, localTime: "01:30" }],
      timeZone: la,
      after: new Date("2026-10-31T12:00:00Z"),
      takenInstants: new Set(),
    });

    expect(iso(slot)).toBe("2026-11-01T08:30:00.000Z");
  });

  it("skips a slot already past today", () => {
    const slot = nextFreeSlot({
      slots: [
        { weekday: 1, localTime: "08:00" },
        { weekday: 1, localTime: "18:00" },
      ],
      timeZone: "UTC",
      after: new Date("2026-06-01T12:00:00Z"),
      takenInstants: new Set(),
    });

    expect(iso(slot)).toBe("2026-06-01T18:00:00.000Z");
  });

  it("returns null without slots", () => {
    expect(
      nextFreeSlot({ slots: [], timeZone: "UTC", after: new Date(), takenInstants: new Set() }),
    ).toBeNull();
  });
});
