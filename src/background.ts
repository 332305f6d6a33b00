/**
 * Work a request starts but does not wait for (sending mail), so its answer takes the same time whatever
 * that work finds. Failures are reported, never thrown; shutdown and tests wait for `drain()`.
 */
export interface BackgroundTasks {
  run(name: string, task: () => Promise<void>, onError: (error: unknown) => void): void;
  drain(): Promise<void>;
}

export function backgroundTasks(): BackgroundTasks {
  const pending = new Set<Promise<void>>();
  return {
    run(_name, task, onError) {
      const running = task()
        .catch(onError)
        .finally(() => pending.delete(running));
      pending.add(running);
    },
    async drain() {
      while (pending.size) await Promise.allSettled([...pending]);
    },
  };
}
