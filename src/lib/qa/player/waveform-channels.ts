// How a call's stored peaks become wavesurfer.js channel data. The peaks are magnitudes (0…1); wavesurfer
// draws each channel from the absolute values, mirrored about its middle line (bars and line alike), so they
// go in as they are: no negated copy, no copy at all. A stereo call is drawn as two channels, agent (left
// channel) above caller (right channel).
import { PEAKS_PER_SECOND } from '../audio/peaks';

export interface ChannelLook {
	label: string;
	waveColor: string;
	progressColor: string;
}

/** Left channel first: the order of wavesurfer's `splitChannels` and of the labels beside the waveform. */
export const CHANNEL_LOOKS: readonly [ChannelLook, ChannelLook] = [
	{ label: '坐席', waveColor: '#8fb0d8', progressColor: '#1f5fa8' },
	{ label: '市民', waveColor: '#e2b07a', progressColor: '#a86200' }
];

/** Pixel height of one channel of a stereo call, and of a mono call's only channel. */
export const STEREO_CHANNEL_HEIGHT = 64;
export const MONO_HEIGHT = 96;

export function drawnChannelCount(peakChannels: number, channels: number): 1 | 2 {
	return channels >= 2 && peakChannels >= 2 ? 2 : 1;
}

// wavesurfer refuses empty channel data; a call with no peaks is drawn as a flat line.
const SILENCE = new Float32Array(1);

/** The channels to draw, the stored arrays themselves (a 60-minute call is 180 000 values a channel). */
export function waveformChannelData(peaks: readonly Float32Array[], channels: number): Float32Array[] {
	const count = drawnChannelCount(peaks.length, channels);
	return Array.from({ length: count }, (_, index) => {
		const channel = peaks[index];
		return channel && channel.length > 0 ? channel : SILENCE;
	});
}

/** The recording's duration, or one worked out from the peaks when it is missing (wavesurfer needs > 0). */
export function drawableDuration(
	durationSeconds: number,
	peaks: readonly Float32Array[],
	peaksPerSecond: number = PEAKS_PER_SECOND
): number {
	if (Number.isFinite(durationSeconds) && durationSeconds > 0) return durationSeconds;
	const buckets = peaks[0]?.length ?? 0;
	return buckets > 0 ? buckets / peaksPerSecond : 1;
}
