// Preloaded into the server by bench/live-feed.ts (BENCH_LIVE_PROFILE=<dir>): Node 20 refuses --cpu-prof in
// NODE_OPTIONS, so the profile is taken through the inspector and written when the process exits.
import fs from 'node:fs';
import { Session } from 'node:inspector';
import path from 'node:path';

const session = new Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.setSamplingInterval', { interval: 500 });
session.post('Profiler.start');
process.on('exit', () => {
  session.post('Profiler.stop', (error, result) => {
    if (error) return;
    const file = path.join(process.env.BENCH_LIVE_PROFILE, `server-${process.pid}.cpuprofile`);
    fs.writeFileSync(file, JSON.stringify(result.profile));
  });
});
