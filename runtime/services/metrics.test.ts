import { describe, expect, it } from 'vitest';
import { MetricsRegistry } from './metrics';

describe('Prometheus registry', () => {
  it('renders counters, gauges and histograms in the text format', () => {
    const r = new MetricsRegistry();
    const decisions = r.counter('kiosk_door_decisions_total', 'Door decisions by reason');
    decisions.inc({ decision: 'allowed', reason: 'ok' });
    decisions.inc({ decision: 'denied', reason: 'wrong-pin' }, 2);
    decisions.inc({ reason: 'ok', decision: 'allowed' });
    r.gauge('kiosk_ils_online', 'ILS online (1) or offline (0)').set(1);
    const latency = r.histogram('kiosk_ils_latency_seconds', 'ILS round trip', [0.05, 0.5]);
    latency.observe(0.02);
    latency.observe(0.2);
    expect(r.render()).toBe(
      [
        '# HELP kiosk_door_decisions_total Door decisions by reason',
        '# TYPE kiosk_door_decisions_total counter',
        'kiosk_door_decisions_total{decision="allowed",reason="ok"} 2',
        'kiosk_door_decisions_total{decision="denied",reason="wrong-pin"} 2',
        '# HELP kiosk_ils_online ILS online (1) or offline (0)',
        '# TYPE kiosk_ils_online gauge',
        'kiosk_ils_online 1',
        '# HELP kiosk_ils_latency_seconds ILS round trip',
        '# TYPE kiosk_ils_latency_seconds histogram',
        'kiosk_ils_latency_seconds_bucket{le="0.05"} 1',
        'kiosk_ils_latency_seconds_bucket{le="0.5"} 2',
        'kiosk_ils_latency_seconds_bucket{le="+Inf"} 2',
        'kiosk_ils_latency_seconds_sum 0.22',
        'kiosk_ils_latency_seconds_count 2',
        '',
      ].join('\n'),
    );
  });

  it('escapes label values', () => {
    const r = new MetricsRegistry();
    r.gauge('g', 'h').set(1, { detail: 'a "quoted"\nline' });
    expect(r.render()).toContain('g{detail="a \\"quoted\\"\\nline"} 1');
  });
});
