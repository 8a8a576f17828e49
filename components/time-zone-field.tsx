"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};
const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone ?? "";
// The server cannot know the browser's zone; the field fills in after hydration.
const serverTimeZone = () => "";

/** Renders a hidden form field with the browser's IANA time zone. */
export function TimeZoneField({ name = "timeZone" }: { name?: string }) {
  const timeZone = useSyncExternalStore(subscribe, browserTimeZone, serverTimeZone);

  return <input type="hidden" name={name} value={timeZone} />;
}
