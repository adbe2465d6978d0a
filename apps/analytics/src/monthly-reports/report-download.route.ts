import type { Clock, SubgraphRoute } from '@carebridge/service-kit';
import type { ReportDownloads } from './report-downloads';

/**
 * `GET /reports/<report id>/<file>?token=<signed link>` (file: report-en.pdf, report-zh-CN.pdf,
 * report.csv), behind the subgraph secret like every route; the gateway forwards the path. The link
 * is the grant; a refused one comes back as JSON naming the field and the rule.
 */
export function reportDownloadRoute(downloads: ReportDownloads, clock: Clock): SubgraphRoute {
  return {
    prefix: '/reports/',
    async handle({ rest, url, identity, logger }) {
      const [reportId = '', file = '', ...more] = decodeURIComponent(rest).split('/');
      const { report, contentType, fileName, body } = await downloads.download(reportId, more.length ? '' : file, url.searchParams.get('token') ?? '', clock.now());
      logger.info({ reportId: report.id, month: report.content.month, version: report.version, file, userId: identity?.userId ?? null }, 'monthly report downloaded');
      return {
        status: 200,
        headers: {
          'content-type': contentType,
          'content-length': String(body.length),
          'content-disposition': `attachment; filename="${fileName}"`,
          'cache-control': 'private, no-store',
          'x-content-type-options': 'nosniff',
        },
        body,
      };
    },
  };
}
