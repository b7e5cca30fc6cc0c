// Preloaded into test emulators (node --require): exit when the process that started us is gone, so that a test
// host killed by the test runner never leaves an Azurite behind.
'use strict';
const parent = Number(process.env.PETITIONS_PARENT_PID || process.ppid);
const timer = setInterval(() => {
  try {
    process.kill(parent, 0);
  } catch {
    process.exit(0);
  }
}, 1000);
timer.unref();
