import { hasAnyRole } from '@carebridge/auth';
import { BadUserInputError, ForbiddenError } from '@carebridge/domain';
import type { SubgraphRoute } from '@carebridge/service-kit';
import { CASE_KINDS, type CaseKindValue, DIMENSIONS, type DimensionValue, PERIOD_KINDS, type PeriodKindValue } from '../figures/figures.enums';
import { FIGURE_READERS } from '../figures/figures.resolver';
import type { CaseExport } from './case-export';

/**
 * `GET /exports/cases.csv?kind=MONTH&date=2026-12-01` (or `from=…&to=…`), optionally `caseKind=COMPLAINT` and
 * `filter=CHANNEL:PHONE` (repeatable; `filter=TEAM:` for the cases without a team): one row per case opened in the period.
 */
export function caseExportRoute(caseExport: CaseExport): SubgraphRoute {
  return {
    prefix: '/exports/cases.csv',
    async handle({ url, identity }) {
      if (!identity || !hasAnyRole(identity, FIGURE_READERS)) throw new ForbiddenError('Exports are for analysts and supervisors');
      const q = url.searchParams;
      const kind = q.get('kind') ?? undefined;
      if (kind && !(PERIOD_KINDS as readonly string[]).includes(kind)) throw BadUserInputError.field('kind', 'period-kind', 'must be DAY, WEEK or MONTH');
      const caseKind = q.get('caseKind') ?? undefined;
      if (caseKind && !(CASE_KINDS as readonly string[]).includes(caseKind)) throw BadUserInputError.field('caseKind', 'case-kind', 'must be INQUIRY or COMPLAINT');
      const filters = q.getAll('filter').map((text) => {
        const [dimension, ...rest] = text.split(':');
        if (!(DIMENSIONS as readonly string[]).includes(dimension)) throw BadUserInputError.field('filter', 'dimension', `must be DIMENSION:value with one of ${DIMENSIONS.join(', ')}`);
        const value = rest.join(':');
        return { dimension: dimension as DimensionValue, value: value === '' ? null : value };
      });
      const body = await caseExport.export(
        {
          period: { kind: kind as PeriodKindValue | undefined, date: q.get('date') ?? undefined, from: q.get('from') ?? undefined, to: q.get('to') ?? undefined },
          caseKind: caseKind as CaseKindValue | undefined,
          filters,
        },
        identity,
      );
      return { status: 200, headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="cases.csv"' }, body };
    },
  };
}
