import Link from "next/link";

export default function ThreadNotFound() {
  return (
    <main className="mx-auto max-w-md py-16 text-center">
      <h1 className="font-serif text-2xl font-semibold">Thread not found</h1>
      <p className="mt-3 text-neutral-700">
        This thread does not exist or was deleted. Threads are visible only to the writer who made them.
      </p>
      <Link
        href="/dashboard"
        className="mt-6 inline-block rounded-full bg-ink px-5 py-2.5 text-sm font-semibold text-white"
      >
        Back to the dashboard
      </Link>
    </main>
  );
}
