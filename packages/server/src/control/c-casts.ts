/** C's (int) cast of a double on x86_64: truncation, INT_MIN when out of range. */
export function toInt32(value: number): number {
  const truncated = Math.trunc(value);
  return Number.isFinite(truncated) && truncated >= -2147483648 && truncated <= 2147483647 ? truncated : -2147483648;
}

/** C's (long) cast of a double on x86_64: truncation, INT64_MIN when out of range. */
export function toInt64(value: number): bigint {
  const truncated = Math.trunc(value);
  return Number.isFinite(truncated) && Math.abs(truncated) < 2 ** 63 ? BigInt(truncated) : -(2n ** 63n);
}
