import type { Ref } from '../../domain/indicators/compute';
import type { RequestRow } from '../../domain/requests/types';
import type { ResponseRow } from '../../domain/surveys/response';
import type { ReadonlyDB } from '../readonly-db';

/**
 * The rows behind a figure, in the order given (misses first), one line per record: a
 * follow-up opens as its request, several answers of one household as one line.
 */
export async function recordsBehind(db: ReadonlyDB, refs: readonly Ref[], limit: number) {
  const seen = new Set<string>();
  const wanted: { collection: 'requests' | 'responses'; id: string; miss: boolean }[] = [];
  for (const r of refs) {
    const collection = r.collection === 'responses' ? 'responses' : 'requests';
    const id = r.collection === 'followups' ? r.requestId! : r.id;
    if (seen.has(`${collection}/${id}`)) continue;
    seen.add(`${collection}/${id}`);
    wanted.push({ collection, id, miss: !r.hit });
  }
  const page = wanted.slice(0, limit);
  const reqIds = page.filter((w) => w.collection === 'requests');
  const resIds = page.filter((w) => w.collection === 'responses');
  const [reqs, ress] = await Promise.all([db.requests.bulkGet(reqIds.map((w) => w.id)), db.responses.bulkGet(resIds.map((w) => w.id))]);
  return {
    requests: reqIds.map((w, i) => ({ row: reqs[i], miss: w.miss })).filter((x): x is { row: RequestRow; miss: boolean } => !!x.row),
    responses: resIds.map((w, i) => ({ row: ress[i], miss: w.miss })).filter((x): x is { row: ResponseRow; miss: boolean } => !!x.row),
    more: wanted.length - page.length,
    /** Lines, not refs: a household's several answers are one line, so the count matches the list. */
    total: wanted.length,
    bad: wanted.filter((w) => w.miss).length,
  };
}
