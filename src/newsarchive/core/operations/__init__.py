"""The operations layer: every change to a library (import, rebuild, recovery, corrections, the
workspace) in one write transaction, and the whole-library reads (check, stats, search)."""
