export default function ArticlesLoading() {
  return (
    <main aria-busy="true" className="space-y-4">
      <p role="status" className="sr-only">
        Loading articles…
      </p>
      <div className="h-9 w-48 animate-pulse rounded bg-neutral-200" />
      <div className="h-5 w-full animate-pulse rounded bg-neutral-100" />
      <div className="h-5 w-3/4 animate-pulse rounded bg-neutral-100" />
      <div className="h-5 w-5/6 animate-pulse rounded bg-neutral-100" />
    </main>
  );
}
