import { describe, expect, it } from "vitest";
import { busiestWindowCount, earliestFit, fitsAt } from "@/lib/budget/window";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe("busiestWindowCount", () => {
  it("counts nothing in an empty history", () => {
    expect(busiestWindowCount([], 0, DAY)).toBe(0);
  });

  it("counts posts within one window of the time", () => {
    const events = [-23 * HOUR, -HOUR, 0, HOUR, 23 * HOUR];

    expect(busiestWindowCount(events, 0, DAY)).toBe(3);
  });

  it("ignores posts a full window away", () => {
    expect(busiestWindowCount([-DAY, DAY], 0, DAY)).toBe(0);
  });

  it("does not join posts that no single window holds", () => {
    // -20 h and +20 h are 40 h apart: no 24-hour window contains both.
    expect(busiestWindowCount([-20 * HOUR, 20 * HOUR], 0, DAY)).toBe(1);
  });
});

describe("earliestFit", () => {
  it("returns the requested time when it fits", () => {
    expect(earliestFit([0], 2 * HOUR, 5, 17, DAY)).toBe(2 * HOUR);
  });

  it("waits until enough posts leave the window", () => {
    const events = Array.from({ length: 17 }, (_, index) => index * HOUR);

    expect(fitsAt(events, 17 * HOUR, 1, 17, DAY)).toBe(false);
    expect(earliestFit(events, 17 * HOUR, 3, 17, DAY)).toBe(2 * HOUR + DAY);
  });

  it("also respects posts scheduled later", () => {
    // 10 posts at +30 h: no window holding 0 reaches them, but every window holding +10 h can.
    const events = Array.from({ length: 10 }, () => 30 * HOUR);

    expect(earliestFit(events, 0, 10, 17, DAY)).toBe(0);
    expect(earliestFit(events, 10 * HOUR, 10, 17, DAY)).toBe(30 * HOUR + DAY);
  });

  it("returns null when the thread is larger than the limit", () => {
    expect(earliestFit([], 0, 18, 17, DAY)).toBeNull();
  });
});

describe("busiestWindowCount against brute force", () => {
  it("matches a minute-by-minute scan", () => {
    const MINUTE = 60_000;
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let round = 0; round < 30; round += 1) {
      const events = Array.from({ length: 12 }, () => Math.floor(random() * 48) * HOUR + MINUTE).sort(
        (a, b) => a - b,
      );
      const at = Math.floor(random() * 48) * HOUR;
      let expected = 0;
      for (let start = at - DAY + MINUTE; start <= at; start += MINUTE) {
        expected = Math.max(expected, events.filter((time) => time >= start && time < start + DAY).length);
      }

      expect(busiestWindowCount(events, at, DAY)).toBe(expected);
    }
  });
});
