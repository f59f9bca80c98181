// ECharts for the report screens: loaded only there (about 190 KB gzipped), after mounting, since it touches
// `window` at import. Each chart is an attachment that draws into its div, redraws when its option changes,
// resizes with the div and for A4 print, and says when it is drawn (the screens' data-charts-ready).
import type { Attachment } from 'svelte/attachments';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption, EChartsType } from 'echarts/core';

export type ChartOption = ComposeOption<
	BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;
type InitChart = (element: HTMLElement) => EChartsType;

/** 170 mm at CSS 96 dpi: the printable width of A4 with the browser's default margins. */
const PRINT_WIDTH_PX = 642;

export const CHART_COLORS = {
	primary: '#1f5fa8',
	before: '#9db7d9',
	red: '#c0392b',
	average: '#a86200',
	green: '#2e7d32',
	grey: '#8a93a3',
	axis: '#5b6475'
};
export const axisLabel = { color: CHART_COLORS.axis };
export const splitLine = { lineStyle: { color: '#e6e9ef' } };

/** Tooltips are HTML and names are typed in by people. */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

export class ChartHost {
	#init = $state.raw<InitChart | null>(null);
	#rendered = $state<Record<string, boolean>>({});

	/** Loads ECharts (call from onMount); the returned function stops a load still under way from landing. */
	load(): () => void {
		let gone = false;
		// Destructured so the bundler keeps only these exports of each ECharts entry point.
		void Promise.all([
			import('echarts/core').then(({ init, use }) => ({ init, use })),
			import('echarts/charts').then(({ BarChart, LineChart }) => [BarChart, LineChart]),
			import('echarts/components').then(({ GridComponent, LegendComponent, TooltipComponent }) => [
				GridComponent,
				LegendComponent,
				TooltipComponent
			]),
			import('echarts/renderers').then(({ SVGRenderer }) => SVGRenderer)
		]).then(([{ init, use }, charts, components, SVGRenderer]) => {
			use([...charts, ...components, SVGRenderer]);
			// SVG rather than canvas: sharp at any zoom and on paper.
			if (!gone) this.#init = (element) => init(element, undefined, { renderer: 'svg' });
		});
		return () => {
			gone = true;
		};
	}

	/** Whether every chart named is drawn (a chart not shown counts as drawn). */
	drawn(keys: string[]): boolean {
		return keys.every((key) => this.#rendered[key] === true);
	}

	chart(key: string, option: () => ChartOption): Attachment<HTMLDivElement> {
		return (element) => {
			const init = this.#init;
			if (!init) return;
			const instance = init(element);
			instance.on('finished', () => (this.#rendered[key] = true));
			$effect(() => {
				const next = option();
				this.#rendered[key] = false;
				instance.setOption(next, { notMerge: true });
			});
			const observer = new ResizeObserver(() => instance.resize());
			observer.observe(element);
			// Print lays out before a ResizeObserver would report: size the SVG for A4 explicitly.
			const toPrint = () => instance.resize({ width: PRINT_WIDTH_PX });
			const toScreen = () => instance.resize();
			window.addEventListener('beforeprint', toPrint);
			window.addEventListener('afterprint', toScreen);
			return () => {
				observer.disconnect();
				window.removeEventListener('beforeprint', toPrint);
				window.removeEventListener('afterprint', toScreen);
				instance.dispose();
				delete this.#rendered[key];
			};
		};
	}
}
