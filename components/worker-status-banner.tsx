import { getConfig } from "@/lib/config";
import { formatInstant } from "@/lib/time/format";
import { getWorkerStatus, type WorkerStatus } from "@/lib/publishing/worker-status";

export interface WorkerStatusBannerProps {
  /** The status to show; loaded from the database when omitted. */
  status?: WorkerStatus;
  /** The writer's IANA time zone for the last-seen time. */
  timeZone?: string;
}

/** Shows that the background worker is not running, so scheduled threads wait. Renders nothing while it runs. */
export async function WorkerStatusBanner({ status, timeZone = "UTC" }: WorkerStatusBannerProps) {
  const current = status ?? (await getWorkerStatus());
  if (current.isRunning) return null;

  const since = current.lastSeenAt
    ? `It last ran ${formatInstant(current.lastSeenAt, timeZone)}.`
    : "It has not run yet.";
  const hint = getConfig().inngest.isDev ? (
    <>
      {" "}
      In development, start it with{" "}
      <code className="font-mono">npx inngest-cli@latest dev -u &lt;this app&gt;/api/inngest</code>.
    </>
  ) : (
    " Check the Inngest app for this deployment."
  );

  return (
    <div role="status" className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200">
      Background publishing is offline, so scheduled threads wait until it runs again. {since}
      {hint}
    </div>
  );
}
