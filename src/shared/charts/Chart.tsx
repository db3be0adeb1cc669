import { createEffect, getOwner, onCleanup, onMount, runWithOwner } from 'solid-js';
import type { EChartsCoreOption } from 'echarts/core';

type Echarts = typeof import('./echarts')['echarts'];
let loading: Promise<Echarts> | null = null;
/** The chart code, loaded once when the first chart mounts (then cached by the browser and the service worker). */
export function loadEcharts(): Promise<Echarts> {
  loading ??= import('./echarts').then((m) => m.echarts);
  return loading;
}

/**
 * One ECharts chart drawn with the SVG renderer. `option` is tracked: a new month or dimension
 * redraws it. `label` is the chart's accessible name (the figures are also in the tables next
 * to it). `static` draws without animation (print, tests, the bench). `onReady` is told when the
 * first drawing is done.
 */
export function Chart(props: { option: EChartsCoreOption; label: string; width?: number; height?: number; static?: boolean; onReady?: () => void; testid?: string }) {
  let el!: HTMLDivElement;
  let chart: ReturnType<Echarts['init']> | undefined;
  let disposed = false;
  const owner = getOwner();
  const resize = () => chart?.resize();
  onMount(async () => {
    const echarts = await loadEcharts();
    if (disposed) return;
    chart = echarts.init(el, undefined, { renderer: 'svg', width: props.width, height: props.height ?? 260 });
    window.addEventListener('resize', resize);
    // After the await the component's owner must be given back, or the effect would never be disposed.
    runWithOwner(owner, () =>
      createEffect(() => {
        chart!.setOption({ animation: !props.static, ...props.option }, true);
        el.dataset.drawn = 'true';
        props.onReady?.();
      }),
    );
  });
  onCleanup(() => {
    disposed = true;
    window.removeEventListener('resize', resize);
    chart?.dispose();
  });
  return <div ref={el} class="chart" role="img" aria-label={props.label} data-testid={props.testid ?? 'chart'} style={{ height: `${props.height ?? 260}px`, width: props.width ? `${props.width}px` : '100%' }} />;
}
