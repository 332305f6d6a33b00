// The ceiling: the feed page from one hand-written query and JSON.stringify, on node:http and pg, with nothing
// else. What the API reaches of this is the price of everything the API does besides.
import { createServer } from 'node:http';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const FEED = `SELECT p.id, p.title, p.content, p.date_posted, u.username, u.image_file
                FROM posts p JOIN users u ON u.id = p.author_id
               ORDER BY p.date_posted DESC, p.id DESC LIMIT 20`;
const publicUrl = process.env.PUBLIC_URL ?? 'http://localhost';

const server = createServer((request, response) => {
  request.resume();
  request.on('end', async () => {
    const { rows } = await pool.query(FEED);
    const edges = rows.map((row) => ({
      node: {
        title: row.title,
        content: row.content,
        datePosted: row.date_posted.toISOString(),
        author: { username: row.username, imageUrl: `${publicUrl}/pictures/${row.image_file}` },
      },
    }));
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ data: { posts: { edges } } }));
  });
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('ceiling ready'));
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
