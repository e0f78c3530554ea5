// Plain CommonJS that any Node can parse: stop early, in one line, on a Node older than CareDesk needs.
// (The database driver crashes the process on Node 20, so a clear message beats a segfault.)
'use strict';
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(
    `CareDesk needs Node.js 24 or newer (the Node that Electron 45 embeds); this is Node ${process.versions.node}. ` +
      'Install Node 24 or run .ci/run, which fetches it.',
  );
  process.exit(1);
}
