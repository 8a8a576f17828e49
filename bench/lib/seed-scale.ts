import type postgres from "postgres";

export const SCALE_ACCOUNTS = 100_000;
export const SCALE_THREADS = 1_000_000;
/** Threads scheduled for the same minute, as when many writers pick the same posting slot. */
export const BURST_THREADS = 1_000;

/**
 * Replaces the database's contents with 100,000 writers, each with a linked X
 * account, and 1,000,000 threads, in seconds, through generate_series. The
 * shape follows steady operation:
 *
 * - tokens were last refreshed at times spread over the last 3.5 days, and an
 *   access token lives 2 hours, so about one account in seven is due for a
 *   keep-alive refresh; 1% of accounts are revoked, 2% need reconnecting;
 * - threads are 70% published, 15% drafts, 10% scheduled over the next 7
 *   days, 0.1% publishing and the rest failed, stopped part way or cancelled.
 *   Scheduled threads due within 4 minutes were already dispatched;
 * - 1,000 threads are scheduled for 3 minutes from now and not yet
 *   dispatched, so the dispatcher has a full batch to send.
 *
 * Statuses are spread with hashint4 so that they do not line up with accounts.
 * Burst threads are those with g % 1000 = 7, whose accounts (numbers ending
 * in 7 modulo 1000) are all active.
 */
export async function seedScaleData(sql: postgres.Sql): Promise<void> {
  await sql`truncate "user", x_rate_limit, worker_heartbeat cascade`;
  await sql`set synchronous_commit = off`;

  await sql`
    insert into "user" (id, name, username, created_at)
    select 'scale-user-' || g, 'Writer ' || g, 'scalewriter' || g, now() - (g % 730) * interval '1 day'
    from generate_series(1, ${SCALE_ACCOUNTS}::int) g`;

  await sql`
    insert into account (id, "userId", type, provider, "providerAccountId", refresh_token, access_token,
                         expires_at, scope, token_type, status, token_refreshed_at)
    select md5('bench-account-' || g)::uuid, 'scale-user-' || g, 'oauth', 'twitter', (3000000000 + g)::text,
           case when g % 100 = 0 then null else 'bench-placeholder' end,
           case when g % 100 = 0 then null else 'bench-placeholder' end,
           extract(epoch from r.refreshed_at)::int + 7200,
           'tweet.read tweet.write users.read offline.access', 'bearer',
           (case when g % 100 = 0 then 'revoked' when g % 50 = 1 then 'needs_reconnect' else 'active' end)::account_status,
           r.refreshed_at
    from generate_series(1, ${SCALE_ACCOUNTS}::int) g
    cross join lateral (select now() - ((g::bigint * 7919) % 302400) * interval '1 second' as refreshed_at) r`;

  await sql`
    insert into thread (user_id, account_id, title, status, publish_at, revision, dispatched_revision,
                        created_at, updated_at)
    select 'scale-user-' || a.n, md5('bench-account-' || a.n)::uuid, 'Thread ' || g, s.status::thread_status,
           s.publish_at, 2,
           case
             when s.status = 'draft' then null
             when s.status = 'scheduled' and (s.is_burst or s.publish_at > now() + interval '4 minutes') then null
             else 2
           end,
           now() - (g % 1000) * interval '1 hour', now() - (g % 1000) * interval '1 minute'
    from generate_series(1, ${SCALE_THREADS}::int) g
    cross join lateral (select ((g - 1) % ${SCALE_ACCOUNTS}::int) + 1 as n, abs(hashint4(g)::bigint) % 1000 as h) a
    cross join lateral (
      select
        g % ${SCALE_THREADS / BURST_THREADS}::int = 7 as is_burst,
        case
          when g % ${SCALE_THREADS / BURST_THREADS}::int = 7 then 'scheduled'
          when a.h < 700 then 'published'
          when a.h < 850 then 'draft'
          when a.h < 950 then 'scheduled'
          when a.h < 951 then 'publishing'
          when a.h < 970 then 'failed'
          when a.h < 990 then 'partial'
          else 'cancelled'
        end as status,
        case
          when g % ${SCALE_THREADS / BURST_THREADS}::int = 7 then date_trunc('minute', now()) + interval '3 minutes'
          when a.h < 700 then now() - (1 + abs(hashint4(g + 1)::bigint) % 8760) * interval '1 hour'
          when a.h < 850 then null
          when a.h < 950 then now() + (abs(hashint4(g + 2)::bigint) % 604800 - 60) * interval '1 second'
          else now() - (abs(hashint4(g + 3)::bigint) % 600) * interval '1 minute'
        end as publish_at
    ) s`;

  await sql`reset synchronous_commit`;
  await sql`analyze`;
}
