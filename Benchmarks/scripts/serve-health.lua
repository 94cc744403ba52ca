-- wrk script for Benchmarks/scripts/serve.sh's baseline: GET /health (no key, no work
-- beyond HTTP and the server's middleware), reported as serve-load.lua reports.
function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    "requests %d, %.1f/s; latency p50 %.2f ms, p99 %.2f ms, max %.2f ms; "
      .. "socket errors connect %d read %d write %d timeout %d; non-2xx %d\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    errors.connect, errors.read, errors.write, errors.timeout, errors.status))
end
