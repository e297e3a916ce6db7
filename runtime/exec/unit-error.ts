// A job unit that does not fit the plan or the run (a split not planned yet, no such task or child):
// the caller's error, reported as one line with the usage exit code, never as the run's failure.

export class UnitError extends Error {}
