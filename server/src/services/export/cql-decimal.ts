// Thresholds as CQL decimals. A CQL Decimal has at most 8 digits after the point, so a
// threshold the analysis computes by converting units (12 kPa is 90.00740...mm[Hg]) cannot
// be written as it is. Patient values are CQL decimals too, so each comparison is written
// with the threshold rounded the way that keeps it true for exactly the same patients:
// x < t is x < ceil(t), x <= t is x <= floor(t), and x = t never holds.

const scale = 1e8;

/** Whether the number is a CQL decimal as it is (at most 8 decimal places). */
export function isCqlDecimal(n: number): boolean {
  // Past 1e21 toFixed gives an exponent, and no double there has a fraction left.
  return Math.abs(n) >= 1e21 || Number(n.toFixed(8)) === n;
}

/** The least CQL decimal not below n. */
export function ceilDecimal(n: number): number {
  if (isCqlDecimal(n)) return n;
  // n * 1e8 itself rounds: 28.000000000000004 * 1e8 is a whole double, so step up if short.
  const k = Math.ceil(n * scale);
  return k / scale >= n ? k / scale : (k + 1) / scale;
}

/** The greatest CQL decimal not above n. */
export function floorDecimal(n: number): number {
  if (isCqlDecimal(n)) return n;
  const k = Math.floor(n * scale);
  return k / scale <= n ? k / scale : (k - 1) / scale;
}

/** The decimal as ELM literal text: no exponent, at most 8 places. */
export function decimalText(n: number): string {
  const s = String(n);
  if (!s.includes('e')) return s;
  return Math.abs(n) < 1 ? n.toFixed(8).replace(/0+$/, '').replace(/\.$/, '') : BigInt(Math.round(n)).toString();
}
