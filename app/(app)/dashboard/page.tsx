import type { Metadata } from "next";
import { Avatar } from "@/components/avatar";
import { requireUser } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const user = await requireUser();

  return (
    <main>
      <section className="flex items-center gap-4">
        <Avatar src={user.image} name={user.name} size={56} />
        <div>
          <h1 className="font-serif text-2xl font-semibold">{user.name}</h1>
          <p className="text-neutral-600">@{user.username}</p>
        </div>
      </section>
    </main>
  );
}
