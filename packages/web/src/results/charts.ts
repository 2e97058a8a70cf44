import { useThaiCompounds, wrapLabel } from '@prongsai/core/thai';
import thaiWords from '../../../../frameworks/typesetting/thai-words.json';
import type { ChartOption } from '../charts/EChart';

// The domain's compounds (ตัวชี้วัด, งบประมาณ …) stay whole in chart labels, as in the documents.
useThaiCompounds(thaiWords.words);

/**
 * The seeds' กราฟใยแมงมุม: the ten indicators on a 0–100 radar, this year's line named by its
 * year beside last year's. Labels are wrapped between whole words and set off the chart's rim.
 */
export function radarOption(
  names: string[],
  current: { label: string; values: number[] },
  previous?: { label: string; values: number[] },
): ChartOption {
  return {
    tooltip: {},
    legend: previous ? { bottom: 0 } : undefined,
    radar: {
      radius: '52%',
      center: ['50%', previous ? '48%' : '52%'],
      indicator: names.map((name) => ({ name: wrapLabel(name, 14), max: 100, min: 0 })),
      axisName: { color: '#333', fontSize: 12, lineHeight: 16 },
      axisNameGap: 12,
    },
    series: [
      {
        type: 'radar',
        data: [
          ...(previous
            ? [{ value: previous.values, name: previous.label, lineStyle: { type: 'dashed' }, itemStyle: { color: '#999' } }]
            : []),
          { value: current.values, name: current.label, areaStyle: { opacity: 0.2 }, itemStyle: { color: '#0ca678' } },
        ],
      },
    ],
  };
}

export function barOption(labels: string[], values: number[], threshold: number): ChartOption {
  return {
    tooltip: {},
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', min: 0, max: 100 },
    yAxis: { type: 'category', data: labels, axisLabel: { fontSize: 12, width: 180, overflow: 'truncate' } },
    series: [
      {
        type: 'bar',
        data: values.map((v) => ({ value: v, itemStyle: { color: v < threshold ? '#f08c00' : '#0ca678' } })),
        label: {
          show: true,
          position: 'right',
          formatter: (p: { value: number }) => p.value.toFixed(2),
          textBorderColor: 'transparent',
        },
        markLine: {
          symbol: 'none',
          data: [{ xAxis: threshold }],
          lineStyle: { color: '#e03131', type: 'dashed' },
          label: { formatter: String(threshold) },
        },
      },
    ],
  };
}

export function statsOption(labels: string[], counts: (number | null)[]): ChartOption {
  return {
    tooltip: {},
    grid: { left: 8, right: 30, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: labels, axisLabel: { fontSize: 12 } },
    series: [
      {
        type: 'bar',
        data: counts.map((c) => c ?? 0),
        itemStyle: { color: '#1c7ed6' },
        label: { show: true, position: 'right', textBorderColor: 'transparent' },
      },
    ],
  };
}
