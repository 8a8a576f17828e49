"use client";

import { useCallback, useEffect, useRef, useState } from "react";

export type SaveState = "saved" | "unsaved" | "saving" | "error";

const SAVE_DELAY_MS = 800;

/**
 * Saves `value` a moment after it stops changing, one save at a time, and
 * warns before the page is left with unsaved changes. `flush()` saves now
 * and resolves once everything typed so far is stored.
 */
export function useAutosave<T>(
  value: T,
  save: (value: T) => Promise<{ ok: true } | { ok: false; error: string }>,
) {
  const [state, setState] = useState<SaveState>("saved");
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(value);
  const savedValue = useRef(value);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
    latest.current = value;
  });

  const runSave = useCallback(async (): Promise<boolean> => {
    while (inFlight.current) await inFlight.current;
    if (latest.current === savedValue.current) return true;

    const snapshot = latest.current;
    setState("saving");
    const attempt = (async () => {
      try {
        const result = await saveRef.current(snapshot);
        if (!result.ok) {
          setError(result.error);
          setState("error");
          return false;
        }
        savedValue.current = snapshot;
        setError(null);
        setState(latest.current === snapshot ? "saved" : "unsaved");
        return true;
      } catch {
        setError(
          "Saving failed: the connection may be down. Your text is still here; it will be saved on the next change.",
        );
        setState("error");
        return false;
      }
    })();
    inFlight.current = attempt;
    const succeeded = await attempt;
    inFlight.current = null;

    return succeeded;
  }, []);

  useEffect(() => {
    if (value === savedValue.current) return;
    setState((current) => (current === "saving" ? current : "unsaved"));
    const timer = setTimeout(() => void runSave(), SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [value, runSave]);

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (latest.current === savedValue.current) return;
      event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, []);

  const flush = useCallback(async () => {
    const saved = await runSave();
    return saved && latest.current === savedValue.current;
  }, [runSave]);

  return { state, error, flush };
}
