import Link from "next/link";

export default function ArticleNotFound() {
  return (
    <main className="max-w-xl space-y-4">
      <h1 className="font-serif text-2xl font-semibold">Article not found</h1>
      <p className="text-neutral-700">This article does not exist or was deleted.</p>
      <Link href="/articles" className="underline">
        Back to your articles
      </Link>
    </main>
  );
}
