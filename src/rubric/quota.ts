// A grade band's quota: how many units it is a share of, and how many places that gives. The
// engine grades by it; the workbook's checks warn of a quota that limits no one or gives no place.
import type { QuotaRound, Ranking } from "./model.js";

/**
 * How many units a ranking's grade quotas are shares of: those it ranks (`ranked`), or, where the
 * rubric says so (quota_of: assessed, a 办法's 参评单位总数), every unit of it (`assessed`), those a
 * veto takes out of the ranking too.
 */
export function quotaBase(r: Ranking, ranked: number, assessed: number): number {
  return r.grades?.quotaOf === "assessed" ? assessed : ranked;
}

/**
 * A band's quota for `n` units (quotaBase): a count, or a share rounded down (or, as the rubric
 * says, to the nearest, half up: 四舍五入; or up: 进一); Infinity where it has none.
 */
export function quotaOf(band: { readonly quotaCount?: number; readonly quotaShare?: number; readonly quotaMin?: number; readonly quotaRound?: QuotaRound }, n: number): number {
  if (band.quotaCount !== undefined) return band.quotaCount;
  if (band.quotaShare === undefined) return Number.POSITIVE_INFINITY;
  // The share is in hundredths of a percent: n × share ÷ 10000 places, in whole numbers throughout.
  const part = n * band.quotaShare;
  const places = band.quotaRound === "nearest" ? Math.floor((part + 5000) / 10000) : band.quotaRound === "up" ? Math.ceil(part / 10000) : Math.floor(part / 10000);
  // At least quota_min places (not more than there are units).
  return Math.max(places, Math.min(band.quotaMin ?? 0, n));
}
