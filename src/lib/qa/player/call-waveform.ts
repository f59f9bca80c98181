// The wavesurfer.js player for one call. It draws the peaks stored at import and plays through an <audio>
// element made here. Given `peaks` and `duration`, wavesurfer v8's load() neither fetches nor decodes the audio
// (it wraps the peaks with Decoder.createBuffer); the element streams the audio only to play it.
import WaveSurfer from 'wavesurfer.js';
import RegionsPlugin from 'wavesurfer.js/dist/plugins/regions.esm.js';
import {
	CHANNEL_LOOKS,
	drawableDuration,
	drawnChannelCount,
	MONO_HEIGHT,
	STEREO_CHANNEL_HEIGHT,
	waveformChannelData
} from './waveform-channels';

export type CallRegions = ReturnType<typeof RegionsPlugin.create>;

export interface CallWaveformSetup {
	container: HTMLElement;
	audioUrl: string;
	peaks: readonly Float32Array[];
	channels: number;
	durationSeconds: number;
}

export interface CallWaveformEvents {
	/** The waveform is drawn: regions can go on it. */
	ondrawn: () => void;
	/** Drawn, and the audio's metadata is in: play and seek work. */
	onplayable: () => void;
	ontime: (seconds: number) => void;
	onplaying: (playing: boolean) => void;
	onfailed: (message: string) => void;
}

export interface CallWaveform {
	wavesurfer: WaveSurfer;
	regions: CallRegions;
	destroy(): void;
}

const HAVE_METADATA = 1;

export function createCallWaveform(setup: CallWaveformSetup, events: CallWaveformEvents): CallWaveform {
	const audio = new Audio();
	audio.preload = 'metadata';
	// Set before wavesurfer adopts the element: load() finds this source already in place and leaves it be.
	if (setup.audioUrl) audio.src = setup.audioUrl;
	const regions = RegionsPlugin.create();
	const stereo = drawnChannelCount(setup.peaks.length, setup.channels) === 2;
	const wavesurfer = WaveSurfer.create({
		container: setup.container,
		media: audio,
		peaks: waveformChannelData(setup.peaks, setup.channels),
		duration: drawableDuration(setup.durationSeconds, setup.peaks),
		height: stereo ? STEREO_CHANNEL_HEIGHT : MONO_HEIGHT,
		waveColor: CHANNEL_LOOKS[0].waveColor,
		progressColor: CHANNEL_LOOKS[0].progressColor,
		cursorColor: '#b42318',
		cursorWidth: 2,
		barWidth: 2,
		barGap: 1,
		barRadius: 1,
		// Each channel is scaled to its own loudest moment: a quiet caller line still shows who speaks when.
		normalize: true,
		...(stereo
			? {
					splitChannels: CHANNEL_LOOKS.map(({ waveColor, progressColor }) => ({ waveColor, progressColor }))
				}
			: {}),
		plugins: [regions]
	});

	let drawn = false;
	let playable = false;
	const checkPlayable = () => {
		if (playable || !drawn || audio.readyState < HAVE_METADATA) return;
		playable = true;
		events.onplayable();
	};
	audio.addEventListener('loadedmetadata', checkPlayable);
	wavesurfer.on('ready', () => {
		drawn = true;
		events.ondrawn();
		checkPlayable();
	});
	wavesurfer.on('timeupdate', (seconds) => events.ontime(seconds));
	wavesurfer.on('play', () => events.onplaying(true));
	wavesurfer.on('pause', () => events.onplaying(false));
	wavesurfer.on('finish', () => events.onplaying(false));
	wavesurfer.on('error', () => events.onfailed(audioFailureMessage(audio.error?.code)));

	return {
		wavesurfer,
		regions,
		destroy() {
			audio.removeEventListener('loadedmetadata', checkPlayable);
			wavesurfer.destroy();
			// wavesurfer leaves a media element it was handed alone: without this the call plays on after the page.
			audio.pause();
			audio.removeAttribute('src');
			audio.load();
		}
	};
}

/** What the inspector reads when the audio will not play (MediaError codes). */
export function audioFailureMessage(code: number | undefined): string {
	switch (code) {
		case 2:
			return '读取录音时网络中断，请刷新页面重试。';
		case 3:
			return '录音文件已损坏，无法播放；波形和批注仍可查看。';
		case 4:
			return '浏览器不支持这条录音的格式，或录音文件不完整，无法播放；波形和批注仍可查看。';
		default:
			return '录音无法播放，请刷新页面重试。';
	}
}
