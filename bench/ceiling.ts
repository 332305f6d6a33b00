// The ceiling: the feed page and a user's page, each from one hand-written query and JSON.stringify, on
// node:http and pg, with nothing else. What a GraphQL server reaches of this is the price of all it does besides.
import { createServer } from 'node:http';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const FEED = `SELECT p.title, p.content, p.date_posted, u.username, u.image_file
                FROM posts p JOIN users u ON u.id = p.author_id
               ORDER BY p.date_posted DESC, p.id DESC LIMIT 20`;
// The count is the one the API reads: kept in users.post_count by the posts' triggers.
const USER_PAGE = `SELECT u.username, u.post_count AS total, p.title, p.date_posted
                     FROM users u LEFT JOIN LATERAL (
                       SELECT title, date_posted FROM posts WHERE author_id = u.id ORDER BY date_posted DESC, id DESC LIMIT 20
                     ) p ON true
                    WHERE u.username = $1`;
const publicUrl = process.env.PUBLIC_URL ?? 'http://localhost';

async function answer(body: { variables?: { username?: string } }) {
  const username = body.variables?.username;
  if (username === undefined) {
    const { rows } = await pool.query(FEED);
    const edges = rows.map((row) => ({
      node: {
        title: row.title,
        content: row.content,
        datePosted: row.date_posted.toISOString(),
        author: { username: row.username, imageUrl: `${publicUrl}/pictures/${row.image_file}` },
      },
    }));
    return { data: { posts: { edges } } };
  }
  const { rows } = await pool.query(USER_PAGE, [username]);
  if (!rows.length) return { data: { user: null } };
  const edges = rows
    .filter((row) => row.title !== null)
    .map((row) => ({ node: { title: row.title, datePosted: row.date_posted.toISOString() } }));
  return { data: { user: { username: rows[0].username, posts: { totalCount: rows[0].total, edges } } } };
}

const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', async () => {
    const result = await answer(JSON.parse(Buffer.concat(chunks).toString() || '{}'));
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(result));
  });
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('ceiling ready'));
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
