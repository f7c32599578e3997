/** The dev server's reloads (src/integration/reload-queue.ts): one at a time, and the last one sees the last bytes. */
import { describe, expect, it } from 'vitest';
import { reloadQueue } from '../../src/integration/reload-queue.ts';

/** A content file, a hub that loads it in steps the test releases, and what the dev server announced. */
function devServer() {
  const world = { file: '', hub: '', inFlight: 0, mostInFlight: 0, loads: 0, announced: [] as string[] };
  const pending: (() => void)[] = [];
  const load = async () => {
    world.loads += 1;
    world.inFlight += 1;
    world.mostInFlight = Math.max(world.mostInFlight, world.inFlight);
    const read = world.file;
    await new Promise<void>((resolve) => pending.push(resolve));
    world.hub = read;
    world.inFlight -= 1;
  };
  const reload = reloadQueue(load, () => world.announced.push(world.hub));
  /** Lets the oldest waiting load finish, and the queue move on. */
  const finishLoad = async () => {
    pending.shift()?.();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { world, reload, finishLoad };
}

describe('reloadQueue', () => {
  it('loads once for one change, and announces the result once', async () => {
    const { world, reload, finishLoad } = devServer();
    world.file = 'status: released';
    const done = reload();
    await finishLoad();
    await done;
    expect({ loads: world.loads, hub: world.hub, announced: world.announced }).toEqual({ loads: 1, hub: 'status: released', announced: ['status: released'] });
  });

  it('keeps the last bytes of a save that came as two events (emptied, then written)', async () => {
    const { world, reload, finishLoad } = devServer();
    world.file = '';
    const done = reload();
    world.file = 'status: shipped-ish';
    reload();
    await finishLoad(); // the load of the emptied file
    expect(world.announced).toEqual([]);
    await finishLoad(); // the load that started after the second event
    await done;
    expect({ loads: world.loads, mostInFlight: world.mostInFlight, hub: world.hub, announced: world.announced }).toEqual({
      loads: 2,
      mostInFlight: 1,
      hub: 'status: shipped-ish',
      announced: ['status: shipped-ish'],
    });
  });

  it('folds many changes during one load into one more load', async () => {
    const { world, reload, finishLoad } = devServer();
    const done = reload();
    for (const version of ['a', 'b', 'c']) {
      world.file = version;
      reload();
    }
    await finishLoad();
    await finishLoad();
    await done;
    expect({ loads: world.loads, hub: world.hub, announced: world.announced }).toEqual({ loads: 2, hub: 'c', announced: ['c'] });
  });

  it('starts a new load for a change after the last one settled', async () => {
    const { world, reload, finishLoad } = devServer();
    world.file = 'first';
    const first = reload();
    await finishLoad();
    await first;
    world.file = 'second';
    const second = reload();
    await finishLoad();
    await second;
    expect({ loads: world.loads, announced: world.announced }).toEqual({ loads: 2, announced: ['first', 'second'] });
  });
});
