-- wrk script: every request as a proxy would send it, and one line of numbers at the end for bench/run.py.
wrk.headers["X-Forwarded-Proto"] = "https"
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format("BENCH %d %d %d %d %d\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99), errors))
end
