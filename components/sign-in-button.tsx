import Link from "next/link";
import { XLogo } from "./x-logo";

export function SignInButton({ label = "Sign in with X" }: { label?: string }) {
  return (
    <Link
      href="/signin"
      className="inline-flex items-center gap-2 rounded-full bg-ink px-6 py-3 text-sm font-semibold text-white shadow-sm transition hover:bg-black focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
    >
      <XLogo />
      {label}
    </Link>
  );
}
