import { createTransport, EmbeddedTransport, EventConsumer, messagingSettings, Outbox, readableHandlers } from '@carebridge/messaging';
import { createLogger, migrationsOf, openDatabase, subgraphSettings, systemClock } from '@carebridge/service-kit';
import { analyticsDomain } from '../analytics.domain';
import { analyticsEventHandlers } from '../analytics.event-handlers';
import { analyticsSettings } from '../analytics.settings';
import { analyticsSubgraph } from '../analytics.subgraph';
import { FactRebuild } from './fact-rebuild';

/**
 * `npm run analytics:rebuild`: replays every stream analytics reads from its first event into
 * fresh fact tables and swaps them in, with the same settings as the running service
 * (DATABASE_URL, DATABASE_NAME, EVENTS_DATABASE_URL, the ANALYTICS_* calendar). The running
 * service may stay up: it waits during the swap only.
 */
async function main(): Promise<void> {
  const env = process.env;
  const settings = subgraphSettings('analytics', env);
  const messaging = messagingSettings(env);
  const logger = createLogger({ service: 'analytics-rebuild', level: settings.LOG_LEVEL });
  const transport = createTransport(messaging, { service: 'analytics', databaseServerUrl: settings.DATABASE_URL, logger });
  if (!(transport instanceof EmbeddedTransport)) {
    throw new Error('analytics:rebuild replays the embedded event log; with Kafka, reset the carebridge.analytics group to the earliest offsets instead (docs/services/analytics.md)');
  }
  const dataSource = await openDatabase(
    { serverUrl: settings.DATABASE_URL, database: settings.DATABASE_NAME, entities: analyticsSubgraph.entities, migrations: migrationsOf(analyticsSubgraph), poolSize: 4 },
    logger,
  );
  try {
    const domain = analyticsDomain({ dataSource, outbox: new Outbox('analytics', () => systemClock.now()), clock: systemClock }, analyticsSettings(env));
    // As the service reads them: sealed personal-data fields withheld (analyticsSubgraph.sealedFields).
    const handlers = readableHandlers(analyticsEventHandlers(domain), undefined);
    const rebuild = new FactRebuild(dataSource, transport, [...new Set(handlers.map((h) => h.contract.topic))], (rebuildSource) =>
      new EventConsumer({ service: 'analytics', dataSource: rebuildSource, transport, handlers, logger, maxAttempts: messaging.CONSUMER_MAX_ATTEMPTS }),
    );
    const report = await rebuild.run();
    logger.info(report, 'analytics facts rebuilt and swapped in');
    process.stdout.write(`rebuilt ${report.events} events in ${((report.replayedMs + report.swappedMs) / 1000).toFixed(1)} s (swap ${report.swappedMs} ms)\n`);
  } finally {
    await dataSource.destroy();
    await transport.close();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
