import { SignInButton } from "@/components/sign-in-button";

const steps = [
  {
    title: "Bring an article",
    body: "Paste Markdown or give the URL of something you published. InsightProse keeps the text, its paragraphs and where it came from.",
  },
  {
    title: "Get insights, then threads",
    body: "It picks out the passages worth sharing, each one pointing back at the paragraphs it came from, and turns any of them into a thread draft.",
  },
  {
    title: "Edit with X's own counting",
    body: "The composer counts every post exactly as X does: links, emoji and CJK included. What you see is what gets posted.",
  },
  {
    title: "Schedule and let it post",
    body: "Pick a time in your own time zone or add it to your queue. The server posts the thread from your account, post by post, never twice.",
  },
];

export default function LandingPage() {
  return (
    <main className="mx-auto flex max-w-5xl flex-col px-6 pb-24">
      <header className="flex items-center justify-between py-6">
        <span className="font-serif text-xl font-semibold tracking-tight">InsightProse</span>
        <SignInButton label="Sign in" />
      </header>

      <section className="grid gap-10 py-16 md:grid-cols-[3fr_2fr] md:items-center">
        <div>
          <p className="mb-4 text-sm font-semibold uppercase tracking-widest text-accent">For writers on X</p>
          <h1 className="font-serif text-4xl leading-tight font-semibold md:text-5xl">
            Your long-form writing, distilled into threads people read.
          </h1>
          <p className="mt-6 max-w-xl text-lg text-neutral-700">
            InsightProse reads your article, finds its strongest ideas, and helps you share them as X threads
            that link back to the full piece. You edit, schedule, and it posts on time from your account.
          </p>
          <div className="mt-8 flex flex-wrap items-center gap-4">
            <SignInButton />
            <span className="text-sm text-neutral-600">
              Free and open source. Your X account is the only sign-in.
            </span>
          </div>
        </div>

        <figure
          aria-label="Example thread"
          className="rounded-2xl border border-neutral-200 bg-white p-5 shadow-sm"
        >
          <ExamplePost
            handle="@ada_writes"
            text="I spent a year rewriting our onboarding. Here is what actually moved the numbers 🧵"
            count="1/3"
          />
          <ExamplePost
            handle="@ada_writes"
            text="Cutting steps mattered less than naming them. People finish what they can see the end of."
            count="2/3"
          />
          <ExamplePost
            handle="@ada_writes"
            text="The full essay, with the data: example.com/onboarding"
            count="3/3"
            isLast
          />
        </figure>
      </section>

      <section aria-labelledby="how-it-works" className="border-t border-neutral-200 pt-12">
        <h2 id="how-it-works" className="font-serif text-2xl font-semibold">
          How it works
        </h2>
        <ol className="mt-8 grid gap-6 sm:grid-cols-2">
          {steps.map((step, index) => (
            <li key={step.title} className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-neutral-200">
              <span className="text-sm font-semibold text-accent">Step {index + 1}</span>
              <h3 className="mt-1 text-lg font-semibold">{step.title}</h3>
              <p className="mt-2 text-neutral-700">{step.body}</p>
            </li>
          ))}
        </ol>
      </section>
    </main>
  );
}

function ExamplePost({
  handle,
  text,
  count,
  isLast = false,
}: {
  handle: string;
  text: string;
  count: string;
  isLast?: boolean;
}) {
  return (
    <div className="relative flex gap-3 pb-4">
      {!isLast && (
        <span aria-hidden="true" className="absolute top-10 bottom-0 left-4 w-0.5 bg-neutral-200" />
      )}
      <span aria-hidden="true" className="h-8 w-8 shrink-0 rounded-full bg-accent-soft" />
      <div className="min-w-0">
        <p className="text-sm text-neutral-500">
          <span className="font-semibold text-ink">Ada</span> {handle} · {count}
        </p>
        <p className="mt-1 text-[15px] leading-snug">{text}</p>
      </div>
    </div>
  );
}
