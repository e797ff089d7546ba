// A grade band's quota: how many units it is a share of, and how many places that gives. The
// engine grades by it; the workbook's checks warn of a quota that limits no one or gives no place.
import type { Ranking } from "./model.js";

/**
 * How many units a ranking's grade quotas are shares of: those it ranks (`ranked`), or, where the
 * rubric says so (quota_of: assessed, a 办法's 参评单位总数), every unit of it (`assessed`), those a
 * veto takes out of the ranking too.
 */
export function quotaBase(r: Ranking, ranked: number, assessed: number): number {
  return r.grades?.quotaOf === "assessed" ? assessed : ranked;
}

/** A band's quota for `n` units (quotaBase): a count, or a share rounded down; Infinity where it has none. */
export function quotaOf(band: { readonly quotaCount?: number; readonly quotaShare?: number; readonly quotaMin?: number }, n: number): number {
  if (band.quotaCount !== undefined) return band.quotaCount;
  if (band.quotaShare === undefined) return Number.POSITIVE_INFINITY;
  // At least quota_min places (not more than there are units).
  return Math.max(Math.floor((n * band.quotaShare) / 10000), Math.min(band.quotaMin ?? 0, n));
}
