import type { Database } from '../src/db/client.ts';
import { render } from '../src/db/sql.ts';
import { searchPageStatement, searchQuery } from '../src/modules/posts/post.search.ts';

/** EXPLAIN ANALYZE of the statement a search page sends (the first page of 20 for one topic). */
export async function explainSearch(db: Database): Promise<string> {
  const statement = render(searchPageStatement({ search: searchQuery('topic17'), limit: 21, inverted: false }));
  const rows = await db.prisma.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(
    `EXPLAIN ANALYZE ${statement.text}`,
    ...statement.values,
  );
  return rows.map((row) => row['QUERY PLAN']).join('\n');
}
