// PostGraphile v5 (amber preset) over the bench database: the peer `npm run bench` compares against. A package of
// its own (bench/peer/package.json), so its imports resolve from bench/peer/node_modules, which the bench installs
// on first run (bench/peer.ts): the product's `npm install` never carries PostGraphile.
import './promise-with-resolvers.ts'; // first: PostGraphile needs it when its modules load
import { createServer } from 'node:http';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';

const pgl = postgraphile({
  extends: [PostGraphileAmberPreset],
  pgServices: [
    makePgService({ connectionString: process.env.DATABASE_URL!, schemas: ['public'], poolConfig: { max: 10 } }),
  ],
  grafserv: { graphqlPath: '/graphql', graphiql: false, watch: false },
  grafast: { explain: false },
});
const serv = pgl.createServ(grafserv);
const server = createServer();
serv.addTo(server);
server.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
process.on('SIGTERM', async () => {
  server.close();
  await pgl.release();
  process.exit(0);
});
