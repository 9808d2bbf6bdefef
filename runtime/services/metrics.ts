// A small Prometheus registry (text exposition format 0.0.4): counters, gauges and a latency
// histogram, enough for fleet monitoring of door decisions, the ILS, devices and the queue.

type Labels = Record<string, string>;

interface Family {
  name: string;
  help: string;
  type: 'counter' | 'gauge' | 'histogram';
  samples: Map<string, { labels: Labels; value: number }>;
  buckets?: number[];
  histograms?: Map<string, { labels: Labels; counts: number[]; sum: number; count: number }>;
}

const key = (labels: Labels) => JSON.stringify(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b)));
const escape = (v: string) => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
const labelText = (labels: Labels) => {
  const entries = Object.entries(labels);
  return entries.length ? `{${entries.map(([k, v]) => `${k}="${escape(v)}"`).join(',')}}` : '';
};

export class MetricsRegistry {
  private readonly families = new Map<string, Family>();

  private family(name: string, help: string, type: Family['type'], buckets?: number[]): Family {
    let f = this.families.get(name);
    if (!f) {
      f = { name, help, type, samples: new Map(), buckets, histograms: buckets ? new Map() : undefined };
      this.families.set(name, f);
    }
    return f;
  }

  counter(name: string, help: string) {
    const f = this.family(name, help, 'counter');
    return {
      inc: (labels: Labels = {}, by = 1) => {
        const s = f.samples.get(key(labels)) ?? { labels, value: 0 };
        s.value += by;
        f.samples.set(key(labels), s);
      },
    };
  }

  gauge(name: string, help: string) {
    const f = this.family(name, help, 'gauge');
    return { set: (value: number, labels: Labels = {}) => void f.samples.set(key(labels), { labels, value }) };
  }

  histogram(name: string, help: string, buckets: number[]) {
    const f = this.family(name, help, 'histogram', [...buckets].sort((a, b) => a - b));
    return {
      observe: (value: number, labels: Labels = {}) => {
        const k = key(labels);
        const h = f.histograms!.get(k) ?? { labels, counts: f.buckets!.map(() => 0), sum: 0, count: 0 };
        f.buckets!.forEach((bound, i) => {
          if (value <= bound) h.counts[i]! += 1;
        });
        h.sum += value;
        h.count += 1;
        f.histograms!.set(k, h);
      },
    };
  }

  /** The exposition text served on /metrics. */
  render(): string {
    const out: string[] = [];
    for (const f of this.families.values()) {
      out.push(`# HELP ${f.name} ${f.help}`, `# TYPE ${f.name} ${f.type}`);
      for (const s of f.samples.values()) out.push(`${f.name}${labelText(s.labels)} ${s.value}`);
      for (const h of f.histograms?.values() ?? []) {
        f.buckets!.forEach((bound, i) => out.push(`${f.name}_bucket${labelText({ ...h.labels, le: String(bound) })} ${h.counts[i]}`));
        out.push(`${f.name}_bucket${labelText({ ...h.labels, le: '+Inf' })} ${h.count}`);
        out.push(`${f.name}_sum${labelText(h.labels)} ${h.sum}`, `${f.name}_count${labelText(h.labels)} ${h.count}`);
      }
    }
    return `${out.join('\n')}\n`;
  }
}
