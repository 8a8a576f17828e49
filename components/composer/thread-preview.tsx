import { Avatar } from "@/components/avatar";

interface ThreadPreviewProps {
  author: { name: string | null; username: string | null; image: string | null };
  texts: readonly string[];
}

/** Renders the thread as X shows it: one post under the other, joined by a line. */
export function ThreadPreview({ author, texts }: ThreadPreviewProps) {
  return (
    <section aria-label="Preview" className="rounded-xl bg-white p-4 ring-1 ring-neutral-200">
      <h2 className="mb-3 text-sm font-semibold text-neutral-600">Preview</h2>
      <ol>
        {texts.map((text, index) => (
          <li key={index} className="relative flex gap-3 pb-5">
            {index < texts.length - 1 && (
              <span aria-hidden="true" className="absolute top-11 bottom-1 left-5 w-0.5 bg-neutral-200" />
            )}
            <Avatar src={author.image} name={author.name} size={40} />
            <div className="min-w-0 flex-1">
              <p className="text-sm">
                <span className="font-semibold">{author.name}</span>{" "}
                <span className="text-neutral-500">@{author.username}</span>
              </p>
              <p className="mt-0.5 text-[15px] leading-snug break-words whitespace-pre-wrap">
                {text || <span className="text-neutral-400">Empty post</span>}
              </p>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
