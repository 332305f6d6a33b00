// PostGraphile 5 (grafast, @dataplan/pg) calls Node 22's Promise.withResolvers. On Node 20 it does not fail:
// every connection query silently loses its rows. This adds the standard method for the benchmark's peer.
const promise = Promise as unknown as { withResolvers?: () => unknown };
promise.withResolvers ??= () => {
  let resolve!: (value: unknown) => void;
  let reject!: (reason?: unknown) => void;
  const created = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise: created, resolve, reject };
};
