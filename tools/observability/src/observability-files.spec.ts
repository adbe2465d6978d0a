import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPOSITORY_ROOT } from '@carebridge/local-platform';
import { parse, stringify } from 'yaml';

const observability = join(REPOSITORY_ROOT, 'infra', 'observability');
const read = (...path: string[]) => readFileSync(join(REPOSITORY_ROOT, ...path), 'utf8');
const promtool = (args: string[], cwd = observability) => spawnSync('promtool', args, { cwd, encoding: 'utf8' });
const hasPromtool = !promtool(['--version']).error;

interface RuleFile {
  groups: { name: string; rules: { alert?: string; record?: string; expr: string }[] }[];
}
interface Dashboard {
  panels: { title: string; type: string; targets?: { expr: string }[] }[];
}

const alerts = parse(read('infra', 'observability', 'alerts.yml')) as RuleFile;
const dashboard = JSON.parse(read('infra', 'observability', 'grafana', 'carebridge.json')) as Dashboard;
const dashboardExprs = dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => ({ panel: p.title, expr: t.expr })));

/** The carebridge_* series the code defines (prom-client `name:`), with a histogram's _bucket, _sum and _count. */
function definedSeries(): Set<string> {
  const sources = ['libs/messaging/src/metrics.ts', 'libs/service-kit/src/service-metrics.ts', 'apps/gateway/src/gateway-metrics.ts'].map((file) => read(file)).join('\n');
  const names = new Set<string>();
  for (const [, name] of sources.matchAll(/['"](carebridge_[a-z_]+)['"]/g)) for (const suffix of ['', '_bucket', '_sum', '_count']) names.add(name + suffix);
  return names;
}

describe('infra/observability: alert rules and the Grafana dashboard', () => {
  it('promtool is there in CI (.ci/run installs it), so the checks below run', () => {
    if (process.env.CI) expect(hasPromtool).toBe(true);
  });

  (hasPromtool ? it : it.skip)('alert rules pass promtool check rules and their unit tests', () => {
    const check = promtool(['check', 'rules', 'alerts.yml']);
    expect(`${check.stdout}${check.stderr}`).toContain('SUCCESS');
    expect(check.status).toBe(0);
    const test = promtool(['test', 'rules', 'alerts.test.yml']);
    expect({ status: test.status, output: `${test.stdout}${test.stderr}` }).toEqual({ status: 0, output: expect.stringContaining('SUCCESS') });
  });

  (hasPromtool ? it : it.skip)("every dashboard query is PromQL that promtool reads (as recording rules, Grafana's variables filled in)", () => {
    const folder = mkdtempSync(join(tmpdir(), 'carebridge-dashboard-'));
    try {
      const rules = {
        groups: [
          {
            name: 'dashboard',
            rules: dashboardExprs.map(({ expr }, i) => ({ record: `carebridge:dashboard_query:${i}`, expr: expr.replace(/\$__rate_interval/g, '5m').replace(/\$service/g, '.*') })),
          },
        ],
      };
      writeFileSync(join(folder, 'dashboard.rules.yml'), stringify(rules));
      const check = promtool(['check', 'rules', 'dashboard.rules.yml'], folder);
      expect({ status: check.status, output: `${check.stdout}${check.stderr}` }).toEqual({ status: 0, output: expect.stringContaining(`SUCCESS: ${dashboardExprs.length} rules found`) });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('alerts and panels use only series the code defines', () => {
    const defined = definedSeries();
    const used = [...alerts.groups.flatMap((g) => g.rules.map((r) => r.expr)), ...dashboardExprs.map((d) => d.expr)].flatMap((expr) => [...expr.matchAll(/\b(carebridge_[a-z_]+)\b/g)].map((m) => m[1]));
    expect(used.length).toBeGreaterThan(20);
    expect([...new Set(used)].filter((name) => !defined.has(name))).toEqual([]);
  });

  it('covers what the platform team watches: consumer lag, dead letters, SLA-monitor failures, 5xx rate, outbox age', () => {
    const exprs = alerts.groups.flatMap((g) => g.rules.map((r) => r.expr)).join('\n');
    for (const series of ['carebridge_consumer_lag_messages', 'carebridge_consumer_dead_letters_total', 'scheduled_job="sla-monitor"', 'status=~"5.."', 'carebridge_outbox_oldest_pending_seconds']) expect(exprs).toContain(series);
    expect(dashboard.panels.filter((p) => p.type === 'timeseries').length).toBeGreaterThanOrEqual(15);
  });

  it('the PrometheusRule of infra/k8s/monitoring holds the same groups as alerts.yml', () => {
    const rule = parse(read('infra', 'k8s', 'monitoring', 'prometheus-rule.yaml')) as { kind: string; spec: RuleFile };
    expect(rule.kind).toBe('PrometheusRule');
    expect(rule.spec).toEqual(alerts);
  });
});
