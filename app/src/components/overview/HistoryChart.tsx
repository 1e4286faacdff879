/** The share value and cumulative profit over the pool's events. */
import { useMemo, useState } from "react";
import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Card, Empty, Segmented, Skeleton } from "../ui";
import { chartSeries } from "../../lib/activity";
import { formatDateTime } from "../../lib/format";
import { PoolInfo, useActivityItems } from "../../state/data";

export function HistoryChart({ pool }: { pool: PoolInfo }) {
  const { items, loading, error } = useActivityItems();
  const [series, setSeries] = useState<"share" | "profit">("share");
  // One point per event, evenly spaced (a burst of trades stays readable), labelled with its time.
  const data = useMemo(
    () => chartSeries(items, pool.decimals).map((p, n) => ({ ...p, n })),
    [items, pool.decimals],
  );
  const key = series === "share" ? "shareValue" : "cumulativeProfit";
  const digits = series === "share" ? 4 : 2;
  return (
    <Card
      title="Performance"
      subtitle="From the pool's events: one point per deposit, settled deposit request, withdrawal, executed trade and mandate trade"
      action={
        <Segmented
          options={[
            { value: "share", label: "Share value" },
            { value: "profit", label: "Cumulative profit" },
          ]}
          value={series}
          onChange={setSeries}
          testId="chart-toggle"
        />
      }
      testId="history-chart"
    >
      {loading ? (
        <Skeleton height={240} />
      ) : error ? (
        <Empty title="History unavailable">
          This RPC endpoint does not serve the pool's transaction history.
        </Empty>
      ) : data.length < 2 ? (
        <Empty title="No history yet">The chart fills in as members deposit and trades execute.</Empty>
      ) : (
        <div className="chart">
          <ResponsiveContainer width="100%" height={260}>
            <AreaChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
              <defs>
                <linearGradient id="fill" x1="0" y1="0" x2="0" y2="1">
                  <stop offset="0%" stopColor="var(--accent)" stopOpacity={0.35} />
                  <stop offset="100%" stopColor="var(--accent)" stopOpacity={0} />
                </linearGradient>
              </defs>
              <CartesianGrid stroke="var(--line)" vertical={false} />
              <XAxis
                dataKey="n"
                type="number"
                domain={["dataMin", "dataMax"]}
                allowDecimals={false}
                tickFormatter={(n: number) => (data[n] ? tickFormat(data)(data[n].time) : "")}
                stroke="var(--muted)"
                fontSize={12}
                tickLine={false}
                axisLine={false}
                minTickGap={40}
              />
              <YAxis
                stroke="var(--muted)"
                fontSize={12}
                tickLine={false}
                axisLine={false}
                width={64}
                domain={series === "share" ? ["auto", "auto"] : [0, "auto"]}
                tickFormatter={(v: number) => v.toFixed(series === "share" ? 4 : 0)}
              />
              <Tooltip
                contentStyle={{
                  background: "var(--panel-2)",
                  border: "1px solid var(--line)",
                  borderRadius: 10,
                }}
                labelFormatter={(n) => (data[Number(n)] ? formatDateTime(data[Number(n)].time) : "")}
                formatter={(v) => [
                  `${Number(v).toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits })} ${pool.symbol}`,
                  series === "share" ? "Share value" : "Cumulative profit",
                ]}
              />
              <Area
                type="linear"
                dataKey={key}
                stroke="var(--accent)"
                strokeWidth={2}
                fill="url(#fill)"
                isAnimationActive={false}
              />
            </AreaChart>
          </ResponsiveContainer>
        </div>
      )}
    </Card>
  );
}

/** Axis labels for the span of `data`: seconds for minutes, times for days, dates beyond. */
function tickFormat(data: Array<{ time: number }>): (t: number) => string {
  const span = data.length ? data[data.length - 1].time - data[0].time : 0;
  return (t: number) => {
    const d = new Date(t * 1000);
    const hm = `${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}`;
    if (span < 3600) return `${hm}:${String(d.getSeconds()).padStart(2, "0")}`;
    if (span < 2 * 86_400) return hm;
    return formatDateTime(t).replace(/ \d{4},.*$/, "");
  };
}
