export type ImportStep = "fetch" | "distil";

const STEPS: { id: ImportStep; label: string }[] = [
  { id: "fetch", label: "Fetching and reading the page" },
  { id: "distil", label: "Distilling insights and saving" },
];

function stepState(index: number, currentIndex: number): "done" | "current" | "waiting" {
  if (index < currentIndex) return "done";
  if (index === currentIndex) return "current";

  return "waiting";
}

const STEP_ICON_CLASSES = {
  done: "grid size-5 place-items-center rounded-full bg-accent text-xs text-white",
  current: "size-5 animate-spin rounded-full border-2 border-accent border-t-transparent",
  waiting: "size-5 rounded-full border-2 border-neutral-300",
};

/** Shows the steps of an import with the current one marked, and announces each new step to screen readers. */
export function ImportProgress({
  current,
  steps = ["fetch", "distil"],
}: {
  current: ImportStep;
  steps?: ImportStep[];
}) {
  const visibleSteps = STEPS.filter((step) => steps.includes(step.id));
  const currentIndex = visibleSteps.findIndex((step) => step.id === current);

  return (
    <div className="rounded-lg bg-accent-soft/60 p-4 ring-1 ring-accent/20">
      <p role="status" aria-live="polite" className="sr-only">
        {visibleSteps[currentIndex]?.label}…
      </p>
      <ol className="space-y-2 text-sm">
        {visibleSteps.map((step, index) => {
          const state = stepState(index, currentIndex);
          return (
            <li key={step.id} className="flex items-center gap-3" data-state={state}>
              <span aria-hidden className={STEP_ICON_CLASSES[state]}>
                {state === "done" ? "✓" : null}
              </span>
              <span className={state === "waiting" ? "text-neutral-500" : "font-medium text-ink"}>
                {step.label}
              </span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
