// The load generator, run by me-benchmark.mjs as a process of its own: on a 2-core machine an
// autocannon inside the server's process would share its event loop and hold every server to the
// same ceiling, squeezing the ratio between them towards 1.
import autocannon from 'autocannon';

const options = JSON.parse(process.argv[2]);

const result = await autocannon({
  url: options.url,
  connections: options.connections,
  duration: options.seconds,
  headers: options.headers ?? {},
});

process.stdout.write(
  JSON.stringify({
    requestsPerSecond: result.requests.average,
    requestsTotal: result.requests.total,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes: result.statusCodeStats,
    seconds: result.duration,
  }),
);
