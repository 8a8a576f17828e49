"use client";

import { useEffect, useState } from "react";

/** A hidden form field carrying the browser's IANA time zone. */
export function TimeZoneField({ name = "timeZone" }: { name?: string }) {
  const [timeZone, setTimeZone] = useState("");
  useEffect(() => {
    setTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone ?? "");
  }, []);

  return <input type="hidden" name={name} value={timeZone} />;
}
