import { LogSampler } from './log-sampler.js';

describe('LogSampler', () => {
  it('lets the first event through, then one per interval with the count left out', () => {
    let now = 0;
    const sampler = new LogSampler(10_000, () => now);
    expect(sampler.take('db')).toEqual({ suppressed: 0 });
    for (let i = 0; i < 1000; i++) {
      now += 5;
      expect(sampler.take('db')).toBeNull();
    }
    now = 10_001;
    expect(sampler.take('db')).toEqual({ suppressed: 1000 });
    expect(sampler.take('db')).toBeNull();
  });

  it('samples each kind on its own', () => {
    const sampler = new LogSampler(10_000, () => 0);
    expect(sampler.take('a')).toEqual({ suppressed: 0 });
    expect(sampler.take('b')).toEqual({ suppressed: 0 });
    expect(sampler.take('a')).toBeNull();
  });
});
