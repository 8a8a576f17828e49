"use client";

export default function ArticlesError({ reset }: { error: Error; reset: () => void }) {
  return (
    <main role="alert" className="max-w-xl space-y-4">
      <h1 className="font-serif text-2xl font-semibold">The articles could not be loaded</h1>
      <p className="text-neutral-700">
        Something went wrong on our side. Your articles are safe; try again in a moment.
      </p>
      <button
        type="button"
        onClick={reset}
        className="rounded-full bg-ink px-4 py-2 text-sm font-semibold text-white"
      >
        Try again
      </button>
    </main>
  );
}
