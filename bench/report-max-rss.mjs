// Preloaded (node --import) into a measured child: reports its peak RSS on exit, for bench/cli.ts.
process.on('exit', () => process.stderr.write(`\nBANWEN_MAX_RSS_KB ${process.resourceUsage().maxRSS}\n`))
