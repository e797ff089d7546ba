// A process that does nothing but start (node -e 0), reporting as child.mjs does: the start-up
// every command pays, to compare a small run with.
process.stdout.write(`0\n${process.resourceUsage().maxRSS}\n`);
