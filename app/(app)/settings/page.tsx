import type { Metadata } from "next";
import { Avatar } from "@/components/avatar";
import { countScheduledThreads } from "@/lib/accounts/disconnect-x";
import { getXAccount } from "@/lib/accounts/x-account";
import { requireUser } from "@/lib/auth/current-user";
import { listPostingSlots } from "@/lib/settings/preferences";
import { DeleteAccountForm, DisconnectXForm } from "./account-forms";
import { WEEKDAY_NAMES } from "@/lib/settings/weekdays";
import { AddSlotForm, RemoveSlotButton, TimeZoneForm } from "./preferences-forms";

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
  const slots = await listPostingSlots(user.id);
  const zones = Intl.supportedValuesOf("timeZone");
  if (!zones.includes(user.timezone)) zones.unshift(user.timezone);

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

      <section aria-labelledby="time-zone" className="rounded-xl bg-white p-6 ring-1 ring-neutral-200">
        <h2 id="time-zone" className="text-lg font-semibold">
          Time zone
        </h2>
        <p className="mt-2 text-neutral-700">
          Dates and times you pick are read in this zone, and “today” on the dashboard is its today.
        </p>
        <TimeZoneForm current={user.timezone} zones={zones} />
      </section>

      <section aria-labelledby="posting-slots" className="rounded-xl bg-white p-6 ring-1 ring-neutral-200">
        <h2 id="posting-slots" className="text-lg font-semibold">
          Posting slots
        </h2>
        <p className="mt-2 text-neutral-700">
          “Add to queue” puts a thread in the next free slot. Each slot takes one thread. On a day the clocks
          change, a slot time that does not exist moves to the next valid minute, and one that happens twice
          uses the first.
        </p>
        {slots.length === 0 ? (
          <p className="mt-4 text-sm text-neutral-600">No slots yet. Add the times you like to post.</p>
        ) : (
          <ul className="mt-4 divide-y divide-neutral-100">
            {slots.map((slot) => {
              const label = `${WEEKDAY_NAMES[slot.weekday - 1]} ${slot.localTime}`;
              return (
                <li key={slot.id} className="flex items-center justify-between py-2 text-sm">
                  <span>{label}</span>
                  <RemoveSlotButton slotId={slot.id} label={label} />
                </li>
              );
            })}
          </ul>
        )}
        <AddSlotForm />
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
