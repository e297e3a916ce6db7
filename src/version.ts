// The compiler version, written into generated files and printed by `gump --version`.
export const VERSION = '0.1.0';
