/**
 * ECharts through `echarts/core` with only the parts the dashboard and the monthly report draw
 * (line and bar charts, grid, tooltip, legend, the SVG renderer). This module is imported
 * dynamically by the chart component, so it is its own chunk: the first screen never loads it.
 * SVG everywhere: the same chart prints as vectors in the report.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([LineChart, BarChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, SVGRenderer]);

export { echarts };
