import { randomBytes } from "node:crypto";
import type postgres from "postgres";

export const PAGE_USERS = 10_000;
export const WRITER_THREADS = 1_000;
export const POSTS_PER_THREAD = 10;
const WRITER_ID = "bench-user-1";

export interface PagesData {
  writerId: string;
  sessionToken: string;
  /** A scheduled thread of the writer, opened in the composer. */
  composerThreadId: string;
  composerTitle: string;
}

/**
 * Seeds one writer with 1,000 threads of 10 posts among 10,000 users, each
 * with a linked X account, and a signed-in session for the writer. Post texts
 * come from `texts`. The writer's threads are spread over the statuses the
 * dashboard shows: half published, a fifth drafts, 15% scheduled over the
 * coming weeks, and some failed, stopped part way or cancelled.
 */
export async function seedPagesData(sql: postgres.Sql, texts: readonly string[]): Promise<PagesData> {
  await sql`
    insert into "user" (id, name, username, timezone)
    select 'bench-user-' || g, 'Bench writer ' || g, 'benchwriter' || g, 'UTC'
    from generate_series(1, ${PAGE_USERS}::int) g`;
  // The tokens are placeholders: rendering pages never decrypts them.
  await sql`
    insert into account ("userId", type, provider, "providerAccountId", refresh_token, access_token,
                         expires_at, scope, token_type, status, token_refreshed_at)
    select 'bench-user-' || g, 'oauth', 'twitter', (2000000000 + g)::text, 'bench-placeholder', 'bench-placeholder',
           extract(epoch from now())::int + 7200, 'tweet.read tweet.write users.read offline.access', 'bearer',
           'active', now()
    from generate_series(1, ${PAGE_USERS}::int) g`;
  const [writerAccount] = await sql<{ id: string }[]>`select id from account where "userId" = ${WRITER_ID}`;

  await sql`
    insert into thread (user_id, account_id, title, status, publish_at, revision, dispatched_revision,
                        numbering, last_error, created_at, updated_at)
    select ${WRITER_ID}, ${writerAccount!.id}, 'Bench thread ' || lpad(g::text, 4, '0'), s.status::thread_status,
           case s.status
             when 'published' then now() - g * interval '2 hours'
             when 'scheduled' then now() + g * interval '1 hour'
             when 'failed' then now() - g * interval '1 hour'
             when 'partial' then now() - g * interval '1 hour'
           end,
           case when s.status = 'draft' then 1 else 2 end,
           case when s.status in ('published', 'failed', 'partial') then 2 end,
           g % 2 = 0,
           case when s.status in ('failed', 'partial') then 'X refused post 5: the text is a duplicate of an earlier post.' end,
           now() - g * interval '3 hours',
           now() - g * interval '1 minute'
    from generate_series(1, ${WRITER_THREADS}::int) g
    cross join lateral (
      select case
        when g % 20 < 10 then 'published'
        when g % 20 < 14 then 'draft'
        when g % 20 < 17 then 'scheduled'
        when g % 20 = 17 then 'failed'
        when g % 20 = 18 then 'partial'
        else 'cancelled'
      end as status
    ) s`;

  await sql`
    with numbered as (
      select id, status, publish_at, row_number() over (order by title) as n
      from thread where user_id = ${WRITER_ID}
    ), posts as (
      select t.id, t.n, t.publish_at, p,
             case
               when t.status = 'published' or (t.status = 'partial' and p < 4) then 'posted'
               when t.status in ('failed', 'partial') and p = case when t.status = 'partial' then 4 else 0 end then 'failed'
               else 'pending'
             end as state
      from numbered t cross join generate_series(0, ${POSTS_PER_THREAD - 1}::int) p
    )
    insert into thread_post (thread_id, position, text, state, x_post_id, posted_at, attempts)
    select id, p, (${sql.array([...texts])}::text[])[1 + ((n * ${POSTS_PER_THREAD} + p) % ${texts.length})],
           state::post_state,
           case when state = 'posted' then (1800000000000000000 + n * ${POSTS_PER_THREAD} + p)::text end,
           case when state = 'posted' then publish_at + p * interval '3 seconds' end,
           case when state = 'pending' then 0 else 1 end
    from posts`;

  await sql`
    insert into posting_slot (user_id, weekday, local_time)
    select ${WRITER_ID}, d, t from generate_series(1, 5) d cross join unnest(array['09:00', '17:30']) t`;

  const sessionToken = randomBytes(32).toString("hex");
  await sql`
    insert into session ("sessionToken", "userId", expires)
    values (${sessionToken}, ${WRITER_ID}, now() + interval '1 day')`;

  const composerTitle = "Bench composer thread";
  const [composer] = await sql<{ id: string }[]>`
    update thread set title = ${composerTitle}
    where id = (select id from thread where user_id = ${WRITER_ID} and status = 'scheduled' order by publish_at limit 1)
    returning id`;
  await sql`analyze`;

  return { writerId: WRITER_ID, sessionToken, composerThreadId: composer!.id, composerTitle };
}
