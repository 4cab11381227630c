// `node --import ./test/queue/exit-with-parent.mjs …`: a child process started with an IPC channel
// exits as soon as that channel closes (its parent died, or a test runner killed it), even while
// it is still loading its modules, so no test process outlives the test that started it.
if (process.connected) process.once('disconnect', () => process.exit(1));
