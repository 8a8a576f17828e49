import type { Metadata } from "next";
import { Avatar } from "@/components/avatar";
import { countScheduledThreads } from "@/lib/accounts/disconnect-x";
import { getXAccount, requireUser } from "@/lib/auth/current-user";
import { DeleteAccountForm, DisconnectXForm } from "./account-forms";

export const metadata: Metadata = { title: "Settings" };

const STATUS_LABELS = {
  active: "Connected",
  needs_reconnect: "Needs reconnecting",
  revoked: "Disconnected",
} as const;

export default async function SettingsPage() {
  const user = await requireUser();
  const xAccount = await getXAccount(user.id);
  const scheduledCount = await countScheduledThreads(user.id);

  return (
    <main className="max-w-2xl space-y-10">
      <h1 className="font-serif text-3xl font-semibold">Settings</h1>

      <section aria-labelledby="x-account" className="rounded-xl bg-white p-6 ring-1 ring-neutral-200">
        <h2 id="x-account" className="text-lg font-semibold">
          X account
        </h2>
        <div className="mt-4 flex items-center gap-4">
          <Avatar src={user.image} name={user.name} size={48} />
          <div>
            <p className="font-medium">{user.name}</p>
            <p className="text-neutral-600">@{user.username}</p>
          </div>
          <span className="ml-auto rounded-full bg-neutral-100 px-3 py-1 text-sm" data-testid="x-status">
            {xAccount ? STATUS_LABELS[xAccount.status] : "Not connected"}
          </span>
        </div>
        {xAccount?.status === "active" && <DisconnectXForm scheduledCount={scheduledCount} />}
      </section>

      <section aria-labelledby="danger-zone" className="rounded-xl bg-white p-6 ring-1 ring-red-200">
        <h2 id="danger-zone" className="text-lg font-semibold text-red-800">
          Delete account
        </h2>
        <p className="mt-2 text-neutral-700">
          Deletes your articles, insights, threads and settings from InsightProse and revokes its access to X.
          Posts already on X stay there. This cannot be undone.
        </p>
        <DeleteAccountForm username={user.username ?? ""} />
      </section>
    </main>
  );
}
