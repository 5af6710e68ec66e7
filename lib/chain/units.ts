// Bounds of the contracts' int64 fields, for open-ended rule limits.
export const INT64_MAX = 2n ** 63n - 1n;
export const INT64_MIN = -(2n ** 63n);
