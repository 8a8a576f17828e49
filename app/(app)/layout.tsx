import Link from "next/link";
import { Avatar } from "@/components/avatar";
import { signOut } from "@/lib/auth";
import { getXAccount } from "@/lib/accounts/x-account";
import { requireUser } from "@/lib/auth/current-user";
import { signInWithX } from "../signin/actions";

async function signOutOfApp() {
  "use server";
  await signOut({ redirectTo: "/" });
}

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const xAccount = await getXAccount(user.id);
  const needsReconnect = !xAccount || xAccount.status !== "active";

  return (
    <div className="min-h-screen">
      <header className="border-b border-neutral-200 bg-white">
        <nav aria-label="Main" className="mx-auto flex max-w-6xl items-center gap-6 px-6 py-3">
          <Link href="/dashboard" className="font-serif text-lg font-semibold">
            InsightProse
          </Link>
          <Link href="/dashboard" className="text-sm text-neutral-700 hover:text-ink">
            Dashboard
          </Link>
          <Link href="/articles" className="text-sm text-neutral-700 hover:text-ink">
            Articles
          </Link>
          <Link href="/settings" className="text-sm text-neutral-700 hover:text-ink">
            Settings
          </Link>
          <div className="ml-auto flex items-center gap-3">
            <Avatar src={user.image} name={user.name} size={28} />
            <span className="text-sm font-medium" data-testid="current-handle">
              @{user.username}
            </span>
            <form action={signOutOfApp}>
              <button type="submit" className="text-sm text-neutral-600 underline-offset-2 hover:underline">
                Sign out
              </button>
            </form>
          </div>
        </nav>
      </header>

      {needsReconnect && (
        <div role="alert" className="border-b border-amber-200 bg-amber-50">
          <form action={signInWithX} className="mx-auto flex max-w-6xl items-center gap-4 px-6 py-3 text-sm">
            <p className="text-amber-900">
              InsightProse has lost access to your X account, so your scheduled threads are waiting. Reconnect
              to post them.
            </p>
            <input type="hidden" name="callbackUrl" value="/dashboard" />
            <button
              type="submit"
              className="ml-auto rounded-full bg-ink px-4 py-1.5 font-semibold text-white"
            >
              Reconnect X
            </button>
          </form>
        </div>
      )}

      <div className="mx-auto max-w-6xl px-6 py-8">{children}</div>
    </div>
  );
}
