// Reads a recording's file off the main thread (file-analysis.ts): its peaks and its MD5.
import { analyzeDecodedFile, analyzeWavFile, type FileAnalysis } from './file-analysis';
import type { WavLayout } from './wav-format';

export type AnalysisRequest =
	| { kind: 'decoded'; file: Blob; channels: Float32Array[]; sampleRate: number }
	| { kind: 'wav'; file: Blob; layout: WavLayout };

export type AnalysisReply =
	(FileAnalysis & { durationSeconds?: number; channels?: number }) | { failure: string };

self.onmessage = async (event: MessageEvent<AnalysisRequest>) => {
	const request = event.data;
	try {
		const reply: AnalysisReply =
			request.kind === 'decoded'
				? await analyzeDecodedFile(request.file, request.channels, request.sampleRate)
				: await analyzeWavFile(request.file, request.layout);
		self.postMessage(reply);
	} catch (error) {
		self.postMessage({ failure: (error as Error).message } satisfies AnalysisReply);
	}
};
