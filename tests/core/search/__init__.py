from collections import Counter

# How many generated cases the differential tests checked in this run (printed at the end).
differential_counts: Counter[str] = Counter()
